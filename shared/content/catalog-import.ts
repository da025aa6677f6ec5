/**
 * Catalog import, after the file is read: the user maps their columns to the
 * catalog's fields, each row is checked, and every problem names the row
 * (as the spreadsheet numbers it) and the field. Nothing here touches the
 * plan; the caller applies `items` only when the user confirms.
 */
import type { ContentItem } from '../plan/schema';
import { csvCell } from '../export/sanitize';
import {
  decimalConvention,
  parseDecimalText,
  type DecimalConvention,
  type DecimalMark,
} from '../numbers';
import { clipText, textLength } from '../text-length';
import { skillKey } from './pathways';
import {
  extraNotes,
  kindOf,
  knownSkills,
  languageOf,
  levelOf,
  skillOf,
  suggestKind,
  suggestLevel,
  urlKey,
  type ImportChoices,
} from './import-values';
import { looseKey } from '../text-key';
import { guessColumns } from './column-guess';
import type { Translator } from '../i18n/translator';
import { englishTranslator, formatOf } from './import-text';

/** A table read from a CSV or XLSX file: header cells and data rows as text. */
export interface RawTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Spreadsheet row number of each data row (the header row is usually 1). */
  readonly rowNumbers: readonly number[];
  /** Worksheet name for XLSX files. */
  readonly sheetName?: string;
  /** Cells the reader could not read as a person means them; a row fails when one is in a mapped column. */
  readonly cellIssues?: readonly CellIssue[];
  /**
   * CSV rows with fewer cells than the heading row (padded with empty ones;
   * `shortWidth`: the cells of the first) and rows with cells past it.
   */
  readonly ragged?: {
    readonly shortRows: number;
    readonly longRows: number;
    readonly shortWidth: number;
  };
}

/** Why a cell could not be read: bytes that are not text, or a formula without a stored result. */
export type CellProblem =
  | { readonly kind: 'bytes' }
  | { readonly kind: 'formula'; readonly formula: string; readonly cell: string };

/**
 * A cell the reader could not read as meant (a formula without a stored
 * result, bytes that are not text). `message` follows the field's name:
 * "Hours is a formula (=VLOOKUP(…)) in cell C5 with no stored result…";
 * `problem` says what it is, for a whole sentence (`cellIssueText`).
 */
export interface CellIssue {
  /** Sheet row number (1-based). */
  readonly row: number;
  /** Column index (0-based) in the file. */
  readonly column: number;
  readonly message: string;
  readonly problem?: CellProblem;
}

/** The sentence for a cell that could not be read, in the field `field` (its label). */
export function cellIssueText(
  issue: CellIssue,
  field: string,
  t: Translator = englishTranslator(),
): string {
  if (issue.problem?.kind === 'formula')
    return t('content:check.cellFormula', {
      field,
      formula: issue.problem.formula,
      cell: issue.problem.cell,
    });
  if (issue.problem?.kind === 'bytes') return t('content:check.cellBytes', { field });
  return `${field} ${issue.message}`;
}

/**
 * Catalog fields a column can be mapped to, in form order, with the headings
 * that name each: English as platforms write them, and the common German,
 * French, Spanish and Dutch ones (compared without case or accents).
 * `id` is no field of an item: a column of the app's own export whose
 * values match items to update.
 */
