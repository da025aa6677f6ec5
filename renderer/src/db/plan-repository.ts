/**
 * Reading and writing plans in the local database. A plan is stored as
 * records (shared/plan/records.ts): opening reads them and builds the plan;
 * a save writes only the records an edit changed. Every save checks, in the
 * same transaction, that the plan still exists and that this window is still
 * its writer, so a plan deleted or taken over elsewhere is never overwritten
 * or brought back.
 */
import Dexie from 'dexie';
import { summarisePlan } from '../../../shared/plan/create';
import { readPlanDocument } from '../../../shared/plan/plan-file';
import { planToRecords, recordsToPlan, type PlanRecord } from '../../../shared/plan/records';
import { PLAN_SCHEMA_VERSION, type Plan } from '../../../shared/plan/schema';
import type { LibraryRow, RecordRow, WorkbenchDatabase } from './database';
import { i18n } from '../i18n/i18n';

/**
 * About how many list elements one write request carries inside a save. A
 * request copies its records on the page's thread, so bigger saves (an
 * import) go out in several requests, each a short step.
 */
const ELEMENTS_PER_WRITE = 1500;

/** Splits rows into write requests of about ELEMENTS_PER_WRITE list elements each. */
function writeChunks(rows: readonly RecordRow[]): RecordRow[][] {
  const chunks: RecordRow[][] = [];
  let chunk: RecordRow[] = [];
  let weight = 0;
  for (const row of rows) {
    const elements = (row.value as { elements?: unknown[] } | null)?.elements;
    const rowWeight = Array.isArray(elements) ? elements.length : 1;
    if (chunk.length > 0 && weight + rowWeight > ELEMENTS_PER_WRITE) {
      chunks.push(chunk);
      chunk = [];
      weight = 0;
    }
    chunk.push(row);
    weight += rowWeight;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** A plan read from the library. */
export type LoadedPlan =
  | { ok: true; plan: Plan; rev: number; migratedFrom: number | null }
  | { ok: false; message: string; details: string[] };

/** The plan was purged (or never existed) when a save reached the database. */
export class PlanGoneError extends Error {
  override readonly name = 'PlanGoneError';
  constructor(readonly planId: string) {
    super('This plan is no longer in the library.');
  }
}

/** Another window took over editing the plan before this save reached the database. */
export class WriterLostError extends Error {
  override readonly name = 'WriterLostError';
  constructor(readonly planId: string) {
    super('This plan is now being edited in another window.');
  }
}

/** The header fields every stored plan has; anything less is a damaged record set. */
function looksLikePlan(plan: Record<string, unknown>): boolean {
  return (
    typeof plan.id === 'string' &&
    typeof plan.name === 'string' &&
    typeof plan.createdAt === 'string' &&
    typeof plan.updatedAt === 'string' &&
    typeof plan.objective === 'object' &&
    plan.objective !== null &&
    typeof plan.theoryOfChange === 'object' &&
    plan.theoryOfChange !== null
  );
}

/**
 * Meta keys kept per plan (`<prefix><planId>`): follow-up contacts and how
 * long a contacted learner is left out (follow-up-contacts.ts), the previous invitation list kept for undoing an
 * import (invitation-list.ts) and the personal-data backup choice
 * (personal-backup.ts). Purging the plan deletes them.
 */
export const PLAN_META_PREFIXES = [
  'follow-up-contacts:',
  'follow-up-quiet:',
  'invitation-list-previous:',
  'personal-backup:',
] as const;

function range(planId: string) {
  return [
    [planId, Dexie.minKey],
    [planId, Dexie.maxKey],
  ] as const;
}

/** The storage operations the app needs, so tests can swap the database. */
export class PlanRepository {
  constructor(private readonly db: WorkbenchDatabase) {}

  /** Every plan in the library (including recently deleted), newest first. */
  async list(): Promise<LibraryRow[]> {
    const rows = await this.db.library.toArray();
    return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** One library row, if the plan exists (deleted or not). */
  row(id: string): Promise<LibraryRow | undefined> {
    return this.db.library.get(id);
  }

  /**
   * Loads a plan. A plan in the current format is built from its records as
   * stored (no validation pass, no copy: it was validated when it entered
   * the library and every edit since is a command); an older one is migrated,
   * validated and written back in the current format.
   */
  async load(id: string): Promise<LoadedPlan | null> {
    const [row, rows] = await this.db.transaction('r', this.db.library, this.db.records, () =>
      Promise.all([
        this.db.library.get(id),
        this.db.records
          .where('[planId+key]')
          .between(...range(id), true, true)
          .toArray(),
      ]),
    );
    if (!row) return null;
    if (rows.length === 0) {
      return {
        ok: false,
        message: i18n.t('shell:messages.storedMissing'),
        details: [],
      };
    }
    let raw: Record<string, unknown>;
    try {
      raw = recordsToPlan(rows) as unknown as Record<string, unknown>;
    } catch {
      return { ok: false, message: i18n.t('shell:messages.storedDamaged'), details: [] };
    }
    if (raw.schemaVersion === PLAN_SCHEMA_VERSION && looksLikePlan(raw)) {
      return { ok: true, plan: raw as unknown as Plan, rev: row.rev ?? 0, migratedFrom: null };
    }
    const read = readPlanDocument(raw);
    if (!read.ok) return read;
    if (read.migratedFrom !== null || raw.schemaVersion === PLAN_SCHEMA_VERSION) {
      // Written back in the current format by the window opening it (its writer).
      await this.replace(read.plan, new Date(), true);
    }
    const after = await this.db.library.get(id);
    return { ok: true, plan: read.plan, rev: after?.rev ?? 0, migratedFrom: read.migratedFrom };
  }

  /** Whether a plan with this id exists (deleted or not). */
  async exists(id: string): Promise<boolean> {
    return (await this.db.library.get(id)) !== undefined;
  }

  /**
   * Writes a whole plan (a new plan, an import, a file replacing the library
   * copy): all its records and its library row, replacing any records it had.
   * Keeps `deletedAt`; stamps `updatedAt`. A window that was editing the plan
   * loses the writer role, so a late save of its own can never mix into the
   * new content.
   */
  async save(plan: Plan, now: Date = new Date()): Promise<Plan> {
    await this.replace(plan, now, false);
    return { ...plan, updatedAt: now.toISOString() };
  }

  private async replace(plan: Plan, now: Date, keepWriter: boolean): Promise<void> {
    const stamped: Plan = { ...plan, updatedAt: now.toISOString() };
    const rows: RecordRow[] = planToRecords(stamped).map(({ key, value }) => ({
      planId: plan.id,
      key,
      value,
    }));
    await this.db.transaction('rw', this.db.library, this.db.records, async () => {
      const existing = await this.db.library.get(plan.id);
      await this.db.records
        .where('[planId+key]')
        .between(...range(plan.id), true, true)
        .delete();
      for (const chunk of writeChunks(rows)) {
        await this.db.records.bulkPut(chunk);
      }
      await this.db.library.put({
        ...summarisePlan(stamped),
        deletedAt: existing?.deletedAt ?? null,
        rev: (existing?.rev ?? 0) + 1,
        writer: keepWriter ? (existing?.writer ?? null) : null,
      });
    });
  }

  /**
   * Makes `token` the plan's only writer (a window that takes over editing).
   * Returns the plan's revision. Throws PlanGoneError if it no longer exists.
   */
  async claimWriter(id: string, token: string): Promise<number> {
    return this.db.transaction('rw', this.db.library, async () => {
      const row = await this.db.library.get(id);
      if (!row) throw new PlanGoneError(id);
      await this.db.library.update(id, { writer: token });
      return row.rev ?? 0;
    });
  }

  /** Gives up writing (if `token` is still the writer). */
  async releaseWriter(id: string, token: string): Promise<void> {
    await this.db.transaction('rw', this.db.library, async () => {
      const row = await this.db.library.get(id);
      if (row?.writer === token) await this.db.library.update(id, { writer: null });
    });
  }

  /**
   * Writes the records an edit changed (`value` undefined deletes one) and
   * the library row, in one transaction; returns the new revision. Throws
   * PlanGoneError if the plan was purged, WriterLostError if `token` is no
   * longer its writer — in both cases nothing is written.
   */
  async saveChanges(
    plan: Plan,
    changes: readonly PlanRecord[],
    token: string,
    now: Date = new Date(),
  ): Promise<number> {
    const id = plan.id;
    const puts: RecordRow[] = [];
    const deletes: [string, string][] = [];
    for (const { key, value } of changes) {
      if (value === undefined) deletes.push([id, key]);
      else puts.push({ planId: id, key, value });
    }
    const updatedAt = now.toISOString();
    return this.db.transaction('rw', this.db.library, this.db.records, async () => {
      const row = await this.db.library.get(id);
      if (!row) throw new PlanGoneError(id);
      if (row.writer !== token) throw new WriterLostError(id);
      // The header is written with its new date; a rename made in the
      // library meanwhile is kept unless this edit renamed the plan too.
      const header = puts.find((p) => p.key === 'm');
      if (header) header.value = { ...(header.value as object), updatedAt };
      else {
        const stored = await this.db.records.get([id, 'm']);
        if (stored) puts.push({ ...stored, value: { ...(stored.value as object), updatedAt } });
      }
      for (const chunk of writeChunks(puts)) {
        await this.db.records.bulkPut(chunk);
      }
      if (deletes.length) await this.db.records.bulkDelete(deletes);
      const rev = (row.rev ?? 0) + 1;
      await this.db.library.put({
        ...row,
        ...summarisePlan(plan),
        name: header ? plan.name : row.name,
        updatedAt,
        rev,
      });
      return rev;
    });
  }

  /**
   * Writes records left unsaved by a window that went away (its journal),
   * if the plan is still at `expectedRev` — the revision the journal was
   * written against — and brings the library row's summary up to date from
   * the stored header and objective. Returns false (nothing written) if the
   * plan moved on or is gone. No writer check: the caller holds the plan's
   * lock.
   */
  async applyRecords(
    id: string,
    changes: readonly PlanRecord[],
    expectedRev: number,
    now: Date = new Date(),
  ): Promise<boolean> {
    return this.db.transaction('rw', this.db.library, this.db.records, async () => {
      const row = await this.db.library.get(id);
      if (!row || (row.rev ?? 0) !== expectedRev) return false;
      const puts = changes.filter((c) => c.value !== undefined);
      const deletes = changes.filter((c) => c.value === undefined);
      for (const chunk of writeChunks(puts.map(({ key, value }) => ({ planId: id, key, value })))) {
        await this.db.records.bulkPut(chunk);
      }
      if (deletes.length) await this.db.records.bulkDelete(deletes.map((c) => [id, c.key]));
      const header = (await this.db.records.get([id, 'm']))?.value as { name?: string } | undefined;
      const objective = (await this.db.records.get([id, 's:objective']))?.value as
        { programName?: string; organisation?: string; region?: string } | undefined;
      await this.db.library.put({
        ...row,
        name: header?.name ?? row.name,
        programName: objective?.programName ?? row.programName,
        organisation: objective?.organisation ?? row.organisation,
        region: objective?.region ?? row.region,
        updatedAt: now.toISOString(),
        rev: (row.rev ?? 0) + 1,
      });
      return true;
    });
  }

  /**
   * The current values of some records of a plan (undefined where deleted)
   * and its revision, read together; `exists` is false once the plan is
   * purged.
   */
  async readRecords(
    id: string,
    keys: readonly string[],
  ): Promise<{ exists: boolean; rev: number; records: PlanRecord[] }> {
    return this.db.transaction('r', this.db.library, this.db.records, async () => {
      const row = await this.db.library.get(id);
      const rows = await this.db.records.bulkGet(keys.map((key) => [id, key] as [string, string]));
      return {
        exists: row !== undefined,
        rev: row?.rev ?? 0,
        records: keys.map((key, i) => ({ key, value: rows[i]?.value })),
      };
    });
  }

  /** Renames a plan in place (header record and library row); returns the revision written. */
  async rename(id: string, name: string, now: Date = new Date()): Promise<number> {
    return this.db.transaction('rw', this.db.library, this.db.records, async () => {
      const row = await this.db.library.get(id);
      const header = await this.db.records.get([id, 'm']);
      if (!row || !header) throw new PlanGoneError(id);
      const updatedAt = now.toISOString();
      await this.db.records.put({
        ...header,
        value: { ...(header.value as object), name, updatedAt },
      });
      const rev = (row.rev ?? 0) + 1;
      await this.db.library.put({ ...row, name, updatedAt, rev });
      return rev;
    });
  }

  /** Moves a plan to "Recently deleted" (restorable). */
  async softDelete(id: string, now: Date = new Date()): Promise<void> {
    await this.db.library.update(id, { deletedAt: now.toISOString() });
  }

  /** Brings a plan back from "Recently deleted". */
  async restore(id: string): Promise<void> {
    await this.db.library.update(id, { deletedAt: null });
  }

  /** Removes a plan for good. */
  async purge(id: string): Promise<void> {
    const { library, records, invitees, invitationLists } = this.db;
    const { rosterChunks, rosterCourseChunks, rosters, planVersions } = this.db;
    const { meta } = this.db;
    // meta: what this computer keeps about the plan beside it (PLAN_META_PREFIXES).
    const personal = [invitees, invitationLists, rosterChunks, rosterCourseChunks, rosters, meta];
    await this.db.transaction('rw', [library, records, planVersions, ...personal], async () => {
      await library.delete(id);
      await records
        .where('[planId+key]')
        .between(...range(id), true, true)
        .delete();
      // The plan's invitation list (personal data) goes with it.
      await invitees
        .where('[planId+n]')
        .between(...range(id), true, true)
        .delete();
      await invitationLists.delete(id);
      // So do its learner roster (personal data) and its kept versions.
      for (const chunks of [rosterChunks, rosterCourseChunks])
        await chunks
          .where('[planId+n]')
          .between(...range(id), true, true)
          .delete();
      await rosters.delete(id);
      await planVersions.where('planId').equals(id).delete();
      // And follow-up contacts (personal data), the previous invitation list
      // kept for undo, and the choice to include personal data in backups.
      await meta.bulkDelete(PLAN_META_PREFIXES.map((prefix) => `${prefix}${id}`));
    });
  }

  /** Reads a setting. */
  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.meta.get(key))?.value as T | undefined;
  }

  /** Writes a setting. */
  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.meta.put({ key, value });
  }
}
