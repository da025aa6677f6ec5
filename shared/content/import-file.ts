/**
 * Reads a catalog spreadsheet (CSV or XLSX) into a RawTable, refusing files
 * that are too big, empty, of the wrong type or zip bombs — each with a
 * message a planner can act on. Runs in a Web Worker in the app and in Node
 * in tests and the bench.
 */
import type * as SheetJs from '@e965/xlsx';
import type { CellObject, ParsingOptions, Range, WorkBook, WorkSheet } from '@e965/xlsx';
import Papa from 'papaparse';
import { guessMapping, MAX_IMPORT_ROWS, type CellIssue, type RawTable } from './catalog-import';
import { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS } from './import-limits';
import { checkZip } from './zip-guard';
import { clipText } from '../text-length';
import type { Translator } from '../i18n/translator';
import { englishTranslator } from './import-text';

export { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS } from './import-limits';

/** Called now and then with how many rows have been read so far. */
export type RowProgress = (rowsRead: number) => void;

/**
 * Every non-blank row of one sheet (or of a CSV file) as text, before a
 * heading row is chosen: the rows a person sees, in order, with the row
 * numbers the spreadsheet shows.
 */
export interface SheetGrid {
  readonly cells: readonly (readonly string[])[];
  /** Sheet row number (1-based) of each row of `cells`. */
  readonly rowNumbers: readonly number[];
  /** Cells that could not be read as a person means them (by sheet row number). */
  readonly cellIssues: readonly CellIssue[];
}

/** Which sheet to read and which row holds the headings; detected when left out. */
export interface FileLayout {
  readonly sheet?: string;
  /** Sheet row number (1-based) of the heading row. */
  readonly headerRow?: number;
}

/** A row the user can pick as the heading row, with a preview of its text. */
export interface HeadingChoice {
  readonly row: number;
  readonly label: string;
}

/** What was read, and how (for the dialog to show and let the user change). */
export interface FileReading {
  readonly table: RawTable;
  readonly format: 'csv' | 'xlsx';
  /** Sheets that can be chosen (visible ones; hidden ones only when no visible sheet has data). */
  readonly sheets: readonly string[];
  /** Sheet row number of the heading row in use. */
  readonly headerRow: number;
  /** The first rows of the sheet, any of which can be the heading row. */
  readonly headingChoices: readonly HeadingChoice[];
  /** What the reader decided on the user's behalf, in words (encoding, separator, skipped sheets). */
  readonly notes: readonly string[];
}

/** Either a table or a reason the file cannot be used. */
export type ReadResult =
  ({ readonly ok: true } & FileReading) | { readonly ok: false; readonly message: string };

