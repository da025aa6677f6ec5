/**
 * The sample plan's synthetic roster (shared/manage/sample-roster.ts): fake
 * people only, deterministic, and the source of the plan's progress
 * snapshots and roster-counted KPI actuals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncRosterActuals } from '../../shared/manage/kpis';
import { snapshotOf } from '../../shared/manage/roster';
import {
  SAMPLE_ROSTER_DATE,
  sampleProgress,
  sampleRoster,
  shiftRoster,
} from '../../shared/manage/sample-roster';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';

function samplePlan(): Plan {
  const text = readFileSync(
    join(
      import.meta.dirname,
      '..',
      '..',
      'resources',
      'sample-plans',
      'youth-digital-skills.upskill.json',
    ),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

const plan = samplePlan();
const manage = plan.manage;
const segments = new Set(plan.learners.map((s) => s.id));

describe('the sample’s synthetic roster (fake people only)', () => {
  const roster = sampleRoster(plan);

  it('holds only obviously fake people, the same every time', () => {
    expect(roster.learners).toHaveLength(412);
    roster.learners.forEach((l, i) => {
      const n = String(i + 1).padStart(5, '0');
      expect(l.name).toBe(`Learner ${n}`);
      expect(l.email).toBe(`learner${n}@example.org`);
      expect(l.learnerId).toBe(`L${n}`);
    });
    expect(sampleRoster(plan)).toEqual(roster);
  });

  it('tells the pilot’s story: 412 invited, 286 enrolled, 118 completed at the close, 120 by 15 November, 34 placed', () => {
    const last = snapshotOf(roster.learners, SAMPLE_ROSTER_DATE, '2026-11-16T08:30:00Z').total;
    expect(last).toMatchObject({ invited: 412, enrolled: 286, completed: 120, placed: 34 });
    const close = snapshotOf(
      sampleRoster(plan, '2026-10-31').learners,
      '2026-10-31',
      '2026-11-02T08:55:00Z',
    );
    expect(close.total).toMatchObject({ enrolled: 286, completed: 118 });
    for (const l of roster.learners) {
      expect(l.cohortId).toBe('cohort-pilot-2026');
      expect(segments).toContain(l.segmentId);
      if (l.completed) expect(l.completed >= l.enrolled!).toBe(true);
      if (l.lastActivity) expect(l.lastActivity <= SAMPLE_ROSTER_DATE).toBe(true);
    }
    const catalog = new Set(plan.content.catalog.map((c) => c.id));
    for (const row of roster.courseRows) expect(catalog).toContain(row.itemId);
  });

  it('is what the plan’s progress snapshots and roster-counted KPI actuals were counted from', () => {
    expect(manage.progress).toEqual(sampleProgress(plan));
    expect(manage.progress.at(-1)!.date).toBe(SAMPLE_ROSTER_DATE);
    const synced = structuredClone(plan);
    syncRosterActuals(synced);
    expect(synced.manage.kpis).toEqual(manage.kpis);
  });

  it('moves with the sample’s dates', () => {
    const moved = shiftRoster(roster, 3);
    expect(moved.learners[0]!.invited).toBe('2026-07-06');
    expect(moved.learners.every((l) => l.updated === '2027-02-15')).toBe(true);
    expect(shiftRoster(roster, 0)).toBe(roster);
  });
});
