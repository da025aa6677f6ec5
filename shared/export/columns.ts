/**
 * The columns of the workbook sheets that come back in the Excel round trip
 * (stakeholders, indicators). Writer and reader share this list, so a
 * heading can never be renamed on one side only. Headings, choices and sheet
 * names are written in the document language (`workbook` catalog,
 * `roundTrip.*` and `sheets.*`); the reader knows them in every language.
 */
import type { Indicator, Stakeholder } from '../plan/schema';
import { FREQUENCY_LABELS } from '../indicators/format';
import { STANCE_INFO } from '../stakeholders/register';
import { shows, type AudienceFieldId, type Profile } from './audience';
import type { BookKey, DocLocale } from './locale';
import { termsOf } from './terms';

/** How a round-trip column is read back. */
export type ColumnKind = 'id' | 'text' | 'score' | 'number' | 'date' | 'choice' | 'computed';

/** One round-trip column. */
export interface RoundTripColumn {
  /** The sheet it is on (its heading in the catalog is `roundTrip.<sheet>.<key>`). */
  readonly sheet: 'stakeholders' | 'indicators';
  readonly key: string;
  readonly header: string;
  readonly kind: ColumnKind;
  readonly width: number;
  /** Allowed values for `choice` columns: label → stored value. */
  readonly choices?: Readonly<Record<string, string | null>>;
  /** Written only in the profiles that show this audience field (audience.ts). */
  readonly field?: AudienceFieldId;
  /** The import must find this column. */
  readonly required?: boolean;
  /** Headings earlier versions wrote for this column, still read on import. */
  readonly formerHeaders?: readonly string[];
  /** The choices a message names (the workbook's language); all of `choices` when absent. */
  readonly shownChoices?: readonly string[];
}

/** Sheet names the round trip reads. */
export const SHEETS = {
  stakeholders: 'Stakeholders',
  indicators: 'Indicators',
} as const;

/** Relation labels in the workbook. */
export const RELATION_CHOICES = {
  Stakeholder: 'stakeholder',
  Partner: 'partner',
} as const satisfies Record<string, Stakeholder['relation']>;

/** Partner-type labels in the workbook (blank = none). */
export const PARTNER_TYPE_CHOICES = {
  'Program & technology': 'programTechnology',
  Outreach: 'outreach',
  Wraparound: 'wraparound',
  Other: 'other',
} as const satisfies Record<string, NonNullable<Stakeholder['partnerType']>>;

/** Stance labels in the workbook. */
export const STANCE_CHOICES: Readonly<Record<string, Stakeholder['currentStance']>> =
  Object.fromEntries(STANCE_INFO.map((s) => [s.label, s.id]));

/** Frequency labels in the workbook. */
export const FREQUENCY_CHOICES: Readonly<Record<string, NonNullable<Indicator['frequency']>>> =
  Object.fromEntries(
    Object.entries(FREQUENCY_LABELS).map(([id, label]) => [
      label,
      id as NonNullable<Indicator['frequency']>,
    ]),
  );

