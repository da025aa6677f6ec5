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
import { QUADRANT_INFO, quadrantOf } from '../stakeholders/quadrants';
import { stanceLabel } from '../stakeholders/register';
import { textLength } from '../text-length';
import {
  choiceLabel,
  INDICATOR_COLUMNS,
  PARTNER_TYPE_CHOICES,
  RELATION_CHOICES,
  SHEETS,
  STAKEHOLDER_COLUMNS,
  type RoundTripColumn,
} from './columns';
import { formatDate } from './document';
import type {
  AddedRow,
  ChangedRow,
  EntryRef,
  FieldChange,
  RoundTripPreview,
  RoundTripResult,
  RoundTripSheet,
  SheetDiff,
  UnmatchedRow,
  Value,
} from './roundtrip-model';
import { cellText } from './sanitize';
import { columnLetter } from './xlsx';
import { splitIds } from './roundtrip-model';

export {
  applyRoundTrip,
  decideRoundTrip,
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
  type RoundTripResult,
  type RoundTripSheet,
  type SheetDiff,
} from './roundtrip-model';
import { formatMegabytes } from '../plan/plan-file';

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

type Parsed = { ok: true; value: Value } | { ok: false; message: string };

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
          message: `is ${length} characters long (at most ${context.maxLength})`,
        };
      return { ok: true, value };
    }
    case 'score': {
      if (empty) return { ok: true, value: null };
      const n = readNumber(raw, context);
      if (!n || n.value < 0 || n.value > 100)
        return {
          ok: false,
          message: `“${n?.shown ?? String(raw)}” is not a number from 0 to 100`,
        };
      if (!n.percent && n.value > 0 && n.value < 1) {
        const percent = fromPercentFraction(n.value);
        return {
          ok: false,
          message: `“${n.shown}” is a fraction; type the score from 0 to 100 (${percent} for ${percent}%)`,
        };
      }
      return { ok: true, value: Math.round(n.value) };
    }
    case 'number': {
      if (empty) return { ok: true, value: null };
      const n = readNumber(raw, context);
      if (!n || Math.abs(n.value) > 1e12)
        return { ok: false, message: `“${String(raw)}” is not a number` };
      if (n.percent && !context.percentUnit)
        return {
          ok: false,
          message: `“${n.shown}” is a percentage, but the indicator's unit is not a percentage; type the number in the indicator's unit, or make the unit a percentage (“%”)`,
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
      return {
        ok: false,
        message: `“${String(raw)}” is not a date (use a date cell or YYYY-MM-DD)`,
      };
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
        message: `“${String(raw)}” is not one of ${Object.keys(choices).join(', ')}`,
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

/** Rows read from one sheet, with the columns it has. */
export interface SheetRows {
  readonly present: boolean;
  readonly columns: readonly RoundTripColumn[];
  readonly rows: readonly { readonly row: number; readonly values: Record<string, Value> }[];
}

/** One sheet the round trip reads: its columns and the schema its rows become. */
interface SheetSpec {
  readonly name: string;
  readonly columns: readonly RoundTripColumn[];
  readonly shape: Readonly<Record<string, ZodType>>;
  /** An indicator's unit in the plan, for a sheet without the Unit column. */
  readonly unitOf?: (id: string) => string;
  /**
   * True when the plan's entry `id` holds a value the export wrote as an
   * empty cell: a required column may then stay empty on that row.
   */
  readonly exportedBlank: (id: string, key: string) => boolean;
}

/** Most problems listed in one message; the rest are counted. */
const MAX_DETAILS = 12;

/** How many rows at the top may be notes above the headings. */
const HEADING_CANDIDATES = 10;

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
function findHeadingRow(ws: ExcelJS.Worksheet, known: readonly RoundTripColumn[]): number {
  let best = 1;
  let bestScore = 0;
  const width = Math.max(ws.actualColumnCount, ws.columnCount);
  for (let r = 1; r <= Math.min(ws.rowCount, HEADING_CANDIDATES); r++) {
    const row = ws.getRow(r);
    let score = 0;
    for (let c = 1; c <= width; c++) if (columnNamed(known, headingText(row.getCell(c)))) score++;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

const quoteList = (items: readonly string[]) => items.map((t) => `“${t}”`).join(', ');

const cellString = (cell: ExcelJS.Cell) => {
  const raw = plainValue(cell.value);
  return raw === null ? '' : String(raw);
};

function readSheet(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  errors: string[],
  notes: string[],
): SheetRows {
  const { name, columns: known } = spec;
  const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === name.toLowerCase());
  if (!ws) return { present: false, columns: [], rows: [] };
  const headingRow = findHeadingRow(ws, known);
  const header = ws.getRow(headingRow);
  const columns: { index: number; column: RoundTripColumn }[] = [];
  const ignored: { index: number; text: string }[] = [];
  const seen = new Set<string>();
  for (let c = 1; c <= Math.max(header.cellCount, ws.actualColumnCount); c++) {
    const text = headingText(header.getCell(c));
    if (text === '') continue;
    const column = columnNamed(known, text);
    if (!column) {
      ignored.push({ index: c, text });
      continue;
    }
    if (seen.has(column.key)) {
      errors.push(`${name} sheet: the heading “${text}” appears twice.`);
      continue;
    }
    seen.add(column.key);
    columns.push({ index: c, column });
  }
  const missing = known.filter((k) => k.required && !seen.has(k.key));
  for (const k of missing)
    errors.push(
      `${name} sheet: the column “${k.header}” is missing (it may have been renamed or deleted).`,
    );
  if (missing.length)
    for (const { index, text } of ignored)
      errors.push(
        `${name} sheet, column ${columnLetter(index)}: the heading “${text}” is not one this app exports; if it was renamed, restore the original heading (one of ${quoteList(known.map((k) => k.header))}).`,
      );
  else if (ignored.length) {
    const one = ignored.length === 1;
    notes.push(
      `${name} sheet: ${one ? 'the column' : 'the columns'} ${quoteList(ignored.map((i) => i.text))} ${one ? 'is not one' : 'are not ones'} this app exports, so ${one ? 'it is' : 'they are'} ignored: nothing in ${one ? 'it' : 'them'} is imported.`,
    );
  }
  if (headingRow > 1)
    notes.push(
      `${name} sheet: the headings are on row ${headingRow}; the ${headingRow === 2 ? 'row' : `${headingRow - 1} rows`} above them ${headingRow === 2 ? 'is' : 'are'} passed over.`,
    );
  const rows: SheetRows['rows'][number][] = [];
  const ids = new Map<string, number>();
  const unitColumn = columns.find((c) => c.column.key === 'unit');
  const idColumn = columns.find((c) => c.column.key === 'id');
  const last = ws.actualRowCount > 0 ? ws.rowCount : 0;
  for (let r = headingRow + 1; r <= last; r++) {
    const row = ws.getRow(r);
    const values: Record<string, Value> = {};
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
      const parsed = parseCell(column, raw, {
        percentFormat: typeof cell.numFmt === 'string' && cell.numFmt.includes('%'),
        percentUnit: isPercentUnit(unit),
        maxLength: maxLengthOf(spec.shape[column.key]),
      });
      if (!parsed.ok) {
        errors.push(`${name} sheet, row ${r}, ${column.header}: ${parsed.message}.`);
        continue;
      }
      if (column.kind !== 'computed') values[column.key] = parsed.value;
    }
    if (!anything) continue; // blank rows (e.g. left by deleting a row's contents)
    for (const { index, text } of typedQuadrant) {
      const { power, interest } = values;
      const derived =
        typeof power === 'number' && typeof interest === 'number'
          ? QUADRANT_INFO[quadrantOf({ power, interest })].label
          : '';
      // "Unplaced" is what the export writes for a stakeholder still waiting in the tray.
      if (text.toLowerCase() !== derived.toLowerCase() && text !== 'Unplaced')
        notes.push(
          `${name} sheet, cell ${columnLetter(index)}${r}: the Quadrant “${text}” was typed in, but the quadrant follows from Power and Interest${derived ? ` (here “${derived}”)` : ''}, so the typed value is ignored. To move the stakeholder, change Power or Interest.`,
        );
    }
    const id = values.id;
    for (const k of columns.map((c) => c.column))
      if (
        k.required &&
        k.kind !== 'id' &&
        (values[k.key] === null || values[k.key] === '') &&
        !(typeof id === 'string' && spec.exportedBlank(id, k.key))
      )
        errors.push(`${name} sheet, row ${r}, ${k.header}: a value is needed.`);
    if (typeof id === 'string') {
      const first = ids.get(id);
      if (first !== undefined)
        errors.push(
          `${name} sheet, row ${r}, ID: “${id}” is also used on row ${first}; IDs must be unique.`,
        );
      else ids.set(id, r);
    }
    rows.push({ row: r, values });
  }
  return { present: true, columns: columns.map((c) => c.column), rows };
}

// ---------------------------------------------------------------- diff

/** A stored field as the workbook shows it, for comparing and for the preview. */
type Display = (value: Value) => string;

const show: Display = (v) => (v === null || v === '' ? '—' : String(v));

function stakeholderValue(s: Stakeholder, key: string): Value {
  switch (key) {
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

function displayStakeholder(key: string): Display {
  switch (key) {
    case 'relation':
      return (v) => choiceLabel(RELATION_CHOICES, v as string) || show(v);
    case 'partnerType':
      return (v) => (v === null ? '—' : choiceLabel(PARTNER_TYPE_CHOICES, v as string) || show(v));
    case 'currentStance':
    case 'desiredStance':
      return (v) => (v === null ? '—' : stanceLabel(v as Stakeholder['currentStance']));
    case 'nextCheckpoint':
      return (v) => (v === null ? '—' : formatDate(String(v)));
    default:
      return show;
  }
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

function displayIndicator(key: string): Display {
  if (key === 'frequency')
    return (v) =>
      v === null ? '—' : (FREQUENCY_LABELS[v as keyof typeof FREQUENCY_LABELS] ?? show(v));
  if (key === 'baselineDate' || key === 'targetDate')
    return (v) => (v === null ? '—' : formatDate(String(v)));
  return show;
}

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
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

function diffSheet<T extends { id: string }>(
  sheet: RoundTripSheet,
  data: SheetRows,
  existing: readonly T[],
  nameOf: (item: T) => string,
  valueOf: (item: T, key: string) => Value,
  displayOf: (key: string) => Display,
  defaults: Readonly<Record<string, Value>>,
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
  const unknown: { row: number; id: string | null; values: Record<string, Value> }[] = [];
  let unchanged = 0;
  const editable = data.columns.filter((c) => c.kind !== 'computed' && c.key !== 'id');
  const changesOf = (current: T, values: Record<string, Value>): FieldChange[] => {
    const changes: FieldChange[] = [];
    for (const column of editable) {
      const stored = valueOf(current, column.key);
      // Text is compared as the export wrote it (characters Excel cannot hold left out).
      const before =
        column.kind === 'text' && typeof stored === 'string' ? cellText(stored) : stored;
      const after = values[column.key] ?? null;
      if ((before ?? null) === after || (before === '' && after === null)) continue;
      const display = displayOf(column.key);
      changes.push({
        key: column.key,
        label: column.header,
        before: display(stored),
        after: display(after),
      });
    }
    return changes;
  };
  for (const { row, values: raw } of data.rows) {
    const values = normalise(raw, defaults);
    const id = typeof values.id === 'string' ? values.id : null;
    const current = id ? byId.get(id) : undefined;
    if (!current) {
      unknown.push({ row, id, values });
      continue;
    }
    inSheet.add(current.id);
    const changes = changesOf(current, values);
    if (changes.length) changed.push({ id: current.id, name: nameOf(current), changes, values });
    else unchanged++;
  }
  const missingEntries = existing.filter((e) => !inSheet.has(e.id));
  // A row whose ID cell was cleared or mistyped: offered as the entry of the same name that lost its row.
  const byName = new Map<string, T>();
  for (const e of missingEntries)
    if (!byName.has(nameKey(nameOf(e)))) byName.set(nameKey(nameOf(e)), e);
  const unmatched: UnmatchedRow[] = [];
  for (const { row, id, values } of unknown) {
    const name = String(values.name ?? '');
    const candidate = byName.get(nameKey(name));
    if (!candidate) {
      added.push({ id, name, values });
      continue;
    }
    byName.delete(nameKey(name));
    unmatched.push({
      row,
      id,
      name,
      values,
      candidate: {
        id: candidate.id,
        name: nameOf(candidate),
        changes: changesOf(candidate, values),
        values,
      },
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
): RoundTripPreview {
  const notes: string[] = [];
  if (!sheets.stakeholders.present)
    notes.push(
      `The workbook has no “${SHEETS.stakeholders}” sheet: stakeholders stay as they are.`,
    );
  if (!sheets.indicators.present)
    notes.push(`The workbook has no “${SHEETS.indicators}” sheet: indicators stay as they are.`);
  if (sheets.stakeholders.present && !sheets.stakeholders.columns.some((c) => c.key === 'contact'))
    notes.push(
      'The Stakeholders sheet has no Contact or Internal notes column (a Funder export): contacts and notes stay as they are.',
    );
  notes.push(...readingNotes);
  return {
    stakeholders: diffSheet(
      'stakeholders',
      sheets.stakeholders,
      plan.stakeholders.entries,
      (s) => s.name,
      stakeholderValue,
      displayStakeholder,
      STAKEHOLDER_DEFAULTS,
    ),
    indicators: diffSheet(
      'indicators',
      sheets.indicators,
      plan.indicators,
      (i) => i.name,
      indicatorValue,
      displayIndicator,
      INDICATOR_DEFAULTS,
    ),
    notes,
  };
}

// ---------------------------------------------------------------- reading

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Reads an edited workbook and previews what importing it would change. */
export async function readRoundTripWorkbook(
  bytes: Uint8Array,
  plan: Plan,
  fileName = 'The file',
): Promise<RoundTripResult> {
  if (bytes.length === 0) return fail(`${fileName} is empty.`);
  if (bytes.length > MAX_IMPORT_BYTES)
    return fail(
      `${fileName} is ${formatMegabytes(bytes.length)}; workbooks of at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB can be imported.`,
    );
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return fail(
      `${fileName} is not an Excel workbook (.xlsx). Import the workbook this app exported, after editing it in Excel, LibreOffice or Google Sheets (saved as .xlsx).`,
    );
  // Sizes and entry counts are checked before exceljs inflates anything.
  const zip = checkZip(bytes);
  if (!zip.ok) return fail(zip.message);
  if (!zip.entries.some((e) => e.name === 'xl/workbook.xml'))
    return fail(`${fileName} is a zip file but not an Excel workbook (.xlsx).`);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs wants an ArrayBuffer of exactly these bytes.
    const copy = bytes.slice().buffer;
    await wb.xlsx.load(copy);
  } catch {
    return fail(`${fileName} could not be read as an Excel workbook; it may be damaged.`);
  }
  const errors: string[] = [];
  const notes: string[] = [];
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
  const stakeholders = readSheet(
    wb,
    {
      name: SHEETS.stakeholders,
      columns: STAKEHOLDER_COLUMNS,
      shape: Stakeholder.shape,
      exportedBlank: blank(plan.stakeholders.entries, stakeholderValue),
    },
    errors,
    notes,
  );
  const units = new Map(plan.indicators.map((i) => [i.id, i.unit]));
  const indicators = readSheet(
    wb,
    {
      name: SHEETS.indicators,
      columns: INDICATOR_COLUMNS,
      shape: Indicator.shape,
      unitOf: (id) => units.get(id) ?? '',
      exportedBlank: blank(plan.indicators, indicatorValue),
    },
    errors,
    notes,
  );
  if (!stakeholders.present && !indicators.present)
    return fail(
      `${fileName} has no “${SHEETS.stakeholders}” or “${SHEETS.indicators}” sheet. Import a workbook exported by this app; keep the sheet names as they were.`,
    );
  // Indicators must measure something that exists in the plan.
  if (indicators.present) {
    const subjects = new Set([
      ...plan.theoryOfChange.nodes.map((n) => n.id),
      ...plan.logicModel.items.map((i) => i.id),
    ]);
    for (const { row, values } of indicators.rows)
      for (const id of splitIds(values.subjectIds ?? null))
        if (!subjects.has(id))
          errors.push(
            `${SHEETS.indicators} sheet, row ${row}, Measures (IDs): “${id}” is not an element of this plan's theory of change or logic model.`,
          );
  }
  if (errors.length) {
    const shown = errors.slice(0, MAX_DETAILS);
    if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more.`);
    return fail(
      `${fileName} was not imported: ${errors.length === 1 ? 'one problem needs' : `${errors.length} problems need`} fixing first. Nothing in the plan changed.`,
      shown,
    );
  }
  return { ok: true, preview: diffRoundTrip(plan, { stakeholders, indicators }, notes) };
}
