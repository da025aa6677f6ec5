/**
 * The learner roster of the bundled sample plan (Lower Valley Digital
 * Futures): its 2026 pilot cohort, 412 invited learners. SYNTHETIC: fake
 * people only ("Learner 00001", learner00001@example.org, platform id
 * L00001), made up deterministically (a fixed seed) so the sample's Manage
 * sections have a roster to show on first start. No real person is in it.
 *
 * Unlike `syntheticRoster` (spreads for tests and benches), this roster is
 * shaped to the sample's own story, so the plan's numbers and the roster
 * agree: 300 licences and 412 invitations in two batches (April and May),
 * 286 enrolled (284 by the end of September), most drop-out in weeks 2–6,
 * 118 completers when the pilot closed on 30 October and 120 by
 * 15 November, 34 placed. Each learner has a history (when they studied, at
 * what rate, when they stopped), so the roster as an export of any day can
 * be told, and the plan's dated snapshots (`plan.manage.progress`) are the
 * aggregates of those exports (`sampleProgress`).
 */
import type { Plan, ProgressSnapshot } from '../plan/schema';
import { shiftDate } from '../plan/sample';
import {
  daysBefore,
  learnerKey,
  snapshotOf,
  type JobOutcome,
  type RosterCourseRow,
  type RosterLearner,
} from './roster';
import { seededRandom, type SyntheticRoster } from './synthetic-roster';

/** The day of the sample's newest roster export (the pilot's last import). */
export const SAMPLE_ROSTER_DATE = '2026-11-15';

/** The sample's roster imports: the day each export describes and when it was imported. */
export const SAMPLE_IMPORTS: readonly { readonly date: string; readonly importedAt: string }[] = [
  // The pilot's monthly exports, imported when the plan was set up.
  { date: '2026-05-31', importedAt: '2026-10-06T09:40:00Z' },
  { date: '2026-06-30', importedAt: '2026-10-06T09:42:00Z' },
  { date: '2026-07-31', importedAt: '2026-10-06T09:44:00Z' },
  { date: '2026-08-31', importedAt: '2026-10-06T09:46:00Z' },
  { date: '2026-09-30', importedAt: '2026-10-06T09:48:00Z' },
  { date: '2026-10-31', importedAt: '2026-11-02T08:55:00Z' },
  { date: SAMPLE_ROSTER_DATE, importedAt: '2026-11-16T08:30:00Z' },
];

const PILOT = 'cohort-pilot-2026';
const IT_PATHWAY = 'pw-it-support';
/** The pilot's customer support certificate track (not a pathway of this plan). */
const SUPPORT_TRACK = [
  'cat-learning-online',
  'cat-customer-service',
  'cat-gp-crm',
  'cat-customer-support-cert',
];
/** Optional courses completers kept studying after the pilot. */
const OPTIONAL = ['cat-genai-work', 'cat-cloud-intro', 'cat-workplace-english'];

/** Learners per segment in the pilot (412 in all). */
const SEGMENTS: readonly (readonly [string, number])[] = [
  ['seg-neet', 150],
  ['seg-underemployed', 110],
  ['seg-parents', 64],
  ['seg-graduates', 58],
  ['seg-justice', 30],
];
const ENROLLED = 286;
/** Completers, and how many completed in each month (the pilot closed on 30 October). */
const COMPLETION_MONTHS: readonly (readonly [first: string, last: string, count: number])[] = [
  ['2026-07-01', '2026-07-31', 22],
  ['2026-08-01', '2026-08-31', 34],
  ['2026-09-01', '2026-09-30', 38],
  ['2026-10-01', '2026-10-30', 24],
  ['2026-11-02', '2026-11-13', 2],
];
const PLACED = 34;
const DRIVE: Readonly<Record<string, number>> = {
  'seg-neet': 0.8,
  'seg-justice': 0.8,
  'seg-parents': 0.95,
  'seg-graduates': 1.1,
};
const TOP_LEARNERS = 8;

