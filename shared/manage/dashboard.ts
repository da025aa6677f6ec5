/**
 * The figures of the leadership dashboard (issue 14), from the plan alone:
 * the latest roster snapshot's aggregates (plan.manage.progress — no person
 * in them) and the KPIs' actuals. Nothing here reads the roster itself, so
 * the dashboard costs the same for 100 or 100,000 learners, and the Word and
 * Excel exports show the very same figures.
 */
import { exportableStories } from '../launch/marketing';
import type { LearnerStory, Plan, ProgressCounts, ProgressSnapshot } from '../plan/schema';
import { kpiViews, type KpiView } from './kpis';

/** One stage of the learner funnel. */
export interface FunnelStep {
  readonly key: 'invited' | 'registered' | 'active' | 'completed' | 'placed';
  readonly label: string;
  readonly count: number;
  /** Share of the invited (0–1), null when no one was invited. */
  readonly ofInvited: number | null;
}

/** Completion and placement of one segment. */
export interface SegmentResult {
  /** The segment id ('' = learners without a segment). */
  readonly segmentId: string;
  readonly name: string;
  readonly enrolled: number;
  readonly completed: number;
  readonly placed: number;
  /** Completed as a share of enrolled (0–1), null when none enrolled. */
  readonly completionRate: number | null;
  /** Placed as a share of completers (0–1), null when none completed. */
  readonly placementRate: number | null;
}

/**
 * Licences bought against learners enrolled — the plan's licences are for
 * its current cohorts, so learners of cohorts that ended before the
 * snapshot (a pilot before this plan's cohort) are not counted against them.
 */
export interface LicenceUse {
  readonly licences: number | null;
  /** Learners enrolled, less those of cohorts that ended before the snapshot. */
  readonly enrolled: number;
  /** Enrolled as a share of the licences (0–1), null when the plan has no licence count. */
  readonly share: number | null;
  /** Cohorts that ended before the snapshot, with their learners enrolled (not counted). */
  readonly endedCohorts: readonly { readonly name: string; readonly enrolled: number }[];
}

/** Licence use at a snapshot: its enrolled learners less those of cohorts that had ended. */
export function licenceUse(plan: Plan, snapshot: ProgressSnapshot | null): LicenceUse {
  const licences = plan.launch.marketing.licenses;
  const endedCohorts = snapshot
    ? plan.manage.cohorts
        .filter((c) => c.end !== null && c.end !== '' && c.end < snapshot.date)
        .map((c) => ({
          name: c.name.trim() || 'Unnamed cohort',
          enrolled: snapshot.byCohort[c.id]?.enrolled ?? 0,
        }))
        .filter((c) => c.enrolled > 0)
    : [];
  const enrolled = Math.max(
    0,
    (snapshot?.total.enrolled ?? 0) - endedCohorts.reduce((s, c) => s + c.enrolled, 0),
  );
  return { licences, enrolled, share: licences ? enrolled / licences : null, endedCohorts };
}

/** Everything the dashboard shows. */
export interface Dashboard {
  /** The latest roster snapshot (null before the first import). */
  readonly snapshot: ProgressSnapshot | null;
  /** How many roster snapshots the plan keeps. */
  readonly snapshots: number;
  readonly funnel: readonly FunnelStep[];
  readonly segments: readonly SegmentResult[];
  readonly licences: LicenceUse;
  readonly kpis: readonly KpiView[];
  /** Learner stories with consent (never one without). */
  readonly stories: readonly LearnerStory[];
}

/** The funnel stages in order, with their labels. */
export const FUNNEL_STEPS: readonly { key: FunnelStep['key']; label: string }[] = [
  { key: 'invited', label: 'Invited' },
  { key: 'registered', label: 'Registered' },
  { key: 'active', label: 'Active (last 30 days)' },
  { key: 'completed', label: 'Completed' },
  { key: 'placed', label: 'Placed in work' },
];

/** The latest roster snapshot by date (the later import wins a tie); null for none. */
export function latestSnapshot(progress: readonly ProgressSnapshot[]): ProgressSnapshot | null {
  let latest: ProgressSnapshot | null = null;
  for (const s of progress)
    if (
      latest === null ||
      s.date > latest.date ||
      (s.date === latest.date && s.importedAt >= latest.importedAt)
    )
      latest = s;
  return latest;
}

/** The funnel of a group of learners. */
export function funnelOf(counts: ProgressCounts): FunnelStep[] {
  return FUNNEL_STEPS.map(({ key, label }) => ({
    key,
    label,
    count: counts[key],
    ofInvited: counts.invited > 0 ? counts[key] / counts.invited : null,
  }));
}

/** Completion and placement per segment of a snapshot, in the plan's segment order, then others. */
export function segmentResults(plan: Plan, snapshot: ProgressSnapshot): SegmentResult[] {
  const names = new Map(plan.learners.map((s) => [s.id, s.name.trim() || 'Untitled segment']));
  const ids = [
    ...plan.learners.map((s) => s.id).filter((id) => id in snapshot.bySegment),
    ...Object.keys(snapshot.bySegment).filter((id) => !names.has(id)),
  ];
  return ids.map((segmentId) => {
    const c = snapshot.bySegment[segmentId]!;
    return {
      segmentId,
      name:
        names.get(segmentId) ?? (segmentId === '' ? 'No segment' : 'Segment no longer in the plan'),
      enrolled: c.enrolled,
      completed: c.completed,
      placed: c.placed,
      completionRate: c.enrolled > 0 ? c.completed / c.enrolled : null,
      placementRate: c.completed > 0 ? c.placed / c.completed : null,
    };
  });
}

const cache = new WeakMap<Plan, Dashboard>();

/** The dashboard of a plan (memoised on the frozen plan). */
export function dashboardOf(plan: Plan): Dashboard {
  const cached = cache.get(plan);
  if (cached) return cached;
  const snapshot = latestSnapshot(plan.manage.progress);
  const dashboard: Dashboard = {
    snapshot,
    snapshots: plan.manage.progress.length,
    funnel: snapshot ? funnelOf(snapshot.total) : [],
    segments: snapshot ? segmentResults(plan, snapshot) : [],
    licences: licenceUse(plan, snapshot),
    kpis: kpiViews(plan),
    stories: exportableStories(plan.launch.marketing),
  };
  if (Object.isFrozen(plan)) cache.set(plan, dashboard);
  return dashboard;
}
