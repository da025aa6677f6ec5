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
 */
import Dexie from 'dexie';
import {
  decodeInvitees,
  encodeInvitees,
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

/** Deletes a plan's list in one step (one transaction: the people and the counts). */
export async function deleteInvitationList(planId: string, target = db()): Promise<void> {
  await target.transaction('rw', target.invitees, target.invitationLists, async () => {
    await target.invitees
      .where('[planId+n]')
      .between(...range(planId), true, true)
      .delete();
    await target.invitationLists.delete(planId);
  });
  if (target === database) changed(planId);
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
