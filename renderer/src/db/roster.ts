/**
 * A plan's learner roster in the local database (issue 14). Personal data —
 * names, e-mails, platform ids — is kept here only: never in the plan, so
 * never in a plan file or a Word or Excel export, and in this computer's
 * backups only if the user opts in, as a companion file beside the plan
 * backup (features/backups/personal-backup.ts). Only aggregates leave (the
 * plan's `manage.progress`). Deleting the
 * roster, or one cohort's learners, is one step; purging the plan deletes it
 * too (plan-repository.ts).
 *
 * Learners and per-course rows are stored as chunks of encoded tuples
 * (shared/manage/roster.ts `encodeLearners`), written in one transaction and
 * read a chunk at a time with the page breathing in between.
 */
import Dexie from 'dexie';
import {
  decodeCourseRows,
  decodeLearners,
  encodeCourseRows,
  encodeLearners,
  type RosterCourseRow,
  type RosterLearner,
} from '../../../shared/manage/roster';
import { yieldToPage } from '../store/yield-to-page';
import type { RosterRow, WorkbenchDatabase } from './database';

/** Learners (or course rows) per stored chunk. */
export const ROSTER_CHUNK = 2000;

let database: WorkbenchDatabase | null = null;

/** What changed in a plan's roster. */
export type RosterChange =
  /** Replaced or partly deleted: read it again. */
  | { readonly kind: 'replaced' }
  /** One learner marked (or unmarked) top learner: nothing else changed. */
  | { readonly kind: 'top'; readonly key: string; readonly top: boolean };

const listeners = new Set<(planId: string, change: RosterChange) => void>();

/** The database rosters live in (set when the app starts). */
export function setRosterDatabase(db: WorkbenchDatabase): void {
  database = db;
}

function db(): WorkbenchDatabase {
  if (!database) throw new Error('The local database is not open.');
  return database;
}

const range = (planId: string) =>
  [
    [planId, Dexie.minKey],
    [planId, Dexie.maxKey],
  ] as const;

/** Hears every change to a roster (import, delete, top learner); returns the unsubscribe. */
export function onRosterChange(
  listener: (planId: string, change: RosterChange) => void,
): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const changed = (planId: string, change: RosterChange = { kind: 'replaced' }) => {
  for (const l of listeners) l(planId, change);
};

/** What a plan's roster holds, in counts, or null when it has none. */
export async function rosterSummary(planId: string): Promise<RosterRow | null> {
  return (await db().rosters.get(planId)) ?? null;
}

/** A plan's roster, read a chunk at a time (the page breathes between chunks). */
export async function readRoster(
  planId: string,
): Promise<{ learners: RosterLearner[]; courseRows: RosterCourseRow[] }> {
  const target = db();
  const learners: RosterLearner[] = [];
  const courseRows: RosterCourseRow[] = [];
  for (let n = 0; ; n++) {
    const chunk = await target.rosterChunks.get([planId, n]);
    if (!chunk) break;
    for (const l of decodeLearners(chunk.learners)) learners.push(l);
    await yieldToPage();
  }
  for (let n = 0; ; n++) {
    const chunk = await target.rosterCourseChunks.get([planId, n]);
    if (!chunk) break;
    for (const r of decodeCourseRows(chunk.rows)) courseRows.push(r);
    await yieldToPage();
  }
  return { learners, courseRows };
}

/**
 * The stored texts of a plan's roster, as they are (no decoding): what an
 * import worker merges a newer export into without the page decoding it.
 */
export async function readRosterTexts(
  planId: string,
): Promise<{ learners: string[]; courseRows: string[] }> {
  const target = db();
  const learners = (
    await target.rosterChunks
      .where('[planId+n]')
      .between(...range(planId), true, true)
      .toArray()
  ).map((c) => c.learners);
  const courseRows = (
    await target.rosterCourseChunks
      .where('[planId+n]')
      .between(...range(planId), true, true)
      .toArray()
  ).map((c) => c.rows);
  return { learners, courseRows };
}

/** What is known of an import when it is stored. */
export interface StoredRosterImport {
  readonly fileName: string;
  /** The day the export describes (YYYY-MM-DD). */
  readonly date?: string;
  /** When it was imported (a restored backup keeps its own); now by default. */
  readonly importedAt?: string;
}

/** An encoded chunk (the text of `encodeLearners` / `encodeCourseRows`) and how many it holds. */
export interface RosterTextChunk {
  readonly text: string;
  readonly count: number;
}

/**
 * Replaces a plan's roster with encoded chunks in one transaction, so a
 * roster is never half replaced and the disk is flushed once.
 */