/** A sheet's rows, before the heading row is chosen. */
export type GridResult =
  | {
      readonly ok: true;
      readonly format: 'csv' | 'xlsx';
      readonly grid: SheetGrid;
      readonly sheets: readonly string[];
      readonly sheetName?: string;
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** What a file is that cannot be imported (each has its sentence in the catalog: `content:file.unsupported.*`). */
export type UnsupportedKind =
  'otherSpreadsheet' | 'office' | 'xls' | 'pdf' | 'image' | 'badXlsx' | 'binary' | 'extension';

/** What a file is, from its first bytes (names can lie) and then its extension. */
export function sniffFormat(
  name: string,
  bytes: Uint8Array,
): 'csv' | 'xlsx' | { readonly unsupported: UnsupportedKind; readonly ext?: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'ods' || ext === 'numbers') return { unsupported: 'otherSpreadsheet' };
    if (ext === 'docx' || ext === 'pptx') return { unsupported: 'office' };
    return 'xlsx';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { unsupported: 'xls' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { unsupported: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { unsupported: 'image' };
  if (ext === 'xlsx' || ext === 'xlsm') return { unsupported: 'badXlsx' };
  // UTF-16 text (Excel's "Unicode Text") is full of zero bytes but is text.
  const utf16 = startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM);
  const head = bytes.subarray(0, 8192);
  if (!utf16 && head.includes(0)) return { unsupported: 'binary' };
  if (['csv', 'tsv', 'txt', ''].includes(ext)) return 'csv';
  return { unsupported: 'extension', ext };
}

/**
 * Reads a catalog file from its bytes: the sheet and heading row given in
 * `layout`, else the data-looking sheet and the detected heading row.
 * `onProgress` hears how many rows were read so far; `t` words the notes and
 * refusals (default: English).
 */
export async function readCatalogFile(
  name: string,
  bytes: Uint8Array,
  onProgress?: RowProgress,
  layout: FileLayout = {},
  t: Translator = englishTranslator(),
): Promise<ReadResult> {
  const read = await readCatalogGrid(name, bytes, onProgress, layout.sheet, undefined, t);
  if (!read.ok) return read;
  return layoutTable(name, read, layout.headerRow, t);
}

/** The rows of a catalog file (one sheet of a workbook), before a heading row is chosen. */
export async function readCatalogGrid(
  name: string,
  bytes: Uint8Array,
  onProgress?: RowProgress,
  sheet?: string,
  /** Largest CSV accepted (a roster's may be larger than a workbook); default MAX_IMPORT_BYTES. */
  maxCsvBytes = MAX_IMPORT_BYTES,
  t: Translator = englishTranslator(),
): Promise<GridResult> {
  if (bytes.length === 0) return fail(t('content:file.emptyNamed', { name }));
  const tooLarge = (limit: number) =>
    fail(
      t('content:file.tooLarge', {
        name,
        size: bytes.length / (1024 * 1024),
        limit: Math.round(limit / (1024 * 1024)),
      }),
    );
  if (bytes.length > Math.max(MAX_IMPORT_BYTES, maxCsvBytes)) return tooLarge(MAX_IMPORT_BYTES);
  const format = sniffFormat(name, bytes);
  if (format === 'csv' ? bytes.length > maxCsvBytes : bytes.length > MAX_IMPORT_BYTES)
    return tooLarge(format === 'csv' ? maxCsvBytes : MAX_IMPORT_BYTES);
  if (typeof format === 'object')
    return fail(
      `${t(`content:file.unsupported.${format.unsupported}`, { name, ext: format.ext ?? '' })} ${t('content:file.chooseCsvOrXlsx')}`,
    );
  const result =
    format === 'csv' ? readCsvGrid(bytes, t) : await readXlsxGrid(bytes, onProgress, sheet, t);
  if (!result.ok) return result;
  if (result.grid.cells.length === 0)
    return fail(format === 'csv' ? t('content:file.empty') : t('content:file.noDataInWorkbook'));
  return result;
}

/** How many of the first rows can be chosen as the heading row. */
const HEADING_CANDIDATES = 10;

/** Whether a cell holds a value rather than a name: a number, an amount, a date, a link, an address. */
function looksLikeValue(text: string): boolean {
  const t = text.trim();
  return (
    /^[-+(]?[\d\s.,:%€$£¥']+\)?(\s*[a-z]{0,5}\.?)?$/i.test(t) ||
    /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/.test(t) ||
    /^(https?:\/\/|www\.)/i.test(t) ||
    /^\S+@\S+\.\S+$/.test(t)
  );
}

/**
 * The heading row of a grid (an index into `grid.cells`), whatever language
 * the headings are in. A heading row is as wide as the rows below it, and its
 * cells are short, distinct names, not values (no numbers, dates or links):
 * a report title line or merged group headings (the same text repeated)
 * above the real headings are passed over, and so is a data row. Among the
 * rows that look like headings, the one whose cells name the most catalog
 * fields ("Title", "Anbieter", "Durée"…) wins, a name counting only where the
 * text is not repeated in its column below (a Kind value "Course" is data);
 * the first such row when none names more. When no row looks like headings,
 * the first row as wide as the rows below it.
 */
export function detectHeadingRow(grid: SheetGrid): number {
  const limit = Math.min(grid.cells.length, HEADING_CANDIDATES);
  const filled = (row: readonly string[]) => row.filter((c) => c.trim() !== '').length;
  const below = grid.cells
    .slice(1, 51)
    .map(filled)
    .sort((a, b) => a - b);
  const typical = below.length ? below[Math.floor(below.length / 2)]! : 1;
  const headingLike = (row: readonly string[]) => {
    const texts = row.map((c) => c.trim()).filter(Boolean);
    if (texts.length === 0 || texts.length < Math.max(1, Math.ceil(typical * 0.6))) return false;
    if (texts.some((t) => t.length > 80 || looksLikeValue(t))) return false;
    return new Set(texts.map((t) => t.toLowerCase())).size === texts.length;
  };
  const names = (i: number) => {
    const row = grid.cells[i]!.map((c) => c.trim());
    // A cell repeated further down its column is a value (a Kind "Course"), not a heading.
    const repeated = row.map((text, c) =>
      grid.cells
        .slice(i + 1, i + 51)
        .some((r) => (r[c] ?? '').trim().toLowerCase() === text.toLowerCase()),
    );
    const mapping = guessMapping(row.map((text, c) => (repeated[c] ? '' : text)));
    return Object.values(mapping).filter((column) => column !== null).length;
  };
  let best = -1;
  let bestNames = -1;
  for (let i = 0; i < limit; i++) {
    if (i >= grid.cells.length - 1 && best >= 0) break;
    if (!headingLike(grid.cells[i]!)) continue;
    const n = names(i);
    if (n > bestNames) {
      best = i;
      bestNames = n;
    }
  }
  if (best >= 0) return best;
  for (let i = 0; i < limit; i++) if (filled(grid.cells[i]!) >= Math.min(typical, 2)) return i;
  return 0;
}

/** The RawTable of a grid with its heading row at `headerIndex`. */
function tableFromGrid(
  grid: SheetGrid,
  headerIndex: number,
  sheetName: string | undefined,
  ragged: boolean,
): RawTable {
  const headers = (grid.cells[headerIndex] ?? []).map((h) => h.trim());
  const width = headers.length;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let shortRows = 0;
  let longRows = 0;
  let shortExample = 0;
  for (let i = headerIndex + 1; i < grid.cells.length; i++) {
    const cells = [...grid.cells[i]!];
    // Only a CSV row says how many cells it has (a sheet row ends at its last value).
    if (ragged && cells.length < width) {
      shortRows++;
      shortExample ||= cells.length;
    }
    if (cells.slice(width).some((c) => c.trim() !== '')) longRows++;
    // Pad ragged rows so every row has a cell per heading.
    for (let c = cells.length; c < width; c++) cells[c] = '';
    rows.push(cells);
    rowNumbers.push(grid.rowNumbers[i]!);
  }
  const headerRow = grid.rowNumbers[headerIndex] ?? 1;
  const cellIssues = grid.cellIssues.filter((issue) => issue.row > headerRow);
  return {
    headers,
    rows,
    rowNumbers,
    ...(sheetName !== undefined ? { sheetName } : {}),
    ...(cellIssues.length ? { cellIssues } : {}),
    ...(shortRows || longRows ? { ragged: { shortRows, longRows, shortWidth: shortExample } } : {}),
  };
}

/** The first rows (each with a row below it) as heading choices: "Row 2: Title · Provider · Level". */
function headingChoices(grid: SheetGrid, t: Translator): HeadingChoice[] {
  const count = Math.min(HEADING_CANDIDATES, grid.cells.length - 1);
  return grid.cells.slice(0, Math.max(count, 0)).map((cells, i) => {
    const shown = cells.map((c) => c.trim()).filter(Boolean);
    const text = shown.slice(0, 4).join(' · ') + (shown.length > 4 ? ' …' : '');
    return {
      row: grid.rowNumbers[i]!,
      label: t('content:file.headingChoice', {
        row: grid.rowNumbers[i]!,
        text: clipText(text, 80),
      }),
    };
  });
}

/** How many rows a ragged-row note speaks of: "1 row has", "All 2,000 rows have", "3 rows have". */
function rowsOf(n: number, of: number): { count: number; all: 'yes' | 'no' } {
  return { count: n, all: n === of && n > 1 ? 'yes' : 'no' };
}

/**
 * A read file laid out as a table: the heading row chosen (`headerRow`, a
 * sheet row number) or detected, with notes saying what was decided.
 */
export function layoutTable(
  name: string,
  read: Extract<GridResult, { ok: true }>,
  headerRow?: number,
  t: Translator = englishTranslator(),
): ReadResult {
  const { grid } = read;
  const chosen = headerRow === undefined ? -1 : grid.rowNumbers.indexOf(headerRow);
  const headerIndex = chosen >= 0 ? chosen : detectHeadingRow(grid);
  const table = tableFromGrid(grid, headerIndex, read.sheetName, read.format === 'csv');
  if (table.headers.every((h) => h === '')) return fail(t('content:file.noHeadings', { name }));
  if (table.rows.every((r) => r.every((c) => c.trim() === '')))
    return fail(t('content:file.noRows', { name }));
  const notes = [...read.notes];
  if (headerIndex > 0) {
    const above = grid.rowNumbers.slice(0, headerIndex);
    notes.push(
      above.length === 1
        ? t('content:file.headingsBelowRow', {
            row: grid.rowNumbers[headerIndex]!,
            above: above[0]!,
          })
        : t('content:file.headingsBelowRows', {
            row: grid.rowNumbers[headerIndex]!,
            first: above[0]!,
            last: above.at(-1)!,
          }),
    );
  }
  if (table.ragged?.shortRows)
    notes.push(
      t('content:file.shortRows', {
        ...rowsOf(table.ragged.shortRows, table.rows.length),
        width: table.ragged.shortWidth,
        headings: table.headers.length,
      }),
    );
  if (table.ragged?.longRows)
    notes.push(t('content:file.longRows', rowsOf(table.ragged.longRows, table.rows.length)));
  return {
    ok: true,
    format: read.format,
    table,
    sheets: read.sheets,
    headerRow: grid.rowNumbers[headerIndex]!,
    headingChoices: headingChoices(grid, t),
    notes,
  };
}

/** Text decoded, and how (for a note when it was not plain UTF-8). */
interface DecodedText {
  readonly text: string;
  /** Read as Windows-1252: with a UTF-8 mark that lied, or without one. */
  readonly note: 'markedNotUtf8' | 'notUtf8' | null;
  /** Whether some bytes are text in no encoding tried (then shown as U+0081 and the like). */
  readonly legacy: boolean;
}

/**
 * Decodes text as spreadsheet programs write it: UTF-16 with its byte-order
 * mark (Excel's "Unicode Text"), UTF-8 with or without a mark, else
 * Windows-1252 (Excel's "CSV" on Western systems) — also after a UTF-8 mark
 * whose text is not UTF-8. The mark itself is never part of the text. The
 * same rule in the browser and the desktop app.
 */
function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, UTF16LE_BOM))
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      note: null,
      legacy: false,
    };
  if (startsWith(bytes, UTF16BE_BOM))
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      note: null,
      legacy: false,
    };
  const marked = startsWith(bytes, UTF8_BOM);
  const body = marked ? bytes.subarray(3) : bytes;
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
      note: null,
      legacy: false,
    };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(body),
      note: marked ? 'markedNotUtf8' : 'notUtf8',
      legacy: true,
    };
  }
}

