/**
 * The local plan database (IndexedDB through Dexie). Versions are declared
 * step by step and each upgrade is named; a database written by a newer app
 * version is refused, never wiped.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import { summarisePlan, type PlanSummary } from '../../../shared/plan/create';
import { planToRecords } from '../../../shared/plan/records';
import type { Plan } from '../../../shared/plan/schema';
import { i18n } from '../i18n/i18n';

/** Name of the IndexedDB database. */
export const DATABASE_NAME = 'upskill-workbench';

/**
 * A plan as listed in the library. `deletedAt` is set while it sits in
 * "Recently deleted"; `rev` counts saves (other windows use it to know they
 * missed nothing); `writer` names the window allowed to save the plan (a
 * fencing token: a window that lost it can never overwrite the plan).
 */
export interface LibraryRow extends PlanSummary {
  deletedAt: string | null;
  rev?: number;
  writer?: string | null;
}

/** A whole stored plan document, as version 2 kept plans (read only by the upgrade to 3). */
export interface DocumentRow {
  id: string;
  plan: Plan;
}

/** One record of a stored plan (see shared/plan/records.ts): the plan is the set of its records. */
export interface RecordRow {
  planId: string;
  key: string;
  value: unknown;
}

/** Small key/value settings (e.g. whether the sample plan was seeded). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * A chunk of a plan's invitation list (personal data, issue 13), kept only
 * here, never in the plan: `n` numbers the chunks in file order, `people`
 * is the text of shared/launch/invitation-list.ts `encodeInvitees`.
 */
export interface InviteeRow {
  planId: string;
  n: number;
  count: number;
  people: string;
}

/** What a plan's invitation list holds, in counts, and how it is put into waves. */
export interface InvitationListRow {
  planId: string;
  /** People in the list (after duplicates were removed). */
  count: number;
  /** Rows left out as repeating an earlier e-mail, and rows left out for a fault. */
  duplicates: number;
  failed: number;
  fileName: string;
  importedAt: string;
  /** People per segment id ('' for none). */
  bySegment: Record<string, number>;
  /** How people are put into waves (see shared/launch/invitation-list.ts WaveAssignment). */
  assignment: { mode: 'shares' } | { mode: 'segment'; waves: Record<string, string> };
}

/**
 * Named upgrade steps, one per database version. Version 1 kept whole plans in
 * one `plans` table; version 2 splits them into a light `library` table (what
 * the plan list reads) and `documents`, so listing plans never loads them.
 */
export const DATABASE_UPGRADES = {
  2: async function splitPlansIntoLibraryAndDocuments(tx: Transaction): Promise<void> {
    const plans = (await tx.table('plans').toArray()) as { id: string; plan: Plan }[];
    for (const row of plans) {
      await tx.table('documents').put({ id: row.id, plan: row.plan });
      await tx.table('library').put({ ...summarisePlan(row.plan), deletedAt: null });
    }
  },
  /**
   * Version 3 stores each plan as records (header, sections, one per list
   * element) so a save writes only what changed. Plans are moved as they
   * are (raw): validation and plan-format migration happen when opened.
   */
  3: async function splitDocumentsIntoRecords(tx: Transaction): Promise<void> {
    const documents = (await tx.table('documents').toArray()) as DocumentRow[];
    for (const { id, plan } of documents) {
      let records: { planId: string; key: string; value: unknown }[];
      try {
        records = planToRecords(plan).map(({ key, value }) => ({ planId: id, key, value }));
      } catch {
        // A damaged document must not stop every other plan from upgrading;
        // it is kept as it was, aside, rather than dropped with its table.
        await tx.table('meta').put({ key: `unreadable-plan:${id}`, value: plan });
        continue;
      }
      await tx.table('records').bulkPut(records);
      await tx.table('library').update(id, { rev: 0, writer: null });
    }
  },
} as const;

/** The schema of each database version, oldest first. */
function declareVersions(db: Dexie): void {
  db.version(1).stores({ plans: 'id, updatedAt' });
  db.version(2)
    .stores({ plans: null, library: 'id, updatedAt', documents: 'id', meta: 'key' })
    .upgrade(DATABASE_UPGRADES[2]);
  db.version(3).stores({ documents: null, records: '[planId+key]' }).upgrade(DATABASE_UPGRADES[3]);
  // Version 4 adds the invitation lists (issue 13): new tables, nothing to move.
  db.version(4).stores({
    invitees: '[planId+n]',
    invitationLists: 'planId',
  });
  // Version 5 adds the learner roster and kept plan versions (issue 14): new tables only.
  db.version(DATABASE_VERSION).stores({
    rosterChunks: '[planId+n]',
    rosterCourseChunks: '[planId+n]',
    rosters: 'planId',
    planVersions: 'id, planId',
  });
}

