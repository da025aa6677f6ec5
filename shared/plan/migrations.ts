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
  /** `schemaVersion` is there but is not a whole number of 0 or more ("1", 1.5, -1, null…). */
  | { kind: 'badVersion'; value: unknown }
  | { kind: 'newer'; version: number }
  | { kind: 'unknownVersion'; version: number }
  /** A step threw or returned something that is not a plan; nothing was changed. */
  | { kind: 'stepFailed'; version: number; step: string; reason: string };

/** The longest reason from a failed step that is passed on to a message. */
const MAX_REASON = 300;

function reasonOf(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).trim().replace(/\s+/g, ' ');
  const reason = text === '' ? 'the step stopped without saying why' : text;
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
}

const isRecord = (value: unknown): value is RawPlan =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Brings a raw plan to `target` version by applying each step in turn.
 * Never mutates the input and never throws: a step that throws (or returns
 * something that is not an object) is reported as `stepFailed`. A plan that
 * is already at the target version is returned as is, without a copy.
 */
export function migratePlan(
  raw: RawPlan,
  migrations: readonly PlanMigration[] = PLAN_MIGRATIONS,
  target: number = PLAN_SCHEMA_VERSION,
): { ok: true; plan: RawPlan; from: number } | { ok: false; failure: MigrationFailure } {
  if (!Object.hasOwn(raw, 'schemaVersion') || raw.schemaVersion === undefined) {
    return { ok: false, failure: { kind: 'noVersion' } };
  }
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, failure: { kind: 'badVersion', value: version } };
  }
  if (version > target) return { ok: false, failure: { kind: 'newer', version } };
  if (version === target) return { ok: true, plan: raw, from: version };
  // Check the whole chain before running any of it: a gap is a different
  // message from a step that fails.
  for (let v = version; v < target; v++) {
    if (!migrations.some((m) => m.from === v)) {
      return { ok: false, failure: { kind: 'unknownVersion', version } };
    }
  }
  let plan: RawPlan;
  try {
    // Steps may change what they are given; the caller's object stays as it was.
    plan = structuredClone(raw);
  } catch (error) {
    return {
      ok: false,
      failure: { kind: 'stepFailed', version, step: 'copy', reason: reasonOf(error) },
    };
  }
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v)!;
    let next: unknown;
    try {
      next = step.up(plan);
    } catch (error) {
      return {
        ok: false,
        failure: { kind: 'stepFailed', version: v, step: step.name, reason: reasonOf(error) },
      };
    }
    if (!isRecord(next)) {
      return {
        ok: false,
        failure: {
          kind: 'stepFailed',
          version: v,
          step: step.name,
          reason: 'the upgrade step did not produce a plan',
        },
      };
    }
    plan = { ...next, schemaVersion: v + 1 };
  }
  return { ok: true, plan, from: version };
}
