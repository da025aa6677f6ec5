import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import {
  guessMapping,
  parseCost,
  parseHours,
  parseKind,
  parseLevel,
  previewImport,
  splitList,
  type ColumnMapping,
  type RawTable,
} from '../../shared/content/catalog-import';
import { MAX_IMPORT_BYTES, readCatalogFile, sniffFormat } from '../../shared/content/import-file';
import { checkZip } from '../../shared/content/zip-guard';
import { ContentItem } from '../../shared/plan/schema';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'imports');
const enc = (s: string) => new TextEncoder().encode(s);

/** The kind and level of every row, chosen as the dialog asks for them when no column holds them. */
const ALL_ROWS = { kindForAll: 'course', levelForAll: 'beginner' } as const;

function table(headers: string[], rows: string[][]): RawTable {
  return { headers, rows, rowNumbers: rows.map((_, i) => i + 2) };
}

async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Catalog');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading values', () => {
  it.each([
    ['12', 12],
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['1,200', 1200],
    ['12 h', 12],
    ['3 hours', 3],
    ['1:30', 1.5],
    ['ten', 'invalid'],
    ['3 weeks', 'invalid'],
  ])('hours %j → %j', (text, expected) => expect(parseHours(text)).toEqual(expected));

  it.each([
    ['EUR 95', 95],
    ['€95', 95],
    ['1.200,50', 1200.5],
    ['1,200.50', 1200.5],
    ['free', 0],
    ['included', 0],
    ['1.000.000', 1_000_000],
    ['lots', 'invalid'],
  ])('cost %j → %j', (text, expected) => expect(parseCost(text)).toEqual(expected));

  it('reads kinds and levels people write', () => {
    expect(parseKind('Professional Certificate')).toBe('professionalCertificate');
    expect(parseKind('Guided project')).toBe('guidedProject');
    expect(parseKind('in-house')).toBe('inHouseModule');
    expect(parseKind('webinar')).toBeNull();
    expect(parseLevel('Basic')).toBe('beginner');
    expect(parseLevel('Level 2')).toBe('intermediate');
    expect(parseLevel('hard')).toBeNull();
  });

  it('splits lists on semicolons, commas and bars, dropping repeats', () => {
    expect(splitList('SQL; Data cleaning, sql | Python')).toEqual([
      'SQL',
      'Data cleaning',
      'Python',
    ]);
  });

  it('guesses the mapping from common headings', () => {
    const m = guessMapping(['Course name', 'Vendor', 'Type', 'Duration (hours)', 'Price', 'Other']);
    expect(m.title).toBe(0);
    expect(m.provider).toBe(1);
    expect(m.kind).toBe(2);
    expect(m.hours).toBe(3);
    expect(m.costPerLearner).toBe(4);
    expect(m.skills).toBeNull();
  });
});

