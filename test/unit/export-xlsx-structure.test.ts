/**
 * A structural checker over the Excel export, reading the file as stricter
 * readers do (every XML part parsed, not exceljs reading its own output), for
 * the sample plan, a large plan and a multilingual plan:
 * - every font in styles.xml is named (a nameless bold font prints in a serif fallback);
 * - no two data validations of a sheet cover the same cell;
 * - page headers and footers are at most 255 characters (Excel's limit);
 * - no control character in any XML text or attribute;
 * - a row holding wrapped text of several lines has a stored height that fits
 *   them (LibreOffice draws a row without one a single line high);
 * - no number format leaves a dangling decimal separator ("4,000.");
 * - http(s) catalog links are hyperlinks, anything else is plain text;
 * - formula-looking text is a string cell with the quote prefix, never a formula.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
// @ts-expect-error -- jsdom ships no type declarations; the few members used are typed below.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { PROFILE_IDS } from '../../shared/export/audience';
import { isEmptyPreview, readRoundTripWorkbook } from '../../shared/export/roundtrip';
import { looksLikeFormula } from '../../shared/export/sanitize';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import {
  MAX_HEADER_CHARS,
  numberFormat,
  pageHeader,
  wrappedLines,
} from '../../shared/export/xlsx-layout';
import { webAddress } from '../../shared/web-address';
import type { Plan } from '../../shared/plan/schema';
import { largePlan } from '../helpers/large-plan';
import { FORMULA_TEXTS, multilingualPlan } from '../helpers/multilingual-plan';
import { exportOptions, samplePlan, xmlUnescape, zipText } from './export-helpers';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The members of a parsed XML node this file uses (the unit tests have no DOM library). */
interface Element {
  readonly localName: string;
  readonly firstElementChild: Element | null;
  readonly nextElementSibling: Element | null;
  readonly textContent: string | null;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  getAttributeNS(namespace: string, name: string): string | null;
  getElementsByTagNameNS(namespace: string, name: string): ArrayLike<Element>;
  getElementsByTagName(name: string): ArrayLike<Element>;
}
type Document = Element;
const { DOMParser } = (
  new JSDOM('') as {
    window: { DOMParser: new () => { parseFromString(text: string, type: string): Document } };
  }
).window;

/* eslint-disable no-control-regex -- control characters are exactly what is checked */
/** C0 controls other than tab and line breaks, DEL and C1 controls, non-characters, lone surrogates. */
const CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/* eslint-enable no-control-regex */

// ---------------------------------------------------------------- reading

