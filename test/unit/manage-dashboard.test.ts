/**
 * Issue 14, the dashboard's figures and charts from the plan's aggregates:
 * the funnel of the latest snapshot (by date, the later import of a day
 * wins), completion and placement by segment, licence use, and chart specs
 * whose tables say what the charts draw (the text alternative), with
 * greyscale aids (decal patterns, dashed path) switched on.
 */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { dashboardCharts, funnelChart, kpiChart } from '../../shared/manage/charts';
import { renderChartSvg } from '../../shared/manage/chart-svg';
import { dashboardOf, latestSnapshot } from '../../shared/manage/dashboard';
import { kpiView } from '../../shared/manage/kpis';
import type { ProgressCounts, ProgressSnapshot } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';

const counts = (over: Partial<ProgressCounts>): ProgressCounts => ({
  learners: 0,
  invited: 0,
  registered: 0,
  enrolled: 0,
  active: 0,
  completed: 0,
  placed: 0,
  hours: 0,
  ...over,
});
const snap = (date: string, importedAt: string, invited: number): ProgressSnapshot => ({
  date,
  importedAt,
  total: counts({ invited, registered: 80, enrolled: 60, active: 30, completed: 20, placed: 5 }),
  bySegment: {
    'seg-x': counts({ enrolled: 40, completed: 10, placed: 4 }),
    '': counts({ enrolled: 20, completed: 0 }),
  },
  byCohort: {},
});

describe('dashboard', () => {
  const plan = produce(samplePlan(), (d) => {
    d.learners.push({ ...d.learners[0]!, id: 'seg-x', name: 'Segment X' });
    d.manage.progress = [
      snap('2027-03-31', '2027-04-01T10:00:00.000Z', 90),
      snap('2027-04-30', '2027-05-01T10:00:00.000Z', 100),
      snap('2027-04-30', '2027-05-02T10:00:00.000Z', 110),
      snap('2027-02-28', '2027-06-01T10:00:00.000Z', 70),
    ];
    d.launch.marketing.licenses = 200;
  });

  it('takes the latest snapshot by date, the later import of a day winning', () => {
    expect(latestSnapshot(plan.manage.progress)!.total.invited).toBe(110);
    expect(latestSnapshot([])).toBeNull();
  });

  it('draws the funnel, segments and licence use from it', () => {
    const d = dashboardOf(plan);
    expect(d.funnel.map((s) => [s.key, s.count])).toEqual([
      ['invited', 110],
      ['registered', 80],
      ['active', 30],
      ['completed', 20],
      ['placed', 5],
    ]);
    expect(d.funnel[1]!.ofInvited).toBeCloseTo(80 / 110);
    const x = d.segments.find((s) => s.segmentId === 'seg-x')!;
    expect([x.name, x.completionRate, x.placementRate]).toEqual(['Segment X', 0.25, 0.4]);
    const none = d.segments.find((s) => s.segmentId === '')!;
    expect([none.name, none.completionRate, none.placementRate]).toEqual(['No segment', 0, null]);
    expect(d.licences).toEqual({ licences: 200, enrolled: 60, share: 0.3, endedCohorts: [] });
  });

  it('counts licence use for the current cohorts: learners of a cohort that had ended are left out, and said so', () => {
    const withPilot = produce(plan, (d) => {
      d.manage.cohorts = [
        { id: 'pilot', name: 'Pilot', start: '2026-01-01', end: '2026-12-31', notes: '' },
        { id: 'c1', name: 'Cohort 1', start: '2027-04-01', end: null, notes: '' },
      ];
      const latest = d.manage.progress[2]!;
      latest.byCohort = {
        pilot: counts({ enrolled: 45 }),
        c1: counts({ enrolled: 15 }),
      };
    });
    const use = dashboardOf(withPilot).licences;
    expect(use).toEqual({
      licences: 200,
      enrolled: 15,
      share: 0.075,
      endedCohorts: [{ name: 'Pilot', enrolled: 45 }],
    });
    expect(dashboardCharts(dashboardOf(withPilot)).licences.summary).toBe(
      '15 learners enrolled of 200 licences (7.5 % in use, 185 free). Not counted: the learners of a cohort that had ended by the roster import (Pilot, 45 enrolled).',
    );
  });

  it('gives every chart a table with the same figures, and greyscale aids', () => {
    const charts = dashboardCharts(dashboardOf(plan));
    expect(charts.funnel.table.rows.map((r) => r[1])).toEqual(['110', '80', '30', '20', '5']);
    expect(charts.licences.table.rows[0]).toEqual(['200', '60', '30 %', '140']);
    for (const spec of [charts.funnel, charts.segments, charts.licences, ...charts.kpis]) {
      expect(spec.option.aria).toMatchObject({ enabled: true, decal: { show: true } });
      expect(spec.summary.length).toBeGreaterThan(10);
      expect(spec.table.rows.length).toBeGreaterThan(0);
    }
    // Only KPIs with an actual are drawn.
    expect(charts.kpis.length).toBe(plan.manage.kpis.filter((k) => k.actuals.length > 0).length);
  });

  it('draws a KPI as a solid line of actuals and a dashed straight-line path, and renders to SVG without a browser', () => {
    const kpi = plan.manage.kpis.find((k) => k.actuals.length > 0)!;
    const spec = kpiChart(kpiView(plan, kpi));
    const series = spec.option.series as { name: string; lineStyle: { type: string } }[];
    expect(series.map((s) => [s.name, s.lineStyle.type])).toEqual([
      ['Actual', 'solid'],
      ['Straight-line path to target', 'dashed'],
    ]);
    const svg = renderChartSvg(spec);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Straight-line path to target');
    expect(renderChartSvg(funnelChart([], null))).toMatch(/^<svg/);
  });
});
