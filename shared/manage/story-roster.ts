/**
 * A synthetic roster told as a story: the learner roster of a bundled example
 * plan (the sample and the gallery's worked examples), shaped to that plan's
 * own numbers so its Manage sections have learners to show. SYNTHETIC: fake
 * people only ("Learner 00001", learner00001@example.org, platform id
 * L00001), made up deterministically (a fixed seed). No real person is in it.
 *
 * Unlike `syntheticRoster` (spreads for tests and benches), a story fixes the
 * counts that the plan quotes — who is invited in which batch, how many
 * enrol, how many complete in each month, how many find a job — and gives
 * each learner a history (when they studied, at what rate, when they
 * stopped), so the roster as an export of any day can be told, and the
 * plan's dated snapshots (`plan.manage.progress`) are the aggregates of
 * those exports (`storyProgress`).
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

/** What learners on one track study. */
export interface RosterTrack {
  /** The plan's pathway the learners follow; null for a track that is not a pathway of the plan. */
  readonly pathwayId: string | null;
  /** The catalog items of the track, in order; omitted: the pathway's steps. */
  readonly courses?: readonly string[];
  /** Hours a learner on this track studies to complete it. */
  readonly hours: number;
  /** Share of learners on the track (0–1) among the tracks open to their segment; the last such track takes the rest. */
  readonly share: number;
  /** The segments whose learners study it; omitted: every segment. */
  readonly segmentIds?: readonly string[];
}

/** One batch of invitations, sent over five days from `start`. */
export interface InvitationBatch {
  readonly start: string;
  readonly count: number;
  /** The cohort of the learners invited in it (default: the story's cohort). */
  readonly cohortId?: string;
}

/** The story of one example plan's roster. */
export interface RosterStory {
  /** The seed of the generator: the same story and plan give the same roster. */
  readonly seed: number;
  /** How the fake people are called: "Learner" → "Learner 00001", learner00001@example.org, L00001. */
  readonly person: { readonly name: string; readonly email: string; readonly id: string };
  /** The cohort learners belong to unless their batch names another. */
  readonly cohortId: string;
  /** The roster imports: the day each export describes and when it was imported; the last is the newest. */
  readonly imports: readonly { readonly date: string; readonly importedAt: string }[];
  /** Learners per segment id (the sum is everyone invited). */
  readonly segments: readonly (readonly [segmentId: string, count: number])[];
  /** The tracks learners study, by share. */
  readonly tracks: readonly RosterTrack[];
  /** Invitation batches in order; their counts add up to the segments'. */
  readonly invitations: readonly InvitationBatch[];
  /** Learners who enrol. */
  readonly enrolled: number;
  /** Learners who register but never enrol. */
  readonly registeredOnly: number;
  /** The last of the enrolled register late (after a coach's call), one every `everyDays` days from `from`. */
  readonly late: { readonly count: number; readonly from: string; readonly everyDays: number };
  /** Completers: how many complete between each first and last day. */
  readonly completions: readonly (readonly [first: string, last: string, count: number])[];
  /** Days a fast learner takes to complete; the slowest take `spread` days more. */
  readonly pace: { readonly fastest: number; readonly spread: number };
  /** Learners who stop after a month and more stop by this day at the latest. */
  readonly stopBy: string;
  /** Completers with a job outcome, drawn from the first `from` completers. */
  readonly outcomes: {
    readonly count: number;
    readonly from: number;
    /** The outcome of most. */
    readonly usual: JobOutcome;
    /** The segments whose completers can have an outcome; omitted: every segment. */
    readonly segmentIds?: readonly string[];
    /** Another outcome for a share of some segments (promotions for underemployed workers, say). */
    readonly other?: {
      readonly outcome: JobOutcome;
      readonly segmentIds: readonly string[];
      readonly share: number;
    };
  };
  /** How driven learners of a segment are (1 when not listed): lower stops more often. */
  readonly drive: Readonly<Record<string, number>>;
  /** Completers marked as top learners. */
  readonly topLearners: number;
  /** Optional courses completers keep studying (catalog ids). */
  readonly optional: readonly string[];
}

/** The day of a story's newest roster export. */
export function storyRosterDate(story: RosterStory): string {
  return story.imports[story.imports.length - 1]!.date;
}

