/**
 * The CSV reader against any table a spreadsheet program could write: any
 * separator (comma, semicolon, tab, vertical bar), minimal or full quoting,
 * UTF-8 with or without a byte-order mark, UTF-16 (Excel's "Unicode Text")
 * or Windows-1252, CRLF or LF, with or without a final newline. Every such
 * file reads back as the table that was written.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectSeparator, readCatalogFile } from '../../shared/content/import-file';

const SEPARATORS = [',', ';', '\t', '|'] as const;
const HEADINGS = ['Title', 'Provider', 'Hours', 'Level', 'Kind'];

/** Windows-1252 bytes of text holding only ASCII, é and ü. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => (ch === 'é' ? 0xe9 : ch === 'ü' ? 0xfc : ch.charCodeAt(0))),
  );
}

function encode(text: string, encoding: string): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8 with mark':
      return new TextEncoder().encode(`\ufeff${text}`);
    case 'utf-16le': {
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes[0] = 0xff;
      bytes[1] = 0xfe;
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        bytes[2 + i * 2] = unit & 0xff;
        bytes[3 + i * 2] = unit >> 8;
      }
      return bytes;
    }
    default:
      return windows1252(text);
  }
}

const table = fc.constantFrom(...SEPARATORS).chain((separator) => {
  // Cell text: letters, spaces, quotes, line breaks and this file's own separator.
  const others = SEPARATORS.filter((s) => s !== separator);
  const cell = fc
    .string({
      unit: fc.constantFrom('a', 'B', '7', ' ', 'é', 'ü', '"', '\n', '.', separator),
      maxLength: 8,
    })
    .filter((text) => !others.some((o) => text.includes(o)));
  return fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.record({
      separator: fc.constant(separator),
      headers: fc.constant(HEADINGS.slice(0, width)),
      rows: fc.array(
        fc
          .array(cell, { minLength: width, maxLength: width })
          .filter((row) => row.some((c) => c.trim() !== '')),
        { minLength: 1, maxLength: 6 },
      ),
      quoteAll: fc.boolean(),
      newline: fc.constantFrom('\r\n', '\n'),
      finalNewline: fc.boolean(),
      encoding: fc.constantFrom('utf-8', 'utf-8 with mark', 'utf-16le', 'windows-1252'),
    }),
  );
});

describe('CSV reader', () => {
  it('reads back any table written with any separator, quoting, encoding and final newline', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const text =
          Papa.unparse(
            { fields: t.headers, data: t.rows },
            { delimiter: t.separator, quotes: t.quoteAll, newline: t.newline },
          ) + (t.finalNewline ? t.newline : '');
        const read = await readCatalogFile('catalog.csv', encode(text, t.encoding));
        if (!read.ok) throw new Error(read.message);
        expect(read.table.headers).toEqual(t.headers);
        expect(read.table.rows).toEqual(t.rows);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the separator of a heading and one row, as Excel writes them', () => {
    expect(detectSeparator('Title;Provider\r\nExcel Basics;City Adult School\r\n')).toBe(';');
    expect(detectSeparator('Title\tProvider\nExcel Basics\tCity Adult School\n')).toBe('\t');
    expect(detectSeparator('Title,Provider\nExcel Basics,City Adult School')).toBe(',');
    expect(detectSeparator('Title\nExcel Basics\n')).toBeNull();
    // A decimal comma inside a semicolon file does not make it a comma file.
    expect(detectSeparator('Titel;Stunden\nExcel;6,5\nWord;2,5\n')).toBe(';');
  });

  it('says which rows hold bytes that are text in no encoding it knows', async () => {
    // 0x81 is undefined in Windows-1252, and the file is not UTF-8.
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('Title,Provider\nCaf'),
      0xe9,
      ...new TextEncoder().encode(',A\nBad'),
      0x81,
      ...new TextEncoder().encode(',B\n'),
    ]);
    const read = await readCatalogFile('x.csv', bytes);
    if (!read.ok) throw new Error(read.message);
    expect(read.table.rows[0]).toEqual(['Café', 'A']);
    expect(read.table.cellIssues).toEqual([
      {
        row: 3,
        column: 0,
        message: 'holds bytes that are not text (the file is neither UTF-8 nor Windows-1252).',
        problem: { kind: 'bytes' },
      },
    ]);
  });
});
