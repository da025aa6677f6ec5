/**
 * The catalog files in ../shared/cases/import (copied to
 * test/fixtures/cases/import), each read the way the import dialog first
 * shows it, asserting the result shared/cases/README.md expects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessMapping, previewImport } from '../../shared/content/catalog-import';
import { readCatalogFile, type ReadResult } from '../../shared/content/import-file';

const dir = join(import.meta.dirname, '..', 'fixtures', 'cases', 'import');

async function read(name: string): Promise<Extract<ReadResult, { ok: true }>> {
  const result = await readCatalogFile(name, new Uint8Array(readFileSync(join(dir, name))));
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result;
}

async function preview(name: string) {
  const file = await read(name);
  return { file, preview: previewImport(file.table, guessMapping(file.table.headers)) };
}

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
          {
            row: 2,
            field: 'level',
            message: 'Level “Mixed” is not beginner, intermediate or advanced.',
          },
        ],
      },
    ]);
    expect(p.ready.map((r) => [r.row, r.item.kind])).toEqual([[3, 'skillSet']]);
  });
});
