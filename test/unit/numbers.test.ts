/**
 * One reader for numbers typed as text (shared/numbers.ts): the Excel round
 * trip uses it, and it reads every plain number the way the catalog import's
 * cost reader does, so "1,050" and "12,5" mean the same in both imports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCost } from '../../shared/content/catalog-import';
import { fromPercentFraction, parseDecimalText, parseNumberText } from '../../shared/numbers';

describe('parseNumberText', () => {
  it.each([
    ['1,050', 1050, false],
    ['12,5', 12.5, false],
    ['12.5', 12.5, false],
    ['1 050', 1050, false],
    ['1\u00a0050,75', 1050.75, false],
    ['1.200,50', 1200.5, false],
    ['1,200.50', 1200.5, false],
    ["1'200", 1200, false],
    ['-3', -3, false],
    ['\u22123', -3, false],
    ['75%', 75, true],
    ['75 %', 75, true],
    ['12,5%', 12.5, true],
    ['1e3', 1000, false],
    ['1.000.000', 1_000_000, false],
    ['1,000,000', 1_000_000, false],
  ])('reads “%s” as %d (percent: %s)', (text, value, percent) => {
    expect(parseNumberText(text)).toEqual({ value, percent });
  });

  it.each(['', ' ', 'n/a', 'twelve', '12 hours', '%', '1,2,3', '€5'])('refuses “%s”', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it('turns a stored per-cent fraction into the number typed, without float noise', () => {
    expect([0.75, 0.07, 0.125, 1, 0].map(fromPercentFraction)).toEqual([75, 7, 12.5, 100, 0]);
  });
});

describe('one number reader for every import', () => {
  it('reads any number written with English or continental separators as the catalog import does', () => {
    const formatted = fc
      .tuple(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.option(fc.integer({ min: 0, max: 99 })),
        fc.constantFrom('en-GB', 'de-DE', 'fr-FR', 'de-CH', 'plain'),
      )
      .map(([whole, cents, locale]) => {
        const value = cents === null ? whole : whole + cents / 100;
        const text =
          locale === 'plain'
            ? String(value)
            : value.toLocaleString(locale, {
                minimumFractionDigits: cents === null ? 0 : 2,
                maximumFractionDigits: 2,
              });
        return { value, text };
      });
    fc.assert(
      fc.property(formatted, ({ value, text }) => {
        const ours = parseDecimalText(text);
        // Whatever the catalog import reads, the shared reader reads the same.
        if (parseCost(text) !== 'invalid') expect(ours).toBe(parseCost(text));
        // One mark before exactly three digits is ambiguous ("1,050", "1.000"): both imports
        // read a lone comma as thousands and a lone dot as a decimal point. Anything else is exact.
        if (!/^\d{1,3}[.,]\d{3}$/.test(text)) expect(ours).toBeCloseTo(value, 6);
        else expect(ours).toBe(text.includes(',') ? Number(text.replace(',', '')) : Number(text));
      }),
      { numRuns: 300 },
    );
  });
});