export const CATALOG_FIELDS = [
  {
    key: 'title',
    label: 'Title',
    required: true,
    synonyms: [
      'title',
      'name',
      'course',
      'course title',
      'course name',
      'item',
      'content title',
      'content name',
      'titel',
      'kurstitel',
      'kursname',
      'bezeichnung',
      'titre',
      'intitule',
      'nom du cours',
      'titulo',
      'nombre',
      'nombre del curso',
      'naam',
      'cursusnaam',
    ],
  },
  {
    key: 'provider',
    label: 'Provider',
    required: false,
    synonyms: [
      'provider',
      'vendor',
      'platform',
      'publisher',
      'partner',
      'source',
      'author',
      'organisation',
      'organization',
      'institution',
      'anbieter',
      'plattform',
      'herausgeber',
      'fournisseur',
      'prestataire',
      'organisme',
      'plateforme',
      'proveedor',
      'plataforma',
      'aanbieder',
      'leverancier',
    ],
  },
  {
    key: 'kind',
    label: 'Kind',
    required: false,
    synonyms: [
      'kind',
      'type',
      'format',
      'content type',
      'item type',
      'course type',
      'typ',
      'art',
      'kursart',
      'tipo',
      'soort',
      'formato',
    ],
  },
  {
    key: 'skills',
    label: 'Skills',
    required: false,
    synonyms: [
      'skills',
      'skill',
      'skills taught',
      'topics',
      'competencies',
      'tags',
      'faehigkeiten',
      'fahigkeiten',
      'kompetenzen',
      'themen',
      'competences',
      'habilidades',
      'competencias',
      'vaardigheden',
      'competenties',
    ],
  },
  {
    key: 'level',
    label: 'Level',
    required: false,
    synonyms: [
      'level',
      'difficulty',
      'difficulty level',
      'niveau',
      'stufe',
      'schwierigkeit',
      'schwierigkeitsgrad',
      'difficulte',
      'nivel',
      'dificultad',
      'moeilijkheid',
    ],
  },
  {
    key: 'hours',
    label: 'Hours',
    required: false,
    synonyms: [
      'hours',
      'duration',
      'duration hours',
      'length',
      'effort',
      'estimated hours',
      'est hours',
      'hrs',
      'stunden',
      'dauer',
      'zeitaufwand',
      'umfang',
      'duree',
      'heures',
      'duracion',
      'horas',
      'duur',
      'uren',
    ],
  },
  {
    key: 'languages',
    label: 'Languages',
    required: false,
    synonyms: [
      'languages',
      'language',
      'lang',
      'sprache',
      'sprachen',
      'langue',
      'langues',
      'idioma',
      'idiomas',
      'taal',
      'talen',
    ],
  },
  {
    key: 'costPerLearner',
    label: 'Cost per learner',
    required: false,
    synonyms: [
      'cost per learner',
      'cost',
      'price',
      'price per learner',
      'fee',
      'licence cost',
      'license cost',
      'kosten',
      'preis',
      'gebuehr',
      'gebuhr',
      'cout',
      'prix',
      'tarif',
      'costo',
      'coste',
      'precio',
      'prijs',
    ],
  },
  {
    key: 'url',
    label: 'URL',
    required: false,
    synonyms: ['url', 'link', 'web address', 'website', 'lien', 'enlace', 'webseite'],
  },
  {
    key: 'notes',
    label: 'Notes',
    required: false,
    synonyms: [
      'notes',
      'note',
      'description',
      'comments',
      'comment',
      'summary',
      'notizen',
      'bemerkungen',
      'anmerkungen',
      'beschreibung',
      'kommentar',
      'remarques',
      'commentaires',
      'notas',
      'comentarios',
      'descripcion',
      'opmerkingen',
      'beschrijving',
      'notities',
    ],
  },
  {
    key: 'id',
    label: 'ID (matches catalog items)',
    required: false,
    synonyms: ['id', 'catalog id', 'item id'],
  },
] as const;

/** A catalog field that a column can be mapped to. */
export type CatalogFieldKey = (typeof CATALOG_FIELDS)[number]['key'];

/** Field → column index (into `headers`), or null when not imported. */
export type ColumnMapping = Record<CatalogFieldKey, number | null>;

/** One problem with one row and one field. */
export interface RowIssue {
  /** Spreadsheet row number. */
  readonly row: number;
  readonly field: CatalogFieldKey | null;
  readonly message: string;
  /** The row waits for the user's choice of what a value means (not a fault in the file). */
  readonly waiting?: true;
  /** What the failed-rows CSV says instead of `message` (which points at the dialog). */
  readonly reason?: string;
  /** The row is the same as an earlier one in every column imported: nothing to fix. */
  readonly duplicateOf?: number;
}

/** A row that updates an item already in the catalog: the fields the file changes. */
export interface CatalogUpdatePreview {
  readonly row: number;
  readonly id: string;
  /** Title of the item as the catalog has it now. */
  readonly title: string;
  readonly patch: Partial<Omit<ContentItem, 'id'>>;
}

/** The outcome of checking every row under a mapping. */
export interface ImportPreview {
  /** Problems with the mapping itself (e.g. no Title column); nothing can be imported. */
  readonly mappingErrors: readonly string[];
  /** Rows that will be imported as new items, with their row numbers, ids not yet assigned. */
  readonly ready: readonly { readonly row: number; readonly item: Omit<ContentItem, 'id'> }[];
  /** Rows that match an item already in the catalog and change it. */
  readonly updates: readonly CatalogUpdatePreview[];
  /** Rows that match an item already in the catalog and change nothing. */
  readonly unchanged: readonly { readonly row: number; readonly id: string }[];
  /** Rows that will not be imported, each with every reason. */
  readonly failed: readonly { readonly row: number; readonly issues: readonly RowIssue[] }[];
  /** Blank rows passed over silently. */
  readonly blankRows: number;
  /** How numbers were read (decimal mark per column), in words; empty when nothing to say. */
  readonly notes?: readonly string[];
}

/** Most rows a catalog import accepts (a catalog is hundreds, not millions). */
export const MAX_IMPORT_ROWS = 50_000;

/** Title synonyms too generic to name a title inside a longer heading. */
const GENERIC_TITLE_WORDS: ReadonlySet<string> = new Set(['name', 'item', 'course', 'naam']);

