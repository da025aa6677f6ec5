/**
 * One store per open plan: the plan, its undo history, its save status and
 * whether this window may edit it. Every change is a command (shared/commands)
 * dispatched here, so undo/redo covers all plan edits and one gesture is one
 * step. Saves write only the records that changed since the last save
 * (shared/plan/records.ts), found by object identity.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { runCommand, type Command } from '../../../shared/commands/command';
import { undoStep, type StepUndoResult } from '../../../shared/commands/undo-step';
import {
  commit,
  createHistory,
  redo,
  seal,
  undo,
  type History,
  type HistoryStep,
} from '../../../shared/history';
import { NAMESPACES, type Translator } from '../../../shared/i18n/translator';
import { runInSlices } from '../../../shared/plan/freeze';
import {
  applyPlanRecords,
  diffPlanRecords,
  diffPlanRecordsInSlices,
  type PlanRecord,
} from '../../../shared/plan/records';
import type { Plan } from '../../../shared/plan/schema';
import { i18n, uiLanguage } from '../i18n/i18n';
import { Autosaver, type SaveStatus } from './autosave';
import { yieldToPage } from './yield-to-page';

/**
 * Who may change the plan here: `edit` — this window is its one writer;
 * `readOnly` — another window edits it and this one follows its saves;
 * `closed` — it was deleted or can no longer be saved here.
 */
export type PlanAccess = 'edit' | 'readOnly' | 'closed';

/** The outcome of a dispatch: the id of the step it made or joined (null: nothing changed), or why it was refused. */
export type DispatchResult =
  | { readonly ok: true; readonly stepId: number | null }
  | { readonly ok: false; readonly reason: string };

/** A step that undo or redo just moved over: its name and where its change is seen. */
export type MovedStep = Pick<HistoryStep<Plan>, 'action' | 'location'>;

/** State and actions of an open plan. */
export interface PlanDocumentState {
  history: History<Plan>;
  saveStatus: SaveStatus;
  access: PlanAccess;
  /** Why a read-only plan is read-only: another window edits it, or storage is full. */
  readOnlyReason: 'elsewhere' | 'storageFull';
  /** Applies a command as one named, undoable step (or joins the open step it coalesces with). */
  dispatch(command: Command): DispatchResult;
  /** Undoes the newest step; returns it, or null if there was nothing to undo. */
  undo(): MovedStep | null;
  /** Redoes the newest undone step; returns it, or null. */
  redo(): MovedStep | null;
  /** Undoes exactly one step by id (a notice's Undo), or says why it cannot. */
  undoStep(stepId: number): StepUndoResult;
  /** Ends the current typing/drag step so the next edit is a new undo step. */
  seal(): void;
  /** Writes any pending edit now. */
  flush(): Promise<void>;
  /** True while an edit has not reached storage. */
  isDirty(): boolean;
  /** The records not yet saved and the revision they apply to (for a journal written on unload). */
  unsaved(): { baseRev: number; records: PlanRecord[] } | null;
  /** Shows records saved by another window (and, for the writer, a library rename). */
  applyExternal(records: readonly PlanRecord[], rev: number): void;
  /** Replaces the plan with a fresh copy from storage (taking over, or after missing updates). */
  reload(plan: Plan, rev: number, access: PlanAccess): void;
  /** Changes who may edit here (after a flush when giving up editing). */
  setAccess(access: PlanAccess): void;
  /** The revision of the plan in storage as this window last saw it. */
  rev(): number;
  /** Stops autosaving (after a final flush). */
  close(): Promise<void>;
}

/** A plan document store. */
export type PlanStore = StoreApi<PlanDocumentState>;

/** Where the store writes the plan. */
export interface PlanPersistence {
  /** Writes the changed records of `plan`; resolves with the plan's new revision. */
  write(plan: Plan, changes: readonly PlanRecord[]): Promise<number>;
  describeError(error: unknown): string;
  /**
   * Called after each successful write (e.g. to take a rolling backup, tell
   * other windows); `unsavedLeft` says whether newer edits still wait.
   */
  afterWrite?(plan: Plan, changes: readonly PlanRecord[], rev: number, unsavedLeft: boolean): void;
  /** Called when a write fails because the plan is gone or edited elsewhere; the store is then read-only. */
  onWriteRefused?(error: unknown): boolean;
}

/** Options of a plan store. */
export interface PlanStoreOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  /** The plan's revision in storage when it was read. */
  rev?: number;
  access?: PlanAccess;
  readOnlyReason?: 'elsewhere' | 'storageFull';
  /** Clock for undo coalescing (tests). */
  now?: () => number;
}

