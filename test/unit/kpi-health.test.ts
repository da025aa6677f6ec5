/**
 * Issue 14, KPIs in Plan health: a KPI without a target or date, an
 * off-track KPI, one with no actual for twice its indicator's frequency, and
 * one whose indicator is gone — each pointing at the KPI in the KPIs section.
 */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { HEALTH_RULES } from '../../shared/health/types';
import { kpiFindingsOn } from '../../shared/manage/kpi-health';
import { blankKpi } from '../../shared/manage/kpis';
import { samplePlan } from './export-helpers';

const sample = samplePlan();

describe('KPI health', () => {
  it('finds nothing in the sample on the day it was written', () => {
    expect(kpiFindingsOn(sample, sample.updatedAt.slice(0, 10))).toEqual([]);
  });

  it('flags a KPI without target, an off-track one, a lapsed one and one whose indicator is gone', () => {
    const plan = produce(sample, (d) => {
      d.objective.timeline.manage.start = '2027-01-01';
      d.manage.kpis = [
        { ...blankKpi('k-none', 'No target') },
        {
          ...blankKpi('k-off', 'Behind'),
          baseline: 0,
          target: 100,
          targetDate: '2027-12-31',
          actuals: [
            { id: 'a', date: '2027-07-02', value: 10, cohortId: null, note: '', origin: 'typed' },
          ],
        },
        {
          ...blankKpi('k-gone', 'Orphan'),
          indicatorId: 'ind-deleted',
          target: 5,
          targetDate: '2028-01-01',
        },
      ];
      const indicator = d.indicators[0]!;
      indicator.frequency = 'monthly';
      indicator.baseline = { value: 0, date: '2027-01-01' };
      indicator.target = { value: 50, date: '2028-01-01' };
      d.manage.kpis.push({ ...blankKpi('k-stale', 'x'), indicatorId: indicator.id });
      d.manage.kpis.push({
        ...blankKpi('k-seg', 'Segment gone'),
        source: 'completions',
        segmentId: 'seg-deleted',
        target: 5,
        targetDate: '2028-01-01',
      });
    });
    const findings = kpiFindingsOn(plan, '2027-08-01');
    const by = (rule: string) =>
      findings.filter((f) => f.rule === rule).map((f) => f.target.elementId);
    expect(by(HEALTH_RULES.kpiWithoutTarget)).toEqual(['k-none']);
    expect(by(HEALTH_RULES.kpiOffTrack)).toEqual(['k-off']);
    expect(by(HEALTH_RULES.kpiIndicatorGone)).toEqual(['k-gone']);
    expect(by(HEALTH_RULES.kpiSegmentGone)).toEqual(['k-seg']);
    // Monthly, nothing since the start on 1 January: more than 62 days by August.
    expect(by(HEALTH_RULES.kpiStale)).toEqual(['k-stale']);
    expect(findings.every((f) => f.target.section === 'kpis')).toBe(true);
    // Not yet lapsed in February.
    expect(kpiFindingsOn(plan, '2027-02-15').some((f) => f.rule === HEALTH_RULES.kpiStale)).toBe(
      false,
    );
  });
});
