/** Reading and writing plans in the local database. */
import { readPlanDocument, type PlanFileResult } from '../../../shared/plan/plan-file';
import { summarisePlan } from '../../../shared/plan/create';
import type { Plan } from '../../../shared/plan/schema';
import type { LibraryRow, WorkbenchDatabase } from './database';

/** The storage operations the app needs, so tests can swap the database. */
export class PlanRepository {
  constructor(private readonly db: WorkbenchDatabase) {}

  /** Every plan in the library (including recently deleted), newest first. */
  async list(): Promise<LibraryRow[]> {
    const rows = await this.db.library.toArray();
    return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** Loads and validates a plan; older stored versions are migrated. */
  async load(id: string): Promise<PlanFileResult | null> {
    const row = await this.db.documents.get(id);
    return row ? readPlanDocument(row.plan) : null;
  }

  /** Whether a plan with this id exists (deleted or not). */
  async exists(id: string): Promise<boolean> {
    return (await this.db.library.get(id)) !== undefined;
  }

  /** Writes a plan and its library row in one transaction; stamps `updatedAt`. */
  async save(plan: Plan, now: Date = new Date()): Promise<Plan> {
    const stamped: Plan = { ...plan, updatedAt: now.toISOString() };
    await this.db.transaction('rw', this.db.library, this.db.documents, async () => {
      const existing = await this.db.library.get(plan.id);
      await this.db.documents.put({ id: plan.id, plan: stamped });
      await this.db.library.put({
        ...summarisePlan(stamped),
        deletedAt: existing?.deletedAt ?? null,
      });
    });
    return stamped;
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
    await this.db.transaction('rw', this.db.library, this.db.documents, async () => {
      await this.db.library.delete(id);
      await this.db.documents.delete(id);
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
