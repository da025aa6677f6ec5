/**
 * How the Excel workbook reads and prints outside Excel too: what
 * `buildPlanWorkbook` does to a finished workbook, and the one step
 * `buildPlanXlsx` does to the written file.
 *
 * - Row heights for wrapped text. A row without a stored height is drawn one
 *   line high by LibreOffice (it does not measure rows on load), so wrapped
 *   text overprints the rows below. Heights are estimated from the column
 *   width, the text and the font size (wide scripts count double), rounded
 *   up, and capped at Excel's largest row.
 * - Every font named. `{ bold: true }` alone writes `<font><b/></font>`,
 *   which LibreOffice sets in a serif fallback: each font gets the workbook's
 *   default name and size where it has none.
 * - Text that looks like a formula ("=SUM(A1)", "+1", "-x", "@x") is a string
 *   cell in the Text format (`@`) and carries the quote prefix, so editing and
 *   re-entering it in Excel keeps it text. exceljs cannot write `quotePrefix`,
 *   so `packWorkbook` adds it to every Text-format style of the file.
 * - Catalog links as hyperlinks when they are http(s) addresses.
 * - Page headers within Excel's 255 characters.
 */
import type ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cutText } from '../text-length';
import { webAddress } from '../web-address';
import { cellText, looksLikeFormula, sanitizeText } from './sanitize';

/** The workbook's default font (exceljs writes it as style 0). */
export const DEFAULT_FONT = { name: 'Calibri', family: 2, size: 11 } as const;

/** Colour of a link, as Excel's Hyperlink style. */
const LINK_COLOR = 'FF0563C1';

/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

/** Excel's limit on a page header or footer, in characters (codes included). */
export const MAX_HEADER_CHARS = 255;

/** Excel's Text number format: what is typed in such a cell stays text. */
export const TEXT_FORMAT = '@';

/**
 * Format of a number column for rows a recipient adds: up to two decimals,
 * never a separator with nothing after it (`#,##0.##` shows "4,000.").
 */
export const NUMBER_FORMAT = '#,##0.0#';

/**
 * The number format that shows `value` as it is: thousands separated, with
 * as many decimals as it has (up to four), and no decimal separator for a
 * whole number ("4,000", "1.5", "0.25").
 */
export function numberFormat(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return 'General';
  const fixed = (Math.round(Math.abs(value) * 1e4) / 1e4).toFixed(4).replace(/0+$/, '');
  const decimals = fixed.length - fixed.indexOf('.') - 1;
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

// ---------------------------------------------------------------- header

/**
 * A page header that sets `title` and then `suffix` (" — Indicators") at the
 * left in 8 pt. The title is cut with "…" so the whole header (its codes and
 * every doubled "&" included) stays within Excel's 255 characters and the
 * suffix, which tells the pages apart, is kept. The cut falls between whole
 * characters (`cutText`).
 */
export function pageHeader(title: string, suffix = ''): string {
  const prefix = '&L&8';
  const escape = (text: string) => text.replace(/&/g, '&&');
  const clean = (text: string) => sanitizeText(text).replace(/\s+/g, ' ');
  const name = clean(title).trim();
  const tail = escape(clean(suffix));
  const full = prefix + escape(name) + tail;
  if (full.length <= MAX_HEADER_CHARS) return full;
  // "&" doubles when escaped: shorten until the escaped text fits.
  let units = MAX_HEADER_CHARS - prefix.length - tail.length - 1;
  for (;;) {
    const header = `${prefix}${escape(cutText(name, units).trimEnd())}…${tail}`;
    if (header.length <= MAX_HEADER_CHARS || units <= 0) return header;
    units -= header.length - MAX_HEADER_CHARS;
  }
}

// ---------------------------------------------------------------- links

/** A text cell, or a hyperlink when the text is one http(s) address. */
export function linkValue(
  text: string | null | undefined,
): string | null | { text: string; hyperlink: string } {
  const clean = cellText(text ?? '').trim();
  if (clean === '') return null;
  const href = webAddress(clean);
  return href ? { text: clean, hyperlink: href } : clean;
}

// ---------------------------------------------------------------- text width

/**
 * Advance widths of printable ASCII (space to "~") in Calibri, the default
 * font (and Carlito, its metric twin that LibreOffice uses), in 2048ths of
 * an em; a digit is 1038.
 */
const ASCII_WIDTHS = [
  463, 667, 821, 1038, 1038, 1464, 1397, 452, 621, 621, 1038, 1038, 511, 627, 517, 791, 1038, 1038,
  1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1038, 1038, 1038, 941, 1835, 1185, 1114,
  1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058, 1378, 1112, 941,
  998, 1314, 1162, 1822, 1063, 998, 959, 627, 791, 627, 1038, 1038, 596, 981, 1076, 866, 1076, 1019,
  625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714, 801, 686, 1076, 925, 1464,
  887, 927, 809, 645, 941, 645, 1038,
];
const DIGIT = 1038;

/** How wide a character is, in widths of a digit of the default font. */
function charWidth(code: number): number {
  if (code >= 0x20 && code <= 0x7e) return ASCII_WIDTHS[code - 0x20]! / DIGIT;
  // Combining marks and joiners take no room of their own.
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f))
    return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) || // Hangul Jamo
    (code >= 0x2e80 && code <= 0xa4cf) || // CJK, Hiragana, Katakana, Yi
    (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) || // full-width forms
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f000 && code <= 0x1faff) || // emoji and pictographs
    (code >= 0x20000 && code <= 0x3fffd) // CJK extensions
  )
    return 2;
  // Other letters (accented Latin, Greek, Cyrillic, Arabic…): a digit, a little more than most are.
  return 1.05;
}

