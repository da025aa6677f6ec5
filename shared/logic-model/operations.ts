/**
 * Edits of the logic model, written as mutations of a plan (an immer draft in
 * the app, a plain object in tests). Each keeps the model consistent: orders
 * in a lane stay 1..n, deleting an item removes its arrows and indicators.
 */
import { forgetMeasuredElements } from '../indicators/measures';
import type { LogicItem, Plan } from '../plan/schema';
import { isChainLane, type LaneId } from './lanes';

type LogicModel = Plan['logicModel'];

/** Items of one lane in display order. */
export function itemsInLane(model: LogicModel, lane: LaneId): LogicItem[] {
  return model.items.filter((i) => i.lane === lane).sort((a, b) => a.order - b.order);
}

function renumber(model: LogicModel, lane: LaneId, ordered = itemsInLane(model, lane)): void {
  ordered.forEach((item, index) => {
    const live = model.items.find((i) => i.id === item.id);
    if (live) live.order = index + 1;
  });
}

/** Adds an item at the end of a lane and returns it. */
export function addLogicItem(
  plan: Plan,
  id: string,
  lane: LaneId,
  fields: Partial<Omit<LogicItem, 'id' | 'lane' | 'order'>> = {},
): LogicItem {
  const last = itemsInLane(plan.logicModel, lane).at(-1);
  const item: LogicItem = {
    id,
    lane,
    title: '',
    description: '',
    order: (last?.order ?? 0) + 1,
    tocOutcomeId: null,
    meansOfVerification: '',
    assumptions: '',
    ...fields,
  };
  plan.logicModel.items.push(item);
  return item;
}

/** Moves an item up (-1) or down (+1) in its lane; false when it is already at the end. */
export function moveWithinLane(plan: Plan, itemId: string, delta: -1 | 1): boolean {
  const item = plan.logicModel.items.find((i) => i.id === itemId);
  if (!item) return false;
  const ordered = itemsInLane(plan.logicModel, item.lane);
  const from = ordered.findIndex((i) => i.id === itemId);
  const to = from + delta;
  if (to < 0 || to >= ordered.length) return false;
  const [moved] = ordered.splice(from, 1);
  ordered.splice(to, 0, moved!);
  renumber(plan.logicModel, item.lane, ordered);
  return true;
}

/** Moves an item to another lane, at `index` (default: the end). */
export function moveToLane(plan: Plan, itemId: string, lane: LaneId, index?: number): boolean {
  const item = plan.logicModel.items.find((i) => i.id === itemId);
  if (!item || item.lane === lane) return false;
  const oldLane = item.lane;
  const ordered = itemsInLane(plan.logicModel, lane);
  ordered.splice(Math.max(0, Math.min(index ?? ordered.length, ordered.length)), 0, item);
  item.lane = lane;
  renumber(plan.logicModel, lane, ordered);
  renumber(plan.logicModel, oldLane);
  return true;
}

/** Deletes an item with its arrows and its indicators. */
export function deleteLogicItem(plan: Plan, itemId: string): boolean {
  const item = plan.logicModel.items.find((i) => i.id === itemId);
  if (!item) return false;
  plan.logicModel.items = plan.logicModel.items.filter((i) => i.id !== itemId);
  plan.logicModel.links = plan.logicModel.links.filter(
    (l) => l.source !== itemId && l.target !== itemId,
  );
  forgetMeasuredElements(plan, new Set([itemId]));
  renumber(plan.logicModel, item.lane);
  return true;
}

/** Why an arrow cannot be drawn, as a code (the UI words it in its language). */
export type LogicLinkProblem = 'self' | 'missing' | 'note' | 'alreadyLinked';

/** The English sentence for each arrow problem (command refusals). */
export const LOGIC_LINK_PROBLEM_TEXT: Readonly<Record<LogicLinkProblem, string>> = {
  self: 'An item cannot lead to itself.',
  missing: 'One of the items no longer exists.',
  note: 'Assumptions and external factors are notes; they do not take arrows.',
  alreadyLinked: 'These items are already linked.',
};

/** Why a link cannot be made, as a code; null when it can. */
export function linkProblemCode(
  model: LogicModel,
  source: string,
  target: string,
): LogicLinkProblem | null {
  if (source === target) return 'self';
  const from = model.items.find((i) => i.id === source);
  const to = model.items.find((i) => i.id === target);
  if (!from || !to) return 'missing';
  if (!isChainLane(from.lane) || !isChainLane(to.lane)) return 'note';
  if (model.links.some((l) => l.source === source && l.target === target)) return 'alreadyLinked';
  return null;
}

/** Why a link cannot be made, in a sentence for the planner (English); null when it can. */
export function linkProblem(model: LogicModel, source: string, target: string): string | null {
  const code = linkProblemCode(model, source, target);
  return code && LOGIC_LINK_PROBLEM_TEXT[code];
}

/** Adds an arrow from `source` to `target`; returns a problem sentence instead when it cannot. */
export function addLogicLink(
  plan: Plan,
  id: string,
  source: string,
  target: string,
): { ok: true } | { ok: false; reason: string } {
  const problem = linkProblem(plan.logicModel, source, target);
  if (problem) return { ok: false, reason: problem };
  plan.logicModel.links.push({ id, source, target });
  return { ok: true };
}

/** Removes an arrow. */
export function removeLogicLink(plan: Plan, linkId: string): boolean {
  const before = plan.logicModel.links.length;
  plan.logicModel.links = plan.logicModel.links.filter((l) => l.id !== linkId);
  return plan.logicModel.links.length !== before;
}