/** Bytes Windows-1252 leaves undefined (decoded as these C1 controls): not text in either encoding. */
const UNDECODABLE = /[\u0081\u008d\u008f\u0090\u009d]/;

/** Column separators a CSV file may use, in order of preference when equally likely. */
const SEPARATORS = [',', ';', '\t', '|'] as const;
/** Each separator's name in the note (`content:file.separatedBy`). */
const SEPARATOR_NAMES: Record<(typeof SEPARATORS)[number], string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'bar',
};

/**
 * The column separator of CSV text: the one that splits the first rows into
 * the same number (≥ 2) of columns most consistently. Short files count:
 * one heading and one row, with or without a final newline, are enough.
 */
export function detectSeparator(text: string): (typeof SEPARATORS)[number] | null {
  const sample =
    text.length > 65_536 ? text.slice(0, text.lastIndexOf('\n', 65_536) + 1 || 65_536) : text;
  let best: (typeof SEPARATORS)[number] | null = null;
  let bestShare = 0;
  let bestWidth = 0;
  for (const separator of SEPARATORS) {
    const rows = Papa.parse<string[]>(sample, { delimiter: separator, preview: 50 }).data.filter(
      (row) => row.some((cell) => cell.trim() !== ''),
    );
    if (rows.length === 0) continue;
    const widths = new Map<number, number>();
    for (const row of rows) widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
    let width = 0;
    let count = 0;
    for (const [w, n] of widths)
      if (n > count || (n === count && w > width)) [width, count] = [w, n];
    if (width < 2) continue;
    const share = count / rows.length;
    if (share > bestShare || (share === bestShare && width > bestWidth)) {
      best = separator;
      bestShare = share;
      bestWidth = width;
    }
  }
  return best;
}