function parseXml(name: string, text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${name} is not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Every element named `tag` under `parent` (one search, then a plain array). */
const children = (parent: Element | Document, tag: string): Element[] =>
  Array.from(parent.getElementsByTagNameNS(MAIN, tag));

/** The direct children of `parent` named `tag`: sibling links, no live collection (fast in jsdom). */
function kids(parent: Element, tag: string): Element[] {
  const out: Element[] = [];
  for (let e = parent.firstElementChild; e; e = e.nextElementSibling)
    if (e.localName === tag) out.push(e);
  return out;
}

/** 1-based column number of letters ("A" → 1, "AA" → 27). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Column letters of a 1-based column number. */
function columnLetters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A cell or range reference ("B8", "D8:E18") as a rectangle. */
function rect(ref: string): Rect {
  const [a, b = a] = ref.split(':') as [string, string?];
  const cell = (r: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(r);
    if (!m) throw new Error(`Not a cell reference: ${r}`);
    return { col: columnNumber(m[1]!), row: Number(m[2]) };
  };
  const from = cell(a);
  const to = cell(b!);
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

const intersects = (a: Rect, b: Rect) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

interface Cell {
  readonly ref: string;
  readonly row: number;
  readonly col: number;
  readonly style: number;
  readonly type: string | null;
  readonly text: string | null;
  readonly formula: string | null;
}

interface Sheet {
  readonly name: string;
  readonly doc: Document;
  readonly cells: Cell[];
  readonly rowHeights: Map<number, number>;
  readonly widths: Map<number, number>;
  readonly merges: Rect[];
  /** Cell reference → hyperlink target. */
  readonly links: Map<string, string>;
}

interface Workbook {
  readonly parts: Map<string, Document>;
  /** The text of each XML part as written. */
  readonly raw: Map<string, string>;
  readonly sheets: Sheet[];
  readonly styles: Document;
  /** Per cell style (cellXfs index): wraps, quote prefix, number format code, font size. */
  readonly xfs: { wrap: boolean; quotePrefix: boolean; format: string; size: number }[];
  readonly formats: Map<number, string>;
}

/** The text of a shared string item or inline string (runs joined). */
const itemText = (si: Element) =>
  [...kids(si, 't'), ...kids(si, 'r').flatMap((r) => kids(r, 't'))]
    .map((t) => t.textContent ?? '')
    .join('');

async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Document>();
  const raw = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    if (zip.files[name]!.dir || !/\.(xml|rels)$/.test(name)) continue;
    const text = await zip.file(name)!.async('string');
    raw.set(name, text);
    parts.set(name, parseXml(name, text));
  }
  const shared = parts.get('xl/sharedStrings.xml');
  const strings = shared ? children(shared, 'si').map(itemText) : [];
  const styles = parts.get('xl/styles.xml')!;
  const formats = new Map<number, string>([
    [0, 'General'],
    [49, '@'],
  ]);
  for (const f of children(styles, 'numFmt'))
    formats.set(Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '');
  const fontSizes = children(children(styles, 'fonts')[0]!, 'font').map((f) =>
    Number(children(f, 'sz')[0]?.getAttribute('val') ?? 11),
  );
  const xfs = children(children(styles, 'cellXfs')[0]!, 'xf').map((xf) => ({
    wrap: children(xf, 'alignment')[0]?.getAttribute('wrapText') === '1',
    quotePrefix: xf.getAttribute('quotePrefix') === '1',
    format: formats.get(Number(xf.getAttribute('numFmtId') ?? 0)) ?? '?',
    size: fontSizes[Number(xf.getAttribute('fontId') ?? 0)] ?? 11,
  }));
  const book = parts.get('xl/workbook.xml')!;
  const bookRels = relations(parts.get('xl/_rels/workbook.xml.rels')!);
  const sheets = children(book, 'sheet').map((s) => {
    const target = bookRels.get(s.getAttributeNS(REL, 'id') ?? '')!;
    const path = `xl/${target.replace(/^\/?xl\//, '')}`;
    const doc = parts.get(path)!;
    const rels = parts.get(path.replace(/([^/]+)$/, '_rels/$1.rels'));
    const relMap = rels ? relations(rels) : new Map<string, string>();
    const rows = kids(children(doc, 'sheetData')[0]!, 'row');
    const cells: Cell[] = rows
      .flatMap((row) => kids(row, 'c'))
      .map((c) => {
        const ref = c.getAttribute('r')!;
        const r = rect(ref);
        const type = c.getAttribute('t');
        const v = kids(c, 'v')[0]?.textContent ?? null;
        const is = kids(c, 'is')[0];
        const text =
          type === 's' && v !== null
            ? strings[Number(v)]!
            : type === 'inlineStr' && is
              ? itemText(is)
              : type === 'str'
                ? v
                : null;
        return {
          ref,
          row: r.top,
          col: r.left,
          style: Number(c.getAttribute('s') ?? 0),
          type,
          text,
          formula: kids(c, 'f')[0]?.textContent ?? null,
        };
      });
    const rowHeights = new Map<number, number>();
    for (const row of rows)
      if (row.getAttribute('ht'))
        rowHeights.set(Number(row.getAttribute('r')), Number(row.getAttribute('ht')));
    const widths = new Map<number, number>();
    for (const col of children(doc, 'col'))
      for (let i = Number(col.getAttribute('min')); i <= Number(col.getAttribute('max')); i++)
        widths.set(i, Number(col.getAttribute('width')));
    const links = new Map<string, string>();
    for (const h of children(doc, 'hyperlink'))
      links.set(h.getAttribute('ref')!, relMap.get(h.getAttributeNS(REL, 'id') ?? '') ?? '');
    return {
      name: s.getAttribute('name')!,
      doc,
      cells,
      rowHeights,
      widths,
      merges: children(doc, 'mergeCell').map((m) => rect(m.getAttribute('ref')!)),
      links,
    };
  });
  return { parts, raw, sheets, styles, xfs, formats };
}

function relations(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of Array.from(doc.getElementsByTagName('Relationship')))
    out.set(r.getAttribute('Id')!, r.getAttribute('Target')!);
  return out;
}

// ---------------------------------------------------------------- checks

