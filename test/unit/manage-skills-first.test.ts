/**
 * Skills-first KPIs (issue 14): share of roles filled by qualified talent,
 * time to close a skill gap from dated assessments, critical capabilities per
 * initiative with their gaps, and the people who hold a skill whatever their
 * role — with the commands that record a dated assessment and set a role.
 */
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import { recordAssessment, setPersonRole } from '../../shared/commands/skills-first';
import { skillHolders } from '../../shared/commands/pathways';
import { commit, createHistory, undo } from '../../shared/history';
import {
  capabilitiesByInitiative,
  datedLevels,
  findPeopleWithSkill,
  indexSkills,
  median,
  qualifiedTalent,
  rolesWithoutQualifiedHolder,
  timeToClose,
} from '../../shared/manage/skills-first';
import { createBlankPlan } from '../../shared/plan/create';
import { Plan as PlanSchema, type Plan } from '../../shared/plan/schema';

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

function refusal(plan: Plan, command: Command): string {
  const outcome = runCommand(plan, command);
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.reason;
}

const cell = (
  holderId: string,
  skillId: string,
  over: {
    required?: number | null;
    current?: number | null;
    source?: 'assessed' | 'selfReported';
    refreshedAt?: string | null;
    history?: { date: string; current: number; source?: 'assessed' | 'selfReported' }[];
  },
) => ({ holderId, skillId, ...over });

function makePlan(): Plan {
  const base = createBlankPlan('Skills', new Date('2027-01-01T00:00:00Z'));
  return PlanSchema.parse({
    ...base,
    skillsMap: {
      holders: [
        { id: 'role-it', name: 'IT technician', kind: 'role' },
        { id: 'role-data', name: 'Data analyst', kind: 'role' },
        { id: 'ana', name: 'Ana', kind: 'person', roleId: 'role-it' },
        { id: 'ben', name: 'Ben', kind: 'person', roleId: 'role-it' },
        { id: 'cy', name: 'Cy', kind: 'person', roleId: 'role-data' },
        { id: 'dee', name: 'Dee', kind: 'person', roleId: null },
      ],
      skills: [
        { id: 'net', name: 'Networking' },
        { id: 'os', name: 'Operating systems' },
        { id: 'sql', name: 'SQL' },
      ],
      assessments: [
        cell('role-it', 'net', { required: 3 }),
        cell('role-it', 'os', { required: 2 }),
        cell('role-data', 'sql', { required: 4 }),
        // Ana: qualified (net 3 assessed, os 2); closed a networking gap in 45 days.
        cell('ana', 'net', {
          current: 3,
          source: 'assessed',
          refreshedAt: '2027-03-17',
          history: [
            { date: '2027-01-31', current: 1, source: 'selfReported' },
            { date: '2027-02-15', current: 2, source: 'assessed' },
          ],
        }),
        cell('ana', 'os', { current: 2, source: 'assessed', refreshedAt: '2027-01-31' }),
        // Ben: networking 2 — still a gap, opened 2027-02-01.
        cell('ben', 'net', { current: 2, source: 'selfReported', refreshedAt: '2027-02-01' }),
        cell('ben', 'os', { current: 4, source: 'selfReported', refreshedAt: '2027-02-01' }),
        // Cy: SQL 4, after 3 → 4 in 10 days.
        cell('cy', 'sql', {
          current: 4,
          source: 'assessed',
          refreshedAt: '2027-04-11',
          history: [{ date: '2027-04-01', current: 3, source: 'assessed' }],
        }),
        // Dee has no role, but networking 4 (self-reported) and SQL 5 (assessed).
        cell('dee', 'net', { current: 4, source: 'selfReported', refreshedAt: '2027-02-01' }),
        cell('dee', 'sql', { current: 5, source: 'assessed', refreshedAt: '2027-02-01' }),
      ],
      capabilities: [
        {
          id: 'cap-network',
          initiative: 'Open two branch offices',
          skillIds: ['net', 'os'],
          gapDecision: 'developInternally',
          milestone: 'Branch network live',
          milestoneDate: '2027-09-01',
        },
        {
          id: 'cap-data',
          initiative: 'Monthly sales dashboard',
          skillIds: ['sql'],
          gapDecision: 'hire',
        },
        { id: 'cap-offices-2', initiative: 'Open two branch offices', skillIds: ['sql', 'ghost'] },
      ],
    },
  });
}

