/**
 * Plan health for the launch communications (shared/launch/communication-health.ts):
 * no send date, a launch or registration e-mail after the launch start, and
 * fields the plan cannot fill — each pointing at the communication.
 */
import { describe, expect, it } from 'vitest';
import { checkPlanHealth } from '../../shared/health/check';
import { draftCommunication } from '../../shared/launch/communication-drafts';
import {
  COMMUNICATION_RULES,
  communicationFindings,
} from '../../shared/launch/communication-health';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';
import { english } from './health-english';

const sample = samplePlan();

function withComms(plan: Plan, edit: (p: Plan) => void): Plan {
  const copy = structuredClone(plan);
  edit(copy);
  return copy;
}

describe('communication health', () => {
  it('finds nothing in the sample', () => {
    expect(communicationFindings(sample)).toEqual([]);
  });

  it('flags a communication without a send date, unless it is sent', () => {
    const plan = withComms(sample, (p) => {
      p.launch.communications[3]!.send = null;
      p.launch.communications[2]!.send = null;
      p.launch.communications[2]!.status = 'sent';
    });
    const unscheduled = communicationFindings(plan).filter(
      (f) => f.rule === COMMUNICATION_RULES.unscheduled,
    );
    expect(unscheduled.map((f) => f.target.elementId)).toEqual(['comm-wave2-reminder']);
    expect(english(unscheduled[0]!.message)).toBe(
      'The communication “Your place is waiting: wave 2 reminder” has no send date: give it one so it goes out on time.',
    );
  });

  it('flags a registration e-mail after the launch start and a launch e-mail after the launch phase', () => {
    const plan = withComms(sample, (p) => {
      p.launch.communications[0]!.send = { anchor: 'date', date: '2027-04-03' };
      p.launch.communications[1]!.send = { anchor: 'launch', offsetDays: 61 };
      // A reminder late in the launch is fine.
      p.launch.communications[3]!.send = { anchor: 'launch', offsetDays: 90 };
    });
    const late = communicationFindings(plan).filter(
      (f) => f.rule === COMMUNICATION_RULES.afterLaunch,
    );
    expect(late.map((f) => [f.target.elementId, f.severity])).toEqual([
      ['comm-registration', 'warning'],
      ['comm-launch', 'warning'],
    ]);
    expect(english(late[0]!.message)).toBe(
      'The registration e-mail “You’re registered for Digital Futures” goes out on 3 April 2027, 2 days after the launch start (1 April 2027). Send it before the launch, or combine it with the launch e-mail for people who register later.',
    );
    expect(english(late[1]!.message)).toBe(
      'The launch e-mail “Digital Futures is open: start your first lesson today” goes out on 1 June 2027, after the launch phase ends (31 May 2027): registered learners would wait the whole launch without it. Send it when the program opens.',
    );
  });

  it('flags fields the plan cannot fill, with what to do', () => {
    const plan = withComms(sample, (p) => {
      p.launch.details.registrationLink = '';
      p.launch.communications.push({
        ...draftCommunication('reminder', 'c-new'),
        body: 'Hi {first name}, register at {registrationLink}',
      });
    });
    const unfilled = communicationFindings(plan).filter(
      (f) => f.rule === COMMUNICATION_RULES.unfilledFields,
    );
    expect(unfilled.map((f) => f.target.elementId)).toEqual([
      'comm-launch',
      'comm-wave2-reminder',
      'c-new',
    ]);
    expect(english(unfilled[2]!.message)).toBe(
      'The communication “Reminder” has 2 fields the plan cannot fill: “{first name}” is not a merge field — use Insert field, or write it as plain text; Registration link is not set — add it in Launch details.',
    );
  });

  it('is part of the plan’s health check', () => {
    const plan = withComms(sample, (p) => {
      p.launch.communications[3]!.send = null;
    });
    const found = checkPlanHealth(plan).filter((f) => f.target.section === 'communications');
    expect(found.map((f) => f.rule)).toEqual([COMMUNICATION_RULES.unscheduled]);
  });
});