/** Width of a text in digit widths. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0)!);
  return width;
}

/**
 * How many lines `text` takes when wrapped at `width` digit widths: each
 * paragraph wraps at spaces, and a word longer than a line breaks where it
 * no longer fits (as Excel and LibreOffice break it).
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width);
  // Most cells are short: no character is wider than two digits, so a text
  // of at most half the room in characters is one line (no measuring).
  if (text.length * 2 <= room && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      const w = textWidth(word);
      const needed = line === 0 ? w : line + textWidth(' ') + w;
      if (needed <= room) {
        line = needed;
        continue;
      }
      if (line > 0) count++;
      // A word wider than a line fills whole lines, then starts the next one.
      line = w;
      while (line > room) {
        count++;
        line -= room;
      }
    }
    lines += count;
  }
  return lines;
}

// ---------------------------------------------------------------- workbook

type Font = Partial<ExcelJS.Font>;

/** The font with the workbook's default name, family and size wherever it has none. */
function namedFont(font: Font): Font {
  return font.name && font.size
    ? font
    : {
        ...font,
        name: font.name ?? DEFAULT_FONT.name,
        family: font.family ?? DEFAULT_FONT.family,
        size: font.size ?? DEFAULT_FONT.size,
      };
}

/** The plain text a cell shows (hyperlinks by their text), or null for numbers, dates and formulas. */
function shownText(value: ExcelJS.CellValue): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'hyperlink' in value && typeof value.text === 'string')
    return value.text;
  if (value && typeof value === 'object' && 'richText' in value)
    return value.richText.map((r) => r.text).join('');
  return null;
}

/** Points of one line of text in a font of `size` points (15 pt at Excel's 11 pt default). */
const lineHeight = (size: number) => (size * 15) / 11;

/**
 * Room a text has in a column `width` characters wide, in digit widths of an
 * 11 pt font: a column holds `width` digits plus a little padding (measured:
 * LibreOffice fits 100 digit widths of Calibri text in a 100-wide column), so
 * a little less, since a line estimated too short overprints the next row
 * while one estimated too long only leaves some space.
 */
const columnRoom = (width: number) => Math.max(1, width * 0.97 - 0.5);

/**
 * Finishes a workbook for readers other than Excel (see the file comment):
 * names every font, styles links, keeps formula-looking text as text and
 * gives rows with wrapped text the height that text needs.
 */
export function finishWorkbook(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => finishSheet(ws));
  shareStyles(wb);
}

/**
 * Gives cells with equal styles one style object. exceljs gives every cell a
 * style object of its own and, when writing, turns each into XML to find its
 * entry in the style table unless it has seen that very object before: shared
 * objects skip that (~0.3 s of a workbook of 100,000 cells). Run last: a
 * later `cell.font = …` would change every cell sharing the object.
 */
function shareStyles(wb: ExcelJS.Workbook): void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const key = JSON.stringify(cell.style);
        const style = shared.get(key);
        if (style) cell.style = style;
        else shared.set(key, cell.style);
      }),
    ),
  );
}