/** Columns of the Stakeholders sheet, in order. */
export const STAKEHOLDER_COLUMNS: readonly RoundTripColumn[] = (
  [
    { key: 'id', header: 'ID', kind: 'id', width: 16, required: true },
    { key: 'name', header: 'Name', kind: 'text', width: 28, required: true },
    { key: 'organisation', header: 'Organisation', kind: 'text', width: 28 },
    { key: 'role', header: 'Role', kind: 'text', width: 36 },
    { key: 'relation', header: 'Relation', kind: 'choice', width: 13, choices: RELATION_CHOICES },
    {
      key: 'partnerType',
      header: 'Partner type',
      kind: 'choice',
      width: 20,
      choices: PARTNER_TYPE_CHOICES,
    },
    {
      key: 'power',
      header: 'Power (0–100)',
      kind: 'score',
      width: 12,
      required: true,
      field: 'stakeholderScores',
    },
    {
      key: 'interest',
      header: 'Interest (0–100)',
      kind: 'score',
      width: 12,
      required: true,
      field: 'stakeholderScores',
    },
    {
      key: 'quadrant',
      header: 'Quadrant',
      kind: 'computed',
      width: 16,
      field: 'stakeholderQuadrant',
    },
    {
      key: 'currentStance',
      header: 'Current stance',
      kind: 'choice',
      width: 14,
      choices: STANCE_CHOICES,
      field: 'stakeholderStance',
    },
    {
      key: 'desiredStance',
      header: 'Desired stance',
      kind: 'choice',
      width: 14,
      choices: STANCE_CHOICES,
      field: 'stakeholderStance',
    },
    {
      key: 'owner',
      header: 'Relationship owner',
      kind: 'text',
      width: 26,
      // Up to issue 12: "Owner", which read like the owner of the organisation.
      formerHeaders: ['Owner'],
    },
    {
      key: 'nextCheckpoint',
      header: 'Next checkpoint',
      kind: 'date',
      width: 15,
      field: 'engagementPlan',
    },
    { key: 'contact', header: 'Contact', kind: 'text', width: 34, field: 'stakeholderContact' },
    { key: 'notes', header: 'Internal notes', kind: 'text', width: 50, field: 'stakeholderNotes' },
  ] as const satisfies readonly Omit<RoundTripColumn, 'sheet'>[]
).map((c): RoundTripColumn => ({ ...c, sheet: 'stakeholders' }));

/** Columns of the Indicators sheet, in order. */
export const INDICATOR_COLUMNS: readonly RoundTripColumn[] = (
  [
    { key: 'id', header: 'ID', kind: 'id', width: 16, required: true },
    {
      key: 'subjectIds',
      header: 'Measures (IDs)',
      kind: 'text',
      width: 20,
      // Plan format 1 wrote one element per indicator.
      formerHeaders: ['Measures (ID)'],
    },
    { key: 'subject', header: 'Measures', kind: 'computed', width: 34 },
    // The number of the result it is listed under in the Word results framework ("1.7.b").
    { key: 'result', header: 'Result no.', kind: 'computed', width: 10 },
    { key: 'name', header: 'Indicator', kind: 'text', width: 34, required: true },
    { key: 'unit', header: 'Unit', kind: 'text', width: 18 },
    { key: 'baseline', header: 'Baseline', kind: 'number', width: 11 },
    { key: 'baselineDate', header: 'Baseline date', kind: 'date', width: 13 },
    { key: 'target', header: 'Target', kind: 'number', width: 11 },
    { key: 'targetDate', header: 'Target date', kind: 'date', width: 13 },
    { key: 'dataSource', header: 'Data source', kind: 'text', width: 30 },
    {
      key: 'frequency',
      header: 'Frequency',
      kind: 'choice',
      width: 13,
      choices: FREQUENCY_CHOICES,
    },
    { key: 'owner', header: 'Owner', kind: 'text', width: 26 },
  ] as const satisfies readonly Omit<RoundTripColumn, 'sheet'>[]
).map((c): RoundTripColumn => ({ ...c, sheet: 'indicators' }));

/** The columns a profile writes. */
export function columnsFor(
  columns: readonly RoundTripColumn[],
  profile: Profile,
): RoundTripColumn[] {
  return columns.filter((c) => !c.field || shows(profile, c.field));
}

/** Whether a profile writes every column the import needs, so the sheet can come back. */
export function readableBack(columns: readonly RoundTripColumn[], profile: Profile): boolean {
  return columns.every((c) => !c.required || !c.field || shows(profile, c.field));
}

/** The round-trip column of `key` in `columns`. @throws when there is none (a programming error). */
export function columnKeyed(columns: readonly RoundTripColumn[], key: string): RoundTripColumn {
  const column = columns.find((c) => c.key === key);
  if (!column) throw new Error(`No round-trip column “${key}”.`);
  return column;
}

/** The workbook label of a stored choice value ('' for null or unknown). */
export function choiceLabel(
  choices: Readonly<Record<string, string | null>>,
  value: string | null,
): string {
  for (const [label, v] of Object.entries(choices)) if (v === value) return label;
  return '';
}

// ---------------------------------------------------------------- languages