export async function storeRosterChunks(
  planId: string,
  learnerChunks: readonly RosterTextChunk[],
  courseChunks: readonly RosterTextChunk[],
  info: StoredRosterImport,
  notify = true,
): Promise<RosterRow> {
  const target = db();
  const count = learnerChunks.reduce((s, c) => s + c.count, 0);
  const courseRows = courseChunks.reduce((s, c) => s + c.count, 0);
  const row = await target.transaction(
    'rw',
    target.rosterChunks,
    target.rosterCourseChunks,
    target.rosters,
    async () => {
      await target.rosterChunks
        .where('[planId+n]')
        .between(...range(planId), true, true)
        .delete();
      await target.rosterCourseChunks
        .where('[planId+n]')
        .between(...range(planId), true, true)
        .delete();
      // One request per chunk, each awaited: the page copies one chunk's text into the
      // database at a time (a single bulk request would copy 20 MB in one long task).
      for (let n = 0; n < learnerChunks.length; n++) {
        const c = learnerChunks[n]!;
        await target.rosterChunks.add({ planId, n, count: c.count, learners: c.text });
      }
      for (let n = 0; n < courseChunks.length; n++) {
        const c = courseChunks[n]!;
        await target.rosterCourseChunks.add({ planId, n, count: c.count, rows: c.text });
      }
      const stored: RosterRow = {
        planId,
        count,
        courseRows,
        fileName: info.fileName,
        importedAt: info.importedAt ?? new Date().toISOString(),
        ...(info.date ? { date: info.date } : {}),
      };
      await target.rosters.put(stored);
      return stored;
    },
  );
  if (notify) changed(planId);
  return row;
}

/** Encodes a list a chunk at a time (yielding between chunks). */
async function encodeChunks<T>(
  items: readonly T[],
  encode: (part: readonly T[]) => string,
): Promise<RosterTextChunk[]> {
  const chunks: RosterTextChunk[] = [];
  for (let i = 0; i < items.length; i += ROSTER_CHUNK) {
    const part = items.slice(i, i + ROSTER_CHUNK);
    chunks.push({ text: encode(part), count: part.length });
    if (i + ROSTER_CHUNK < items.length) await yieldToPage();
  }
  return chunks;
}

/** Replaces a plan's roster with `learners` and `courseRows`, encoded a chunk at a time. */
export async function storeRoster(
  planId: string,
  learners: readonly RosterLearner[],
  courseRows: readonly RosterCourseRow[],
  info: StoredRosterImport,
): Promise<RosterRow> {
  const learnerChunks = await encodeChunks(learners, encodeLearners);
  const courseChunks = await encodeChunks(courseRows, encodeCourseRows);
  const before = await rosterSummary(planId);
  return storeRosterChunks(planId, learnerChunks, courseChunks, {
    ...info,
    date: info.date ?? before?.date,
  });
}

/** Deletes a plan's roster in one step (learners, course rows and counts in one transaction). */
export async function deleteRoster(planId: string, target = db()): Promise<void> {
  await target.transaction(
    'rw',
    target.rosterChunks,
    target.rosterCourseChunks,
    target.rosters,
    async () => {
      await target.rosterChunks
        .where('[planId+n]')
        .between(...range(planId), true, true)
        .delete();
      await target.rosterCourseChunks
        .where('[planId+n]')
        .between(...range(planId), true, true)
        .delete();
      await target.rosters.delete(planId);
    },
  );
  if (target === database) changed(planId);
}

/**
 * Deletes the learners of one cohort (`null`: those without a cohort) and
 * their course rows, in one step; returns how many learners went. The
 * roster goes altogether when no learner is left.
 */
export async function deleteCohortLearners(
  planId: string,
  cohortId: string | null,
): Promise<number> {
  const { learners, courseRows } = await readRoster(planId);
  const gone = new Set<string>();
  const kept: RosterLearner[] = [];
  for (const l of learners) {
    if (l.cohortId === cohortId) gone.add(l.key);
    else kept.push(l);
  }
  if (gone.size === 0) return 0;
  if (kept.length === 0) {
    await deleteRoster(planId);
    return gone.size;
  }
  const keptRows = courseRows.filter((r) => !gone.has(r.learnerKey));
  const before = await rosterSummary(planId);
  await storeRosterChunks(
    planId,
    await encodeChunks(kept, encodeLearners),
    await encodeChunks(keptRows, encodeCourseRows),
    { fileName: before?.fileName ?? '', date: before?.date },
  );
  return gone.size;
}

/**
 * Marks (or unmarks) a learner as a top learner, by key. Only the chunk that
 * holds the learner is decoded and written again. Returns whether the
 * learner was found.
 */
export async function setTopLearner(planId: string, key: string, top: boolean): Promise<boolean> {
  const target = db();
  const found = await target.transaction('rw', target.rosterChunks, async () => {
    // The key's value (platform id or e-mail) as it appears in the stored JSON text.
    const needle = key.startsWith('id:') ? key.slice(3) : key.slice(6);
    const probe = JSON.stringify(needle).slice(1, -1);
    for (let n = 0; ; n++) {
      const chunk = await target.rosterChunks.get([planId, n]);
      if (!chunk) return false;
      if (!chunk.learners.toLowerCase().includes(probe.toLowerCase())) continue;
      const learners = decodeLearners(chunk.learners);
      const at = learners.findIndex((l) => l.key === key);
      if (at < 0) continue;
      if (learners[at]!.topLearner === top) return true;
      learners[at] = { ...learners[at]!, topLearner: top };
      await target.rosterChunks.put({ ...chunk, learners: encodeLearners(learners) });
      return true;
    }
  });
  if (found) changed(planId, { kind: 'top', key, top });
  return found;
}
