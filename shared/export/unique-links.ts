/**
 * A plan as exports show it: each causal link and each logic-model arrow
 * once. A file can hold the same link twice (a merge, a hand edit); Plan
 * health flags that for the planner, while the documents recipients read
 * list the link a single time, with everything its copies said.
 */
import type { Plan, TocLink } from '../plan/schema';

/** Key of a link's start and end (unambiguous whatever the ids hold). */
const endsKey = (link: { source: string; target: string }) =>
  JSON.stringify([link.source, link.target]);

/** True when two links in the list share their start and end. */
function hasRepeat(links: readonly { source: string; target: string }[]): boolean {
  const seen = new Set<string>();
  for (const link of links) {
    const key = endsKey(link);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** Adds `texts` to `into` unless already there (trimmed, empty ones skipped). */
function addDistinct(into: string[], texts: readonly string[]): void {
  for (const text of texts) {
    const trimmed = text.trim();
    if (trimmed && !into.includes(trimmed)) into.push(trimmed);
  }
}

/**
 * Causal links with repeats folded into the first: its rationale and
 * assumptions gain whatever the repeats add; its evidence stays.
 */
export function uniqueTocLinks(links: readonly TocLink[]): TocLink[] {
  if (!hasRepeat(links)) return [...links];
  const firsts = new Map<string, { link: TocLink; rationales: string[]; assumptions: string[] }>();
  for (const link of links) {
    const key = endsKey(link);
    const first = firsts.get(key);
    if (!first) {
      firsts.set(key, { link, rationales: [link.rationale], assumptions: [...link.assumptions] });
      continue;
    }
    addDistinct(first.rationales, [link.rationale]);
    addDistinct(first.assumptions, link.assumptions);
  }
  return [...firsts.values()].map(({ link, rationales, assumptions }) => ({
    ...link,
    rationale: rationales.filter((r) => r.trim()).join('\n'),
    assumptions,
  }));
}

/** The plan with each link and arrow once; the same object when there are no repeats. */
export function withUniqueLinks(plan: Plan): Plan {
  const toc = plan.theoryOfChange;
  const model = plan.logicModel;
  const tocRepeats = hasRepeat(toc.links);
  const modelRepeats = hasRepeat(model.links);
  if (!tocRepeats && !modelRepeats) return plan;
  const seen = new Set<string>();
  return {
    ...plan,
    theoryOfChange: tocRepeats ? { ...toc, links: uniqueTocLinks(toc.links) } : toc,
    logicModel: modelRepeats
      ? {
          ...model,
          links: model.links.filter((link) => {
            const key = endsKey(link);
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          }),
        }
      : model,
  };
}
