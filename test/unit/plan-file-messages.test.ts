/** What is wrong in a plan file, said in the app's words (issue 10: no "expected string, received undefined"). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSizeOverLimit, readPlanFile } from '../../shared/plan/plan-file';

const SAMPLE = readFileSync(
  join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
  'utf8',
);

/** The sample plan file's JSON, loosely typed so a test can break any field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Sample = Record<string, any>;

function detailsOf(edit: (raw: Sample) => void): string[] {
  const raw = JSON.parse(SAMPLE) as Sample;
  edit(raw);
  const result = readPlanFile(JSON.stringify(raw));
  if (result.ok) throw new Error('The file was accepted.');
  return result.details;
}

describe('plan file messages', () => {
  it('names the section, the element by its title, and the field in words', () => {
    const details = detailsOf((raw) => {
      delete raw.theoryOfChange.nodes[2].title;
      raw.theoryOfChange.nodes[3].kind = 'wish';
      raw.objective.baseline.date = '15/01/2026';
    });
    expect(details).toContain(`Theory of change › element 3 › title: missing (it should be text)`);
    expect(details.find((d) => d.startsWith('Theory of change › element 4 “'))).toMatch(
      /› kind: the text “wish” is not one of the accepted values \(“/,
    );
    expect(details.find((d) => d.startsWith('Objective › baseline › date'))).toMatch(
      /should be a date like 2026-01-15, but it is the text “15\/01\/2026”/,
    );
    for (const line of details) expect(line).not.toMatch(/Invalid input|expected \w+, received/);
  });

  it('never shows zod wording, whatever a field holds', () => {
    const values = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
    );
    fc.assert(
      fc.property(values, (value) => {
        const raw = JSON.parse(SAMPLE) as Sample;
        raw.theoryOfChange.nodes[0].title = value;
        raw.learners = value;
        const result = readPlanFile(JSON.stringify(raw));
        if (result.ok) return;
        for (const line of result.details) {
          expect(line).not.toMatch(/Invalid input|expected \w+, received|\[\d+\]/);
          expect(line).toMatch(/^(Theory of change|Learners)\b/);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('sizes in messages', () => {
  it('never says a file of 20.0 MB is over a limit of 20.0 MB', () => {
    const limit = 20 * 1024 * 1024;
    expect(formatSizeOverLimit(21_011_602, limit)).toEqual(['20.04 MB', '20.00 MB']);
    expect(formatSizeOverLimit(23.4 * 1024 * 1024, limit)).toEqual(['23.4 MB', '20.0 MB']);
    expect(formatSizeOverLimit(limit + 1, limit)).toEqual(['20,971,521 bytes', '20,971,520 bytes']);
  });
});
