/**
 * A plan's invitation list in the local database (issue 13). Personal data:
 * names and e-mail addresses are kept here only — never in the plan, so
 * never in a plan file or a Word or Excel export, and in this computer's
 * backups only if the user opts in, as a companion file beside the plan
 * backup (features/backups/personal-backup.ts). Only counts leave:
 * `InvitationListRow`. Deleting the list is one step; purging the plan
 * deletes it too (plan-repository.ts).
 *
 * Large lists are written and read in chunks so no task of the page takes
 * long (`yieldToPage` between chunks).
 *
 * Several source spreadsheets can make one list (`mergeInvitationChunks`:
 * appended, people already listed by e-mail left out). The list as it was
 * before the last import is kept (`invitation-list-previous:<planId>` in
 * `meta`), so that import can be undone — local data, outside the plan's
 * undo history; deleting the list deletes that copy too.
 */
import Dexie from 'dexie';
import {
  decodeInvitees,
  emailKey,
  encodeInvitees,
  mergeInvitees,
  type InvitationRow,
  type WaveAssignment,
} from '../../../shared/launch/invitation-list';
import { yieldToPage } from '../store/yield-to-page';
import type { InvitationListRow, WorkbenchDatabase } from './database';

/** People per stored chunk (as the import worker sends them). */
const CHUNK = 2000;

let database: WorkbenchDatabase | null = null;
const listeners = new Set<(planId: string) => void>();

