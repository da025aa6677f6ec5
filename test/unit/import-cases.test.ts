/**
 * The catalog files in ../shared/cases/import (copied to
 * test/fixtures/cases/import), each read the way the import dialog first
 * shows it, asserting the result shared/cases/README.md expects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessMapping, previewImport, splitList } from '../../shared/content/catalog-import';
import { readCatalogFile, type ReadResult } from '../../shared/content/import-file';
import { distinctValues, type ImportChoices } from '../../shared/content/import-values';

const dir = join(import.meta.dirname, '..', 'fixtures', 'cases', 'import');

async function read(name: string): Promise<Extract<ReadResult, { ok: true }>> {
  const result = await readCatalogFile(name, new Uint8Array(readFileSync(join(dir, name))));
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result;
}

/**
 * The file read and checked with the guessed mapping. A file without a Kind
 * or Level column needs the user's choice for every row (nothing is
 * defaulted silently), so those are chosen here as the dialog asks.
 */
async function preview(name: string, choices: ImportChoices = ALL_ROWS) {
  const file = await read(name);
  return {
    file,
    preview: previewImport(file.table, guessMapping(file.table.headers), [], undefined, choices),
  };
}

const ALL_ROWS = { kindForAll: 'course', levelForAll: 'beginner' } as const;

