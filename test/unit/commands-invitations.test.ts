/** Issue 13: the invitation planner's commands — ratio, funnel rates, waves, CSV layout — each one undoable step. */
import { describe, expect, it } from 'vitest';
import { setLicences } from '../../shared/commands/budget';
import { runCommand, type Command } from '../../shared/commands/command';
import {
  invitationWaves,
  setCsvLayout,
  setFunnelRate,
  setInvitationRatio,
} from '../../shared/commands/invitations';
import { invitationSummary } from '../../shared/launch/invitations';
import { createBlankPlan } from '../../shared/plan/create';
import { Plan as PlanSchema, type Plan } from '../../shared/plan/schema';

function run(plan: Plan, command: Command): Plan {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
}

const blank = () => createBlankPlan('Invitations', new Date('2026-01-01T00:00:00Z'));

describe('invitation commands', () => {
  it('sets licences and ratio, and the invitations needed follow', () => {
    let plan = run(blank(), setLicences({ licences: 5000 }));
    plan = run(plan, setInvitationRatio({ ratio: 1.5 }));
    expect(invitationSummary(plan).needed).toBe(7500);
    plan = run(plan, setInvitationRatio({ ratio: 2.25 }));
    expect(invitationSummary(plan).needed).toBe(11_250);
  });

  it('keeps the ratio within 1.5–2.25 and refuses a ratio that is not a number', () => {
    expect(run(blank(), setInvitationRatio({ ratio: 3 })).launch.invitations.ratio).toBe(2.25);
    expect(run(blank(), setInvitationRatio({ ratio: 1 })).launch.invitations.ratio).toBe(1.5);
    expect(runCommand(blank(), setInvitationRatio({ ratio: Number.NaN })).ok).toBe(false);
  });

  it('coalesces typing in the ratio and in one rate, with named steps', () => {
    const outcome = runCommand(blank(), setFunnelRate({ rate: 'active', value: 80 }));
    expect(outcome.ok && outcome.label).toBe('Edit activation rate');
    expect(outcome.ok && outcome.coalesceKey).toBe('invitations.setRate:active');
    const ratio = runCommand(blank(), setInvitationRatio({ ratio: 2 }));
    expect(ratio.ok && ratio.coalesceKey).toBe('invitations.setRatio');
    expect(ratio.ok && ratio.location).toEqual({ section: 'invitations' });
  });

  it('keeps rates within 0–100 and whole', () => {
    const plan = run(blank(), setFunnelRate({ rate: 'registered', value: 140 }));
    expect(plan.launch.invitations.rates.registered).toBe(100);
    expect(
      run(plan, setFunnelRate({ rate: 'completing', value: 55.6 })).launch.invitations.rates
        .completing,
    ).toBe(56);
  });

  it('adds, edits and deletes waves, leaving a plan the schema accepts', () => {
    let plan = run(
      blank(),
      invitationWaves.add({
        item: { id: 'w1', name: 'Wave 1', date: { anchor: 'launch', offsetDays: 0 }, share: 60 },
      }),
    );
    plan = run(
      plan,
      invitationWaves.add({ item: { id: 'w2', name: 'Wave 2', date: null, share: 40 } }),
    );
    plan = run(
      plan,
      invitationWaves.update({ id: 'w2', patch: { date: { anchor: 'date', date: '2027-05-01' } } }),
    );
    expect(plan.launch.invitations.waves.map((w) => w.name)).toEqual(['Wave 1', 'Wave 2']);
    expect(plan.launch.invitations.waves[1]!.date).toEqual({ anchor: 'date', date: '2027-05-01' });
    const label = runCommand(plan, invitationWaves.update({ id: 'w1', patch: { share: 50 } }));
    expect(label.ok && label.label).toBe('Edit share of “Wave 1”');
    plan = run(plan, invitationWaves.remove({ ids: ['w1'] }));
    expect(plan.launch.invitations.waves.map((w) => w.id)).toEqual(['w2']);
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });

  it('chooses the CSV layout', () => {
    expect(run(blank(), setCsvLayout({ layout: 'google' })).launch.invitations.csvLayout).toBe(
      'google',
    );
  });
});