/** A cell guarded against formula injection by an export ("'-", "'=A1"). */
const FORMULA_GUARD = /^'[=+\-@]/;

/** Reads CSV or tab-separated text into a grid (any separator, any encoding above). */
function readCsvGrid(bytes: Uint8Array, t: Translator): GridResult {
  const decoded = decodeText(bytes);
  const { text } = decoded;
  if (text.trim() === '') return fail(t('content:file.empty'));
  const separator = detectSeparator(text);
  const parsed = Papa.parse<string[]>(text, { delimiter: separator ?? ',', skipEmptyLines: false });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) return fail(t('content:file.unclosedQuote', { row: (quote.row ?? 0) + 1 }));
  const cells: string[][] = [];
  const rowNumbers: number[] = [];
  const cellIssues: CellIssue[] = [];
  let unguarded = 0;
  parsed.data.forEach((record, i) => {
    if (record.every((c) => c.trim() === '')) return; // a blank line, not a row
    // "'-" or "'=SUM(…)": the apostrophe a CSV export (ours too) puts before
    // text a spreadsheet would take for a formula is no part of the value.
    for (let c = 0; c < record.length; c++)
      if (FORMULA_GUARD.test(record[c]!)) {
        record[c] = record[c]!.slice(1);
        unguarded++;
      }
    cells.push(record);
    rowNumbers.push(i + 1);
    if (decoded.legacy)
      record.forEach((cell, column) => {
        if (UNDECODABLE.test(cell))
          cellIssues.push({
            row: i + 1,
            column,
            message: t('content:file.cell.bytesAfterField'),
            problem: { kind: 'bytes' },
          });
      });
  });
  const widest = cells.slice(0, HEADING_CANDIDATES).reduce((w, r) => Math.max(w, r.length), 0);
  if (widest > MAX_IMPORT_COLUMNS)
    return fail(t('content:file.tooManyColumns', { count: widest, max: MAX_IMPORT_COLUMNS }));
  const notes: string[] = [];
  if (decoded.note) notes.push(t(`content:file.${decoded.note}`));
  if (separator && separator !== ',')
    notes.push(t('content:file.separatedBy', { separator: SEPARATOR_NAMES[separator] }));
  if (unguarded) notes.push(t('content:file.unguarded', { count: unguarded }));
  return { ok: true, format: 'csv', grid: { cells, rowNumbers, cellIssues }, sheets: [], notes };
}

