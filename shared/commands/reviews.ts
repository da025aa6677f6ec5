/**
 * Commands of the Reviews & cohorts section (Manage): reviews (date, cohort,
 * summary, lessons, decisions), how each theory-of-change assumption stands
 * at a review, the lessons as actions, cohorts, the lessons carried into the
 * next version (ticked off in the Plan phase), and "Start next cohort" — one
 * step that records the kept snapshot, moves to the next version, carries the
 * open actions and optionally adds the next cohort.
 *
 * The snapshot itself (the whole plan) is written to the local database by
 * the caller before dispatching; undoing the step drops it from the list of
 * kept versions (the stored copy stays until the plan is purged, so a redo
 * finds it again).
 */
import { englishTranslator } from '../i18n/english';
import { baseOf, findById, replaceContents } from '../plan/drafts';
import type { AssumptionCheck, Cohort, Review, ReviewAction } from '../plan/schema';
import { actionsToCarry, reviewsToCarry, type CarryFrom } from '../manage/reviews';
import { CommandRefusal, defineCommand, quoted, stepDate } from './command';
import { defineListCommands } from './lists';

const SECTION = 'reviews' as const;

/** Commands of the reviews list. Add a review made by `blankReview` (assumptions pre-listed). */
export const reviews = defineListCommands<Review>({
  kind: 'review',
  section: SECTION,
  list: (plan) => plan.manage.reviews,
  titleOf: (r, t) => t('commands:reviews.reviewOf', { date: stepDate(t, r.date) }),
  fields: {
    date: 'date',
    cohortId: 'cohort',
    summary: 'summary',
    lessons: 'whatWasLearned',
    decisions: 'decisions',
  },
});

/** Commands of a review's actions (lessons to act on); `parentId` is the review's id. */
export const reviewActions = defineListCommands<ReviewAction>({
  kind: 'reviewAction',
  section: SECTION,
  list: (plan, reviewId) =>
    reviewId === undefined ? undefined : findById(plan.manage.reviews, reviewId)?.actions,
  titleOf: (a) => a.text,
  fields: { text: 'wording', section: 'sectionToActIn', done: 'done' },
});

/** The fields of an assumption check that can be set. */
export type AssumptionCheckPatch = Partial<Omit<AssumptionCheck, 'nodeId'>>;

/**
 * Sets how one assumption stands at a review (status, note, KPI evidence);
 * adds the assumption to the review when it is not listed yet (an element
 * made an assumption after the review was opened).
 */
export const setAssumptionCheck = defineCommand<{
  reviewId: string;
  nodeId: string;
  patch: AssumptionCheckPatch;
}>({
  type: 'review.setAssumption',
  label({ nodeId, patch }, plan, t = englishTranslator) {
    const keys = Object.keys(patch) as (keyof AssumptionCheckPatch)[];
    const field = keys.length === 1 ? keys[0]! : 'judgement';
    const title = quoted(plan.theoryOfChange.nodes.find((n) => n.id === nodeId)?.title);
    return title
      ? t('commands:reviews.editAssumptionCheckTitled', { field, title })
      : t('commands:reviews.editAssumptionCheck', { field });
  },
  coalesce: ({ reviewId, nodeId, patch }) =>
    `review.setAssumption:${reviewId}:${nodeId}:${Object.keys(patch).sort().join(',')}`,
  locate: ({ reviewId }) => ({ section: SECTION, focus: reviewId }),
  apply(draft, { reviewId, nodeId, patch }) {
    const review = findById(draft.manage.reviews, reviewId);
    if (!review) throw CommandRefusal.of('reviewGone');
    const index = baseOf(review.assumptions).findIndex((c) => c.nodeId === nodeId);
    if (index >= 0) {
      Object.assign(review.assumptions[index]!, patch);
      return;
    }
    review.assumptions.push({ nodeId, status: 'holding', kpiIds: [], note: '', ...patch });
  },
});

/** Commands of the cohorts list; deleting a cohort clears it from reviews and kept versions. */
export const cohorts = defineListCommands<Cohort>({
  kind: 'cohort',
  section: SECTION,
  list: (plan) => plan.manage.cohorts,
  titleOf: (c) => c.name,
  fields: { name: 'name', start: 'start', end: 'end', notes: 'notes' },
  onRemove(plan, ids) {
    for (const review of plan.manage.reviews) {
      if (review.cohortId !== null && ids.has(review.cohortId)) review.cohortId = null;
    }
    for (const version of plan.manage.iteration.previousVersions) {
      if (version.cohortId !== null && ids.has(version.cohortId)) version.cohortId = null;
    }
  },
});

