/**
 * The XLSX import reads workbooks through SheetJS. These tests hold it to an
 * independent reader — exceljs, which wrote the generated workbooks — on
 * every cell kind a catalog can hold, merges and links included, and on the
 * real workbooks in the fixtures; and pin down what a planner must get: a
 * stored 0 or FALSE is a value, a formula with no stored result is worked
 * out when it is plain arithmetic and otherwise reported by its cell (never
 * a made-up 0), progress is reported while rows are read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_COLUMNS, readXlsx, readXlsxGrid } from '../../shared/content/import-file';

type Cell = ExcelJS.CellValue;

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'imports');

/** Text of one exceljs value, as the catalog wants it (the reference for SheetJS). */
function referenceText(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('hyperlink' in value) {
    const text = typeof value.text === 'string' ? value.text : referenceText(value.text);
    return text.trim() ? text : value.hyperlink;
  }
  if ('error' in value) return String(value.error);
  return '';
}

/** Results of the arithmetic formulas the generated workbooks hold without a stored result. */
const ARITHMETIC: Record<string, string> = { '2*6': '12' };

/** A sheet's non-blank rows as text, with their row numbers (or why there are none). */
type Grid =
  | { ok: true; sheetName: string; cells: string[][]; rowNumbers: number[] }
  | { ok: false; message: string };

/**
 * The rows exceljs gives: every row with a non-blank value, merged cells read
 * as their range's value. Formula cells read `cell.result` rather than
 * `cell.value`, whose copy drops a falsy stored result (0, FALSE) — an
 * exceljs quirk the import must not copy.
 */
async function gridWithExcelJs(bytes: Uint8Array): Promise<Grid> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  // A visible sheet with data; a hidden one only when no visible sheet has any.
  const sheet =
    workbook.worksheets.find((ws) => ws.state === 'visible' && ws.actualRowCount > 0) ??
    workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { ok: false, message: 'The workbook has no data in any sheet.' };
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > MAX_IMPORT_COLUMNS + 1) return;
      // exceljs counts the covered cells of an empty merged range as values; nothing is there.
      if (cell.type === ExcelJS.ValueType.Merge && cell.master.value === null) return;
      const source = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
      const value =
        source.type === ExcelJS.ValueType.Formula
          ? (source.result as Cell | undefined)
          : source.value;
      // A formula with no stored result that is plain arithmetic is worked out.
      cells[col - 1] =
        source.type === ExcelJS.ValueType.Formula && value === undefined
          ? (ARITHMETIC[source.formula] ?? '')
          : referenceText(value);
    });
    for (let c = 0; c < cells.length; c++) cells[c] ??= '';
    if (cells.every((c) => c.trim() === '')) return;
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  if (rows.length === 0) return { ok: false, message: 'The workbook has no data in any sheet.' };
  return { ok: true, sheetName: sheet.name, cells: rows, rowNumbers };
}

/** The same through the import's own reader. */
async function gridOf(bytes: Uint8Array): Promise<Grid> {
  const read = await readXlsxGrid(bytes);
  if (!read.ok) return read;
  if (read.grid.cells.length === 0)
    return { ok: false, message: 'The workbook has no data in any sheet.' };
  return {
    ok: true,
    sheetName: read.sheetName!,
    cells: read.grid.cells.map((r) => [...r]),
    rowNumbers: [...read.grid.rowNumbers],
  };
}

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
  fc.record({ formula: fc.constant('A1=A2'), result: fc.boolean() }),
  // exceljs writes a formula's text result without escaping `_xHHHH_`, so the file
  // says U+000D there (SheetJS reads it so, as the format defines); keep such text
  // to shared strings, where exceljs escapes it.
  fc.record({ formula: fc.constant('"a"&"b"'), result: text.filter((t) => !t.includes('_x')) }),
  fc.constant({ formula: '2*6' } as Cell),
  fc.constant({ error: '#N/A' } as Cell),
  fc.record({
    // exceljs writes { text: '' } as the object's JSON, not as a link: keep to texts it links.
    text: fc.constantFrom('site', ' '),
    hyperlink: fc.constantFrom('https://example.org/a?b=1&c=2', 'mailto:x@example.org'),
  }),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => ({
    richText: parts.map((t, i) => ({ text: t, font: { bold: i % 2 === 0 } })),
  })),
);

interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
}

async function workbook(sheets: SheetSpec[], date1904 = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, c) => {
        if (v !== null) row.getCell(c + 1).value = v;
      });
    });
    for (const range of s.merges ?? []) ws.mergeCells(range);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Merges that never overlap: one per row pair, within the first 6 columns. */
const merges = fc.array(
  fc.record({
    row: fc.integer({ min: 0, max: 3 }),
    col: fc.integer({ min: 0, max: 4 }),
    down: fc.boolean(),
  }),
  { maxLength: 3 },
);

const columnName = (c: number) => String.fromCharCode(65 + c);