/**
 * SheetJS (~490 KB), loaded on the first XLSX read, so a CSV read never loads
 * it. The app's IIFE worker build inlines it into the import worker, which
 * itself starts only when the import dialog opens.
 */
let sheetJs: Promise<typeof SheetJs> | null = null;
const loadSheetJs = () => (sheetJs ??= import('@e965/xlsx'));

/** How SheetJS reads a workbook for import. */
const READ_OPTIONS: ParsingOptions = {
  type: 'array',
  // Rows as arrays of cells: faster to walk and smaller than an A1-keyed object.
  dense: true,
  // Together these keep a formula with no stored result as a stub that still
  // carries its formula — told apart from a stored 0, and reportable by cell —
  // where SheetJS would otherwise drop the cell.
  cellFormula: true,
  sheetStubs: true,
  // Format codes tell dates (and, later, percentages and durations) from numbers.
  cellNF: true,
  // Serial numbers, not Date objects: a date's day never depends on the time zone.
  cellDates: false,
  // We turn cells into text ourselves; SheetJS formatting every cell costs time.
  cellText: false,
  cellHTML: false,
};

/** A sheet's cells as SheetJS reads them in dense mode: rows of cells, 0-based, with holes. */
type DenseRows = readonly (readonly (CellObject | undefined)[] | undefined)[];

