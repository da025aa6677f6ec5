/**
 * The learner roster (issue 14): who is learning and how far they are, from
 * the activity exports of a learning platform or LMS. Personal data — names,
 * e-mails, platform ids — lives only in the local database (renderer/src/db/
 * roster.ts), never in the plan, a plan file, a backup (unless the user opts
 * in) or a shareable export; only aggregates (RosterSnapshot, KPI actuals)
 * leave it.
 *
 * Dates are calendar dates `YYYY-MM-DD` (null = unknown); hours are learning
 * hours (≥ 0); scores are 0–100.
 */
import type { ProgressCounts, ProgressSnapshot } from '../plan/schema';

/** What a learner achieved after the program. */
export type JobOutcome = 'none' | 'placed' | 'promoted' | 'retained' | 'selfEmployed';

/** One learner, merged across imports (matched by platform id, else by e-mail). */
export interface RosterLearner {
  /** The match key: `id:` + the platform id when there is one, else `email:` + the e-mail lower-cased and trimmed. */
  readonly key: string;
  /** The platform's learner id ('' when the export has none). */
  readonly learnerId: string;
  /** E-mail as imported ('' when none). */
  readonly email: string;
  /** Full name ('' when none). */
  readonly name: string;
  /** The plan's learner segment (plan.learners id), null when the value matched none. */
  readonly segmentId: string | null;
  /** The plan's cohort (plan.manage.cohorts id), null when none. */
  readonly cohortId: string | null;
  /** The plan's pathway (plan.content.pathways id) the learner follows, null when unknown. */
  readonly pathwayId: string | null;
  readonly invited: string | null;
  readonly registered: string | null;
  readonly enrolled: string | null;
  /** The day the learner completed their pathway or program, null while not completed. */
  readonly completed: string | null;
  readonly lastActivity: string | null;
  readonly coursesEnrolled: number;
  readonly coursesCompleted: number;
  /** Learning hours to date. */
  readonly hours: number;
  /** Skill scores 0–100 by skill name (as the export names them). */
  readonly skillScores: Readonly<Record<string, number>>;
  readonly jobOutcome: JobOutcome;
  /** Marked by the program team for recognition and stories. */
  readonly topLearner: boolean;
  /** The snapshot date of the import that first listed the learner, and of the newest that listed them. */
  readonly firstSeen: string;
  readonly updated: string;
}

/** A learner's activity in one course (from a learner × course export). */
export interface RosterCourseRow {
  /** RosterLearner.key of the learner. */
  readonly learnerKey: string;
  /** The catalog item (plan.content.catalog id) the course matched, null when none. */
  readonly itemId: string | null;
  /** The course as the export names it. */
  readonly course: string;
  readonly status: 'enrolled' | 'inProgress' | 'completed';
  readonly hours: number;
  readonly lastActivity: string | null;
  readonly completed: string | null;
}

/**
 * Aggregates of a roster import (no person in them) are kept in the plan:
 * `plan.manage.progress` (ProgressSnapshot, ProgressCounts in shared/plan/schema.ts).
 */
export type {
  ProgressCounts as RosterCounts,
  ProgressSnapshot as RosterSnapshot,
} from '../plan/schema';

// ---------------------------------------------------------------- Keys

/** The e-mail as two rows of the same person share it: trimmed, in lower case. */
export function rosterEmailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** A learner's match key: `id:` + the platform id when there is one, else `email:` + the e-mail key. */
export function learnerKey(learnerId: string, email: string): string {
  const id = learnerId.trim();
  return id ? `id:${id}` : `email:${rosterEmailKey(email)}`;
}

// ---------------------------------------------------------------- Stored form

const OUTCOMES: readonly JobOutcome[] = ['none', 'placed', 'promoted', 'retained', 'selfEmployed'];
const OUTCOME_CODE: Record<JobOutcome, number> = {
  none: 0,
  placed: 1,
  promoted: 2,
  retained: 3,
  selfEmployed: 4,
};
const STATUSES: readonly RosterCourseRow['status'][] = ['enrolled', 'inProgress', 'completed'];
const STATUS_CODE: Record<RosterCourseRow['status'], number> = {
  enrolled: 0,
  inProgress: 1,
  completed: 2,
};
const NO_SCORES: Readonly<Record<string, number>> = Object.freeze({});

