/**
 * The Excel round trip: a recipient edits the Stakeholders and Indicators
 * sheets of an exported workbook and the planner imports them back. Rows are
 * matched by the ID column; the result is a preview (added / changed, field
 * by field; entries with no row, which are kept unless the planner ticks
 * them for removal; rows whose ID was cleared, offered as the entry of the
 * same name) that changes nothing until `applyRoundTrip` runs inside one
 * undoable edit. Columns the app does not export ("Funder comments") and
 * note rows above the headings are passed over and said so; numbers are
 * read as a person typed them ("75%" in Power is 75, "1,050" is 1050), and
 * texts are measured as the plan schema measures them. A bad workbook — too
 * big, not an .xlsx, a zip bomb, sheets or required headings missing,
 * values of the wrong type — gets one clear message naming the sheet, row
 * and column.
 */
import ExcelJS from 'exceljs';
import { MAX_IMPORT_BYTES } from '../content/import-limits';
import { checkZip } from '../content/zip-guard';
import type { ZodType } from 'zod';
import { FREQUENCY_LABELS } from '../indicators/format';
import { fromPercentFraction, parseNumberText } from '../numbers';
import { Indicator, type Plan, Stakeholder } from '../plan/schema';
import { quadrantOf } from '../stakeholders/quadrants';
import { isPlaced, STANCE_INFO } from '../stakeholders/register';
import { termsOf } from './terms';
import { textLength } from '../text-length';
import {
  columnKeyed,
  columnsInLanguages,
  headerIn,
  INDICATOR_COLUMNS,
  PARTNER_TYPE_CHOICES,
  RELATION_CHOICES,
  sheetNameIn,
  STAKEHOLDER_COLUMNS,
  type RoundTripColumn,
  type SheetKey,
} from './columns';
import { LANGUAGES } from '../i18n/languages';
import { documentLocale, type DocLocale } from './locale';
import type { Language } from '../i18n/languages';
import type {
  AddedRow,
  ChangedRow,
  EntryRef,
  FieldChange,
  RoundTripPreview,
  RoundTripProblem,
  RoundTripResult,
  RoundTripSheet,
  SheetDiff,
  UnmatchedRow,
  Value,
} from './roundtrip-model';
import { cellText } from './sanitize';
import { columnLetter } from './xlsx';
import { POSITION_KEY, splitIds } from './roundtrip-model';
import { otherSheetEdits, say } from './roundtrip-other-sheets';

export {
  applyRoundTrip,
  choiceFor,
  decideRoundTrip,
  undecidedRows,
  isEmptyPreview,
  matchKey,
  NO_DECISIONS,
  removalKey,
  type AddedRow,
  type EntryRef,
  type RoundTripDecisions,
  type UnmatchedRow,
  type ChangedRow,
  type FieldChange,
  type RoundTripPreview,
  type RoundTripProblem,
  type RoundTripResult,
  type RoundTripSheet,
  type SheetDiff,
} from './roundtrip-model';
import { formatMegabytes } from '../plan/plan-file';
import { looseKey } from '../text-key';

const fail = (message: string, details: readonly string[] = []): RoundTripResult => ({
  ok: false,
  message,
  details,
});

// ---------------------------------------------------------------- cells

