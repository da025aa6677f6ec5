/**
 * A KPI's status against the straight-line path from its baseline to its
 * target (issue 14). Pure: the KPIs section, the dashboard, Plan health and
 * the exports all call `kpiStatus`, and the catalogs' status rule (`kpis:statusRule`, `document:kpis.rule`) is the rule they
 * state in words.
 *
 * The path runs from the baseline value at the baseline date to the target
 * value at the target date; before the baseline date it stays at the
 * baseline, after the target date at the target. The latest actual is
 * compared with the path's value on that actual's date (the expected value).
 * A KPI whose target is below its baseline should go down, and the rule
 * turns round: lower is better.
 */

/** How a KPI stands. */
export type KpiStatusKind =
  'onTrack' | 'atRisk' | 'offTrack' | 'notStarted' | 'noData' | 'noTarget' | 'noBaseline';

/** Whether a KPI should rise or fall to reach its target. */
export type KpiDirection = 'up' | 'down';

/** Share of the expected value (10 %) an actual may fall short by and still be "at risk" rather than "off track". */
export const AT_RISK_TOLERANCE = 0.1;

/** One measured value. */
export interface DatedActual {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly value: number;
}

/** What the status is computed from. */
export interface KpiPath {
  readonly baseline: number | null;
  /** YYYY-MM-DD; the caller resolves the default (Manage start, else Launch start). */
  readonly baselineDate: string | null;
  readonly target: number | null;
  readonly targetDate: string | null;
}

/** A KPI's status, with the figures it rests on (null where not computed). */
export interface KpiStatus {
  readonly kind: KpiStatusKind;
  readonly direction: KpiDirection;
  /** The latest actual (by date; the last listed wins a tie). */
  readonly latest: DatedActual | null;
  /** The path's value on the latest actual's date. */
  readonly expected: number | null;
  /**
   * How far behind the path the latest actual is, as a share of the expected
   * value (0 = on the path or ahead; 0.1 = 10 % behind). Null when not computed.
   */
  readonly shortfall: number | null;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (NaN for a malformed one). */
export function dayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The direction a KPI should move: down when its target is below its baseline. */
export function kpiDirection(baseline: number | null, target: number | null): KpiDirection {
  return baseline !== null && target !== null && target < baseline ? 'down' : 'up';
}

/**
 * The value expected on `date` on the straight line from baseline to target
 * (flat before the baseline date and after the target date); null when the
 * path is not fully known.
 */
export function expectedValue(path: KpiPath, date: string): number | null {
  const { baseline, baselineDate, target, targetDate } = path;
  if (baseline === null || baselineDate === null || target === null || targetDate === null)
    return null;
  const start = dayNumber(baselineDate);
  const end = dayNumber(targetDate);
  const at = dayNumber(date);
  if (at <= start) return baseline;
  if (at >= end || end <= start) return target;
  return baseline + ((target - baseline) * (at - start)) / (end - start);
}

/** The latest of the actuals by date (the last listed wins a tie); null for none. */
export function latestActual<T extends DatedActual>(actuals: readonly T[]): T | null {
  let latest: T | null = null;
  for (const actual of actuals) if (latest === null || actual.date >= latest.date) latest = actual;
  return latest;
}

/** The status of a KPI from its path and actuals (see `KPI_STATUS_RULE`). */
export function kpiStatus(path: KpiPath, actuals: readonly DatedActual[]): KpiStatus {
  const direction = kpiDirection(path.baseline, path.target);
  const latest = latestActual(actuals);
  const none = { direction, latest, expected: null, shortfall: null } as const;
  if (path.target === null || path.targetDate === null) return { kind: 'noTarget', ...none };
  if (path.baseline === null || path.baselineDate === null) return { kind: 'noBaseline', ...none };
  if (latest === null) return { kind: 'noData', ...none };
  // Measured before the path begins: nothing to judge against yet (not "on track" for being at the baseline).
  if (dayNumber(latest.date) < dayNumber(path.baselineDate))
    return { kind: 'notStarted', direction, latest, expected: null, shortfall: null };
  const expected = expectedValue(path, latest.date)!;
  // Behind the path, in the KPI's own direction.
  const behind = direction === 'up' ? expected - latest.value : latest.value - expected;
  // The tolerance is a share of the expected value; when that is 0, of the
  // whole distance from baseline to target (so it is never 0 by accident).
  const scale = Math.abs(expected) || Math.abs(path.target - path.baseline) || 1;
  const shortfall = behind <= 0 ? 0 : behind / scale;
  const kind =
    behind <= 0 ? 'onTrack' : behind <= AT_RISK_TOLERANCE * scale ? 'atRisk' : 'offTrack';
  return { kind, direction, latest, expected, shortfall };
}
