/**
 * Issue 14, KPIs: the commands of the KPIs section (create from an indicator
 * or of its own, source and segment, typed actuals) with undo, and the
 * roster actuals: one per roster snapshot, counted from the plan's
 * aggregates, rewritten when the source changes and never edited by hand.
 */
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import {
  addKpiActual,
  createKpi,
  kpiList,
  removeKpiActual,
  setKpiSource,
  syncKpiRosterActuals,
  updateKpiActual,
} from '../../shared/commands/kpis';
import { commit, createHistory, undo } from '../../shared/history';
import {
  blankKpi,
  kpiFromIndicator,
  kpisOutOfSync,
  kpiView,
  rosterActuals,
  rosterValue,
  syncRosterActuals,
} from '../../shared/manage/kpis';
import type { Plan, ProgressCounts, ProgressSnapshot } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';

const sample = samplePlan();

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

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

const snapshot = (date: string, enrolled: number, completed: number): ProgressSnapshot => ({
  date,
  importedAt: `${date}T08:00:00.000Z`,
  total: counts({
    learners: enrolled + 10,
    enrolled,
    completed,
    active: enrolled / 2,
    hours: 1234.56,
  }),
  bySegment: { 'seg-a': counts({ enrolled: 10, completed: 4 }) },
  byCohort: {},
});

function withSnapshots(plan: Plan, ...snapshots: ProgressSnapshot[]): Plan {
  return { ...plan, manage: { ...plan.manage, progress: snapshots } };
}

describe('KPI commands', () => {
  it('create a KPI of its own and from an indicator, with undo', () => {
    const indicator = sample.indicators[0]!;
    const fromIndicator = kpiFromIndicator('kpi-x', sample, indicator.id);
    expect(fromIndicator.indicatorId).toBe(indicator.id);
    expect(fromIndicator.name).toBe(indicator.name.trim());
    const created = run(sample, createKpi({ kpi: fromIndicator }));
    expect(created.label).toMatch(/^Add KPI “/);
    expect(created.location).toEqual({ section: 'kpis', focus: 'kpi-x' });
    expect(created.plan.manage.kpis.at(-1)!.id).toBe('kpi-x');
    const history = commit(
      createHistory(sample),
      created.plan,
      { ...created, name: created.label },
      0,
    );
    expect(undo(history).present.manage.kpis).toBe(sample.manage.kpis);

    const own = run(
      created.plan,
      createKpi({ kpi: { ...blankKpi('kpi-own', 'Referrals'), target: 50 } }),
    );
    const edited = run(own.plan, kpiList.update({ id: 'kpi-own', patch: { target: 80 } }));
    expect(edited.label).toBe('Edit target of “Referrals”');
    expect(edited.plan.manage.kpis.at(-1)!.target).toBe(80);
    const removed = run(edited.plan, kpiList.remove({ ids: ['kpi-own'] }));
    expect(removed.plan.manage.kpis.some((k) => k.id === 'kpi-own')).toBe(false);
  });

  it('record, edit and delete a typed actual; the status follows', () => {
    const kpi = {
      ...blankKpi('kpi-t', 'Employers hiring'),
      baseline: 0,
      baselineDate: '2027-01-01',
      target: 1000,
      targetDate: '2027-12-31',
    };
    const plan = run(sample, createKpi({ kpi })).plan;
    expect(kpiView(plan, plan.manage.kpis.at(-1)!).status.kind).toBe('noData');
    const actual = {
      id: 'a1',
      date: '2027-07-02',
      value: 300,
      cohortId: null,
      note: '',
      origin: 'typed' as const,
    };
    const added = run(plan, addKpiActual({ kpiId: 'kpi-t', actual }));
    expect(added.label).toBe('Record actual 300 on 2027-07-02 for “Employers hiring”');
    expect(kpiView(added.plan, added.plan.manage.kpis.at(-1)!).status.kind).toBe('offTrack');
    // A second figure for the same day is refused: it is corrected in the list instead.
    expect(() =>
      run(
        added.plan,
        addKpiActual({ kpiId: 'kpi-t', actual: { ...actual, id: 'a2', value: 301 } }),
      ),
    ).toThrow(/already an actual on 2027-07-02 \(300\)/);
    const otherCohort = { ...actual, id: 'a3', cohortId: 'c-2' };
    expect(
      run(added.plan, addKpiActual({ kpiId: 'kpi-t', actual: otherCohort })).plan.manage.kpis.at(
        -1,
      )!.actuals,
    ).toHaveLength(2);
    const better = run(
      added.plan,
      updateKpiActual({ kpiId: 'kpi-t', id: 'a1', patch: { value: 480 } }),
    );
    expect(kpiView(better.plan, better.plan.manage.kpis.at(-1)!).status.kind).toBe('atRisk');
    const gone = run(better.plan, removeKpiActual({ kpiId: 'kpi-t', id: 'a1' }));
    expect(gone.plan.manage.kpis.at(-1)!.actuals).toEqual([]);
  });

  it('counts roster KPIs from each roster snapshot, for one segment too', () => {
    expect(rosterValue('completionRate', counts({ enrolled: 3, completed: 1 }))).toBe(33.3);
    expect(rosterValue('activeRate', counts({ enrolled: 0, active: 0 }))).toBe(0);
    expect(rosterValue('manual', counts({}))).toBeNull();
    const plan = withSnapshots(
      sample,
      snapshot('2027-07-01', 100, 20),
      snapshot('2027-08-01', 200, 50),
    );
    const kpi = { ...blankKpi('kpi-r', 'Completions'), source: 'completions' as const };
    const created = run(plan, createKpi({ kpi })).plan;
    const actuals = created.manage.kpis.at(-1)!.actuals;
    expect(actuals.map((a) => [a.id, a.date, a.value, a.origin])).toEqual([
      ['roster:2027-07-01', '2027-07-01', 20, 'roster'],
      ['roster:2027-08-01', '2027-08-01', 50, 'roster'],
    ]);
    // One segment: its counts; a typed actual stays when the source changes.
    const typed = {
      id: 't1',
      date: '2026-10-01',
      value: 5,
      cohortId: null,
      note: 'pilot',
      origin: 'typed' as const,
    };
    const withTyped = run(created, addKpiActual({ kpiId: 'kpi-r', actual: typed })).plan;
    const segment = run(
      withTyped,
      setKpiSource({ id: 'kpi-r', source: 'completionRate', segmentId: 'seg-a' }),
    );
    expect(segment.plan.manage.kpis.at(-1)!.actuals.map((a) => a.value)).toEqual([5, 40, 40]);
    const manual = run(
      segment.plan,
      setKpiSource({ id: 'kpi-r', source: 'manual', segmentId: 'seg-a' }),
    );
    expect(manual.plan.manage.kpis.at(-1)!.actuals).toEqual([typed]);
    expect(manual.plan.manage.kpis.at(-1)!.segmentId).toBeNull();
  });

  it('refuses to edit or delete a roster-counted actual by hand', () => {
    const plan = withSnapshots(sample, snapshot('2027-07-01', 100, 20));
    const created = run(
      plan,
      createKpi({ kpi: { ...blankKpi('kpi-r', 'E'), source: 'enrolments' } }),
    ).plan;
    const edit = runCommand(
      created,
      updateKpiActual({ kpiId: 'kpi-r', id: 'roster:2027-07-01', patch: { value: 1 } }),
    );
    expect(edit.ok).toBe(false);
    const remove = runCommand(
      created,
      removeKpiActual({ kpiId: 'kpi-r', id: 'roster:2027-07-01' }),
    );
    expect(remove.ok).toBe(false);
  });

  it('gives the roster import one actual per roster KPI for a new snapshot, and sync is idempotent', () => {
    const plan = run(
      sample,
      createKpi({ kpi: { ...blankKpi('kpi-r', 'E'), source: 'enrolments' } }),
    ).plan;
    const next = snapshot('2027-09-01', 321, 7);
    const found = rosterActuals(plan, next);
    const rosterKpis = plan.manage.kpis.filter((k) => k.source !== 'manual');
    expect(found.map((f) => f.kpiId)).toEqual(rosterKpis.map((k) => k.id));
    expect(found.find((f) => f.kpiId === 'kpi-r')!.actual).toMatchObject({
      id: 'roster:2027-09-01',
      value: 321,
      origin: 'roster',
    });
    const once = structuredClone(withSnapshots(plan, next));
    syncRosterActuals(once);
    const twice = structuredClone(once);
    syncRosterActuals(twice);
    expect(twice).toEqual(once);
    // A typed (pilot) actual of a roster KPI stays beside the counted ones.
    const typed = {
      id: 'p1',
      date: '2026-10-01',
      value: 9,
      cohortId: null,
      note: '',
      origin: 'typed' as const,
    };
    const mixed = structuredClone(
      withSnapshots(run(plan, addKpiActual({ kpiId: 'kpi-r', actual: typed })).plan, next),
    );
    syncRosterActuals(mixed);
    expect(mixed.manage.kpis.find((k) => k.id === 'kpi-r')!.actuals.map((a) => a.origin)).toEqual([
      'typed',
      'roster',
    ]);
  });
});

