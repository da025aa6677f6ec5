/**
 * The logic-model edits used by the diagram, the panel and the logframe, each
 * a named command (shared/commands/logic-model.ts): one gesture, one undo step.
 */
import { useMemo } from 'react';
import {
  addLogicModelItem,
  addLogicModelLink,
  deleteLogicModelItem,
  editLogicItemText,
  moveLogicModelItem,
  reorderLogicModelItem,
  removeLogicModelLink,
  renameLogicModelItem,
  traceLogicModelItem,
  type LogicItemTextField,
} from '../../../../shared/commands/logic-model';
import type { LaneId } from '../../../../shared/logic-model/lanes';
import { linkProblemCode } from '../../../../shared/logic-model/operations';
import { newId } from '../../../../shared/plan/create';
import type { LogicItem } from '../../../../shared/plan/schema';
import { notify, notifyUndoable } from '../../app/workbench';
import { i18n } from '../../i18n/i18n';
import { useDispatch, usePlanStore } from '../../store/plan-context';

/** Logic-model actions bound to the open plan. */
export function useLogicActions() {
  const dispatch = useDispatch();
  const store = usePlanStore();
  return useMemo(() => {
    const item = (id: string) =>
      store.getState().history.present.logicModel.items.find((i) => i.id === id);
    return {
      /** Adds an item with a title at the end of a lane; returns its id. */
      add(lane: LaneId, title: string): string {
        const id = newId('lm');
        dispatch(addLogicModelItem({ id, lane, title }));
        return id;
      },
      /** Renames an item (one step; typing in the panel coalesces instead). */
      rename(id: string, title: string) {
        const current = item(id);
        if (!current || current.title === title) return;
        dispatch(renameLogicModelItem({ id, title }));
      },
      /** Edits a text field while typing: one undo step per field until blur. */
      setText(id: string, field: LogicItemTextField, value: string) {
        dispatch(editLogicItemText({ id, field, value }));
      },
      /** Links (or unlinks, with null) an item to the theory-of-change outcome it operationalises. */
      trace(id: string, tocOutcomeId: string | null) {
        const result = dispatch(traceLogicModelItem({ id, tocOutcomeId }));
        if (!result.ok) notify(result.reason);
      },
      /** Moves an item up or down in its lane. */
      reorder(id: string, delta: -1 | 1) {
        dispatch(reorderLogicModelItem({ id, delta }));
      },
      /** Moves an item to another lane (at `index`, default the end). */
      moveTo(id: string, lane: LaneId, index?: number) {
        dispatch(moveLogicModelItem(index === undefined ? { id, lane } : { id, lane, index }));
      },
      /** Deletes an item with its arrows and indicators, offering Undo of exactly that step. */
      remove(id: string) {
        const current = item(id);
        if (!current) return;
        const result = dispatch(deleteLogicModelItem({ id }));
        if (!result.ok) {
          notify(result.reason);
          return;
        }
        notifyUndoable(
          i18n.t('logicModel:deleted', {
            item: i18n.t(`logicModel:lanes.${current.lane}.singular`),
            title: itemTitle(current),
          }),
          result.stepId,
        );
      },
      /** Adds an arrow; says why not when it cannot be made. */
      link(source: string, target: string): boolean {
        // Why not, in the UI's language (the command's refusal says the same in English).
        const problem = linkProblemCode(
          store.getState().history.present.logicModel,
          source,
          target,
        );
        if (problem) {
          notify(i18n.t(`logicModel:linkProblems.${problem}`));
          return false;
        }
        const result = dispatch(addLogicModelLink({ id: newId('lm-link'), source, target }));
        if (!result.ok) notify(result.reason);
        return result.ok;
      },
      /** Removes an arrow. */
      unlink(linkId: string) {
        dispatch(removeLogicModelLink({ id: linkId }));
      },
    };
  }, [dispatch, store]);
}

/** What the actions hook returns. */
export type LogicActions = ReturnType<typeof useLogicActions>;

/** Display title of an item (in the UI's language when it has none). */
export function itemTitle(item: Pick<LogicItem, 'title'>): string {
  return item.title.trim() || i18n.t('logicModel:untitled');
}

/** An id made safe for an attribute selector (CSS.escape where available, e.g. not in jsdom). */
export function escapeAttribute(id: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(id) : id.replace(/["\\]/g, '\\$&');
}

/** Moves keyboard focus to an item's card once it has rendered (after a move or an add). */
export function focusCard(id: string): void {
  requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(
      `[data-item-id="${escapeAttribute(id)}"] .lm-card-main`,
    );
    card?.focus();
    card?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
}
