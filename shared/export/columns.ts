/**
 * The columns of the workbook sheets that come back in the Excel round trip
 * (stakeholders, indicators). Writer and reader share this list, so a
 * heading can never be renamed on one side only.
 */
import type { Indicator, Stakeholder } from '../plan/schema';
import { FREQUENCY_LABELS } from '../indicators/format';
import { STANCE_INFO } from '../stakeholders/register';
import { shows, type AudienceFieldId, type Profile } from './audience';

/** How a round-trip column is read back. */
export type ColumnKind = 'id' | 'text' | 'score' | 'number' | 'date' | 'choice' | 'computed';

/** One round-trip column. */
export interface RoundTripColumn {
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
export const STAKEHOLDER_COLUMNS: readonly RoundTripColumn[] = [
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
];

/** Columns of the Indicators sheet, in order. */
export const INDICATOR_COLUMNS: readonly RoundTripColumn[] = [
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
  { key: 'frequency', header: 'Frequency', kind: 'choice', width: 13, choices: FREQUENCY_CHOICES },
  { key: 'owner', header: 'Owner', kind: 'text', width: 26 },
];

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

/** The workbook label of a stored choice value ('' for null or unknown). */
export function choiceLabel(
  choices: Readonly<Record<string, string | null>>,
  value: string | null,
): string {
  for (const [label, v] of Object.entries(choices)) if (v === value) return label;
  return '';
}