/** Whether heading words name a field other than the title ("url", "content type"). */
function namesAField(words: string): boolean {
  return CATALOG_FIELDS.some(
    (f) =>
      f.key !== 'title' &&
      f.synonyms.some(
        (syn) => words === syn || words.endsWith(` ${syn}`) || words.startsWith(`${syn} `),
      ),
  );
}

/**
 * Guesses which column holds which field from the header names: a heading
 * that is a synonym ("Anbieter"), then one that starts with one ("Duration
 * (hours)"), then one that ends with one ("Est. Hours", "Course URL",
 * "Internal notes"); each column used at most once.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  return guessColumns(CATALOG_FIELDS, headers, {
    passes: ['exact', 'prefix', 'suffix'],
    // A provider's "Course ID" is its own number, not ours: only "ID" itself matches items.
    noSuffix: new Set(['id']),
    // "Instructor name" or "Line item" is no title, nor is "Course URL": a
    // generic word names a title only at the start of a heading whose other
    // words name no other field ("Course report 2024").
    generic: { words: GENERIC_TITLE_WORDS, namesAnotherField: namesAField },
  });
}

/** Kind from free text ("Professional certificate", "video"), or null if unknown. */
export function parseKind(text: string): ContentItem['kind'] | null {
  return suggestKind(text);
}

/** Level from free text ("Basic", "Level 2", "Beginner Level"), or null if unknown. */
export function parseLevel(text: string): ContentItem['level'] | null {
  return suggestLevel(text);
}

/**
 * Hours from what people type: "12", "12.5", "12,5", "1,200", "12 h",
 * "3 hours", "1:30". Without `decimalMark`, a comma followed by exactly
 * three digits is a thousands separator and any other comma a decimal
 * comma; with it (the column's convention, `decimalConvention`), a lone
 * mark means what the column means by it ("1,250" is 1.25 in a column of
 * decimal commas).
 */
export function parseHours(text: string, decimalMark?: DecimalMark): number | 'invalid' {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\s*(hours?|hrs?|h|stunden|std|heures|horas|uur)\.?$/, '');
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) + Number(clock[2]) / 60;
  return parseDecimalText(t, decimalMark) ?? 'invalid';
}

/** Currency signs and the ISO codes each can stand for ("$" is any dollar). */
const CURRENCY_SIGNS: Readonly<Record<string, readonly string[]>> = {
  '€': ['EUR'],
  '£': ['GBP'],
  $: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN'],
  us$: ['USD'],
  a$: ['AUD'],
  c$: ['CAD'],
  '¥': ['JPY', 'CNY'],
  '₹': ['INR'],
  'fr.': ['CHF'],
};

/** A currency sign or code before or after an amount ("€95", "95 EUR", "US$ 20"). */
const CURRENCY_SIGN = '([a-z]{3}|us\\$|a\\$|c\\$|fr\\.|€|\\$|£|¥|₹)';
const CURRENCY_BEFORE = new RegExp(`^${CURRENCY_SIGN}\\s*`);
const CURRENCY_AFTER = new RegExp(`\\s*${CURRENCY_SIGN}$`);

/** A cost as typed: its amount, and the currency it names (a sign or an ISO code), if any. */
export interface TypedCost {
  readonly amount: number;
  /** ISO codes the text's currency can be ("$" → the dollars), or null when it names none. */
  readonly currencies: readonly string[] | null;
  /** The currency as the text wrote it ("$", "USD"). */
  readonly written: string | null;
}

/** Cost from "EUR 95", "€95", "$49", "95.00", "1.200,50", "free", "included". */
export function readCost(text: string, decimalMark?: DecimalMark): TypedCost | 'invalid' {
  const t = text.trim().toLowerCase();
  if (
    ['free', 'included', 'none', 'no cost', '-', '—', 'kostenlos', 'gratuit', 'gratis'].includes(t)
  )
    return { amount: 0, currencies: null, written: null };
  let written: string | null = null;
  const stripped = t
    .replace(CURRENCY_BEFORE, (_, c: string) => ((written = c), ''))
    .replace(CURRENCY_AFTER, (_, c: string) => ((written ??= c), ''))
    .replace(/[.,]-$/, '');
  const amount = parseDecimalText(stripped, decimalMark);
  if (amount === null) return 'invalid';
  const code = written as string | null;
  const currencies = code
    ? (CURRENCY_SIGNS[code] ?? (/^[a-z]{3}$/.test(code) ? [code.toUpperCase()] : null))
    : null;
  const at = code === null ? -1 : text.toLowerCase().indexOf(code);
  return { amount, currencies, written: code === null ? null : text.substr(at, code.length) };
}