/** The database the lists live in (set when the app starts). */
export function setInvitationDatabase(db: WorkbenchDatabase): void {
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

/** Hears every change to a list (import, delete, wave assignment); returns the unsubscribe. */
export function onInvitationListChange(listener: (planId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const changed = (planId: string) => {
  for (const l of listeners) l(planId);
};

/** The counts of a plan's list, or null when it has none. */
export async function invitationList(planId: string): Promise<InvitationListRow | null> {
  return (await db().invitationLists.get(planId)) ?? null;
}

/** The meta key of the list kept from before the last import. */
export function previousListKey(planId: string): string {
  return `invitation-list-previous:${planId}`;
}

/** The list as it was before the last import: its counts (null: there was none) and its chunks. */
interface PreviousList {
  readonly row: InvitationListRow | null;
  readonly chunks: readonly { readonly people: string; readonly count: number }[];
  /** When the import that replaced or extended it was made. */
  readonly keptAt: string;
}

/** Deletes a plan's list in one step (one transaction: the people, the counts and the copy kept for undo). */
export async function deleteInvitationList(planId: string, target = db()): Promise<void> {
  await target.transaction('rw', target.invitees, target.invitationLists, target.meta, async () => {
    await target.invitees
      .where('[planId+n]')
      .between(...range(planId), true, true)
      .delete();
    await target.invitationLists.delete(planId);
    await target.meta.delete(previousListKey(planId));
  });
  if (target === database) changed(planId);
}

/**
 * Keeps the list as it is now (or that there is none) for undoing the
 * import about to be made; replaces what was kept before (one level).
 */
export async function keepListForUndo(planId: string): Promise<void> {
  const target = db();
  await target.transaction('rw', target.invitees, target.invitationLists, target.meta, async () => {
    const row = (await target.invitationLists.get(planId)) ?? null;
    const chunks = row
      ? (
          await target.invitees
            .where('[planId+n]')
            .between(...range(planId), true, true)
            .toArray()
        ).map((c) => ({ people: c.people, count: c.count }))
      : [];
    const kept: PreviousList = { row, chunks, keptAt: new Date().toISOString() };
    await target.meta.put({ key: previousListKey(planId), value: kept });
  });
}

/** What an undo of the last import would bring back: the list then (null: none), or undefined when nothing is kept. */
export async function listBeforeLastImport(
  planId: string,
): Promise<{ row: InvitationListRow | null; keptAt: string } | undefined> {
  const kept = (await db().meta.get(previousListKey(planId)))?.value as PreviousList | undefined;
  return kept ? { row: kept.row, keptAt: kept.keptAt } : undefined;
}

/**
 * Undoes the last import: the list comes back as it was before it (or goes,
 * if there was none), in one transaction. Returns false when nothing was kept.
 */
export async function undoLastListImport(planId: string): Promise<boolean> {
  const target = db();
  const undone = await target.transaction(
    'rw',
    target.invitees,
    target.invitationLists,
    target.meta,
    async () => {
      const kept = (await target.meta.get(previousListKey(planId)))?.value as
        PreviousList | undefined;
      if (!kept) return false;
      await target.invitees
        .where('[planId+n]')
        .between(...range(planId), true, true)
        .delete();
      if (kept.row) {
        for (let n = 0; n < kept.chunks.length; n++) {
          const c = kept.chunks[n]!;
          await target.invitees.add({ planId, n, count: c.count, people: c.people });
        }
        await target.invitationLists.put(kept.row);
      } else await target.invitationLists.delete(planId);
      await target.meta.delete(previousListKey(planId));
      return true;
    },
  );
  if (undone) changed(planId);
  return undone;
}

/** What is known of an import when it is stored. */
export interface StoredImport {
  readonly fileName: string;
  readonly duplicates: number;
  readonly failed: number;
  readonly bySegment: Record<string, number>;
  /** When the list was imported (a restored backup keeps its own); now by default. */
  readonly importedAt?: string;
  /** How people are put into waves (a restored backup's); else the list's current one. */
  readonly assignment?: InvitationListRow['assignment'];
}

/**
 * Replaces a plan's list with `chunks` (texts of `encodeInvitees`, in file
 * order) in one transaction, so a list is never half replaced and the disk
 * is flushed once (the database is strictly durable).
 */
export async function storeInvitationChunks(
  planId: string,
  chunks: readonly { readonly people: string; readonly count: number }[],
  info: StoredImport,
  progress?: (done: number) => void,
): Promise<InvitationListRow> {
  const target = db();
  const count = chunks.reduce((s, c) => s + c.count, 0);
  const row = await target.transaction('rw', target.invitees, target.invitationLists, async () => {
    const before = await target.invitationLists.get(planId);
    await target.invitees
      .where('[planId+n]')
      .between(...range(planId), true, true)
      .delete();
    let done = 0;
    for (let n = 0; n < chunks.length; n++) {
      const { people, count: inChunk } = chunks[n]!;
      await target.invitees.add({ planId, n, count: inChunk, people });
      done += inChunk;
      progress?.(done);
    }
    const stored: InvitationListRow = {
      planId,
      count,
      duplicates: info.duplicates,
      failed: info.failed,
      fileName: info.fileName,
      importedAt: info.importedAt ?? new Date().toISOString(),
      bySegment: info.bySegment,
      // The way waves were assigned before stays (it is about the plan's waves, not the file).
      assignment: info.assignment ?? before?.assignment ?? { mode: 'shares' },
    };
    await target.invitationLists.put(stored);
    return stored;
  });
  changed(planId);
  return row;
}

/** Replaces a plan's list with `rows` (in file order), encoded a chunk at a time. */
export function storeInvitationList(
  planId: string,
  rows: readonly InvitationRow[],
  info: StoredImport,
  progress?: (done: number) => void,
): Promise<InvitationListRow> {
  const chunks: { people: string; count: number }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    chunks.push({ people: encodeInvitees(part), count: part.length });
  }
  return storeInvitationChunks(planId, chunks, info, progress);
}

/** What adding a source list to the list did. */
export interface MergedImport {
  readonly row: InvitationListRow;
  /** People of the new file added to the list. */
  readonly added: number;
  /** People of the new file already on the list (same e-mail, any case): left out. */
  readonly repeated: number;
}

/**
 * Adds another source list's people (`chunks` of the import, in file order)
 * to the plan's list: those whose e-mail is already listed are left out, the
 * others appended after the people already there, whose chunks stay as they
 * are. The counts add up (`duplicates` counts the people left out as already
 * listed too) and the file names are joined. With no list yet it is a plain
 * store. The page breathes between chunks.
 */
export async function mergeInvitationChunks(
  planId: string,
  chunks: readonly { readonly people: string; readonly count: number }[],
  info: StoredImport,
  progress?: (done: number) => void,
): Promise<MergedImport> {
  const before = await invitationList(planId);
  if (!before) {
    const row = await storeInvitationChunks(planId, chunks, info, progress);
    return { row, added: row.count, repeated: 0 };
  }
  const listed = new Set<string>();
  let first = 0;
  await readInvitees(planId, (people) => {
    for (const p of people) listed.add(emailKey(p.email));
    first++;
  });
  const appended: { people: string; count: number }[] = [];
  const bySegment: Record<string, number> = { ...before.bySegment };
  let added = 0;
  let repeated = 0;
  for (const chunk of chunks) {
    const merged = mergeInvitees(listed, decodeInvitees(chunk.people));
    repeated += merged.repeated;
    added += merged.added.length;
    for (const [segment, n] of Object.entries(merged.bySegment))
      bySegment[segment] = (bySegment[segment] ?? 0) + n;
    if (merged.added.length)
      appended.push({ people: encodeInvitees(merged.added), count: merged.added.length });
    progress?.(added);
    await yieldToPage();
  }
  const target = db();
  const row = await target.transaction('rw', target.invitees, target.invitationLists, async () => {
    for (let k = 0; k < appended.length; k++) {
      const c = appended[k]!;
      await target.invitees.add({ planId, n: first + k, count: c.count, people: c.people });
    }
    const names = `${before.fileName} + ${info.fileName}`;
    const stored: InvitationListRow = {
      ...before,
      count: before.count + added,
      duplicates: before.duplicates + info.duplicates + repeated,
      failed: before.failed + info.failed,
      fileName: names.length > 300 ? `${names.slice(0, 299)}…` : names,
      importedAt: new Date().toISOString(),
      bySegment,
    };
    await target.invitationLists.put(stored);
    return stored;
  });
  changed(planId);
  return { row, added, repeated };
}

/** Sets how the list is put into waves. */
export async function setWaveAssignment(planId: string, assignment: WaveAssignment): Promise<void> {
  await db().invitationLists.update(planId, {
    assignment: assignment as InvitationListRow['assignment'],
  });
  changed(planId);
}

/** The stored texts of a plan's list (`encodeInvitees`, one per chunk, in file order), undecoded. */
export async function readInviteeTexts(planId: string): Promise<string[]> {
  const chunks = await db()
    .invitees.where('[planId+n]')
    .between(...range(planId), true, true)
    .toArray();
  return chunks.sort((a, b) => a.n - b.n).map((c) => c.people);
}

/** Reads a plan's list in file order, a chunk at a time (the page breathes between chunks). */
export async function readInvitees(
  planId: string,
  each: (chunk: readonly InvitationRow[]) => void,
): Promise<void> {
  const target = db();
  for (let n = 0; ; n++) {
    const chunk = await target.invitees.get([planId, n]);
    if (!chunk) return;
    each(decodeInvitees(chunk.people));
    await yieldToPage();
  }
}
