/**
 * A fast reader for the first non-empty worksheet of an XLSX workbook, as
 * text cells. exceljs builds a full object model (styles, cell objects,
 * addresses) and took ~2–3 s for a 50,000-row catalog; this scans the sheet
 * XML with `indexOf` and gives the same text exceljs + `cellText` would, in
 * a fraction of the time.
 *
 * It only takes the shapes it fully understands. Anything else — merged
 * cells, hyperlinks, phonetic runs, cells without addresses, prefixed XML,
 * date-typed cells — returns `null`, and the caller reads the file with
 * exceljs as before, so unusual workbooks keep exactly today's behaviour.
 * Tests compare both readers on generated workbooks.
 */
import { unzipSync } from 'fflate';

/** A sheet read as text: rows keep their spreadsheet row numbers. */
export interface SheetText {
  readonly sheetName: string;
  /** Rows that hold at least one value, in order; cells 0-based, sparse cells ''. */
  readonly rows: readonly { readonly rowNumber: number; readonly cells: readonly string[] }[];
}

/** Called now and then with how many rows have been read so far. */
export type RowProgress = (rowsRead: number) => void;

/** Built-in number formats that exceljs treats as dates (its `isDateFmt`). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

const decoder = new TextDecoder('utf-8');

/** Decodes XML character references and the five named entities. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    switch (ref) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** exceljs's second decoding of formula-string and `t="str"` values: named entities only. */
function decodeNamed(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (whole, name: string) => NAMED.get(name) ?? whole);
}

/** exceljs decodes `_xHHHH_` escapes in shared strings (Excel's way to keep control characters). */
function decodeEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** Value of attribute `name` inside a start tag, or null. */
function attribute(tag: string, name: string): string | null {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return null;
  const start = at + name.length + 3;
  const end = tag.indexOf('"', start);
  return end < 0 ? null : decodeEntities(tag.slice(start, end));
}

/** Every `<t>` text inside `xml` (a shared-string item or rich-text run list), joined. */
function joinedText(xml: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = xml.indexOf('<t', from);
    if (open < 0) return out;
    const next = xml.charCodeAt(open + 2);
    // `<t>` or `<t xml:space=…>`, not `<tab…`.
    if (next !== 62 && next !== 32 && next !== 47) {
      from = open + 2;
      continue;
    }
    const close = xml.indexOf('>', open);
    if (xml.charCodeAt(close - 1) === 47) {
      from = close + 1;
      continue;
    }
    const end = xml.indexOf('</t>', close);
    if (end < 0) return out;
    out += xml.slice(close + 1, end);
    from = end + 4;
  }
}

/** Shared strings, or null when they use something this reader leaves to exceljs. */
function readSharedStrings(xml: string | undefined): string[] | null {
  if (xml === undefined) return [];
  if (xml.includes('<rPh') || !xml.includes('<sst')) return null;
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const open = xml.indexOf('<si', from);
    if (open < 0) break;
    const tagEnd = xml.indexOf('>', open);
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      out.push('');
      from = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf('</si>', tagEnd);
    if (end < 0) return null;
    out.push(decodeEscapes(decodeEntities(joinedText(xml.slice(tagEnd + 1, end)))));
    from = end + 5;
  }
  return out;
}

/** Style index → whether exceljs would read a number in that style as a date. */
function readDateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const numFmts = /<numFmt\s[^>]*>/g;
  for (let m = numFmts.exec(xml); m; m = numFmts.exec(xml)) {
    const id = Number(attribute(m[0], 'numFmtId'));
    const code = attribute(m[0], 'formatCode');
    if (code !== null) custom.set(id, code);
  }
  const start = xml.indexOf('<cellXfs');
  const end = xml.indexOf('</cellXfs>', start);
  if (start < 0 || end < 0) return [];
  const dates: boolean[] = [];
  const xfs = /<xf[\s/>][^>]*>?/g;
  const section = xml.slice(start, end);
  for (let m = xfs.exec(section); m; m = xfs.exec(section)) {
    const id = parseInt(attribute(m[0], 'numFmtId') ?? '0', 10);
    const code = custom.get(id);
    dates.push(
      !id ? false : code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id),
    );
  }
  return dates;
}

