/**
 * Edits in the sheets the Excel round trip does not read back (Content
 * catalog, Learners, Logframe…): the workbook's cells are compared with the
 * same sheets written afresh from the plan (same audience and "as of" date,
 * read from the Summary sheet), and each sheet with cells that differ gets a
 * note naming it, counting the cells and showing the first few — so an
 * edit there (Hours 12 → 14 in the catalog) is never silently dropped.
 *
 * Calculated cells (formulas in both) are left out: a spreadsheet program
 * recalculates them. A cell that differs because the plan changed since the
 * export is reported too; the note says "differs from the plan", which is
 * true either way.
 */
import type ExcelJS from 'exceljs';
import type { Plan } from '../plan/schema';
import { audienceNote, PROFILE_IDS, type Profile } from './audience';
import { ALL_SECTION_IDS, type ExportSectionId } from './options';
import { buildPlanWorkbook, columnLetter } from './xlsx';
import { sheetNameIn } from './columns';
import { englishLocale, type DocLocale, type MessageArgs } from './locale';
import type { Catalog } from '../i18n/translator';

/** A message of the Import from Excel dialog's `read` catalog (what reading the workbook found). */
export type ReadKey = keyof Catalog['exportDialog']['read'];

/** A message about the workbook in the UI language `ui` (the planner reads it in the dialog). */
export const say = (ui: DocLocale, key: ReadKey, args?: MessageArgs): string =>
  ui.t(`exportDialog:read.${key}`, args);
import { clipText } from '../text-length';

/** Cells shown by reference (and value) in one note; the rest are counted. */
const SHOWN_CELLS = 3;

/** How many rows at the top may hold notes a recipient typed above a sheet's first row. */
const SHIFT_CANDIDATES = 10;

type Plain = string;

/** A cell as it reads, for comparing: dates as days, numbers to 10 significant digits. */
function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(Number(value.toPrecision(10)));
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('formula' in value || 'sharedFormula' in value)
      return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
  }
  return '';
}

/** A cell as a note in `ui` shows it: numbers with thousands separators ("1,900"). */
function shown(value: ExcelJS.CellValue, ui: DocLocale): string {
  if (typeof value === 'number') return ui.format.number(value, 6);
  if (isFormula(value)) return shown((value as { result?: ExcelJS.CellValue }).result ?? null, ui);
  return plain(value);
}

const isFormula = (value: ExcelJS.CellValue) =>
  typeof value === 'object' &&
  value !== null &&
  !(value instanceof Date) &&
  ('formula' in value || 'sharedFormula' in value);

/** The value of the Summary row labelled `label` (column B), if any. */
function summaryFact(wb: ExcelJS.Workbook, label: string, loc: DocLocale): ExcelJS.CellValue {
  const ws = wb.getWorksheet(sheetNameIn('summary', loc));
  if (!ws) return null;
  for (let r = 1; r <= Math.min(ws.rowCount, 40); r++)
    if (plain(ws.getRow(r).getCell(1).value) === label) return ws.getRow(r).getCell(2).value;
  return null;
}

/** The audience, "as of" date and sections the workbook was exported with, as far as it shows them. */
function exportedWith(wb: ExcelJS.Workbook, plan: Plan, hint: Profile, loc: DocLocale) {
  const audience = plain(summaryFact(wb, loc.w('summary.audience'), loc));
  const profile: Profile = PROFILE_IDS.find((p) => audienceNote(p, loc) === audience) ?? hint;
  const asOfCell = summaryFact(wb, loc.w('summary.asOf'), loc);
  const asOf =
    asOfCell instanceof Date
      ? asOfCell.toISOString().slice(0, 10)
      : plan.updatedAt.slice(0, 10) || '2000-01-01';
  const objective = summaryFact(wb, loc.w('summary.changeSought'), loc) !== null;
  const sections: ExportSectionId[] = ALL_SECTION_IDS.filter((s) => s !== 'objective' || objective);
  return { profile, asOf, sections, locale: loc };
}

/** The row of `ws` where the fresh sheet's first row is (a recipient may have typed rows above it). */
function shiftOf(ws: ExcelJS.Worksheet, fresh: ExcelJS.Worksheet): number {
  const first = (sheet: ExcelJS.Worksheet, r: number) => {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(sheet.columnCount, 8); c++)
      cells.push(plain(row.getCell(c).value));
    return cells.join('\u0000');
  };
  const target = first(fresh, 1);
  for (let r = 1; r <= Math.min(ws.rowCount, SHIFT_CANDIDATES); r++)
    if (first(ws, r) === target) return r - 1;
  return 0;
}

