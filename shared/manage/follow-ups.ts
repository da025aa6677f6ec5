/**
 * Today's follow-up list (issue 14): which learners of the roster a
 * follow-up rule says to contact today, with the rule, the reason in words
 * and the days it counts.
 *
 * A rule's condition, for a learner who has not completed and is in one of
 * the rule's segments (or any segment when the rule names none):
 * - `notStarted`: no activity yet (no last activity, no hours, no course
 *   completed) and registered — or enrolled, or else invited — `afterDays`
 *   days ago or more (days counted from the earliest of registered/enrolled,
 *   else from the invitation);
 * - `inactive`: has been active, and the last activity is `afterDays` days
 *   ago or more (a learner who never started is the `notStarted` rule's);
 * - `behindPace`: enrolled `afterDays` days ago or more, and learning hours
 *   below `pacePercent` % of the expected hours: the pathway's hours per
 *   week × the weeks since enrolment, capped at the pathway's total hours
 *   when its steps give them. The pathway is the learner's own, else the
 *   first pathway aimed at their segment; a learner with neither is not
 *   judged on pace.
 * Only active rules count; a learner is listed once, under the first rule
 * (in the plan's order) whose condition holds. Dates in the future count
 * as not yet reached.
 *
 * Speed: 100,000 learners in well under 200 ms. The roster's dates are
 * turned into day numbers once per roster array (cached, typed arrays), and
 * each list is one pass writing into typed arrays; the reason in words is
 * made only for the rows someone looks at or exports (`followUpReason`).
 */
import type { FollowUpCounts, FollowUpRule, Plan } from '../plan/schema';
import type { RosterLearner } from './roster';
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import { formatOf } from '../content/import-text';
import { summarisePathway } from '../content/pathways';

/** A day number for "no date". */
export const NO_DAY = -2147483648;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date (the days-from-civil
 * algorithm, no Date object); NO_DAY for null or a malformed text.
 */
export function dayNumber(iso: string | null | undefined): number {
  if (!iso || iso.length < 10) return NO_DAY;
  // Digits read in place (no closure, no Date): this runs ~400,000 times for a roster.
  const y0 =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (!(y0 >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) || iso.charCodeAt(4) !== 45)
    return NO_DAY;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `YYYY-MM-DD` of a day number (inverse of dayNumber). */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The roster as columns of numbers (per roster array, cached): what the
 * rules read, without a string or object per learner at each computation.
 */
export interface FollowUpColumns {
  readonly count: number;
  /** The day the not-started clock starts (registered/enrolled, else invited), or NO_DAY. */
  readonly since: Int32Array;
  /** Which date `since` is: 0 none, 1 registered, 2 enrolled, 3 invited. */
  readonly sinceKind: Uint8Array;
  readonly enrolled: Int32Array;
  readonly lastActivity: Int32Array;
  /** 1 when the learner has completed. */
  readonly completed: Uint8Array;
  /** 1 when the learner has any activity (last activity, hours or a course completed). */
  readonly started: Uint8Array;
  readonly hours: Float64Array;
  /** Index into `segmentIds`, -1 for none. */
  readonly segment: Int32Array;
  /** Index into `pathwayIds`, -1 for none. */
  readonly pathway: Int32Array;
  /** The distinct segment ids of the roster. */
  readonly segmentIds: readonly string[];
  /** The distinct pathway ids of the roster. */
  readonly pathwayIds: readonly string[];
}

const columnsCache = new WeakMap<readonly RosterLearner[], FollowUpColumns>();

function intern(map: Map<string, number>, list: string[], id: string | null): number {
  if (id === null) return -1;
  let i = map.get(id);
  if (i === undefined) {
    i = list.length;
    list.push(id);
    map.set(id, i);
  }
  return i;
}

/** The roster's columns (computed once per roster array: the roster is never mutated in place). */
export function followUpColumns(learners: readonly RosterLearner[]): FollowUpColumns {
  const cached = columnsCache.get(learners);
  if (cached) return cached;
  const n = learners.length;
  const since = new Int32Array(n);
  const sinceKind = new Uint8Array(n);
  const enrolled = new Int32Array(n);
  const lastActivity = new Int32Array(n);
  const completed = new Uint8Array(n);
  const started = new Uint8Array(n);
  const hours = new Float64Array(n);
  const segment = new Int32Array(n);
  const pathway = new Int32Array(n);
  const segmentMap = new Map<string, number>();
  const pathwayMap = new Map<string, number>();
  const segmentIds: string[] = [];
  const pathwayIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const l = learners[i]!;
    const registered = dayNumber(l.registered);
    const enrol = dayNumber(l.enrolled);
    const invited = dayNumber(l.invited);
    let start = NO_DAY;
    let kind = 0;
    if (registered !== NO_DAY && (enrol === NO_DAY || registered <= enrol)) {
      start = registered;
      kind = 1;
    } else if (enrol !== NO_DAY) {
      start = enrol;
      kind = 2;
    } else if (invited !== NO_DAY) {
      start = invited;
      kind = 3;
    }
    since[i] = start;
    sinceKind[i] = kind;
    enrolled[i] = enrol;
    const last = dayNumber(l.lastActivity);
    lastActivity[i] = last;
    completed[i] = l.completed ? 1 : 0;
    const h = Number.isFinite(l.hours) && l.hours > 0 ? l.hours : 0;
    hours[i] = h;
    started[i] = last !== NO_DAY || h > 0 || l.coursesCompleted > 0 || l.completed ? 1 : 0;
    segment[i] = intern(segmentMap, segmentIds, l.segmentId);
    pathway[i] = intern(pathwayMap, pathwayIds, l.pathwayId);
  }
  const columns: FollowUpColumns = {
    count: n,
    since,
    sinceKind,
    enrolled,
    lastActivity,
    completed,
    started,
    hours,
    segment,
    pathway,
    segmentIds,
    pathwayIds,
  };
  columnsCache.set(learners, columns);
  return columns;
}

