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
  /** The snapshot date of the import that first listed the learner, and of the last that changed them. */
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
