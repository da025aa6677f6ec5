/**
 * Content in use (issue 14, the content strategy loop): from the roster's
 * learner × course rows, which catalog items learners open, finish and
 * ignore — overall, per learner segment and per cohort — so the catalog and
 * the pathways can be pruned and the popular items kept current.
 *
 * One pass over the learners (who is offered what) and one over the course
 * rows (what they did), with flat typed-array counters: 100,000 learners ×
 * several courses each run in tens of milliseconds. Only counts come out —
 * no learner — so the result may be shown, exported and kept.
 *
 * An item is *offered* to the learners on a pathway that has it as a step,
 * and to learners whose pathway is not known (they may take anything); an
 * item on no pathway is offered to every learner. Only learners with
 * per-course rows count: a learner imported from a one-row-per-learner
 * export says nothing about which items they opened, and counting them
 * would dilute every item's reach (their number is given instead). Its *reach* is the share of
 * the learners it is offered to who opened it (any hours, in progress or
 * completed — enrolled alone is not opened).
 */
import type { Plan } from '../plan/schema';
import { addDays } from '../stakeholders/schedule';
import type { RosterCourseRow, RosterLearner } from './roster';

/** Reach at or above which an item is in demand (half the learners offered it opened it). */
export const IN_DEMAND_REACH = 0.5;
/** Reach below which an opened item is barely touched (fewer than 1 in 10 learners offered it). */
export const BARELY_TOUCHED_REACH = 0.1;

/** How much an item is used. */
export type UseLevel = 'inDemand' | 'inUse' | 'barelyTouched' | 'neverOpened';

/** Labels of the use levels, in the order a list shows them. */
export const USE_LEVEL_LABELS: Readonly<Record<UseLevel, string>> = {
  inDemand: 'In demand',
  inUse: 'In use',
  barelyTouched: 'Barely touched',
  neverOpened: 'Never opened',
};

/** Use counts of one item among a group of learners (all, one segment or one cohort). */
export interface UseCounts {
  /** Learners the item is offered to. */
  readonly offered: number;
  /** Course rows of the item (learners enrolled in it). */
  readonly enrolled: number;
  /** Of those, learners who opened it (hours, in progress or completed). */
  readonly opened: number;
  readonly completed: number;
  /** opened ÷ offered; null when it is offered to nobody. */
  readonly reach: number | null;
  /** completed ÷ enrolled; null when nobody enrolled. */
  readonly completionRate: number | null;
  readonly level: UseLevel;
}

/** How one catalog item is used. */
export interface ItemUse extends UseCounts {
  readonly itemId: string;
  readonly title: string;
  /** Learning hours in the item, summed. */
  readonly hours: number;
  /** Latest activity or completion in the item; null when none is dated. */
  readonly lastUse: string | null;
  /** Pathways (ids) with the item as a step. */
  readonly pathwayIds: readonly string[];
  /** Counts per segment, aligned with ContentUse.segmentKeys. */
  readonly bySegment: readonly UseCounts[];
  /** Counts per cohort, aligned with ContentUse.cohortKeys. */
  readonly byCohort: readonly UseCounts[];
}

/** Course names the roster has that matched no catalog item, with their row counts. */
export interface UnmatchedCourse {
  readonly course: string;
  readonly rows: number;
}

/** Content in use across the catalog. */
export interface ContentUse {
  readonly asOf: string;
  /** Learners counted: those with per-course rows. */
  readonly learners: number;
  /** Learners of the roster without any per-course row, left out of every count. */
  readonly learnersWithoutRows: number;
  readonly rows: number;
  /** Segment ids in plan order, then '' (no segment). */
  readonly segmentKeys: readonly string[];
  /** Cohort ids in plan order, then '' (no cohort). */
  readonly cohortKeys: readonly string[];
  /** One per catalog item, in catalog order. */
  readonly items: readonly ItemUse[];
  /** Number of items at each level. */
  readonly levels: Readonly<Record<UseLevel, number>>;
  /** Rows naming a course that matched no catalog item, most rows first. */
  readonly unmatched: readonly UnmatchedCourse[];
}

/** The parts of a plan content use reads (a whole plan will do). */
export interface ContentUsePlan {
  readonly content: Pick<Plan['content'], 'catalog' | 'pathways'>;
  readonly learners: Plan['learners'];
  readonly manage: Pick<Plan['manage'], 'cohorts'>;
}

/** The use level for counts. */
export function useLevel(opened: number, offered: number): UseLevel {
  if (opened <= 0) return 'neverOpened';
  const reach = offered > 0 ? opened / offered : 1;
  if (reach >= IN_DEMAND_REACH) return 'inDemand';
  if (reach < BARELY_TOUCHED_REACH) return 'barelyTouched';
  return 'inUse';
}

