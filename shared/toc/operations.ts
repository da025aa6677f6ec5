/**
 * Edits of the theory-of-change graph. Each function changes the plan object
 * it is given, so it is meant to run inside an immer recipe (one named undo
 * step); it keeps every reference to the graph elsewhere in the plan valid.
 */
import { baseOf, replaceContents } from '../plan/drafts';
import type { Plan, TocLink, TocNode } from '../plan/schema';
import { newId } from '../plan/create';
import { forgetMeasuredElements } from '../indicators/measures';
import { isNoteKind, type TocNodeKind } from './kinds';

/** Default size of a node on the canvas, used for placement and layout. */
export const NODE_SIZE = { width: 220, height: 84 } as const;

/** A new node (not yet in the plan). Outcomes start as short-term. */
export function makeTocNode(init: {
  kind: TocNodeKind;
  title: string;
  position: { x: number; y: number };
  id?: string;
}): TocNode {
  return {
    id: init.id ?? newId('toc'),
    kind: init.kind,
    horizon: init.kind === 'outcome' ? 'short' : null,
    title: init.title,
    description: '',
    position: { x: Math.round(init.position.x), y: Math.round(init.position.y) },
  };
}

/** Adds a node and returns it. Outcomes start as short-term. */
export function addTocNode(
  plan: Plan,
  init: { kind: TocNodeKind; title: string; position: { x: number; y: number }; id?: string },
): TocNode {
  const node = makeTocNode(init);
  plan.theoryOfChange.nodes.push(node);
  return node;
}

/** Why a link cannot be made, as a code (the UI words it in its language). */
export type TocLinkProblem = 'notElements' | 'self' | 'note' | 'fromImpact' | 'alreadyLinked';

/** The English sentence for each link problem (command refusals, exports). */
export const TOC_LINK_PROBLEM_TEXT: Readonly<Record<TocLinkProblem, string>> = {
  notElements: 'Both ends of a link must be elements of the theory of change.',
  self: 'An element cannot lead to itself.',
  note: 'Assumptions and external factors are notes; attach assumptions to a link instead.',
  fromImpact: 'The impact is the end of the pathway; it leads to nothing else.',
  alreadyLinked: 'These two are already linked.',
};

/** Why a link cannot be made, as a code; null when it can. */
export function linkProblemCode(plan: Plan, source: string, target: string): TocLinkProblem | null {
  const { nodes, links } = plan.theoryOfChange;
  return problemBetween(
    nodes.find((n) => n.id === source),
    nodes.find((n) => n.id === target),
    () => links.some((l) => l.source === source && l.target === target),
  );
}

/** Why a link cannot be made, in words for the user (English); null when it can. */
export function linkProblem(plan: Plan, source: string, target: string): string | null {
  const code = linkProblemCode(plan, source, target);
  return code && TOC_LINK_PROBLEM_TEXT[code];
}

/**
 * linkProblemCode from one source to many targets (a list to pick from): one
 * pass over the graph, then constant time per target, where linkProblemCode
 * passes over the whole graph for each.
 */
export function linkProblemCodesFrom(
  plan: Plan,
  source: string,
): (target: string) => TocLinkProblem | null {
  const { nodes, links } = plan.theoryOfChange;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const linked = new Set(links.filter((l) => l.source === source).map((l) => l.target));
  const from = byId.get(source);
  return (target) => problemBetween(from, byId.get(target), () => linked.has(target));
}

/** linkProblemCodesFrom in words for the user (English). */
export function linkProblemsFrom(plan: Plan, source: string): (target: string) => string | null {
  const codeOf = linkProblemCodesFrom(plan, source);
  return (target) => {
    const code = codeOf(target);
    return code && TOC_LINK_PROBLEM_TEXT[code];
  };
}

function problemBetween(
  from: TocNode | undefined,
  to: TocNode | undefined,
  alreadyLinked: () => boolean,
): TocLinkProblem | null {
  if (!from || !to) return 'notElements';
  if (from.id === to.id) return 'self';
  if (isNoteKind(from.kind) || isNoteKind(to.kind)) return 'note';
  if (from.kind === 'impact') return 'fromImpact';
  if (alreadyLinked()) return 'alreadyLinked';
  return null;
}

