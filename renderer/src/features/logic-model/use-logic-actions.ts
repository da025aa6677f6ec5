/** The logic-model edits used by the diagram, the panel and the logframe: one gesture, one undo step. */
import { useMemo } from 'react';
import { laneInfo, type LaneId } from '../../../../shared/logic-model/lanes';
import {
  addLogicItem,
  addLogicLink,
  deleteLogicItem,
  linkProblem,
  moveToLane,
  moveWithinLane,
  removeLogicLink,
} from '../../../../shared/logic-model/operations';
import { newId } from '../../../../shared/plan/create';
import type { LogicItem } from '../../../../shared/plan/schema';
import { notify } from '../../app/workbench';
import { useEditPlan, usePlanStore } from '../../store/plan-context';

/** Logic-model actions bound to the open plan. */
export function useLogicActions() {
  const edit = useEditPlan();
  const store = usePlanStore();
  return useMemo(() => {
    const item = (id: string) =>
      store.getState().history.present.logicModel.items.find((i) => i.id === id);
    return {
      /** Adds an item with a title at the end of a lane; returns its id. */
      add(lane: LaneId, title: string): string {
        const id = newId('lm');
        edit({ name: `Add ${laneInfo(lane).singular}` }, (draft) => {
          addLogicItem(draft, id, lane, { title: title.trim().slice(0, 500) });
        });
        return id;
      },
      /** Renames an item (one step; typing in the panel coalesces instead). */
      rename(id: string, title: string) {
        const current = item(id);
        if (!current || current.title === title) return;
        edit({ name: `Rename ${laneInfo(current.lane).singular}` }, (draft) => {
          const target = draft.logicModel.items.find((i) => i.id === id);
          if (target) target.title = title.slice(0, 500);
        });
      },
      /** Edits a text field while typing: one undo step per field until blur. */
      setText(
        id: string,
        field: 'title' | 'description' | 'meansOfVerification' | 'assumptions',
        value: string,
      ) {
        const labels = {
          title: 'title',
          description: 'description',
          meansOfVerification: 'means of verification',
          assumptions: 'assumptions',
        } as const;
        edit({ name: `Edit ${labels[field]}`, coalesceKey: `lm.${id}.${field}` }, (draft) => {
          const target = draft.logicModel.items.find((i) => i.id === id);
          if (target) target[field] = value;
        });
      },
      /** Links (or unlinks, with null) an item to the theory-of-change outcome it operationalises. */
      trace(id: string, tocOutcomeId: string | null) {
        edit(
          { name: tocOutcomeId ? 'Link to theory of change' : 'Unlink from theory of change' },
          (draft) => {
            const target = draft.logicModel.items.find((i) => i.id === id);
            if (target) target.tocOutcomeId = tocOutcomeId;
          },
        );
      },
      /** Moves an item up or down in its lane. */
      reorder(id: string, delta: -1 | 1) {
        edit({ name: delta < 0 ? 'Move item up' : 'Move item down' }, (draft) => {
          moveWithinLane(draft, id, delta);
        });
      },
      /** Moves an item to another lane (at `index`, default the end). */
      moveTo(id: string, lane: LaneId, index?: number) {
        edit({ name: `Move to ${laneInfo(lane).label.toLowerCase()}` }, (draft) => {
          moveToLane(draft, id, lane, index);
        });
      },
      /** Deletes an item with its arrows and indicators, offering Undo. */
      remove(id: string) {
        const current = item(id);
        if (!current) return;
        const kind = laneInfo(current.lane).singular;
        edit({ name: `Delete ${kind}` }, (draft) => {
          deleteLogicItem(draft, id);
        });
        notify(`Deleted the ${kind} “${current.title || 'Untitled'}”.`, {
          label: 'Undo',
          run: () => store.getState().undo(),
        });
      },
      /** Adds an arrow; says why not when it cannot be made. */
      link(source: string, target: string): boolean {
        const problem = linkProblem(store.getState().history.present.logicModel, source, target);
        if (problem) {
          notify(problem);
          return false;
        }
        edit({ name: 'Add arrow' }, (draft) => {
          addLogicLink(draft, newId('lm-link'), source, target);
        });
        return true;
      },
      /** Removes an arrow. */
      unlink(linkId: string) {
        edit({ name: 'Remove arrow' }, (draft) => {
          removeLogicLink(draft, linkId);
        });
      },
    };
  }, [edit, store]);
}

/** What the actions hook returns. */
export type LogicActions = ReturnType<typeof useLogicActions>;

/** Display title of an item. */
export function itemTitle(item: Pick<LogicItem, 'title'>): string {
  return item.title.trim() || 'Untitled';
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
