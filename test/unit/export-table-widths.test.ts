/** Word table columns sized from their content (issue 12: "Communication s Lead", 15-line notes rows). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../shared/export/diagrams/scene';
import { columnWidths } from '../../shared/export/table-widths';

const wordTwips = (word: string) => textWidth(word, 8.5) * 20 + 180;

describe('Word table column widths', () => {
  it('never breaks a word that fits: "Communications" keeps its column wide enough', () => {
    const widths = columnWidths(
      [
        { title: '#', width: 3 },
        { title: 'Name', width: 30 },
        { title: 'Role', width: 8 },
        { title: 'Contact', width: 10 },
      ],
      [['1', 'Youth Careers Trust', 'Communications Lead', 'j.doe@youthcareerstrust.example.org']],
      14_570,
    );
    expect(widths.reduce((a, b) => a + b, 0)).toBe(14_570);
    expect(widths[2]).toBeGreaterThanOrEqual(wordTwips('Communications'));
    expect(widths[3]).toBeGreaterThanOrEqual(wordTwips('j.doe@youthcareerstrust.example.org'));
  });

  it('gives a column of paragraphs more room than a column of dates', () => {
    const notes =
      'The ministry wants quarterly figures by segment; agree the template before the first steering committee. '.repeat(
        3,
      );
    const widths = columnWidths(
      [
        { title: 'When', width: 20 },
        { title: 'Notes', width: 10 },
      ],
      Array.from({ length: 10 }, () => ['2027-01-15', notes]),
      9_638,
    );
    expect(widths[1]).toBeGreaterThan(widths[0]!);
    expect(widths[1]).toBeGreaterThan((10 / 30) * 9_638);
  });

  it('always fills the table exactly and keeps every word that can fit unbroken', () => {
    const word = fc.stringMatching(/^[A-Za-z@.]{1,18}$/);
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: word, width: fc.integer({ min: 1, max: 40 }) }), {
          minLength: 1,
          maxLength: 9,
        }),
        fc.array(
          fc.array(
            fc.array(word, { maxLength: 12 }).map((w) => w.join(' ')),
            { minLength: 9, maxLength: 9 },
          ),
          {
            maxLength: 20,
          },
        ),
        (columns, rows) => {
          const available = 14_570;
          const widths = columnWidths(columns, rows, available);
          expect(widths.reduce((a, b) => a + b, 0)).toBe(available);
          const needed = columns.map((c, i) =>
            Math.min(
              available * 0.3,
              Math.max(
                textWidth(c.title, 8.5, true) * 20 + 180,
                ...rows.flatMap((r) => (r[i] ?? '').split(' ').map(wordTwips)),
              ),
            ),
          );
          if (needed.reduce((a, b) => a + b, 0) < available * 0.9)
            widths.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(Math.floor(needed[i]!) - 1));
        },
      ),
      { numRuns: 200 },
    );
  });
});
