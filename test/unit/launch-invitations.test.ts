/**
 * Issue 13: the invitation planner's arithmetic — licences × ratio, the split
 * by segment and wave (whole invitations that add up to every total), the
 * funnel per wave and the forecast licence use with its warnings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apportion,
  apportionTable,
  funnel,
  invitationRange,
  invitationSummary,
  invitationsNeeded,
} from '../../shared/launch/invitations';
import { createBlankPlan } from '../../shared/plan/create';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';

const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);

describe('invitations needed', () => {
  it('is licences × ratio: 5,000 licences need 7,500 to 11,250 invitations', () => {
    expect(invitationsNeeded(5000, 2)).toBe(10_000);
    expect(invitationRange(5000)).toEqual({ low: 7500, high: 11_250 });
  });

  it('rounds a part invitation up, keeps the ratio within 1.5–2.25, and is 0 without licences', () => {
    expect(invitationsNeeded(3, 1.5)).toBe(5);
    expect(invitationsNeeded(1000, 1.1)).toBe(1500);
    expect(invitationsNeeded(1000, 9)).toBe(2250);
    expect(invitationsNeeded(null, 2)).toBe(0);
    expect(invitationsNeeded(0, 2)).toBe(0);
  });

  it('is never fewer than licences × ratio, and less than one more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: 1.5, max: 2.25, noNaN: true }),
        (licences, ratio) => {
          const n = invitationsNeeded(licences, ratio);
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(licences * ratio - 1e-6);
          expect(n).toBeLessThan(licences * ratio + 1);
        },
      ),
    );
  });
});

describe('apportion', () => {
  it('splits 4,000 invitations 65/35 into 2,600 and 1,400', () => {
    expect(apportion(4000, [65, 35])).toEqual([2600, 1400]);
  });

  it('gives the remainders to the largest fractions: 10 by 1/1/1 is 4/3/3', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('splits evenly when no weight is positive', () => {
    expect(apportion(7, [0, 0])).toEqual([4, 3]);
  });

  it('adds up to the total, and each part is within one of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          expect(sum(parts)).toBe(total);
          const w = sum(weights);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(0);
            const exact = w > 0 ? (total * weights[i]!) / w : total / weights.length;
            expect(Math.abs(p - exact)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});

describe('apportionTable (segments × waves)', () => {
  it('keeps every row and column total, each cell within one of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }),
        (total, segmentWeights, waveShares) => {
          const rows = apportion(total, segmentWeights);
          const columns = apportion(total, waveShares);
          const cells = apportionTable(rows, columns);
          cells.forEach((row, i) => expect(sum(row)).toBe(rows[i]));
          columns.forEach((c, j) => expect(sum(cells.map((row) => row[j]!))).toBe(c));
          cells.forEach((row, i) =>
            row.forEach((v, j) => {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(Math.abs(v - (total ? (rows[i]! * columns[j]!) / total : 0))).toBeLessThan(1);
            }),
          );
        },
      ),
    );
  });
});

describe('funnel', () => {
  it('applies each rate to the stage before', () => {
    expect(funnel(1000, { registered: 60, active: 75, completing: 60 })).toEqual({
      invited: 1000,
      registered: 600,
      active: 450,
      completing: 270,
    });
  });

  it('never grows from one stage to the next', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (invited, registered, active, completing) => {
          const f = funnel(invited, { registered, active, completing });
          expect(f.registered).toBeLessThanOrEqual(f.invited);
          expect(f.active).toBeLessThanOrEqual(f.registered);
          expect(f.completing).toBeLessThanOrEqual(f.active);
        },
      ),
    );
  });
});

function planWith(edit: (plan: Plan) => void): Plan {
  const plan = createBlankPlan('Invitations', new Date('2026-01-01T00:00:00Z'));
  plan.objective.timeline.launch.start = '2027-04-01';
  edit(plan);
  return plan;
}

describe('invitationSummary', () => {
  it('works out the sample plan: 2,000 licences × 2 → 4,000 invitations, 2,600 + 1,400 in two waves', () => {
    const s = invitationSummary(samplePlan());
    expect(s.needed).toBe(4000);
    expect(s.waves.map((w) => w.invitations)).toEqual([2600, 1400]);
    expect(s.waves.map((w) => w.date)).toEqual(['2027-04-01', '2027-05-06']);
    expect(sum(s.segments.map((x) => x.invitations))).toBe(4000);
    // NEET: 650 of 1,900 expected participants → 1,368.4 → 1,368.
    expect(s.segments[0]!.invitations).toBe(1368);
    for (const seg of s.segments) expect(sum(seg.byWave)).toBe(seg.invitations);
    expect(s.forecast.map((p) => p.invited)).toEqual([2600, 4000]);
  });

  it('splits a plan without segments as "All learners", and without waves as one total', () => {
    const s = invitationSummary(planWith((p) => (p.launch.marketing.licenses = 100)));
    expect(s.segments).toEqual([
      expect.objectContaining({ segmentId: null, name: 'All learners', invitations: 200 }),
    ]);
    expect(s.waves).toEqual([]);
    expect(s.total.invited).toBe(200);
  });

  it('warns that licences stay unused when too few will register', () => {
    const s = invitationSummary(
      planWith((p) => {
        p.launch.marketing.licenses = 1000;
        p.launch.invitations.ratio = 1.5;
        p.launch.invitations.rates.registered = 50;
        p.launch.invitations.waves = [
          { id: 'w1', name: 'First', date: { anchor: 'launch', offsetDays: 0 }, share: 100 },
        ];
      }),
    );
    expect(s.warnings).toEqual([expect.objectContaining({ kind: 'unused', unused: 250 })]);
    expect(s.warnings[0]!.message).toContain('250 of 1,000 licences');
  });

  it('says in which wave licences run out, and whether freeing inactive licences covers it', () => {
    const s = invitationSummary(
      planWith((p) => {
        p.launch.marketing.licenses = 1000;
        p.launch.invitations.ratio = 2;
        p.launch.invitations.rates = { registered: 60, active: 75, completing: 60 };
        p.launch.invitations.waves = [
          { id: 'late', name: 'Late', date: { anchor: 'launch', offsetDays: 30 }, share: 50 },
          { id: 'early', name: 'Early', date: { anchor: 'date', date: '2027-03-01' }, share: 50 },
        ];
      }),
    );
    expect(s.forecast.map((p) => p.waveId)).toEqual(['early', 'late']);
    expect(s.forecast.map((p) => p.used)).toEqual([600, 1000]);
    expect(s.forecast[1]!.waiting).toBe(200);
    const w = s.warnings[0]!;
    expect(w.kind).toBe('runOut');
    if (w.kind !== 'runOut') return;
    expect(w.waveId).toBe('late');
    expect(w.freeable).toBe(300);
    expect(w.message).toContain('covers them');
  });

  it('splits evenly, and says so, when every wave share is 0', () => {
    const s = invitationSummary(
      planWith((p) => {
        p.launch.marketing.licenses = 10;
        p.launch.invitations.waves = [
          { id: 'a', name: 'A', date: null, share: 0 },
          { id: 'b', name: 'B', date: null, share: 0 },
        ];
      }),
    );
    expect(s.evenWaves).toBe(true);
    expect(s.waves.map((w) => w.invitations)).toEqual([10, 10]);
  });
});