/** The plain value of an exceljs cell (rich text joined, formulas by their result). */
function plainValue(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      return typeof result === 'string' || typeof result === 'number' ? result : null;
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Excel serial day numbers that stand for plausible dates (1954–2119). */
const SERIAL_RANGE = [20_000, 80_000] as const;

type Parsed = { ok: true; value: Value; note?: string } | { ok: false; message: string };

/** What a cell's value means beyond its value. */
interface CellContext {
  /** The cell is formatted as a percentage (Excel stores 75% as 0.75). */
  readonly percentFormat: boolean;
  /** The column holds values of a percentage indicator ("% of completers"). */
  readonly percentUnit: boolean;
  /** The longest text the plan schema allows in this field (code points), if it is text. */
  readonly maxLength: number | null;
}

/** True for an indicator unit that is a percentage ("%", "% of completers", "per cent"). */
export function isPercentUnit(unit: string): boolean {
  return /%|\bper ?cent(age)?\b/i.test(unit);
}

/** A number as a person typed it: a number cell, a percent cell or text ("1,050", "12,5", "75%"). */
function readNumber(
  raw: ReturnType<typeof plainValue>,
  context: CellContext,
): { value: number; percent: boolean; shown: string } | null {
  if (typeof raw === 'number') {
    if (!context.percentFormat) return { value: raw, percent: false, shown: String(raw) };
    const value = fromPercentFraction(raw);
    return { value, percent: true, shown: `${value}%` };
  }
  if (typeof raw !== 'string') return null;
  const typed = parseNumberText(raw);
  return typed && { ...typed, shown: raw.trim() };
}

/** Reads one cell of a column, or says why it cannot be used. */
function parseCell(
  column: RoundTripColumn,
  raw: ReturnType<typeof plainValue>,
  context: CellContext,
  ui: DocLocale,
): Parsed {
  const empty = raw === null || (typeof raw === 'string' && raw.trim() === '');
  switch (column.kind) {
    case 'computed':
      return { ok: true, value: null };
    case 'id':
    case 'text': {
      if (column.kind === 'id' ? empty : raw === null || raw === '')
        return { ok: true, value: column.kind === 'id' ? null : '' };
      // Spaces or a line break alone are text the plan holds, not an empty cell.
      const text = raw instanceof Date ? isoDate(raw) : typeof raw === 'string' ? raw : String(raw);
      const value = column.kind === 'id' ? text.trim() : text;
      // Counted as the plan schema counts (code points), so what the plan holds always comes back.
      const length = textLength(value);
      if (context.maxLength !== null && length > context.maxLength)
        return {
          ok: false,
          message: say(ui, 'tooLong', { length, max: context.maxLength }),
        };
      return { ok: true, value };
    }
    case 'score': {
      if (empty) return { ok: true, value: null };
      const n = readNumber(raw, context);
      if (!n || n.value < 0 || n.value > 100)
        return {
          ok: false,
          message: say(ui, 'notScore', { value: n?.shown ?? String(raw) }),
        };
      if (!n.percent && n.value > 0 && n.value < 1) {
        const percent = fromPercentFraction(n.value);
        return {
          ok: false,
          message: say(ui, 'fraction', { value: n.shown, percent }),
        };
      }
      const whole = Math.round(n.value);
      return whole === n.value
        ? { ok: true, value: whole }
        : { ok: true, value: whole, note: say(ui, 'rounded', { value: n.shown }) };
    }
    case 'number': {
      if (empty) return { ok: true, value: null };
      const n = readNumber(raw, context);
      if (!n || Math.abs(n.value) > 1e12)
        return { ok: false, message: say(ui, 'notNumber', { value: String(raw) }) };
      if (n.percent && !context.percentUnit)
        return {
          ok: false,
          message: say(ui, 'percentNotUnit', { value: n.shown }),
        };
      return { ok: true, value: n.value };
    }
    case 'date': {
      if (empty) return { ok: true, value: null };
      if (raw instanceof Date && !Number.isNaN(raw.getTime()))
        return { ok: true, value: isoDate(raw) };
      if (typeof raw === 'number' && raw >= SERIAL_RANGE[0] && raw <= SERIAL_RANGE[1])
        return { ok: true, value: isoDate(new Date(Math.round((raw - 25_569) * 86_400_000))) };
      if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.trim())) {
        const d = new Date(`${raw.trim()}T00:00:00Z`);
        if (!Number.isNaN(d.getTime()) && isoDate(d) === raw.trim())
          return { ok: true, value: raw.trim() };
      }
      return { ok: false, message: say(ui, 'notDate', { value: String(raw) }) };
    }
    case 'choice': {
      const choices = column.choices ?? {};
      if (empty) return { ok: true, value: null };
      const text = String(raw).trim().toLocaleLowerCase('en');
      for (const [label, value] of Object.entries(choices))
        if (label.toLocaleLowerCase('en') === text || value?.toLocaleLowerCase('en') === text)
          return { ok: true, value };
      return {
        ok: false,
        message: say(ui, 'notChoice', {
          value: String(raw),
          choices: (column.shownChoices ?? Object.keys(choices)).join(', '),
        }),
      };
    }
  }
}

/** The longest text a schema field allows (its zod `.max()`), through defaults and nullables. */
function maxLengthOf(schema: ZodType | undefined): number | null {
  let current: unknown = schema;
  for (let depth = 0; depth < 5 && current; depth++) {
    const zod = current as { maxLength?: unknown; def?: { innerType?: unknown } };
    if (typeof zod.maxLength === 'number') return zod.maxLength;
    current = zod.def?.innerType;
  }
  return null;
}

// ---------------------------------------------------------------- sheets

/** One row read from a sheet: the values it can give, and how some were read. */
export interface SheetRow {
  readonly row: number;
  /** Parsed values of the readable cells; a cell with a problem has no key here. */
  readonly values: Record<string, Value>;
  /** How a value was read, by key, when worth saying ("55.5 rounded to a whole score"). */
  readonly remarks: Readonly<Record<string, string>>;
}

/** Rows read from one sheet, with the columns it has. */
export interface SheetRows {
  /** True when the sheet was found and read (false: absent, or not readable — see the problems). */
  readonly present: boolean;
  readonly columns: readonly RoundTripColumn[];
  readonly rows: readonly SheetRow[];
}

/** One sheet the round trip reads: its columns and the schema its rows become. */
interface SheetSpec {
  readonly sheet: RoundTripSheet;
  readonly name: string;
  /** Its name in every language the app writes workbooks in (lower case). */
  readonly names: ReadonlySet<string>;
  readonly columns: readonly RoundTripColumn[];
  readonly shape: Readonly<Record<string, ZodType>>;
  /** An indicator's unit in the plan, for a sheet without the Unit column. */
  readonly unitOf?: (id: string) => string;
  /**
   * True when the plan's entry `id` holds a value the export wrote as an
   * empty cell: a required column may then stay empty on that row.
   */
  readonly exportedBlank: (id: string, key: string) => boolean;
  /** True when the plan has an entry with this ID. */
  readonly known: (id: string) => boolean;
  /** Columns whose empty cell means "not set" rather than a missing value (Power, Interest). */
  readonly blankMeansUnset?: readonly string[];
}

/** How many rows at the top may be notes above the headings. */
const HEADING_CANDIDATES = 10;

