/**
 * KPIs of the Manage phase (issue 14): the plan's indicators with actuals
 * over time. A KPI built on an indicator takes its name, unit, baseline and
 * target from it (shared/indicators/measures.ts kpiTargets); a KPI of its
 * own keeps its own figures.
 *
 * Actuals are typed in, or counted from the learner roster. Roster actuals
 * are RECORDED in the plan (KpiActual.origin 'roster', one per roster
 * snapshot in plan.manage.progress, id `roster:<snapshot date>`), never
 * edited by hand: they are always what `rosterValue` gives for that
 * snapshot. `syncRosterActuals` rewrites them from the snapshots (idempotent);
 * the roster import calls it (or `rosterActuals` for one snapshot) in the
 * command that adds a snapshot, and the KPI commands call it when a KPI's
 * source or segment changes — so a plan file, an export and the dashboard
 * read the same figures without the local roster.
 */
import { kpiTargets, type KpiTargets } from '../indicators/measures';
import { baseOf, replaceContents } from '../plan/drafts';
import type {
  Kpi,
  KpiActual,
  KpiSource,
  Plan,
  ProgressCounts,
  ProgressSnapshot,
} from '../plan/schema';
import { kpiStatus, type KpiPath, type KpiStatus } from './kpi-status';

/** What each KPI source counts, in words, and its unit. */
export const KPI_SOURCES: Record<KpiSource, { readonly label: string; readonly unit: string }> = {
  manual: { label: 'Typed in', unit: '' },
  enrolments: { label: 'Enrolments (learners enrolled)', unit: 'learners' },
  learningHours: { label: 'Learning hours (sum)', unit: 'hours' },
  completions: { label: 'Completions (learners who completed)', unit: 'learners' },
  activeRate: { label: 'Active rate (% of enrolled active in the last 30 days)', unit: '%' },
  completionRate: { label: 'Completion rate (% of enrolled who completed)', unit: '%' },
  placements: { label: 'Placements (completers with a job outcome)', unit: 'learners' },
};

/** The KPI sources in the order the UI lists them. */
export const KPI_SOURCE_ORDER: readonly KpiSource[] = [
  'manual',
  'enrolments',
  'learningHours',
  'completions',
  'activeRate',
  'completionRate',
  'placements',
];

/** The id of the roster actual recorded for a snapshot date. */
export const rosterActualId = (date: string) => `roster:${date}`;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The value a roster source counts in a group of learners (null for a typed-in KPI). */
export function rosterValue(source: KpiSource, counts: ProgressCounts): number | null {
  switch (source) {
    case 'manual':
      return null;
    case 'enrolments':
      return counts.enrolled;
    case 'learningHours':
      return round1(counts.hours);
    case 'completions':
      return counts.completed;
    case 'activeRate':
      return counts.enrolled > 0 ? round1((100 * counts.active) / counts.enrolled) : 0;
    case 'completionRate':
      return counts.enrolled > 0 ? round1((100 * counts.completed) / counts.enrolled) : 0;
    case 'placements':
      return counts.placed;
  }
}

/** The counts a KPI reads in a snapshot: every learner, or its segment's (zero counts when the segment has none). */
function countsFor(kpi: Kpi, snapshot: ProgressSnapshot): ProgressCounts {
  if (kpi.segmentId === null) return snapshot.total;
  return (
    snapshot.bySegment[kpi.segmentId] ?? {
      learners: 0,
      invited: 0,
      registered: 0,
      enrolled: 0,
      active: 0,
      completed: 0,
      placed: 0,
      hours: 0,
    }
  );
}

/** The roster actual of one KPI for one snapshot; null for a typed-in KPI. */
export function rosterActualOf(kpi: Kpi, snapshot: ProgressSnapshot): KpiActual | null {
  const value = rosterValue(kpi.source, countsFor(kpi, snapshot));
  if (value === null) return null;
  return {
    id: rosterActualId(snapshot.date),
    date: snapshot.date,
    value,
    cohortId: null,
    note: '',
    origin: 'roster',
  };
}

/**
 * The actual each roster-counted KPI of the plan gets from one roster
 * snapshot (pure; the roster import records them, replacing an actual of the
 * same date).
 */
export function rosterActuals(
  plan: Plan,
  snapshot: ProgressSnapshot,
): { readonly kpiId: string; readonly actual: KpiActual }[] {
  const result: { kpiId: string; actual: KpiActual }[] = [];
  for (const kpi of plan.manage.kpis) {
    const actual = rosterActualOf(kpi, snapshot);
    if (actual) result.push({ kpiId: kpi.id, actual });
  }
  return result;
}

/**
 * Rewrites the roster actuals of the plan's KPIs (a draft or a plain plan)
 * from its roster snapshots: one per snapshot date for each roster-counted
 * KPI, none for a typed-in KPI; typed actuals stay. Idempotent. `kpiIds`
 * limits it to some KPIs.
 */
export function syncRosterActuals(plan: Plan, kpiIds?: ReadonlySet<string>): void {
  const kpis = baseOf(plan.manage.kpis);
  const snapshots = snapshotsByDate(baseOf(plan.manage.progress));
  kpis.forEach((base, index) => {
    if (kpiIds && !kpiIds.has(base.id)) return;
    const next = syncedActuals(base, snapshots);
    // Only a KPI whose actuals change is drafted.
    if (next) replaceContents(plan.manage.kpis[index]!.actuals, next);
  });
}

