/**
 * "Undo" on a notice ("Deleted segment “Young parents”. Undo") must undo
 * exactly that step, even after other edits — or say it no longer can.
 * The newest step is simply undone. An earlier step is reverted record by
 * record (see records.ts) as a new, itself undoable step — but only if no
 * later edit touched any record it changed; otherwise reverting it would
 * silently undo or corrupt the later work, so it is refused.
 */
import { commit, seal, undo, type History } from '../history';
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import {
  applyPlanRecords,
  diffPlanRecords,
  readPlanRecords,
  sameRecordValue,
} from '../plan/records';
import type { Plan } from '../plan/schema';

/** What happened to a request to undo one step. */
export type StepUndoResult =
  | { readonly kind: 'undone'; readonly history: History<Plan>; readonly action: string }
  | { readonly kind: 'reverted'; readonly history: History<Plan>; readonly action: string }
  | { readonly kind: 'alreadyUndone'; readonly action: string }
  | { readonly kind: 'conflict'; readonly action: string }
  | { readonly kind: 'gone' };

/**
 * Undoes the step `stepId` (newest: plain undo; earlier: a revert when
 * nothing later touched it, a step named in `t`'s language: "Undo delete …").
 */
export function undoStep(
  history: History<Plan>,
  stepId: number,
  now: number,
  t: Translator = englishTranslator,
): StepUndoResult {
  const undone = history.future.find((s) => s.id === stepId);
  if (undone) return { kind: 'alreadyUndone', action: undone.action };
  const index = history.past.findIndex((s) => s.id === stepId);
  if (index < 0) return { kind: 'gone' };
  const step = history.past[index]!;
  if (index === history.past.length - 1) {
    return { kind: 'undone', history: undo(history), action: step.action };
  }
  const after = history.past[index + 1]!.state;
  const changes = diffPlanRecords(step.state, after);
  const current = readPlanRecords(
    history.present,
    changes.map((c) => c.key),
  );
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!sameRecordValue(change.key, current[i], change.after)) {
      return { kind: 'conflict', action: step.action };
    }
  }
  const reverted = applyPlanRecords(
    history.present,
    changes.map((c) => ({ key: c.key, value: c.before })),
  );
  const next = commit(
    seal(history),
    reverted,
    {
      name: t('commands:history.revert', { action: lowerFirst(step.action) }),
      location: step.location,
    },
    now,
  );
  return { kind: 'reverted', history: seal(next), action: step.action };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