/** Sheets of the workbook that are never the Stakeholders or Indicators sheet. */
const OTHER_EXPORT_SHEETS: readonly SheetKey[] = [
  'summary',
  'theoryOfChange',
  'causalLinks',
  'logframe',
  'learners',
  'catalog',
  'pathways',
  'makeOrBuy',
  'partnersAndStakeholders',
];

/** A sheet's names in every language, lower case. */
const namesOf = (sheet: SheetKey, locales: readonly DocLocale[]): Set<string> =>
  new Set(locales.map((loc) => sheetNameIn(sheet, loc).toLowerCase()));

/** The sheets every language's export writes that the round trip never reads. */
interface Reading {
  readonly others: ReadonlySet<string>;
  /** The Stakeholders and Indicators sheets' names in every language. */
  readonly readable: ReadonlySet<string>;
}

/** The text of a cell as it reads, for headings. */
function headingText(cell: ExcelJS.Cell): string {
  const raw = plainValue(cell.value);
  return raw === null ? '' : String(raw).trim();
}

/** The round-trip column a heading names (its current or a former heading), if any. */
function columnNamed(known: readonly RoundTripColumn[], text: string): RoundTripColumn | undefined {
  const heading = text.toLowerCase();
  return known.find(
    (k) =>
      k.header.toLowerCase() === heading ||
      (k.formerHeaders ?? []).some((h) => h.toLowerCase() === heading),
  );
}

/**
 * The heading row: among the first rows, the one naming the most of the
 * sheet's columns — so a note typed above the headings ("Please return by
 * Friday") is passed over, as the catalog import passes over a report title.
 */
function findHeadingRow(
  ws: ExcelJS.Worksheet,
  known: readonly RoundTripColumn[],
): { row: number; keys: Set<string> } {
  let best = { row: 1, keys: new Set<string>() };
  const width = Math.max(ws.actualColumnCount, ws.columnCount);
  for (let r = 1; r <= Math.min(ws.rowCount, HEADING_CANDIDATES); r++) {
    const row = ws.getRow(r);
    const keys = new Set<string>();
    for (let c = 1; c <= width; c++) {
      const column = columnNamed(known, headingText(row.getCell(c)));
      if (column) keys.add(column.key);
    }
    if (keys.size > best.keys.size) best = { row: r, keys };
  }
  return best;
}

/**
 * The worksheet to read for a spec: the sheet of that name or, when it was
 * renamed ("Stakeholders (Fund comments)"), the sheet whose headings name
 * most of its columns — every required one if any sheet does (one that
 * lacks some is still returned, so the preview can say what it lacks rather
 * than that there is no such sheet).
 */
function findSheet(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  taken: ReadonlySet<ExcelJS.Worksheet>,
  reading: Reading,
): { ws: ExcelJS.Worksheet; byHeadings: boolean } | null {
  const named = wb.worksheets.find((w) => spec.names.has(w.name.trim().toLowerCase()));
  if (named) return { ws: named, byHeadings: false };
  const required = spec.columns.filter((k) => k.required).map((k) => k.key);
  let best: { ws: ExcelJS.Worksheet; score: number } | null = null;
  for (const ws of wb.worksheets) {
    const name = ws.name.trim().toLowerCase();
    if (taken.has(ws) || reading.others.has(name) || reading.readable.has(name)) continue;
    const { keys } = findHeadingRow(ws, spec.columns);
    if (keys.size * 2 < spec.columns.length) continue;
    // Every required column counts for more than all the others together.
    const score = keys.size + (required.every((k) => keys.has(k)) ? spec.columns.length : 0);
    if (!best || score > best.score) best = { ws, score };
  }
  return best && { ws: best.ws, byHeadings: true };
}

/** “a”, “b” in the UI language's quotation marks. */
const quoteList = (ui: DocLocale, items: readonly string[]) =>
  items.map((text) => say(ui, 'quoted', { text })).join(', ');

const cellString = (cell: ExcelJS.Cell) => {
  const raw = plainValue(cell.value);
  return raw === null ? '' : String(raw);
};

const NOT_READ: SheetRows = { present: false, columns: [], rows: [] };

/** A problem in one row (and column), said with the sheet and row, and without them for a list by row. */
function rowProblem(
  ui: DocLocale,
  p: {
    sheet: RoundTripSheet;
    label: string;
    row: number;
    name: string | null;
    column: string | null;
    message: string;
    effect: RoundTripProblem['effect'];
  },
): RoundTripProblem {
  const where = { sheet: p.label, row: p.row, column: p.column ?? '', message: p.message };
  return {
    sheet: p.sheet,
    row: p.row,
    name: p.name,
    column: p.column,
    message: say(ui, p.column ? 'atCell' : 'atRow', where),
    detail: say(ui, p.column ? 'detailCell' : 'detail', where),
    effect: p.effect,
  };
}