/**
 * Reads a workbook as a table (tests, the bench): the data-looking visible
 * sheet and the detected heading row, as the import dialog first shows it.
 */
export async function readXlsx(
  bytes: Uint8Array,
  onProgress?: RowProgress,
  t: Translator = englishTranslator(),
): Promise<ReadResult> {
  const read = await readXlsxGrid(bytes, onProgress, undefined, t);
  if (!read.ok) return read;
  if (read.grid.cells.length === 0) return fail(t('content:file.noDataInWorkbook'));
  return layoutTable(t('content:file.theWorkbook'), read, undefined, t);
}

/** Rows read past the import limit before giving up (headings and title lines above the data). */
const ROW_SLACK = 100;

/** Sheet visibility as the workbook stores it: 0 visible, 1 hidden, 2 very hidden. */
function isHidden(workbook: WorkBook, index: number): boolean {
  return (workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
}

/** Cells with something in them among a sheet's first rows: how data-looking a sheet is. */
function filledCells(sheet: WorkSheet | undefined, rows = 30): number {
  if (!sheet) return 0;
  let n = 0;
  for (const row of denseRows(sheet).slice(0, rows))
    for (const cell of row ?? []) if (hasValue(cell)) n++;
  return n;
}

/**
 * Reads one worksheet of a workbook into a grid, after the zip checks have
 * passed: only then does SheetJS inflate anything. The sheet is `sheet` if
 * named, else the visible sheet with the most data in its first rows (a
 * hidden "Lists" sheet before the data is passed over). Rows past the import
 * limit are never built: the read stops there and the file is refused.
 */
export async function readXlsxGrid(
  bytes: Uint8Array,
  onProgress?: RowProgress,
  sheet?: string,
  t: Translator = englishTranslator(),
): Promise<GridResult> {
  const zip = checkZip(bytes, undefined, t);
  if (!zip.ok) return zip;
  if (!zip.entries.some((e) => e.name === 'xl/workbook.xml'))
    return fail(t('content:file.zipNotWorkbook'));
  const XLSX = await loadSheetJs();
  let workbook: WorkBook;
  try {
    workbook = XLSX.read(bytes, { ...READ_OPTIONS, sheetRows: MAX_IMPORT_ROWS + ROW_SLACK + 1 });
  } catch {
    return fail(t('content:file.unreadableWorkbook'));
  }
  const names = workbook.SheetNames;
  const visible = names.filter((_, i) => !isHidden(workbook, i));
  const withData = (list: readonly string[]) =>
    list.filter((name) => filledCells(workbook.Sheets[name], Infinity) > 0);
  // Visible sheets are the choice; hidden ones only when no visible sheet holds data.
  const sheets = withData(visible).length ? withData(visible) : withData(names);
  if (sheets.length === 0) return fail(t('content:file.noDataInWorkbook'));
  let chosen = sheet !== undefined && sheets.includes(sheet) ? sheet : undefined;
  if (chosen === undefined) {
    chosen = sheets[0]!;
    for (const name of sheets)
      if (filledCells(workbook.Sheets[name]) > filledCells(workbook.Sheets[chosen])) chosen = name;
  }
  const ws = workbook.Sheets[chosen]!;
  // The read stopped one row past the limit: a value there means more rows than can be imported.
  const last = denseRows(ws)[MAX_IMPORT_ROWS + ROW_SLACK];
  if (last?.some(hasValue)) {
    const full = ws['!fullref'] ? XLSX.utils.decode_range(ws['!fullref']).e.r + 1 : null;
    return fail(
      full
        ? t('content:file.tooManyRows', { sheet: chosen, count: full, max: MAX_IMPORT_ROWS })
        : t('content:file.tooManyRowsAtLeast', {
            sheet: chosen,
            count: MAX_IMPORT_ROWS + ROW_SLACK,
            max: MAX_IMPORT_ROWS,
          }),
    );
  }
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const grid = gridFromSheet(XLSX, denseRows(ws), ws['!merges'] ?? [], date1904, t, onProgress);
  if (!grid.ok) return grid;
  const notes: string[] = [];
  const skippedHidden = names.filter((name, i) => isHidden(workbook, i) && !sheets.includes(name));
  if (names.length > 1)
    notes.push(
      skippedHidden.length
        ? t('content:file.readSheetHidden', {
            sheet: chosen,
            count: skippedHidden.length,
            names: skippedHidden
              .map((text) => t('content:file.quoted', { text }))
              .join(t('content:file.listSeparator')),
          })
        : t('content:file.readSheet', { sheet: chosen }),
    );
  return { ok: true, format: 'xlsx', grid: grid.grid, sheets, sheetName: chosen, notes };
}

/** The rows of a dense-mode sheet. */
function denseRows(sheet: WorkSheet): DenseRows {
  return (sheet['!data'] as DenseRows | undefined) ?? [];
}

/** Whether a cell holds something: a value, a formula (even without a stored result) or a link. */
function hasValue(cell: CellObject | undefined): boolean {
  return !!cell && (cell.t !== 'z' || cell.f !== undefined || cell.l !== undefined);
}

/**
 * Text of one cell as a planner sees it in the catalog: strings as typed,
 * numbers in full (not as formatted), dates as YYYY-MM-DD, TRUE/FALSE, the
 * error code (#N/A) and, for a link without text, its address. A formula
 * reads as its stored result — a stored 0 is 0 — or as empty when the file
 * holds no result.
 */
function cellText(XLSX: typeof SheetJs, cell: CellObject | undefined, date1904: boolean): string {
  if (!cell) return '';
  let text: string;
  switch (cell.t) {
    case 's':
      text = typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
      break;
    case 'n':
      text = typeof cell.v === 'number' ? numberText(XLSX, cell.v, cell.z, date1904) : '';
      break;
    case 'b':
      text = cell.v ? 'TRUE' : 'FALSE';
      break;
    case 'e':
      text = XLSX.utils.format_cell(cell);
      break;
    case 'd':
      text = cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
      break;
    default:
      text = '';
  }
  return text.trim() === '' && cell.l ? cell.l.Target : text;
}

/**
 * A number as text; in a date format, its day (YYYY-MM-DD), or — for a time
 * with no day, such as a duration typed as 1:30 — the time as the sheet shows it.
 */
function numberText(
  XLSX: typeof SheetJs,
  value: number,
  format: CellObject['z'],
  date1904: boolean,
): string {
  if (typeof format === 'string' && XLSX.SSF.is_date(format)) {
    if (value >= 0 && value < 1) return String(XLSX.SSF.format(format, value));
    const date = XLSX.SSF.parse_date_code(value, { date1904 }) as {
      y: number;
      m: number;
      d: number;
    } | null;
    if (date)
      return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
  }
  return String(value);
}

/** Rows between progress reports. */
const PROGRESS_EVERY = 2000;

/**
 * The grid of a sheet: rows with no value are skipped; row numbers are the
 * sheet's own. Each cell of a merged range reads as the range's value, as
 * the merge shows it (a provider merged down three rows belongs to all
 * three). A formula with no stored result is worked out when it is plain
 * arithmetic (=2*6), else reported by its cell reference.
 */
function gridFromSheet(
  XLSX: typeof SheetJs,
  rows: DenseRows,
  merges: readonly Range[],
  date1904: boolean,
  t: Translator,
  onProgress?: RowProgress,
): { ok: true; grid: SheetGrid } | { ok: false; message: string } {
  const cellIssues: CellIssue[] = [];
  /** A cell's text, or null for a formula with no stored result that is not plain arithmetic. */
  const valueOf = (cell: CellObject | undefined): string | null => {
    if (cell && cell.f !== undefined && (cell.t === 'z' || cell.v === undefined)) {
      const value = evaluateArithmetic(cell.f);
      return value === null ? null : String(value);
    }
    return cellText(XLSX, cell, date1904);
  };
  const text = (cell: CellObject | undefined, r: number, c: number) => {
    const value = valueOf(cell);
    if (value !== null) return value;
    cellIssues.push({
      row: r + 1,
      column: c,
      message: t('content:file.cell.formulaAfterField', {
        formula: clipText(cell!.f!, 40),
        cell: XLSX.utils.encode_cell({ r, c }),
      }),
      problem: {
        kind: 'formula',
        formula: clipText(cell!.f!, 40),
        cell: XLSX.utils.encode_cell({ r, c }),
      },
    });
    return '';
  };
  const filled = mergedTexts(rows, merges, (cell) => valueOf(cell) ?? '');
  const cells: string[][] = [];
  const rowNumbers: number[] = [];
  let read = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const fill = filled.get(r);
    // Width up to the last cell that holds something; trailing styled blanks don't count.
    let width = row.length;
    while (width > 0 && !hasValue(row[width - 1]) && !fill?.has(width - 1)) width--;
    if (fill) for (const c of fill.keys()) width = Math.max(width, c + 1);
    if (width === 0) continue;
    if (cells.length < HEADING_CANDIDATES && width > MAX_IMPORT_COLUMNS)
      return fail(t('content:file.sheetTooWide', { max: MAX_IMPORT_COLUMNS }));
    width = Math.min(width, MAX_IMPORT_COLUMNS + 1);
    const values = new Array<string>(width);
    for (let c = 0; c < width; c++) values[c] = fill?.get(c) ?? text(row[c], r, c);
    if (++read % PROGRESS_EVERY === 0) onProgress?.(read);
    if (values.every((v) => v.trim() === '')) continue;
    cells.push(values);
    rowNumbers.push(r + 1);
  }
  return { ok: true, grid: { cells, rowNumbers, cellIssues } };
}