/** The pace a learner is measured against: hours per week and (0 = unknown) the pathway's total hours. */
export interface Pace {
  readonly pathwayId: string;
  readonly name: string;
  readonly hoursPerWeek: number;
  readonly totalHours: number;
}

/** The pathway a learner is measured against: their own, else the first aimed at their segment. */
export function paceFor(
  plan: Plan,
  pathwayId: string | null,
  segmentId: string | null,
): Pace | null {
  const pathways = plan.content.pathways;
  const own = pathwayId === null ? undefined : pathways.find((p) => p.id === pathwayId);
  const pathway =
    own ??
    (segmentId === null ? undefined : pathways.find((p) => p.segmentIds.includes(segmentId)));
  if (!pathway) return null;
  return {
    pathwayId: pathway.id,
    name: pathway.name,
    hoursPerWeek: pathway.hoursPerWeek,
    totalHours: summarisePathway(pathway, plan.content.catalog).totalHours,
  };
}

/** Hours expected after `days` since enrolment at a pace (capped at the pathway's total hours). */
export function expectedHours(pace: Pace, days: number): number {
  const byWeeks = (pace.hoursPerWeek * Math.max(0, days)) / 7;
  return pace.totalHours > 0 ? Math.min(pace.totalHours, byWeeks) : byWeeks;
}

/** Today's list: rows in typed arrays, ordered by rule (plan order), then longest waiting first. */
export interface FollowUpList {
  /** The day the list is for (YYYY-MM-DD). */
  readonly today: string;
  /** The plan's rules, in order (inactive rules included; they never list anyone). */
  readonly rules: readonly FollowUpRule[];
  /** Number of rows. */
  readonly length: number;
  /** Row → index of the learner in the roster array. */
  readonly learner: Uint32Array;
  /** Row → index of the rule in `rules`. */
  readonly rule: Uint16Array;
  /** Row → the days the rule counts (since registration, last activity or enrolment). */
  readonly days: Int32Array;
  /** Rows per rule (same order as `rules`). */
  readonly countByRule: readonly number[];
}

const MAX_PACKED_RULES = 1024;
// 10 + 22 + 21 bits: the packed key stays a safe integer (< 2^53).
const MAX_PACKED_DAYS = 2 ** 22 - 1;
const MAX_PACKED_LEARNERS = 2 ** 21;

