/**
 * Stakeholder list import, after the file is read (the catalog import's
 * reader, sheet and heading-row choice are shared): the user maps their
 * columns to register fields, matches the values of the Type, Stance, Power
 * and Interest columns to ours ("Funder" → stakeholder, "High" → 75, "4" on
 * a 1–5 scale → 75, "75%" → 75), and every row is checked with problems that
 * name the row and the field. A row whose name and organisation match an
 * entry already in the register (case and spaces ignored) updates it; the
 * others are added. Nothing here touches the plan: the caller applies the
 * result as one command (`stakeholders.import`) when the user confirms.
 *
 * Personal data: the register holds organisations and roles. Columns of
 * e-mail addresses or phone numbers are never guessed into a field nor kept
 * in the notes; the only field that can hold them is Contact (the plan's
 * contact-details field, shown only in internal exports), and only when the
 * user maps one there. The dialog says which such columns were left out.
 */
import type { CellIssue, RawTable } from '../content/catalog-import';
import { extraNotes, valueKey } from '../content/import-values';
import type { Stakeholder } from '../plan/schema';
import { textLength, clipText } from '../text-length';
import { formatCount } from '../words';
import {
  CATEGORY_INFO,
  categoryLabel,
  categoryOf,
  STANCE_INFO,
  stanceLabel,
  type Category,
} from './register';
import { looseKey } from '../text-key';
import { guessColumns, headingWords } from '../content/column-guess';

type Stance = Stakeholder['currentStance'];

/** Register fields a column can be mapped to, in form order. */
export const STAKEHOLDER_FIELDS = [
  {
    key: 'name',
    label: 'Name',
    required: true,
    synonyms: ['name', 'stakeholder', 'stakeholder name', 'partner', 'partner name', 'entity'],
  },
  {
    key: 'organisation',
    label: 'Organisation',
    required: false,
    synonyms: ['organisation', 'organization', 'org', 'company', 'employer', 'institution', 'body'],
  },
  {
    key: 'role',
    label: 'Role',
    required: false,
    synonyms: ['role', 'position', 'job title', 'title', 'function'],
  },
  {
    key: 'type',
    label: 'Type',
    required: false,
    synonyms: ['type', 'category', 'stakeholder type', 'partner type', 'group', 'kind', 'sector'],
  },
  {
    key: 'power',
    label: 'Power',
    required: false,
    synonyms: ['power', 'influence', 'power influence', 'influence level', 'power level'],
  },
  {
    key: 'interest',
    label: 'Interest',
    required: false,
    synonyms: ['interest', 'interest level', 'impact', 'stake'],
  },
  {
    key: 'stance',
    label: 'Stance',
    required: false,
    synonyms: ['stance', 'current stance', 'attitude', 'position on program', 'support', 'status'],
  },
  {
    key: 'owner',
    label: 'Owner',
    required: false,
    synonyms: ['owner', 'relationship owner', 'lead', 'account owner', 'responsible'],
  },
  {
    key: 'contact',
    label: 'Contact',
    required: false,
    // Never e-mail or phone headings: those are left out unless mapped here by hand.
    synonyms: ['contact', 'contact person', 'contact details', 'key contact'],
  },
  {
    key: 'notes',
    label: 'Notes',
    required: false,
    synonyms: ['notes', 'note', 'comments', 'comment', 'description', 'remarks'],
  },
] as const;

/** A register field that a column can be mapped to. */
export type StakeholderFieldKey = (typeof STAKEHOLDER_FIELDS)[number]['key'];

/** Field → column index (into `headers`), or null when not imported. */
export type StakeholderColumnMapping = Record<StakeholderFieldKey, number | null>;

/** The fields whose values are matched to ours. */
export const STAKEHOLDER_VALUE_FIELDS = ['type', 'stance', 'power', 'interest'] as const;
/** A field whose values are matched to ours. */
export type StakeholderValueField = (typeof STAKEHOLDER_VALUE_FIELDS)[number];
/** The score fields (0–100 in the plan). */
export type ScoreField = 'power' | 'interest';

/** How numbers in a score column are read. */
export const SCORE_SCALES = ['1-3', '1-5', '1-10', '0-100', '0-1'] as const;
/** A scale of the numbers in a score column. */
export type ScoreScale = (typeof SCORE_SCALES)[number];

