/**
 * Commands of the Logic model section (diagram, item panel and logframe):
 * items in lanes, their text, their trace to the theory of change, their
 * order and lane, and the arrows between them. The lane rules (orders 1..n,
 * a deleted item taking its arrows and indicators with it) live in
 * shared/logic-model/operations.ts; these commands name and apply them.
 */
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import type { LaneId } from '../logic-model/lanes';
import {
  addLogicItem,
  addLogicLink,
  deleteLogicItem,
  linkProblemCode,
  moveToLane,
  moveWithinLane,
  removeLogicLink,
} from '../logic-model/operations';
import { isTraceableTocNode } from '../logic-model/trace';
import type { LogicItem, Plan } from '../plan/schema';
import { cutToLength } from '../text-length';
import { CommandRefusal, defineCommand, quoted } from './command';

const SECTION = 'logicModel' as const;
/** Longest title the plan file accepts. */
const TITLE_MAX = 500;

function findItem(plan: Plan, id: string): LogicItem | undefined {
  return plan.logicModel.items.find((i) => i.id === id);
}

/** `kind “Title”` of an item for step names ("activity “Run outreach”"), or `fallback`. */
/** An item of `lane` for step names: its lane's singular and its title ("activity “Mentoring”"). */
function itemOfLane(lane: LaneId, title: string, t: Translator): string {
  const singular = t(`logicModel:lanes.${lane}.singular`);
  return title ? t('commands:logicModel.itemTitled', { lane: singular, title }) : singular;
}

function described(plan: Plan, id: string, t: Translator): string {
  const item = findItem(plan, id);
  if (!item) return t('commands:logicModel.anItem');
  return itemOfLane(item.lane, quoted(item.title), t);
}

const at = (id: string) => ({ section: SECTION, focus: id });

/** Adds an item with a title at the end of a lane (the id made by the caller). */
export const addLogicModelItem = defineCommand<{ id: string; lane: LaneId; title: string }>({
  type: 'logicItem.add',
  label: ({ lane, title }, _plan, t = englishTranslator) =>
    t('commands:logicModel.add', { item: itemOfLane(lane, title ? quoted(title) : '', t) }),
  locate: ({ id }) => at(id),
  apply(draft, { id, lane, title }) {
    if (findItem(draft, id)) return;
    addLogicItem(draft, id, lane, { title: cutToLength(title.trim(), TITLE_MAX) });
  },
});

/** Renames an item in one step (an inline rename; typing in a field uses `editLogicItemText`). */
export const renameLogicModelItem = defineCommand<{ id: string; title: string }>({
  type: 'logicItem.rename',
  label: ({ id }, plan, t = englishTranslator) =>
    t('commands:logicModel.rename', { item: described(plan, id, t) }),
  locate: ({ id }) => at(id),
  apply(draft, { id, title }) {
    const item = findItem(draft, id);
    if (item) item.title = cutToLength(title, TITLE_MAX);
  },
});

/** The text fields of an item that are edited by typing. */
export type LogicItemTextField = 'title' | 'description' | 'meansOfVerification' | 'assumptions';

const TEXT_FIELDS: Record<LogicItemTextField, true> = {
  title: true,
  description: true,
  meansOfVerification: true,
  assumptions: true,
};

/** Sets a text field of an item; typing in one field of one item is one undo step. */
export const editLogicItemText = defineCommand<{
  id: string;
  field: LogicItemTextField;
  value: string;
}>({
  type: 'logicItem.editText',
  label({ id, field }, plan, t = englishTranslator) {
    const title = quoted(findItem(plan, id)?.title);
    return title
      ? t('commands:logicModel.editTextTitled', { field, title })
      : t('commands:logicModel.editText', { field });
  },
  coalesce: ({ id, field }) => `logicItem.editText:${id}:${field}`,
  locate: ({ id }) => at(id),
  apply(draft, { id, field, value }) {
    if (!Object.hasOwn(TEXT_FIELDS, field)) throw CommandRefusal.of('fieldNotEditable');
    const item = findItem(draft, id);
    if (item) item[field] = field === 'title' ? cutToLength(value, TITLE_MAX) : value;
  },
});

