/** Skills map (issue 10): how levels were found, when they were refreshed, critical capabilities. */
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import {
  blankCapability,
  criticalCapabilities,
  mapSkills,
  setCapabilitySkill,
  setHolderAssessment,
  setProficiency,
  skillHolders,
} from '../../shared/commands/pathways';
import { createBlankPlan } from '../../shared/plan/create';
import type { Plan } from '../../shared/plan/schema';

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

function mapped(): Plan {
  let plan = createBlankPlan('Skills');
  plan = run(
    plan,
    skillHolders.add({ item: { id: 'r1', name: 'Analyst', kind: 'role', roleId: null } }),
  ).plan;
  plan = run(plan, mapSkills.add({ item: { id: 's1', name: 'SQL' } })).plan;
  plan = run(plan, mapSkills.add({ item: { id: 's2', name: 'Python' } })).plan;
  plan = run(
    plan,
    setProficiency({ holderId: 'r1', skillId: 's1', which: 'required', level: 4 }),
  ).plan;
  plan = run(
    plan,
    setProficiency({ holderId: 'r1', skillId: 's2', which: 'current', level: 2 }),
  ).plan;
  return plan;
}

describe('skills map commands', () => {
  it('set how a role’s levels were found and when they were refreshed, for every rated skill', () => {
    const plan = mapped();
    const assessed = run(
      plan,
      setHolderAssessment({ holderId: 'r1', patch: { source: 'assessed' } }),
    );
    expect(assessed.label).toBe('Set how levels were found for “Analyst”');
    expect(assessed.location).toEqual({ section: 'pathways', focus: 'r1' });
    expect(assessed.plan.skillsMap.assessments.map((a) => a.source)).toEqual([
      'assessed',
      'assessed',
    ]);
    const refreshed = run(
      assessed.plan,
      setHolderAssessment({ holderId: 'r1', patch: { refreshedAt: '2026-11-02' } }),
    );
    expect(refreshed.plan.skillsMap.assessments.map((a) => a.refreshedAt)).toEqual([
      '2026-11-02',
      '2026-11-02',
    ]);
    expect(
      runCommand(plan, setHolderAssessment({ holderId: 'r1', patch: { refreshedAt: 'soon' } })),
    ).toEqual({ ok: false, reason: 'A refresh date is a calendar date.' });
  });

  it('add, edit and remove critical capabilities and the skills they need', () => {
    let plan = mapped();
    plan = run(plan, criticalCapabilities.add({ item: blankCapability('c1') })).plan;
    const edited = run(
      plan,
      criticalCapabilities.update({
        id: 'c1',
        patch: { initiative: 'Self-service analytics', gapDecision: 'developInternally' },
      }),
    );
    expect(edited.plan.skillsMap.capabilities[0]).toMatchObject({
      initiative: 'Self-service analytics',
      gapDecision: 'developInternally',
    });
    const needs = run(
      edited.plan,
      setCapabilitySkill({ capabilityId: 'c1', skillId: 's1', needed: true }),
    );
    expect(needs.label).toBe('Add “SQL” to “Self-service analytics”');
    expect(needs.plan.skillsMap.capabilities[0]!.skillIds).toEqual(['s1']);
    // Removing the skill from the map removes it from the capability.
    const gone = run(needs.plan, mapSkills.remove({ ids: ['s1'] }));
    expect(gone.plan.skillsMap.capabilities[0]!.skillIds).toEqual([]);
    expect(
      run(needs.plan, criticalCapabilities.remove({ ids: ['c1'] })).plan.skillsMap.capabilities,
    ).toEqual([]);
  });
});
