/**
 * Kept versions of a plan (Manage → "Start next cohort"): the whole plan as
 * it stood, stored read-only in the local database (table planVersions) and
 * listed in the plan by id (manage.iteration.previousVersions).
 *
 * Undoing "Start next cohort" drops the version from that list but leaves
 * its row here, so a redo finds it again; every row of a plan, listed or
 * not, is deleted with the plan (plan-repository.ts purge).
 */
import type { Plan } from '../../../shared/plan/schema';
import type { PlanVersionRow, WorkbenchDatabase } from './database';

let database: WorkbenchDatabase | null = null;

/** The database the kept versions live in (set when the app starts). */
export function setPlanVersionDatabase(db: WorkbenchDatabase): void {
  database = db;
}

function db(): WorkbenchDatabase {
  if (!database) throw new Error('The local database is not open.');
  return database;
}

/** Keeps a copy of `plan` as version `id` (before the step that lists it is dispatched). */
export async function keepPlanVersion(
  id: string,
  name: string,
  keptAt: string,
  plan: Plan,
  target = db(),
): Promise<void> {
  const row: PlanVersionRow = { id, planId: plan.id, name, keptAt, plan };
  await target.planVersions.put(row);
}

/** A kept version, or null when its copy is not in this database (e.g. a plan opened from a file). */
export async function readPlanVersion(id: string, target = db()): Promise<PlanVersionRow | null> {
  return (await target.planVersions.get(id)) ?? null;
}
