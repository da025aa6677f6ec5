/**
 * The Excel round trip's preview model and how a preview is applied — apart
 * from the workbook reader so the UI can apply a preview without loading
 * exceljs into the main bundle.
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

/** What importing one sheet would do. */
export interface SheetDiff {
  readonly sheet: RoundTripSheet;
  /** False when the workbook has no such sheet (nothing of that kind changes). */
  readonly present: boolean;
  readonly added: readonly AddedRow[];
  readonly changed: readonly ChangedRow[];
  readonly removed: readonly { readonly id: string; readonly name: string }[];
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
    (d) => d.added.length === 0 && d.changed.length === 0 && d.removed.length === 0,
  );
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
 * import is one undo step). `makeId` names rows added without an ID.
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
  }
}