/** One learner's story: the dates and rates every export of them follows from. */
interface History {
  readonly n: string;
  readonly segmentId: string;
  readonly pathwayId: string | null;
  readonly courses: readonly string[];
  /** Hours a learner on this track studies to complete it. */
  readonly trackHours: number;
  readonly invited: string;
  registered: string | null;
  enrolled: string | null;
  completed: string | null;
  /** The last day of study (null: still studying on the roster's day). */
  lastDay: string | null;
  /** Hours a day while studying. */
  rate: number;
  /** Hours a day on optional courses after completing (0 for most). */
  afterRate: number;
  outcome: JobOutcome;
  outcomeDate: string | null;
  top: boolean;
  readonly drive: number;
}

const addDays = (date: string, days: number) => daysBefore(date, -days);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const min = (a: string, b: string) => (a < b ? a : b);
const pad = (n: number) => String(n).padStart(5, '0');

/** The pilot's learner histories (deterministic). */
function histories(plan: Plan): History[] {
  const random = seededRandom(2026);
  const shuffled = <T>(items: T[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  const known = new Set(plan.learners.map((s) => s.id));
  const segments = shuffled(
    SEGMENTS.flatMap(([id, count]) => Array<string>(count).fill(id)).filter((id) => known.has(id)),
  );
  const itSteps =
    plan.content.pathways.find((p) => p.id === IT_PATHWAY)?.steps.map((s) => s.contentItemId) ?? [];
  const people: History[] = segments.map((segmentId, i) => {
    // About three in five on the IT support pathway, the rest on the customer support track.
    const it = random() < 0.62 && itSteps.length > 0;
    // 300 invitations in the week of 6 April, 112 more in the week of 18 May.
    const invited = i < 300 ? addDays('2026-04-06', i % 5) : addDays('2026-05-18', i % 5);
    return {
      n: pad(i + 1),
      segmentId,
      pathwayId: it ? IT_PATHWAY : null,
      courses: it ? itSteps : SUPPORT_TRACK,
      trackHours: it ? 110 : 78,
      invited,
      registered: null,
      enrolled: null,
      completed: null,
      lastDay: null,
      rate: 0,
      afterRate: 0,
      outcome: 'none',
      outcomeDate: null,
      top: false,
      // NEET and justice-involved learners stopped more often in the pilot (time, money, confidence).
      drive: random() * (DRIVE[segmentId] ?? 1),
    };
  });

  // Who registers and enrols: 286 enrol (two of them in October, after a coach's call), 22 more only register.
  const order = shuffled(people.map((_, i) => i));
  const enrolled = order.slice(0, ENROLLED);
  const enrolledSet = new Set(enrolled);
  const late = new Set(enrolled.slice(-2));
  for (const i of order.slice(0, ENROLLED + 22)) {
    const p = people[i]!;
    p.registered = late.has(i)
      ? addDays('2026-10-02', [...late].indexOf(i) * 7)
      : addDays(p.invited, Math.floor(random() * 10));
    if (enrolledSet.has(i))
      p.enrolled = late.has(i)
        ? addDays(p.registered, 3)
        : addDays(p.registered, Math.floor(random() * 4));
  }

  // The 120 completers: the most driven of those enrolled by the end of May, earliest finishers first.
  const candidates = enrolled
    .filter((i) => !late.has(i))
    .sort((a, b) => people[b]!.drive - people[a]!.drive)
    .slice(
      0,
      COMPLETION_MONTHS.reduce((s, [, , c]) => s + c, 0),
    )
    .sort((a, b) => {
      const due = (i: number) =>
        addDays(people[i]!.enrolled!, Math.round(130 - 60 * people[i]!.drive));
      return due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : a - b;
    });
  let next = 0;
  for (const [first, last, count] of COMPLETION_MONTHS) {
    const span = daysBetween(first, last);
    for (let k = 0; k < count; k++) {
      const p = people[candidates[next++]!]!;
      const slot = addDays(first, Math.floor((k * (span + 1)) / count));
      p.completed = slot;
      p.lastDay = slot;
      p.rate =
        (p.trackHours * (0.85 + 0.3 * random())) / Math.max(daysBetween(p.enrolled!, slot), 1);
      // A quarter keep studying optional courses after completing.
      if (random() < 0.25) {
        p.afterRate = 0.15 + 0.2 * random();
        p.lastDay = null;
      }
    }
  }

  // The others enrolled: most stop in weeks 2–6, some later, and about one in seven is still studying.
  for (const i of enrolled) {
    const p = people[i]!;
    if (p.completed) continue;
    const r = random();
    if (late.has(i) || r < 0.15) {
      p.lastDay = null;
      p.rate = 0.3 + 0.3 * random();
    } else if (r < 0.75) {
      p.lastDay = addDays(p.enrolled!, 10 + Math.floor(random() * 33));
      p.rate = 0.35 + 0.45 * random();
    } else {
      p.lastDay = min(addDays(p.enrolled!, 45 + Math.floor(random() * 105)), '2026-10-30');
      p.rate = 0.3 + 0.3 * random();
    }
  }

  // Job outcomes: 34 of the completers, most of the earliest; promotions for underemployed workers.
  const completers = candidates.map((i) => people[i]!);
  const placed = shuffled(completers.slice(0, 70)).slice(0, PLACED);
  for (const p of placed) {
    p.outcome = p.segmentId === 'seg-underemployed' && random() < 0.3 ? 'promoted' : 'placed';
    p.outcomeDate = min(addDays(p.completed!, 20 + Math.floor(random() * 50)), SAMPLE_ROSTER_DATE);
  }
  for (const p of [...completers].sort((a, b) => b.drive - a.drive).slice(0, TOP_LEARNERS))
    p.top = true;
  return people;
}

/** The day a history's learner last studied by `date`, or null before they enrolled. */
function lastActivityOn(p: History, date: string): string | null {
  if (!p.enrolled || p.enrolled > date) return null;
  if (p.lastDay !== null) return min(p.lastDay, date);
  // Still studying: most studied in the last days before the export, a few drifted.
  const quiet = Math.floor(((p.drive * 7919) % 1) * (p.completed ? 25 : 20));
  const last = daysBefore(date, quiet);
  return last < p.enrolled ? p.enrolled : last;
}

function hoursOn(p: History, date: string): number {
  if (!p.enrolled || p.enrolled > date) return 0;
  const studyEnd = min(p.completed ?? p.lastDay ?? date, date);
  let hours = p.rate * Math.max(daysBetween(p.enrolled, studyEnd), 0);
  if (p.completed && p.completed < date && p.afterRate > 0)
    hours += p.afterRate * daysBetween(p.completed, date);
  return Math.round(hours * 10) / 10;
}

const on = (value: string | null, date: string) => (value !== null && value <= date ? value : null);

function learnerOn(plan: Plan, p: History, date: string): RosterLearner {
  const learnerId = `L${p.n}`;
  const email = `learner${p.n}@example.org`;
  const enrolled = on(p.enrolled, date);
  const completed = on(p.completed, date);
  const hours = hoursOn(p, date);
  const progress = completed ? 1 : Math.min(hours / p.trackHours, 0.95);
  const coursesCompleted = completed ? p.courses.length : Math.floor(progress * p.courses.length);
  const coursesEnrolled = enrolled
    ? Math.min(p.courses.length, coursesCompleted + (completed ? 0 : 1)) +
      (completed && p.afterRate > 0 ? 1 : 0)
    : 0;
  const skills = plan.content.pathways.find((x) => x.id === p.pathwayId)?.requiredSkills ?? [];
  const skillScores: Record<string, number> = {};
  if (enrolled)
    for (const [k, skill] of skills.slice(0, 3).entries())
      skillScores[skill] = Math.round(
        Math.min(100, 32 + 52 * progress + ((p.drive * (k + 3) * 97) % 10)),
      );
  const firstSeen = SAMPLE_IMPORTS.find((i) => i.date >= p.invited)?.date ?? date;
  return {
    key: learnerKey(learnerId, email),
    learnerId,
    email,
    name: `Learner ${p.n}`,
    segmentId: p.segmentId,
    cohortId: PILOT,
    pathwayId: p.pathwayId,
    invited: p.invited,
    registered: on(p.registered, date),
    enrolled,
    completed,
    lastActivity: lastActivityOn(p, date),
    coursesEnrolled,
    coursesCompleted,
    hours,
    skillScores,
    jobOutcome: p.outcomeDate !== null && p.outcomeDate <= date ? p.outcome : 'none',
    topLearner: p.top && completed !== null,
    firstSeen: firstSeen < date ? firstSeen : date,
    updated: date,
  };
}

function courseRowsOf(plan: Plan, p: History, learner: RosterLearner): RosterCourseRow[] {
  if (!learner.enrolled) return [];
  const title = (id: string) => plan.content.catalog.find((c) => c.id === id)?.title ?? id;
  const track = Math.min(learner.coursesEnrolled, p.courses.length);
  const optional = learner.coursesEnrolled - track;
  const perCourse = Math.round((learner.hours / Math.max(learner.coursesEnrolled, 1)) * 10) / 10;
  const rows: RosterCourseRow[] = [];
  for (let c = 0; c < track; c++) {
    const done = c < learner.coursesCompleted;
    const itemId = p.courses[c]!;
    rows.push({
      learnerKey: learner.key,
      itemId,
      course: title(itemId),
      status: done ? 'completed' : 'inProgress',
      hours: perCourse,
      lastActivity: done && learner.completed ? learner.completed : learner.lastActivity,
      completed: done ? (learner.completed ?? learner.lastActivity) : null,
    });
  }
  if (optional > 0) {
    const itemId = OPTIONAL[Number(p.n) % OPTIONAL.length]!;
    rows.push({
      learnerKey: learner.key,
      itemId,
      course: title(itemId),
      status: 'inProgress',
      hours: perCourse,
      lastActivity: learner.lastActivity,
      completed: null,
    });
  }
  return rows;
}

/**
 * The sample's roster as exported on `date` (default: its newest export,
 * 15 November 2026): fake learners only, with their per-course rows.
 */
export function sampleRoster(plan: Plan, date: string = SAMPLE_ROSTER_DATE): SyntheticRoster {
  const learners: RosterLearner[] = [];
  const courseRows: RosterCourseRow[] = [];
  for (const p of histories(plan)) {
    if (p.invited > date) continue;
    const learner = learnerOn(plan, p, date);
    learners.push(learner);
    courseRows.push(...courseRowsOf(plan, p, learner));
  }
  return { learners, courseRows };
}

/** The aggregates of each of the sample's roster imports, oldest first (what `plan.manage.progress` holds). */
export function sampleProgress(plan: Plan): ProgressSnapshot[] {
  return SAMPLE_IMPORTS.map(({ date, importedAt }) =>
    snapshotOf(sampleRoster(plan, date).learners, date, importedAt),
  );
}

/** A roster with every date moved by `months` whole months (as `sampleAsOf` moves the sample plan's). */
export function shiftRoster(roster: SyntheticRoster, months: number): SyntheticRoster {
  if (months === 0) return roster;
  const d = (date: string | null) => (date === null ? null : shiftDate(date, months));
  return {
    learners: roster.learners.map((l) => ({
      ...l,
      invited: d(l.invited),
      registered: d(l.registered),
      enrolled: d(l.enrolled),
      completed: d(l.completed),
      lastActivity: d(l.lastActivity),
      firstSeen: shiftDate(l.firstSeen, months),
      updated: shiftDate(l.updated, months),
    })),
    courseRows: roster.courseRows.map((r) => ({
      ...r,
      lastActivity: d(r.lastActivity),
      completed: d(r.completed),
    })),
  };
}