/** Today's follow-up list for a roster (one pass; see the file comment for each rule). */
export function followUpList(
  plan: Plan,
  learners: readonly RosterLearner[],
  today: string,
): FollowUpList {
  const rules = plan.manage.followUps;
  const cols = followUpColumns(learners);
  const n = cols.count;
  const todayDay = dayNumber(today);
  // Per rule: which roster segments it applies to (by interned index), its
  // trigger as a number, and per pathway index the pace (behindPace only).
  const segCount = cols.segmentIds.length;
  const ruleCount = rules.length;
  const trigger = new Uint8Array(ruleCount);
  const after = new Int32Array(ruleCount);
  const share = new Float64Array(ruleCount);
  const anySegment = new Uint8Array(ruleCount);
  // Segment membership: rule r applies to segment s when allowed[r*(segCount+1)+s+1] (slot 0: no segment).
  const stride = segCount + 1;
  const allowed = new Uint8Array(ruleCount * stride);
  let activeRules = 0;
  let needPace = false;
  for (let r = 0; r < ruleCount; r++) {
    const rule = rules[r]!;
    if (!rule.active) continue;
    activeRules++;
    trigger[r] = rule.trigger === 'notStarted' ? 1 : rule.trigger === 'inactive' ? 2 : 3;
    if (trigger[r] === 3) needPace = true;
    after[r] = rule.afterDays;
    share[r] = rule.pacePercent / 100;
    if (rule.segmentIds.length === 0) anySegment[r] = 1;
    else {
      const wanted = new Set(rule.segmentIds);
      for (let s = 0; s < segCount; s++)
        if (wanted.has(cols.segmentIds[s]!)) allowed[r * stride + s + 1] = 1;
    }
  }
  // Pace per (pathway index, segment index) pair is resolved lazily into a small table.
  const paceRate = new Float64Array(needPace ? (cols.pathwayIds.length + 1) * stride : 0).fill(-1);
  const paceCap = new Float64Array(paceRate.length);
  const pathwayStride = stride;
  const paceOf = (p: number, s: number): number => {
    const slot = (p + 1) * pathwayStride + s + 1;
    if (paceRate[slot]! < 0) {
      const pace = paceFor(
        plan,
        p < 0 ? null : cols.pathwayIds[p]!,
        s < 0 ? null : cols.segmentIds[s]!,
      );
      paceRate[slot] = pace ? pace.hoursPerWeek / 7 : 0;
      paceCap[slot] = pace ? pace.totalHours : 0;
    }
    return slot;
  };

  const learnerOut = new Uint32Array(activeRules === 0 ? 0 : n);
  const ruleOut = new Uint16Array(learnerOut.length);
  const daysOut = new Int32Array(learnerOut.length);
  const countByRule = new Array<number>(ruleCount).fill(0);
  let length = 0;
  if (activeRules > 0 && todayDay !== NO_DAY) {
    const { since, enrolled, lastActivity, completed, started, hours, segment, pathway } = cols;
    for (let i = 0; i < n; i++) {
      if (completed[i] === 1) continue;
      const s = segment[i]!;
      for (let r = 0; r < ruleCount; r++) {
        const t = trigger[r]!;
        if (t === 0) continue;
        if (anySegment[r] === 0 && allowed[r * stride + s + 1] === 0) continue;
        let days = -1;
        if (t === 1) {
          if (started[i] === 1 || since[i] === NO_DAY) continue;
          days = todayDay - since[i]!;
        } else if (t === 2) {
          if (started[i] === 0 || lastActivity[i] === NO_DAY) continue;
          days = todayDay - lastActivity[i]!;
        } else {
          if (enrolled[i] === NO_DAY) continue;
          days = todayDay - enrolled[i]!;
          if (days < after[r]!) continue;
          const slot = paceOf(pathway[i]!, s);
          const rate = paceRate[slot]!;
          if (rate <= 0) continue;
          const cap = paceCap[slot]!;
          const expected = cap > 0 ? Math.min(cap, rate * days) : rate * days;
          if (!(hours[i]! < share[r]! * expected)) continue;
        }
        if (days < after[r]!) continue;
        learnerOut[length] = i;
        ruleOut[length] = r;
        daysOut[length] = days;
        length++;
        countByRule[r]!++;
        break;
      }
    }
  }
  const order = orderRows(learnerOut, ruleOut, daysOut, length, ruleCount);
  return {
    today,
    rules,
    length,
    learner: order.learner,
    rule: order.rule,
    days: order.days,
    countByRule,
  };
}

/**
 * Rows ordered by rule, then most days first, then roster order: one native
 * numeric sort of packed keys (rule, days, learner) — no comparator call per pair.
 */