/** One cell that differs: where it is in the recipient's sheet, under which heading, and both values. */
interface Difference {
  readonly ref: string;
  readonly heading: string;
  readonly before: string;
  readonly after: string;
}

/** Labels on the Summary sheet that say when and for whom the file was written, not what the plan holds. */
const summaryMeta = (loc: DocLocale) =>
  new Set([
    loc.w('summary.asOf'),
    loc.w('summary.lastChanged'),
    // Written by earlier versions.
    'Exported on',
    loc.w('summary.audience'),
    loc.w('summary.sheets'),
  ]);

/** The Summary sheet compared fact by fact (by the label in column A). */
function summaryDifferences(
  ws: ExcelJS.Worksheet,
  mine: ExcelJS.Worksheet,
  loc: DocLocale,
  ui: DocLocale,
): Difference[] {
  const SUMMARY_META = summaryMeta(loc);
  const facts = (sheet: ExcelJS.Worksheet) => {
    const out = new Map<string, { row: number; value: string; cell: ExcelJS.CellValue }>();
    for (let r = 1; r <= sheet.rowCount; r++) {
      const label = plain(sheet.getRow(r).getCell(1).value);
      if (label && !SUMMARY_META.has(label) && !out.has(label))
        out.set(label, {
          row: r,
          value: plain(sheet.getRow(r).getCell(2).value),
          cell: sheet.getRow(r).getCell(2).value,
        });
    }
    return out;
  };
  const theirs = facts(ws);
  const differences: Difference[] = [];
  for (const [label, ours] of facts(mine)) {
    const their = theirs.get(label);
    if (their && their.value !== ours.value)
      differences.push({
        ref: `B${their.row}`,
        heading: label,
        before: shown(ours.cell, ui),
        after: shown(their.cell, ui),
      });
  }
  return differences;
}

/** The headings of row `r`, by text → column number. */
function headings(ws: ExcelJS.Worksheet, r: number): Map<string, number> {
  const out = new Map<string, number>();
  const row = ws.getRow(r);
  for (let c = 1; c <= ws.columnCount; c++) {
    const text = plain(row.getCell(c).value);
    if (text && !out.has(text)) out.set(text, c);
  }
  return out;
}

/**
 * A table sheet (headings on one row, an ID column) compared row by row by
 * ID and column by heading, so added, removed or moved rows and columns do
 * not make every later cell differ.
 */
function tableDifferences(
  ws: ExcelJS.Worksheet,
  mine: ExcelJS.Worksheet,
  shift: number,
  loc: DocLocale,
  ui: DocLocale,
): { differences: Difference[]; addedRows: number; removedRows: number } | null {
  const ours = headings(mine, 1);
  const theirs = headings(ws, 1 + shift);
  // The ID column, under its heading in the workbook's language ("ID", "المعرّف").
  const id = loc.w('col.id');
  const idOurs = ours.get(id);
  const idTheirs = theirs.get(id);
  if (idOurs === undefined || idTheirs === undefined) return null;
  const rowsById = (sheet: ExcelJS.Worksheet, from: number, column: number) => {
    const out = new Map<string, number>();
    for (let r = from; r <= sheet.rowCount; r++) {
      const id = plain(sheet.getRow(r).getCell(column).value);
      if (id && !out.has(id)) out.set(id, r);
    }
    return out;
  };
  const ourRows = rowsById(mine, 2, idOurs);
  const theirRows = rowsById(ws, 2 + shift, idTheirs);
  const differences: Difference[] = [];
  for (const [id, r] of ourRows) {
    const their = theirRows.get(id);
    if (their === undefined) continue;
    for (const [heading, c] of ours) {
      const tc = theirs.get(heading);
      if (tc === undefined) continue;
      const a = mine.getRow(r).getCell(c).value;
      const b = ws.getRow(their).getCell(tc).value;
      if (isFormula(a) && isFormula(b)) continue;
      if (plain(a) !== plain(b))
        differences.push({
          ref: `${columnLetter(tc)}${their}`,
          heading,
          before: shown(a, ui),
          after: shown(b, ui),
        });
    }
  }
  const addedRows = [...theirRows.keys()].filter((id) => !ourRows.has(id)).length;
  const removedRows = [...ourRows.keys()].filter((id) => !theirRows.has(id)).length;
  return { differences, addedRows, removedRows };
}

