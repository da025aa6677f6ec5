/** Lengths and cuts of plan texts: code points as the schema counts, cuts between whole characters. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Stakeholder } from '../../shared/plan/schema';
import { cutToLength, textLength } from '../../shared/text-length';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CLUSTERS = ['😀', '𠀀', 'e\u0301', '🇩🇪', '👩‍💻', 'a'] as const;

describe('cutToLength', () => {
  it('keeps the longest start of whole characters the schema accepts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...CLUSTERS), fc.string({ unit: 'grapheme' })), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 80 }),
        (parts, max) => {
          const text = parts.join('');
          const cut = cutToLength(text, max);
          expect(text.startsWith(cut)).toBe(true);
          expect(textLength(cut)).toBeLessThanOrEqual(max);
          expect(LONE_SURROGATE.test(cut)).toBe(false);
          if (textLength(text) <= max) {
            expect(cut).toBe(text);
            return;
          }
          const first = graphemes.segment(text).containing(0)!;
          if (textLength(first.segment) > max) {
            // One character longer than the limit: cut between its code points, as far as fits.
            expect(textLength(cut)).toBe(max);
            return;
          }
          const next = graphemes.segment(text).containing(cut.length)!;
          expect(next.index).toBe(cut.length);
          // The next whole character would not have fitted.
          expect(textLength(text.slice(0, next.index + next.segment.length))).toBeGreaterThan(max);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never refuses or shortens a text the schema accepts', () => {
    const notes = '😀'.repeat(20_000);
    expect(Stakeholder.shape.notes.safeParse(notes).success).toBe(true);
    expect(cutToLength(notes, 20_000)).toBe(notes);
    expect(cutToLength(`${notes}😀`, 20_000)).toBe(notes);
  });
});