/** Adds a causal link `source → target`; returns it, or the reason it cannot be made. */
export function connectTocNodes(
  plan: Plan,
  source: string,
  target: string,
  id: string = newId('link'),
): { link: TocLink } | { problem: string } {
  const problem = linkProblem(plan, source, target);
  if (problem) return { problem };
  const link: TocLink = { id, source, target, rationale: '', assumptions: [], evidence: 'none' };
  plan.theoryOfChange.links.push(link);
  return { link };
}

/**
 * Removes nodes (with their links) and links, and everything that pointed at
 * them: indicators of removed nodes, logic-model traces, stakeholder links.
 */
export function removeTocElements(
  plan: Plan,
  nodeIds: Iterable<string>,
  linkIds: Iterable<string> = [],
): void {
  const nodes = new Set(nodeIds);
  const links = new Set(linkIds);
  const toc = plan.theoryOfChange;
  // Lists are read as plain values (baseOf) so a draft does not proxy every element.
  const keptNodes = baseOf(toc.nodes).filter((n) => !nodes.has(n.id));
  if (keptNodes.length !== toc.nodes.length) replaceContents(toc.nodes, keptNodes);
  const allLinks = baseOf(toc.links);
  const keptLinks = allLinks.filter(
    (l) => !links.has(l.id) && !nodes.has(l.source) && !nodes.has(l.target),
  );
  if (keptLinks.length !== allLinks.length) replaceContents(toc.links, keptLinks);
  if (nodes.size === 0) return;
  forgetMeasuredElements(plan, nodes);
  baseOf(plan.logicModel.items).forEach((item, i) => {
    if (item.tocOutcomeId && nodes.has(item.tocOutcomeId))
      plan.logicModel.items[i]!.tocOutcomeId = null;
  });
  baseOf(plan.stakeholders.entries).forEach((entry, i) => {
    if (entry.interventionIds.some((id) => nodes.has(id))) {
      plan.stakeholders.entries[i]!.interventionIds = entry.interventionIds.filter(
        (id) => !nodes.has(id),
      );
    }
  });
}

/** Moves nodes to new positions (rounded to whole canvas units). */
export function moveTocNodes(
  plan: Plan,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): void {
  const nodes = plan.theoryOfChange.nodes;
  baseOf(nodes).forEach((node, i) => {
    const to = positions.get(node.id);
    if (to && (node.position.x !== Math.round(to.x) || node.position.y !== Math.round(to.y))) {
      nodes[i]!.position = { x: Math.round(to.x), y: Math.round(to.y) };
    }
  });
}

/** What is copied: some nodes, the links among them, and their indicators. */
export interface TocClipboard {
  readonly format: 'upskill-workbench/toc-selection';
  readonly nodes: TocNode[];
  readonly links: TocLink[];
  readonly indicators: Plan['indicators'];
}

/** Copies the selected nodes, the links between them and their indicators. */
export function copyTocSelection(plan: Plan, nodeIds: Iterable<string>): TocClipboard {
  const ids = new Set(nodeIds);
  return structuredClone({
    format: 'upskill-workbench/toc-selection' as const,
    nodes: plan.theoryOfChange.nodes.filter((n) => ids.has(n.id)),
    links: plan.theoryOfChange.links.filter((l) => ids.has(l.source) && ids.has(l.target)),
    indicators: plan.indicators.filter((i) => i.subjectIds.some((id) => ids.has(id))),
  });
}

/** Fresh ids for a paste, made by the caller (so pasting is deterministic): one per copied node, link and indicator. */
export interface PasteIds {
  readonly nodes: readonly string[];
  readonly links: readonly string[];
  readonly indicators: readonly string[];
}