/** The app's database. */
export class WorkbenchDatabase extends Dexie {
  library!: Table<LibraryRow, string>;
  records!: Table<RecordRow, [string, string]>;
  meta!: Table<MetaRow, string>;
  /** Invitation lists (personal data): people, and each list's counts. */
  invitees!: Table<InviteeRow, [string, number]>;
  invitationLists!: Table<InvitationListRow, string>;
  /** Learner rosters (personal data): learners, per-course rows, and each roster's counts and snapshots. */
  rosterChunks!: Table<RosterChunkRow, [string, number]>;
  rosterCourseChunks!: Table<RosterCourseChunkRow, [string, number]>;
  rosters!: Table<RosterRow, string>;
  /** Kept read-only versions of plans. */
  planVersions!: Table<PlanVersionRow, string>;
  /** The IndexedDB implementation in use (a fake one in tests). */
  readonly factory: IDBFactory;

  constructor(
    name: string = DATABASE_NAME,
    options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    // Strict durability: a committed edit is on disk, not only in the OS cache.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.factory = options.indexedDB ?? globalThis.indexedDB;
    declareVersions(this);
  }
}

/**
 * A chunk of a plan's learner roster (personal data, issue 14), kept only
 * here, never in the plan: `n` numbers the chunks, `learners` is the text of
 * shared/manage/roster.ts `encodeLearners` (one record per learner).
 */
export interface RosterChunkRow {
  planId: string;
  n: number;
  count: number;
  learners: string;
}

/**
 * A chunk of a roster's per-course rows (learner × course activity, personal
 * data): `rows` is the text of shared/manage/roster.ts `encodeCourseRows`.
 */
export interface RosterCourseChunkRow {
  planId: string;
  n: number;
  count: number;
  rows: string;
}

/**
 * What a plan's roster holds, in counts (the dated aggregates of every import
 * are in the plan: `manage.progress`).
 */
export interface RosterRow {
  planId: string;
  count: number;
  courseRows: number;
  fileName: string;
  importedAt: string;
  /** The day the last imported export describes (YYYY-MM-DD), when known. */
  date?: string;
}

/**
 * A kept, read-only earlier version of a plan (issue 14, "Start next
 * cohort"): the whole plan as it was, listed in the plan's
 * `manage.iteration.previousVersions` by the same id.
 */
export interface PlanVersionRow {
  id: string;
  planId: string;
  name: string;
  keptAt: string;
  plan: Plan;
}

/** The newest database version this app knows. */
export const DATABASE_VERSION = 5;

/**
 * Opens the database. Dexie would open a database left by a newer app version
 * as it is; we refuse it instead, so an old app never writes into a schema it
 * does not understand.
 */
export async function openDatabase(db: WorkbenchDatabase): Promise<void> {
  // Dexie 4 would open a newer database and even patch its indexes, so look
  // at the stored version first. Dexie stores version N as N × 10.
  const existing = (await db.factory.databases?.())?.find((d) => d.name === db.name);
  if (existing?.version && existing.version > DATABASE_VERSION * 10) {
    throw Object.assign(
      new Error(`database version ${existing.version / 10} is newer than ${DATABASE_VERSION}`),
      { name: 'VersionError' },
    );
  }
  await db.open();
}

/** Whether an error is the storage being full (the browser's quota or the disk). */
export function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/**
 * Why the database could not be used, in words a user can act on. `where`
 * says what was being done: an edit in an open plan (the default), or a
 * library action such as creating or renaming a plan.
 */
export function describeDatabaseError(error: unknown, where: 'plan' | 'library' = 'plan'): string {
  if (where === 'library' && isQuotaError(error)) {
    return i18n.t('shell:messages.libraryFull');
  }
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'VersionError' || inner === 'VersionError') {
    return i18n.t('shell:messages.newerVersion');
  }
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return i18n.t('shell:messages.editsFull');
  }
  if (name === 'DatabaseClosedError' && /blocked/i.test(String((error as Error).message))) {
    return i18n.t('shell:messages.olderElsewhere');
  }
  if (name === 'MissingAPIError') {
    return i18n.t('shell:messages.noIndexedDb');
  }
  const message = error instanceof Error ? error.message : String(error);
  return i18n.t('shell:messages.databaseUnusable', { message });
}
