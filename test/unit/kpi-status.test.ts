/**
 * Issue 14, KPIs: the status against the straight-line path from baseline to
 * target — boundaries of the stated rule, and properties over any figures
 * (fast-check): a better actual never worsens the status, a KPI that should
 * go down is the mirror image of one that should go up, and the expected
 * value stays between baseline and target.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentLocale } from '../../shared/export/locale';
import { LANGUAGES } from '../../shared/i18n/languages';
import {
  dayNumber,
  expectedValue,
  kpiDirection,
  kpiStatus,
  AT_RISK_TOLERANCE,
  type KpiPath,
  type KpiStatusKind,
} from '../../shared/manage/kpi-status';

const path: KpiPath = {
  baseline: 0,
  baselineDate: '2027-01-01',
  target: 1000,
  targetDate: '2027-12-31',
};
const rank: Record<KpiStatusKind, number> = {
  offTrack: 0,
  atRisk: 1,
  onTrack: 2,
  notStarted: -1,
  noData: -1,
  noTarget: -1,
  noBaseline: -1,
};

const dateArb = fc
  .integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-12-31') })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const valueArb = fc.integer({ min: -100_000, max: 100_000 });
const pathArb = fc
  .tuple(valueArb, dateArb, valueArb, dateArb)
  .map(([baseline, a, target, b]): KpiPath => {
    const [baselineDate, targetDate] = a <= b ? [a, b] : [b, a];
    return { baseline, baselineDate, target, targetDate };
  });

describe('KPI status', () => {
  it('states the rule it applies, with its own tolerance, on screen and in documents alike', async () => {
    for (const language of LANGUAGES) {
      const loc = await documentLocale(language);
      const tolerance = loc.percent(AT_RISK_TOLERANCE);
      for (const rule of [
        loc.t('kpis:statusRule', { tolerance }),
        loc.d('kpis.rule', { tolerance }),
      ]) {
        expect(rule, language).toContain(tolerance);
        expect(rule, language).not.toContain('{');
      }
    }
    const english = (await documentLocale('en')).d('kpis.rule', { tolerance: '10%' });
    expect(english).toMatch(/straight line.*at most 10% of the expected value/);
    expect(english).toMatch(/Not started/);
  });

  it('draws the straight line, flat before the baseline date and after the target date', () => {
    expect(expectedValue(path, '2026-06-01')).toBe(0);
    expect(expectedValue(path, '2027-01-01')).toBe(0);
    expect(expectedValue(path, '2027-12-31')).toBe(1000);
    expect(expectedValue(path, '2028-06-01')).toBe(1000);
    // 2027-07-02 is day 182 of 364.
    expect(expectedValue(path, '2027-07-02')).toBe(500);
  });

  it('is on track at the expected value, at risk down to 90 % of it, off track below', () => {
    const at = (value: number) => kpiStatus(path, [{ date: '2027-07-02', value }]).kind;
    expect(at(500)).toBe('onTrack');
    expect(at(800)).toBe('onTrack');
    expect(at(499)).toBe('atRisk');
    expect(at(450)).toBe('atRisk');
    expect(at(449)).toBe('offTrack');
    expect(at(0)).toBe('offTrack');
  });

  it('turns round for a KPI that should go down', () => {
    const down: KpiPath = { ...path, baseline: 1000, target: 0 };
    expect(kpiDirection(1000, 0)).toBe('down');
    const at = (value: number) => kpiStatus(down, [{ date: '2027-07-02', value }]).kind;
    expect(at(500)).toBe('onTrack');
    expect(at(100)).toBe('onTrack');
    expect(at(550)).toBe('atRisk');
    expect(at(551)).toBe('offTrack');
  });

  it('is not started while the latest actual is dated before the baseline date', () => {
    const before = kpiStatus(path, [{ date: '2026-11-15', value: 286 }]);
    expect([before.kind, before.expected]).toEqual(['notStarted', null]);
    // On the baseline date the path has begun.
    expect(kpiStatus(path, [{ date: '2027-01-01', value: 0 }]).kind).toBe('onTrack');
  });

  it('uses the latest actual by date, whatever the order listed', () => {
    const status = kpiStatus(path, [
      { date: '2027-07-02', value: 600 },
      { date: '2027-03-01', value: 0 },
    ]);
    expect(status.latest).toEqual({ date: '2027-07-02', value: 600 });
    expect(status.kind).toBe('onTrack');
  });

  it('says when it cannot judge: no target, no baseline, no data', () => {
    expect(kpiStatus({ ...path, target: null }, [{ date: '2027-02-01', value: 1 }]).kind).toBe(
      'noTarget',
    );
    expect(kpiStatus({ ...path, targetDate: null }, []).kind).toBe('noTarget');
    expect(
      kpiStatus({ ...path, baselineDate: null }, [{ date: '2027-02-01', value: 1 }]).kind,
    ).toBe('noBaseline');
    expect(kpiStatus(path, []).kind).toBe('noData');
  });

  it('never worsens when the actual gets better (monotonic)', () => {
    fc.assert(
      fc.property(pathArb, dateArb, valueArb, fc.nat(10_000), (p, date, value, gain) => {
        const direction = kpiDirection(p.baseline, p.target);
        const better = direction === 'up' ? value + gain : value - gain;
        const a = kpiStatus(p, [{ date, value }]).kind;
        const b = kpiStatus(p, [{ date, value: better }]).kind;
        expect(rank[b]).toBeGreaterThanOrEqual(rank[a]);
      }),
    );
  });

  it('never improves as time passes with the same actual, for a KPI that should rise', () => {
    fc.assert(
      fc.property(pathArb, dateArb, dateArb, valueArb, (p, d1, d2, value) => {
        fc.pre(kpiDirection(p.baseline, p.target) === 'up');
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        // Measured against the distance to target (the scale can change with the expected value).
        const e1 = expectedValue(p, early)!;
        const e2 = expectedValue(p, late)!;
        expect(e2).toBeGreaterThanOrEqual(e1);
        if (kpiStatus(p, [{ date: early, value }]).kind === 'offTrack' && e1 > 0)
          expect(kpiStatus(p, [{ date: late, value }]).kind).toBe('offTrack');
      }),
    );
  });

  it('treats a falling KPI as the mirror image of a rising one (direction symmetry)', () => {
    fc.assert(
      fc.property(pathArb, dateArb, valueArb, (p, date, value) => {
        fc.pre(p.baseline !== p.target);
        const mirrored: KpiPath = { ...p, baseline: -p.baseline!, target: -p.target! };
        const a = kpiStatus(p, [{ date, value }]);
        const b = kpiStatus(mirrored, [{ date, value: -value }]);
        expect(b.direction).not.toBe(a.direction);
        expect(b.kind).toBe(a.kind);
        expect(b.shortfall).toBeCloseTo(a.shortfall!, 9);
      }),
    );
  });

  it('keeps the expected value between baseline and target', () => {
    fc.assert(
      fc.property(pathArb, dateArb, (p, date) => {
        const e = expectedValue(p, date)!;
        expect(e).toBeGreaterThanOrEqual(Math.min(p.baseline!, p.target!) - 1e-9);
        expect(e).toBeLessThanOrEqual(Math.max(p.baseline!, p.target!) + 1e-9);
      }),
    );
  });

  it('is on track exactly on the path at any date from the baseline date, not started before it', () => {
    fc.assert(
      fc.property(pathArb, dateArb, (p, date) => {
        const value = expectedValue(p, date)!;
        expect(kpiStatus(p, [{ date, value }]).kind).toBe(
          date < p.baselineDate! ? 'notStarted' : 'onTrack',
        );
      }),
    );
  });
});