type LearnerTuple = [
  learnerId: string,
  email: string,
  name: string,
  segmentId: string | null,
  cohortId: string | null,
  pathwayId: string | null,
  invited: string | null,
  registered: string | null,
  enrolled: string | null,
  completed: string | null,
  lastActivity: string | null,
  coursesEnrolled: number,
  coursesCompleted: number,
  hours: number,
  skillScores: Record<string, number> | 0,
  jobOutcome: number,
  topLearner: 0 | 1,
  firstSeen: string,
  updated: string,
];

/**
 * Learners as stored: a JSON array of one tuple per learner (the key is not
 * stored: it follows from the platform id and the e-mail). The local database
 * keeps a roster as a few dozen such texts rather than a record per learner,
 * so storing and reading 100,000 learners are a few dozen requests.
 */
export function encodeLearners(learners: readonly RosterLearner[]): string {
  const out: LearnerTuple[] = new Array(learners.length);
  for (let i = 0; i < learners.length; i++) {
    const l = learners[i]!;
    let scores: Record<string, number> | 0 = 0;
    for (const _ in l.skillScores) {
      scores = l.skillScores as Record<string, number>;
      break;
    }
    out[i] = [
      l.learnerId,
      l.email,
      l.name,
      l.segmentId,
      l.cohortId,
      l.pathwayId,
      l.invited,
      l.registered,
      l.enrolled,
      l.completed,
      l.lastActivity,
      l.coursesEnrolled,
      l.coursesCompleted,
      l.hours,
      scores,
      OUTCOME_CODE[l.jobOutcome] ?? 0,
      l.topLearner ? 1 : 0,
      l.firstSeen,
      l.updated,
    ];
  }
  return JSON.stringify(out);
}

/** Learners from `encodeLearners`'s text. */
export function decodeLearners(text: string): RosterLearner[] {
  const list = JSON.parse(text) as LearnerTuple[];
  const out: RosterLearner[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    out[i] = {
      key: learnerKey(t[0], t[1]),
      learnerId: t[0],
      email: t[1],
      name: t[2],
      segmentId: t[3],
      cohortId: t[4],
      pathwayId: t[5],
      invited: t[6],
      registered: t[7],
      enrolled: t[8],
      completed: t[9],
      lastActivity: t[10],
      coursesEnrolled: t[11],
      coursesCompleted: t[12],
      hours: t[13],
      skillScores: t[14] === 0 ? NO_SCORES : t[14],
      jobOutcome: OUTCOMES[t[15]] ?? 'none',
      topLearner: t[16] === 1,
      firstSeen: t[17],
      updated: t[18],
    };
  }
  return out;
}

type CourseTuple = [
  learnerKey: string,
  itemId: string | null,
  course: string,
  status: number,
  hours: number,
  lastActivity: string | null,
  completed: string | null,
];

/** Per-course rows as stored: a JSON array of one tuple per row (see `encodeLearners`). */
export function encodeCourseRows(rows: readonly RosterCourseRow[]): string {
  const out: CourseTuple[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out[i] = [
      r.learnerKey,
      r.itemId,
      r.course,
      STATUS_CODE[r.status] ?? 0,
      r.hours,
      r.lastActivity,
      r.completed,
    ];
  }
  return JSON.stringify(out);
}

/** Per-course rows from `encodeCourseRows`'s text. */
export function decodeCourseRows(text: string): RosterCourseRow[] {
  const list = JSON.parse(text) as CourseTuple[];
  const out: RosterCourseRow[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    out[i] = {
      learnerKey: t[0],
      itemId: t[1],
      course: t[2],
      status: STATUSES[t[3]] ?? 'enrolled',
      hours: t[4],
      lastActivity: t[5],
      completed: t[6],
    };
  }
  return out;
}

// ---------------------------------------------------------------- Counts

/** Days of the "active" window: enrolled learners with activity in the 30 days up to the snapshot date. */
export const ACTIVE_WINDOW_DAYS = 30;

/** The calendar date `days` days before (negative: after) `date` (both YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function emptyCounts(): ProgressCounts {
  return {
    learners: 0,
    invited: 0,
    registered: 0,
    enrolled: 0,
    active: 0,
    completed: 0,
    placed: 0,
    hours: 0,
  };
}

/** Whether a date is known and on or before `asOf` (dates after the snapshot have not happened yet). */
const by = (date: string | null, asOf: string) => date !== null && date <= asOf;