/** Scale labels, for the dialog. */
export const SCALE_LABELS: Readonly<Record<ScoreScale, string>> = {
  '1-3': '1 to 3 (1 → 0, 2 → 50, 3 → 100)',
  '1-5': '1 to 5 (1 → 0, 3 → 50, 5 → 100)',
  '1-10': '1 to 10 (1 → 0, 10 → 100)',
  '0-100': '0 to 100, as our scores',
  '0-1': '0 to 1 (0.75 → 75)',
};

/** What the user decides after the column mapping (value keys from `valueKey`). */
export interface StakeholderImportChoices {
  readonly values?: {
    readonly type?: Readonly<Record<string, Category>>;
    readonly stance?: Readonly<Record<string, Stance>>;
    readonly power?: Readonly<Record<string, number>>;
    readonly interest?: Readonly<Record<string, number>>;
  };
  /** How the numbers of each score column are read (detected when absent). */
  readonly scales?: Partial<Readonly<Record<ScoreField, ScoreScale>>>;
  /** The type of every row when no column holds it, or of rows with an empty cell. */
  readonly typeForAll?: Category | null;
  /** Columns (indexes) not mapped to a field whose values are kept in the notes. */
  readonly keepInNotes?: readonly number[];
}

/** One distinct word of a value column (numbers in a score column are read by its scale). */
export interface StakeholderDistinctValue {
  readonly text: string;
  readonly key: string;
  readonly rows: number;
  /** A category, a stance or a score (as text) the synonyms suggest; null: the user chooses. */
  readonly suggested: string | null;
}

/** The distinct values of the value columns, worked out once per mapping. */
export interface StakeholderDistinctValues {
  readonly type: readonly StakeholderDistinctValue[];
  readonly stance: readonly StakeholderDistinctValue[];
  /** Words (not numbers) in the score columns. */
  readonly power: readonly StakeholderDistinctValue[];
  readonly interest: readonly StakeholderDistinctValue[];
  /** Non-blank rows with an empty cell in the field's column (0 when no column is mapped). */
  readonly empty: Readonly<Record<StakeholderValueField, number>>;
  /** Whether each score column holds numbers, and the scale they look like. */
  readonly numbers: Readonly<Record<ScoreField, { count: number; detected: ScoreScale } | null>>;
}

/** One problem with one row and one field. */
export interface StakeholderRowIssue {
  readonly row: number;
  readonly field: StakeholderFieldKey | null;
  readonly message: string;
}

/** What an import changes in an entry already in the register. */
export interface StakeholderPatch {
  readonly organisation?: string;
  readonly role?: string;
  readonly relation?: Stakeholder['relation'];
  readonly partnerType?: Stakeholder['partnerType'];
  readonly currentStance?: Stance;
  readonly owner?: string;
  readonly contact?: string;
  readonly notes?: string;
  /** A new position on the matrix (recorded in the quadrant history; places an unplaced entry). */
  readonly position?: { readonly power: number; readonly interest: number };
}

/** A row that updates an entry already in the register. */
export interface StakeholderUpdatePreview {
  readonly row: number;
  readonly id: string;
  /** The entry's name as the register has it now. */
  readonly title: string;
  readonly patch: StakeholderPatch;
  /** Field labels that change, for the preview ("Power", "Type"). */
  readonly fields: readonly string[];
  /** Each change from the register's value to the file's ("Power: 50 → 75"). */
  readonly changes: readonly string[];
}

/** A new entry as the file describes it (no id yet). */
export type NewStakeholder = Omit<Stakeholder, 'id'>;

/** The outcome of checking every row under a mapping. */
export interface StakeholderImportPreview {
  readonly mappingErrors: readonly string[];
  readonly ready: readonly { readonly row: number; readonly entry: NewStakeholder }[];
  readonly updates: readonly StakeholderUpdatePreview[];
  readonly unchanged: readonly { readonly row: number; readonly id: string }[];
  readonly failed: readonly {
    readonly row: number;
    readonly issues: readonly StakeholderRowIssue[];
  }[];
  readonly blankRows: number;
  /** New entries without power and interest: they wait in the matrix's Unplaced tray. */
  readonly unplaced: number;
  /** New entries without a stance: neutral, as an entry added by hand. */
  readonly noStance: number;
}