/** exceljs's `isDateFmt`: a date letter outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Text exceljs + cellText give a number in a date style. */
function dateText(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** Column number (1-based) of a cell reference such as "AB12", or 0. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else break;
  }
  return col;
}

/** Why the fast path gives up on a sheet (the caller falls back to exceljs). */
class Unsupported extends Error {}

/** Text between `<tag…>` and `</tag>` inside a cell, or undefined when absent/empty-element. */
function inner(cell: string, tag: string): { text: string; attrs: string } | undefined {
  const open = cell.indexOf(`<${tag}`);
  if (open < 0) return undefined;
  const after = cell.charCodeAt(open + tag.length + 1);
  if (after !== 62 && after !== 32 && after !== 47) return undefined;
  const close = cell.indexOf('>', open);
  const attrs = cell.slice(open, close + 1);
  if (cell.charCodeAt(close - 1) === 47) return { text: '', attrs };
  const end = cell.indexOf(`</${tag}>`, close);
  if (end < 0) throw new Unsupported();
  return { text: cell.slice(close + 1, end), attrs };
}

/**
 * Text of one `<c>` element as exceljs + cellText give it; `null` when the
 * cell has no value (exceljs's Null type: skipped).
 */
function cellValue(
  startTag: string,
  body: string,
  strings: readonly string[],
  dateStyles: readonly boolean[],
  date1904: boolean,
): string | null {
  const type = attribute(startTag, 't');
  const styleText = attribute(startTag, 's');
  const style = styleText === null ? 0 : parseInt(styleText, 10);
  const isDate = !!style && dateStyles[style] === true;
  const f = inner(body, 'f');
  const formula = f !== undefined && (f.text !== '' || attribute(f.attrs, 't') !== null);
  const v = inner(body, 'v');
  const raw = v === undefined ? undefined : decodeEntities(v.text);
  if (formula) {
    // exceljs drops a falsy cached result (0, FALSE, ''), so such a cell reads as empty text.
    if (!raw) return '';
    if (type === 'str') return decodeNamed(raw);
    if (type === 'b') return parseInt(raw, 10) !== 0 ? 'TRUE' : '';
    if (type === 'e') return raw;
    const n = parseFloat(raw);
    if (!n) return '';
    return isDate ? dateText(n, date1904) : String(n);
  }
  if (type === 'inlineStr') {
    if (body.includes('<r>') || body.includes('<r ')) throw new Unsupported();
    const is = inner(body, 'is');
    const t = is === undefined ? undefined : inner(is.text, 't');
    if (t === undefined || t.text === '') {
      if (raw === undefined || raw === '') {
        if (style) return null;
        throw new Unsupported();
      }
      return raw;
    }
    return decodeEntities(t.text);
  }
  if (raw === undefined || raw === '') {
    // Styled empty cells are exceljs's Null (skipped); unstyled ones are merge placeholders.
    if (style) return null;
    throw new Unsupported();
  }
  switch (type) {
    case 's': {
      const text = strings[parseInt(raw, 10)];
      if (text === undefined) throw new Unsupported();
      return text;
    }
    case 'str':
      return decodeNamed(raw);
    case 'b':
      return parseInt(raw, 10) !== 0 ? 'TRUE' : 'FALSE';
    case 'e':
      return raw;
    case null:
    case 'n': {
      const n = parseFloat(raw);
      return isDate ? dateText(n, date1904) : String(n);
    }
    default:
      throw new Unsupported();
  }
}

