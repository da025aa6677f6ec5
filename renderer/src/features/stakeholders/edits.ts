/**
 * Named, undoable edits of the stakeholder map. Each user gesture is one
 * undo step: a drag commits once on release, a burst of arrow-key moves or
 * typing shares a coalesce key until the field is left.
 */
import { useMemo } from 'react';
import type { Draft } from 'immer';
import { newId } from '../../../../shared/plan/create';
import type { Plan, Stakeholder } from '../../../../shared/plan/schema';
import { recordMove } from '../../../../shared/stakeholders/movement';
import { clampScore, type MatrixPoint } from '../../../../shared/stakeholders/quadrants';
import { completeItem } from '../../../../shared/stakeholders/schedule';
import { useEditPlan } from '../../store/plan-context';

type Entry = Draft<Stakeholder>;
type Action = Stakeholder['actions'][number];

function find(draft: Draft<Plan>, id: string): Entry | undefined {
  return draft.stakeholders.entries.find((e) => e.id === id);
}

/** A new register entry with every field at its default. */
export function blankStakeholder(
  name: string,
  at: MatrixPoint = { power: 50, interest: 50 },
): Stakeholder {
  return {
    id: newId('sh'),
    name,
    organisation: '',
    role: '',
    relation: 'stakeholder',
    partnerType: null,
    power: clampScore(at.power),
    interest: clampScore(at.interest),
    currentStance: 'neutral',
    desiredStance: 'supportive',
    owner: '',
    contact: '',
    nextCheckpoint: null,
    notes: '',
    desiredPosition: null,
    interventionIds: [],
    actions: [],
    history: [],
  };
}

/** Edits of stakeholders, bound to the open plan. */
export function useStakeholderEdits() {
  const edit = useEditPlan();
  return useMemo(
    () => ({
      /** Moves a stakeholder on the matrix, recording a quadrant change in its history. */
      move(id: string, to: MatrixPoint, name: string, coalesceKey?: string) {
        edit({ name, coalesceKey }, (draft) => {
          const s = find(draft, id);
          if (!s) return;
          const next = {
            power: clampScore(to.power, s.power),
            interest: clampScore(to.interest, s.interest),
          };
          if (next.power === s.power && next.interest === s.interest) return;
          s.history = recordMove(
            s.history,
            { power: s.power, interest: s.interest },
            next,
            new Date().toISOString(),
          );
          s.power = next.power;
          s.interest = next.interest;
        });
      },
      /** Sets one field of a stakeholder. */
      update<K extends keyof Stakeholder>(
        id: string,
        field: K,
        value: Stakeholder[K],
        name: string,
        coalesceKey?: string,
      ) {
        edit({ name, coalesceKey }, (draft) => {
          const s = find(draft, id);
          if (s) (s as Stakeholder)[field] = value;
        });
      },
      /** Applies several field changes as one step. */
      patch(id: string, patch: Partial<Stakeholder>, name: string) {
        edit({ name }, (draft) => {
          const s = find(draft, id);
          if (s) Object.assign(s, patch);
        });
      },
      /** Adds an entry to the register. */
      add(entry: Stakeholder) {
        edit({ name: `Add ${entry.name || 'stakeholder'}` }, (draft) => {
          draft.stakeholders.entries.push(entry);
        });
      },
      /** Deletes an entry (undoable). */
      remove(id: string, name: string) {
        edit({ name: `Delete ${name || 'stakeholder'}` }, (draft) => {
          draft.stakeholders.entries = draft.stakeholders.entries.filter((e) => e.id !== id);
        });
      },
      /** Adds an engagement action to a stakeholder. */
      addAction(id: string) {
        const actionId = newId('act');
        edit({ name: 'Add engagement action' }, (draft) => {
          find(draft, id)?.actions.push({
            id: actionId,
            what: '',
            who: '',
            when: null,
            done: false,
            repeatEveryDays: null,
          });
        });
        return actionId;
      },
      /** Changes an engagement action. */
      updateAction(
        id: string,
        actionId: string,
        patch: Partial<Action>,
        name: string,
        coalesceKey?: string,
      ) {
        edit({ name, coalesceKey }, (draft) => {
          const a = find(draft, id)?.actions.find((x) => x.id === actionId);
          if (a) Object.assign(a, patch);
        });
      },
      /** Marks an action done; a recurring one moves to its next date instead. */
      completeAction(id: string, actionId: string, today: string) {
        edit({ name: 'Complete engagement action' }, (draft) => {
          const a = find(draft, id)?.actions.find((x) => x.id === actionId);
          if (a) Object.assign(a, completeItem({ ...a }, today));
        });
      },
      /** Removes an engagement action. */
      removeAction(id: string, actionId: string) {
        edit({ name: 'Remove engagement action' }, (draft) => {
          const s = find(draft, id);
          if (s) s.actions = s.actions.filter((a) => a.id !== actionId);
        });
      },
    }),
    [edit],
  );
}