function readSheet(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  problems: RoundTripProblem[],
  notes: string[],
  taken: Set<ExcelJS.Worksheet>,
  reading: Reading,
  /** The language the workbook was written in (its quadrant names). */
  written: DocLocale,
  /** The language the planner reads the messages in. */
  ui: DocLocale,
): SheetRows & { worksheet: ExcelJS.Worksheet | null } {
  const { name, columns: known, sheet } = spec;
  const found = findSheet(wb, spec, taken, reading);
  if (!found) return { ...NOT_READ, worksheet: null };
  const { ws } = found;
  taken.add(ws);
  /** How the sheet is named in messages: "Stakeholders sheet", or "“Renamed” sheet (read as Stakeholders)". */
  const label = say(ui, found.byHeadings || ws.name !== name ? 'sheetQuoted' : 'sheet', {
    name: ws.name,
  });
  const sheetProblem = (message: string) =>
    problems.push({
      sheet,
      row: null,
      name: null,
      column: null,
      message,
      detail: message,
      effect: 'sheet',
    });
  const headingRow = findHeadingRow(ws, known).row;
  const header = ws.getRow(headingRow);
  const columns: { index: number; column: RoundTripColumn }[] = [];
  const ignored: { index: number; text: string }[] = [];
  const seen = new Map<string, number>();
  let unreadable = false;
  for (let c = 1; c <= Math.max(header.cellCount, ws.actualColumnCount); c++) {
    const text = headingText(header.getCell(c));
    if (text === '') continue;
    const column = columnNamed(known, text);
    if (!column) {
      ignored.push({ index: c, text });
      continue;
    }
    const first = seen.get(column.key);
    if (first !== undefined) {
      sheetProblem(
        say(ui, 'headingTwice', {
          sheet: label,
          heading: text,
          first: columnLetter(first),
          second: columnLetter(c),
        }),
      );
      unreadable = true;
      continue;
    }
    seen.set(column.key, c);
    columns.push({ index: c, column });
  }
  const missing = known.filter((k) => k.required && !seen.has(k.key));
  for (const k of missing)
    sheetProblem(say(ui, 'columnMissing', { sheet: label, heading: k.header }));
  if (missing.length)
    for (const { index, text } of ignored)
      sheetProblem(
        say(ui, 'unknownHeading', {
          sheet: label,
          column: columnLetter(index),
          heading: text,
          headings: quoteList(
            ui,
            known.map((k) => k.header),
          ),
        }),
      );
  else if (ignored.length)
    notes.push(
      say(ui, 'ignoredColumns', {
        sheet: label,
        count: ignored.length,
        columns: quoteList(
          ui,
          ignored.map((i) => i.text),
        ),
      }),
    );
  if (missing.length || unreadable) {
    sheetProblem(
      found.byHeadings
        ? say(ui, 'lookalikeNotRead', {
            name,
            found: ws.name,
            seen: seen.size,
            total: known.length,
            kind: sheet,
          })
        : say(ui, 'notRead', { sheet: label, kind: sheet }),
    );
    return { ...NOT_READ, worksheet: ws };
  }
  if (found.byHeadings) notes.push(say(ui, 'readAs', { name, found: ws.name }));
  if (headingRow > 1)
    notes.push(say(ui, 'headingsOnRow', { sheet: label, row: headingRow, count: headingRow - 1 }));
  const rows: SheetRow[] = [];
  const ids = new Map<string, number>();
  const unitColumn = columns.find((c) => c.column.key === 'unit');
  const idColumn = columns.find((c) => c.column.key === 'id');
  const nameColumn = columns.find((c) => c.column.key === 'name');
  const last = ws.actualRowCount > 0 ? ws.rowCount : 0;
  for (let r = headingRow + 1; r <= last; r++) {
    const row = ws.getRow(r);
    const values: Record<string, Value> = {};
    const remarks: Record<string, string> = {};
    const rowProblems: { column: string | null; message: string; effect: 'cell' | 'row' }[] = [];
    let anything = false;
    // An indicator's unit decides whether "60%" in its target means 60.
    const unit = unitColumn
      ? cellString(row.getCell(unitColumn.index))
      : idColumn && spec.unitOf
        ? spec.unitOf(cellString(row.getCell(idColumn.index)).trim())
        : '';
    const typedQuadrant: { index: number; text: string }[] = [];
    for (const { index, column } of columns) {
      const cell = row.getCell(index);
      const raw = plainValue(cell.value);
      if (raw !== null && !(typeof raw === 'string' && raw.trim() === '')) {
        if (column.kind !== 'computed') anything = true;
        // A calculated cell overwritten by hand holds a plain value, not a formula.
        else if (column.key === 'quadrant' && typeof cell.value === 'string')
          typedQuadrant.push({ index, text: cell.value.trim() });
      }
      const parsed = parseCell(
        column,
        raw,
        {
          percentFormat: typeof cell.numFmt === 'string' && cell.numFmt.includes('%'),
          percentUnit: isPercentUnit(unit),
          maxLength: maxLengthOf(spec.shape[column.key]),
        },
        ui,
      );
      if (!parsed.ok) {
        rowProblems.push({ column: column.header, message: parsed.message, effect: 'cell' });
        continue;
      }
      if (column.kind !== 'computed') values[column.key] = parsed.value;
      if (parsed.note) remarks[column.key] = parsed.note;
    }
    if (!anything) continue; // blank rows (e.g. left by deleting a row's contents)
    for (const { index, text } of typedQuadrant) {
      const { power, interest } = values;
      const derived =
        typeof power === 'number' && typeof interest === 'number'
          ? termsOf(written).quadrant(quadrantOf({ power, interest }))
          : '';
      // What the export writes for a stakeholder still waiting in the tray.
      const unplaced = written.d('stakeholders.unplaced');
      if (text.toLowerCase() !== derived.toLowerCase() && text !== unplaced)
        notes.push(
          say(ui, derived ? 'quadrantTypedHere' : 'quadrantTyped', {
            sheet: label,
            cell: `${columnLetter(index)}${r}`,
            typed: text,
            derived,
          }),
        );
    }
    const id = typeof values.id === 'string' ? values.id : null;
    const existing = id !== null && spec.known(id);
    for (const k of columns.map((c) => c.column)) {
      if (!k.required || k.kind === 'id' || (spec.blankMeansUnset ?? []).includes(k.key)) continue;
      if (!(k.key in values) || (values[k.key] !== null && values[k.key] !== '')) continue;
      if (id !== null && spec.exportedBlank(id, k.key)) continue;
      delete values[k.key];
      rowProblems.push(
        existing
          ? { column: k.header, message: say(ui, 'valueNeeded'), effect: 'cell' }
          : { column: k.header, message: say(ui, 'valueNeededNotAdded'), effect: 'row' },
      );
    }
    if (id !== null) {
      const first = ids.get(id);
      if (first !== undefined)
        rowProblems.push({
          column: idColumn?.column.header ?? null,
          message: say(ui, 'duplicateId', { id, first }),
          effect: 'row',
        });
      else ids.set(id, r);
    }
    const rowName = nameColumn ? cellString(row.getCell(nameColumn.index)).trim() || null : null;
    // A new row whose name cannot be read cannot be added.
    const skipped =
      rowProblems.some((p) => p.effect === 'row') ||
      (!existing && !('name' in values) && rowProblems.length > 0);
    for (const p of rowProblems)
      problems.push({
        ...rowProblem(ui, { sheet, label, row: r, name: rowName, ...p }),
        effect: skipped ? 'row' : p.effect,
      });
    if (!skipped) rows.push({ row: r, values, remarks });
  }
  return { present: true, columns: columns.map((c) => c.column), rows, worksheet: ws };
}

