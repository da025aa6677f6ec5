/**
 * Plan health for Content in use and Skills-first KPIs (issue 14): an item
 * past its review date, made content over its decision's capacity to
 * maintain, and a role with nobody at a critical capability's level — each
 * pointing at its section, and all reached through checkPlanHealth.
 */
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import { setAuditEntry } from '../../shared/commands/content-audit';
import { blankDecision } from '../../shared/commands/make-or-buy';
import { checkPlanHealth } from '../../shared/health/check';
import { contentFindingsOn, skillsFirstFindings } from '../../shared/manage/content-health';
import { createBlankPlan } from '../../shared/plan/create';
import { Plan as PlanSchema, type Plan } from '../../shared/plan/schema';
import { english } from './health-english';

function run(plan: Plan, command: Command): Plan {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
}

function makePlan(): Plan {
  const base = createBlankPlan('Health', new Date('2027-01-01T00:00:00Z'));
  const decision = blankDecision('Regional module', 'mob-1');
  let plan = PlanSchema.parse({
    ...base,
    content: {
      catalog: [
        { id: 'made', title: 'Regional module', kind: 'inHouseModule' },
        { id: 'other', title: 'Bought course' },
      ],
      decisions: [
        {
          ...decision,
          decision: 'make',
          raters: [{ id: 'r', name: 'Rater' }],
          ratings: { r: { 'mob-1-crit-maintain': 2 } },
        },
      ],
    },
    skillsMap: {
      holders: [
        { id: 'role', name: 'Analyst', kind: 'role' },
        { id: 'p', name: 'Pat', kind: 'person', roleId: 'role' },
      ],
      skills: [{ id: 'sql', name: 'SQL' }],
      assessments: [
        { holderId: 'role', skillId: 'sql', required: 3 },
        { holderId: 'p', skillId: 'sql', current: 2 },
      ],
      capabilities: [{ id: 'cap', initiative: 'Sales dashboard', skillIds: ['sql'] }],
    },
  });
  plan = run(
    plan,
    setAuditEntry({
      itemId: 'made',
      patch: {
        reviewDate: '2027-03-01',
        owner: 'Dana',
        decisionId: 'mob-1',
        maintenanceHoursPerYear: 60,
      },
    }),
  );
  return plan;
}

describe('content and skills-first health', () => {
  const plan = makePlan();

  it('finds an item past its review date and made content over its capacity to maintain', () => {
    const findings = contentFindingsOn(plan, '2027-04-01');
    expect(findings.map((f) => [f.rule, f.target])).toEqual([
      ['content-review-overdue', { section: 'contentInUse', elementId: 'made' }],
      ['maintenance-over-capacity', { section: 'contentInUse', elementId: 'made' }],
    ]);
    expect(english(findings[0]!.message)).toBe(
      'The catalog item “Regional module” was due for review on 1 March 2027 (owner: Dana): review it and record the review, or give it a new date.',
    );
    expect(english(findings[1]!.message)).toContain(
      'needs 60 h of maintenance a year, more than the 40 h',
    );
    expect(contentFindingsOn(plan, '2027-02-01').map((f) => f.rule)).toEqual([
      'maintenance-over-capacity',
    ]);
  });

  it('finds a role with nobody at the level a critical capability needs', () => {
    const findings = skillsFirstFindings(plan);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'role-without-qualified-holder',
      target: { section: 'skillsFirst', elementId: 'cap' },
    });
    expect(english(findings[0]!.message)).toContain('Nobody in the role “Analyst” holds “SQL”');
  });

  it('are part of the plan’s health check', () => {
    const rules = checkPlanHealth(plan).map((f) => f.rule);
    expect(rules).toContain('maintenance-over-capacity');
    expect(rules).toContain('role-without-qualified-holder');
  });
});
