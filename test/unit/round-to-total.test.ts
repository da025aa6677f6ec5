/** Largest-remainder rounding: shown rows add up to the shown total (issue 12: Make 76.8 + Buy 23.3 = 100.1). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundToTotal } from '../../shared/numbers';
import { planDocument } from '../../shared/export/document';
import { exportOptions, samplePlan } from './export-helpers';

describe('roundToTotal', () => {
  it('rounds 76.75 / 23.25 to 76.8 / 23.2, adding up to 100', () => {
    expect(roundToTotal([76.75, 23.25], 100)).toEqual([76.8, 23.2]);
  });

  it('adds up to the rounded total and moves no value by a whole step', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (values) => {
          const total = values.reduce((s, v) => s + v, 0);
          const rounded = roundToTotal(values, total);
          const sum = rounded.reduce((s, v) => s + v * 10, 0);
          expect(Math.round(sum)).toBe(Math.round(total * 10));
          rounded.forEach((r, i) => expect(Math.abs(r - values[i]!)).toBeLessThan(0.1 + 1e-9));
        },
      ),
    );
  });
});

describe('the Word make-or-buy tables', () => {
  it('show Make and Buy adding up to 100, and points adding up to their totals', () => {
    const doc = planDocument(samplePlan(), exportOptions());
    const section = doc.sections.find((s) => s.id === 'makeOrBuy')!;
    const tables = section.blocks.filter((b) => b.type === 'table');
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const make = table.columns.findIndex((c) => c.title === 'Make points');
      const buy = table.columns.findIndex((c) => c.title === 'Buy points');
      const sum = (col: number) =>
        Math.round(table.rows.reduce((s, r) => s + (Number(r[col]) || 0), 0) * 10) / 10;
      expect(sum(make)).toBe(Number(table.totalRow![make]));
      expect(sum(buy)).toBe(Number(table.totalRow![buy]));
      expect(Number(table.totalRow![make]) + Number(table.totalRow![buy])).toBeCloseTo(100, 9);
    }
    for (const facts of section.blocks.filter((b) => b.type === 'facts')) {
      const recommendation = facts.rows.find(([k]) => k === 'Recommendation')?.[1] ?? '';
      const m = /Make ([\d.]+), Buy ([\d.]+)/.exec(recommendation);
      if (m) expect(Number(m[1]) + Number(m[2])).toBeCloseTo(100, 9);
    }
  });
});
