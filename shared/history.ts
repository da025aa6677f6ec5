/**
 * Undo/redo history of a document, as immutable snapshots (plans are updated
 * with structural sharing, so a snapshot costs only what changed). Every edit
 * is a named action; consecutive edits with the same `coalesceKey` (typing in
 * one field, a drag in progress) merge into one step until the history is
 * sealed (blur, pointer up) or `coalesceMs` of quiet passes.
 */

import type { PlanLocation } from './plan/sections';

/**
 * One undoable step: its id (stable while it lives, so a notice's Undo can
 * name exactly this step), the state on the other side of it (before it in
 * `past`, after it in `future`), its name and where its change is seen.
 */
export interface HistoryStep<T> {
  readonly id: number;
  readonly state: T;
  readonly action: string;
  readonly location: PlanLocation | null;
}

/** The history of one document. */
export interface History<T> {
  readonly past: readonly HistoryStep<T>[];
  readonly present: T;
  readonly future: readonly HistoryStep<T>[];
  /** Key of the step still open for merging, if any. */
  readonly openKey: string | null;
  readonly openAt: number;
  /** Id the next new step gets. */
  readonly nextId: number;
}

/** What an edit says about itself. */
export interface EditAction {
  /** Human-readable name, shown as "Undo <name>". */
  readonly name: string;
  /** Edits sharing a key merge into one undo step while it stays open. */
  readonly coalesceKey?: string | null;
  /** Where the change is seen. */
  readonly location?: PlanLocation | null;
}

/** Most steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 300;
/** Quiet time after which a coalescing step closes by itself. */
export const COALESCE_MS = 1500;

/** A history with nothing to undo. */
export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], openKey: null, openAt: 0, nextId: 1 };
}

/** Records `next` as the result of `action`. Clears redo. */
export function commit<T>(
  history: History<T>,
  next: T,
  action: EditAction,
  now: number,
): History<T> {
  if (Object.is(next, history.present)) return history;
  const key = action.coalesceKey ?? null;
  const merges =
    key !== null &&
    key === history.openKey &&
    history.past.length > 0 &&
    now - history.openAt <= COALESCE_MS;
  if (merges) return { ...history, present: next, future: [], openAt: now };
  const step: HistoryStep<T> = {
    id: history.nextId,
    state: history.present,
    action: action.name,
    location: action.location ?? null,
  };
  const past = [...history.past, step];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], openKey: key, openAt: now, nextId: history.nextId + 1 };
}

/** Id of the newest step (the one Undo would revert), or null. */
export function lastStepId<T>(history: History<T>): number | null {
  return history.past.at(-1)?.id ?? null;
}

/** Closes the open step so that the next edit starts a new one. */
export function seal<T>(history: History<T>): History<T> {
  return history.openKey === null ? history : { ...history, openKey: null };
}

/** Steps back one action; a no-op when there is nothing to undo. */
export function undo<T>(history: History<T>): History<T> {
  const step = history.past.at(-1);
  if (!step) return history;
  return {
    ...history,
    past: history.past.slice(0, -1),
    present: step.state,
    future: [{ ...step, state: history.present }, ...history.future],
    openKey: null,
    openAt: 0,
  };
}

/** Re-applies the last undone action; a no-op when there is nothing to redo. */
export function redo<T>(history: History<T>): History<T> {
  const [step, ...rest] = history.future;
  if (!step) return history;
  return {
    ...history,
    past: [...history.past, { ...step, state: history.present }],
    present: step.state,
    future: rest,
    openKey: null,
    openAt: 0,
  };
}

/** Name of the action Undo would revert, if any. */
export function undoLabel<T>(history: History<T>): string | null {
  return history.past.at(-1)?.action ?? null;
}

/** Name of the action Redo would re-apply, if any. */
export function redoLabel<T>(history: History<T>): string | null {
  return history.future[0]?.action ?? null;
}
