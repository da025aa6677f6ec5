/**
 * Reviews of a running program (Manage): the order of reviews, how each
 * theory-of-change assumption stood at the latest review that judged it
 * (for the canvas badge and Plan health), a new review pre-listing every
 * assumption with its last status, and the lessons still to act on.
 */
import type {
  AssumptionCheck,
  AssumptionStatus,
  Plan,
  PlanVersion,
  Review,
  ReviewAction,
} from '../plan/schema';

/** Words for each assumption status (never colour alone). */
export const ASSUMPTION_STATUS_LABEL: Record<AssumptionStatus, string> = {
  holding: 'Holding',
  atRisk: 'At risk',
  broken: 'Broken',
};

/** The order statuses are offered in. */
export const ASSUMPTION_STATUSES: readonly AssumptionStatus[] = ['holding', 'atRisk', 'broken'];

/** How an assumption stood at the latest review that judged it. */
export interface AssumptionStanding {
  readonly status: AssumptionStatus;
  readonly note: string;
  readonly kpiIds: readonly string[];
  readonly reviewId: string;
  readonly date: string;
}

/** Reviews newest first (by date; of two on the same date, the later in the list first). */
export function reviewsNewestFirst(reviews: readonly Review[]): Review[] {
  return reviews
    .map((review, index) => ({ review, index }))
    .sort((a, b) =>
      a.review.date === b.review.date ? b.index - a.index : a.review.date < b.review.date ? 1 : -1,
    )
    .map((x) => x.review);
}

/** The latest review, or null when there is none. */
export function latestReview(plan: Plan): Review | null {
  return reviewsNewestFirst(plan.manage.reviews)[0] ?? null;
}

/** The theory-of-change assumptions (elements of kind `assumption`), in canvas order. */
export function assumptionNodes(plan: Plan) {
  return plan.theoryOfChange.nodes.filter((n) => n.kind === 'assumption');
}

const standingCache = new WeakMap<readonly Review[], Map<string, AssumptionStanding>>();

/**
 * Each assumption's standing at the latest review that judged it, by node id.
 * Computed once per reviews list (memoised on the array, which a command
 * replaces when it changes), so a canvas of thousands of elements looks up
 * its badges in a map instead of scanning reviews per element.
 */
export function assumptionStandings(reviews: readonly Review[]): Map<string, AssumptionStanding> {
  const cached = standingCache.get(reviews);
  if (cached) return cached;
  const map = new Map<string, AssumptionStanding>();
  for (const review of reviewsNewestFirst(reviews)) {
    for (const check of review.assumptions) {
      if (map.has(check.nodeId)) continue;
      map.set(check.nodeId, {
        status: check.status,
        note: check.note,
        kpiIds: check.kpiIds,
        reviewId: review.id,
        date: review.date,
      });
    }
  }
  standingCache.set(reviews, map);
  return map;
}

/**
 * A new review on `date`: every assumption of the theory of change listed
 * with its status, note and evidence from the last review that judged it
 * (`holding` when never judged), ready to confirm or change.
 */
export function blankReview(plan: Plan, id: string, date: string): Review {
  const standings = assumptionStandings(plan.manage.reviews);
  const assumptions: AssumptionCheck[] = assumptionNodes(plan).map((node) => {
    const last = standings.get(node.id);
    return {
      nodeId: node.id,
      status: last?.status ?? 'holding',
      kpiIds: last ? [...last.kpiIds] : [],
      note: last?.note ?? '',
    };
  });
  return {
    id,
    date,
    cohortId: null,
    summary: '',
    lessons: '',
    decisions: '',
    assumptions,
    actions: [],
  };
}

/** What carrying actions reads of a plan (a plan, or these lists of an edit's draft). */
export interface CarryFrom {
  readonly manage: {
    readonly reviews: readonly Review[];
    readonly iteration: {
      readonly previousVersions: readonly PlanVersion[];
      readonly carriedActions: readonly ReviewAction[];
    };
  };
}

/**
 * The reviews whose open actions "Start next cohort" carries, oldest first:
 * every review dated on or after the day the previous version was kept
 * (every review when none was kept yet), and the latest review in any case
 * (actions added to it after the last start are carried too). A review
 * added after the latest one, with no actions yet, so no longer hides the
 * earlier review's open actions.
 */
export function reviewsToCarry(plan: CarryFrom): Review[] {
  const newestFirst = reviewsNewestFirst(plan.manage.reviews);
  const latest = newestFirst[0];
  let since: string | null = null;
  for (const v of plan.manage.iteration.previousVersions) {
    const day = v.keptAt.slice(0, 10);
    if (since === null || day > since) since = day;
  }
  return newestFirst
    .filter((r) => r.id === latest?.id || since === null || r.date >= since)
    .reverse();
}

/** The open actions to carry, de-duplicated by id, and the reviews they come from (oldest first). */
export interface ActionsToCarry {
  readonly actions: ReviewAction[];
  readonly reviews: Review[];
}

/**
 * The open actions of `reviewsToCarry` not carried yet (by id, once each,
 * the first review's wording winning), with the reviews they come from.
 */
export function actionsToCarry(plan: CarryFrom): ActionsToCarry {
  const seen = new Set(plan.manage.iteration.carriedActions.map((a) => a.id));
  const actions: ReviewAction[] = [];
  const reviews: Review[] = [];
  for (const review of reviewsToCarry(plan)) {
    let any = false;
    for (const action of review.actions) {
      if (action.done || seen.has(action.id)) continue;
      seen.add(action.id);
      actions.push(action);
      any = true;
    }
    if (any) reviews.push(review);
  }
  return { actions, reviews };
}