describe('validating rows', () => {
  const headers = ['Title', 'Provider', 'Kind', 'Level', 'Hours', 'Cost', 'URL'];
  const mapping = guessMapping(headers);

  it('names the row and the field of every problem and keeps good rows', () => {
    const p = previewImport(
      table(headers, [
        ['SQL Basics', 'Alderwick', 'Course', 'Beginner', '20', '0', 'https://x.org/sql'],
        ['', 'Alderwick', 'Course', 'Beginner', '20', '0', ''],
        ['Python', 'Alderwick', 'Webinar', 'Expertish', 'many', '-5', 'ftp://x'],
      ]),
      mapping,
    );
    expect(p.ready.map((r) => r.item.title)).toEqual(['SQL Basics']);
    expect(p.failed.map((f) => f.row)).toEqual([3, 4]);
    expect(p.failed[0]!.issues).toEqual([{ row: 3, field: 'title', message: 'Title is empty.' }]);
    expect(p.failed[1]!.issues.map((i) => i.field)).toEqual([
      'kind',
      'level',
      'hours',
      'costPerLearner',
      'url',
    ]);
    expect(p.failed[1]!.issues[2]!.message).toBe('Hours “many” is not a number.');
  });

  it("counts a title's length in characters as the plan does: 500 emoji fit, 501 do not", () => {
    const cols = ['Title', 'Provider'];
    const p = previewImport(
      table(cols, [
        ['😀'.repeat(500), 'Emoji Academy'],
        ['😀'.repeat(501), 'Emoji Academy'],
      ]),
      guessMapping(cols),
      [],
      undefined,
      ALL_ROWS,
    );
    expect(p.ready.map((r) => r.row)).toEqual([2]);
    expect(ContentItem.safeParse({ ...p.ready[0]!.item, id: 'cat-emoji' }).success).toBe(true);
    expect(p.failed[0]!.issues[0]!.message).toBe('Title is 501 characters; at most 500.');
  });

  it('names each field whose value is too long, on every row that has one', () => {
    const cols = ['Title', 'Provider', 'Skills', 'Languages', 'URL', 'Notes'];
    const long = (n: number) => 'x'.repeat(n);
    const row = [
      'Data basics',
      long(501),
      `SQL; ${long(501)}`,
      long(501),
      `https://example.org/${long(2000)}`,
      long(20_001),
    ];
    const p = previewImport(table(cols, [row, row]), guessMapping(cols), [], undefined, ALL_ROWS);
    const messages = [
      'Provider is 501 characters; at most 500.',
      'A skill is 501 characters; at most 500.',
      'A language is 501 characters; at most 500.',
      'URL is 2,020 characters; at most 2,000.',
      'Notes is 20,001 characters; at most 20,000.',
    ];
    expect(p.failed.map((f) => f.issues.map((i) => i.message))).toEqual([messages, messages]);
  });

  it('refuses a mapping without a Title column, or with one column used twice', () => {
    const noTitle = previewImport(
      table(['Provider'], [['A']]),
      guessMapping(['Provider']),
      [],
      undefined,
      ALL_ROWS,
    );
    expect(noTitle.mappingErrors).toEqual(['Choose the column that holds the Title.']);
    expect(noTitle.ready).toEqual([]);
    const twice = previewImport(table(headers, [['A']]), { ...mapping, provider: 0 });
    expect(twice.mappingErrors[0]).toMatch(/both use the column “Title”/);
  });

  it('flags duplicate rows in the file; a row matching an item already in the catalog updates it instead of failing', () => {
    // Issue 11 changes this: a row that matched the catalog was refused as
    // "Already in the catalog"; a re-imported export now updates the item.
    const existing = ContentItem.parse({
      id: 'cat-viz',
      title: 'Data viz',
      provider: 'tessary',
      kind: 'course',
    });
    const p = previewImport(
      table(
        ['Title', 'Provider'],
        [
          ['SQL Basics', 'Alderwick'],
          ['sql  basics', 'ALDERWICK'],
          ['Data Viz', 'Tessary'],
          ['SQL Basics', 'Another provider'],
        ],
      ),
      guessMapping(['Title', 'Provider']),
      [existing],
      undefined,
      { kindForAll: 'course', levelForAll: 'beginner' },
    );
    expect(p.ready.map((r) => r.row)).toEqual([2, 5]);
    expect(p.failed).toEqual([
      {
        row: 3,
        issues: [
          // Issue 11 (new-user finding 3): the same row in every column imported needs nothing.
          {
            row: 3,
            field: null,
            message: 'Same as row 2 in every column imported: left out, nothing to fix.',
            duplicateOf: 2,
          },
        ],
      },
    ]);
    // Issue 11 (new-user finding 2) changes this: a difference of case only
    // ("Data Viz" for "Data viz") is no update; the catalog keeps its spelling.
    expect(p.updates).toEqual([]);
    expect(p.unchanged).toEqual([{ row: 4, id: 'cat-viz' }]);
  });

  it('passes over blank rows silently', () => {
    const p = previewImport(
      table(['Title'], [['A'], ['  '], ['B']]),
      guessMapping(['Title']),
      [],
      undefined,
      ALL_ROWS,
    );
    expect(p.ready).toHaveLength(2);
    expect(p.blankRows).toBe(1);
  });

  it('only ever produces items the plan schema accepts, and never throws (property)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('12', '1,5', 'EUR 9', 'beginner', 'Clip', 'https://a.b', 'x;y', ''),
      fc.string({ minLength: 490, maxLength: 520 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { maxLength: 20 }),
        (rows) => {
          const h = ['Title', 'Provider', 'Kind', 'Level', 'Hours', 'Cost', 'URL', 'Skills'];
          const p = previewImport(table(h, rows), guessMapping(h));
          for (const { item } of p.ready)
            expect(() => ContentItem.parse({ id: 'x', ...item })).not.toThrow();
          const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== '')).length;
          expect(p.ready.length + p.failed.length).toBe(nonBlank);
          for (const f of p.failed) expect(f.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('reading files', () => {
  it('reads the CSV fixture and reports its one bad row', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'catalog-one-bad-row.csv')));
    const read = await readCatalogFile('catalog-one-bad-row.csv', bytes);
    if (!read.ok) throw new Error(read.message);
    const p = previewImport(read.table, guessMapping(read.table.headers));
    expect(p.mappingErrors).toEqual([]);
    expect(p.ready).toHaveLength(3);
    expect(p.failed).toEqual([
      {
        row: 4,
        issues: [{ row: 4, field: 'hours', message: 'Hours “about ten” is not a number.' }],
      },
    ]);
    expect(p.ready[2]!.item).toMatchObject({ kind: 'guidedProject', costPerLearner: 12, hours: 3 });
  });

  it('reads semicolon-separated CSV with decimal commas', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'catalog-semicolon.csv')));
    const read = await readCatalogFile('x.csv', bytes);
    if (!read.ok) throw new Error(read.message);
    expect(read.table.headers).toEqual(['Titel', 'Anbieter', 'Stunden', 'Kosten']);
    const mapping: ColumnMapping = {
      ...guessMapping(read.table.headers),
      title: 0,
      hours: 2,
      costPerLearner: 3,
    };
    expect(
      previewImport(read.table, mapping, [], undefined, ALL_ROWS).ready[0]!.item,
    ).toMatchObject({
      hours: 6.5,
      costPerLearner: 1200.5,
    });
  });

  it('reads Windows-1252 CSV as Excel writes it', async () => {
    const bytes = new Uint8Array([...enc('Title\n'), 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    const read = await readCatalogFile('x.csv', bytes);
    expect(read.ok && read.table.rows[0]![0]).toBe('Café');
  });

  it('reads an XLSX workbook with row numbers as Excel shows them', async () => {
    const bytes = await xlsx([
      ['Title', 'Hours', 'Level'],
      ['SQL Basics', 20, 'Beginner'],
      [null, null, null],
      ['Python', 'lots', 'Advanced'],
    ]);
    const read = await readCatalogFile('catalog.xlsx', bytes);
    if (!read.ok) throw new Error(read.message);
    const p = previewImport(read.table, guessMapping(read.table.headers), [], undefined, {
      kindForAll: 'course',
    });
    expect(p.ready[0]!.item).toMatchObject({ title: 'SQL Basics', hours: 20 });
    expect(p.failed).toEqual([
      { row: 4, issues: [{ row: 4, field: 'hours', message: 'Hours “lots” is not a number.' }] },
    ]);
  });

  it('refuses an empty file, headings without rows, and a file with missing headings', async () => {
    expect(await readCatalogFile('empty.csv', new Uint8Array())).toEqual({
      ok: false,
      message: '“empty.csv” is empty.',
    });
    const onlyHeaders = await readCatalogFile('h.csv', enc('Title,Provider\n\n'));
    expect(onlyHeaders.ok || onlyHeaders.message).toBe(
      '“h.csv” has column headings but no rows to import.',
    );
    const emptyXlsx = await readCatalogFile('e.xlsx', await xlsx([]));
    expect(emptyXlsx.ok || emptyXlsx.message).toMatch(/no data/);
  });

  it('refuses the wrong file types with a message saying what the file is', async () => {
    const pdf = await readCatalogFile('catalog.pdf', enc('%PDF-1.7 ...'));
    expect(pdf.ok || pdf.message).toMatch(/is a PDF.*CSV file or an Excel workbook/);
    const xls = await readCatalogFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]));
    expect(xls.ok || xls.message).toMatch(/Excel 97–2003/);
    const fake = await readCatalogFile('fake.xlsx', enc('Title\nA\n'));
    expect(fake.ok || fake.message).toMatch(/not a valid Excel workbook/);
    const docx = await readCatalogFile('notes.xlsx', zipSync({ 'word/document.xml': enc('<w/>') }));
    expect(docx.ok || docx.message).toMatch(/not an Excel workbook/);
    expect(sniffFormat('x.json', enc('{"a":1}'))).toEqual({
      unsupported: 'extension',
      ext: 'json',
    });
    const json = await readCatalogFile('x.json', enc('{"a":1}'));
    expect(json.ok || json.message).toMatch(/^“x.json” is a .json file. Choose a CSV file/);
    const broken = await readCatalogFile(
      'b.xlsx',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]),
    );
    expect(broken.ok || broken.message).toMatch(/damaged/);
  });

  it('refuses files over 10 MB before reading them', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const read = await readCatalogFile('big.csv', big);
    expect(read.ok || read.message).toMatch(/10\.0 MB; spreadsheets of at most 10 MB/);
  });

  it('refuses an unclosed quote instead of swallowing the rest of the file', async () => {
    const read = await readCatalogFile('q.csv', enc('Title,Notes\nA,"never closed\nB,x\n'));
    expect(read.ok || read.message).toMatch(/quotation mark that is never closed/);
  });
});