/** Cost from "EUR 95", "€95", "95.00", "1.200,50", "free", "included". */
export function parseCost(text: string, decimalMark?: DecimalMark): number | 'invalid' {
  const cost = readCost(text, decimalMark);
  return cost === 'invalid' ? 'invalid' : cost.amount;
}

/** Splits a list cell ("SQL; Data cleaning", "English, Spanish") into trimmed entries. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[;|\n]|,(?!\d)/)) {
    const value = part.trim().replace(/\s+/g, ' ');
    const key = skillKey(value);
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** Identity of an item for duplicate checks: title and provider, case-insensitive. */
export function catalogKey(title: string, provider: string): string {
  return `${skillKey(title)}\u0000${skillKey(provider)}`;
}

const LIMITS = { short: 500, long: 20_000, url: 2000 } as const;

/**
 * Checks every row under a mapping and the user's choices. Rows that
 * duplicate an earlier row to be imported fail with a reason that says so
 * (one the same in every column imported is marked as needing nothing); so
 * do rows with a cell the reader could not read (`table.cellIssues`) in a
 * mapped column, and rows whose Kind or Level value is matched to none of
 * ours (they wait for the user's choice: nothing is defaulted silently). A
 * row that matches an item already in the catalog (same ID, else same URL,
 * else same title, provider and kind) updates it (or leaves it unchanged)
 * instead of adding a copy; its notes keep what the planner wrote. Hours and
 * costs are read with the decimal mark their column uses; a cost in another
 * currency than `planCurrency` fails its row. A skill the plan has
 * (`planSkills` and the catalog's) under another spelling takes the plan's.
 * `onProgress` hears how many rows were checked, now and then. Every message
 * is worded by `t` (default: English).
 */