/** Commands of the lessons carried into this version (a checklist on the Objective). */
export const carriedActions = defineListCommands<ReviewAction>({
  kind: 'carriedAction',
  section: 'objective',
  list: (plan) => plan.manage.iteration.carriedActions,
  titleOf: (a) => a.text,
  fields: { text: 'wording', section: 'sectionToActIn', done: 'done' },
});

/** Sets the name of this version of the plan. */
export const setVersionName = defineCommand<{ name: string }>({
  type: 'iteration.setVersionName',
  label: (_args, _plan, t = englishTranslator) => t('commands:reviews.editVersionName'),
  coalesce: () => 'iteration.setVersionName',
  locate: () => ({ section: SECTION }),
  apply(draft, { name }) {
    draft.manage.iteration.versionName = name;
  },
});

/** Arguments of "Start next cohort"; ids and times come from the caller. */
export interface StartNextCohortArgs {
  /** The kept snapshot's id (its row in the local database). */
  readonly versionId: string;
  /** The kept snapshot's name ("Version 1 — Spring cohort"). */
  readonly keptName: string;
  readonly keptAt: string;
  /** The cohort the kept version ran; null when not said. */
  readonly keptCohortId: string | null;
  /** The new version's name. */
  readonly nextVersionName: string;
  /** The next cohort to add, or null. */
  readonly nextCohort: Cohort | null;
}

/**
 * Starts the next cohort in one step: lists the kept snapshot among the
 * earlier versions, moves to the next version number and name, carries the
 * open actions not carried before of every review since the previous
 * version was kept (of all reviews when none was kept; the latest review in
 * any case — see `reviewsToCarry`), once each by id, beside the carried ones
 * still open (done ones were acted on and stay in the kept version, except
 * those of the reviews carried from, which stay ticked so they are not
 * carried twice), and adds the next cohort when given.
 */
export const startNextCohort = defineCommand<StartNextCohortArgs>({
  type: 'iteration.startNextCohort',
  label: ({ nextCohort }, _plan, t = englishTranslator) =>
    nextCohort
      ? t('commands:reviews.startNextCohort', { name: quoted(nextCohort.name) })
      : t('commands:reviews.startNextVersion'),
  locate: () => ({ section: SECTION }),
  apply(draft, args) {
    const iteration = draft.manage.iteration;
    if (baseOf(iteration.previousVersions).some((v) => v.id === args.versionId)) {
      throw CommandRefusal.of('versionAlreadyKept');
    }
    // Which reviews to carry from depends on the previous kept version: read before listing this one.
    const plan: CarryFrom = {
      manage: {
        reviews: baseOf(draft.manage.reviews),
        iteration: {
          previousVersions: baseOf(iteration.previousVersions),
          carriedActions: baseOf(iteration.carriedActions),
        },
      },
    };
    const inScope = new Set(reviewsToCarry(plan).flatMap((r) => r.actions.map((a) => a.id)));
    const fresh = actionsToCarry(plan).actions.map((a) => ({
      id: a.id,
      text: a.text,
      section: a.section,
      done: false,
    }));
    iteration.previousVersions.push({
      id: args.versionId,
      name: args.keptName,
      keptAt: args.keptAt,
      cohortId: args.keptCohortId,
    });
    iteration.versionNumber = Math.min(10_000, iteration.versionNumber + 1);
    iteration.versionName = args.nextVersionName;
    // Kept: lessons still open, and the carried reviews' lessons already ticked
    // off (so they are not carried again while those reviews are carried from).
    const carried = baseOf(iteration.carriedActions);
    const kept = carried.filter((a) => !a.done || inScope.has(a.id));
    replaceContents(iteration.carriedActions, [...kept, ...fresh]);
    if (
      args.nextCohort &&
      !baseOf(draft.manage.cohorts).some((c) => c.id === args.nextCohort!.id)
    ) {
      draft.manage.cohorts.push(args.nextCohort);
    }
  },
});
