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

const asRecord = (value: unknown): RawPlan | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RawPlan) : null;

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Version 1 → 2: one measurement framework and a budget.
 * - An indicator measured one element (`subjectId`); it now lists every
 *   element it measures (`subjectIds`).
 * - The Objective's success measures were a separate list; each becomes an
 *   indicator marked as a success measure (`successMeasure`: its kind), with
 *   its baseline and target (and the target date) kept. Ids are kept unless an
 *   indicator already uses one.
 * - KPIs gain `indicatorId`, segments `expectedParticipants`, the plan a
 *   `budget` (currency not guessed: null until chosen); the schema fills those
 *   defaults.
 * Anything the step does not understand is left as it is for validation to report.
 */
function v1ToV2(plan: RawPlan): RawPlan {
  const indicators = asArray(plan.indicators).map((raw) => {
    const indicator = asRecord(raw);
    if (!indicator || !Object.hasOwn(indicator, 'subjectId')) return raw;
    const { subjectId, ...rest } = indicator;
    return { ...rest, subjectIds: typeof subjectId === 'string' ? [subjectId] : subjectId };
  });
  const objective = asRecord(plan.objective);
  const next: RawPlan = { ...plan };
  if (objective && Object.hasOwn(objective, 'successMeasures')) {
    const { successMeasures, ...restObjective } = objective;
    const taken = new Set<unknown>(
      indicators.map((i) => asRecord(i)?.id).filter((id) => id !== undefined),
    );
    for (const raw of asArray(successMeasures)) {
      const measure = asRecord(raw);
      if (!measure) continue;
      let id = measure.id;
      if (typeof id === 'string' && taken.has(id)) {
        let n = 2;
        while (taken.has(`${id}-${n}`)) n++;
        id = `${id}-${n}`;
      }
      taken.add(id);
      indicators.push({
        id,
        subjectIds: [],
        successMeasure: measure.kind ?? 'other',
        name: measure.name,
        ...(measure.unit === undefined ? {} : { unit: measure.unit }),
        baseline: { value: measure.baseline ?? null, date: null },
        target: { value: measure.target ?? null, date: measure.targetDate ?? null },
      });
    }
    next.objective = restObjective;
  }
  if (Object.hasOwn(plan, 'indicators') || indicators.length > 0) next.indicators = indicators;
  return next;
}

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (YYYY-MM-DD each), or null if either is not a date. */
function daysBetween(from: unknown, to: unknown): number | null {
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / DAY_MS);
}

/**
 * Version 2 → 3: the Launch phase gets its screens.
 * - A date of a checklist item (`dueDate`) or a communication (`sendDate`)
 *   becomes a launch date (`due`, `send`): days from the launch start when
 *   the timeline has one (so moving the launch moves it), else the fixed date.
 * - A checklist item's `done` becomes a status (`done` or `notStarted`).
 * - A communication's free-text `audience` is kept as `audienceNote`.
 * The schema fills the rest (launch details, the invitation planner, channel
 * partners and dates, consent dates, the journey steps).
 */
function v2ToV3(plan: RawPlan): RawPlan {
  const launch = asRecord(plan.launch);
  if (!launch) return plan;
  const launchStart = asRecord(asRecord(asRecord(plan.objective)?.timeline)?.launch)?.start;
  const launchDate = (date: unknown) => {
    if (typeof date !== 'string') return date ?? null;
    const offsetDays = daysBetween(launchStart, date);
    return offsetDays === null || Math.abs(offsetDays) > 3650
      ? { anchor: 'date', date }
      : { anchor: 'launch', offsetDays };
  };
  const next: RawPlan = { ...launch };
  if (Array.isArray(launch.checklist))
    next.checklist = launch.checklist.map((raw) => {
      const item = asRecord(raw);
      if (!item) return raw;
      const { done, dueDate, ...rest } = item;
      return {
        ...rest,
        ...(done === undefined ? {} : { status: done === true ? 'done' : 'notStarted' }),
        ...(dueDate === undefined ? {} : { due: launchDate(dueDate) }),
      };
    });
  if (Array.isArray(launch.communications))
    next.communications = launch.communications.map((raw) => {
      const piece = asRecord(raw);
      if (!piece) return raw;
      const { audience, sendDate, ...rest } = piece;
      return {
        ...rest,
        ...(audience === undefined ? {} : { audienceNote: audience }),
        ...(sendDate === undefined ? {} : { send: launchDate(sendDate) }),
      };
    });
  return { ...plan, launch: next };
}

/**
 * Version 3 → 4: the Manage phase gets its screens.
 * - A follow-up rule's trigger `stalled` (no activity for N days) is now
 *   called `inactive`, beside the new `behindPace`.
 * The schema fills the rest (KPI sources and baseline dates, review
 * decisions/assumptions/actions, the iteration, engagement partners, the
 * content audit, skills-map roles and assessment history).
 */
function v3ToV4(plan: RawPlan): RawPlan {
  const manage = asRecord(plan.manage);
  if (!manage || !Array.isArray(manage.followUps)) return plan;
  const followUps = manage.followUps.map((raw) => {
    const rule = asRecord(raw);
    return rule && rule.trigger === 'stalled' ? { ...rule, trigger: 'inactive' } : raw;
  });
  return { ...plan, manage: { ...manage, followUps } };
}

/**
 * Every migration ever shipped, oldest first. Add a step here (and a fixture
 * under test/fixtures/plan-files/) whenever PLAN_SCHEMA_VERSION goes up.
 */
export const PLAN_MIGRATIONS: readonly PlanMigration[] = [
  { from: 1, name: 'one measurement framework and a budget', up: v1ToV2 },
  { from: 2, name: 'the Launch phase: launch dates, task status, invitations', up: v2ToV3 },
  { from: 3, name: 'the Manage phase: follow-up triggers', up: v3ToV4 },
];

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