// ---------------------------------------------------------------- diff

/** A stored field as the workbook shows it, for comparing and for the preview. */
type Display = (value: Value) => string;

const show: Display = (v) => (v === null || v === '' ? '—' : String(v));

/** Numbers as people read them in `ui`: thousands separated, the decimals they have ("1,050", "12.5"). */
const showNumber =
  (ui: DocLocale): Display =>
  (v) =>
    typeof v === 'number' ? ui.format.number(v, 6) : show(v);

/** The pseudo-column for a stakeholder's place on the matrix (set by emptying Power or Interest). */
const positionColumn = (ui: DocLocale): RoundTripColumn => ({
  sheet: 'stakeholders',
  key: POSITION_KEY,
  header: say(ui, 'matrixPosition'),
  kind: 'choice',
  width: 0,
});

/**
 * A stakeholder row's values with its place on the matrix: an empty Power or
 * Interest means "not set" (the Unplaced tray, keeping the stored score);
 * two scores place it — except a stakeholder still in the tray whose scores
 * come back as the export wrote them, which stays there.
 */
function withPosition(values: Readonly<Record<string, Value>>, current?: Stakeholder) {
  if (!('power' in values) && !('interest' in values)) return values;
  const { power, interest } = values;
  const out: Record<string, Value> = { ...values };
  if (power === null || interest === null) {
    out[POSITION_KEY] = 'unplaced';
    if (power === null) delete out.power;
    if (interest === null) delete out.interest;
  } else if (typeof power === 'number' && typeof interest === 'number')
    out[POSITION_KEY] =
      current && !isPlaced(current) && power === current.power && interest === current.interest
        ? 'unplaced'
        : 'placed';
  return out;
}

function stakeholderValue(s: Stakeholder, key: string): Value {
  switch (key) {
    case POSITION_KEY:
      return isPlaced(s) ? 'placed' : 'unplaced';
    case 'nextCheckpoint':
      return s.nextCheckpoint;
    case 'partnerType':
      return s.partnerType;
    default: {
      const v = (s as unknown as Record<string, unknown>)[key];
      return typeof v === 'string' || typeof v === 'number' ? v : null;
    }
  }
}

/** How the preview shows a stakeholder field's values, in the UI language. */
const displayStakeholder =
  (ui: DocLocale) =>
  (key: string): Display => {
    const terms = termsOf(ui);
    switch (key) {
      case 'relation':
        return (v) => (isChoice(RELATION_CHOICES, v) ? ui.w(`roundTrip.relation.${v}`) : show(v));
      case 'partnerType':
        return (v) =>
          isChoice(PARTNER_TYPE_CHOICES, v) ? ui.w(`roundTrip.partnerType.${v}`) : show(v);
      case 'currentStance':
      case 'desiredStance':
        return (v) =>
          STANCE_INFO.some((s) => s.id === v)
            ? terms.stance(v as Stakeholder['currentStance'])
            : show(v);
      case 'nextCheckpoint':
        return (v) => ui.date(v === null ? null : String(v));
      case POSITION_KEY:
        return (v) =>
          v === 'placed'
            ? say(ui, 'onMatrix')
            : v === 'unplaced'
              ? say(ui, 'notOnMatrix')
              : show(v);
      default:
        return show;
    }
  };

/** True when `v` is one of the stored values of a choice column. */
function isChoice<V extends string>(choices: Readonly<Record<string, V>>, v: Value): v is V {
  return Object.values(choices).includes(v as V);
}

