/**
 * Plan health for learner progress (Manage, issue 14), from the dated
 * roster snapshots the plan keeps (the roster itself is on this computer
 * only, so the checks read its aggregates):
 * - the latest import is older than ROSTER_STALE_DAYS while the program runs
 *   (progress, KPIs from the roster and follow-ups go stale with it);
 * - learners of the latest import without a segment, though the plan has
 *   segments (the export's segment values matched none, or it had none):
 *   progress by segment leaves them out;
 * - learners of the latest import counted under a segment or cohort no
 *   longer in the plan.
 */
import { HEALTH_RULES, type Finding } from '../health/types';
import { date, message } from '../health/words';
import type { Plan } from '../plan/schema';
import { localToday } from '../stakeholders/schedule';
import { daysBefore } from './roster';

/** Days after which the latest roster import counts as old. */
export const ROSTER_STALE_DAYS = 45;

/** The rule ids of these findings (registered in health/types.ts HEALTH_RULES). */
export const ROSTER_RULES = {
  stale: HEALTH_RULES.rosterStale,
  withoutSegment: HEALTH_RULES.rosterWithoutSegment,
  groupGone: HEALTH_RULES.rosterGroupGone,
} as const;

/** The findings about learner progress on a given day (YYYY-MM-DD). */
export function rosterFindingsOn(plan: Plan, today: string): Finding[] {
  const list = plan.manage.progress;
  const latest = list[list.length - 1];
  if (!latest) return [];
  const findings: Finding[] = [];
  const target = { section: 'roster', elementId: null } as const;
  const manageEnd = plan.objective.timeline.manage.end;
  const running = !manageEnd || manageEnd >= today;
  if (running && latest.date < daysBefore(today, ROSTER_STALE_DAYS))
    findings.push({
      id: ROSTER_RULES.stale,
      rule: ROSTER_RULES.stale,
      severity: 'warning',
      message: message('rosterStale', { date: date(latest.date), days: ROSTER_STALE_DAYS }),
      target,
    });
  const none = latest.bySegment['']?.learners ?? 0;
  if (none > 0 && plan.learners.length > 0)
    findings.push({
      id: ROSTER_RULES.withoutSegment,
      rule: ROSTER_RULES.withoutSegment,
      severity: 'warning',
      message: message('rosterWithoutSegment', { count: none, date: date(latest.date) }),
      target,
    });
  const segments = new Set(plan.learners.map((s) => s.id));
  const cohorts = new Set(plan.manage.cohorts.map((c) => c.id));
  const goneSegments = Object.entries(latest.bySegment).filter(
    ([id, c]) => id !== '' && !segments.has(id) && c.learners > 0,
  );
  const goneCohorts = Object.entries(latest.byCohort).filter(
    ([id, c]) => id !== '' && !cohorts.has(id) && c.learners > 0,
  );
  const gone = [...goneSegments, ...goneCohorts].reduce((s, [, c]) => s + c.learners, 0);
  if (gone > 0)
    findings.push({
      id: ROSTER_RULES.groupGone,
      rule: ROSTER_RULES.groupGone,
      severity: 'info',
      message: message('rosterGroupGone', {
        count: gone,
        date: date(latest.date),
        groups:
          goneSegments.length && goneCohorts.length
            ? 'both'
            : goneSegments.length
              ? 'segment'
              : 'cohort',
      }),
      target,
    });
  return findings;
}

/** The findings about learner progress today. */
export function rosterFindings(plan: Plan): Finding[] {
  return rosterFindingsOn(plan, localToday());
}
