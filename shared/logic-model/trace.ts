/**
 * Traceability between the logic model (the "how") and the theory of change
 * (the "why"): a logic-model outcome names the theory-of-change outcome it
 * operationalises in `tocOutcomeId`.
 */
import type { LogicItem, Plan, TocNode } from '../plan/schema';
import { chainIndex } from './lanes';

/** True for theory-of-change nodes a logic-model item may trace to: outcomes and the impact. */
export function isTraceableTocNode(node: Pick<TocNode, 'kind'>): boolean {
  return node.kind === 'outcome' || node.kind === 'impact';
}

const HORIZON_RANK = { long: 1, intermediate: 2, short: 3 } as const;

/** Theory-of-change nodes a logic-model item may trace to, impact first, then long → short term. */
export function traceableTocNodes(plan: Plan): TocNode[] {
  const rank = (n: TocNode) => (n.kind === 'impact' ? 0 : n.horizon ? HORIZON_RANK[n.horizon] : 4);
  return plan.theoryOfChange.nodes
    .filter(isTraceableTocNode)
    .sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

/**
 * Logic-model items that operationalise a theory-of-change node, in reading
 * order (lane left to right, then order in the lane). Used by the theory-of-
 * change side panel to list and link back to them.
 */
export function logicItemsTracingTo(plan: Plan, tocNodeId: string): LogicItem[] {
  return plan.logicModel.items
    .filter((item) => item.tocOutcomeId === tocNodeId)
    .sort((a, b) => chainIndex(a.lane) - chainIndex(b.lane) || a.order - b.order);
}

/** The theory-of-change node a logic-model item traces to, if it exists. */
export function tracedTocNode(plan: Plan, item: Pick<LogicItem, 'tocOutcomeId'>): TocNode | null {
  if (!item.tocOutcomeId) return null;
  return plan.theoryOfChange.nodes.find((n) => n.id === item.tocOutcomeId) ?? null;
}
