/**
 * A synthetic learner roster (issue 14): obviously fake people — "Learner
 * 00001", learner00001@example.org, platform id L00001 — with realistic
 * spreads of dates, hours, completions and outcomes over a plan's segments,
 * cohorts, pathways and catalog. Deterministic for a seed, so tests, benches
 * and the sample plan's demonstrations see the same roster every time. Never
 * real people.
 */
import type { Plan } from '../plan/schema';
import {
  daysBefore,
  learnerKey,
  type JobOutcome,
  type RosterCourseRow,
  type RosterLearner,
} from './roster';

/** Options of `syntheticRoster`. */
export interface SyntheticRosterOptions {
  /** How many learners. */
  readonly learners: number;
  /** The seed (the same seed, plan and options give the same roster). Default 1. */
  readonly seed?: number;
  /** The day the roster describes (YYYY-MM-DD): no date falls after it. */
  readonly asOf: string;
  /** Days before `asOf` over which invitations spread. Default 180. */
  readonly spanDays?: number;
  /** Whether to make per-course rows (learner × course). Default true. */
  readonly courseRows?: boolean;
}

/** A synthetic roster. */
export interface SyntheticRoster {
  readonly learners: RosterLearner[];
  readonly courseRows: RosterCourseRow[];
}

/** A small, fast seeded generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Picks an index by weights (all zero: uniformly). */
function weighted(random: () => number, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total <= 0) return Math.floor(random() * weights.length);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

const after = (date: string, days: number, cap: string) => {
  const d = daysBefore(date, -Math.round(days));
  return d > cap ? cap : d;
};

/**
 * A roster of `learners` fake learners for `plan`, as of `asOf`: about 80 %
 * registered, most of them enrolled, activity tailing off with time,
 * around a third completed, hours skewed (many a little, a few a lot), job
 * outcomes for about a third of completers; segments weighted by their
 * expected participants, cohorts by their dates (or evenly), pathways
 * matching the segment, courses from the pathway's steps (else the
 * catalog), skill scores from the pathway's required skills. About 3 % of
 * learners have no segment, as in real exports.
 */
