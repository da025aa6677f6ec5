/**
 * Plan health for the launch communications: a communication without a send
 * date; a registration e-mail scheduled after the launch start (it should
 * prepare learners for the launch, or be combined with the launch e-mail); a
 * launch e-mail after the launch phase has ended; and a subject or text with plan
 * fields the plan cannot fill (or names that are not fields), which would
 * reach learners as gaps.
 */
import { HEALTH_RULES, type Finding } from '../health/types';
import { quoteTitle } from '../health/words';
import type { Plan } from '../plan/schema';
import { kindLabel } from './communication-drafts';
import { fillCommunication } from './merge-fields';
import { longDate } from '../long-date';
import { daysFrom, launchStart, resolveLaunchDate } from './onboarding';

/** The rule ids of these findings (registered in health/types.ts HEALTH_RULES). */
export const COMMUNICATION_RULES = {
  unscheduled: HEALTH_RULES.communicationUnscheduled,
  afterLaunch: HEALTH_RULES.communicationAfterLaunch,
  unfilledFields: HEALTH_RULES.communicationUnfilledFields,
} as const;

/** The findings about the plan's communications. */
export function communicationFindings(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const start = launchStart(plan);
  const end = plan.objective.timeline.launch.end;
  for (const c of plan.launch.communications) {
    const title = quoteTitle(c.title.trim() || kindLabel(c.kind));
    const target = { section: 'communications', elementId: c.id } as const;
    if (c.status === 'sent') continue;
    if (!c.send)
      findings.push({
        id: `${COMMUNICATION_RULES.unscheduled}:${c.id}`,
        rule: COMMUNICATION_RULES.unscheduled,
        severity: 'warning',
        message: `The communication ${title} has no send date: give it one so it goes out on time.`,
        target,
      });
    else if (start && c.kind === 'registrationEmail') {
      // A registration e-mail prepares learners for the launch; after it, the
      // brief's advice is to combine it with the launch e-mail.
      const date = resolveLaunchDate(c.send, start);
      const late = date ? daysFrom(start, date) : 0;
      if (date && late > 0)
        findings.push({
          id: `${COMMUNICATION_RULES.afterLaunch}:${c.id}`,
          rule: COMMUNICATION_RULES.afterLaunch,
          severity: 'warning',
          message: `The registration e-mail ${title} goes out on ${longDate(date)}, ${late} day${late === 1 ? '' : 's'} after the launch start (${longDate(start)}). Send it before the launch, or combine it with the launch e-mail for people who register later.`,
          target,
        });
    } else if (start && end && c.kind === 'launchEmail') {
      // The launch e-mail goes out when the program opens, within the launch
      // phase (the sample opens learning 11 days after its invitations start).
      const date = resolveLaunchDate(c.send, start);
      if (date && daysFrom(end, date) > 0)
        findings.push({
          id: `${COMMUNICATION_RULES.afterLaunch}:${c.id}`,
          rule: COMMUNICATION_RULES.afterLaunch,
          severity: 'warning',
          message: `The launch e-mail ${title} goes out on ${longDate(date)}, after the launch phase ends (${longDate(end)}): registered learners would wait the whole launch without it. Send it when the program opens.`,
          target,
        });
    }
    const problems = fillCommunication(plan, c).problems;
    if (problems.length > 0)
      findings.push({
        id: `${COMMUNICATION_RULES.unfilledFields}:${c.id}`,
        rule: COMMUNICATION_RULES.unfilledFields,
        severity: 'warning',
        message: `The communication ${title} has ${problems.length === 1 ? 'a field' : `${problems.length} fields`} the plan cannot fill: ${problems.map((p) => p.message).join('; ')}.`,
        target,
      });
  }
  return findings;
}
