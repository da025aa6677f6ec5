/**
 * Plan health for the KPIs (Manage, issue 14): a KPI without a target or a
 * target date (its status cannot be judged), a KPI off track against the
 * straight-line path, a KPI with no actual for twice its indicator's
 * measurement frequency (reporting has lapsed), and a KPI whose indicator
 * was deleted (it falls back to figures of its own), and a roster KPI
 * counted for a segment that was deleted.
 */
import { HEALTH_RULES, type Finding } from '../health/types';
import { date, figure, message, phrase, quoted } from '../health/words';
import type { Indicator, Plan } from '../plan/schema';
import { localToday } from '../stakeholders/schedule';
import { dayNumber } from './kpi-status';
import { defaultBaselineDate, kpiViews } from './kpis';

/** Days between two measurements at each indicator frequency (null: no regular rhythm). */
export const FREQUENCY_DAYS: Record<NonNullable<Indicator['frequency']>, number | null> = {
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  biannually: 183,
  annually: 366,
  once: null,
  other: null,
};

/** The KPI findings on a given day (YYYY-MM-DD). */
export function kpiFindingsOn(plan: Plan, today: string): Finding[] {
  const findings: Finding[] = [];
  const segments = new Set(plan.learners.map((s) => s.id));
  for (const view of kpiViews(plan)) {
    const { kpi, targets, status, path } = view;
    const title = quoted(targets.name, phrase('kpi'));
    const target = { section: 'kpis', elementId: kpi.id } as const;
    if (view.indicatorGone)
      findings.push({
        id: `${HEALTH_RULES.kpiIndicatorGone}:${kpi.id}`,
        rule: HEALTH_RULES.kpiIndicatorGone,
        severity: 'warning',
        message: message('kpiIndicatorGone', { kpi: title }),
        target,
      });
    if (kpi.source !== 'manual' && kpi.segmentId !== null && !segments.has(kpi.segmentId))
      findings.push({
        id: `${HEALTH_RULES.kpiSegmentGone}:${kpi.id}`,
        rule: HEALTH_RULES.kpiSegmentGone,
        severity: 'warning',
        message: message('kpiSegmentGone', { kpi: title }),
        target,
      });
    if (status.kind === 'noTarget')
      findings.push({
        id: `${HEALTH_RULES.kpiWithoutTarget}:${kpi.id}`,
        rule: HEALTH_RULES.kpiWithoutTarget,
        severity: 'warning',
        message: message('kpiWithoutTarget', {
          kpi: title,
          missing: targets.target === null ? 'target' : 'targetDate',
        }),
        target,
      });
    if (status.kind === 'offTrack' && status.latest && status.expected !== null)
      findings.push({
        id: `${HEALTH_RULES.kpiOffTrack}:${kpi.id}`,
        rule: HEALTH_RULES.kpiOffTrack,
        severity: 'warning',
        message: message('kpiOffTrack', {
          kpi: title,
          latest: figure(status.latest.value, 6),
          date: date(status.latest.date),
          expected: figure(status.expected, 1),
          target: figure(targets.target ?? 0, 6),
          targetDate: date(path.targetDate!),
        }),
        target,
      });
    const every = targets.indicator?.frequency
      ? (FREQUENCY_DAYS[targets.indicator.frequency] ?? null)
      : null;
    // Reporting is due from the program's run (Manage, else Launch start) and the baseline on.
    const since = [status.latest?.date, path.baselineDate, defaultBaselineDate(plan)]
      .filter((d): d is string => !!d)
      .reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
    if (every !== null && since && dayNumber(today) - dayNumber(since) > 2 * every)
      findings.push({
        id: `${HEALTH_RULES.kpiStale}:${kpi.id}`,
        rule: HEALTH_RULES.kpiStale,
        severity: 'info',
        message: message(
          status.latest?.date === since ? 'kpiStale.sinceActual' : 'kpiStale.sinceStart',
          { kpi: title, frequency: targets.indicator!.frequency!, since: date(since) },
        ),
        target,
      });
  }
  return findings;
}

/** The KPI findings today (the computer's local date). */
export function kpiFindings(plan: Plan): Finding[] {
  return kpiFindingsOn(plan, localToday());
}