function orderRows(
  learner: Uint32Array,
  rule: Uint16Array,
  days: Int32Array,
  length: number,
  ruleCount: number,
): { learner: Uint32Array; rule: Uint16Array; days: Int32Array } {
  const outLearner = new Uint32Array(length);
  const outRule = new Uint16Array(length);
  const outDays = new Int32Array(length);
  let packable = ruleCount <= MAX_PACKED_RULES;
  for (let k = 0; k < length && packable; k++)
    packable = days[k]! >= 0 && days[k]! <= MAX_PACKED_DAYS && learner[k]! < MAX_PACKED_LEARNERS;
  if (packable) {
    const keys = new Float64Array(length);
    for (let k = 0; k < length; k++) {
      const d = days[k]!;
      keys[k] =
        (rule[k]! * (MAX_PACKED_DAYS + 1) + (MAX_PACKED_DAYS - d)) * MAX_PACKED_LEARNERS +
        learner[k]!;
    }
    keys.sort();
    for (let k = 0; k < length; k++) {
      const key = keys[k]!;
      const l = key % MAX_PACKED_LEARNERS;
      const rest = (key - l) / MAX_PACKED_LEARNERS;
      const d = rest % (MAX_PACKED_DAYS + 1);
      outLearner[k] = l;
      outRule[k] = (rest - d) / (MAX_PACKED_DAYS + 1);
      outDays[k] = MAX_PACKED_DAYS - d;
    }
    return { learner: outLearner, rule: outRule, days: outDays };
  }
  const idx = Array.from({ length }, (_, k) => k);
  idx.sort((a, b) => rule[a]! - rule[b]! || days[b]! - days[a]! || learner[a]! - learner[b]!);
  idx.forEach((k, at) => {
    outLearner[at] = learner[k]!;
    outRule[at] = rule[k]!;
    outDays[at] = days[k]!;
  });
  return { learner: outLearner, rule: outRule, days: outDays };
}

/**
 * Days a learner has gone without activity as of a day: since the last
 * activity, or — not started yet — since registering (else enrolling, else
 * the invitation); null when the roster gives no date to count from. What
 * the `{daysInactive}` merge field of a follow-up message says.
 */
export function daysInactive(
  columns: FollowUpColumns,
  index: number,
  todayDay: number,
): number | null {
  const last = columns.lastActivity[index]!;
  const from = last !== NO_DAY ? last : columns.since[index]!;
  if (from === NO_DAY || todayDay === NO_DAY) return null;
  return Math.max(0, todayDay - from);
}

/** Which learners of a cohort today's list shows. */
export type CohortChoice =
  /** Learners not in a cohort that ended before today (those without a cohort included). */
  | 'current'
  /** Everybody. */
  | 'all'
  /** One cohort's learners ('' = those without a cohort). */
  | { readonly id: string };

/** What narrows today's list down to the rows shown and exported. */
export interface FollowUpFilter {
  /** Only this rule's rows, by the rule's id (one no longer in the plan: every rule). */
  readonly ruleId: string | null;
  readonly cohort: CohortChoice;
  /** When each learner was last contacted (roster key → YYYY-MM-DD). */
  readonly contacted?: ReadonlyMap<string, string>;
  /** Learners contacted fewer than this many days ago are left out (0: nobody is). */
  readonly quietDays?: number;
}

/** Today's list as filtered: the rows to show and export, and what was left out. */
export interface FollowUpView {
  /** Row numbers of the list, in list order. */
  readonly rows: Uint32Array;
  /** The rule of the filter, as an index into `list.rules` (null: every rule). */
  readonly ruleIndex: number | null;
  /** Rows per rule after the cohort and contact filters (same order as the rules). */
  readonly countByRule: readonly number[];
  /** Rows of every rule after the cohort and contact filters. */
  readonly total: number;
  /** Left out: contacted fewer than `quietDays` days ago (within the cohort choice). */
  readonly recentlyContacted: number;
  /** Left out by the 'current' choice: learners of cohorts that ended before today. */
  readonly inEndedCohorts: number;
}

/**
 * Filters today's list by rule (by id, so reordering rules keeps the
 * choice), by cohort, and leaves out learners contacted recently. One pass
 * over the rows; the learner objects are read only for their cohort and key.
 */