/** New ids for pasting a clipboard. */
export function pasteIds(clip: TocClipboard): PasteIds {
  return {
    nodes: clip.nodes.map(() => newId('toc')),
    links: clip.links.map(() => newId('link')),
    indicators: clip.indicators.map(() => newId('ind')),
  };
}

/** Pastes a copied selection with the given ids, offset so it does not cover the original; returns the new node ids. */
export function pasteTocSelection(
  plan: Plan,
  clip: TocClipboard,
  ids: PasteIds = pasteIds(clip),
  offset = { x: 40, y: 40 },
): string[] {
  const idMap = new Map(clip.nodes.map((n, i) => [n.id, ids.nodes[i]!]));
  for (const node of clip.nodes) {
    plan.theoryOfChange.nodes.push({
      ...structuredClone(node),
      id: idMap.get(node.id)!,
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    });
  }
  clip.links.forEach((link, i) => {
    const source = idMap.get(link.source);
    const target = idMap.get(link.target);
    if (source && target)
      plan.theoryOfChange.links.push({
        ...structuredClone(link),
        id: ids.links[i]!,
        source,
        target,
      });
  });
  clip.indicators.forEach((indicator, i) => {
    // The copy measures the pasted elements only; it is not a success measure of its own.
    const subjectIds = indicator.subjectIds.flatMap((id) => idMap.get(id) ?? []);
    if (subjectIds.length > 0)
      plan.indicators.push({
        ...structuredClone(indicator),
        id: ids.indicators[i]!,
        subjectIds,
        successMeasure: null,
      });
  });
  return [...idMap.values()];
}

const titleOrder = new Intl.Collator();
const lowerTexts = new WeakMap<TocNode, { title: string; text: string }>();

/** A node's title, and title plus description, in lower case (cached per node object). */
function lowerText(node: TocNode): { title: string; text: string } {
  let cached = lowerTexts.get(node);
  if (!cached) {
    const title = node.title.toLowerCase();
    cached = { title, text: `${title} ${node.description.toLowerCase()}` };
    lowerTexts.set(node, cached);
  }
  return cached;
}

/**
 * Nodes whose title or description contains every word of the query, best
 * first (title starting with the first word, then all words in the title,
 * then by title). Keeps only the best `limit` while scanning, so a query
 * that most of 100,000 elements match is never sorted whole.
 */
export function searchTocNodes(nodes: readonly TocNode[], query: string, limit = 20): TocNode[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 || limit <= 0) return [];
  const best: { node: TocNode; score: number }[] = [];
  const before = (a: { node: TocNode; score: number }, b: { node: TocNode; score: number }) =>
    a.score - b.score || titleOrder.compare(a.node.title, b.node.title);
  for (const node of nodes) {
    const { title, text } = lowerText(node);
    if (!words.every((w) => text.includes(w))) continue;
    const score =
      (title.startsWith(words[0]!) ? 0 : 1) + (words.every((w) => title.includes(w)) ? 0 : 2);
    const entry = { node, score };
    if (best.length === limit && before(entry, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && before(entry, best[at - 1]!) < 0) at--;
    best.splice(at, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best.map((s) => s.node);
}

/** A free spot near `around` that no node covers, for a node added by keyboard. */
export function freePosition(
  nodes: readonly TocNode[],
  around: { x: number; y: number },
): { x: number; y: number } {
  const taken = (x: number, y: number) =>
    nodes.some(
      (n) =>
        Math.abs(n.position.x - x) < NODE_SIZE.width &&
        Math.abs(n.position.y - y) < NODE_SIZE.height,
    );
  const step = 30;
  for (let ring = 0; ring < 40; ring++) {
    for (let i = 0; i <= ring; i++) {
      for (const [dx, dy] of [
        [i, ring],
        [ring, i],
        [-i, ring],
        [ring, -i],
      ] as const) {
        const x = around.x + dx * step * 2;
        const y = around.y + dy * step;
        if (!taken(x, y)) return { x: Math.round(x), y: Math.round(y) };
      }
    }
  }
  return { x: Math.round(around.x), y: Math.round(around.y) };
}