function indicatorValue(i: Indicator, key: string): Value {
  switch (key) {
    case 'baseline':
      return i.baseline.value;
    case 'baselineDate':
      return i.baseline.date;
    case 'target':
      return i.target.value;
    case 'targetDate':
      return i.target.date;
    case 'frequency':
      return i.frequency;
    case 'subjectIds':
      return i.subjectIds.join(', ');
    default: {
      const v = (i as unknown as Record<string, unknown>)[key];
      return typeof v === 'string' || typeof v === 'number' ? v : null;
    }
  }
}

/** How the preview shows an indicator field's values, in the UI language. */
const displayIndicator =
  (ui: DocLocale) =>
  (key: string): Display => {
    if (key === 'frequency')
      return (v) =>
        typeof v === 'string' && v in FREQUENCY_LABELS
          ? termsOf(ui).frequency(v as keyof typeof FREQUENCY_LABELS)
          : show(v);
    if (key === 'baselineDate' || key === 'targetDate')
      return (v) => ui.date(v === null ? null : String(v));
    if (key === 'baseline' || key === 'target') return showNumber(ui);
    return show;
  };

/** Values an import writes for an empty non-nullable choice (the schema defaults). */
const STAKEHOLDER_DEFAULTS: Readonly<Record<string, Value>> = {
  relation: 'stakeholder',
  currentStance: 'neutral',
  desiredStance: 'supportive',
  organisation: '',
  role: '',
  owner: '',
  contact: '',
  notes: '',
};

const INDICATOR_DEFAULTS: Readonly<Record<string, Value>> = {
  subjectIds: '',
  unit: '',
  dataSource: '',
  owner: '',
};

function normalise(values: Record<string, Value>, defaults: Readonly<Record<string, Value>>) {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(values))
    out[k] = v === null && k in defaults ? defaults[k]! : v;
  return out;
}

/** A name as people retype it: spacing and case do not matter. */
const nameKey = looseKey;

function diffSheet<T extends { id: string }>(
  sheet: RoundTripSheet,
  data: SheetRows,
  existing: readonly T[],
  nameOf: (item: T) => string,
  valueOf: (item: T, key: string) => Value,
  displayOf: (key: string) => Display,
  defaults: Readonly<Record<string, Value>>,
  /** The values a row gives an entry (or a new one), when that depends on the entry. */
  valuesFor: (values: Readonly<Record<string, Value>>, current?: T) => Record<string, Value> = (
    v,
  ) => ({ ...v }),
  extraColumns: readonly RoundTripColumn[] = [],
): SheetDiff {
  if (!data.present)
    return {
      sheet,
      present: false,
      added: [],
      changed: [],
      unmatched: [],
      missing: [],
      removed: [],
      unchanged: 0,
    };
  const byId = new Map(existing.map((e) => [e.id, e]));
  const inSheet = new Set<string>();
  const added: AddedRow[] = [];
  const changed: ChangedRow[] = [];
  /** Rows with no ID, or an ID the plan does not have: new, or an entry whose ID was cleared or mistyped. */
  /** The sheet row of each entry that has one. */
  const rowOf = new Map<string, number>();
  const unknown: {
    row: number;
    id: string | null;
    values: Record<string, Value>;
    remarks: Readonly<Record<string, string>>;
  }[] = [];
  let unchanged = 0;
  const editable = [
    ...data.columns.filter((c) => c.kind !== 'computed' && c.key !== 'id'),
    ...extraColumns,
  ];
  const changesOf = (
    current: T,
    values: Readonly<Record<string, Value>>,
    remarks: Readonly<Record<string, string>>,
  ): FieldChange[] => {
    const changes: FieldChange[] = [];
    for (const column of editable) {
      // A cell with a problem (or a score left empty) leaves the entry's value as it is.
      if (!(column.key in values)) continue;
      const stored = valueOf(current, column.key);
      // Text is compared as the export wrote it (characters Excel cannot hold left out).
      const before =
        column.kind === 'text' && typeof stored === 'string' ? cellText(stored) : stored;
      const after = values[column.key] ?? null;
      if ((before ?? null) === after || (before === '' && after === null)) continue;
      const display = displayOf(column.key);
      const note = remarks[column.key];
      changes.push({
        key: column.key,
        label: column.header,
        before: display(stored),
        after: display(after),
        ...(note ? { note } : {}),
      });
    }
    return changes;
  };
  for (const { row, values: raw, remarks } of data.rows) {
    const values = normalise(raw, defaults);
    const id = typeof values.id === 'string' ? values.id : null;
    const current = id ? byId.get(id) : undefined;
    if (!current) {
      unknown.push({ row, id, values, remarks });
      continue;
    }
    inSheet.add(current.id);
    rowOf.set(current.id, row);
    const own = valuesFor(values, current);
    const changes = changesOf(current, own, remarks);
    if (changes.length)
      changed.push({ id: current.id, name: nameOf(current), changes, values: own, row });
    else unchanged++;
  }
  const missingEntries = existing.filter((e) => !inSheet.has(e.id));
  // A row whose ID cell was cleared or mistyped: offered as the entry of the same name that lost its row.
  const byName = new Map<string, T>();
  for (const e of missingEntries)
    if (!byName.has(nameKey(nameOf(e)))) byName.set(nameKey(nameOf(e)), e);
  // A row without a known ID named as an entry that has its own row: probably a copy of it.
  const inSheetByName = new Map<string, T>();
  for (const e of existing)
    if (inSheet.has(e.id) && !inSheetByName.has(nameKey(nameOf(e))))
      inSheetByName.set(nameKey(nameOf(e)), e);
  const unmatched: UnmatchedRow[] = [];
  for (const { row, id, values, remarks } of unknown) {
    const name = String(values.name ?? '');
    const lost = byName.get(nameKey(name));
    const copied = lost ? undefined : inSheetByName.get(nameKey(name));
    const candidate = lost ?? copied;
    if (!candidate) {
      added.push({ id, name, values: valuesFor(values), row });
      continue;
    }
    if (lost) byName.delete(nameKey(name));
    const own = valuesFor(values, candidate);
    const candidateRow = copied ? rowOf.get(copied.id) : undefined;
    unmatched.push({
      row,
      id,
      name,
      values: valuesFor(values),
      candidate: {
        id: candidate.id,
        name: nameOf(candidate),
        changes: changesOf(candidate, own, remarks),
        values: own,
        row,
      },
      ...(candidateRow !== undefined ? { candidateRow } : {}),
    });
  }
  const missing: EntryRef[] = missingEntries.map((e) => ({ id: e.id, name: nameOf(e) }));
  return { sheet, present: true, added, changed, unmatched, missing, removed: [], unchanged };
}