/** One snapshot per date (the latest import of a date wins; snapshots are kept oldest first), by date. */
function snapshotsByDate(progress: readonly ProgressSnapshot[]): ProgressSnapshot[] {
  const latestOfDate = new Map<string, ProgressSnapshot>();
  for (const snapshot of progress) latestOfDate.set(snapshot.date, snapshot);
  return [...latestOfDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** A KPI's actuals with its roster actuals rewritten from the snapshots; null when they already are. */
function syncedActuals(kpi: Kpi, snapshots: readonly ProgressSnapshot[]): KpiActual[] | null {
  const before = kpi.actuals;
  const typed = before.filter((a) => a.origin !== 'roster');
  const counted: KpiActual[] = [];
  for (const snapshot of snapshots) {
    const actual = rosterActualOf(kpi, snapshot);
    if (actual) counted.push(actual);
  }
  const next = [...typed, ...counted].sort(byDate);
  const same =
    next.length === before.length &&
    next.every((a, i) => {
      const b = before[i]!;
      return a.id === b.id && a.date === b.date && a.value === b.value && a.origin === b.origin;
    });
  return same ? null : next;
}

/**
 * The KPIs whose roster actuals are not those of the plan's roster snapshots
 * (an import recorded without them, a KPI from a file of an older version):
 * the KPIs section offers to count them (the `kpi.syncRoster` command).
 */
export function kpisOutOfSync(plan: Plan): Kpi[] {
  const snapshots = snapshotsByDate(plan.manage.progress);
  return plan.manage.kpis.filter((k) => syncedActuals(k, snapshots) !== null);
}

/** Orders actuals by date, oldest first (stable). */
export const byDate = (a: { date: string }, b: { date: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/** The default baseline date: the start of the Manage phase, else of the Launch phase. */
export function defaultBaselineDate(plan: Plan): string | null {
  const { manage, launch } = plan.objective.timeline;
  return manage.start ?? launch.start ?? null;
}

/** A KPI with the figures it is tracked against and its status. */
export interface KpiView {
  readonly kpi: Kpi;
  readonly targets: KpiTargets;
  /** The straight-line path (baseline date resolved). */
  readonly path: KpiPath;
  /** Actuals by date, oldest first. */
  readonly actuals: readonly KpiActual[];
  readonly status: KpiStatus;
  /** The KPI's indicator was deleted (it now uses its own figures). */
  readonly indicatorGone: boolean;
}

const viewCache = new WeakMap<Kpi, WeakMap<Plan, KpiView>>();

/** The figures, path, sorted actuals and status of a KPI (memoised on the frozen KPI and plan). */
export function kpiView(plan: Plan, kpi: Kpi): KpiView {
  const cachedByPlan = viewCache.get(kpi);
  const cached = cachedByPlan?.get(plan);
  if (cached) return cached;
  const targets = kpiTargets(plan.indicators, kpi);
  const baselineDate =
    (targets.indicator ? targets.indicator.baseline.date : null) ??
    kpi.baselineDate ??
    defaultBaselineDate(plan);
  const path: KpiPath = {
    baseline: targets.baseline,
    baselineDate,
    target: targets.target,
    targetDate: targets.targetDate,
  };
  const actuals = [...kpi.actuals].sort(byDate);
  const view: KpiView = {
    kpi,
    targets,
    path,
    actuals,
    status: kpiStatus(path, actuals),
    indicatorGone: kpi.indicatorId !== null && targets.indicator === null,
  };
  if (Object.isFrozen(kpi) && Object.isFrozen(plan)) {
    const byPlan = cachedByPlan ?? new WeakMap<Plan, KpiView>();
    byPlan.set(plan, view);
    viewCache.set(kpi, byPlan);
  }
  return view;
}

/** Every KPI of the plan with its view, in plan order. */
export function kpiViews(plan: Plan): KpiView[] {
  return plan.manage.kpis.map((kpi) => kpiView(plan, kpi));
}

/** A new KPI of its own (typed in, no figures yet). */
export function blankKpi(id: string, name = 'New KPI'): Kpi {
  return {
    id,
    indicatorId: null,
    name,
    category: 'other',
    unit: '',
    baseline: null,
    baselineDate: null,
    target: null,
    targetDate: null,
    source: 'manual',
    segmentId: null,
    actuals: [],
  };
}

/** A new KPI built on an indicator: its name and unit copied (the indicator's figures are used while it exists). */
export function kpiFromIndicator(id: string, plan: Plan, indicatorId: string): Kpi {
  const indicator = plan.indicators.find((i) => i.id === indicatorId);
  return {
    ...blankKpi(id, indicator?.name.trim() || 'New KPI'),
    indicatorId,
    unit: indicator?.unit ?? '',
    baseline: indicator?.baseline.value ?? null,
    baselineDate: indicator?.baseline.date ?? null,
    target: indicator?.target.value ?? null,
    targetDate: indicator?.target.date ?? null,
  };
}
