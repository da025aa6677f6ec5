/**
 * Version 1 → 2: one measurement framework (indicators list every element
 * they measure; success measures are indicators) and a budget. Every earlier
 * fixture is opened at the current version by plan-model.test.ts; this file
 * checks what the step does to the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migratePlan, PLAN_MIGRATIONS, type RawPlan } from '../../shared/plan/migrations';
import { readPlanFile } from '../../shared/plan/plan-file';
import { PLAN_SCHEMA_VERSION } from '../../shared/plan/schema';

const dir = join(__dirname, '..', 'fixtures', 'plan-files');

const v1 = (extra: RawPlan = {}): RawPlan => ({
  schemaVersion: 1,
  id: 'p1',
  name: 'Plan',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/** The step alone: version 1 brought to version 2. */
const toV2 = (raw: RawPlan) => migratePlan(raw, PLAN_MIGRATIONS, 2);

describe('plan migration 1 → 2', () => {
  it('is registered, first of the chain to the current version', () => {
    expect(PLAN_MIGRATIONS[0]?.from).toBe(1);
    expect(PLAN_MIGRATIONS.map((m) => m.from)).toEqual(
      Array.from({ length: PLAN_SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    );
  });

  it('turns an indicator subject into a list of subjects', () => {
    const result = toV2(
      v1({ indicators: [{ id: 'i1', subjectId: 'toc-1', name: 'Starts', unit: 'learners' }] }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.schemaVersion).toBe(2);
    expect(result.plan.indicators).toEqual([
      { id: 'i1', subjectIds: ['toc-1'], name: 'Starts', unit: 'learners' },
    ]);
  });

  it('moves success measures into indicators, keeping baseline, target, date and kind', () => {
    const result = toV2(
      v1({
        objective: {
          programName: 'X',
          successMeasures: [
            {
              id: 'm1',
              kind: 'wages',
              name: 'Median wage',
              unit: 'EUR',
              baseline: 1480,
              target: 1750,
              targetDate: '2028-06-30',
            },
          ],
        },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.objective).toEqual({ programName: 'X' });
    expect(result.plan.indicators).toEqual([
      {
        id: 'm1',
        subjectIds: [],
        successMeasure: 'wages',
        name: 'Median wage',
        unit: 'EUR',
        baseline: { value: 1480, date: null },
        target: { value: 1750, date: '2028-06-30' },
      },
    ]);
  });

  it('gives a success measure a new id when an indicator already has its id', () => {
    const result = toV2(
      v1({
        indicators: [
          { id: 'm1', subjectId: 'x', name: 'A' },
          { id: 'm1-2', subjectId: 'x', name: 'B' },
        ],
        objective: { successMeasures: [{ id: 'm1', name: 'C' }] },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = (result.plan.indicators as { id: string }[]).map((i) => i.id);
    expect(ids).toEqual(['m1', 'm1-2', 'm1-3']);
  });

  it('leaves the input unchanged', () => {
    const raw = v1({
      indicators: [{ id: 'i1', subjectId: 'toc-1', name: 'Starts' }],
      objective: { successMeasures: [{ id: 'm', name: 'M' }] },
    });
    const before = structuredClone(raw);
    toV2(raw);
    expect(raw).toEqual(before);
  });

  it('opens the version-1 fixture with its success measure as an indicator', () => {
    const result = readPlanFile(readFileSync(join(dir, 'v1-minimal.upskill.json'), 'utf8'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
    expect(result.plan.indicators).toEqual([
      expect.objectContaining({
        id: 'm1',
        subjectIds: [],
        successMeasure: 'jobPlacement',
        name: 'Placed in a care job within 6 months',
        baseline: { value: 18, date: null },
        target: { value: 45, date: '2027-06-30' },
      }),
    ]);
    expect(result.plan.budget).toEqual({
      currency: null,
      total: null,
      lines: { content: null, incentives: null, devicesAndData: null, staff: null, outreach: null },
    });
  });

  it('opens the version-2 fixture as written: a shared indicator, a budget, KPIs on indicators', () => {
    const result = readPlanFile(
      readFileSync(join(dir, 'v2-measurement-framework.upskill.json'), 'utf8'),
    );
    expect(result.ok ? [] : [result.message, ...result.details]).toEqual([]);
    if (!result.ok) return;
    expect(result.plan.indicators[0]!.subjectIds).toEqual(['toc-placed', 'lm-placed']);
    expect(result.plan.budget.currency).toBe('GBP');
    expect(result.plan.budget.lines.outreach).toBe(17.4);
    expect(result.plan.learners[0]!.expectedParticipants).toBe(400);
    expect(result.plan.manage.kpis[0]!.indicatorId).toBe('ind-placed');
  });
});
