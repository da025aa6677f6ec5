/** Issue 14: a roster import's aggregates enter the plan as one named, undoable step (and leave it as one). */
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import { recordRosterSnapshot, removeRosterSnapshot } from '../../shared/commands/roster';
import { snapshotOf } from '../../shared/manage/roster';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { createBlankPlan } from '../../shared/plan/create';
import { Plan as PlanSchema, type Plan } from '../../shared/plan/schema';

function run(plan: Plan, command: Command): Plan {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
}

const blank = () => createBlankPlan('Roster', new Date('2026-01-01T00:00:00Z'));
const snap = (plan: Plan, date: string, n = 50) =>
  snapshotOf(
    syntheticRoster(plan, { learners: n, seed: 1, asOf: date, courseRows: false }).learners,
    date,
    `${date}T09:00:00.000Z`,
  );

describe('roster commands', () => {
  it('records snapshots in date order, one per date, as named steps', () => {
    const plan0 = blank();
    const outcome = runCommand(
      plan0,
      recordRosterSnapshot({ snapshot: snap(plan0, '2026-03-31') }),
    );
    expect(outcome.ok && outcome.label).toBe('Import learner progress of 31 March 2026');
    expect(outcome.ok && outcome.location).toEqual({ section: 'roster' });
    let plan = run(plan0, recordRosterSnapshot({ snapshot: snap(plan0, '2026-03-31') }));
    plan = run(plan, recordRosterSnapshot({ snapshot: snap(plan0, '2026-01-31') }));
    plan = run(plan, recordRosterSnapshot({ snapshot: snap(plan0, '2026-02-28', 80) }));
    plan = run(plan, recordRosterSnapshot({ snapshot: snap(plan0, '2026-02-28', 90) }));
    expect(plan.manage.progress.map((s) => [s.date, s.total.learners])).toEqual([
      ['2026-01-31', 50],
      ['2026-02-28', 90],
      ['2026-03-31', 50],
    ]);
    // What the plan keeps is valid and holds no person.
    expect(PlanSchema.parse(plan)).toEqual(plan);
    expect(JSON.stringify(plan)).not.toContain('@example.org');
    expect(JSON.stringify(plan)).not.toContain('Learner 0');
    // Undo is the plan before: the snapshot is gone again.
    expect(plan0.manage.progress).toEqual([]);
  });

  it('removes a snapshot by date and refuses a bad or missing one', () => {
    const plan0 = blank();
    const plan = run(plan0, recordRosterSnapshot({ snapshot: snap(plan0, '2026-03-31') }));
    expect(run(plan, removeRosterSnapshot({ date: '2026-03-31' })).manage.progress).toEqual([]);
    expect(runCommand(plan, removeRosterSnapshot({ date: '2026-01-01' })).ok).toBe(false);
    const bad = { ...snap(plan0, '2026-03-31'), date: 'yesterday' };
    expect(runCommand(plan0, recordRosterSnapshot({ snapshot: bad })).ok).toBe(false);
  });
});
