/** Issue 14: Plan health reads the roster's dated aggregates — an old import, learners without a segment, groups removed from the plan. */
import { describe, expect, it } from 'vitest';
import { checkPlanHealth } from '../../shared/health/check';
import { snapshotOf } from '../../shared/manage/roster';
import { rosterFindingsOn } from '../../shared/manage/roster-health';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { createBlankPlan } from '../../shared/plan/create';
import { LearnerSegment, type Plan } from '../../shared/plan/schema';
import { english } from './health-english';

function planWith(date: string, dropSegment = false): Plan {
  const blank = createBlankPlan('Health', new Date('2026-01-01T00:00:00Z'));
  const base: Plan = {
    ...blank,
    learners: [
      LearnerSegment.parse({ id: 'seg-a', name: 'A' }),
      LearnerSegment.parse({ id: 'seg-b', name: 'B' }),
    ],
  };
  const { learners } = syntheticRoster(base, { learners: 400, seed: 9, asOf: date });
  const snapshot = snapshotOf(learners, date, `${date}T08:00:00.000Z`);
  return {
    ...base,
    learners: dropSegment ? base.learners.slice(0, 1) : base.learners,
    manage: { ...base.manage, progress: [snapshot] },
  };
}

describe('roster health', () => {
  it('says nothing without a snapshot', () => {
    expect(rosterFindingsOn(createBlankPlan('x'), '2026-06-01')).toEqual([]);
  });

  it('flags an import older than 45 days while the program runs, in the roster section', () => {
    const plan = planWith('2026-03-01');
    const stale = rosterFindingsOn(plan, '2026-05-01').find((f) => f.rule === 'roster-stale');
    expect(english(stale!.message)).toMatch(/1 March 2026, more than 45 days ago/);
    expect(stale?.target).toEqual({ section: 'roster', elementId: null });
    expect(rosterFindingsOn(plan, '2026-04-01').some((f) => f.rule === 'roster-stale')).toBe(false);
    const ended = {
      ...plan,
      objective: {
        ...plan.objective,
        timeline: { ...plan.objective.timeline, manage: { start: null, end: '2026-04-01' } },
      },
    };
    expect(rosterFindingsOn(ended, '2026-05-01').some((f) => f.rule === 'roster-stale')).toBe(
      false,
    );
  });

  it('flags learners without a segment and learners in a segment the plan no longer has', () => {
    const plan = planWith('2026-03-01', true);
    const rules = rosterFindingsOn(plan, '2026-03-02').map((f) => f.rule);
    expect(rules).toEqual(['roster-without-segment', 'roster-group-gone']);
    // Registered with the other rules.
    expect(checkPlanHealth(plan).some((f) => f.rule === 'roster-group-gone')).toBe(true);
  });
});
