/**
 * Plan health for reviews and iteration (Manage, issue 14): no review for
 * more than REVIEW_EVERY_MONTHS months while the program runs (the Manage
 * phase has started and not ended); an assumption marked broken at the
 * latest review that judged it, with no decision recorded at that review;
 * and lessons carried into this version still to act on.
 */
import { HEALTH_RULES, type Finding } from '../health/types';
import { date, list, message, phrase, quoted } from '../health/words';
import type { Plan } from '../plan/schema';
import { shiftDate } from '../plan/sample';
import { localToday } from '../stakeholders/schedule';
import { assumptionStandings, latestReview } from './reviews';

/** A program in its Manage phase is reviewed at least this often (quarterly). */
export const REVIEW_EVERY_MONTHS = 3;

/** The rule ids of these findings (registered in health/types.ts HEALTH_RULES). */
export const REVIEW_RULES = {
  overdue: HEALTH_RULES.reviewOverdue,
  brokenUndecided: HEALTH_RULES.assumptionBrokenUndecided,
  lessonsOpen: HEALTH_RULES.carriedLessonsOpen,
} as const;

/** The review and iteration findings on a given day (YYYY-MM-DD). */
export function reviewFindingsOn(plan: Plan, today: string): Finding[] {
  const findings: Finding[] = [];
  const { start, end } = plan.objective.timeline.manage;
  const running = start !== null && start <= today && (end === null || today <= end);
  const latest = latestReview(plan);
  if (running) {
    const since = latest && latest.date > start ? latest.date : start;
    const due = shiftDate(since, REVIEW_EVERY_MONTHS);
    if (due < today)
      findings.push({
        id: `${REVIEW_RULES.overdue}:plan`,
        rule: REVIEW_RULES.overdue,
        severity: 'warning',
        message: latest
          ? message('reviewOverdue.since', {
              date: date(latest.date),
              months: REVIEW_EVERY_MONTHS,
              due: date(due),
            })
          : message('reviewOverdue.none', { start: date(start), months: REVIEW_EVERY_MONTHS }),
        target: { section: 'reviews', elementId: null },
      });
  }

  const reviews = new Map(plan.manage.reviews.map((r) => [r.id, r]));
  const nodes = new Map(plan.theoryOfChange.nodes.map((n) => [n.id, n]));
  for (const [nodeId, standing] of assumptionStandings(plan.manage.reviews)) {
    const node = nodes.get(nodeId);
    if (standing.status !== 'broken' || !node || node.kind !== 'assumption') continue;
    const review = reviews.get(standing.reviewId);
    if (!review || review.decisions.trim()) continue;
    findings.push({
      id: `${REVIEW_RULES.brokenUndecided}:${nodeId}`,
      rule: REVIEW_RULES.brokenUndecided,
      severity: 'warning',
      message: message('assumptionBrokenUndecided', {
        assumption: quoted(node.title),
        date: date(review.date),
      }),
      target: { section: 'reviews', elementId: review.id },
    });
  }

  const open = plan.manage.iteration.carriedActions.filter((a) => !a.done);
  if (open.length > 0) {
    const listed = list(
      open.slice(0, 3).map((a) => quoted(a.text)),
      'unit',
    );
    const lessons =
      open.length > 3 ? phrase('listAndMore', { items: listed, count: open.length - 3 }) : listed;
    findings.push({
      id: `${REVIEW_RULES.lessonsOpen}:plan`,
      rule: REVIEW_RULES.lessonsOpen,
      severity: 'warning',
      message: message('carriedLessonsOpen', { count: open.length, lessons }),
      target: { section: 'objective', elementId: null },
    });
  }
  return findings;
}

/** The review and iteration findings today. */
export function reviewFindings(plan: Plan): Finding[] {
  return reviewFindingsOn(plan, localToday());
}