export function previewImport(
  table: RawTable,
  mapping: ColumnMapping,
  existing: readonly ContentItem[] = [],
  onProgress?: (rowsChecked: number) => void,
  choices: ImportChoices = {},
  planCurrency: string | null = null,
  planSkills: readonly string[] = [],
  t: Translator = englishTranslator(),
): ImportPreview {
  const format = formatOf(t);
  // Each field's label is worded once, not for every row (t() is costly in a loop of 50,000 rows).
  const labels = new Map<CatalogFieldKey | null, string>();
  const label = (key: CatalogFieldKey | null) => {
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = fieldLabel(key, t)));
    return text;
  };
  const aSkill = () => t('content:check.aSkill');
  const aLanguage = () => t('content:check.aLanguage');
  const mappingErrors: string[] = [];
  if (mapping.title === null) mappingErrors.push(t('content:check.noTitleColumn'));
  const columns = new Map<number, string>();
  for (const field of CATALOG_FIELDS) {
    const col = mapping[field.key] ?? null;
    if (col === null) continue;
    if (col < 0 || col >= table.headers.length)
      mappingErrors.push(t('content:check.missingColumn', { field: label(field.key) }));
    else if (columns.has(col))
      mappingErrors.push(
        t('content:check.sharedColumn', {
          field: label(field.key),
          other: columns.get(col)!,
          heading: table.headers[col] ?? '',
        }),
      );
    else columns.set(col, label(field.key));
  }
  // Nothing unmapped is defaulted: without a Kind or Level column the user says what every row is.
  if (mapping.kind === null && !choices.kindForAll)
    mappingErrors.push(t('content:check.noKindColumn'));
  if (mapping.level === null && !choices.levelForAll)
    mappingErrors.push(t('content:check.noLevelColumn'));
  if (table.rows.length > MAX_IMPORT_ROWS)
    mappingErrors.push(
      t('content:check.tooManyRows', { count: table.rows.length, max: MAX_IMPORT_ROWS }),
    );
  if (mappingErrors.length)
    return { mappingErrors, ready: [], updates: [], unchanged: [], failed: [], blankRows: 0 };

  const identity = (title: string, provider: string, kind: ContentItem['kind']) =>
    `${catalogKey(title, provider)}\u0000${kind}`;
  const byIdentity = new Map<string, ContentItem>();
  const byUrl = new Map<string, ContentItem>();
  const byId = new Map<string, ContentItem>();
  for (const item of existing) {
    const key = identity(item.title, item.provider, item.kind);
    if (!byIdentity.has(key)) byIdentity.set(key, item);
    if (item.url && !byUrl.has(urlKey(item.url))) byUrl.set(urlKey(item.url), item);
    byId.set(item.id, item);
  }
  // Skills the plan has: a file's "Spreadsheet" is the plan's "Spreadsheets".
  const known = knownSkills([...planSkills, ...existing.flatMap((item) => item.skills)]);
  // Skills repeat across rows: each text is matched once.
  const skillNames = new Map<string, string>();
  const skillName = (text: string) => {
    let name = skillNames.get(text);
    if (name === undefined) skillNames.set(text, (name = skillOf(text, choices.values, known)));
    return name;
  };
  const matchedBy = new Map<string, number>();
  const firstRowOf = new Map<string, { row: number; item: Omit<ContentItem, 'id'> }>();
  const fieldOfColumn = new Map<number, CatalogFieldKey>();
  for (const field of CATALOG_FIELDS) {
    const col = mapping[field.key] ?? null;
    if (col !== null) fieldOfColumn.set(col, field.key);
  }
  const keep = (choices.keepInNotes ?? []).filter(
    (c) => c >= 0 && c < table.headers.length && !fieldOfColumn.has(c),
  );
  const keptHeadings = keep.map((c) => (table.headers[c] ?? '').trim() || `Column ${c + 1}`);
  // The fields the file supplies: an update changes only these.
  const supplied = new Set<CatalogFieldKey>(
    CATALOG_FIELDS.filter((f) => (mapping[f.key] ?? null) !== null).map((f) => f.key),
  );
  if (choices.kindForAll) supplied.add('kind');
  if (choices.levelForAll) supplied.add('level');
  if (keep.length) supplied.add('notes');
  const cellIssuesOf = new Map<number, CellIssue[]>();
  for (const issue of table.cellIssues ?? []) {
    if (!fieldOfColumn.has(issue.column)) continue;
    const list = cellIssuesOf.get(issue.row) ?? [];
    list.push(issue);
    cellIssuesOf.set(issue.row, list);
  }
  // Each number column's decimal mark, from all its values; a column that
  // does not tell follows the other one (the file's convention).
  const conventionOf = (col: number | null) =>
    col === null ? null : decimalConvention(table.rows.map((r) => r[col] ?? ''));
  const hoursConvention = conventionOf(mapping.hours);
  const costConvention = conventionOf(mapping.costPerLearner);
  // A column that says nothing itself (no conflicting values either) follows the other.
  const follows = (c: DecimalConvention | null, other: DecimalConvention | null) =>
    c?.mark ?? (c && c.conflicting === 0 ? (other?.mark ?? undefined) : undefined);
  const hoursMark = follows(hoursConvention, costConvention);
  const costMark = follows(costConvention, hoursConvention);
  const notes: string[] = [];
  const describe = (
    key: CatalogFieldKey,
    c: DecimalConvention | null,
    mark: DecimalMark | undefined,
  ) => {
    if (!c) return;
    const reads = t('content:check.decimalReads', {
      mark: mark === ',' ? 'comma' : mark === '.' ? 'point' : 'none',
    });
    if (c.conflicting > 0)
      notes.push(t('content:check.decimalMixed', { field: label(key), reads }));
    else if (mark === ',')
      notes.push(
        c.example
          ? t('content:check.decimalComma', { field: label(key), example: c.example, reads })
          : t('content:check.decimalCommaAsOthers', { field: label(key), reads }),
      );
  };
  const currenciesSeen = new Set<string>();
  describe('hours', hoursConvention, hoursMark);
  describe('costPerLearner', costConvention, costMark);
  const ready: { row: number; item: Omit<ContentItem, 'id'> }[] = [];
  const updates: CatalogUpdatePreview[] = [];
  const unchanged: { row: number; id: string }[] = [];
  const failed: { row: number; issues: RowIssue[] }[] = [];
  let blankRows = 0;

  table.rows.forEach((cells, index) => {
    if (onProgress && index > 0 && index % 5000 === 0) onProgress(index);
    const row = table.rowNumbers[index] ?? index + 2;
    if (cells.every((c) => c.trim() === '')) {
      blankRows++;
      return;
    }
    const cell = (key: CatalogFieldKey) => {
      const col = mapping[key] ?? null;
      return col === null ? '' : (cells[col] ?? '').trim();
    };
    const issues: RowIssue[] = [];
    const issue = (field: CatalogFieldKey | null, message: string) =>
      issues.push({ row, field, message });
    // A value the user has not matched yet: the row waits (the CSV says why the file's value is not ours).
    const waiting = (field: CatalogFieldKey, message: string, reason: string) =>
      issues.push({ row, field, message, waiting: true, reason });
    for (const unread of cellIssuesOf.get(row) ?? []) {
      const field = fieldOfColumn.get(unread.column)!;
      issue(field, cellIssueText(unread, label(field), t));
    }
    // What the value is (the field's label) is worded only when the value is too long.
    const tooLong = (key: CatalogFieldKey, value: string, max: number, what = () => label(key)) => {
      const length = textLength(value);
      if (length > max) issue(key, t('content:check.tooLong', { field: what(), length, max }));
    };

    const title = cell('title').replace(/\s+/g, ' ');
    if (!title) issue('title', t('content:check.titleEmpty'));
    tooLong('title', title, LIMITS.short);
    const provider = cell('provider').replace(/\s+/g, ' ');
    tooLong('provider', provider, LIMITS.short);

    // An empty Kind or Level cell is no value to match: the user's choice for
    // every row applies when there is one, else the row waits for one.
    let kind: ContentItem['kind'] = choices.kindForAll ?? 'course';
    const kindText = cell('kind');
    if (kindText) {
      const parsed = kindOf(kindText, choices.values);
      if (parsed) kind = parsed;
      else
        waiting(
          'kind',
          t('content:check.kindWaiting', { value: clipText(kindText) }),
          t('content:check.kindUnknown', { value: clipText(kindText) }),
        );
    } else if (mapping.kind !== null && !choices.kindForAll)
      waiting('kind', t('content:check.kindEmptyWaiting'), t('content:check.kindEmptyReason'));

    let level: ContentItem['level'] = choices.levelForAll ?? 'beginner';
    const levelText = cell('level');
    if (levelText) {
      const parsed = levelOf(levelText, choices.values);
      if (parsed) level = parsed;
      else
        waiting(
          'level',
          t('content:check.levelWaiting', { value: clipText(levelText) }),
          t('content:check.levelUnknown', { value: clipText(levelText) }),
        );
    } else if (mapping.level !== null && !choices.levelForAll)
      waiting('level', t('content:check.levelEmptyWaiting'), t('content:check.levelEmptyReason'));

    let hours: number | null = null;
    const hoursText = cell('hours');
    if (hoursText) {
      const parsed = parseHours(hoursText, hoursMark);
      if (parsed === 'invalid')
        issue('hours', t('content:check.hoursNotNumber', { value: clipText(hoursText) }));
      else if (parsed < 0 || parsed > 10_000)
        issue('hours', t('content:check.hoursRange', { value: hoursText, max: 10_000 }));
      else hours = Math.round(parsed * 100) / 100;
    }

    let costPerLearner: number | null = null;
    const costText = cell('costPerLearner');
    if (costText) {
      const parsed = readCost(costText, costMark);
      // "dollars" for a bare $ (which dollars is not said), else the codes it may be ("EUR").
      const writtenIn = (p: TypedCost) =>
        p.written === '$'
          ? t('content:check.dollars')
          : format.list(p.currencies ?? [], 'disjunction');
      if (parsed === 'invalid')
        issue('costPerLearner', t('content:check.costNotAmount', { value: clipText(costText) }));
      else if (!planCurrency && parsed.currencies && parsed.written) {
        // No currency in the plan yet: the amount is taken, and the preview says in what.
        currenciesSeen.add(writtenIn(parsed));
        if (parsed.amount >= 0 && parsed.amount <= 1e9)
          costPerLearner = Math.round(parsed.amount * 100) / 100;
        else issue('costPerLearner', t('content:check.costRange', { max: 1e9 }));
      } else if (planCurrency && parsed.currencies && !parsed.currencies.includes(planCurrency))
        issue(
          'costPerLearner',
          t('content:check.costCurrency', {
            value: clipText(costText),
            written: writtenIn(parsed),
            currency: planCurrency,
          }),
        );
      else if (parsed.amount < 0 || parsed.amount > 1e9)
        issue('costPerLearner', t('content:check.costRange', { max: 1e9 }));
      else costPerLearner = Math.round(parsed.amount * 100) / 100;
    }

    const skills = unique(splitList(cell('skills')).map(skillName));
    const languages = unique(
      splitList(cell('languages'))
        .map((l) => languageOf(l, choices.values))
        .filter((l) => l !== ''),
    );
    for (const s of skills) tooLong('skills', s, LIMITS.short, aSkill);
    for (const l of languages) tooLong('languages', l, LIMITS.short, aLanguage);

    let url = cell('url');
    if (url) {
      if (/^www\./i.test(url)) url = `https://${url}`;
      if (!/^https?:\/\/\S+$/i.test(url))
        issue('url', t('content:check.urlScheme', { value: clipText(url) }));
      tooLong('url', url, LIMITS.url);
    }
    const extra = keep.length ? extraNotes(table.headers, cells, keep) : '';
    const mappedNotes = cell('notes');
    const notes = mappedNotes && extra ? `${mappedNotes}\n${extra}` : mappedNotes || extra;
    tooLong('notes', notes, LIMITS.long);

    const item: Omit<ContentItem, 'id'> = {
      title,
      provider,
      kind,
      skills,
      level,
      hours,
      languages,
      costPerLearner,
      url,
      notes,
    };
    // Duplicates are told only among rows that will be imported: a row left
    // out for another reason is no original, and a different kind is a
    // different item (the course and the certificate of the same name).
    let match: ContentItem | undefined;
    let matchedById = false;
    if (title && issues.length === 0) {
      const key = identity(title, provider, kind);
      const earlier = firstRowOf.get(key);
      const byRowId = cell('id') ? byId.get(cell('id')) : undefined;
      matchedById = byRowId !== undefined;
      match = byRowId ?? (url ? byUrl.get(urlKey(url)) : undefined) ?? byIdentity.get(key);
      const sameItemRow = match ? matchedBy.get(match.id) : undefined;
      if (earlier !== undefined)
        issues.push(
          sameItem(earlier.item, item)
            ? {
                row,
                field: null,
                message: t('content:check.sameAs', { row: earlier.row }),
                duplicateOf: earlier.row,
              }
            : {
                row,
                field: null,
                message: t('content:check.duplicate', { row: earlier.row }),
              },
        );
      else if (sameItemRow !== undefined)
        issue(null, t('content:check.sameItem', { row: sameItemRow }));
      else {
        firstRowOf.set(key, { row, item });
        if (match) matchedBy.set(match.id, row);
      }
    }

    if (issues.length) {
      failed.push({ row, issues });
      return;
    }
    if (!match) {
      ready.push({ row, item });
      return;
    }
    // The notes keep what the planner wrote: only the file's part is replaced
    // (the whole notes when the row is the app's own export of this item).
    if (supplied.has('notes'))
      item.notes = mergeNotes(match.notes, {
        mapped: mapping.notes !== null ? mappedNotes : null,
        extra,
        keptHeadings,
        whole: matchedById,
      });
    const patch: Partial<Omit<ContentItem, 'id'>> = {};
    for (const key of Object.keys(item) as (keyof typeof item)[]) {
      if (key !== 'title' && !supplied.has(key)) continue;
      if (!sameValue(key, item[key], match[key]))
        (patch as Record<string, unknown>)[key] = item[key];
    }
    if (Object.keys(patch).length === 0) unchanged.push({ row, id: match.id });
    else updates.push({ row, id: match.id, title: match.title, patch });
  });
  if (currenciesSeen.size)
    notes.push(
      t('content:check.costNoPlanCurrency', { written: format.list([...currenciesSeen]) }),
    );
  return {
    mappingErrors,
    ready,
    updates,
    unchanged,
    failed,
    blankRows,
    ...(notes.length ? { notes } : {}),
  };
}

