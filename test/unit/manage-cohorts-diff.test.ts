/**
 * Cohorts side by side (latest KPI actual per cohort, funnel and completion
 * from the latest snapshot that counted each cohort) and the diff of two
 * plan versions (added / removed / changed by id, fields in words).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCohorts, cohortProgress, percentText } from '../../shared/manage/cohorts';
import { describeDiffEntry, diffPlans } from '../../shared/manage/plan-diff';
import { readPlanFile } from '../../shared/plan/plan-file';
import { ProgressCounts, type Plan } from '../../shared/plan/schema';

const sample = (() => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

const counts = (patch: Partial<ProgressCounts>): ProgressCounts => ({
  ...ProgressCounts.parse({}),
  ...patch,
});

const plan: Plan = {
  ...sample,
  indicators: [],
  manage: {
    ...sample.manage,
    cohorts: [
      { id: 'c1', name: 'Spring', start: '2026-01-01', end: '2026-06-30', notes: '' },
      { id: 'c2', name: 'Autumn', start: '2026-09-01', end: null, notes: '' },
    ],
    kpis: [
      {
        id: 'k1',
        indicatorId: null,
        name: 'Completions',
        category: 'completions',
        unit: 'learners',
        baseline: 0,
        baselineDate: null,
        target: 100,
        targetDate: null,
        source: 'manual',
        segmentId: null,
        actuals: [
          { id: 'a1', date: '2026-03-01', value: 10, cohortId: 'c1', note: '', origin: 'typed' },
          { id: 'a2', date: '2026-05-01', value: 40, cohortId: 'c1', note: '', origin: 'typed' },
          { id: 'a3', date: '2026-04-01', value: 20, cohortId: 'c1', note: '', origin: 'typed' },
          { id: 'a4', date: '2026-06-01', value: 99, cohortId: null, note: '', origin: 'typed' },
        ],
      },
      {
        id: 'k2',
        indicatorId: null,
        name: 'Programme-wide only',
        category: 'other',
        unit: '',
        baseline: null,
        baselineDate: null,
        target: null,
        targetDate: null,
        source: 'manual',
        segmentId: null,
        actuals: [
          { id: 'b1', date: '2026-03-01', value: 1, cohortId: null, note: '', origin: 'typed' },
        ],
      },
    ],
    progress: [
      {
        date: '2026-04-01',
        importedAt: '2026-04-02T08:00:00.000Z',
        total: counts({ learners: 100 }),
        bySegment: {},
        byCohort: { c1: counts({ enrolled: 80, completed: 10 }) },
      },
      {
        date: '2026-06-01',
        importedAt: '2026-06-02T08:00:00.000Z',
        total: counts({ learners: 200 }),
        bySegment: {},
        byCohort: {
          c1: counts({ invited: 120, enrolled: 80, completed: 40, placed: 10 }),
          c2: counts({ invited: 50 }),
        },
      },
    ],
  },
};

describe('cohort comparison', () => {
  it('takes each cohort’s latest snapshot, with completion and placement rates', () => {
    const spring = cohortProgress(plan, 'c1')!;
    expect(spring.date).toBe('2026-06-01');
    expect(spring.counts.completed).toBe(40);
    expect(spring.completionRate).toBe(0.5);
    expect(spring.placementRate).toBe(0.25);
    const autumn = cohortProgress(plan, 'c2')!;
    expect(autumn.completionRate).toBeNull();
    expect(cohortProgress(plan, 'none')).toBeNull();
  });

  it('lists KPIs with a cohort actual: the latest by date per cohort, null where none', () => {
    const comparison = compareCohorts(plan, ['c2', 'c1', 'gone']);
    expect(comparison.cohorts.map((c) => c.name)).toEqual(['Autumn', 'Spring']);
    expect(comparison.kpis).toEqual([
      {
        kpiId: 'k1',
        name: 'Completions',
        unit: 'learners',
        target: 100,
        byCohort: [null, { value: 40, date: '2026-05-01' }],
      },
    ]);
    expect(comparison.progress.map((p) => p?.counts.invited)).toEqual([50, 120]);
  });

  it('says a share as a percentage, and none as a dash', () => {
    expect(percentText(0.456)).toBe('46 %');
    expect(percentText(null)).toBe('—');
  });
});

describe('plan diff', () => {
  it('finds nothing between a plan and itself', () => {
    const diff = diffPlans(sample, sample);
    expect(diff.total).toBe(0);
    expect(diff.areas.map((a) => a.label)).toEqual([
      'Theory of change',
      'Indicators',
      'Stakeholders & partners',
      'Pathways',
      'KPIs',
      'Reviews',
      'Cohorts',
    ]);
  });

  it('compares KPIs (targets and actuals counted), reviews and cohorts too', () => {
    const [kpi, ...restKpis] = sample.manage.kpis;
    const withActuals = restKpis.find((k) => k.actuals.length >= 2)!;
    const [review, ...restReviews] = sample.manage.reviews;
    const [cohort, ...restCohorts] = sample.manage.cohorts;
    expect([kpi, withActuals, review, cohort].every(Boolean)).toBe(true);
    const [a0, a1, ...restActuals] = withActuals.actuals;
    const after: Plan = {
      ...sample,
      manage: {
        ...sample.manage,
        kpis: [
          ...sample.manage.kpis
            .filter((k) => k.id !== kpi!.id)
            .map((k) =>
              k.id === withActuals.id
                ? {
                    ...k,
                    target: (k.target ?? 0) + 10,
                    actuals: [
                      { ...a0!, value: a0!.value + 1 },
                      ...restActuals,
                      { ...a1!, id: 'new-actual', date: '2030-01-01' },
                    ],
                  }
                : k,
            ),
        ],
        reviews: [{ ...review!, decisions: `${review!.decisions} And one more.` }, ...restReviews],
        cohorts: [...restCohorts, { ...cohort!, end: '2031-12-31' }],
      },
    };
    const diff = diffPlans(sample, after);
    const area = (id: string) => diff.areas.find((a) => a.area === id)!.entries;
    const changedKpi = area('kpis').find((e) => e.id === withActuals.id)!;
    expect(changedKpi.fields).toEqual(['target', 'actuals: 1 added, 1 changed, 1 removed']);
    expect(area('kpis').find((e) => e.id === kpi!.id)).toMatchObject({ change: 'removed' });
    expect(area('reviews')).toEqual([
      expect.objectContaining({ id: review!.id, change: 'changed', fields: ['decisions'] }),
    ]);
    expect(describeDiffEntry(area('reviews')[0]!)).toBe(
      `Review of ${review!.date} changed: decisions`,
    );
    expect(area('cohorts')).toEqual([
      expect.objectContaining({ id: cohort!.id, change: 'changed', fields: ['end'] }),
    ]);
  });

  it('says what was added, removed and changed, by id, with fields in words', () => {
    const [first, second, ...restNodes] = sample.theoryOfChange.nodes;
    const [indicator, ...restIndicators] = sample.indicators;
    const [stakeholder, ...restStakeholders] = sample.stakeholders.entries;
    const [pathway, ...restPathways] = sample.content.pathways;
    const after: Plan = {
      ...sample,
      theoryOfChange: {
        ...sample.theoryOfChange,
        nodes: [
          { ...first!, title: 'Renamed element', description: 'New text' },
          ...restNodes,
          {
            id: 'new-node',
            kind: 'assumption',
            horizon: null,
            title: 'Employers hire from short courses',
            description: '',
            position: { x: 0, y: 0 },
          },
        ],
      },
      indicators: [{ ...indicator!, target: { value: 999, date: null } }, ...restIndicators],
      stakeholders: {
        ...sample.stakeholders,
        entries: [{ ...stakeholder!, currentStance: 'leading', power: 1 }, ...restStakeholders],
      },
      content: { ...sample.content, pathways: restPathways },
    };
    const diff = diffPlans(sample, after);
    const toc = diff.areas.find((a) => a.area === 'theoryOfChange')!.entries;
    expect(toc).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: first!.id,
          change: 'changed',
          fields: ['title', 'description'],
          title: 'Renamed element',
        }),
        expect.objectContaining({ id: 'new-node', change: 'added', what: 'Assumption' }),
        expect.objectContaining({ id: second!.id, change: 'removed' }),
      ]),
    );
    // Links that pointed at the removed element are not changed by this edit: they stay as they were.
    const indicators = diff.areas.find((a) => a.area === 'indicators')!.entries;
    expect(indicators).toEqual([
      expect.objectContaining({ id: indicator!.id, change: 'changed', fields: ['target'] }),
    ]);
    const stakeholders = diff.areas.find((a) => a.area === 'stakeholders')!.entries;
    expect(stakeholders[0]!.fields).toEqual(['power', 'current stance']);
    const pathways = diff.areas.find((a) => a.area === 'pathways')!.entries;
    expect(pathways).toEqual([
      expect.objectContaining({ id: pathway!.id, change: 'removed', title: pathway!.name }),
    ]);
    expect(describeDiffEntry(indicators[0]!)).toBe(
      `Indicator “${indicator!.name}” changed: target`,
    );
    expect(diff.total).toBe(toc.length + 1 + 1 + 1);
  });
});
