/**
 * Plan health for the KPIs (Manage, issue 14): a KPI without a target or a
 * target date (its status cannot be judged), a KPI off track against the
 * straight-line path, a KPI with no actual for twice its indicator's
 * measurement frequency (reporting has lapsed), and a KPI whose indicator
 * was deleted (it falls back to figures of its own), and a roster KPI
 * counted for a segment that was deleted.
 */
import { HEALTH_RULES, type Finding } from '../health/types';
import { quoteTitle } from '../health/words';
import { longDate } from '../long-date';
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
    const title = quoteTitle(targets.name || 'KPI');
    const target = { section: 'kpis', elementId: kpi.id } as const;
    if (view.indicatorGone)
      findings.push({
        id: `${HEALTH_RULES.kpiIndicatorGone}:${kpi.id}`,
        rule: HEALTH_RULES.kpiIndicatorGone,
        severity: 'warning',
        message: `The KPI ${title} tracked an indicator that was deleted: it now uses its own baseline and target. Link it to another indicator or check its figures.`,
        target,
      });
    if (kpi.source !== 'manual' && kpi.segmentId !== null && !segments.has(kpi.segmentId))
      findings.push({
        id: `${HEALTH_RULES.kpiSegmentGone}:${kpi.id}`,
        rule: HEALTH_RULES.kpiSegmentGone,
        severity: 'warning',
        message: `The KPI ${title} is counted for a learner segment that was deleted, so the roster gives it nothing: count it for another segment or for every learner.`,
        target,
      });
    if (status.kind === 'noTarget')
      findings.push({
        id: `${HEALTH_RULES.kpiWithoutTarget}:${kpi.id}`,
        rule: HEALTH_RULES.kpiWithoutTarget,
        severity: 'warning',
        message: `The KPI ${title} has no ${targets.target === null ? 'target' : 'target date'}: without it no one can say whether it is on track.`,
        target,
      });
    if (status.kind === 'offTrack' && status.latest && status.expected !== null)
      findings.push({
        id: `${HEALTH_RULES.kpiOffTrack}:${kpi.id}`,
        rule: HEALTH_RULES.kpiOffTrack,
        severity: 'warning',
        message: `The KPI ${title} is off track: ${status.latest.value} on ${longDate(status.latest.date)} against ${Math.round(status.expected * 10) / 10} expected on the way to ${targets.target} by ${longDate(path.targetDate!)}. Look at why at the next review.`,
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
        message: `The KPI ${title} is measured ${targets.indicator!.frequency} but has had no actual since ${longDate(since)}${status.latest?.date === since ? '' : ' (when reporting began)'}: record the latest figure.`,
        target,
      });
  }
  return findings;
}

/** The KPI findings today (the computer's local date). */
export function kpiFindings(plan: Plan): Finding[] {
  return kpiFindingsOn(plan, localToday());
}