/** Most rows a stakeholder list import accepts (a register is hundreds of entries). */
export const MAX_STAKEHOLDER_ROWS = 5000;

/**
 * Whether a heading names e-mail addresses or phone numbers ("Email",
 * "E-mail address", "Phone", "Mobile", "Tel."): personal contact data.
 */
export function isPersonalContactHeading(heading: string): boolean {
  const words = headingWords(heading);
  return /(^| )(e ?mail|email address|mail|phone|telephone|tel|mobile|cell|fax|whatsapp)( |$)/.test(
    words,
  );
}

/** Columns of e-mail addresses or phone numbers, by heading. */
export function personalContactColumns(headers: readonly string[]): number[] {
  return headers.flatMap((h, i) => (isPersonalContactHeading(h) ? [i] : []));
}

/** Guesses which column holds which field from the headings; never an e-mail or phone column. */
export function guessStakeholderMapping(headers: readonly string[]): StakeholderColumnMapping {
  return guessColumns(STAKEHOLDER_FIELDS, headers, { excluded: personalContactColumns(headers) });
}

const TYPE_SYNONYMS: Record<string, Category> = {
  stakeholder: 'stakeholder',
  stakeholders: 'stakeholder',
  funder: 'stakeholder',
  donor: 'stakeholder',
  government: 'stakeholder',
  ministry: 'stakeholder',
  publicauthority: 'stakeholder',
  regulator: 'stakeholder',
  policymaker: 'stakeholder',
  employer: 'stakeholder',
  industry: 'stakeholder',
  union: 'stakeholder',
  tradeunion: 'stakeholder',
  community: 'stakeholder',
  beneficiary: 'stakeholder',
  programpartner: 'programTechnology',
  technologypartner: 'programTechnology',
  techpartner: 'programTechnology',
  programtechnology: 'programTechnology',
  programtechnologypartner: 'programTechnology',
  trainingprovider: 'programTechnology',
  provider: 'programTechnology',
  deliverypartner: 'programTechnology',
  outreach: 'outreach',
  outreachpartner: 'outreach',
  recruitmentpartner: 'outreach',
  communitypartner: 'outreach',
  wraparound: 'wraparound',
  wraparoundpartner: 'wraparound',
  wraparoundservice: 'wraparound',
  wraparoundservices: 'wraparound',
  supportservice: 'wraparound',
  supportservices: 'wraparound',
  otherpartner: 'other',
  partner: 'other',
};

const STANCE_SYNONYMS: Record<string, Stance> = {
  unaware: 'unaware',
  unknown: 'unaware',
  notaware: 'unaware',
  resistant: 'resistant',
  opposed: 'resistant',
  against: 'resistant',
  negative: 'resistant',
  blocker: 'resistant',
  sceptical: 'resistant',
  skeptical: 'resistant',
  neutral: 'neutral',
  undecided: 'neutral',
  supportive: 'supportive',
  support: 'supportive',
  supporter: 'supportive',
  positive: 'supportive',
  for: 'supportive',
  leading: 'leading',
  leader: 'leading',
  champion: 'leading',
  advocate: 'leading',
};

const SCORE_WORDS: Record<string, number> = {
  veryhigh: 90,
  high: 75,
  h: 75,
  medium: 50,
  med: 50,
  m: 50,
  moderate: 50,
  mid: 50,
  low: 25,
  l: 25,
  verylow: 10,
  none: 0,
};

/** Category from free text ("Funder", "Outreach partner"), or null if unknown. */
export function suggestCategory(text: string): Category | null {
  const key = valueKey(text);
  if (TYPE_SYNONYMS[key]) return TYPE_SYNONYMS[key];
  const byLabel = CATEGORY_INFO.find(
    (c) => valueKey(c.short) === key || valueKey(c.label) === key || valueKey(c.chip) === key,
  );
  return byLabel?.id ?? null;
}

/** Stance from free text ("Champion", "Opposed"), or null if unknown. */
export function suggestStance(text: string): Stance | null {
  return STANCE_SYNONYMS[valueKey(text)] ?? null;
}

/** A score for a word ("High" → 75, "Very low" → 10), or null if unknown. */
export function suggestScoreWord(text: string): number | null {
  return SCORE_WORDS[valueKey(text)] ?? null;
}