function finishSheet(ws: ExcelJS.Worksheet): void {
  const widths: number[] = [];
  const columnCount = ws.columnCount;
  for (let c = 1; c <= columnCount; c++) {
    const column = ws.getColumn(c);
    widths[c] = column.width ?? 9;
    // The column's own style (used for cells a recipient adds): set in place,
    // because the `font` setter would also overwrite every cell's font.
    const style = column.style as Partial<ExcelJS.Style> | undefined;
    if (style?.font) style.font = namedFont(style.font);
  }
  ws.eachRow({ includeEmpty: true }, (row) => {
    // exceljs keeps a row style (written as the row's own format) but does not type it.
    const rowStyle = (row as unknown as { style?: Partial<ExcelJS.Style> }).style;
    if (rowStyle?.font) rowStyle.font = namedFont(rowStyle.font);
    let height = 0;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const value = cell.value;
      const link =
        value !== null && typeof value === 'object' && 'hyperlink' in value && value.hyperlink;
      if (link) cell.font = { ...DEFAULT_FONT, color: { argb: LINK_COLOR }, underline: true };
      else if (cell.font) cell.font = namedFont(cell.font);
      // The other cells of a merge show the master's value: only the master counts.
      if (cell.isMerged && cell.master !== cell) return;
      const text = shownText(value);
      if (text === null) return;
      if (typeof value === 'string' && looksLikeFormula(value)) cell.numFmt = TEXT_FORMAT;
      // A line break shows only in a wrapping cell.
      if (text.includes('\n') && !cell.alignment?.wrapText)
        cell.alignment = { vertical: 'top', ...cell.alignment, wrapText: true };
      const size = cell.font?.size ?? DEFAULT_FONT.size;
      // Text larger than the default (a title) needs a taller row even on one line.
      if (size > DEFAULT_FONT.size) height = Math.max(height, Math.ceil(lineHeight(size) + 2));
      if (!cell.alignment?.wrapText) return;
      let width = widths[col] ?? 9;
      // A merged cell wraps across the whole merge.
      for (let k = col + 1; k <= columnCount; k++) {
        const next = row.getCell(k);
        if (!next.isMerged || next.master !== cell) break;
        width += widths[k] ?? 9;
      }
      const lines = wrappedLines(text, (columnRoom(width) * DEFAULT_FONT.size) / size);
      if (lines > 1) height = Math.max(height, Math.ceil(lines * lineHeight(size) + 2));
    });
    if (height <= (row.height ?? 0)) return;
    row.height = Math.min(MAX_ROW_HEIGHT, height);
    // In a row of several lines, every cell starts at the top, next to the wrapped text.
    row.eachCell((cell) => {
      if (!cell.alignment?.vertical) cell.alignment = { ...cell.alignment, vertical: 'top' };
    });
  });
}

/**
 * How exceljs writes the package: stored, not compressed, since
 * `packWorkbook` compresses it once at the end (compressing twice took about
 * a third of a large export).
 */
export const WRITE_STORED = { zip: { compression: 'STORE' } } as const;

/**
 * The .xlsx file from what exceljs wrote (with WRITE_STORED): the quote prefix
 * on every cell style in the Text format (the cells `finishWorkbook` marked as
 * formula-looking text; exceljs has no way to write the attribute, so it is
 * added to `xl/styles.xml`), then every part compressed. Deflate level 4:
 * for a workbook of 12.7 MB of XML, 0.2 s and 1.21 MB, against 0.5 s and
 * 1.15 MB at level 6 (fflate; exceljs's own deflate took ~0.5 s).
 */
export function packWorkbook(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const styles = files['xl/styles.xml'];
  if (styles) {
    const xml = strFromU8(styles);
    const marked = xml.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, (xfs) =>
      xfs.replace(/<xf\b([^>]*?)(\/?)>/g, (xf, attributes: string, close: string) =>
        /\bnumFmtId="49"/.test(attributes) && !/\bquotePrefix=/.test(attributes)
          ? `<xf${attributes} quotePrefix="1"${close}>`
          : xf,
      ),
    );
    if (marked !== xml) files['xl/styles.xml'] = strToU8(marked);
  }
  return zipSync(files, { level: 4 });
}