/** Text as compared for an update: case, surrounding and repeated spaces ignored. */
const looseText = looseKey;

/** Whether two rows hold the same item in every field imported. */
function sameItem(a: Omit<ContentItem, 'id'>, b: Omit<ContentItem, 'id'>): boolean {
  return (Object.keys(a) as (keyof typeof a)[]).every((key) => sameValue(key, a[key], b[key]));
}

/**
 * Whether a field's value in the file is the one the catalog holds: a
 * difference of case or spacing only ("  data analysis " for "Data
 * Analysis") or a list in another order is no change, so the planner's
 * spelling stays.
 */
function sameValue(key: keyof Omit<ContentItem, 'id'>, a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const keys = (list: unknown[]) => list.map((x) => skillKey(String(x))).sort();
    const ka = keys(a);
    const kb = keys(b);
    return ka.length === kb.length && ka.every((x, i) => x === kb[i]);
  }
  if (typeof a === 'string' && typeof b === 'string') {
    if (key === 'notes') return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
    return looseText(a) === looseText(b);
  }
  return Object.is(a, b);
}

/** Where the notes of a re-imported row come from. */
export interface FileNotes {
  /** The file's Notes column for the row, or null when no column is mapped to Notes. */
  readonly mapped: string | null;
  /** The line built from the columns kept in the notes ("Enrolments: 5.3k; Rating: 4.7"), or ''. */
  readonly extra: string;
  /** Headings of the columns kept in the notes (how an earlier import's line is recognised). */
  readonly keptHeadings: readonly string[];
  /** The mapped notes are the item's whole notes (the app's own export, matched by ID). */
  readonly whole: boolean;
}