describe('skills-first KPIs', () => {
  const plan = makePlan();
  const index = indexSkills(plan.skillsMap);

  it('share of roles filled by qualified talent: people meeting every required level of their role', () => {
    const q = qualifiedTalent(index);
    expect(q).toMatchObject({ positions: 3, qualified: 2, share: 2 / 3 });
    expect(q.roles).toEqual([
      {
        roleId: 'role-it',
        name: 'IT technician',
        requirements: 2,
        people: ['ana', 'ben'],
        qualified: ['ana'],
      },
      {
        roleId: 'role-data',
        name: 'Data analyst',
        requirements: 1,
        people: ['cy'],
        qualified: ['cy'],
      },
    ]);
    expect(
      qualifiedTalent(indexSkills(PlanSchema.parse({ ...plan, skillsMap: {} }).skillsMap)).share,
    ).toBeNull();
  });

  it('time to close a skill gap: first below required to first at or above, median over closed gaps', () => {
    const t = timeToClose(index);
    expect(t.gaps).toEqual([
      {
        holderId: 'ana',
        skillId: 'net',
        required: 3,
        opened: '2027-01-31',
        closed: '2027-03-17',
        days: 45,
      },
      {
        holderId: 'ben',
        skillId: 'net',
        required: 3,
        opened: '2027-02-01',
        closed: null,
        days: null,
      },
      {
        holderId: 'cy',
        skillId: 'sql',
        required: 4,
        opened: '2027-04-01',
        closed: '2027-04-11',
        days: 10,
      },
    ]);
    expect(t).toMatchObject({ closed: 2, open: 1, medianDays: 27.5 });
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
  });

  it('reads a cell’s levels oldest first, the current one at its refresh date', () => {
    const ana = plan.skillsMap.assessments.find(
      (a) => a.holderId === 'ana' && a.skillId === 'net',
    )!;
    expect(datedLevels(ana).map((l) => [l.date, l.level, l.source])).toEqual([
      ['2027-01-31', 1, 'selfReported'],
      ['2027-02-15', 2, 'assessed'],
      ['2027-03-17', 3, 'assessed'],
    ]);
  });

  it('critical capabilities per initiative, with the gap per role and the decision and milestone', () => {
    const groups = capabilitiesByInitiative(index);
    expect(groups.map((g) => [g.initiative, g.capabilities.map((c) => c.capability.id)])).toEqual([
      ['Open two branch offices', ['cap-network', 'cap-offices-2']],
      ['Monthly sales dashboard', ['cap-data']],
    ]);
    const network = groups[0]!.capabilities[0]!;
    expect(network.gap).toBe(false);
    expect(network.capability).toMatchObject({
      gapDecision: 'developInternally',
      milestone: 'Branch network live',
    });
    expect(network.skills.map((s) => [s.skillId, s.status, s.roles])).toEqual([
      ['net', 'covered', [{ roleId: 'role-it', required: 3, people: 2, atLevel: 1 }]],
      ['os', 'covered', [{ roleId: 'role-it', required: 2, people: 2, atLevel: 2 }]],
    ]);
    // A skill no longer in the map is skipped.
    expect(groups[0]!.capabilities[1]!.skills.map((s) => s.skillId)).toEqual(['sql']);
    expect(rolesWithoutQualifiedHolder(index)).toEqual([]);
  });

  it('finds a role with nobody at a critical capability’s level (only when the map tracks people)', () => {
    const weaker = run(
      plan,
      recordAssessment({
        holderId: 'cy',
        skillId: 'sql',
        date: '2027-05-01',
        level: 2,
        source: 'assessed',
      }),
    ).plan;
    const idx = indexSkills(weaker.skillsMap);
    expect(rolesWithoutQualifiedHolder(idx)).toEqual([
      {
        capabilityId: 'cap-offices-2',
        initiative: 'Open two branch offices',
        roleId: 'role-data',
        roleName: 'Data analyst',
        skillIds: ['sql'],
      },
      {
        capabilityId: 'cap-data',
        initiative: 'Monthly sales dashboard',
        roleId: 'role-data',
        roleName: 'Data analyst',
        skillIds: ['sql'],
      },
    ]);
    expect(capabilitiesByInitiative(idx)[1]!.capabilities[0]!.gap).toBe(true);
    const rolesOnly = PlanSchema.parse({
      ...plan,
      skillsMap: {
        ...plan.skillsMap,
        holders: plan.skillsMap.holders.filter((h) => h.kind === 'role'),
      },
    });
    expect(rolesWithoutQualifiedHolder(indexSkills(rolesOnly.skillsMap))).toEqual([]);
  });

  it('staff for outcomes: people with a skill at a level or above, whatever their role, assessed first', () => {
    expect(
      findPeopleWithSkill(index, 'net', 3).map((p) => [p.name, p.level, p.source, p.roleName]),
    ).toEqual([
      ['Dee', 4, 'selfReported', ''],
      ['Ana', 3, 'assessed', 'IT technician'],
    ]);
    expect(findPeopleWithSkill(index, 'net', 3, true).map((p) => p.name)).toEqual(['Ana']);
    expect(findPeopleWithSkill(index, 'sql', 4).map((p) => [p.name, p.roleName])).toEqual([
      ['Dee', ''],
      ['Cy', 'Data analyst'],
    ]);
    // Roles are not people.
    expect(findPeopleWithSkill(index, 'sql', 0).some((p) => p.holderId.startsWith('role-'))).toBe(
      false,
    );
  });
});

