/**
 * Reads a catalog spreadsheet (CSV or XLSX) into a RawTable, refusing files
 * that are too big, empty, of the wrong type or zip bombs — each with a
 * message a planner can act on. Runs in a Web Worker in the app and in Node
 * in tests and the bench.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { RawTable } from './catalog-import';
import { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS } from './import-limits';
import { readFirstSheet, type RowProgress } from './xlsx-sheet-reader';
import { checkZip } from './zip-guard';

export { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS } from './import-limits';

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

/** Text of one exceljs cell value, whatever kind it is. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('hyperlink' in value) {
    const text = typeof value.text === 'string' ? value.text : cellText(value.text);
    return text.trim() ? text : value.hyperlink;
  }
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * Reads the first non-empty worksheet of an XLSX workbook, after the zip
 * checks: with the fast sheet reader when the workbook is of a shape it
 * knows (exceljs took ~2–3 s for 50,000 rows), else with exceljs.
 */
export async function readXlsx(bytes: Uint8Array, onProgress?: RowProgress): Promise<ReadResult> {
  const zip = checkZip(bytes);
  if (!zip.ok) return zip;
  if (!zip.entries.some((e) => e.name === 'xl/workbook.xml'))
    return fail('The file is a zip archive but not an Excel workbook.');
  let fast: ReturnType<typeof readFirstSheet> = null;
  try {
    fast = readFirstSheet(bytes, MAX_IMPORT_COLUMNS, onProgress);
  } catch {
    // Anything the fast reader trips over is left to exceljs and its messages.
    fast = null;
  }
  if (fast === 'empty') return fail('The workbook has no data in any sheet.');
  if (fast) return tableFromSheet(fast.rows, fast.sheetName);
  return readXlsxWithExcelJs(bytes);
}

/** The RawTable of a sheet's rows: the first row with a value is the header row. */
function tableFromSheet(
  sheetRows: readonly { readonly rowNumber: number; readonly cells: readonly string[] }[],
  sheetName: string,
): ReadResult {
  let headers: string[] | null = null;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const { rowNumber, cells } of sheetRows) {
    if (headers === null) {
      if (cells.every((c) => c.trim() === '')) continue;
      if (cells.length > MAX_IMPORT_COLUMNS)
        return fail(`The sheet has more than ${MAX_IMPORT_COLUMNS} columns.`);
      headers = cells.map((h) => h.trim());
      continue;
    }
    rows.push(cells as string[]);
    rowNumbers.push(rowNumber);
  }
  if (headers === null) return fail('The workbook has no data in any sheet.');
  const width = headers.length;
  for (const r of rows) for (let c = 0; c < width; c++) r[c] ??= '';
  return { ok: true, format: 'xlsx', table: { headers, rows, rowNumbers, sheetName } };
}

/** The exceljs path, for workbooks the fast reader leaves alone (exported for comparison tests). */
export async function readXlsxWithExcelJs(bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants an ArrayBuffer-backed buffer; hand it exactly our bytes.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await workbook.xlsx.load(buffer as ArrayBuffer);
  } catch (error) {
    return fail(`The workbook could not be read (${String(error).slice(0, 200)}).`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return fail('The workbook has no data in any sheet.');
  let headers: string[] | null = null;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let tooWide = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based and sparse.
    const values = row.values as ExcelJS.CellValue[];
    const width = Math.min(values.length - 1, MAX_IMPORT_COLUMNS + 1);
    const cells: string[] = new Array<string>(Math.max(0, width));
    for (let c = 1; c <= width; c++) cells[c - 1] = cellText(values[c] ?? null);
    if (headers === null) {
      if (cells.every((c) => c.trim() === '')) return;
      if (values.length - 1 > MAX_IMPORT_COLUMNS) tooWide = true;
      headers = cells.map((h) => h.trim());
      return;
    }
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  if (tooWide) return fail(`The sheet has more than ${MAX_IMPORT_COLUMNS} columns.`);
  if (headers === null) return fail('The workbook has no data in any sheet.');
  const width = (headers as string[]).length;
  // Pad ragged rows so every row has a cell per heading.
  for (const r of rows) for (let c = 0; c < width; c++) r[c] ??= '';
  return {
    ok: true,
    format: 'xlsx',
    table: { headers: headers as string[], rows, rowNumbers, sheetName: sheet.name },
  };
}