/** Rows of one sheet's XML; null when the sheet uses what this reader leaves to exceljs. */
function readRows(
  xml: string,
  strings: readonly string[],
  dateStyles: readonly boolean[],
  date1904: boolean,
  maxColumns: number,
  onProgress?: RowProgress,
): { rowNumber: number; cells: string[] }[] | null {
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart < 0) return null;
  if (xml.includes('<mergeCell') || xml.includes('<hyperlink')) return null;
  const dataEnd = xml.indexOf('</sheetData>', dataStart);
  const end = dataEnd < 0 ? xml.length : dataEnd;
  const rows: { rowNumber: number; cells: string[] }[] = [];
  let p = dataStart;
  try {
    for (;;) {
      const rowOpen = xml.indexOf('<row', p);
      if (rowOpen < 0 || rowOpen >= end) break;
      const rowTagEnd = xml.indexOf('>', rowOpen);
      const rowTag = xml.slice(rowOpen, rowTagEnd + 1);
      const rowNumber = Number(attribute(rowTag, 'r'));
      if (!Number.isInteger(rowNumber) || rowNumber < 1) return null;
      if (xml.charCodeAt(rowTagEnd - 1) === 47) {
        p = rowTagEnd + 1;
        continue;
      }
      const rowClose = xml.indexOf('</row>', rowTagEnd);
      if (rowClose < 0) return null;
      const cells: string[] = [];
      let any = false;
      let c = rowTagEnd + 1;
      for (;;) {
        const cellOpen = xml.indexOf('<c', c);
        if (cellOpen < 0 || cellOpen >= rowClose) break;
        const next = xml.charCodeAt(cellOpen + 2);
        if (next !== 32 && next !== 62 && next !== 47) {
          c = cellOpen + 2;
          continue;
        }
        const tagEnd = xml.indexOf('>', cellOpen);
        const startTag = xml.slice(cellOpen, tagEnd + 1);
        let body = '';
        if (xml.charCodeAt(tagEnd - 1) === 47) c = tagEnd + 1;
        else {
          const cellClose = xml.indexOf('</c>', tagEnd);
          if (cellClose < 0 || cellClose > rowClose) return null;
          body = xml.slice(tagEnd + 1, cellClose);
          c = cellClose + 4;
        }
        const ref = attribute(startTag, 'r');
        if (ref === null) return null;
        const col = columnOf(ref);
        if (col < 1) return null;
        const value = cellValue(startTag, body, strings, dateStyles, date1904);
        if (value === null) continue;
        any = true;
        if (col <= maxColumns + 1) cells[col - 1] = value;
      }
      p = rowClose + 6;
      if (!any) continue;
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      rows.push({ rowNumber, cells });
      if (onProgress && rows.length % 2000 === 0) onProgress(rows.length);
    }
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  return rows;
}

/** Resolves a relationship target against the workbook part's folder. */
function resolvePart(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/**
 * Reads the first worksheet (in tab order) that holds a value, as exceljs
 * would. Returns null when the workbook needs exceljs, or 'empty' when no
 * sheet holds data. `maxColumns` caps the cells kept per row (a wider row
 * keeps one extra, empty, cell so the caller can tell it was too wide).
 */
export function readFirstSheet(
  bytes: Uint8Array,
  maxColumns: number,
  onProgress?: RowProgress,
): SheetText | 'empty' | null {
  const files = unzipSync(bytes, {
    filter: (f) =>
      f.name === 'xl/workbook.xml' ||
      f.name === 'xl/_rels/workbook.xml.rels' ||
      f.name === 'xl/sharedStrings.xml' ||
      f.name === 'xl/styles.xml' ||
      f.name.startsWith('xl/worksheets/'),
  });
  const text = (name: string) => {
    const data = files[name];
    return data ? decoder.decode(data) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels || !workbook.includes('<sheets')) return null;
  const date1904 = /<workbookPr\s[^>]*date1904="(1|true)"/.test(workbook);
  const targets = new Map<string, string>();
  const relTags = /<Relationship\s[^>]*>/g;
  for (let m = relTags.exec(rels); m; m = relTags.exec(rels)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id && target) targets.set(id, resolvePart(target));
  }
  const strings = readSharedStrings(text('xl/sharedStrings.xml'));
  if (strings === null) return null;
  const dateStyles = readDateStyles(text('xl/styles.xml'));
  const sheetTags = /<sheet\s[^>]*>/g;
  for (let m = sheetTags.exec(workbook); m; m = sheetTags.exec(workbook)) {
    const name = attribute(m[0], 'name') ?? '';
    const relId = attribute(m[0], 'r:id');
    const part = relId ? targets.get(relId) : undefined;
    if (!part) return null;
    const xml = text(part);
    if (xml === undefined) return null;
    const rows = readRows(xml, strings, dateStyles, date1904, maxColumns, onProgress);
    if (rows === null) return null;
    if (rows.length > 0) return { sheetName: name, rows };
  }
  return 'empty';
}