/**
 * Adds one learner to counts. The stages make a funnel, each counting the
 * learners who reached it by `asOf`, so a later stage implies the earlier
 * ones (a learner enrolled without a registration date was registered):
 * - invited: an invited, registered, enrolled or completion date;
 * - registered: a registered, enrolled or completion date;
 * - enrolled: an enrolled or completion date, or a course enrolled;
 * - active: enrolled, with last activity in the 30 days up to `asOf`
 *   (`activeFrom` is the first of those days);
 * - completed: a completion date (an import dates a learner whose enrolled
 *   courses are all completed: see shared/manage/roster-import.ts);
 * - placed: completed, with a job outcome other than none (placed, promoted,
 *   retained, self-employed). Placed is the funnel's last stage and
 *   placement rates are "of completers", so a learner with an outcome who
 *   has not completed is not counted here (the roster's "With a job
 *   outcome" filter still lists them);
 * - hours: learning hours, summed.
 */
function addTo(c: ProgressCounts, l: RosterLearner, asOf: string, activeFrom: string): void {
  const completed = by(l.completed, asOf);
  const enrolled =
    completed || by(l.enrolled, asOf) || (l.enrolled === null && l.coursesEnrolled > 0);
  const registered = enrolled || by(l.registered, asOf);
  const invited = registered || by(l.invited, asOf);
  const counts = c as { -readonly [K in keyof ProgressCounts]: number };
  counts.learners++;
  if (invited) counts.invited++;
  if (registered) counts.registered++;
  if (enrolled) counts.enrolled++;
  if (enrolled && l.lastActivity !== null && l.lastActivity >= activeFrom && l.lastActivity <= asOf)
    counts.active++;
  if (completed) counts.completed++;
  if (completed && l.jobOutcome !== 'none') counts.placed++;
  counts.hours += l.hours;
}

/** Counts of learners at `asOf` (YYYY-MM-DD): see `addTo` for what each stage counts. */
export function countsOf(learners: readonly RosterLearner[], asOf: string): ProgressCounts {
  const c = emptyCounts();
  const activeFrom = daysBefore(asOf, ACTIVE_WINDOW_DAYS - 1);
  for (let i = 0; i < learners.length; i++) addTo(c, learners[i]!, asOf, activeFrom);
  c.hours = Math.round(c.hours * 10) / 10;
  return c;
}

/**
 * The aggregates of a roster on `date` (the day the export describes),
 * imported at `importedAt` (ISO date-time): counts in total, per segment id
 * and per cohort id ('' = none). No person is in it: this is what the plan keeps.
 */