/** Compares parsed sheets with the plan. */
function diffRoundTrip(
  plan: Plan,
  sheets: { stakeholders: SheetRows; indicators: SheetRows },
  readingNotes: readonly string[],
  problems: readonly RoundTripProblem[],
  written: DocLocale,
  ui: DocLocale,
): RoundTripPreview {
  const notes: string[] = [];
  const unreadable = (sheet: RoundTripSheet) =>
    problems.some((p) => p.sheet === sheet && p.effect === 'sheet');
  // A sheet that was found but could not be read is said in the problems, not here.
  for (const kind of ['stakeholders', 'indicators'] as const)
    if (!sheets[kind].present && !unreadable(kind))
      notes.push(say(ui, 'noSheet', { name: sheetNameIn(kind, written), kind }));
  if (sheets.stakeholders.present && !sheets.stakeholders.columns.some((c) => c.key === 'contact'))
    notes.push(
      say(ui, 'noContact', {
        sheet: say(ui, 'sheet', { name: sheetNameIn('stakeholders', written) }),
        contact: headerIn(columnKeyed(STAKEHOLDER_COLUMNS, 'contact'), written),
        notes: headerIn(columnKeyed(STAKEHOLDER_COLUMNS, 'notes'), written),
      }),
    );
  notes.push(...readingNotes);
  return {
    stakeholders: diffSheet(
      'stakeholders',
      sheets.stakeholders,
      plan.stakeholders.entries,
      (s) => s.name,
      stakeholderValue,
      displayStakeholder(ui),
      STAKEHOLDER_DEFAULTS,
      withPosition,
      sheets.stakeholders.columns.some((c) => c.key === 'power' || c.key === 'interest')
        ? [positionColumn(ui)]
        : [],
    ),
    indicators: diffSheet(
      'indicators',
      sheets.indicators,
      plan.indicators,
      (i) => i.name,
      indicatorValue,
      displayIndicator(ui),
      INDICATOR_DEFAULTS,
    ),
    notes,
    problems,
  };
}

// ---------------------------------------------------------------- reading

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * The language a workbook was written in: the one whose Summary (or
 * Stakeholders, or Indicators) sheet name it has; English when none is found.
 */
function workbookLocale(wb: ExcelJS.Workbook, locales: readonly DocLocale[]): DocLocale {
  const names = new Set(wb.worksheets.map((w) => w.name.trim().toLowerCase()));
  for (const sheet of ['summary', 'stakeholders', 'indicators'] as const)
    for (const loc of locales) if (names.has(sheetNameIn(sheet, loc).toLowerCase())) return loc;
  return locales.find((l) => l.language === 'en') ?? locales[0]!;
}

/**
 * Reads an edited workbook and previews what importing it would change.
 * `fileName` is the file's name, quoted in messages (“edited.xlsx”; "The
 * file" in `language` when absent); `language` is the UI language every message,
 * note and shown value is written in — the workbook itself may be in any
 * language the app exports in (its headings are quoted as it writes them).
 * Never throws for a bad workbook: the result says why it cannot be read.
 */