/** Sheets of the workbook, by the key of their name in the `workbook` catalog. */
export type SheetKey = BookKey extends infer B
  ? B extends `sheets.${infer K}`
    ? K
    : never
  : never;

/** Characters Excel does not allow in a sheet name. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
/** Excel's longest sheet name. */
const SHEET_NAME_MAX = 31;

/**
 * A name Excel accepts for a sheet: without `[ ] : * ? / \`, not starting or
 * ending with an apostrophe, at most 31 characters (cut between whole characters).
 */
export function validSheetName(name: string): string {
  const clean = name.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  const cut = [...clean].slice(0, SHEET_NAME_MAX).join('').trim();
  return cut.replace(/^'+|'+$/g, '') || 'Sheet';
}

/** A sheet's name in the document language. */
export function sheetNameIn(sheet: SheetKey, loc: DocLocale): string {
  return validSheetName(loc.w(`sheets.${sheet}`));
}

/** Round-trip columns, by sheet, whose headings the catalog holds (`roundTrip.<sheet>.<key>`). */
type StakeholderKey = BookKey extends infer B
  ? B extends `roundTrip.stakeholders.${infer K}`
    ? K
    : never
  : never;
type IndicatorKey = BookKey extends infer B
  ? B extends `roundTrip.indicators.${infer K}`
    ? K
    : never
  : never;

/** A round-trip column's heading in the document language. */
export function headerIn(column: RoundTripColumn, loc: DocLocale): string {
  return column.sheet === 'stakeholders'
    ? loc.w(`roundTrip.stakeholders.${column.key as StakeholderKey}`)
    : loc.w(`roundTrip.indicators.${column.key as IndicatorKey}`);
}

/**
 * A choice column's labels in the document language → the stored value
 * (relation, partner type, stance, frequency).
 */
export function choicesIn(
  column: RoundTripColumn,
  loc: DocLocale,
): Readonly<Record<string, string | null>> {
  const terms = termsOf(loc);
  const labelled = (entries: readonly (readonly [string, string])[]) =>
    Object.fromEntries(entries.map(([value, label]) => [label.replace(/,/g, ''), value]));
  switch (column.key) {
    case 'relation':
      return labelled(
        Object.values(RELATION_CHOICES).map((v) => [v, loc.w(`roundTrip.relation.${v}`)] as const),
      );
    case 'partnerType':
      return labelled(
        Object.values(PARTNER_TYPE_CHOICES).map(
          (v) => [v, loc.w(`roundTrip.partnerType.${v}`)] as const,
        ),
      );
    case 'currentStance':
    case 'desiredStance':
      return labelled(STANCE_INFO.map((s) => [s.id, terms.stance(s.id)] as const));
    case 'frequency':
      return labelled(
        (Object.keys(FREQUENCY_LABELS) as (keyof typeof FREQUENCY_LABELS)[]).map(
          (f) => [f, terms.frequency(f)] as const,
        ),
      );
    default:
      return column.choices ?? {};
  }
}

/**
 * The round-trip columns as a reader of workbooks in any of `locales` knows
 * them: every language's heading is one of its headings, every language's
 * label one of its choices; `header` and `shownChoices` are those of
 * `shownIn` (the workbook's language, so messages quote what the file shows).
 */
export function columnsInLanguages(
  columns: readonly RoundTripColumn[],
  locales: readonly DocLocale[],
  shownIn: DocLocale,
): RoundTripColumn[] {
  return columns.map((c) => {
    const header = headerIn(c, shownIn);
    const headers = [c.header, ...locales.map((loc) => headerIn(c, loc))].filter(
      (h) => h !== header,
    );
    const choices = c.choices
      ? (Object.assign({}, c.choices, ...locales.map((loc) => choicesIn(c, loc))) as Record<
          string,
          string | null
        >)
      : undefined;
    return {
      ...c,
      header,
      formerHeaders: [...new Set([...(c.formerHeaders ?? []), ...headers])],
      ...(choices ? { choices, shownChoices: Object.keys(choicesIn(c, shownIn)) } : {}),
    };
  });
}