/** A number as typed: "4", "4.5", "4,5", "75%" (percent kept apart), or null when it is no number. */
export function readNumber(text: string): { value: number; percent: boolean } | null {
  const t = text.trim().replace(/\s+/g, '');
  const m = /^([-+]?\d+(?:[.,]\d+)?)(%?)$/.exec(t);
  if (!m) return null;
  const value = Number(m[1]!.replace(',', '.'));
  return Number.isFinite(value) ? { value, percent: m[2] === '%' } : null;
}

/** The scale the numbers of a score column look like. */
export function detectScale(numbers: readonly number[]): ScoreScale {
  if (numbers.length === 0) return '0-100';
  const ints = numbers.every((n) => Number.isInteger(n));
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  if (ints && min >= 1 && max <= 5) return '1-5';
  if (ints && min >= 1 && max <= 10) return '1-10';
  if (!ints && min >= 0 && max <= 1) return '0-1';
  return '0-100';
}

/** A number on a scale as our 0–100 score, or null when it is outside the scale. */
export function scaleScore(value: number, scale: ScoreScale): number | null {
  const [lo, hi] = scale === '0-1' ? [0, 1] : (scale.split('-').map(Number) as [number, number]);
  if (value < lo || value > hi) return null;
  if (scale === '0-100') return Math.round(value);
  if (scale === '0-1') return Math.round(value * 100);
  return Math.round(((value - lo) / (hi - lo)) * 100);
}

/** A score cell read as our 0–100 score, or a message saying why it cannot be. */
export function scoreOf(
  field: ScoreField,
  text: string,
  scale: ScoreScale,
  choices: StakeholderImportChoices,
): number | { problem: string } {
  const label = field === 'power' ? 'Power' : 'Interest';
  const n = readNumber(text);
  if (n?.percent) {
    if (n.value < 0 || n.value > 100)
      return { problem: `${label} “${clipText(text)}” is not a percentage from 0% to 100%.` };
    return Math.round(n.value);
  }
  if (n) {
    const score = scaleScore(n.value, scale);
    return score === null
      ? {
          problem: `${label} ${clipText(text)} is outside the scale ${scale.replace('-', ' to ')}.`,
        }
      : score;
  }
  const chosen = choices.values?.[field]?.[valueKey(text)];
  if (chosen !== undefined) return chosen;
  const word = suggestScoreWord(text);
  if (word !== null) return word;
  return {
    problem: `${label} “${clipText(text)}” is not a number, a percentage or a word matched to a score; choose its score above.`,
  };
}

/** The category a Type value stands for: the user's choice, else the suggestion, else null. */
export function categoryOfValue(text: string, choices: StakeholderImportChoices): Category | null {
  return choices.values?.type?.[valueKey(text)] ?? suggestCategory(text);
}

/** The stance a value stands for: the user's choice, else the suggestion, else null. */
export function stanceOfValue(text: string, choices: StakeholderImportChoices): Stance | null {
  return choices.values?.stance?.[valueKey(text)] ?? suggestStance(text);
}

/** Identity of an entry for matching: name and organisation, case and spaces ignored. */
export function stakeholderKey(name: string, organisation: string): string {
  const norm = looseKey;
  return `${norm(name)}\u0000${norm(organisation)}`;
}

/** Most distinct values listed per field. */
export const MAX_STAKEHOLDER_VALUES = 100;