export function snapshotOf(
  learners: readonly RosterLearner[],
  date: string,
  importedAt: string,
): ProgressSnapshot {
  const slices = snapshotSlices(learners, date, importedAt, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

/**
 * `snapshotOf` a slice of `slice` learners at a time: a generator that yields
 * between slices (run it with shared/plan/freeze.ts `runInSlices`, so a page
 * holding 100,000 learners never counts them in one long task).
 */
export function* snapshotSlices(
  learners: readonly RosterLearner[],
  date: string,
  importedAt: string,
  slice = 10_000,
): Generator<void, ProgressSnapshot> {
  const total = emptyCounts();
  const bySegment: Record<string, ProgressCounts> = {};
  const byCohort: Record<string, ProgressCounts> = {};
  const activeFrom = daysBefore(date, ACTIVE_WINDOW_DAYS - 1);
  for (let i = 0; i < learners.length; i++) {
    const l = learners[i]!;
    addTo(total, l, date, activeFrom);
    addTo((bySegment[l.segmentId ?? ''] ??= emptyCounts()), l, date, activeFrom);
    addTo((byCohort[l.cohortId ?? ''] ??= emptyCounts()), l, date, activeFrom);
    if ((i + 1) % slice === 0 && i + 1 < learners.length) yield;
  }
  const round = (c: ProgressCounts) =>
    ((c as { hours: number }).hours = Math.round(c.hours * 10) / 10);
  round(total);
  for (const c of Object.values(bySegment)) round(c);
  for (const c of Object.values(byCohort)) round(c);
  return { date, importedAt, total, bySegment, byCohort };
}

// ---------------------------------------------------------------- Merging imports

/** The learner fields an export can carry (what a re-import may change). */
export const LEARNER_VALUE_FIELDS = [
  'learnerId',
  'email',
  'name',
  'segmentId',
  'cohortId',
  'pathwayId',
  'invited',
  'registered',
  'enrolled',
  'completed',
  'lastActivity',
  'coursesEnrolled',
  'coursesCompleted',
  'hours',
  'skillScores',
  'jobOutcome',
] as const satisfies readonly (keyof RosterLearner)[];

/** A field a re-import may change. */
export type LearnerValueField = (typeof LEARNER_VALUE_FIELDS)[number];

/** The result of merging a newer import into a roster. */
export interface RosterMerge {
  /** Every learner: the roster's, in their order (updated where the import listed them), then the new ones in file order. */
  readonly learners: RosterLearner[];
  /** Learners the import added. */
  readonly added: number;
  /** Learners already on the roster that the import listed. */
  readonly matched: number;
  /** Roster keys that changed (a learner who gained a platform id): old key → the merged learner's key. */
  readonly renamed: ReadonlyMap<string, string>;
  /** Import keys → the key of the learner each import row went into, where they differ. */
  readonly importKeys: ReadonlyMap<string, string>;
}

/** Options of `mergeLearners`. */
export interface MergeOptions {
  /** The snapshot date of the import (YYYY-MM-DD): the learners it lists are `updated` on it. */
  readonly date: string;
  /**
   * The fields the import carries (mapped columns); the others stay as they
   * were. Default: all.
   */
  readonly fields?: readonly LearnerValueField[];
}

/** Where learners are, by platform id and by e-mail key (positions, lowest first), kept up to date as they change. */
class RosterIndex {
  private readonly byId = new Map<string, number>();
  private readonly byEmail = new Map<string, number[]>();
  constructor(private readonly learners: readonly RosterLearner[]) {
    for (let i = 0; i < learners.length; i++) this.add(learners[i]!, i);
  }
  add(l: RosterLearner, at: number) {
    const id = l.learnerId.trim();
    if (id && !this.byId.has(id)) this.byId.set(id, at);
    const email = rosterEmailKey(l.email);
    if (!email) return;
    const list = this.byEmail.get(email);
    if (!list) this.byEmail.set(email, [at]);
    else if (!list.includes(at)) {
      list.push(at);
      list.sort((x, y) => x - y);
    }
  }
  /** Re-indexes the learner at `at` after it changed from `before`. */
  change(before: RosterLearner, after: RosterLearner, at: number) {
    const was = rosterEmailKey(before.email);
    if (was && was !== rosterEmailKey(after.email)) {
      const list = this.byEmail.get(was)!;
      list.splice(list.indexOf(at), 1);
      if (list.length === 0) this.byEmail.delete(was);
    }
    this.add(after, at);
  }
  id(id: string): number | undefined {
    return this.byId.get(id);
  }
  /** The first learner with the e-mail key and no platform id, else (when `any`) the first with it. */
  email(email: string, any: boolean): number | undefined {
    const list = this.byEmail.get(email);
    if (!list) return undefined;
    for (const at of list) if (!this.learners[at]!.learnerId.trim()) return at;
    return any ? list[0] : undefined;
  }
}

const isEmpty = (v: unknown) =>
  v === null || v === '' || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);

/** One pass of `mergeLearners`: rows with a platform id first, then those without. */
function mergePass(
  existing: readonly RosterLearner[],
  incoming: readonly RosterLearner[],
  date: string,
  fields: readonly LearnerValueField[],
): RosterMerge {
  const out: RosterLearner[] = existing.slice();
  const index = new RosterIndex(out);
  /** Import key → position of the learner the row went into. */
  const importAt = new Map<string, number>();
  let added = 0;
  const matchedAt = new Set<number>();
  const withId = incoming.filter((l) => l.learnerId.trim());
  const withoutId = incoming.filter((l) => !l.learnerId.trim());
  for (const next of [...withId, ...withoutId]) {
    const id = next.learnerId.trim();
    const email = rosterEmailKey(next.email);
    // By platform id; else by e-mail: a row with an id only takes a learner who has none yet.
    let at = id ? index.id(id) : undefined;
    if (at === undefined && email) at = index.email(email, !id);
    if (at === undefined) {
      const fresh: RosterLearner = {
        ...next,
        key: learnerKey(next.learnerId, next.email),
        firstSeen: date,
        updated: date,
      };
      out.push(fresh);
      importAt.set(next.key, out.length - 1);
      index.add(fresh, out.length - 1);
      added++;
      continue;
    }
    const old = out[at]!;
    if (at < existing.length) matchedAt.add(at);
    const newer = date >= old.updated;
    const merged: Record<string, unknown> = { ...old };
    for (const f of fields) {
      const value = next[f];
      if (f === 'skillScores') {
        const scores = value as Readonly<Record<string, number>>;
        if (!isEmpty(scores))
          merged.skillScores = newer
            ? { ...old.skillScores, ...scores }
            : { ...scores, ...old.skillScores };
        continue;
      }
      if (isEmpty(value) || (f === 'jobOutcome' && value === 'none')) continue;
      const current = old[f];
      if (newer || isEmpty(current) || (f === 'jobOutcome' && current === 'none'))
        merged[f] = value;
    }
    merged.updated = newer ? date : old.updated;
    merged.firstSeen = old.firstSeen <= date ? old.firstSeen : date;
    const key = learnerKey(merged.learnerId as string, merged.email as string);
    merged.key = key;
    const result = merged as unknown as RosterLearner;
    importAt.set(next.key, at);
    out[at] = result;
    index.change(old, result, at);
  }
  const renamed = new Map<string, string>();
  for (let i = 0; i < existing.length; i++)
    if (out[i]!.key !== existing[i]!.key) renamed.set(existing[i]!.key, out[i]!.key);
  const importKeys = new Map<string, string>();
  for (const [from, at] of importAt) if (out[at]!.key !== from) importKeys.set(from, out[at]!.key);
  return { learners: out, added, matched: matchedAt.size, renamed, importKeys };
}

/**
 * Merges `incoming` (one import, dated `date`) into `existing` (the roster).
 *
 * The import's own rows of one person are first merged together (an export
 * may list a learner twice). A learner is then matched by platform id; else
 * by e-mail (trimmed, case ignored) — a row with a platform id only takes a
 * learner without one yet (two different platform ids are two people even
 * when they share an e-mail); a row without an id takes the first learner
 * with its e-mail. Rows with a platform id are matched first.
 *
 * Of a matched learner, the newer values win: the import's, for the fields
 * it carries, unless it leaves one empty (an empty cell never erases what is
 * known) or the learner was last updated by a newer export than this one
 * (then the import only fills what is empty). Skill scores merge by skill.
 * The mark "top learner" and the date first seen are kept; `updated` becomes
 * the import's date when it is newer.
 *
 * No learner is lost: each of the roster and each of the import is in the
 * result, matched or added (`keys` says where a key changed). Merging the
 * same import twice gives the same roster as merging it once.
 */
export function mergeLearners(
  existing: readonly RosterLearner[],
  incoming: readonly RosterLearner[],
  options: MergeOptions,
): RosterMerge {
  const fields = options.fields ?? LEARNER_VALUE_FIELDS;
  const own = mergePass([], incoming, options.date, LEARNER_VALUE_FIELDS);
  const result = mergePass(existing, own.learners, options.date, fields);
  const importKeys = new Map<string, string>();
  for (const l of incoming) {
    const mid = own.importKeys.get(l.key) ?? l.key;
    const end = result.importKeys.get(mid) ?? mid;
    if (end !== l.key) importKeys.set(l.key, end);
  }
  return { ...result, importKeys };
}

/**
 * Per-course rows after a re-import: the roster's rows, re-keyed by the
 * merge, except for the learners the import lists course rows for — theirs
 * are replaced by the import's (a newer export lists every course of a
 * learner it lists).
 */
export function mergeCourseRows(
  existing: readonly RosterCourseRow[],
  incoming: readonly RosterCourseRow[],
  merge: Pick<RosterMerge, 'renamed' | 'importKeys'>,
): RosterCourseRow[] {
  const rekey = (r: RosterCourseRow, keys: ReadonlyMap<string, string>) => {
    const to = keys.get(r.learnerKey);
    return to && to !== r.learnerKey ? { ...r, learnerKey: to } : r;
  };
  const fresh = incoming.map((r) => rekey(r, merge.importKeys));
  const replaced = new Set(fresh.map((r) => r.learnerKey));
  const out: RosterCourseRow[] = [];
  for (const r of existing) {
    const k = rekey(r, merge.renamed);
    if (!replaced.has(k.learnerKey)) out.push(k);
  }
  for (const r of fresh) out.push(r);
  return out;
}
