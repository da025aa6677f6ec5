/**
 * The fast XLSX sheet reader gives exactly what the exceljs path gives, on
 * generated workbooks (every cell kind a catalog can hold) and on the real
 * workbooks in the fixtures and shared cases; anything it does not know it
 * leaves to exceljs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx, readXlsxWithExcelJs } from '../../shared/content/import-file';
import { readFirstSheet } from '../../shared/content/xlsx-sheet-reader';

type Cell = ExcelJS.CellValue;

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'A & B <c> "d" \'e\'',
    '&amp; literally',
    'line\nbreak',
    'tab\there',
    '_x000D_ escaped',
    ' padded ',
    'Café Ünïcödé 学习',
    '=SUM(A1)',
  ),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.boolean(),
  fc.constant(null),
  fc
    .date({ min: new Date('1950-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => new Date(Math.round(d.getTime() / 86_400_000) * 86_400_000)),
  fc.record({ formula: fc.constant('1+1'), result: fc.integer({ min: 0, max: 99 }) }),
  fc.record({ formula: fc.constant('"a"&"b"'), result: text }),
  fc.constant({ formula: '2*6' } as Cell),
  fc.constant({ error: '#N/A' } as Cell),
  fc
    .array(text, { minLength: 1, maxLength: 3 })
    .map((parts) => ({
      richText: parts.map((t, i) => ({ text: t, font: { bold: i % 2 === 0 } })),
    })),
);

async function workbook(sheets: { name: string; rows: Cell[][] }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, c) => {
        if (v !== null) row.getCell(c + 1).value = v;
      });
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('fast XLSX sheet reader', () => {
  it('reads generated workbooks exactly as exceljs does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (rows, emptyFirstSheet) => {
          const bytes = await workbook([
            ...(emptyFirstSheet ? [{ name: 'Empty', rows: [] }] : []),
            { name: 'Catalog', rows },
          ]);
          const fast = readFirstSheet(bytes, 200);
          // exceljs-written workbooks are the shape the fast path exists for.
          expect(fast).not.toBeNull();
          expect(await readXlsx(bytes)).toEqual(await readXlsxWithExcelJs(bytes));
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it('agrees with exceljs on every workbook in the fixtures and shared cases', async () => {
    const folders = [
      join(import.meta.dirname, '..', 'fixtures', 'imports'),
      join(import.meta.dirname, '..', 'fixtures'),
      join(import.meta.dirname, '..', '..', '..', 'shared', 'cases', 'import'),
      join(import.meta.dirname, '..', '..', '..', 'shared', 'cases', 'roundtrip'),
    ].filter((f) => existsSync(f));
    let seen = 0;
    for (const folder of folders)
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.xlsx'))) {
        const bytes = new Uint8Array(readFileSync(join(folder, name)));
        expect({ name, read: await readXlsx(bytes) }).toEqual({
          name,
          read: await readXlsxWithExcelJs(bytes),
        });
        seen++;
      }
    expect(seen).toBeGreaterThan(0);
  });

  it('leaves merged cells and hyperlinks to exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Catalog');
    ws.addRow(['Group', '', 'Other']);
    ws.addRow(['Title', 'Provider', 'URL']);
    ws.mergeCells('A1:B1');
    ws.addRow(['SQL', 'Tessary', { text: 'site', hyperlink: 'https://example.org' }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(readFirstSheet(bytes, 200)).toBeNull();
    expect(await readXlsx(bytes)).toEqual(await readXlsxWithExcelJs(bytes));
  });

  it('reports progress while reading a long sheet', async () => {
    const rows: Cell[][] = [['Title']];
    for (let i = 0; i < 5000; i++) rows.push([`Item ${i}`]);
    const seen: number[] = [];
    const read = readFirstSheet(await workbook([{ name: 'Catalog', rows }]), 200, (n) =>
      seen.push(n),
    );
    expect(read && read !== 'empty' ? read.rows.length : 0).toBe(5001);
    expect(seen).toEqual([2000, 4000]);
  });
});
