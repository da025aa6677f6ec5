import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CRITERIA,
  HYBRID_BAND,
  describeFlip,
  formatShares,
  makeShare,
  recommend,
  scoreDecision,
  scoreTotals,
  type ScoringInput,
} from '../../shared/content/makeorbuy';
import { readPlanFile } from '../../shared/plan/plan-file';

const crit = (id: string, favours: 'make' | 'buy', weight: number) => ({
  id,
  label: `Criterion ${id}`,
  favours,
  weight,
});

function decision(
  criteria: ScoringInput['criteria'],
  ratings: Record<string, Record<string, number>>,
  includeHybrid = false,
): ScoringInput {
  return {
    criteria,
    raters: Object.keys(ratings).map((id) => ({ id, name: id.toUpperCase() })),
    ratings,
    includeHybrid,
  };
}

describe('make-or-buy scoring', () => {
  it('splits each criterion’s weight between Make and Buy by its rating', () => {
    expect(makeShare('make', 5)).toBe(1);
    expect(makeShare('make', 1)).toBe(0);
    expect(makeShare('buy', 5)).toBe(0);
    expect(makeShare('buy', 3)).toBe(0.5);
  });

  it('recommends the side with the higher weighted total and reports the margin', () => {
    const s = scoreDecision(
      decision([crit('a', 'make', 30), crit('b', 'buy', 10)], { r1: { a: 5, b: 5 } }),
    );
    // a: 30 all to make; b: 10 all to buy → make 75, buy 25.
    expect(s.make).toBeCloseTo(75);
    expect(s.buy).toBeCloseTo(25);
    expect(s.margin).toBeCloseTo(50);
    expect(s.recommendation).toBe('make');
  });

  it('calls an exact tie a tie, or Hybrid when Hybrid is offered', () => {
    const d = decision([crit('a', 'make', 10), crit('b', 'buy', 10)], { r: { a: 5, b: 5 } });
    expect(scoreDecision(d).recommendation).toBe('tie');
    expect(scoreDecision(d).margin).toBeCloseTo(0);
    expect(scoreDecision({ ...d, includeHybrid: true }).recommendation).toBe('hybrid');
  });

  it('recommends Hybrid only within the hybrid band', () => {
    expect(recommend(HYBRID_BAND - 0.1, true)).toBe('hybrid');
    expect(recommend(HYBRID_BAND, true)).toBe('make');
    expect(recommend(-HYBRID_BAND - 1, true)).toBe('buy');
    expect(recommend(HYBRID_BAND - 0.1, false)).toBe('make');
  });

  it('ignores zero-weight criteria and has no recommendation when every weight is zero', () => {
    const withZero = scoreDecision(
      decision([crit('a', 'make', 10), crit('z', 'buy', 0)], { r: { a: 4, z: 5 } }),
    );
    expect(withZero.make).toBeCloseTo(75);
    expect(withZero.criteria[1]!.buyPoints).toBe(0);
    const allZero = scoreDecision(
      decision([crit('a', 'make', 0), crit('b', 'buy', 0)], { r: { a: 5, b: 1 } }),
    );
    expect(allZero.recommendation).toBe('none');
    expect(allZero.sensitivity.weight).toBeNull();
  });

  it('leaves unrated criteria out and lists them', () => {
    const s = scoreDecision(
      decision([crit('a', 'make', 10), crit('b', 'buy', 90)], { r: { a: 5 } }),
    );
    expect(s.unrated).toEqual(['b']);
    expect(s.make).toBeCloseTo(100);
    expect(scoreDecision(decision([crit('a', 'make', 10)], {})).recommendation).toBe('none');
  });

  it('averages several raters, shows the spread and flags strong disagreement', () => {
    const s = scoreDecision(
      decision([crit('a', 'make', 10), crit('b', 'buy', 10)], {
        kim: { a: 5, b: 2 },
        lee: { a: 1, b: 3 },
      }),
    );
    expect(s.criteria[0]!.average).toBe(3);
    expect(s.criteria[0]!.spread).toBe(4);
    expect(s.criteria[0]!.disagreement).toBe(true);
    expect(s.criteria[1]!.disagreement).toBe(false);
    expect(s.disagreements).toEqual(['a']);
    expect(s.raters.map((r) => r.recommendation)).toEqual(['make', 'buy']);
  });
});

