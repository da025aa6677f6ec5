/**
 * Undo/redo history of a document, as immutable snapshots (plans are updated
 * with structural sharing, so a snapshot costs only what changed). Every edit
 * is a named action; consecutive edits with the same `coalesceKey` (typing in
 * one field, a drag in progress) merge into one step until the history is
 * sealed (blur, pointer up) or `coalesceMs` of quiet passes.
 */

/** One undoable step: the state before it and the action's name. */
export interface HistoryStep<T> {
  readonly state: T;
  readonly action: string;
}

/** The history of one document. */
export interface History<T> {
  readonly past: readonly HistoryStep<T>[];
  readonly present: T;
  readonly future: readonly HistoryStep<T>[];
  /** Key of the step still open for merging, if any. */
  readonly openKey: string | null;
  readonly openAt: number;
}

/** What an edit says about itself. */
export interface EditAction {
  /** Human-readable name, shown as "Undo <name>". */
  readonly name: string;
  /** Edits sharing a key merge into one undo step while it stays open. */
  readonly coalesceKey?: string;
}

/** Most steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 300;
/** Quiet time after which a coalescing step closes by itself. */
export const COALESCE_MS = 1500;

/** A history with nothing to undo. */
export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], openKey: null, openAt: 0 };
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
  const past = [...history.past, { state: history.present, action: action.name }];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], openKey: key, openAt: now };
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
    past: history.past.slice(0, -1),
    present: step.state,
    future: [{ state: history.present, action: step.action }, ...history.future],
    openKey: null,
    openAt: 0,
  };
}

/** Re-applies the last undone action; a no-op when there is nothing to redo. */
export function redo<T>(history: History<T>): History<T> {
  const [step, ...rest] = history.future;
  if (!step) return history;
  return {
    past: [...history.past, { state: history.present, action: step.action }],
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