/** Creates the store for an open plan. */
export function createPlanStore(
  plan: Plan,
  persistence: PlanPersistence,
  options: PlanStoreOptions = {},
): PlanStore {
  const now = options.now ?? Date.now;
  return createStore<PlanDocumentState>()((set, get) => {
    /** The plan as storage holds it, and its revision: what the next save diffs against. */
    let saved = plan;
    let rev = options.rev ?? 0;
    // Bumped when the plan is replaced from storage: a write started before
    // must not then make its document the saved baseline.
    let generation = 0;
    const autosaver = new Autosaver<Plan>({
      write: async (doc) => {
        const started = generation;
        // In slices: after a big change (a 50,000-row import) the diff alone
        // would hold the page for tens of milliseconds.
        const base = saved;
        let diff = await runInSlices(diffPlanRecordsInSlices(base, doc), yieldToPage);
        if (started !== generation) return;
        // Another window's records came in meanwhile: diff against them.
        if (saved !== base) diff = diffPlanRecords(saved, doc);
        const changes = diff.map((c) => ({ key: c.key, value: c.after }));
        if (changes.length === 0) return;
        let written: number;
        try {
          written = await persistence.write(doc, changes);
        } catch (error) {
          if (started === generation && persistence.onWriteRefused?.(error)) {
            set({ access: 'closed' });
            autosaver.dispose();
          }
          throw error;
        }
        if (started !== generation) return;
        rev = Math.max(rev, written);
        saved = doc;
        persistence.afterWrite?.(doc, changes, rev, get().history.present !== doc);
      },
      describeError: persistence.describeError,
      onStatus: (saveStatus) => set({ saveStatus }),
      debounceMs: options.debounceMs,
      maxWaitMs: options.maxWaitMs,
    });
    const moveTo = (history: History<Plan>) => {
      if (history === get().history) return;
      set({ history });
      autosaver.schedule(history.present);
    };
    const editable = () => get().access === 'edit';
    return {
      history: createHistory(plan),
      saveStatus: { state: 'saved', at: null },
      access: options.access ?? 'edit',
      readOnlyReason: options.readOnlyReason ?? 'elsewhere',
      dispatch(command) {
        if (!editable()) return { ok: false, reason: readOnlyReason(get().access) };
        const { history } = get();
        // Step names and refusals in the UI's language.
        const t = i18n.getFixedT(uiLanguage(), NAMESPACES) as Translator;
        const outcome = runCommand(history.present, command, t);
        if (!outcome.ok) return outcome;
        if (outcome.plan === history.present) return { ok: true, stepId: null };
        const next = commit(
          history,
          outcome.plan,
          { name: outcome.label, coalesceKey: outcome.coalesceKey, location: outcome.location },
          now(),
        );
        set({ history: next });
        autosaver.schedule(next.present);
        return { ok: true, stepId: next.past.at(-1)?.id ?? null };
      },
      undo() {
        if (!editable()) return null;
        const step = get().history.past.at(-1);
        if (!step) return null;
        moveTo(undo(get().history));
        return { action: step.action, location: step.location };
      },
      redo() {
        if (!editable()) return null;
        const step = get().history.future[0];
        if (!step) return null;
        moveTo(redo(get().history));
        return { action: step.action, location: step.location };
      },
      undoStep(stepId) {
        if (!editable()) return { kind: 'gone' };
        const t = i18n.getFixedT(uiLanguage(), NAMESPACES) as Translator;
        const result = undoStep(get().history, stepId, now(), t);
        if (result.kind === 'undone' || result.kind === 'reverted') moveTo(result.history);
        return result;
      },
      seal() {
        const { history } = get();
        if (history.openKey !== null) set({ history: seal(history) });
      },
      flush: () => autosaver.flush(),
      isDirty: () => autosaver.dirty,
      unsaved() {
        if (!autosaver.dirty) return null;
        const records = diffPlanRecords(saved, get().history.present).map((c) => ({
          key: c.key,
          value: c.after,
        }));
        return records.length ? { baseRev: rev, records } : null;
      },
      applyExternal(records, newRev) {
        const { history, access } = get();
        rev = Math.max(rev, newRev);
        if (access === 'edit') saved = applyPlanRecords(saved, records);
        set({ history: { ...history, present: applyPlanRecords(history.present, records) } });
      },
      reload(fresh, freshRev, access) {
        generation++;
        autosaver.reset();
        saved = fresh;
        rev = freshRev;
        set({ history: createHistory(fresh), access, readOnlyReason: 'elsewhere' });
      },
      setAccess: (access) =>
        set({ access, readOnlyReason: 'elsewhere', history: seal(get().history) }),
      rev: () => rev,
      async close() {
        if (get().access === 'edit') await autosaver.flush();
        autosaver.dispose();
      },
    };
  });
}

function readOnlyReason(access: PlanAccess): string {
  return access === 'readOnly'
    ? i18n.t('shell:messages.readOnlyElsewhere')
    : i18n.t('shell:messages.readOnlyHere');
}
