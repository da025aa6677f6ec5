/**
 * Reads a catalog spreadsheet (CSV or XLSX) into a RawTable, refusing files
 * that are too big, empty, of the wrong type or zip bombs — each with a
 * message a planner can act on. Runs in a Web Worker in the app and in Node
 * in tests and the bench.
 */
import type * as SheetJs from '@e965/xlsx';
import type { CellObject, ParsingOptions, Range, WorkBook, WorkSheet } from '@e965/xlsx';
import Papa from 'papaparse';
import type { RawTable } from './catalog-import';
import { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS } from './import-limits';
import { checkZip } from './zip-guard';

export { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS } from './import-limits';

/** Called now and then with how many rows have been read so far. */
export type RowProgress = (rowsRead: number) => void;

/** Either a table or a reason the file cannot be used. */
export type ReadResult =
  | { readonly ok: true; readonly table: RawTable; readonly format: 'csv' | 'xlsx' }
  | { readonly ok: false; readonly message: string };

const fail = (message: string): ReadResult => ({ ok: false, message });

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** What a file is, from its first bytes (names can lie) and then its extension. */
export function sniffFormat(
  name: string,
  bytes: Uint8Array,
): 'csv' | 'xlsx' | { readonly unsupported: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'ods' || ext === 'numbers')
      return { unsupported: 'a spreadsheet in a format this app cannot read' };
    if (ext === 'docx' || ext === 'pptx') return { unsupported: 'a Word or PowerPoint file' };
    return 'xlsx';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return { unsupported: 'an old-style Excel 97–2003 (.xls) or Office file' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { unsupported: 'a PDF' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { unsupported: 'an image' };
  if (ext === 'xlsx' || ext === 'xlsm')
    return { unsupported: 'not a valid Excel workbook, although its name ends in .xlsx' };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { unsupported: 'a binary file, not text' };
  if (['csv', 'tsv', 'txt', ''].includes(ext)) return 'csv';
  return { unsupported: `a .${ext} file` };
}

/** Reads a catalog file from its bytes; `onProgress` hears how many rows were read so far. */
export async function readCatalogFile(
  name: string,
  bytes: Uint8Array,
  onProgress?: RowProgress,
): Promise<ReadResult> {
  if (bytes.length === 0) return fail(`“${name}” is empty.`);
  if (bytes.length > MAX_IMPORT_BYTES)
    return fail(
      `“${name}” is ${(bytes.length / (1024 * 1024)).toFixed(1)} MB; spreadsheets of at most 10 MB can be imported. Split it or remove unused sheets and columns.`,
    );
  const format = sniffFormat(name, bytes);
  if (typeof format === 'object')
    return fail(
      `“${name}” is ${format.unsupported}. Choose a CSV file or an Excel workbook (.xlsx); in Excel use File → Save As to convert.`,
    );
  const result = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes, onProgress);
  if (!result.ok) return result;
  if (result.table.headers.every((h) => h.trim() === ''))
    return fail(`“${name}” has no column headings in its first row.`);
  if (result.table.rows.every((r) => r.every((c) => c.trim() === '')))
    return fail(`“${name}” has column headings but no rows to import.`);
  return result;
}

/** Decodes text: UTF-8 (with or without BOM), else Windows-1252 as Excel writes it. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Reads CSV (any delimiter papaparse detects: comma, semicolon, tab). */
function readCsv(bytes: Uint8Array): ReadResult {
  const text = decodeText(bytes);
  if (text.trim() === '') return fail('The file is empty.');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote)
    return fail(
      `Row ${(quote.row ?? 0) + 1} has a quotation mark that is never closed, so the rest of the file cannot be read. Fix it in the spreadsheet and try again.`,
    );
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return fail('The file is empty.');
  const headers = records[headerIndex]!.map((h) => h.trim());
  if (headers.length > MAX_IMPORT_COLUMNS)
    return fail(`The file has ${headers.length} columns; at most ${MAX_IMPORT_COLUMNS}.`);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const r = records[i]!;
    if (r.length === 1 && r[0] === '') continue; // a blank line, not a blank record
    rows.push(r);
    rowNumbers.push(i + 1);
  }
  return { ok: true, format: 'csv', table: { headers, rows, rowNumbers } };
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
 * Reads the first worksheet (in tab order) that holds a value, after the zip
 * checks have passed: only then does SheetJS inflate anything.
 */
export async function readXlsx(bytes: Uint8Array, onProgress?: RowProgress): Promise<ReadResult> {
  const zip = checkZip(bytes);
  if (!zip.ok) return zip;
  if (!zip.entries.some((e) => e.name === 'xl/workbook.xml'))
    return fail('The file is a zip archive but not an Excel workbook.');
  const XLSX = await loadSheetJs();
  let workbook: WorkBook;
  try {
    workbook = XLSX.read(bytes, READ_OPTIONS);
  } catch (error) {
    return fail(`The workbook could not be read (${String(error).slice(0, 200)}).`);
  }
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const text = (cell: CellObject | undefined) => cellText(XLSX, cell, date1904);
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName];
    if (!sheet) continue;
    const rows = denseRows(sheet);
    if (!rows.some((row) => row?.some(hasValue))) continue;
    return tableFromSheet(rows, sheet['!merges'] ?? [], sheetName, text, onProgress);
  }
  return fail('The workbook has no data in any sheet.');
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
 * The RawTable of a sheet: the first row with a value is the header row;
 * rows with no value are skipped; row numbers are the sheet's own. Each cell
 * of a merged range reads as the range's value, as the merge shows it (a
 * provider merged down three rows belongs to all three).
 */
function tableFromSheet(
  rows: DenseRows,
  merges: readonly Range[],
  sheetName: string,
  text: (cell: CellObject | undefined) => string,
  onProgress?: RowProgress,
): ReadResult {
  const filled = mergedTexts(rows, merges, text);
  let headers: string[] | null = null;
  const table: string[][] = [];
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
    if (headers === null && width > MAX_IMPORT_COLUMNS)
      return fail(`The sheet has more than ${MAX_IMPORT_COLUMNS} columns.`);
    width = Math.min(width, MAX_IMPORT_COLUMNS + 1);
    const cells = new Array<string>(width);
    for (let c = 0; c < width; c++) cells[c] = fill?.get(c) ?? text(row[c]);
    if (++read % PROGRESS_EVERY === 0) onProgress?.(read);
    if (headers === null) {
      if (cells.every((c) => c.trim() === '')) continue;
      headers = cells.map((h) => h.trim());
      continue;
    }
    table.push(cells);
    rowNumbers.push(r + 1);
  }
  if (headers === null) return fail('The workbook has no data in any sheet.');
  // Pad ragged rows so every row has a cell per heading.
  const width = headers.length;
  for (const cells of table) for (let c = cells.length; c < width; c++) cells[c] = '';
  return { ok: true, format: 'xlsx', table: { headers, rows: table, rowNumbers, sheetName } };
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