describe('XLSX import through SheetJS', () => {
  it('reads generated workbooks as exceljs does (stored results kept)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        merges,
        async (rows, emptyFirstSheet, date1904, mergeSpecs) => {
          const used = new Set<number>();
          const ranges: string[] = [];
          for (const m of mergeSpecs) {
            const top = m.row * 2 + 1;
            if (used.has(top)) continue;
            used.add(top);
            ranges.push(
              m.down
                ? `${columnName(m.col)}${top}:${columnName(m.col)}${top + 1}`
                : `${columnName(m.col)}${top}:${columnName(m.col + 1)}${top}`,
            );
          }
          const bytes = await workbook(
            [
              ...(emptyFirstSheet ? [{ name: 'Empty', rows: [] }] : []),
              { name: 'Catalog', rows, merges: ranges },
            ],
            date1904,
          );
          expect(await gridOf(bytes)).toEqual(await gridWithExcelJs(bytes));
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);

  it('reads every workbook in the fixtures as exceljs does', async () => {
    // Read on its own below: exceljs turns its time-only cell into a date in 1899.
    const names = readdirSync(fixtures).filter(
      (n) => n.endsWith('.xlsx') && n !== 'catalog-libreoffice.xlsx',
    );
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(join(fixtures, name)));
      expect({ name, read: await gridOf(bytes) }).toEqual({
        name,
        read: await gridWithExcelJs(bytes),
      });
    }
  });

  it('reads a workbook saved by LibreOffice as the sheet shows it', async () => {
    // catalog-libreoffice.xlsx: converted from test/fixtures/imports/catalog-libreoffice.fods
    // with `soffice --headless --convert-to xlsx` (merges, rich text, a link, formulas,
    // a percentage, a date, a time, a line break).
    const read = await readXlsx(
      new Uint8Array(readFileSync(join(fixtures, 'catalog-libreoffice.xlsx'))),
    );
    // The merged group headings above (Course, Delivery) are passed over for the real ones.
    expect(read.ok && read.headerRow).toBe(2);
    expect(read.ok && read.table).toEqual({
      headers: ['Title', 'Provider', 'Hours', 'Completion', 'Starts', 'Free', 'URL'],
      rows: [
        [
          'SQL Basics & more',
          'Tessary Académie',
          '12',
          '0.75',
          '2027-03-01',
          'FALSE',
          'course page',
        ],
        // A time with no day reads as the sheet shows it (the hours parser takes 1:30 as 1.5);
        // LibreOffice stores TRUE as 1 in a boolean number format.
        ['Python for analysts', 'Tessary Académie', '1:30', '0', '', '1', 'Zeile eins\nZeile zwei'],
      ],
      rowNumbers: [3, 4],
      sheetName: 'Catalog',
    });
  });

  it('keeps a stored 0 and FALSE, works out plain arithmetic, and reports any other formula without a result by its cell', async () => {
    const bytes = await workbook([
      {
        name: 'Catalog',
        rows: [
          ['Title', 'Cost', 'Free', 'Hours'],
          [
            'SQL Basics',
            { formula: '5-5', result: 0 },
            { formula: '1>2', result: false },
            { formula: '2*6' } as Cell,
            { formula: 'VLOOKUP(A2,Prices!A:B,2,FALSE)' } as Cell,
          ],
        ],
      },
    ]);
    const read = await readXlsx(bytes);
    expect(read.ok && read.table.rows).toEqual([['SQL Basics', '0', 'FALSE', '12', '']]);
    expect(read.ok && read.table.cellIssues).toEqual([
      {
        row: 2,
        column: 4,
        message:
          'is a formula (=VLOOKUP(A2,Prices!A:B,2,FALSE)) in cell E2 with no stored result. Open the file in Excel or LibreOffice, save it, and import it again.',
        problem: { kind: 'formula', formula: 'VLOOKUP(A2,Prices!A:B,2,FALSE)', cell: 'E2' },
      },
    ]);
    // The report generators' shape: a formula with an empty <v/> and no type.
    const real = await readXlsx(
      new Uint8Array(readFileSync(join(fixtures, 'formula-without-cached-value.xlsx'))),
    );
    // Its Hours cell is =2*6 with an empty stored value: 12 (the case in shared/cases/import).
    expect(real.ok && real.table).toMatchObject({
      headers: ['Title', 'Hours'],
      rows: [['Welding Level 1', '12']],
      rowNumbers: [2],
    });
  });

  it('reads a merged range as its value in every cell it covers, and a link without text as its address', async () => {
    const bytes = await workbook([
      {
        name: 'Catalog',
        rows: [
          ['Title', 'Provider', 'URL'],
          ['SQL', 'Tessary', { text: ' ', hyperlink: 'https://example.org/sql' }],
          ['Python', null, { text: 'Python page', hyperlink: 'https://example.org/py' }],
        ],
        merges: ['B2:B3'],
      },
    ]);
    const read = await readXlsx(bytes);
    expect(read.ok && read.table.rows).toEqual([
      ['SQL', 'Tessary', 'https://example.org/sql'],
      ['Python', 'Tessary', 'Python page'],
    ]);
  });

  it('reads dates as days whatever the workbook epoch', async () => {
    for (const date1904 of [false, true]) {
      const bytes = await workbook(
        [
          {
            name: 'Catalog',
            rows: [
              ['Title', 'Starts'],
              ['SQL', new Date('2027-03-01')],
            ],
          },
        ],
        date1904,
      );
      const read = await readXlsx(bytes);
      expect(read.ok && read.table.rows).toEqual([['SQL', '2027-03-01']]);
    }
  });

  it('refuses a sheet wider than the column limit', async () => {
    const wide = Array.from({ length: MAX_IMPORT_COLUMNS + 1 }, (_, i) => `C${i}`);
    const read = await readXlsx(await workbook([{ name: 'Wide', rows: [wide, wide] }]));
    expect(read.ok || read.message).toBe(`The sheet has more than ${MAX_IMPORT_COLUMNS} columns.`);
  });

  it('reports progress while reading a long sheet', async () => {
    const rows: Cell[][] = [['Title']];
    for (let i = 0; i < 5000; i++) rows.push([`Item ${i}`]);
    const seen: number[] = [];
    const read = await readXlsx(await workbook([{ name: 'Catalog', rows }]), (n) => seen.push(n));
    expect(read.ok && read.table.rows.length).toBe(5000);
    expect(seen).toEqual([2000, 4000]);
  });
});