/**
 * The notes of an item a re-import updates: what the planner wrote stays.
 * The line an earlier import built from the kept columns ("Enrollments:
 * 23,456; Avg Rating: 4.5") is replaced by the file's new one, in its place
 * (else added at the end). A mapped Notes column replaces the notes only when
 * it is the item's whole notes (the app's own export matched by ID); else it
 * leads, and lines the planner added that it does not hold are kept after it.
 */
export function mergeNotes(current: string, file: FileNotes): string {
  const fromKept = (line: string) =>
    file.keptHeadings.some((h) => line.trimStart().startsWith(`${h}: `));
  const lines = current === '' ? [] : current.split('\n');
  let own: string[];
  if (file.mapped !== null) {
    const mapped = file.mapped.trim();
    const held = new Set(mapped.split('\n').map((l) => l.trim()));
    own = file.whole
      ? mapped.split('\n')
      : [
          ...(mapped ? mapped.split('\n') : []),
          ...lines.filter((l) => !fromKept(l) && l.trim() !== '' && !held.has(l.trim())),
        ];
    if (file.whole && file.extra) own = own.filter((l) => !fromKept(l));
    return [...own, ...(file.extra ? [file.extra] : [])].join('\n').trim();
  }
  const at = lines.findIndex(fromKept);
  own = lines.filter((l) => !fromKept(l));
  if (file.extra) own.splice(at >= 0 ? at : own.length, 0, file.extra);
  return own.join('\n').trim();
}

