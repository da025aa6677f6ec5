/**
 * Plan health for the launch communications: a communication without a send
 * date; a registration e-mail scheduled after the launch start (it should
 * prepare learners for the launch, or be combined with the launch e-mail); a
 * launch e-mail after the launch phase has ended; and a subject or text with plan
 * fields the plan cannot fill (or names that are not fields), which would
 * reach learners as gaps.
 */
import { HEALTH_RULES, type Finding, type MessageValue } from '../health/types';
import { date, list, message, phrase, quoted } from '../health/words';
import type { Plan } from '../plan/schema';
import { fillCommunication, type MergeProblem } from './merge-fields';
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
    const title = quoted(c.title, phrase('communicationKind', { kind: c.kind }));
    const target = { section: 'communications', elementId: c.id } as const;
    if (c.status === 'sent') continue;
    if (!c.send)
      findings.push({
        id: `${COMMUNICATION_RULES.unscheduled}:${c.id}`,
        rule: COMMUNICATION_RULES.unscheduled,
        severity: 'warning',
        message: message('communicationUnscheduled', { communication: title }),
        target,
      });
    else if (start && c.kind === 'registrationEmail') {
      // A registration e-mail prepares learners for the launch; after it, the
      // brief's advice is to combine it with the launch e-mail.
      const sent = resolveLaunchDate(c.send, start);
      const late = sent ? daysFrom(start, sent) : 0;
      if (sent && late > 0)
        findings.push({
          id: `${COMMUNICATION_RULES.afterLaunch}:${c.id}`,
          rule: COMMUNICATION_RULES.afterLaunch,
          severity: 'warning',
          message: message('communicationAfterLaunch.registration', {
            communication: title,
            date: date(sent),
            days: late,
            start: date(start),
          }),
          target,
        });
    } else if (start && end && c.kind === 'launchEmail') {
      // The launch e-mail goes out when the program opens, within the launch
      // phase (the sample opens learning 11 days after its invitations start).
      const sent = resolveLaunchDate(c.send, start);
      if (sent && daysFrom(end, sent) > 0)
        findings.push({
          id: `${COMMUNICATION_RULES.afterLaunch}:${c.id}`,
          rule: COMMUNICATION_RULES.afterLaunch,
          severity: 'warning',
          message: message('communicationAfterLaunch.launch', {
            communication: title,
            date: date(sent),
            end: date(end),
          }),
          target,
        });
    }
    const problems = fillCommunication(plan, c).problems;
    if (problems.length > 0)
      findings.push({
        id: `${COMMUNICATION_RULES.unfilledFields}:${c.id}`,
        rule: COMMUNICATION_RULES.unfilledFields,
        severity: 'warning',
        message: message('communicationUnfilledFields', {
          communication: title,
          count: problems.length,
          problems: list(
            problems.map((p) => mergeProblem(plan, p)),
            'semicolon',
          ),
        }),
        target,
      });
  }
  return findings;
}

/**
 * A merge problem in words (as merge-fields.ts writes it in English): a plan
 * field without a value, a registration link that is not a web address (the
 * field is filled, yet missing), or a name in braces that is not a field.
 */
function mergeProblem(plan: Plan, problem: MergeProblem): MessageValue {
  if (problem.kind === 'unknown')
    return phrase('mergeFieldUnknown', { name: quoted(`{${problem.name}}`) });
  if (problem.name === 'registrationLink' && plan.launch.details.registrationLink.trim())
    return phrase('mergeFieldInvalidLink');
  return phrase('mergeFieldMissing', { field: problem.name });
}