export function filterFollowUps(
  plan: Plan,
  list: FollowUpList,
  learners: readonly RosterLearner[],
  filter: FollowUpFilter,
): FollowUpView {
  const at = filter.ruleId === null ? -1 : list.rules.findIndex((r) => r.id === filter.ruleId);
  const ruleIndex = at < 0 ? null : at;
  const ended = new Set(
    filter.cohort === 'current'
      ? plan.manage.cohorts
          .filter((c) => c.end !== null && c.end !== '' && c.end < list.today)
          .map((c) => c.id)
      : [],
  );
  const only = typeof filter.cohort === 'object' ? filter.cohort.id : null;
  const quiet = filter.quietDays ?? 0;
  const contacted = quiet > 0 ? filter.contacted : undefined;
  const todayDay = dayNumber(list.today);
  const rows = new Uint32Array(list.length);
  const countByRule = new Array<number>(list.rules.length).fill(0);
  let length = 0;
  let total = 0;
  let recentlyContacted = 0;
  let inEndedCohorts = 0;
  for (let row = 0; row < list.length; row++) {
    const learner = learners[list.learner[row]!]!;
    const cohort = learner.cohortId ?? '';
    if (only !== null && cohort !== only) continue;
    if (ended.size && ended.has(cohort)) {
      inEndedCohorts++;
      continue;
    }
    if (contacted?.size) {
      const day = contacted.get(learner.key);
      if (day !== undefined && todayDay - dayNumber(day) < quiet) {
        recentlyContacted++;
        continue;
      }
    }
    const r = list.rule[row]!;
    countByRule[r]!++;
    total++;
    if (ruleIndex === null || r === ruleIndex) rows[length++] = row;
  }
  return {
    rows: rows.slice(0, length),
    ruleIndex,
    countByRule,
    total,
    recentlyContacted,
    inEndedCohorts,
  };
}

/** Rule kinds in words, in English ("Not started", "No activity", "Behind pace"); the UI reads `engagement:triggers`. */
export const TRIGGER_LABELS: Readonly<Record<FollowUpRule['trigger'], string>> = {
  notStarted: 'Not started',
  inactive: 'No activity',
  behindPace: 'Behind pace',
};

/** A rule's condition in words ("Not started 7 days after registering…"), in `t`'s language. */
export function describeRule(rule: FollowUpRule, t: Translator = englishTranslator): string {
  switch (rule.trigger) {
    case 'notStarted':
      return t('engagement:describe.notStarted', { days: rule.afterDays });
    case 'inactive':
      return t('engagement:describe.inactive', { days: rule.afterDays });
    case 'behindPace':
      return t('engagement:describe.behindPace', {
        days: rule.afterDays,
        percent: formatOf(t).number(rule.pacePercent),
      });
  }
}

/** A rule's name, or its condition when it has none. */
export function ruleTitle(rule: FollowUpRule, t: Translator = englishTranslator): string {
  return rule.name.trim() || describeRule(rule, t);
}

const SINCE_WORDS = ['registered', 'registered', 'enrolled', 'invited'] as const;

/** Why a row is on the list, in words ("Registered 12 days ago (3 March 2027), not started yet"). */
export function followUpReason(
  plan: Plan,
  list: FollowUpList,
  learners: readonly RosterLearner[],
  row: number,
  t: Translator = englishTranslator,
): string {
  return reasonWriter(plan, list, learners, t)(row);
}

/**
 * A writer of reasons for many rows of one list (an export): the pathway
 * pace each learner is measured against is worked out once per pathway and
 * segment, not once per row. In `t`'s language (English by default).
 */