/** One learner's story: the dates and rates every export of them follows from. */
interface History {
  readonly n: string;
  readonly segmentId: string;
  readonly cohortId: string;
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

/** The learner histories of a story (deterministic). */
function histories(plan: Plan, story: RosterStory): History[] {
  const random = seededRandom(story.seed);
  const shuffled = <T>(items: T[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  const known = new Set(plan.learners.map((s) => s.id));
  const segments = shuffled(
    story.segments
      .flatMap(([id, count]) => Array<string>(count).fill(id))
      .filter((id) => known.has(id)),
  );
  const tracks = story.tracks.map((t) => {
    const steps =
      t.courses ??
      plan.content.pathways.find((p) => p.id === t.pathwayId)?.steps.map((s) => s.contentItemId) ??
      [];
    return { ...t, steps };
  });
  const batchOf = (i: number) => {
    let before = 0;
    for (const batch of story.invitations) {
      if (i < before + batch.count) return batch;
      before += batch.count;
    }
    return story.invitations[story.invitations.length - 1]!;
  };
  const people: History[] = segments.map((segmentId, i) => {
    // One draw picks the track by the shares of the tracks open to the segment (a track with no steps is skipped).
    const r = random();
    const open = tracks.filter((t) => !t.segmentIds || t.segmentIds.includes(segmentId));
    const shares = open.reduce((s, t) => s + t.share, 0) || 1;
    let at = 0;
    let track = open[open.length - 1] ?? tracks[tracks.length - 1]!;
    for (const t of open.slice(0, -1)) {
      at += t.share / shares;
      if (r < at && t.steps.length > 0) {
        track = t;
        break;
      }
    }
    const batch = batchOf(i);
    return {
      n: pad(i + 1),
      segmentId,
      cohortId: batch.cohortId ?? story.cohortId,
      pathwayId: track.pathwayId,
      courses: track.steps,
      trackHours: track.hours,
      invited: addDays(batch.start, i % 5),
      registered: null,
      enrolled: null,
      completed: null,
      lastDay: null,
      rate: 0,
      afterRate: 0,
      outcome: 'none',
      outcomeDate: null,
      top: false,
      drive: random() * (story.drive[segmentId] ?? 1),
    };
  });

  // Who registers and enrols; the last few enrolled register late, after a coach's call.
  const order = shuffled(people.map((_, i) => i));
  const enrolled = order.slice(0, story.enrolled);
  const enrolledSet = new Set(enrolled);
  const late = new Set(story.late.count > 0 ? enrolled.slice(-story.late.count) : []);
  const lateOrder = [...late];
  for (const i of order.slice(0, story.enrolled + story.registeredOnly)) {
    const p = people[i]!;
    p.registered = late.has(i)
      ? addDays(story.late.from, lateOrder.indexOf(i) * story.late.everyDays)
      : addDays(p.invited, Math.floor(random() * 10));
    if (enrolledSet.has(i))
      p.enrolled = late.has(i)
        ? addDays(p.registered, 3)
        : addDays(p.registered, Math.floor(random() * 4));
  }

  // The completers: the most driven of those enrolled on time, earliest finishers first.
  const { fastest, spread } = story.pace;
  const candidates = enrolled
    .filter((i) => !late.has(i))
    .sort((a, b) => people[b]!.drive - people[a]!.drive)
    .slice(
      0,
      story.completions.reduce((s, [, , c]) => s + c, 0),
    )
    .sort((a, b) => {
      const due = (i: number) =>
        addDays(people[i]!.enrolled!, Math.round(fastest + spread - spread * people[i]!.drive));
      return due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : a - b;
    });
  let next = 0;
  for (const [first, last, count] of story.completions) {
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
      p.lastDay = min(addDays(p.enrolled!, 45 + Math.floor(random() * 105)), story.stopBy);
      p.rate = 0.3 + 0.3 * random();
    }
  }

  // Job outcomes: drawn from the earliest completers.
  const rosterDate = storyRosterDate(story);
  const { outcomes } = story;
  const completers = candidates.map((i) => people[i]!);
  const eligible = outcomes.segmentIds
    ? completers.filter((p) => outcomes.segmentIds!.includes(p.segmentId))
    : completers;
  const placed = shuffled(eligible.slice(0, outcomes.from)).slice(0, outcomes.count);
  for (const p of placed) {
    const other = outcomes.other;
    p.outcome =
      other && other.segmentIds.includes(p.segmentId) && random() < other.share
        ? other.outcome
        : outcomes.usual;
    p.outcomeDate = min(addDays(p.completed!, 20 + Math.floor(random() * 50)), rosterDate);
  }
  for (const p of [...completers].sort((a, b) => b.drive - a.drive).slice(0, story.topLearners))
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

function learnerOn(plan: Plan, story: RosterStory, p: History, date: string): RosterLearner {
  const learnerId = `${story.person.id}${p.n}`;
  const email = `${story.person.email}${p.n}@example.org`;
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
  const firstSeen = story.imports.find((i) => i.date >= p.invited)?.date ?? date;
  return {
    key: learnerKey(learnerId, email),
    learnerId,
    email,
    name: `${story.person.name} ${p.n}`,
    segmentId: p.segmentId,
    cohortId: p.cohortId,
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

function courseRowsOf(
  plan: Plan,
  story: RosterStory,
  p: History,
  learner: RosterLearner,
): RosterCourseRow[] {
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
  if (optional > 0 && story.optional.length > 0) {
    const itemId = story.optional[Number(p.n) % story.optional.length]!;
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
 * A story's roster as exported on `date` (default: its newest export): fake
 * learners only, with their per-course rows.
 */
export function storyRoster(
  plan: Plan,
  story: RosterStory,
  date: string = storyRosterDate(story),
): SyntheticRoster {
  const learners: RosterLearner[] = [];
  const courseRows: RosterCourseRow[] = [];
  for (const p of histories(plan, story)) {
    if (p.invited > date) continue;
    const learner = learnerOn(plan, story, p, date);
    learners.push(learner);
    courseRows.push(...courseRowsOf(plan, story, p, learner));
  }
  return { learners, courseRows };
}

/** The aggregates of each of a story's roster imports, oldest first (what `plan.manage.progress` holds). */
export function storyProgress(plan: Plan, story: RosterStory): ProgressSnapshot[] {
  return story.imports.map(({ date, importedAt }) =>
    snapshotOf(storyRoster(plan, story, date).learners, date, importedAt),
  );
}

/** A roster with every date moved by `months` whole months (as `sampleAsOf` moves the plan's). */
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