/** Every problem the checker finds in a workbook, one line each (empty when it is sound). */
function problems(wb: Workbook): string[] {
  const out: string[] = [];
  // Fonts: every one named.
  children(wb.styles, 'font').forEach((f, i) => {
    const name = children(f, 'name')[0]?.getAttribute('val');
    if (!name) out.push(`font ${i} has no name: ${f.outerHTML}`);
  });
  // Number formats: no separator without a digit after it.
  for (const [id, code] of wb.formats)
    if (/\.#|\.($|[^0-9#])/.test(code.replace(/"[^"]*"/g, '')))
      out.push(`number format ${id} "${code}" can end on a bare decimal separator`);
  // No control character in any text or attribute of any part: markup has
  // none, so the whole part is searched, character references decoded, and
  // OOXML's own escapes of control characters ("_x0007_") too.
  for (const [name, text] of wb.raw) {
    const found = CONTROL.exec(xmlUnescape(text));
    if (found)
      out.push(
        `${name}: control character U+${found[0].charCodeAt(0).toString(16)} at ${found.index}`,
      );
    const escaped = /_x00(?:[01][0-9a-f]|7f|[89][0-9a-f])_/i.exec(text);
    if (escaped) out.push(`${name}: escaped control character ${escaped[0]}`);
  }
  for (const sheet of wb.sheets) {
    const where = `sheet "${sheet.name}"`;
    // Validations: no two cover one cell.
    const ranges = children(sheet.doc, 'dataValidation').flatMap((dv, i) =>
      (dv.getAttribute('sqref') ?? '').split(/\s+/).map((ref) => ({ i, ref, r: rect(ref) })),
    );
    for (let a = 0; a < ranges.length; a++)
      for (let b = a + 1; b < ranges.length; b++)
        if (intersects(ranges[a]!.r, ranges[b]!.r))
          out.push(`${where}: validations ${ranges[a]!.ref} and ${ranges[b]!.ref} overlap`);
    // Headers and footers: Excel's limit.
    for (const tag of ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader'])
      for (const h of children(sheet.doc, tag))
        if ((h.textContent ?? '').length > MAX_HEADER_CHARS)
          out.push(`${where}: ${tag} is ${h.textContent!.length} characters`);
    // Hyperlinks: only to http(s) addresses, on a cell that shows one.
    const byRef = new Map(sheet.cells.map((c) => [c.ref, c]));
    for (const [ref, target] of sheet.links) {
      if (!/^https?:\/\//.test(target)) out.push(`${where}: ${ref} links to ${target}`);
      const text = byRef.get(ref)?.text ?? '';
      if (!webAddress(text)) out.push(`${where}: ${ref} is a link but shows "${text}"`);
    }
    const merges = new Map<string, Rect>(
      sheet.merges.map((m) => [`${columnLetters(m.left)}${m.top}`, m]),
    );
    for (const cell of sheet.cells) {
      const xf = wb.xfs[cell.style]!;
      // Formula-looking text: a string with the quote prefix.
      if (cell.text !== null && cell.type !== 'str' && looksLikeFormula(cell.text)) {
        if (!xf.quotePrefix) out.push(`${where}: ${cell.ref} "${cell.text}" has no quote prefix`);
        if (cell.formula !== null) out.push(`${where}: ${cell.ref} "${cell.text}" is a formula`);
      }
      // Wrapped text of several lines: the row is stored at least that high.
      if (cell.text !== null && xf.wrap) {
        const merge = merges.get(cell.ref);
        let width = 0;
        for (let c = cell.col; c <= (merge?.right ?? cell.col); c++)
          width += sheet.widths.get(c) ?? 9;
        // A lower bound of the lines, counted more loosely than the builder counts them.
        const paragraphs = cell.text.split('\n');
        const lines = paragraphs.reduce(
          (n, p) => n + Math.max(1, Math.ceil([...p].length / (width * 1.25 * (11 / xf.size)))),
          0,
        );
        if (lines < 2) continue;
        const height = sheet.rowHeights.get(cell.row);
        const needed = Math.min(409, lines * xf.size * 1.2);
        if (height === undefined || height < needed)
          out.push(
            `${where}: row ${cell.row} is ${height ?? 'not stored'} pt high, ${cell.ref} needs ${lines} lines`,
          );
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- plans

const PLANS: [string, () => Plan][] = [
  ['the sample plan', samplePlan],
  // Smaller than the benchmark's plan so this file takes seconds on a shared
  // 2-core machine; every sheet still runs to hundreds or thousands of rows.
  [
    'a large plan',
    () =>
      largePlan({ tocElements: 1000, stakeholders: 300, catalogItems: 2000, logicModelCopies: 4 }),
  ],
  ['a multilingual plan', multilingualPlan],
];

// ---------------------------------------------------------------- tests

describe('xlsx layout helpers', () => {
  it('formats a number with the decimals it has, never a bare separator', () => {
    expect(numberFormat(4000)).toBe('#,##0');
    expect(numberFormat(1.5)).toBe('#,##0.0');
    expect(numberFormat(0.25)).toBe('#,##0.00');
    expect(numberFormat(-12.125)).toBe('#,##0.000');
    expect(numberFormat(1 / 3)).toBe('#,##0.0000');
  });

  it('cuts a long page header to 255 characters between whole characters, with an ellipsis', () => {
    const header = pageHeader(`${'A & B '.repeat(60)}👩🏽‍💻 end`);
    expect(header.length).toBeLessThanOrEqual(MAX_HEADER_CHARS);
    expect(header.startsWith('&L&8A && B')).toBe(true);
    expect(header.endsWith('…')).toBe(true);
    for (let n = 240; n < 280; n++) {
      const h = pageHeader(`${'x'.repeat(n - 3)}😀😀😀`);
      expect(h.length).toBeLessThanOrEqual(MAX_HEADER_CHARS);
      // Never half an emoji.
      expect(CONTROL.test(h)).toBe(false);
    }
    expect(pageHeader('Short & sweet', ' — Summary')).toBe('&L&8Short && sweet — Summary');
    // The sheet name, which tells the pages apart, stays; the program name gives way.
    const named = pageHeader('Long & long '.repeat(40), ' — Indicators');
    expect(named.length).toBeLessThanOrEqual(MAX_HEADER_CHARS);
    expect(named.endsWith('… — Indicators')).toBe(true);
  });

  it('takes only http(s) addresses as links', () => {
    expect(webAddress('https://example.org/x?a=1&b=2')).toBe('https://example.org/x?a=1&b=2');
    expect(webAddress('HTTP://Example.org')).toBe('http://example.org/');
    for (const text of [
      'mailto:a@example.org',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'www.example.org',
      '=HYPERLINK("https://x","y")',
      'https://example.org/a b',
      'https://',
    ])
      expect(webAddress(text)).toBeNull();
  });

  it('counts wrapped lines by words, paragraphs and wide characters', () => {
    expect(wrappedLines('short', 20)).toBe(1);
    expect(wrappedLines('one\ntwo\nthree', 20)).toBe(3);
    expect(wrappedLines('word '.repeat(40).trim(), 20)).toBeGreaterThanOrEqual(8);
    // Chinese characters are twice as wide as Latin ones.
    expect(wrappedLines('青'.repeat(40), 20)).toBeGreaterThanOrEqual(4);
    expect(wrappedLines('x'.repeat(40), 20)).toBeLessThan(wrappedLines('青'.repeat(40), 20));
  });
});

describe('the structural checker', () => {
  it('finds each fault the issue names in a workbook written without the fixes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Faults');
    ws.columns = [{ width: 10 }, { width: 10 }, { width: 20 }];
    ws.addRow(['Bold', 'x', 'y']).getCell(1).font = { bold: true };
    // Per-cell validations, which exceljs merges into overlapping ranges (B10:B18 in B8:B18).
    for (let r = 8; r <= 18; r++)
      ws.getCell(`B${r}`).dataValidation = { type: 'list', formulae: ['"Make,Buy"'] };
    // (exceljs drops control characters from cell text, not from a footer.)
    ws.headerFooter = { oddHeader: `&L${'x'.repeat(300)}`, oddFooter: 'next\u0085line' };
    const wrapped = ws.getCell('C3');
    wrapped.value = 'A long description that wraps over several lines of a narrow column.';
    wrapped.alignment = { wrapText: true };
    ws.getCell('A4').value = '=SUM(A1:A3)';
    ws.getCell('A5').value = { text: 'mailto:a@example.org', hyperlink: 'mailto:a@example.org' };
    ws.getCell('A6').value = 4000;
    ws.getCell('A6').numFmt = '#,##0.##';
    const found = problems(await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer())));
    for (const fault of [
      /font \d+ has no name/,
      /validations B\d+:B18 and B\d+:B18 overlap/,
      /oddHeader is 302 characters/,
      /row 3 is not stored pt high, C3 needs \d+ lines/,
      /A4 "=SUM\(A1:A3\)" has no quote prefix/,
      /A5 links to mailto:/,
      /A5 is a link but shows "mailto:/,
      /"#,##0\.##" can end on a bare decimal separator/,
      /control character|escaped control character/,
    ])
      expect(
        found.some((line) => fault.test(line)),
        `${fault} in ${found.join('\n')}`,
      ).toBe(true);
  });
});

describe('the Excel export, read as a strict reader reads it', { timeout: 240_000 }, () => {
  it.each(PLANS)('of %s is structurally sound', async (_, make) => {
    const plan = make();
    const wb = await readWorkbook(await buildPlanXlsx(plan, exportOptions()));
    expect(problems(wb)).toEqual([]);
    // The checks looked at something: wrapped rows with heights, validations, links.
    const heights = wb.sheets.reduce((n, s) => n + s.rowHeights.size, 0);
    expect(heights).toBeGreaterThan(10);
    expect(wb.sheets.some((s) => children(s.doc, 'dataValidation').length > 0)).toBe(true);
  });

  it.each(PROFILE_IDS.filter((p) => p !== 'internal'))(
    'of the sample and the multilingual plan for the %s profile is structurally sound',
    async (profile) => {
      for (const make of [samplePlan, multilingualPlan]) {
        const wb = await readWorkbook(await buildPlanXlsx(make(), exportOptions({ profile })));
        expect(problems(wb)).toEqual([]);
      }
    },
  );

  it("names the plan's organisation as the author, as the Word file does", async () => {
    const plan = samplePlan();
    const core = zipText(await buildPlanXlsx(plan, exportOptions()), /docProps\/core\.xml$/);
    expect(core).toContain(`<dc:creator>${plan.objective.organisation}</dc:creator>`);
  });

  it('writes the make-or-buy ratings as one validation per range', async () => {
    const wb = await readWorkbook(await buildPlanXlsx(samplePlan(), exportOptions()));
    const sheet = wb.sheets.find((s) => s.name === 'Make-or-buy')!;
    const refs = children(sheet.doc, 'dataValidation').map((dv) => dv.getAttribute('sqref'));
    expect(refs).toEqual(expect.arrayContaining(['B8:B18', 'D8:E18']));
    expect(refs).not.toContain('B10:B18');
    expect(refs).not.toContain('D10:E18');
  });

  it('cuts a long program name in page headers, links web addresses only, and guards formula-looking text', async () => {
    const plan = multilingualPlan();
    const wb = await readWorkbook(await buildPlanXlsx(plan, exportOptions()));
    const summary = wb.sheets.find((s) => s.name === 'Summary')!;
    const header = children(summary.doc, 'oddHeader')[0]!.textContent!;
    expect(header.length).toBeLessThanOrEqual(MAX_HEADER_CHARS);
    expect(header).toMatch(/… — Summary$/);
    expect(header).toContain('&& de l');

    const catalog = wb.sheets.find((s) => s.name === 'Content catalog')!;
    const linkColumn = catalog.cells.find((c) => c.row === 1 && c.text === 'Link')!.col;
    const shown = catalog.cells.filter((c) => c.col === linkColumn && c.row > 1);
    expect(shown.length).toBe(plan.content.catalog.length);
    for (const cell of shown) {
      const web = webAddress(cell.text ?? '');
      if (web) expect(catalog.links.get(cell.ref)).toBe(web);
      else expect(catalog.links.has(cell.ref)).toBe(false);
    }
    // Both kinds are there: https/http links and plain mailto:, javascript:, file: and words.
    expect(catalog.links.size).toBeGreaterThan(0);
    expect(shown.filter((c) => !catalog.links.has(c.ref)).length).toBeGreaterThan(0);
    expect(shown.some((c) => c.text === 'javascript:alert(1)')).toBe(true);

    // Formula-looking text is written as typed, with the quote prefix, and no formula holds it.
    const stakeholders = wb.sheets.find((s) => s.name === 'Stakeholders')!;
    for (const text of FORMULA_TEXTS) {
      const cells = stakeholders.cells.filter((c) => c.text === text);
      expect(cells.length, text).toBeGreaterThan(0);
      for (const cell of cells) {
        expect(cell.formula).toBeNull();
        expect(wb.xfs[cell.style]!.quotePrefix).toBe(true);
        expect(wb.xfs[cell.style]!.format).toBe('@');
      }
    }
    const formulas = wb.sheets.flatMap((s) => s.cells.map((c) => c.formula ?? ''));
    expect(formulas.some((f) => f.includes('evil.example'))).toBe(false);
  });

  it('reads back as no change: quote-prefixed text, links and row heights do not disturb the round trip', async () => {
    const plan = multilingualPlan();
    const result = await readRoundTripWorkbook(await buildPlanXlsx(plan, exportOptions()), plan);
    if (!result.ok) throw new Error([result.message, ...result.details].join('\n'));
    expect(isEmptyPreview(result.preview)).toBe(true);
  });
});