/** The distinct values of the Type, Stance, Power and Interest columns; one pass per column. */
export function stakeholderDistinctValues(
  rows: readonly (readonly string[])[],
  mapping: StakeholderColumnMapping,
): StakeholderDistinctValues {
  const lists = {} as Record<StakeholderValueField, StakeholderDistinctValue[]>;
  const empty = { type: 0, stance: 0, power: 0, interest: 0 };
  const numbers: Record<ScoreField, { count: number; detected: ScoreScale } | null> = {
    power: null,
    interest: null,
  };
  for (const field of STAKEHOLDER_VALUE_FIELDS) {
    const col = mapping[field];
    lists[field] = [];
    if (col === null) continue;
    const seen = new Map<string, { text: string; rows: number }>();
    const nums: number[] = [];
    for (const cells of rows) {
      const cell = (cells[col] ?? '').trim().replace(/\s+/g, ' ');
      if (!cell) {
        if (cells.some((c) => c.trim() !== '')) empty[field]++;
        continue;
      }
      if (field === 'power' || field === 'interest') {
        const n = readNumber(cell);
        if (n) {
          if (!n.percent) nums.push(n.value);
          continue;
        }
      }
      const key = valueKey(cell);
      if (!key) continue;
      const known = seen.get(key);
      if (known) known.rows++;
      else seen.set(key, { text: cell, rows: 1 });
    }
    if (field === 'power' || field === 'interest')
      numbers[field] = nums.length ? { count: nums.length, detected: detectScale(nums) } : null;
    // Score words read best from high to low ("High, Medium, Low"), unknown ones last.
    const rank = (text: string) =>
      field === 'power' || field === 'interest' ? -(suggestScoreWord(text) ?? -1) : 0;
    lists[field] = [...seen.entries()]
      .sort(
        (a, b) =>
          rank(a[1].text) - rank(b[1].text) ||
          b[1].rows - a[1].rows ||
          a[1].text.localeCompare(b[1].text),
      )
      .slice(0, MAX_STAKEHOLDER_VALUES)
      .map(([key, { text, rows }]) => ({
        text,
        key,
        rows,
        suggested:
          field === 'type'
            ? suggestCategory(text)
            : field === 'stance'
              ? suggestStance(text)
              : (suggestScoreWord(text)?.toString() ?? null),
      }));
  }
  return { ...lists, empty, numbers };
}

const LIMITS = { short: 500, long: 20_000 } as const;
const CATEGORY_NAMES = CATEGORY_INFO.map((c) => c.short.toLowerCase()).join(', ');
const STANCE_NAMES = STANCE_INFO.map((s) => s.label.toLowerCase()).join(', ');

/** Label of a register field. */
export function stakeholderFieldLabel(key: string | null): string {
  return key === null ? 'Row' : (STAKEHOLDER_FIELDS.find((f) => f.key === key)?.label ?? key);
}

/**
 * Checks every row under a mapping and the user's choices. A row fails
 * (with every reason) when its name is empty, a value is not matched to one
 * of ours (nothing is defaulted silently), a score is out of its scale, it
 * repeats an earlier row's name and organisation, or a mapped cell could not
 * be read. A row whose name and organisation match an entry already in the
 * register updates the fields the file supplies (without an Organisation
 * column: whose name matches exactly one entry); rows that change nothing
 * are counted as unchanged. New rows without power and interest wait in the
 * Unplaced tray; with only one of them they fail.
 */