/**
 * The value of a formula made only of numbers, + − × ÷ and parentheses
 * ("2*6", "(1.5+2)/2"), or null for anything else (a reference, a function).
 * Never evaluates code: a small recursive-descent reader.
 */
function evaluateArithmetic(formula: string): number | null {
  const source = formula.replace(/^=/, '').replace(/\s+/g, '');
  if (!/^[\d.+\-*/()]+$/.test(source) || source.length > 200) return null;
  let at = 0;
  const peek = () => source[at];
  function expression(): number {
    let value = term();
    while (peek() === '+' || peek() === '-')
      value = source[at++] === '+' ? value + term() : value - term();
    return value;
  }
  function term(): number {
    let value = factor();
    while (peek() === '*' || peek() === '/')
      value = source[at++] === '*' ? value * factor() : value / factor();
    return value;
  }
  function factor(): number {
    if (peek() === '-') {
      at++;
      return -factor();
    }
    if (peek() === '+') {
      at++;
      return factor();
    }
    if (peek() === '(') {
      at++;
      const value = expression();
      if (source[at++] !== ')') throw new Error('unclosed');
      return value;
    }
    const match = /^\d+(\.\d+)?|^\.\d+/.exec(source.slice(at));
    if (!match) throw new Error('number expected');
    at += match[0].length;
    return Number(match[0]);
  }
  try {
    const value = expression();
    return at === source.length && Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** Row → column → text of the cells that merges cover (other than each range's own cell). */
function mergedTexts(
  rows: DenseRows,
  merges: readonly Range[],
  text: (cell: CellObject | undefined) => string,
): Map<number, Map<number, string>> {
  const filled = new Map<number, Map<number, string>>();
  for (const { s, e } of merges) {
    const first = rows[s.r]?.[s.c];
    if (!hasValue(first)) continue;
    const value = text(first);
    // Clipped to the rows the sheet has and the columns we read: a merge over
    // a whole column must not create a million rows.
    const lastRow = Math.min(e.r, rows.length - 1);
    const lastColumn = Math.min(e.c, MAX_IMPORT_COLUMNS);
    for (let r = s.r; r <= lastRow; r++)
      for (let c = s.c; c <= lastColumn; c++) {
        if (r === s.r && c === s.c) continue;
        let row = filled.get(r);
        if (!row) filled.set(r, (row = new Map()));
        row.set(c, value);
      }
  }
  return filled;
}