describe('zip bombs', () => {
  it('refuses an entry that would expand extremely, without inflating it', async () => {
    const bomb = zipSync(
      {
        'xl/workbook.xml': enc('<x/>'),
        'xl/worksheets/sheet1.xml': new Uint8Array(50 * 1024 * 1024),
      },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(200 * 1024);
    const read = await readCatalogFile('bomb.xlsx', bomb);
    expect(read.ok || read.message).toMatch(/zip bomb/);
  });

  it('never hands a refused archive to the spreadsheet library', async () => {
    vi.resetModules();
    const read = vi.fn(() => ({ SheetNames: [], Sheets: {} }));
    vi.doMock('@e965/xlsx', () => ({ read }));
    try {
      const fresh = await import('../../shared/content/import-file');
      const bomb = zipSync(
        {
          'xl/workbook.xml': enc('<x/>'),
          'xl/worksheets/sheet1.xml': new Uint8Array(50 * 1024 * 1024),
        },
        { level: 9 },
      );
      const refused = await fresh.readCatalogFile('bomb.xlsx', bomb);
      expect(refused.ok || refused.message).toMatch(/zip bomb/);
      expect(read).not.toHaveBeenCalled();
      // The same module does hand a sound workbook over.
      await fresh.readCatalogFile('ok.xlsx', await xlsx([['Title'], ['SQL']]));
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      vi.doUnmock('@e965/xlsx');
      vi.resetModules();
    }
  });

  it('refuses an archive with thousands of parts', () => {
    const parts = Object.fromEntries(
      Array.from({ length: 2500 }, (_, i) => [`xl/p${i}.xml`, enc('<a/>')]),
    );
    const check = checkZip(zipSync(parts));
    expect(check.ok || check.message).toMatch(/2,500 internal parts/);
  });

  it('refuses an archive whose declared sizes lie about what it holds', () => {
    const honest = zipSync({ 'xl/workbook.xml': new Uint8Array(3 * 1024 * 1024) });
    // Patch the central directory's uncompressed size down to 1 KB: the old
    // check alone would pass it; the bounded inflate notices.
    const lying = honest.slice();
    const view = new DataView(lying.buffer);
    for (let i = lying.length - 22; i >= 0; i--)
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 1024, true);
        break;
      }
    const check = checkZip(lying);
    expect(check.ok || check.message).toMatch(/more data than it declares/);
  });

  it('refuses a workbook that would expand past the total budget', () => {
    const check = checkZip(zipSync({ 'a.xml': new Uint8Array(2048) }), {
      maxEntries: 10,
      maxTotalBytes: 1024,
      maxRatio: 1000,
      ratioFloorBytes: 1e9,
    });
    expect(check.ok || check.message).toMatch(/would expand to/);
  });
});