export function previewStakeholderImport(
  table: RawTable,
  mapping: StakeholderColumnMapping,
  existing: readonly Stakeholder[] = [],
  choices: StakeholderImportChoices = {},
  values?: StakeholderDistinctValues,
): StakeholderImportPreview {
  const mappingErrors: string[] = [];
  if (mapping.name === null) mappingErrors.push('Choose the column that holds the Name.');
  const columns = new Map<number, string>();
  for (const field of STAKEHOLDER_FIELDS) {
    const col = mapping[field.key];
    if (col === null) continue;
    if (col < 0 || col >= table.headers.length)
      mappingErrors.push(`${field.label} is mapped to a column the file does not have.`);
    else if (columns.has(col))
      mappingErrors.push(
        `${field.label} and ${columns.get(col)} both use the column “${table.headers[col]}”.`,
      );
    else columns.set(col, field.label);
  }
  if (mapping.type === null && !choices.typeForAll)
    mappingErrors.push('Choose the column that holds the Type, or the type of every row.');
  if (table.rows.length > MAX_STAKEHOLDER_ROWS)
    mappingErrors.push(
      `The file has ${formatCount(table.rows.length)} rows; at most ${formatCount(MAX_STAKEHOLDER_ROWS)} can be imported at once.`,
    );
  const none = {
    mappingErrors,
    ready: [],
    updates: [],
    unchanged: [],
    failed: [],
    blankRows: 0,
    unplaced: 0,
    noStance: 0,
  };
  if (mappingErrors.length) return none;

  const distinct = values ?? stakeholderDistinctValues(table.rows, mapping);
  const scaleOf = (field: ScoreField): ScoreScale =>
    choices.scales?.[field] ?? distinct.numbers[field]?.detected ?? '0-100';
  // Without an Organisation column a row is matched by name alone; a name
  // several entries share then names no one entry, and the row waits.
  const byName = mapping.organisation === null;
  const byKey = new Map<string, Stakeholder[]>();
  for (const entry of existing) {
    const key = stakeholderKey(entry.name, byName ? '' : entry.organisation);
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  }
  const fieldOfColumn = new Map<number, StakeholderFieldKey>();
  for (const field of STAKEHOLDER_FIELDS) {
    const col = mapping[field.key];
    if (col !== null) fieldOfColumn.set(col, field.key);
  }
  const personal = new Set(personalContactColumns(table.headers));
  const keep = (choices.keepInNotes ?? []).filter(
    (c) => c >= 0 && c < table.headers.length && !fieldOfColumn.has(c) && !personal.has(c),
  );
  const cellIssuesOf = new Map<number, CellIssue[]>();
  for (const issue of table.cellIssues ?? []) {
    if (!fieldOfColumn.has(issue.column)) continue;
    const list = cellIssuesOf.get(issue.row) ?? [];
    list.push(issue);
    cellIssuesOf.set(issue.row, list);
  }

  const ready: { row: number; entry: NewStakeholder }[] = [];
  const updates: StakeholderUpdatePreview[] = [];
  const unchanged: { row: number; id: string }[] = [];
  const failed: { row: number; issues: StakeholderRowIssue[] }[] = [];
  const firstRowOf = new Map<string, number>();
  let blankRows = 0;
  let unplaced = 0;
  let noStance = 0;

  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index] ?? index + 2;
    if (cells.every((c) => c.trim() === '')) {
      blankRows++;
      return;
    }
    const cell = (key: StakeholderFieldKey) => {
      const col = mapping[key];
      return col === null ? '' : (cells[col] ?? '').trim();
    };
    const issues: StakeholderRowIssue[] = [];
    const issue = (field: StakeholderFieldKey | null, message: string) =>
      issues.push({ row, field, message });
    for (const unread of cellIssuesOf.get(row) ?? []) {
      const field = fieldOfColumn.get(unread.column)!;
      issue(field, `${stakeholderFieldLabel(field)} ${unread.message}`);
    }
    const text = (key: StakeholderFieldKey, max: number = LIMITS.short) => {
      const value = key === 'notes' ? cell(key) : cell(key).replace(/\s+/g, ' ');
      // Characters as the plan schema counts them (an emoji is one).
      const length = textLength(value);
      if (length > max)
        issue(
          key,
          `${stakeholderFieldLabel(key)} is ${formatCount(length)} characters; at most ${formatCount(max)}.`,
        );
      return value;
    };

    const name = text('name');
    if (!name) issue('name', 'Name is empty.');
    const organisation = text('organisation');
    const role = text('role');
    const owner = text('owner');
    const contact = text('contact');

    let category: Category | null = null;
    const typeText = cell('type');
    if (typeText) {
      category = categoryOfValue(typeText, choices);
      if (!category)
        issue('type', `Type “${clipText(typeText)}” is not one of: ${CATEGORY_NAMES}.`);
    } else if (choices.typeForAll) category = choices.typeForAll;
    else issue('type', 'Type is empty; choose the type of rows without one.');

    let stance: Stance | null = null;
    const stanceText = cell('stance');
    if (stanceText) {
      stance = stanceOfValue(stanceText, choices);
      if (!stance)
        issue('stance', `Stance “${clipText(stanceText)}” is not one of: ${STANCE_NAMES}.`);
    }

    const score = (field: ScoreField): number | null => {
      const value = cell(field);
      if (!value) return null;
      const read = scoreOf(field, value, scaleOf(field), choices);
      if (typeof read === 'number') return read;
      issue(field, read.problem);
      return null;
    };
    const power = score('power');
    const interest = score('interest');
    const powerGiven = cell('power') !== '';
    const interestGiven = cell('interest') !== '';
    if (powerGiven !== interestGiven)
      issue(
        powerGiven ? 'interest' : 'power',
        `${powerGiven ? 'Interest' : 'Power'} is empty; give both power and interest, or neither (the entry then waits in the Unplaced tray).`,
      );

    const extra = keep.length ? extraNotes(table.headers, cells, keep) : '';
    const mappedNotes = cell('notes');
    const notes = mappedNotes && extra ? `${mappedNotes}\n${extra}` : mappedNotes || extra;
    if (textLength(notes) > LIMITS.long)
      issue(
        'notes',
        `Notes are ${formatCount(textLength(notes))} characters; at most ${formatCount(LIMITS.long)}.`,
      );

    let match: Stakeholder | undefined;
    if (name && issues.length === 0) {
      const key = stakeholderKey(name, organisation);
      const earlier = firstRowOf.get(key);
      const candidates = byKey.get(key) ?? [];
      if (earlier !== undefined)
        issue(null, `Duplicate of row ${earlier} (same name${byName ? '' : ' and organisation'}).`);
      else if (byName && candidates.length > 1)
        issue(
          'name',
          `${formatCount(candidates.length)} entries in the register are named “${clipText(name)}”; map the Organisation column to tell them apart.`,
        );
      else {
        firstRowOf.set(key, row);
        match = candidates[0];
      }
    }
    if (issues.length) {
      failed.push({ row, issues });
      return;
    }

    const relation: Stakeholder['relation'] =
      category === 'stakeholder' ? 'stakeholder' : 'partner';
    const partnerType: Stakeholder['partnerType'] =
      category === 'stakeholder' ? null : (category as Exclude<Category, 'stakeholder'>);
    const placed = power !== null && interest !== null;
    if (!match) {
      if (!placed) unplaced++;
      if (!stance) noStance++;
      ready.push({
        row,
        entry: {
          name,
          organisation,
          role,
          relation,
          partnerType,
          power: power ?? 50,
          interest: interest ?? 50,
          currentStance: stance ?? 'neutral',
          desiredStance: 'supportive',
          owner,
          contact,
          nextCheckpoint: null,
          notes,
          desiredPosition: null,
          interventionIds: [],
          actions: [],
          history: [],
          ...(placed ? {} : { placed: false }),
        },
      });
      return;
    }

    // An update changes only what the file supplies and differs; empty cells change nothing.
    const current = match;
    const patch: { -readonly [K in keyof StakeholderPatch]: StakeholderPatch[K] } = {};
    const fields: string[] = [];
    const changes: string[] = [];
    const said = (text: string) => (text ? `“${clipText(text)}”` : '(empty)');
    const set = <K extends 'organisation' | 'role' | 'owner' | 'contact' | 'notes'>(
      key: K,
      value: string,
    ) => {
      if (mapping[key] === null && !(key === 'notes' && keep.length)) return;
      if (!value || value === current[key]) return;
      patch[key] = value;
      fields.push(stakeholderFieldLabel(key));
      changes.push(`${stakeholderFieldLabel(key)}: ${said(current[key])} → ${said(value)}`);
    };
    // The organisation matched case- and space-insensitively: a new spelling is no change.
    set('role', role);
    set('owner', owner);
    set('contact', contact);
    set('notes', notes);
    // An empty Type cell leaves an entry's type alone; "the type of every row" sets it.
    if (category && (typeText || mapping.type === null)) {
      if (match.relation !== relation || match.partnerType !== partnerType) {
        patch.relation = relation;
        patch.partnerType = partnerType;
        fields.push('Type');
        changes.push(`Type: ${categoryLabel(categoryOf(match))} → ${categoryLabel(category)}`);
      }
    }
    if (stance && stance !== match.currentStance) {
      patch.currentStance = stance;
      fields.push('Stance');
      changes.push(`Stance: ${stanceLabel(match.currentStance)} → ${stanceLabel(stance)}`);
    }
    if (placed) {
      const wasPlaced = match.placed !== false;
      if (!wasPlaced || power !== match.power || interest !== match.interest) {
        patch.position = { power, interest };
        if (!wasPlaced) {
          fields.push('Position (placed on the matrix)');
          changes.push(`Placed on the matrix: power ${power}, interest ${interest}`);
        } else {
          if (power !== match.power) {
            fields.push('Power');
            changes.push(`Power: ${match.power} → ${power}`);
          }
          if (interest !== match.interest) {
            fields.push('Interest');
            changes.push(`Interest: ${match.interest} → ${interest}`);
          }
        }
      }
    }
    if (fields.length === 0) unchanged.push({ row, id: match.id });
    else updates.push({ row, id: match.id, title: match.name, patch, fields, changes });
  });
  return { mappingErrors, ready, updates, unchanged, failed, blankRows, unplaced, noStance };
}
