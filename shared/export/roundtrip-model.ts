/**
 * The Excel round trip's preview model and how a preview is applied — apart
 * from the workbook reader so the UI can apply a preview without loading
 * exceljs into the main bundle.
 *
 * Nothing is removed, no row is tied to an entry by its name and no such
 * row is added as a second entry unless the planner says so: a preview lists
 * entries of the plan that have no row in the workbook (`missing`) and rows
 * whose ID cell is empty or unknown but whose name is that of such an entry
 * (`unmatched` with a `candidate`), which wait for a choice — update that
 * entry or add the row as new — before anything is applied;
 * `decideRoundTrip` turns the planner's choices into the rows to remove, to
 * update and to add. Cells that cannot be read are listed as `problems` and
 * left as they are; the rest of the workbook can still be applied.
 */
import { Indicator, Stakeholder, type Plan } from '../plan/schema';
import type { SHEETS } from './columns';

/** A parsed cell value: text, number, ISO date or nothing. */
export type Value = string | number | null;

/** The sheets the round trip reads. */
export type RoundTripSheet = keyof typeof SHEETS;

/** One field that would change. */
export interface FieldChange {
  readonly key: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
  /** How the typed value was read, when that is not obvious ("55.5 rounded to a whole score"). */
  readonly note?: string;
}

/** A row that exists in the plan and would change. */
export interface ChangedRow {
  readonly id: string;
  readonly name: string;
  readonly changes: readonly FieldChange[];
  /** Parsed values of the columns present in the sheet. */
  readonly values: Readonly<Record<string, Value>>;
  /** The sheet row it comes from. */
  readonly row?: number;
}

/** A row that would be added. */
export interface AddedRow {
  /** The ID typed in the sheet, or null to generate one. */
  readonly id: string | null;
  readonly name: string;
  readonly values: Readonly<Record<string, Value>>;
  /** The sheet row it comes from. */
  readonly row?: number;
}

/** An entry of the plan, by id and name. */
export interface EntryRef {
  readonly id: string;
  readonly name: string;
}

/**
 * A row without an ID, or with an ID the plan does not have, whose name is
 * that of an existing entry: with no row of its own, the entry's ID cell was
 * probably cleared or mistyped; with a row of its own (`candidateRow`), this
 * row is probably a copy. It waits for the planner's choice: it is that
 * entry (`match`: update it — or, for a copy, leave the row out) or another
 * one (`addNew`). Nothing is applied for it until then.
 */
export interface UnmatchedRow {
  /** Sheet row number. */
  readonly row: number;
  /** The ID typed in the row (not one of the plan's), or null when the cell is empty. */
  readonly id: string | null;
  readonly name: string;
  readonly values: Readonly<Record<string, Value>>;
  /** The entry it would update if confirmed, with the fields that would change. */
  readonly candidate: ChangedRow;
  /** The candidate's own row in the sheet, when it has one: this row is then probably a copy. */
  readonly candidateRow?: number;
}

/** What importing one sheet would do. */
export interface SheetDiff {
  readonly sheet: RoundTripSheet;
  /** False when the workbook has no such sheet (nothing of that kind changes). */
  readonly present: boolean;
  readonly added: readonly AddedRow[];
  readonly changed: readonly ChangedRow[];
  /** Rows without an ID that may be an existing entry (see `decideRoundTrip`). */
  readonly unmatched: readonly UnmatchedRow[];
  /** Entries of the plan with no row in the sheet: kept unless their removal is confirmed. */
  readonly missing: readonly EntryRef[];
  /** Entries that will be removed (only those the planner confirmed). */
  readonly removed: readonly EntryRef[];
  readonly unchanged: number;
}

/**
 * Something in the workbook that cannot be imported, and what is left out
 * because of it: one cell (the entry keeps its value; the row's other
 * changes are applied), a whole row, or a whole sheet.
 */
export interface RoundTripProblem {
  readonly sheet: RoundTripSheet;
  /** Sheet row number, or null for a problem with the sheet itself. */
  readonly row: number | null;
  /** The row's name (as typed), to say whose row it is. */
  readonly name: string | null;
  /** The column heading, for a cell. */
  readonly column: string | null;
  /** What is wrong, in a sentence naming the sheet, row and column. */
  readonly message: string;
  /** The same without the sheet and row, for a list grouped by row ("Power (0–100): “high” is not…"). */
  readonly detail: string;
  readonly effect: 'cell' | 'row' | 'sheet';
}