describe('catalog import cases', () => {
  it.each(['two-column-semicolon.csv', 'two-column-tab.tsv', 'excel-unicode-text.txt'])(
    '%s: two columns, Title "Excel Basics" and Provider "City Adult School"',
    async (name) => {
      const { file, preview: p } = await preview(name);
      expect(file.table.headers).toEqual(['Title', 'Provider']);
      expect(p.failed).toEqual([]);
      expect(p.ready.map((r) => [r.item.title, r.item.provider])).toEqual([
        ['Excel Basics', 'City Adult School'],
      ]);
    },
  );

  it('bom-then-windows-1252.csv: heading "Title" (no mark), "Café" decoded, and a note saying how it was read', async () => {
    const { file, preview: p } = await preview('bom-then-windows-1252.csv');
    expect(file.table.headers[0]).toBe('Title');
    expect(p.ready.map((r) => r.item.title)).toEqual([
      'Customer Service Basics',
      'Café Hygiene Essentials',
    ]);
    expect(file.notes.join(' ')).toMatch(/read as Windows-1252/);
  });

  it('title-line-above-headings.csv: the real heading row is used; one item, no item called "Title"', async () => {
    const { file, preview: p } = await preview('title-line-above-headings.csv');
    expect(file.headerRow).toBe(2);
    expect(file.headingChoices.map((c) => c.row)).toEqual([1, 2]);
    expect(p.ready.map((r) => r.item)).toEqual([
      expect.objectContaining({
        title: 'Time Management',
        provider: 'Brightpath Learning',
        level: 'intermediate',
      }),
    ]);
    expect(file.notes).toContain('The headings are in row 2; row 1 above them is not imported.');
    // The user can still say the headings are in row 1.
    const chosen = await readCatalogFile(
      'title-line-above-headings.csv',
      new Uint8Array(readFileSync(join(dir, 'title-line-above-headings.csv'))),
      undefined,
      { headerRow: 1 },
    );
    expect(chosen.ok && chosen.table.headers).toEqual(['Course report 2024-05-01']);
  });

  it('two-row-merged-headings.xlsx: the real heading row is used; Title, Provider and Hours mapped; no item called "Title"', async () => {
    const { file, preview: p } = await preview('two-row-merged-headings.xlsx');
    const mapping = guessMapping(file.table.headers);
    for (const field of ['title', 'provider', 'hours'] as const)
      expect(mapping[field], field).not.toBeNull();
    expect(p.ready.map((r) => r.item.title)).not.toContain('Title');
    expect(p.ready.map((r) => r.item.title)).toContain('Plumbing Basics');
  });

  it('hidden-first-sheet.xlsx: the visible "Catalog" sheet is read and its rows import', async () => {
    const { file, preview: p } = await preview('hidden-first-sheet.xlsx');
    expect(file.table.sheetName).toBe('Catalog');
    expect(file.sheets).toEqual(['Catalog']);
    expect(p.ready.map((r) => r.item.title)).toContain('Cash Handling');
    expect(file.notes.join(' ')).toMatch(/hidden sheet “Lists” left out/);
  });

  it('formula-without-cached-value.xlsx: Hours 12, never silently empty', async () => {
    const { preview: p } = await preview('formula-without-cached-value.xlsx');
    expect(p.ready.map((r) => [r.item.title, r.item.hours])).toEqual([['Welding Level 1', 12]]);
  });

  it('duplicate-of-refused-row.csv: a row left out is no original, and another kind is another item', async () => {
    const { preview: p } = await preview('duplicate-of-refused-row.csv');
    expect(p.failed).toEqual([
      {
        row: 2,
        issues: [
          // Issue 11 (new-user finding 10): an unknown value waits for the user's choice.
          {
            row: 2,
            field: 'level',
            message: 'Waiting for your choice for Level “Mixed” above.',
            waiting: true,
            reason: 'Level “Mixed” is not beginner, intermediate or advanced.',
          },
        ],
      },
    ]);
    expect(p.ready.map((r) => [r.row, r.item.kind])).toEqual([[3, 'skillSet']]);
  });

  it('a file without Kind and Level columns: nothing is imported until the kind and level of every row are chosen', async () => {
    const { preview: p } = await preview('two-column-semicolon.csv', {});
    expect(p.mappingErrors).toEqual([
      'Choose the column that holds the Kind, or the kind of every row.',
      'Choose the column that holds the Level, or the level of every row.',
    ]);
    expect(p.ready).toEqual([]);
    const { preview: chosen } = await preview('two-column-semicolon.csv', {
      kindForAll: 'clip',
      levelForAll: 'advanced',
    });
    expect(chosen.ready.map((r) => [r.item.kind, r.item.level])).toEqual([['clip', 'advanced']]);
  });

  it('platform-vocabulary.csv: "Specialization" and "Beginner Level" suggested, "Mixed" left for the user; all three rows importable once chosen, nothing defaulted', async () => {
    const file = await read('platform-vocabulary.csv');
    const mapping = guessMapping(file.table.headers);
    const values = distinctValues(
      file.table.rows,
      { kind: mapping.kind, level: mapping.level, languages: mapping.languages },
      splitList,
    );
    expect(values.kind).toEqual([
      { text: 'Course', key: 'course', rows: 2, suggested: 'course' },
      { text: 'Specialization', key: 'specialization', rows: 1, suggested: 'skillSet' },
    ]);
    expect(values.level.map((v) => [v.text, v.suggested])).toEqual([
      ['Beginner', 'beginner'],
      ['Beginner Level', 'beginner'],
      ['Mixed', null],
    ]);

    // Before the user chooses: the "Mixed" row waits (it is not made a beginner course).
    const before = previewImport(file.table, mapping);
    expect(before.mappingErrors).toEqual([]);
    expect(before.ready.map((r) => [r.item.title, r.item.kind, r.item.level])).toEqual([
      ['Data Analysis', 'skillSet', 'beginner'],
      ['Bookkeeping', 'course', 'beginner'],
    ]);
    expect(before.failed).toEqual([
      {
        row: 4,
        issues: [
          {
            row: 4,
            field: 'level',
            message: 'Waiting for your choice for Level “Mixed” above.',
            waiting: true,
            reason: 'Level “Mixed” is not beginner, intermediate or advanced.',
          },
        ],
      },
    ]);

    // The user says what "Mixed" means, once for all rows; and may say Specialization is a certificate.
    const after = previewImport(file.table, mapping, [], undefined, {
      values: {
        level: { mixed: 'intermediate' },
        kind: { specialization: 'professionalCertificate' },
      },
    });
    expect(after.failed).toEqual([]);
    expect(after.ready.map((r) => [r.item.title, r.item.kind, r.item.level])).toEqual([
      ['Data Analysis', 'professionalCertificate', 'beginner'],
      ['Bookkeeping', 'course', 'beginner'],
      ['Python', 'course', 'intermediate'],
    ]);
  });
});