describe('sensitivity', () => {
  it('finds the smallest whole-weight change that flips the recommendation', () => {
    // make 60·… : a(make, 20) rated 5 → 20 make; b(buy, 10) rated 5 → 10 buy.
    const s = scoreDecision(
      decision([crit('a', 'make', 20), crit('b', 'buy', 10)], { r: { a: 5, b: 5 } }),
    );
    expect(s.recommendation).toBe('make');
    const w = s.sensitivity.weight!;
    // Raising b to 20 ties; 21 flips to Buy. Lowering a to 10 ties; 9 flips. Smallest: a → 9 (Δ11) vs b → 21 (Δ11): first found wins.
    expect(Math.abs(w.to - w.from)).toBe(11);
    expect(w.becomes).toBe('buy');
    expect(describeFlip(w)).toMatch(
      /weight of “Criterion (a|b)” from \d+ to \d+ would make it Buy/,
    );
  });

  it('finds the smallest rating change, in steps one rater can make', () => {
    const s = scoreDecision(
      decision([crit('a', 'make', 10), crit('b', 'buy', 10)], {
        r1: { a: 4, b: 3 },
        r2: { a: 4, b: 3 },
      }),
    );
    // make: a 0.75·10 + b 0.5·10 = 12.5 of 20 → 62.5; margin 25.
    expect(s.margin).toBeCloseTo(25);
    const r = s.sensitivity.rating!;
    // Rating b up to 4 gives a tie; 4.5 (one rater gives 5… or both 4.5 avg) flips to Buy.
    expect(r.becomes).toBe('buy');
    expect(Math.abs(r.to - r.from)).toBeCloseTo(1.5);
  });

  it('breaks a tie with the smallest possible change', () => {
    const s = scoreDecision(
      decision([crit('a', 'make', 10), crit('b', 'buy', 10)], { r: { a: 5, b: 5 } }),
    );
    expect(s.recommendation).toBe('tie');
    expect(Math.abs(s.sensitivity.weight!.to - s.sensitivity.weight!.from)).toBe(1);
    expect(s.sensitivity.fragile).toBe(true);
  });

  it('with Hybrid offered, reports the change that moves a clear Make into the Hybrid band', () => {
    const s = scoreDecision(
      decision([crit('a', 'make', 20), crit('b', 'buy', 10)], { r: { a: 5, b: 5 } }, true),
    );
    expect(s.recommendation).toBe('make');
    expect(s.sensitivity.weight!.becomes).toBe('hybrid');
    expect(s.sensitivity.rating!.becomes).toBe('hybrid');
  });

  it('every reported flip really flips, and nothing smaller does (property)', () => {
    const criterion = fc.record({
      favours: fc.constantFrom('make' as const, 'buy' as const),
      weight: fc.integer({ min: 0, max: 100 }),
      rating: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(criterion, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (cs, hybrid) => {
          const criteria = cs.map((c, i) => crit(`c${i}`, c.favours, c.weight));
          const ratings = { r: Object.fromEntries(cs.map((c, i) => [`c${i}`, c.rating])) };
          const input = decision(criteria, ratings, hybrid);
          const score = scoreDecision(input);
          expect(score.make + score.buy).toBeCloseTo(score.recommendation === 'none' ? 0 : 100);
          const w = score.sensitivity.weight;
          if (w) {
            const changed = criteria.map((c) =>
              c.id === w.criterionId ? { ...c, weight: w.to } : c,
            );
            const after = scoreTotals(changed, (id) => ratings.r[id] ?? null, hybrid);
            expect(after.recommendation).toBe(w.becomes);
            expect(w.becomes).not.toBe(score.recommendation);
            // No whole-weight change on any criterion that is smaller flips it.
            const delta = Math.abs(w.to - w.from);
            for (const c of criteria)
              for (
                let x = Math.max(0, c.weight - delta + 1);
                x <= Math.min(100, c.weight + delta - 1);
                x++
              ) {
                const alt = criteria.map((k) => (k.id === c.id ? { ...k, weight: x } : k));
                const rec = scoreTotals(alt, (id) => ratings.r[id] ?? null, hybrid).recommendation;
                if (rec !== 'none' && rec !== 'tie') expect(rec).toBe(score.recommendation);
              }
          }
          const r = score.sensitivity.rating;
          if (r) {
            const after = scoreTotals(
              criteria,
              (id) => (id === r.criterionId ? r.to : (ratings.r[id] ?? null)),
              hybrid,
            );
            expect(after.recommendation).toBe(r.becomes);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('defaults and the sample plan', () => {
  it('offers the eleven considerations from the brief with weights adding to 100', () => {
    expect(DEFAULT_CRITERIA).toHaveLength(11);
    expect(DEFAULT_CRITERIA.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });

  it('agrees with the decisions recorded in the sample plan', () => {
    const text = readFileSync(
      join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
      'utf8',
    );
    const read = readPlanFile(text);
    if (!read.ok) throw new Error(read.message);
    for (const d of read.plan.content.decisions) {
      const s = scoreDecision(d);
      expect(s.recommendation).toBe(d.decision);
      expect(s.unrated).toEqual([]);
    }
  });

  it('scores 50 criteria × 10 raters quickly', () => {
    const criteria = Array.from({ length: 50 }, (_, i) =>
      crit(`c${i}`, i % 2 ? 'make' : 'buy', (i * 7) % 20),
    );
    const ratings = Object.fromEntries(
      Array.from({ length: 10 }, (_, r) => [
        `r${r}`,
        Object.fromEntries(criteria.map((c, i) => [c.id, ((i + r) % 5) + 1])),
      ]),
    );
    const input = decision(criteria, ratings);
    const start = performance.now();
    for (let i = 0; i < 20; i++) scoreDecision(input);
    expect((performance.now() - start) / 20).toBeLessThan(50);
  });
});

describe('formatShares', () => {
  it('shows Make and Buy to one decimal adding up to 100 (a new user saw 19.3 / 80.8)', () => {
    expect(formatShares(19.25, 80.75)).toEqual(['19.3', '80.7']);
    expect(formatShares(48.25, 51.75)).toEqual(['48.3', '51.7']);
    expect(formatShares(50, 50)).toEqual(['50', '50']);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (make) => {
        const [a, b] = formatShares(make, 100 - make).map(Number);
        expect(Math.round((a! + b!) * 10) / 10).toBe(100);
      }),
    );
  });
});