/** What importing the workbook would do. */
export interface RoundTripPreview {
  readonly stakeholders: SheetDiff;
  readonly indicators: SheetDiff;
  /** Things worth knowing that are not errors ("No Indicators sheet: indicators stay as they are"). */
  readonly notes: readonly string[];
  /** What cannot be imported and is left as it is in the plan (see `RoundTripProblem`). */
  readonly problems: readonly RoundTripProblem[];
}

/** A preview, or the reason the workbook cannot be imported. */
export type RoundTripResult =
  | { readonly ok: true; readonly preview: RoundTripPreview }
  | { readonly ok: false; readonly message: string; readonly details: readonly string[] };

/** True when the preview would change nothing. */
export function isEmptyPreview(preview: RoundTripPreview): boolean {
  return [preview.stakeholders, preview.indicators].every(
    (d) =>
      d.added.length === 0 &&
      d.changed.length === 0 &&
      d.removed.length === 0 &&
      d.unmatched.length === 0,
  );
}

// ---------------------------------------------------------------- decisions

/** What the planner chose in the preview: removals, and for each unmatched row update or add. */
export interface RoundTripDecisions {
  /** `removalKey(sheet, id)` of each missing entry to remove. */
  readonly remove: readonly string[];
  /** `matchKey(sheet, row)` of each unmatched row that is its candidate entry (update it). */
  readonly match: readonly string[];
  /** `matchKey(sheet, row)` of each unmatched row to add as a new entry beside its candidate. */
  readonly addNew?: readonly string[];
}

/** Key of a confirmed removal. */
export const removalKey = (sheet: RoundTripSheet, id: string) => `${sheet}:remove:${id}`;

/** Key of a confirmed name match. */
export const matchKey = (sheet: RoundTripSheet, row: number) => `${sheet}:match:${row}`;

/** Nothing chosen: nothing removed, and rows that may be an existing entry wait (neither added nor matched). */
export const NO_DECISIONS: RoundTripDecisions = { remove: [], match: [], addNew: [] };

/** The choice made for an unmatched row, if any. */
export function choiceFor(
  decisions: RoundTripDecisions,
  sheet: RoundTripSheet,
  row: number,
): 'update' | 'add' | null {
  const key = matchKey(sheet, row);
  if (decisions.match.includes(key)) return 'update';
  if (decisions.addNew?.includes(key)) return 'add';
  return null;
}

/** Rows that may be an existing entry and still wait for the planner's choice. */
export function undecidedRows(
  preview: RoundTripPreview,
  decisions: RoundTripDecisions,
): UnmatchedRow[] {
  return [preview.stakeholders, preview.indicators].flatMap((d) =>
    d.unmatched.filter((row) => choiceFor(decisions, d.sheet, row.row) === null),
  );
}

function decideSheet(diff: SheetDiff, decisions: RoundTripDecisions): SheetDiff {
  const remove = new Set(decisions.remove);
  const added = [...diff.added];
  const changed = [...diff.changed];
  let unchanged = diff.unchanged;
  /** Candidates taken by an update, or still waiting for a choice: never offered for removal. */
  const held = new Set<string>();
  const waiting: UnmatchedRow[] = [];
  for (const row of diff.unmatched) {
    const choice = choiceFor(decisions, diff.sheet, row.row);
    // A copy of an entry that has its own row, confirmed as that entry: the row is left out.
    if (choice === 'update' && row.candidateRow !== undefined) continue;
    if (choice === 'update' && !held.has(row.candidate.id)) {
      held.add(row.candidate.id);
      if (row.candidate.changes.length) changed.push(row.candidate);
      else unchanged++;
    } else if (choice === 'add')
      added.push({ id: row.id, name: row.name, values: row.values, row: row.row });
    else {
      // Undecided: neither added (a duplicate) nor matched; its candidate is kept as it is.
      held.add(row.candidate.id);
      waiting.push(row);
    }
  }
  const missing = diff.missing.filter((e) => !held.has(e.id));
  const confirmed = (e: EntryRef) => remove.has(removalKey(diff.sheet, e.id));
  return {
    ...diff,
    added,
    changed,
    unmatched: waiting,
    missing: missing.filter((e) => !confirmed(e)),
    removed: [...diff.removed, ...missing.filter(confirmed)],
    unchanged,
  };
}