export async function readRoundTripWorkbook(
  bytes: Uint8Array,
  plan: Plan,
  fileName?: string,
  language: Language = 'en',
): Promise<RoundTripResult> {
  // The workbook may be in any language the app writes: its headings, choices and sheet names
  // are known in all of them.
  const locales = await Promise.all(LANGUAGES.map((l) => documentLocale(l)));
  const ui = locales.find((l) => l.language === language) ?? locales[0]!;
  const file = fileName === undefined ? say(ui, 'theFile') : say(ui, 'quoted', { text: fileName });
  if (bytes.length === 0) return fail(say(ui, 'empty', { file }));
  if (bytes.length > MAX_IMPORT_BYTES)
    return fail(
      say(ui, 'tooBig', {
        file,
        size: formatMegabytes(bytes.length),
        max: MAX_IMPORT_BYTES / (1024 * 1024),
      }),
    );
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return fail(say(ui, 'notXlsx', { file }));
  // Sizes and entry counts are checked before exceljs inflates anything.
  const zip = checkZip(bytes, undefined, ui.t);
  if (!zip.ok) return fail(zip.message);
  if (!zip.entries.some((e) => e.name === 'xl/workbook.xml'))
    return fail(say(ui, 'zipNotXlsx', { file }));
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs wants an ArrayBuffer of exactly these bytes.
    const copy = bytes.slice().buffer;
    await wb.xlsx.load(copy);
  } catch {
    return fail(say(ui, 'damaged', { file }));
  }
  const problems: RoundTripProblem[] = [];
  const notes: string[] = [];
  const taken = new Set<ExcelJS.Worksheet>();
  const reading: Reading = {
    others: new Set(OTHER_EXPORT_SHEETS.flatMap((s) => [...namesOf(s, locales)])),
    readable: new Set([...namesOf('stakeholders', locales), ...namesOf('indicators', locales)]),
  };
  const written = workbookLocale(wb, locales);
  const blank = <T extends { id: string }>(
    entries: readonly T[],
    valueOf: (entry: T, key: string) => Value,
  ) => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    return (id: string, key: string) => {
      const entry = byId.get(id);
      const value = entry ? valueOf(entry, key) : undefined;
      return typeof value === 'string' && cellText(value) === '';
    };
  };
  const stakeholderIds = new Set(plan.stakeholders.entries.map((e) => e.id));
  const stakeholders = readSheet(
    wb,
    {
      sheet: 'stakeholders',
      name: sheetNameIn('stakeholders', written),
      names: namesOf('stakeholders', locales),
      columns: columnsInLanguages(STAKEHOLDER_COLUMNS, locales, written),
      shape: Stakeholder.shape,
      exportedBlank: blank(plan.stakeholders.entries, stakeholderValue),
      known: (id) => stakeholderIds.has(id),
      blankMeansUnset: ['power', 'interest'],
    },
    problems,
    notes,
    taken,
    reading,
    written,
    ui,
  );
  const units = new Map(plan.indicators.map((i) => [i.id, i.unit]));
  const indicators = readSheet(
    wb,
    {
      sheet: 'indicators',
      name: sheetNameIn('indicators', written),
      names: namesOf('indicators', locales),
      columns: columnsInLanguages(INDICATOR_COLUMNS, locales, written),
      shape: Indicator.shape,
      unitOf: (id) => units.get(id) ?? '',
      exportedBlank: blank(plan.indicators, indicatorValue),
      known: (id) => units.has(id),
    },
    problems,
    notes,
    taken,
    reading,
    written,
    ui,
  );
  if (!stakeholders.worksheet && !indicators.worksheet)
    return fail(
      say(ui, 'noSheets', {
        file,
        stakeholders: sheetNameIn('stakeholders', written),
        indicators: sheetNameIn('indicators', written),
      }),
    );
  if (!stakeholders.present && !indicators.present)
    return fail(
      say(ui, 'notImported', { file, count: problems.length }),
      problems.map((p) => p.message),
    );
  // Indicators must measure something that exists in the plan: an unknown ID leaves the cell as it is.
  if (indicators.present) {
    const subjects = new Set([
      ...plan.theoryOfChange.nodes.map((n) => n.id),
      ...plan.logicModel.items.map((i) => i.id),
    ]);
    const sheetName = indicators.worksheet?.name ?? '';
    const label = say(
      ui,
      sheetName === sheetNameIn('indicators', written) ? 'sheet' : 'sheetQuoted',
      {
        name: sheetName,
      },
    );
    const column =
      indicators.columns.find((c) => c.key === 'subjectIds')?.header ??
      headerIn(columnKeyed(INDICATOR_COLUMNS, 'subjectIds'), written);
    for (const { row, values } of indicators.rows) {
      const unknownIds = splitIds(values.subjectIds ?? null).filter((id) => !subjects.has(id));
      if (unknownIds.length === 0) continue;
      delete values.subjectIds;
      for (const id of unknownIds)
        problems.push(
          rowProblem(ui, {
            sheet: 'indicators',
            label,
            row,
            name: typeof values.name === 'string' ? values.name : null,
            column,
            message: say(ui, 'unknownSubject', { id }),
            effect: 'cell',
          }),
        );
    }
  }
  // Edits in sheets the round trip does not read are counted, so none goes unnoticed.
  notes.push(
    ...(await otherSheetEdits(
      wb,
      plan,
      [stakeholders.worksheet, indicators.worksheet].filter((w) => w !== null),
      // The audience, should the Summary not say: Contact is internal only, scores not partner-safe.
      stakeholders.columns.some((c) => c.key === 'contact')
        ? 'internal'
        : stakeholders.present
          ? 'funder'
          : 'partner',
      written,
      ui,
    )),
  );
  problems.sort((a, b) =>
    a.sheet === b.sheet ? (a.row ?? 0) - (b.row ?? 0) : a.sheet === 'stakeholders' ? -1 : 1,
  );
  return {
    ok: true,
    preview: diffRoundTrip(plan, { stakeholders, indicators }, notes, problems, written, ui),
  };
}
