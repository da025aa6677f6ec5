/**
 * Cohorts side by side (Manage): for each cohort, the latest KPI actual
 * recorded for it (actuals carry a cohort id), and its funnel and completion
 * from the latest roster snapshot that counted it (manage.progress byCohort —
 * aggregates only, never a person). Pure: the section, the Word chapter and
 * the Excel sheet all read this.
 */
import { kpiTargets } from '../indicators/measures';
import type { Cohort, Plan, ProgressCounts } from '../plan/schema';

/** The funnel stages compared, in order. */
export const FUNNEL_STAGES = [
  'invited',
  'registered',
  'enrolled',
  'active',
  'completed',
  'placed',
] as const;

/** One funnel stage. */
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Words for each funnel stage. */
export const FUNNEL_STAGE_LABEL: Record<FunnelStage, string> = {
  invited: 'Invited',
  registered: 'Registered',
  enrolled: 'Enrolled',
  active: 'Active (last 30 days)',
  completed: 'Completed',
  placed: 'Placed',
};

/** A cohort's counts at the latest roster snapshot that counted it. */
export interface CohortProgress {
  /** The snapshot's date. */
  readonly date: string;
  readonly counts: ProgressCounts;
  /** Completed as a share of enrolled (0–1), or null with nobody enrolled. */
  readonly completionRate: number | null;
  /** Placed as a share of completed (0–1), or null with nobody completed. */
  readonly placementRate: number | null;
}

/** A KPI's latest actual for one cohort. */
export interface CohortKpiValue {
  readonly value: number;
  readonly date: string;
}

/** One KPI row of the comparison: its latest actual per cohort (null = none recorded). */
export interface CohortKpiRow {
  readonly kpiId: string;
  readonly name: string;
  readonly unit: string;
  readonly target: number | null;
  readonly byCohort: readonly (CohortKpiValue | null)[];
}

/** Cohorts side by side: columns are `cohorts`, in the order asked. */
export interface CohortComparison {
  readonly cohorts: readonly Cohort[];
  /** Per cohort (same order): its progress, or null when no snapshot counted it. */
  readonly progress: readonly (CohortProgress | null)[];
  /** KPIs with at least one cohort actual among the compared cohorts. */
  readonly kpis: readonly CohortKpiRow[];
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** A cohort's counts at the latest snapshot that counted it, or null. */
export function cohortProgress(plan: Plan, cohortId: string): CohortProgress | null {
  const snapshots = plan.manage.progress;
  let best: { date: string; counts: ProgressCounts } | null = null;
  for (const snapshot of snapshots) {
    const counts = snapshot.byCohort[cohortId];
    // Later in the list wins a tie: snapshots are kept oldest first.
    if (counts && (best === null || snapshot.date >= best.date)) {
      best = { date: snapshot.date, counts };
    }
  }
  if (!best) return null;
  return {
    ...best,
    completionRate: rate(best.counts.completed, best.counts.enrolled),
    placementRate: rate(best.counts.placed, best.counts.completed),
  };
}

/** Compares the given cohorts (ids in column order; unknown ids are skipped). */
export function compareCohorts(plan: Plan, cohortIds: readonly string[]): CohortComparison {
  const cohorts = cohortIds
    .map((id) => plan.manage.cohorts.find((c) => c.id === id))
    .filter((c): c is Cohort => c !== undefined);
  const progress = cohorts.map((c) => cohortProgress(plan, c.id));
  const kpis: CohortKpiRow[] = [];
  for (const kpi of plan.manage.kpis) {
    const byCohort = cohorts.map((cohort) => {
      let best: CohortKpiValue | null = null;
      for (const actual of kpi.actuals) {
        if (actual.cohortId !== cohort.id) continue;
        if (best === null || actual.date >= best.date)
          best = { value: actual.value, date: actual.date };
      }
      return best;
    });
    if (byCohort.every((v) => v === null)) continue;
    const targets = kpiTargets(plan.indicators, kpi);
    kpis.push({
      kpiId: kpi.id,
      name: targets.name,
      unit: targets.unit,
      target: targets.target,
      byCohort,
    });
  }
  return { cohorts, progress, kpis };
}

/**
 * The cohorts that ended before `date` (their end date is earlier): their
 * learners are no longer the program's current ones — today's follow-ups
 * and the licence use leave them out unless asked. A cohort without an end
 * has not ended.
 */
export function endedCohorts(plan: Plan, date: string): Cohort[] {
  return plan.manage.cohorts.filter((c) => c.end !== null && c.end !== '' && c.end < date);
}

/** A share (0–1) as a whole percentage ("64 %"), or a dash for none. */
export function percentText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}