describe('roster actuals out of date', () => {
  it('are found and counted in one undoable step', () => {
    const plan = run(
      sample,
      createKpi({ kpi: { ...blankKpi('kpi-r', 'E'), source: 'enrolments' } }),
    ).plan;
    // A snapshot recorded without its actuals (as an import that did not count them would).
    const stale = withSnapshots(plan, snapshot('2027-09-01', 321, 7));
    expect(kpisOutOfSync(stale).map((k) => k.id)).toContain('kpi-r');
    const synced = run(stale, syncKpiRosterActuals({}));
    expect(synced.label).toBe('Count KPI actuals from the roster imports');
    expect(kpisOutOfSync(synced.plan)).toEqual([]);
    expect(synced.plan.manage.kpis.find((k) => k.id === 'kpi-r')!.actuals.at(-1)!.value).toBe(321);
  });
});

describe('the roster import records KPI actuals', () => {
  it('roster.recordSnapshot adds each roster KPI its actual; roster.removeSnapshot takes it away', async () => {
    const { recordRosterSnapshot, removeRosterSnapshot } =
      await import('../../shared/commands/roster');
    const plan = run(
      sample,
      createKpi({ kpi: { ...blankKpi('kpi-r', 'E'), source: 'enrolments' } }),
    ).plan;
    const added = run(
      plan,
      recordRosterSnapshot({ snapshot: snapshot('2027-10-31', 555, 9) }),
    ).plan;
    const actual = added.manage.kpis.find((k) => k.id === 'kpi-r')!.actuals.at(-1)!;
    expect([actual.date, actual.value, actual.origin]).toEqual(['2027-10-31', 555, 'roster']);
    expect(kpisOutOfSync(added)).toEqual([]);
    const removed = run(added, removeRosterSnapshot({ date: '2027-10-31' })).plan;
    expect(
      removed.manage.kpis
        .find((k) => k.id === 'kpi-r')!
        .actuals.some((a) => a.date === '2027-10-31'),
    ).toBe(false);
  });
});