export function syntheticRoster(plan: Plan, options: SyntheticRosterOptions): SyntheticRoster {
  const random = seededRandom(options.seed ?? 1);
  const span = options.spanDays ?? 180;
  const { asOf } = options;
  const width = Math.max(5, String(options.learners).length);
  const segments = plan.learners;
  const segmentWeights = segments.map((s) => s.expectedParticipants ?? s.estimatedSize ?? 1);
  const cohorts = plan.manage.cohorts;
  const pathways = plan.content.pathways;
  const catalog = new Map(plan.content.catalog.map((c) => [c.id, c]));
  const pathwaysOf = new Map<string | null, typeof pathways>();
  for (const s of [...segments.map((s) => s.id), null]) {
    const matching = pathways.filter((p) => s !== null && p.segmentIds.includes(s));
    pathwaysOf.set(s, matching.length ? matching : pathways);
  }
  const catalogList = [...catalog.values()];
  const start = daysBefore(asOf, span);
  const learners: RosterLearner[] = new Array(options.learners);
  const courseRows: RosterCourseRow[] = [];
  const withCourses = options.courseRows ?? true;

  for (let i = 0; i < options.learners; i++) {
    const n = pad(i + 1, width);
    const segment =
      segments.length && random() >= 0.03 ? segments[weighted(random, segmentWeights)]! : null;
    const invitedOffset = Math.floor(random() * span);
    const invited = daysBefore(start, -invitedOffset);
    // The cohort whose dates hold the invitation (else the nearest start before it), else evenly.
    let cohortId: string | null = null;
    if (cohorts.length) {
      const dated = cohorts
        .filter((c) => c.start !== null && c.start <= invited)
        .sort((a, b) => (a.start! < b.start! ? 1 : -1));
      cohortId = (dated[0] ?? cohorts[Math.floor(random() * cohorts.length)]!).id;
    }
    const options_ = pathwaysOf.get(segment?.id ?? null) ?? [];
    const pathway = options_.length ? options_[Math.floor(random() * options_.length)]! : null;
    const registered = random() < 0.8 ? after(invited, random() * 14, asOf) : null;
    const enrolled = registered && random() < 0.88 ? after(registered, random() * 7, asOf) : null;
    // Engagement: a learner's "drive" shapes hours, activity and completion.
    const drive = random() ** 1.6;
    const daysIn = enrolled ? (Date.parse(asOf) - Date.parse(enrolled)) / 86_400_000 : 0;
    const steps = pathway?.steps.length
      ? pathway.steps.map((s) => s.contentItemId).filter((id) => catalog.has(id))
      : [];
    const pool = steps.length ? steps : catalogList.map((c) => c.id);
    const coursesEnrolled = enrolled
      ? Math.max(1, Math.min(pool.length || 3, 1 + Math.floor(drive * 5)))
      : 0;
    const completes = enrolled !== null && drive > 0.55 && daysIn > 21 && random() < 0.85;
    const coursesCompleted = completes
      ? coursesEnrolled
      : enrolled
        ? Math.floor(coursesEnrolled * drive * random())
        : 0;
    const hours = enrolled
      ? Math.round(
          Math.min(daysIn / 7, 40) * (pathway?.hoursPerWeek ?? 4) * drive * (0.4 + random()) * 10,
        ) / 10
      : 0;
    const completed =
      completes && enrolled ? after(enrolled, 21 + random() * (daysIn - 21), asOf) : null;
    let lastActivity: string | null = null;
    if (enrolled) {
      const quiet = completes ? random() * 40 : (1 - drive) * random() * Math.max(daysIn, 1);
      const last = daysBefore(asOf, Math.round(quiet));
      lastActivity = last < enrolled ? enrolled : last;
      if (completed && lastActivity < completed) lastActivity = completed;
    }
    let jobOutcome: JobOutcome = 'none';
    if (completed) {
      const r = random();
      jobOutcome =
        r < 0.22
          ? 'placed'
          : r < 0.28
            ? 'promoted'
            : r < 0.32
              ? 'retained'
              : r < 0.35
                ? 'selfEmployed'
                : 'none';
    }
    const skillScores: Record<string, number> = {};
    if (enrolled && pathway)
      for (const skill of pathway.requiredSkills.slice(0, 3))
        skillScores[skill] = Math.round(Math.min(100, 30 + drive * 60 + random() * 20));
    const learnerId = `L${n}`;
    const email = `learner${n}@example.org`;
    const learner: RosterLearner = {
      key: learnerKey(learnerId, email),
      learnerId,
      email,
      name: `Learner ${n}`,
      segmentId: segment?.id ?? null,
      cohortId,
      pathwayId: pathway?.id ?? null,
      invited,
      registered,
      enrolled,
      completed,
      lastActivity,
      coursesEnrolled,
      coursesCompleted,
      hours,
      skillScores,
      jobOutcome,
      topLearner: false,
      firstSeen: asOf,
      updated: asOf,
    };
    learners[i] = learner;
    if (withCourses && enrolled && pool.length) {
      const first = steps.length ? 0 : Math.floor(random() * pool.length);
      for (let c = 0; c < coursesEnrolled; c++) {
        const itemId = pool[(first + c) % pool.length]!;
        const done = c < coursesCompleted;
        courseRows.push({
          learnerKey: learner.key,
          itemId,
          course: catalog.get(itemId)?.title ?? itemId,
          status: done ? 'completed' : c === coursesCompleted ? 'inProgress' : 'enrolled',
          hours: Math.round((hours / coursesEnrolled) * 10) / 10,
          lastActivity: c <= coursesCompleted ? lastActivity : null,
          completed: done ? (completed ?? lastActivity) : null,
        });
      }
    }
  }
  return { learners, courseRows };
}