describe('skills-first commands', () => {
  const plan = makePlan();
  const cellOf = (p: Plan, holderId: string, skillId: string) =>
    p.skillsMap.assessments.find((a) => a.holderId === holderId && a.skillId === skillId);

  it('record a dated assessment: the previous current level moves into the history', () => {
    const outcome = run(
      plan,
      recordAssessment({
        holderId: 'ben',
        skillId: 'net',
        date: '2027-05-02',
        level: 3,
        source: 'assessed',
      }),
    );
    expect(outcome.label).toBe('Record “Networking” level of “Ben” on 2027-05-02');
    expect(outcome.location).toEqual({ section: 'skillsFirst', focus: 'ben' });
    expect(cellOf(outcome.plan, 'ben', 'net')).toEqual({
      holderId: 'ben',
      skillId: 'net',
      required: null,
      current: 3,
      source: 'assessed',
      refreshedAt: '2027-05-02',
      history: [{ date: '2027-02-01', current: 2, source: 'selfReported' }],
    });
    // The gap closes: 2027-02-01 → 2027-05-02 is 90 days.
    const gap = timeToClose(indexSkills(outcome.plan.skillsMap)).gaps.find(
      (g) => g.holderId === 'ben',
    )!;
    expect(gap).toMatchObject({ closed: '2027-05-02', days: 90 });
    const history = commit(createHistory(plan), outcome.plan, { name: outcome.label }, 0);
    expect(undo(history).present).toBe(plan);
  });

  it('an older assessment goes into the history in date order; the same day replaces the current level', () => {
    const older = run(
      plan,
      recordAssessment({
        holderId: 'ana',
        skillId: 'net',
        date: '2027-02-01',
        level: 1,
        source: 'assessed',
      }),
    ).plan;
    expect(cellOf(older, 'ana', 'net')!.history.map((h) => h.date)).toEqual([
      '2027-01-31',
      '2027-02-01',
      '2027-02-15',
    ]);
    expect(cellOf(older, 'ana', 'net')!.current).toBe(3);
    const same = run(
      plan,
      recordAssessment({
        holderId: 'ana',
        skillId: 'net',
        date: '2027-03-17',
        level: 4,
        source: 'assessed',
      }),
    ).plan;
    expect(cellOf(same, 'ana', 'net')).toMatchObject({ current: 4, refreshedAt: '2027-03-17' });
    expect(cellOf(same, 'ana', 'net')!.history).toHaveLength(2);
  });

  it('a first assessment makes the cell; bad input is refused', () => {
    const made = run(
      plan,
      recordAssessment({
        holderId: 'cy',
        skillId: 'net',
        date: '2027-06-01',
        level: 2,
        source: 'selfReported',
      }),
    ).plan;
    expect(cellOf(made, 'cy', 'net')).toMatchObject({
      current: 2,
      refreshedAt: '2027-06-01',
      history: [],
    });
    const args = {
      holderId: 'cy',
      skillId: 'net',
      date: '2027-06-01',
      level: 2,
      source: 'assessed' as const,
    };
    expect(refusal(plan, recordAssessment({ ...args, level: 6 }))).toMatch(/0 to 5/);
    expect(refusal(plan, recordAssessment({ ...args, date: 'June' }))).toMatch(/calendar date/);
    expect(refusal(plan, recordAssessment({ ...args, holderId: 'ghost' }))).toMatch(
      /not in the skills map/,
    );
  });

  it('set a person’s role, or clear it; only people fill roles, only roles are filled', () => {
    const outcome = run(plan, setPersonRole({ holderId: 'dee', roleId: 'role-data' }));
    expect(outcome.label).toBe('Set the role of “Dee” to “Data analyst”');
    expect(outcome.plan.skillsMap.holders.find((h) => h.id === 'dee')!.roleId).toBe('role-data');
    expect(qualifiedTalent(indexSkills(outcome.plan.skillsMap))).toMatchObject({
      positions: 4,
      qualified: 3,
    });
    expect(run(plan, setPersonRole({ holderId: 'ana', roleId: null })).label).toBe(
      'Clear the role of “Ana”',
    );
    expect(refusal(plan, setPersonRole({ holderId: 'role-it', roleId: 'role-data' }))).toMatch(
      /Only a person/,
    );
    expect(refusal(plan, setPersonRole({ holderId: 'ana', roleId: 'ben' }))).toMatch(
      /not in the skills map/,
    );
  });

  it('removing a role clears it from the people who filled it', () => {
    const removed = run(plan, skillHolders.remove({ ids: ['role-it'] })).plan;
    expect(removed.skillsMap.holders.filter((h) => h.roleId === 'role-it')).toEqual([]);
    expect(removed.skillsMap.holders.find((h) => h.id === 'ana')!.roleId).toBeNull();
  });
});
