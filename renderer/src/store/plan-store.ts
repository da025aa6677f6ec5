/**
 * One store per open plan: the plan, its undo history and its save status.
 * Every change goes through `edit` with a named action, so undo/redo covers
 * all plan edits and one gesture is one step.
 */
import { produce, type Draft } from 'immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  commit,
  createHistory,
  redo,
  seal,
  undo,
  type EditAction,
  type History,
} from '../../../shared/history';
import type { Plan } from '../../../shared/plan/schema';
import { Autosaver, type SaveStatus } from './autosave';

/** State and actions of an open plan. */
export interface PlanDocumentState {
  history: History<Plan>;
  saveStatus: SaveStatus;
  /** Applies a change to the plan as one named, undoable action. */
  edit(action: EditAction, recipe: (draft: Draft<Plan>) => void): void;
  /** Replaces the whole plan (e.g. restoring a backup) as one undoable action. */
  replace(action: EditAction, plan: Plan): void;
  undo(): void;
  redo(): void;
  /** Ends the current typing/drag step so the next edit is a new undo step. */
  seal(): void;
  /** Writes any pending edit now. */
  flush(): Promise<void>;
  /** Stops autosaving (after a final flush). */
  close(): Promise<void>;
}

/** A plan document store. */
export type PlanStore = StoreApi<PlanDocumentState>;

/** Where the store writes the plan. */
export interface PlanPersistence {
  write(plan: Plan): Promise<void>;
  describeError(error: unknown): string;
  /** Called after each successful write (e.g. to take a rolling backup). */
  afterWrite?(plan: Plan): void;
}

/** Creates the store for an open plan. */
export function createPlanStore(
  plan: Plan,
  persistence: PlanPersistence,
  options: { debounceMs?: number; maxWaitMs?: number } = {},
): PlanStore {
  return createStore<PlanDocumentState>()((set, get) => {
    const autosaver = new Autosaver<Plan>({
      write: async (doc) => {
        await persistence.write(doc);
        persistence.afterWrite?.(doc);
      },
      describeError: persistence.describeError,
      onStatus: (saveStatus) => set({ saveStatus }),
      ...options,
    });
    const moveTo = (history: History<Plan>) => {
      if (history === get().history) return;
      set({ history });
      autosaver.schedule(history.present);
    };
    return {
      history: createHistory(plan),
      saveStatus: { state: 'saved', at: null },
      edit(action, recipe) {
        const { history } = get();
        const next = produce(history.present, recipe);
        if (next === history.present) return;
        set({ history: commit(history, next, action, Date.now()) });
        autosaver.schedule(next);
      },
      replace(action, next) {
        const { history } = get();
        set({ history: commit(seal(history), next, action, Date.now()) });
        autosaver.schedule(next);
      },
      undo: () => moveTo(undo(get().history)),
      redo: () => moveTo(redo(get().history)),
      seal: () => set({ history: seal(get().history) }),
      flush: () => autosaver.flush(),
      async close() {
        await autosaver.flush();
        autosaver.dispose();
      },
    };
  });
}