export function reasonWriter(
  plan: Plan,
  list: FollowUpList,
  learners: readonly RosterLearner[],
  t: Translator = englishTranslator,
): (row: number) => string {
  const cols = followUpColumns(learners);
  const format = formatOf(t);
  const paces = new Map<string, Pace | null>();
  const pace = (l: RosterLearner) => {
    const key = `${l.pathwayId ?? ''}\u0000${l.segmentId ?? ''}`;
    let p = paces.get(key);
    if (p === undefined) paces.set(key, (p = paceFor(plan, l.pathwayId, l.segmentId)));
    return p;
  };
  const hours = (h: number) => format.number(Math.round(h * 10) / 10, 1);
  return (row) => {
    const i = list.learner[row]!;
    const learner = learners[i]!;
    const rule = list.rules[list.rule[row]!]!;
    const days = list.days[row]!;
    switch (rule.trigger) {
      case 'notStarted':
        return t('engagement:reasons.notStarted', {
          since: SINCE_WORDS[cols.sinceKind[i]!] ?? 'registered',
          days,
          date: format.date(isoOfDay(cols.since[i]!)),
        });
      case 'inactive':
        return t('engagement:reasons.inactive', { days, date: format.date(learner.lastActivity) });
      case 'behindPace': {
        const p = pace(learner);
        const expected = p ? expectedHours(p, days) : 0;
        const percent = expected > 0 ? Math.round((learner.hours / expected) * 100) : 0;
        return t('engagement:reasons.behindPace', {
          hours: hours(learner.hours),
          expected: hours(expected),
          days,
          percent: format.number(percent),
          pathway: p?.name.trim() || t('engagement:reasons.pathway'),
          perWeek: format.number(p?.hoursPerWeek ?? 0),
        });
      }
    }
  };
}

/**
 * Licences that can be freed: learners who hold one (registered or
 * enrolled), have not completed, and show no sign of life — last activity,
 * else enrolment, else registration — for `plan.manage.licenceReleaseAfterDays`
 * days or more.
 */
export interface LicenceRelease {
  /** Learner indexes in the roster, longest idle first. */
  readonly learner: Uint32Array;
  /** Days idle, per row. */
  readonly days: Int32Array;
  readonly length: number;
  /** Learners holding a licence now (registered or enrolled, not completed). */
  readonly holding: number;
  /** Licences planned (plan.launch.marketing.licenses), null when not set. */
  readonly planned: number | null;
  readonly afterDays: number;
}

/**
 * The learners whose licences can be freed today, among the learners of the
 * cohort choice (by default everybody; 'current' leaves out cohorts that
 * ended before today, whose licences are no longer this plan's to count).
 */
export function licenceRelease(
  plan: Plan,
  learners: readonly RosterLearner[],
  today: string,
  cohort: CohortChoice = 'all',
): LicenceRelease {
  const cols = followUpColumns(learners);
  const afterDays = plan.manage.licenceReleaseAfterDays;
  const todayDay = dayNumber(today);
  const n = cols.count;
  const learnerOut = new Uint32Array(n);
  const daysOut = new Int32Array(n);
  const ended =
    cohort === 'current'
      ? new Set(
          plan.manage.cohorts
            .filter((c) => c.end !== null && c.end !== '' && c.end < today)
            .map((c) => c.id),
        )
      : null;
  const only = typeof cohort === 'object' ? cohort.id : null;
  let length = 0;
  let holding = 0;
  for (let i = 0; i < n; i++) {
    if (cols.completed[i] === 1) continue;
    if (ended?.size || only !== null) {
      const c = learners[i]!.cohortId ?? '';
      if (only !== null ? c !== only : ended!.has(c)) continue;
    }
    const kind = cols.sinceKind[i]!;
    // An invitation alone holds no licence.
    if (kind === 0 || (kind === 3 && cols.enrolled[i] === NO_DAY)) continue;
    holding++;
    const last = cols.lastActivity[i]!;
    const ref =
      last !== NO_DAY ? last : cols.enrolled[i] !== NO_DAY ? cols.enrolled[i]! : cols.since[i]!;
    if (todayDay === NO_DAY || ref === NO_DAY) continue;
    const days = todayDay - ref;
    if (days < afterDays) continue;
    learnerOut[length] = i;
    daysOut[length] = days;
    length++;
  }
  const order = orderRows(learnerOut, new Uint16Array(n), daysOut, length, 1);
  return {
    learner: order.learner,
    days: order.days,
    length,
    holding,
    planned: plan.launch.marketing.licenses,
    afterDays,
  };
}

/** Today's list in counts, for the plan's reports (no person in them). */
export function followUpCountsOf(
  list: FollowUpList,
  release: Pick<LicenceRelease, 'length'>,
): FollowUpCounts {
  const byRule: Record<string, number> = {};
  list.rules.forEach((r, i) => {
    if (r.active) byRule[r.id] = list.countByRule[i] ?? 0;
  });
  return { date: list.today, total: list.length, byRule, licencesFreeable: release.length };
}