const valueText = (
  key: keyof Omit<ContentItem, 'id'>,
  value: unknown,
  currency: string | null,
  t: Translator,
): string => {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (key === 'kind') return t(`content:kinds.${value as ContentItem['kind']}`);
  if (key === 'level') return t(`content:levels.${value as ContentItem['level']}`);
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') {
    const format = formatOf(t);
    return key === 'costPerLearner' && currency
      ? format.money(value, currency)
      : format.number(value, 2);
  }
  return t('content:file.quoted', { text: clipText(String(value).replace(/\s+/g, ' ')) });
};

/**
 * What an update changes, one line per field with the catalog's value and
 * the file's: "Hours: 12.5 → 14", "Languages: English, Spanish → English".
 * For notes, only the lines that differ ("Notes: “Enrollments: 5.3k…” →
 * “Enrollments: 6.1k…”"; the planner's lines that stay are not repeated).
 */
export function describeUpdate(
  item: ContentItem,
  patch: Partial<Omit<ContentItem, 'id'>>,
  currency: string | null = null,
  t: Translator = englishTranslator(),
): string[] {
  return (Object.keys(patch) as (keyof typeof patch)[]).map((key) => {
    const field = fieldLabel(key, t);
    if (key === 'notes') {
      const before = item.notes.split('\n');
      const after = (patch.notes ?? '').split('\n');
      const gone = before.filter((l) => l.trim() && !after.includes(l)).join(' / ');
      const added = after.filter((l) => l.trim() && !before.includes(l)).join(' / ');
      return t('content:check.change', {
        field,
        from: gone ? valueText(key, gone, currency, t) : '—',
        to: added ? valueText(key, added, currency, t) : '—',
      });
    }
    return t('content:check.change', {
      field,
      from: valueText(key, item[key], currency, t),
      to: valueText(key, patch[key], currency, t),
    });
  });
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = skillKey(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The rows that will not be imported, as a CSV to fix and import again: the
 * file's headings and cells as read, and a last column "Reason" with every
 * reason (the column is not mapped on the way back in). A row the same as an
 * earlier one in every column imported needs no fixing and is left out. The
 * Reason heading and the "Row 5:" before each reason are worded by `t`
 * (the reasons come as they were worded when the rows were checked).
 */
export function failedRowsCsv(
  table: RawTable,
  // Any import's failed rows (catalog or stakeholder list): only the messages are written.
  preview: {
    readonly failed: readonly {
      readonly row: number;
      readonly issues: readonly {
        readonly message: string;
        readonly reason?: string;
        readonly duplicateOf?: number;
      }[];
    }[];
  },
  t: Translator = englishTranslator(),
): string {
  const indexOf = new Map<number, number>();
  table.rowNumbers.forEach((row, i) => indexOf.set(row, i));
  const width = table.headers.length;
  const line = (cells: readonly string[]) => cells.map((c) => csvCell(c)).join(',');
  const lines = [line([...table.headers, t('content:check.reasonHeading')])];
  for (const { row, issues } of preview.failed) {
    // A row the same as an earlier one needs nothing: it stays out of the file to fix.
    if (issues.every((i) => i.duplicateOf !== undefined)) continue;
    const cells = table.rows[indexOf.get(row) ?? row - 2] ?? [];
    const padded = Array.from({ length: width }, (_, i) => cells[i] ?? '');
    const reasons = issues.filter((i) => i.duplicateOf === undefined);
    lines.push(
      line([
        ...padded,
        t('content:check.reasonRow', {
          row,
          reasons: reasons.map((i) => i.reason ?? i.message).join(' '),
        }),
      ]),
    );
  }
  // Excel reads UTF-8 with its mark; Windows line ends as Excel writes them.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Label of a catalog field ("Row" for a problem of the whole row), worded by `t` (default: English). */
export function fieldLabel(
  key: CatalogFieldKey | null,
  t: Translator = englishTranslator(),
): string {
  if (key === null) return t('content:fields.row');
  return CATALOG_FIELDS.some((f) => f.key === key) ? t(`content:fields.${key}`) : key;
}
