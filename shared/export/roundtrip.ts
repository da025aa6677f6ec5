/**
 * The Excel round trip: a recipient edits the Stakeholders and Indicators
 * sheets of an exported workbook and the planner imports them back. Rows are
 * matched by the ID column; the result is a preview (added / changed /
 * removed, field by field) that changes nothing until `applyRoundTrip` runs
 * inside one undoable edit. A bad workbook — too big, not an .xlsx, a zip
 * bomb, sheets or headings missing or renamed, values of the wrong type —
 * gets one clear message naming the sheet, row and column.
 */
import ExcelJS from 'exceljs';
import { MAX_IMPORT_BYTES } from '../content/import-limits';
import { checkZip } from '../content/zip-guard';
import { FREQUENCY_LABELS } from '../indicators/format';
import type { Indicator, Plan, Stakeholder } from '../plan/schema';
import { stanceLabel } from '../stakeholders/register';
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
  FieldChange,
  RoundTripPreview,
  RoundTripResult,
  RoundTripSheet,
  SheetDiff,
  Value,
} from './roundtrip-model';
import { splitIds } from './roundtrip-model';

export {
  applyRoundTrip,
  isEmptyPreview,
  type AddedRow,
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

/** Reads one cell of a column, or says why it cannot be used. */
function parseCell(column: RoundTripColumn, raw: ReturnType<typeof plainValue>): Parsed {
  const empty = raw === null || (typeof raw === 'string' && raw.trim() === '');
  switch (column.kind) {
    case 'computed':
      return { ok: true, value: null };
    case 'id':
    case 'text': {
      if (empty) return { ok: true, value: column.kind === 'id' ? null : '' };
      const text = raw instanceof Date ? isoDate(raw) : typeof raw === 'string' ? raw : String(raw);
      const limit = column.key === 'notes' ? 20_000 : column.kind === 'id' ? 100 : 500;
      if (text.length > limit)
        return { ok: false, message: `is ${text.length} characters long (at most ${limit})` };
      return { ok: true, value: column.kind === 'id' ? text.trim() : text };
    }
    case 'score':
    case 'number': {
      if (empty) return { ok: true, value: null };
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
      if (column.kind === 'score') {
        if (!Number.isFinite(n) || n < 0 || n > 100)
          return { ok: false, message: `“${String(raw)}” is not a number from 0 to 100` };
        return { ok: true, value: Math.round(n) };
      }
      if (!Number.isFinite(n) || Math.abs(n) > 1e12)
        return { ok: false, message: `“${String(raw)}” is not a number` };
      return { ok: true, value: n };
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

// ---------------------------------------------------------------- sheets

/** Rows read from one sheet, with the columns it has. */
export interface SheetRows {
  readonly present: boolean;
  readonly columns: readonly RoundTripColumn[];
  readonly rows: readonly { readonly row: number; readonly values: Record<string, Value> }[];
}

/** Most problems listed in one message; the rest are counted. */
const MAX_DETAILS = 12;

function readSheet(
  wb: ExcelJS.Workbook,
  name: string,
  known: readonly RoundTripColumn[],
  errors: string[],
): SheetRows {
  const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === name.toLowerCase());
  if (!ws) return { present: false, columns: [], rows: [] };
  const header = ws.getRow(1);
  const columns: { index: number; column: RoundTripColumn }[] = [];
  const seen = new Set<string>();
  for (let c = 1; c <= Math.max(header.cellCount, ws.actualColumnCount); c++) {
    const raw = plainValue(header.getCell(c).value);
    const text = raw === null ? '' : String(raw).trim();
    if (text === '') continue;
    const heading = text.toLowerCase();
    const column = known.find(
      (k) =>
        k.header.toLowerCase() === heading ||
        (k.formerHeaders ?? []).some((h) => h.toLowerCase() === heading),
    );
    if (!column) {
      errors.push(
        `${name} sheet, column ${c}: the heading “${text}” is not one this app exports. Restore the original heading (one of ${known.map((k) => `“${k.header}”`).join(', ')}).`,
      );
      continue;
    }
    if (seen.has(column.key)) {
      errors.push(`${name} sheet: the heading “${text}” appears twice.`);
      continue;
    }
    seen.add(column.key);
    columns.push({ index: c, column });
  }
  for (const k of known)
    if (k.required && !seen.has(k.key))
      errors.push(
        `${name} sheet: the column “${k.header}” is missing (it may have been renamed or deleted).`,
      );
  const rows: SheetRows['rows'][number][] = [];
  const ids = new Map<string, number>();
  const last = ws.actualRowCount > 0 ? ws.rowCount : 0;
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    const values: Record<string, Value> = {};
    let anything = false;
    for (const { index, column } of columns) {
      const raw = plainValue(row.getCell(index).value);
      if (raw !== null && !(typeof raw === 'string' && raw.trim() === '')) {
        if (column.kind !== 'computed') anything = true;
      }
      const parsed = parseCell(column, raw);
      if (!parsed.ok) {
        errors.push(`${name} sheet, row ${r}, ${column.header}: ${parsed.message}.`);
        continue;
      }
      if (column.kind !== 'computed') values[column.key] = parsed.value;
    }
    if (!anything) continue; // blank rows (e.g. left by deleting a row's contents)
    for (const k of columns.map((c) => c.column))
      if (k.required && k.kind !== 'id' && (values[k.key] === null || values[k.key] === ''))
        errors.push(`${name} sheet, row ${r}, ${k.header}: a value is needed.`);
    const id = values.id;
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
    return { sheet, present: false, added: [], changed: [], removed: [], unchanged: 0 };
  const byId = new Map(existing.map((e) => [e.id, e]));
  const inSheet = new Set<string>();
  const added: AddedRow[] = [];
  const changed: ChangedRow[] = [];
  let unchanged = 0;
  const editable = data.columns.filter((c) => c.kind !== 'computed' && c.key !== 'id');
  for (const { values: raw } of data.rows) {
    const values = normalise(raw, defaults);
    const id = typeof values.id === 'string' ? values.id : null;
    const current = id ? byId.get(id) : undefined;
    if (!current) {
      added.push({ id, name: String(values.name ?? ''), values });
      continue;
    }
    inSheet.add(current.id);
    const changes: FieldChange[] = [];
    for (const column of editable) {
      const before = valueOf(current, column.key);
      const after = values[column.key] ?? null;
      if ((before ?? null) === after || (before === '' && after === null)) continue;
      const display = displayOf(column.key);
      changes.push({
        key: column.key,
        label: column.header,
        before: display(before),
        after: display(after),
      });
    }
    if (changes.length) changed.push({ id: current.id, name: nameOf(current), changes, values });
    else unchanged++;
  }
  const removed = existing
    .filter((e) => !inSheet.has(e.id))
    .map((e) => ({ id: e.id, name: nameOf(e) }));
  return { sheet, present: true, added, changed, removed, unchanged };
}

/** Compares parsed sheets with the plan. */
function diffRoundTrip(
  plan: Plan,
  sheets: { stakeholders: SheetRows; indicators: SheetRows },
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
      'The Stakeholders sheet has no Contact or Internal notes column (a shareable export): contacts and notes stay as they are.',
    );
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
  const stakeholders = readSheet(wb, SHEETS.stakeholders, STAKEHOLDER_COLUMNS, errors);
  const indicators = readSheet(wb, SHEETS.indicators, INDICATOR_COLUMNS, errors);
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
  return { ok: true, preview: diffRoundTrip(plan, { stakeholders, indicators }) };
}
