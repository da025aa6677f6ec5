/**
 * The Excel round trip's preview model and how a preview is applied — apart
 * from the workbook reader so the UI can apply a preview without loading
 * exceljs into the main bundle.
 *
 * Nothing is removed and no row is tied to an entry by its name unless the
 * planner says so: a preview lists entries of the plan that have no row in
 * the workbook (`missing`) and rows whose ID cell is empty but whose name is
 * that of such an entry (`unmatched` with a `candidate`); `decideRoundTrip`
 * turns the planner's ticks into the rows to remove and to update.
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
}

/** A row that exists in the plan and would change. */
export interface ChangedRow {
  readonly id: string;
  readonly name: string;
  readonly changes: readonly FieldChange[];
  /** Parsed values of the columns present in the sheet. */
  readonly values: Readonly<Record<string, Value>>;
}

/** A row that would be added. */
export interface AddedRow {
  /** The ID typed in the sheet, or null to generate one. */
  readonly id: string | null;
  readonly name: string;
  readonly values: Readonly<Record<string, Value>>;
}

/** An entry of the plan, by id and name. */
export interface EntryRef {
  readonly id: string;
  readonly name: string;
}

/**
 * A row without an ID, or with an ID the plan does not have, whose name is
 * that of an entry with no row of its own (its ID cell was probably cleared
 * or mistyped): added as new unless the planner confirms it is that entry.
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

/** What importing the workbook would do. */
export interface RoundTripPreview {
  readonly stakeholders: SheetDiff;
  readonly indicators: SheetDiff;
  /** Things worth knowing that are not errors ("No Indicators sheet: indicators stay as they are"). */
  readonly notes: readonly string[];
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

/** What the planner confirmed in the preview: removals and name matches, by key. */
export interface RoundTripDecisions {
  /** `removalKey(sheet, id)` of each missing entry to remove. */
  readonly remove: readonly string[];
  /** `matchKey(sheet, row)` of each unmatched row that is its candidate entry. */
  readonly match: readonly string[];
}

/** Key of a confirmed removal. */
export const removalKey = (sheet: RoundTripSheet, id: string) => `${sheet}:remove:${id}`;

/** Key of a confirmed name match. */
export const matchKey = (sheet: RoundTripSheet, row: number) => `${sheet}:match:${row}`;

/** Nothing confirmed: nothing removed, every row without an ID added. */
export const NO_DECISIONS: RoundTripDecisions = { remove: [], match: [] };

function decideSheet(diff: SheetDiff, decisions: RoundTripDecisions): SheetDiff {
  const remove = new Set(decisions.remove);
  const match = new Set(decisions.match);
  const added = [...diff.added];
  const changed = [...diff.changed];
  let unchanged = diff.unchanged;
  const matched = new Set<string>();
  for (const row of diff.unmatched) {
    if (match.has(matchKey(diff.sheet, row.row)) && !matched.has(row.candidate.id)) {
      matched.add(row.candidate.id);
      if (row.candidate.changes.length) changed.push(row.candidate);
      else unchanged++;
    } else added.push({ id: row.id, name: row.name, values: row.values });
  }
  const missing = diff.missing.filter((e) => !matched.has(e.id));
  const confirmed = (e: EntryRef) => remove.has(removalKey(diff.sheet, e.id));
  return {
    ...diff,
    added,
    changed,
    unmatched: [],
    missing: missing.filter((e) => !confirmed(e)),
    removed: [...diff.removed, ...missing.filter(confirmed)],
    unchanged,
  };
}

/**
 * The preview as it will be applied: confirmed name matches update their
 * entry (keeping its id, actions and history), other rows without an ID are
 * added, and only entries whose removal was confirmed are removed.
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

function applyStakeholderValues(
  target: Record<string, unknown>,
  values: Readonly<Record<string, Value>>,
) {
  for (const [key, value] of Object.entries(values)) {
    if (key === 'id') continue;
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
 * `decideRoundTrip` first: rows still undecided are added, never matched,
 * and entries missing from the sheet are only removed when listed in
 * `removed`. Removing indicators unlinks the KPIs that tracked them, as
 * removing them in the app does.
 */
export function applyRoundTrip(
  plan: Plan,
  undecided: RoundTripPreview,
  makeId: (prefix: string) => string,
): void {
  const preview =
    undecided.stakeholders.unmatched.length || undecided.indicators.unmatched.length
      ? decideRoundTrip(undecided, NO_DECISIONS)
      : undecided;
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
