/**
 * Stakeholder edits bound to the open plan: each dispatches a named command
 * (shared/commands/stakeholders.ts) and returns the dispatch result, so a
 * notice can offer an Undo of exactly its step. Each user gesture is one
 * undo step: a drag dispatches once on release, a burst of arrow-key moves
 * or typing in one field coalesces until the field is left.
 */
import { useMemo } from 'react';
import {
  blankEngagementAction,
  blankStakeholder as blankEntry,
  engagementActions,
  moveStakeholder,
  setActionDone,
  setStakeholderType,
  stakeholders,
} from '../../../../shared/commands/stakeholders';
import type { Stakeholder } from '../../../../shared/plan/schema';
import type { MatrixPoint } from '../../../../shared/stakeholders/quadrants';
import { categoryOf, type Category } from '../../../../shared/stakeholders/register';
import type { DispatchResult } from '../../store/plan-store';
import { useDispatch, usePlanStore } from '../../store/plan-context';

type Action = Stakeholder['actions'][number];

/**
 * A new register entry with every field at its default (and a fresh id):
 * without `at` it waits in the Unplaced tray until positioned.
 */
export function blankStakeholder(name: string, at?: MatrixPoint): Stakeholder {
  return blankEntry(name, at);
}

/**
 * Edits of stakeholders, bound to the open plan. Step names come from the
 * commands; the trailing `name`/`coalesceKey` parameters some callers still
 * pass are ignored (the commands name and coalesce their own steps).
 */
export function useStakeholderEdits() {
  const dispatch = useDispatch();
  const store = usePlanStore();
  return useMemo(
    () => ({
      /**
       * Moves a stakeholder on the matrix, recording a quadrant change in its
       * history. `burst` (or any legacy coalesce key) makes consecutive moves
       * one undo step until the card loses focus.
       */
      move(id: string, to: MatrixPoint, _name?: string, burst?: boolean | string): DispatchResult {
        return dispatch(
          moveStakeholder({
            id,
            to,
            at: new Date().toISOString(),
            ...(burst ? { burst: true } : {}),
          }),
        );
      },
      /** Sets one field of a stakeholder (power and interest go through `move`, to keep the history). */
      update<K extends keyof Stakeholder>(
        id: string,
        field: K,
        value: Stakeholder[K],
        _name?: string,
        _coalesceKey?: string,
      ): DispatchResult {
        if (field === 'power' || field === 'interest') {
          const entry = store
            .getState()
            .history.present.stakeholders.entries.find((e) => e.id === id);
          if (!entry) return { ok: true, stepId: null };
          const to = { power: entry.power, interest: entry.interest, [field]: value as number };
          return dispatch(moveStakeholder({ id, to, at: new Date().toISOString() }));
        }
        return dispatch(stakeholders.update({ id, patch: { [field]: value } }));
      },
      /** Applies several field changes as one step (a change of type is named as one). */
      patch(id: string, patch: Partial<Stakeholder>, _name?: string): DispatchResult {
        const keys = Object.keys(patch);
        if (keys.length > 0 && keys.every((k) => k === 'relation' || k === 'partnerType')) {
          return dispatch(
            setStakeholderType({
              id,
              category: categoryOf({
                relation: patch.relation ?? 'partner',
                partnerType: patch.partnerType ?? null,
              }),
            }),
          );
        }
        return dispatch(stakeholders.update({ id, patch }));
      },
      /** Makes an entry a stakeholder, or a partner of a type. */
      setType(id: string, category: Category): DispatchResult {
        return dispatch(setStakeholderType({ id, category }));
      },
      /** Adds an entry to the register. */
      add(entry: Stakeholder): DispatchResult {
        return dispatch(stakeholders.add({ item: entry }));
      },
      /** Deletes an entry (one undo step; pass the result's `stepId` to `notifyUndoable`). */
      remove(id: string, _name?: string): DispatchResult {
        return dispatch(stakeholders.remove({ ids: [id] }));
      },
      /** Adds an empty engagement action to a stakeholder; returns its id. */
      addAction(id: string): string {
        const action = blankEngagementAction();
        dispatch(engagementActions.add({ parentId: id, item: action }));
        return action.id;
      },
      /** Changes an engagement action (typing in one field coalesces). */
      updateAction(
        id: string,
        actionId: string,
        patch: Partial<Action>,
        _name?: string,
        _coalesceKey?: string,
      ): DispatchResult {
        return dispatch(engagementActions.update({ parentId: id, id: actionId, patch }));
      },
      /** Marks an action done; a recurring one moves to its next date instead. */
      completeAction(id: string, actionId: string, today: string): DispatchResult {
        return dispatch(setActionDone({ stakeholderId: id, actionId, done: true, today }));
      },
      /** Reopens an action marked done. */
      reopenAction(id: string, actionId: string, today: string): DispatchResult {
        return dispatch(setActionDone({ stakeholderId: id, actionId, done: false, today }));
      },
      /** Removes an engagement action. */
      removeAction(id: string, actionId: string): DispatchResult {
        return dispatch(engagementActions.remove({ parentId: id, ids: [actionId] }));
      },
    }),
    [dispatch, store],
  );
}
