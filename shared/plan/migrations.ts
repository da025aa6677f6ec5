/**
 * Step-by-step migrations of raw plan documents from older schema versions.
 * Each step takes the raw JSON of version N and returns raw JSON of N + 1;
 * validation happens only after the last step, against the current schema.
 */
import { PLAN_SCHEMA_VERSION } from './schema';

/** Raw, not yet validated plan JSON. */
export type RawPlan = Record<string, unknown>;

/** One named upgrade from `from` to `from + 1`. */
export interface PlanMigration {
  readonly from: number;
  readonly name: string;
  readonly up: (plan: RawPlan) => RawPlan;
}

/**
 * Every migration ever shipped, oldest first. Version 1 is the first public
 * format, so the list is empty; add a step here (and a fixture under
 * test/fixtures/plan-files/) whenever PLAN_SCHEMA_VERSION goes up.
 */
export const PLAN_MIGRATIONS: readonly PlanMigration[] = [];

/** Why a raw plan could not be brought to the current version. */
export type MigrationFailure =
  | { kind: 'noVersion' }
  | { kind: 'newer'; version: number }
  | { kind: 'unknownVersion'; version: number };

/**
 * Brings a raw plan to `target` version by applying each step in turn.
 * Never mutates the input.
 */
export function migratePlan(
  raw: RawPlan,
  migrations: readonly PlanMigration[] = PLAN_MIGRATIONS,
  target: number = PLAN_SCHEMA_VERSION,
): { ok: true; plan: RawPlan; from: number } | { ok: false; failure: MigrationFailure } {
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, failure: { kind: 'noVersion' } };
  }
  if (version > target) return { ok: false, failure: { kind: 'newer', version } };
  let plan: RawPlan = structuredClone(raw);
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, failure: { kind: 'unknownVersion', version } };
    plan = { ...step.up(plan), schemaVersion: v + 1 };
  }
  return { ok: true, plan, from: version };
}