/** Cell by cell, by position (after the rows a recipient typed above the sheet's first row). */
function cellDifferences(
  ws: ExcelJS.Worksheet,
  mine: ExcelJS.Worksheet,
  shift: number,
  ui: DocLocale,
) {
  const rows = Math.max(ws.rowCount - shift, mine.rowCount);
  const columns = Math.max(ws.columnCount, mine.columnCount);
  const differences: Difference[] = [];
  for (let r = 1; r <= rows; r++) {
    const theirs = ws.getRow(r + shift);
    const ours = mine.getRow(r);
    for (let c = 1; c <= columns; c++) {
      const a = ours.getCell(c).value;
      const b = theirs.getCell(c).value;
      if (isFormula(a) && isFormula(b)) continue;
      if (plain(a) !== plain(b))
        differences.push({
          ref: `${columnLetter(c)}${r + shift}`,
          heading: '',
          before: shown(a, ui),
          after: shown(b, ui),
        });
    }
  }
  return differences;
}

/**
 * Notes on sheets the round trip does not read whose cells differ from the
 * plan, and on sheets this app does not write. `read` are the sheets read as
 * Stakeholders and Indicators; `profile` is the audience the workbook was
 * written for when its Summary does not say (its Stakeholders columns do).
 */
export async function otherSheetEdits(
  wb: ExcelJS.Workbook,
  plan: Plan,
  read: readonly ExcelJS.Worksheet[],
  profile: Profile,
  loc: DocLocale = englishLocale(),
  /** The language the notes are written in (the UI's). */
  ui: DocLocale = loc,
): Promise<string[]> {
  const others = wb.worksheets.filter((ws) => !read.includes(ws));
  if (others.length === 0) return [];
  let fresh: ExcelJS.Workbook;
  try {
    fresh = (await buildPlanWorkbook(plan, exportedWith(wb, plan, profile, loc))).workbook;
  } catch {
    return [
      say(ui, 'otherNotCompared', {
        sheets: others.map((w) => say(ui, 'quoted', { text: w.name })).join(', '),
      }),
    ];
  }
  const notes: string[] = [];
  for (const ws of others) {
    const mine = fresh.worksheets.find((f) => f.name === ws.name);
    if (!mine) {
      if (ws.actualRowCount > 0) notes.push(say(ui, 'notOurs', { name: ws.name }));
      continue;
    }
    const shift = shiftOf(ws, mine);
    const summary = ws.name === sheetNameIn('summary', loc);
    const table = summary ? null : tableDifferences(ws, mine, shift, loc, ui);
    const differences = summary
      ? summaryDifferences(ws, mine, loc, ui)
      : (table?.differences ?? cellDifferences(ws, mine, shift, ui));
    const rowsAdded = table?.addedRows ?? 0;
    const rowsRemoved = table?.removedRows ?? 0;
    const n = differences.length;
    if (n === 0 && rowsAdded === 0 && rowsRemoved === 0) continue;
    const parts: string[] = [];
    if (n > 0) {
      // A cell's text, cut short.
      const value = (text: string) =>
        text === '' ? say(ui, 'emptyCell') : say(ui, 'quoted', { text: clipText(text) });
      const cells = differences
        .slice(0, SHOWN_CELLS)
        .map(
          (d) =>
            `${d.ref}${d.heading ? ` ${d.heading}` : ''}: ${value(d.before)} → ${value(d.after)}`,
        )
        .join('; ');
      parts.push(
        say(ui, 'cellsDiffer', {
          count: n,
          cells: n > SHOWN_CELLS ? say(ui, 'andMore', { cells, count: n - SHOWN_CELLS }) : cells,
        }),
      );
    }
    if (rowsAdded > 0) parts.push(say(ui, 'rowsNotInPlan', { count: rowsAdded }));
    if (rowsRemoved > 0) parts.push(say(ui, 'entriesWithoutRow', { count: rowsRemoved }));
    notes.push(
      say(ui, 'otherSheetEdits', {
        sheet: say(ui, 'sheet', { name: ws.name }),
        parts: parts.join('; '),
      }),
    );
  }
  return notes;
}
