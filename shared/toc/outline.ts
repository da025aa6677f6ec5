/**
 * The level-of-detail view of a theory of change too large for the canvas:
 * elements grouped by kind and horizon, searched as you type, and the part
 * to draw on the canvas (an element and its neighbourhood, or one group).
 * Everything here is linear in the size of the graph (plans can hold
 * 100,000 elements): no sorting by title, no pairwise comparisons.
 */
import type { TocLink, TocNode } from '../plan/schema';

/** A group of the outline, in the order of the pathway (impact first). */
export interface OutlineGroup {
  readonly key: string;
  readonly label: string;
}

/** The groups, top of the pathway first, notes last. */
export const OUTLINE_GROUPS: readonly OutlineGroup[] = [
  { key: 'impact', label: 'Impact' },
  { key: 'outcome-long', label: 'Long-term outcomes' },
  { key: 'outcome-intermediate', label: 'Intermediate outcomes' },
  { key: 'outcome-short', label: 'Short-term outcomes' },
  { key: 'precondition', label: 'Preconditions' },
  { key: 'intervention', label: 'Interventions' },
  { key: 'assumption', label: 'Assumptions' },
  { key: 'externalFactor', label: 'External factors' },
];

/** The outline group an element belongs to. */
export function outlineGroupOf(node: Pick<TocNode, 'kind' | 'horizon'>): string {
  return node.kind === 'outcome' ? `outcome-${node.horizon ?? 'short'}` : node.kind;
}

/** Elements by outline group (every group present, possibly empty), each in plan order. */
export function groupTocNodes(nodes: readonly TocNode[]): Map<string, TocNode[]> {
  const groups = new Map<string, TocNode[]>(OUTLINE_GROUPS.map((g) => [g.key, []]));
  for (const node of nodes) groups.get(outlineGroupOf(node))?.push(node);
  return groups;
}

const searchTexts = new WeakMap<TocNode, string>();

/** An element's title and description in lower case (cached per element object). */
function searchText(node: TocNode): string {
  let text = searchTexts.get(node);
  if (text === undefined) {
    text = `${node.title}\n${node.description}`.toLowerCase();
    searchTexts.set(node, text);
  }
  return text;
}

/** The words of a search query (lower case, empty when there is nothing to look for). */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether the element's title or description holds every word. */
export function matchesWords(node: TocNode, words: readonly string[]): boolean {
  const text = searchText(node);
  return words.every((w) => text.includes(w));
}

/** How many links leave (contributes to) and enter (comes from) an element. */
export interface LinkCount {
  out: number;
  in: number;
}

/**
 * Adds links `from` to `to` (exclusive) of `links` to `counts`; call it in
 * slices to count a very large graph without one long task.
 */
export function countLinks(
  links: readonly TocLink[],
  counts: Map<string, LinkCount>,
  from = 0,
  to = links.length,
): Map<string, LinkCount> {
  const end = Math.min(to, links.length);
  for (let i = from; i < end; i++) {
    const { source, target } = links[i]!;
    const out = counts.get(source);
    if (out) out.out++;
    else counts.set(source, { out: 1, in: 0 });
    const into = counts.get(target);
    if (into) into.in++;
    else counts.set(target, { out: 0, in: 1 });
  }
  return counts;
}

/** A part of the graph to draw: element ids, and how far out from the start it reaches. */
export interface Neighbourhood {
  readonly ids: ReadonlySet<string>;
  /** Steps fully included (links followed either way). */
  readonly steps: number;
  /** True when the next step was cut short, or left out, to stay within the limit. */
  readonly truncated: boolean;
}

/**
 * The elements within `steps` links of `start` (following links either way),
 * at most `limit` of them: whole steps while they fit, then as many of the
 * next step as fit. Each step is one pass over the links.
 */
export function neighbourhood(
  links: readonly TocLink[],
  start: readonly string[],
  steps: number,
  limit: number,
): Neighbourhood {
  const ids = new Set(start.slice(0, limit));
  let frontier = new Set(ids);
  let done = 0;
  for (let step = 1; step <= steps && frontier.size > 0; step++) {
    const next = new Set<string>();
    for (const l of links) {
      if (frontier.has(l.source) && !ids.has(l.target)) next.add(l.target);
      if (frontier.has(l.target) && !ids.has(l.source)) next.add(l.source);
    }
    if (next.size === 0) {
      done = steps;
      break;
    }
    if (ids.size + next.size > limit) {
      for (const id of next) {
        if (ids.size >= limit) break;
        ids.add(id);
      }
      return { ids, steps: done, truncated: true };
    }
    for (const id of next) ids.add(id);
    frontier = next;
    done = step;
  }
  return { ids, steps: done, truncated: false };
}