/**
 * The preview as it will be applied: rows confirmed as their candidate
 * update that entry (keeping its id, actions and history), rows the planner
 * chose to add are added, rows without a choice stay in `unmatched` (and are
 * not applied), and only entries whose removal was confirmed are removed.
 */
export function decideRoundTrip(
  preview: RoundTripPreview,
  decisions: RoundTripDecisions,
): RoundTripPreview {
  return {
    ...preview,
    stakeholders: decideSheet(preview.stakeholders, decisions),
    indicators: decideSheet(preview.indicators, decisions),
  };
}

// ---------------------------------------------------------------- applying

/** Key of the stakeholder's matrix position in a row's values: 'placed' or 'unplaced'. */
export const POSITION_KEY = 'position';

function applyStakeholderValues(
  target: Record<string, unknown>,
  values: Readonly<Record<string, Value>>,
) {
  for (const [key, value] of Object.entries(values)) {
    if (key === 'id') continue;
    if (key === POSITION_KEY) {
      // Absent = placed (schema.ts); false = waiting in the Unplaced tray.
      if (value === 'unplaced') target.placed = false;
      else if (target.placed === false) delete target.placed;
      continue;
    }
    target[key] = value;
  }
}

function applyIndicatorValues(target: Indicator, values: Readonly<Record<string, Value>>) {
  for (const [key, value] of Object.entries(values)) {
    switch (key) {
      case 'id':
        break;
      case 'baseline':
        target.baseline.value = value as number | null;
        break;
      case 'baselineDate':
        target.baseline.date = value as string | null;
        break;
      case 'target':
        target.target.value = value as number | null;
        break;
      case 'targetDate':
        target.target.date = value as string | null;
        break;
      case 'frequency':
        target.frequency = value as Indicator['frequency'];
        break;
      case 'subjectIds':
        target.subjectIds = splitIds(value);
        break;
      default:
        (target as unknown as Record<string, unknown>)[key] = value;
    }
  }
}

/** The element ids of a "Measures (IDs)" cell: separated by commas, semicolons or new lines. */
export function splitIds(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [
    ...new Set(
      value
        .split(/[,;\n]/)
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Applies a preview to a plan (an immer draft inside one `edit`, so the whole
 * import is one undo step). `makeId` names rows added without an ID. Run
 * `decideRoundTrip` first: rows still undecided (`unmatched`) are neither
 * added nor matched — their entry stays as it is — and entries missing from
 * the sheet are only removed when listed in `removed`. Removing indicators
 * unlinks the KPIs that tracked them, as removing them in the app does.
 */
export function applyRoundTrip(
  plan: Plan,
  preview: RoundTripPreview,
  makeId: (prefix: string) => string,
): void {
  const s = preview.stakeholders;
  if (s.present) {
    const removed = new Set(s.removed.map((r) => r.id));
    const entries = plan.stakeholders.entries.filter((e) => !removed.has(e.id));
    for (const change of s.changed) {
      const entry = entries.find((e) => e.id === change.id);
      if (entry) applyStakeholderValues(entry as unknown as Record<string, unknown>, change.values);
    }
    for (const row of s.added) {
      const entry = Stakeholder.parse({ id: row.id ?? makeId('sh'), name: row.name });
      applyStakeholderValues(entry as unknown as Record<string, unknown>, row.values);
      entries.push(entry);
    }
    plan.stakeholders.entries = entries;
  }
  const i = preview.indicators;
  if (i.present) {
    const removed = new Set(i.removed.map((r) => r.id));
    const indicators = plan.indicators.filter((x) => !removed.has(x.id));
    for (const change of i.changed) {
      const indicator = indicators.find((x) => x.id === change.id);
      if (indicator) applyIndicatorValues(indicator, change.values);
    }
    for (const row of i.added) {
      const indicator = Indicator.parse({
        id: row.id ?? makeId('ind'),
        name: row.name,
      });
      applyIndicatorValues(indicator, row.values);
      indicators.push(indicator);
    }
    plan.indicators = indicators;
    for (const kpi of plan.manage.kpis)
      if (kpi.indicatorId !== null && removed.has(kpi.indicatorId)) kpi.indicatorId = null;
  }
}