/** Links an item to the theory-of-change outcome it operationalises, or unlinks it (null). */
export const traceLogicModelItem = defineCommand<{ id: string; tocOutcomeId: string | null }>({
  type: 'logicItem.trace',
  // Kept short: tests and the Undo button read these exact names.
  label: ({ tocOutcomeId }, _plan, t = englishTranslator) =>
    tocOutcomeId ? t('commands:logicModel.trace') : t('commands:logicModel.untrace'),
  locate: ({ id }) => at(id),
  apply(draft, { id, tocOutcomeId }) {
    const item = findItem(draft, id);
    if (!item || item.tocOutcomeId === tocOutcomeId) return;
    if (tocOutcomeId !== null) {
      const node = draft.theoryOfChange.nodes.find((n) => n.id === tocOutcomeId);
      if (!node) throw CommandRefusal.of('tocOutcomeGone');
      if (!isTraceableTocNode(node)) {
        throw CommandRefusal.of('notTraceable');
      }
    }
    item.tocOutcomeId = tocOutcomeId;
  },
});

/** Moves an item one place up (-1) or down (+1) in its lane; nothing at either end. */
export const reorderLogicModelItem = defineCommand<{ id: string; delta: -1 | 1 }>({
  type: 'logicItem.reorder',
  label: ({ delta }, _plan, t = englishTranslator) =>
    delta < 0 ? t('commands:logicModel.moveUp') : t('commands:logicModel.moveDown'),
  locate: ({ id }) => at(id),
  apply(draft, { id, delta }) {
    moveWithinLane(draft, id, delta);
  },
});

/** Moves an item to another lane, at `index` (default: the end); both lanes are renumbered. */
export const moveLogicModelItem = defineCommand<{ id: string; lane: LaneId; index?: number }>({
  type: 'logicItem.moveToLane',
  label: ({ lane }, _plan, t = englishTranslator) =>
    t('commands:logicModel.moveToLane', {
      lane: t(`logicModel:lanes.${lane}.label`).toLowerCase(),
    }),
  locate: ({ id }) => at(id),
  apply(draft, { id, lane, index }) {
    moveToLane(draft, id, lane, index);
  },
});

/** Deletes an item with its arrows and its indicators; the rest of its lane closes up. */
export const deleteLogicModelItem = defineCommand<{ id: string }>({
  type: 'logicItem.remove',
  label: ({ id }, plan, t = englishTranslator) =>
    t('commands:logicModel.remove', { item: described(plan, id, t) }),
  // Where the item was: after an undo it is back there.
  locate: ({ id }) => at(id),
  apply(draft, { id }) {
    deleteLogicItem(draft, id);
  },
});

/** Adds an arrow from `source` to `target`; refused (with the reason) when they cannot be linked. */
export const addLogicModelLink = defineCommand<{ id: string; source: string; target: string }>({
  type: 'logicLink.add',
  label: ({ source, target }, plan, t = englishTranslator) =>
    t('commands:logicModel.addArrow', {
      source: described(plan, source, t),
      target: described(plan, target, t),
    }),
  locate: ({ source }) => at(source),
  apply(draft, { id, source, target }) {
    const problem = linkProblemCode(draft.logicModel, source, target);
    if (problem)
      throw CommandRefusal.of('logicLinkProblem', {
        problem: (t) => t(`logicModel:linkProblems.${problem}`),
      });
    addLogicLink(draft, id, source, target);
  },
});

/** Removes an arrow. */
export const removeLogicModelLink = defineCommand<{ id: string }>({
  type: 'logicLink.remove',
  label({ id }, plan, t = englishTranslator) {
    const link = plan.logicModel.links.find((l) => l.id === id);
    if (!link) return t('commands:logicModel.removeArrow');
    return t('commands:logicModel.removeArrowBetween', {
      source: described(plan, link.source, t),
      target: described(plan, link.target, t),
    });
  },
  locate: ({ id }, plan) => {
    const source = plan.logicModel.links.find((l) => l.id === id)?.source;
    return source ? at(source) : { section: SECTION };
  },
  apply(draft, { id }) {
    // removeLogicLink always assigns a new array: skip it when there is nothing to remove.
    if (draft.logicModel.links.some((l) => l.id === id)) removeLogicLink(draft, id);
  },
});