function counts(offered: number, enrolled: number, opened: number, completed: number): UseCounts {
  return {
    offered,
    enrolled,
    opened,
    completed,
    reach: offered > 0 ? Math.min(1, opened / offered) : null,
    completionRate: enrolled > 0 ? completed / enrolled : null,
    level: useLevel(opened, offered),
  };
}

/** Learner key → place in the array, kept per roster array (it is the costly part of a recount). */
const learnerIndexes = new WeakMap<readonly RosterLearner[], ReadonlyMap<string, number>>();

/** Whether a course row counts as opened. */
export function rowOpened(row: RosterCourseRow): boolean {
  return row.status !== 'enrolled' || row.hours > 0;
}

/**
 * How the plan's catalog items are used by the roster's learners, on `asOf`
 * (YYYY-MM-DD). Rows of learners not in `learners` still count for the item
 * (under no segment and no cohort).
 */
export function contentUse(
  plan: ContentUsePlan,
  learners: readonly RosterLearner[],
  rows: readonly RosterCourseRow[],
  asOf: string,
): ContentUse {
  const slices = contentUseSlices(plan, learners, rows, asOf);
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

/** Rows or learners counted between two pauses of contentUseSlices. */
const SLICE = 16_384;

/**
 * contentUse as a slice generator (shared/plan/freeze.ts runInSlices): it
 * pauses every 16,384 learners or rows, so 100,000 learners are counted
 * without a long task on the page.
 */
export function* contentUseSlices(
  plan: ContentUsePlan,
  learners: readonly RosterLearner[],
  rows: readonly RosterCourseRow[],
  asOf: string,
): Generator<void, ContentUse> {
  const catalog = plan.content.catalog;
  const nItems = catalog.length;
  const itemIndex = new Map<string, number>();
  catalog.forEach((item, i) => itemIndex.set(item.id, i));

  const segmentKeys = [...plan.learners.map((s) => s.id), ''];
  const cohortKeys = [...plan.manage.cohorts.map((c) => c.id), ''];
  const segIndex = new Map<string, number>(segmentKeys.map((k, i) => [k, i]));
  const cohIndex = new Map<string, number>(cohortKeys.map((k, i) => [k, i]));
  const nSeg = segmentKeys.length;
  const nCoh = cohortKeys.length;
  const noSeg = nSeg - 1;
  const noCoh = nCoh - 1;

  // Pathways: which items each offers; '' (last) = pathway unknown.
  const pathways = plan.content.pathways;
  const pathIndex = new Map<string, number>(pathways.map((p, i) => [p.id, i]));
  const nPath = pathways.length + 1;
  const unknownPath = nPath - 1;
  const itemPathways: number[][] = Array.from({ length: nItems }, () => []);
  pathways.forEach((p, pi) => {
    for (const step of p.steps) {
      const i = itemIndex.get(step.contentItemId);
      if (i !== undefined && !itemPathways[i]!.includes(pi)) itemPathways[i]!.push(pi);
    }
  });

  // Pass 1: learners per pathway × segment and pathway × cohort; where each learner sits.
  const pathSeg = new Int32Array(nPath * nSeg);
  const pathCoh = new Int32Array(nPath * nCoh);
  let learnerAt = learnerIndexes.get(learners);
  if (!learnerAt) {
    const map = new Map<string, number>();
    for (let l = 0; l < learners.length; l++) {
      map.set(learners[l]!.key, l);
      if ((l + 1) % SLICE === 0) yield;
    }
    learnerIndexes.set(learners, map);
    learnerAt = map;
  }
  // Which learners have per-course rows: only they say which items they opened.
  const hasRows = new Uint8Array(learners.length);
  for (let r = 0; r < rows.length; r++) {
    const l = learnerAt.get(rows[r]!.learnerKey);
    if (l !== undefined) hasRows[l] = 1;
    if ((r + 1) % SLICE === 0) yield;
  }
  let learnersWithRows = 0;
  const learnerSeg = new Int32Array(learners.length);
  const learnerCoh = new Int32Array(learners.length);
  for (let l = 0; l < learners.length; l++) {
    if (hasRows[l] === 0) continue;
    learnersWithRows++;
    const learner = learners[l]!;
    const p =
      learner.pathwayId === null ? unknownPath : (pathIndex.get(learner.pathwayId) ?? unknownPath);
    const s = learner.segmentId === null ? noSeg : (segIndex.get(learner.segmentId) ?? noSeg);
    const c = learner.cohortId === null ? noCoh : (cohIndex.get(learner.cohortId) ?? noCoh);
    pathSeg[p * nSeg + s]!++;
    pathCoh[p * nCoh + c]!++;
    learnerSeg[l] = s;
    learnerCoh[l] = c;
    if ((l + 1) % SLICE === 0) yield;
  }

  // Pass 2: the course rows.
  const enrolledSeg = new Int32Array(nItems * nSeg);
  const openedSeg = new Int32Array(nItems * nSeg);
  const completedSeg = new Int32Array(nItems * nSeg);
  const enrolledCoh = new Int32Array(nItems * nCoh);
  const openedCoh = new Int32Array(nItems * nCoh);
  const completedCoh = new Int32Array(nItems * nCoh);
  const hours = new Float64Array(nItems);
  const lastUse: (string | null)[] = new Array<string | null>(nItems).fill(null);
  const unmatched = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    if ((r + 1) % SLICE === 0) yield;
    const row = rows[r]!;
    const i = row.itemId === null ? undefined : itemIndex.get(row.itemId);
    if (i === undefined) {
      unmatched.set(row.course, (unmatched.get(row.course) ?? 0) + 1);
      continue;
    }
    const l = learnerAt.get(row.learnerKey);
    const s = i * nSeg + (l === undefined ? noSeg : learnerSeg[l]!);
    const c = i * nCoh + (l === undefined ? noCoh : learnerCoh[l]!);
    enrolledSeg[s]!++;
    enrolledCoh[c]!++;
    if (rowOpened(row)) {
      openedSeg[s]!++;
      openedCoh[c]!++;
    }
    if (row.status === 'completed') {
      completedSeg[s]!++;
      completedCoh[c]!++;
    }
    if (row.hours > 0) hours[i]! += row.hours;
    const last =
      row.lastActivity !== null && row.completed !== null
        ? row.lastActivity > row.completed
          ? row.lastActivity
          : row.completed
        : (row.lastActivity ?? row.completed);
    if (last !== null && (lastUse[i] === null || last > lastUse[i]!)) lastUse[i] = last;
  }

  // Learners offered each item, per segment and cohort.
  const offeredTo = (i: number, table: Int32Array, width: number, g: number): number => {
    const on = itemPathways[i]!;
    if (on.length === 0) {
      let all = 0;
      for (let p = 0; p < nPath; p++) all += table[p * width + g]!;
      return all;
    }
    let n = table[unknownPath * width + g]!;
    for (const p of on) n += table[p * width + g]!;
    return n;
  };

  const levels: Record<UseLevel, number> = {
    inDemand: 0,
    inUse: 0,
    barelyTouched: 0,
    neverOpened: 0,
  };
  const items: ItemUse[] = [];
  for (let i = 0; i < nItems; i++) {
    if ((i + 1) % 2048 === 0) yield;
    const item = catalog[i]!;
    const bySegment: UseCounts[] = [];
    let offered = 0;
    let enrolled = 0;
    let opened = 0;
    let completed = 0;
    for (let g = 0; g < nSeg; g++) {
      const o = offeredTo(i, pathSeg, nSeg, g);
      const k = i * nSeg + g;
      bySegment.push(counts(o, enrolledSeg[k]!, openedSeg[k]!, completedSeg[k]!));
      offered += o;
      enrolled += enrolledSeg[k]!;
      opened += openedSeg[k]!;
      completed += completedSeg[k]!;
    }
    const byCohort: UseCounts[] = [];
    for (let g = 0; g < nCoh; g++) {
      const k = i * nCoh + g;
      byCohort.push(
        counts(offeredTo(i, pathCoh, nCoh, g), enrolledCoh[k]!, openedCoh[k]!, completedCoh[k]!),
      );
    }
    const total = counts(offered, enrolled, opened, completed);
    levels[total.level]++;
    items.push({
      ...total,
      itemId: item.id,
      title: item.title,
      hours: Math.round(hours[i]! * 10) / 10,
      lastUse: lastUse[i]!,
      pathwayIds: itemPathways[i]!.map((p) => pathways[p]!.id),
      bySegment,
      byCohort,
    });
  }

  return {
    asOf,
    learners: learnersWithRows,
    learnersWithoutRows: learners.length - learnersWithRows,
    rows: rows.length,
    segmentKeys,
    cohortKeys,
    items,
    levels,
    unmatched: [...unmatched]
      .map(([course, n]) => ({ course, rows: n }))
      .sort((a, b) => b.rows - a.rows || a.course.localeCompare(b.course)),
  };
}

/** Periods a planner can choose for "unused for", in days. */
export const UNUSED_PERIODS = [30, 60, 90, 180, 365] as const;

/**
 * Items on a pathway that nobody has used for `days` days before `asOf`:
 * their latest dated activity or completion is older, or they have none.
 * These are the items that can be retired from pathways.
 */
export function unusedOnPathways(use: ContentUse, days: number): ItemUse[] {
  const since = addDays(use.asOf, -Math.max(0, Math.trunc(days)));
  return use.items.filter(
    (item) => item.pathwayIds.length > 0 && (item.lastUse === null || item.lastUse < since),
  );
}
