/**
 * The open plan's learner roster in memory (issue 14): one copy per plan,
 * read from the local database once and shared by every section that shows
 * learners (progress, follow-ups, KPIs, dashboard, content in use), so
 * 100,000 learners are never read again per section nor copied per render.
 * It follows the database: a new import or a deletion reads it again (the
 * old copy stays on screen meanwhile); marking a top learner changes that
 * one learner in place.
 */
import { useSyncExternalStore } from 'react';
import type { RosterCourseRow, RosterLearner } from '../../../../shared/manage/roster';
import type { RosterRow } from '../../db/database';
import { onRosterChange, readRoster, rosterSummary, type RosterChange } from '../../db/roster';

/** The roster as sections see it. */
export interface RosterState {
  /** 'loading' until the first read of this plan's roster is done. */
  readonly status: 'loading' | 'ready';
  /** Learners in stored order (empty while loading or when there is no roster). */
  readonly learners: readonly RosterLearner[];
  /** Per-course rows (learner × course), empty when the exports had none. */
  readonly courseRows: readonly RosterCourseRow[];
  /** What the roster holds, in counts; null when the plan has none. */
  readonly summary: RosterRow | null;
  /** True while a newer copy is being read (the old one is still shown). */
  readonly refreshing: boolean;
  /** Whether reading failed (the message), else null. */
  readonly error: string | null;
}

const LOADING: RosterState = {
  status: 'loading',
  learners: [],
  courseRows: [],
  summary: null,
  refreshing: false,
  error: null,
};

interface Entry {
  planId: string;
  state: RosterState;
  /** Bumped by every read started, so a slower older read never wins. */
  generation: number;
  listeners: Set<() => void>;
}

let current: Entry | null = null;
let unsubscribe: (() => void) | null = null;

function publish(entry: Entry, state: RosterState) {
  entry.state = state;
  for (const l of entry.listeners) l();
}

async function load(entry: Entry): Promise<void> {
  const generation = ++entry.generation;
  if (entry.state.status === 'ready') publish(entry, { ...entry.state, refreshing: true });
  try {
    const summary = await rosterSummary(entry.planId);
    const { learners, courseRows } = summary
      ? await readRoster(entry.planId)
      : { learners: [], courseRows: [] };
    if (generation !== entry.generation || current !== entry) return;
    publish(entry, {
      status: 'ready',
      learners,
      courseRows,
      summary,
      refreshing: false,
      error: null,
    });
  } catch (error) {
    if (generation !== entry.generation || current !== entry) return;
    publish(entry, {
      ...entry.state,
      status: 'ready',
      refreshing: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

function applyChange(entry: Entry, change: RosterChange) {
  if (change.kind === 'top' && entry.state.status === 'ready' && !entry.state.refreshing) {
    const at = entry.state.learners.findIndex((l) => l.key === change.key);
    if (at >= 0) {
      const learners = entry.state.learners.slice();
      learners[at] = { ...learners[at]!, topLearner: change.top };
      publish(entry, { ...entry.state, learners });
      return;
    }
  }
  void load(entry);
}

/** The entry of a plan, made (and the previous plan's copy dropped) when another plan asks. */
function entryFor(planId: string): Entry {
  if (current?.planId === planId) return current;
  const entry: Entry = { planId, state: LOADING, generation: 0, listeners: new Set() };
  current = entry;
  unsubscribe?.();
  unsubscribe = onRosterChange((id, change) => {
    if (id === entry.planId && current === entry) applyChange(entry, change);
  });
  void load(entry);
  return entry;
}

/** The roster of a plan now (loading it if it is not in memory yet), outside React. */
export function rosterState(planId: string): RosterState {
  return entryFor(planId).state;
}

/** The plan whose roster is in memory now, or null (the copy was dropped). */
export function rosterInMemory(): string | null {
  return current?.planId ?? null;
}

/** Drops the copy in memory (when the plan closes: open-plan.ts); the next use reads it again. */
export function forgetRoster(): void {
  unsubscribe?.();
  unsubscribe = null;
  current = null;
}

/**
 * The roster of the open plan, shared by every section: see the module
 * comment. Re-renders when it is read again or a learner is marked.
 */
export function useRoster(planId: string): RosterState {
  return useSyncExternalStore(
    (listener) => {
      const e = entryFor(planId);
      e.listeners.add(listener);
      return () => e.listeners.delete(listener);
    },
    () => entryFor(planId).state,
  );
}
