/**
 * Plan health for reviews and iteration (Manage, issue 14): no review for
 * more than REVIEW_EVERY_MONTHS months while the program runs (the Manage
 * phase has started and not ended); an assumption marked broken at the
 * latest review that judged it, with no decision recorded at that review;
 * and lessons carried into this version still to act on.
 */
import { HEALTH_RULES, type Finding } from '../health/types';
import { quoteTitle } from '../health/words';
import { longDate } from '../long-date';
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
          ? `No review since ${longDate(latest.date)}: a running program is reviewed at least every ${REVIEW_EVERY_MONTHS} months (one was due by ${longDate(due)}). Hold a review and judge each assumption against the KPIs.`
          : `No review yet, and the Manage phase started on ${longDate(start)}: a running program is reviewed at least every ${REVIEW_EVERY_MONTHS} months. Hold a first review and judge each assumption against the KPIs.`,
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
      message: `The assumption ${quoteTitle(node.title)} was marked broken at the review of ${longDate(review.date)}, which records no decision. Say what the program will change because of it.`,
      target: { section: 'reviews', elementId: review.id },
    });
  }

  const open = plan.manage.iteration.carriedActions.filter((a) => !a.done);
  if (open.length > 0) {
    const listed = open
      .slice(0, 3)
      .map((a) => quoteTitle(a.text))
      .join(', ');
    const more = open.length > 3 ? ` and ${open.length - 3} more` : '';
    findings.push({
      id: `${REVIEW_RULES.lessonsOpen}:plan`,
      rule: REVIEW_RULES.lessonsOpen,
      severity: 'warning',
      message: `${open.length === 1 ? 'A lesson' : `${open.length} lessons`} carried from the reviews ${open.length === 1 ? 'is' : 'are'} still to act on in this version: ${listed}${more}. Tick ${open.length === 1 ? 'it' : 'each'} off on the Objective once done.`,
      target: { section: 'objective', elementId: null },
    });
  }
  return findings;
}

/** The review and iteration findings today. */
export function reviewFindings(plan: Plan): Finding[] {
  return reviewFindingsOn(plan, localToday());
}
