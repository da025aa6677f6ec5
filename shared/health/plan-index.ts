/**
 * Look-up tables built once per health check, so every rule runs in linear
 * time over the plan (3,000 theory-of-change nodes must check in ≤ 20 ms).
 */
import { indicatorsBySubject as indicatorsBySubjectOf } from '../indicators/measures';
import type { Indicator, LogicItem, Plan, TocNode } from '../plan/schema';

/** Indexes over one plan, shared by all rules of one check. */
export interface PlanIndex {
  readonly tocNodes: ReadonlyMap<string, TocNode>;
  readonly logicItems: ReadonlyMap<string, LogicItem>;
  /** Indicators by the id of each element they list as measured (`subjectIds`). */
  readonly indicatorsBySubject: ReadonlyMap<string, readonly Indicator[]>;
}

/** Builds the look-up tables for a plan. */
export function indexPlan(plan: Plan): PlanIndex {
  const tocNodes = new Map<string, TocNode>();
  for (const node of plan.theoryOfChange.nodes) tocNodes.set(node.id, node);
  const logicItems = new Map<string, LogicItem>();
  for (const item of plan.logicModel.items) logicItems.set(item.id, item);
  const indicatorsBySubject = indicatorsBySubjectOf(plan.indicators);
  return { tocNodes, logicItems, indicatorsBySubject };
}

/** Adjacency lists (forward or backward) over links whose both ends exist. */
export function adjacency(
  links: readonly { source: string; target: string }[],
  exists: (id: string) => boolean,
  direction: 'forward' | 'backward',
): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const link of links) {
    if (!exists(link.source) || !exists(link.target)) continue;
    const [from, to] =
      direction === 'forward' ? [link.source, link.target] : [link.target, link.source];
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  return next;
}

/** Every id reachable from `starts` (the starts included), breadth first. */
export function reachable(
  starts: Iterable<string>,
  next: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...seen];
  for (let head = 0; head < queue.length; head++) {
    for (const to of next.get(queue[head]!) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}
