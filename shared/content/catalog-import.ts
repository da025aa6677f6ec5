/**
 * Catalog import, after the file is read: the user maps their columns to the
 * catalog's fields, each row is checked, and every problem names the row
 * (as the spreadsheet numbers it) and the field. Nothing here touches the
 * plan; the caller applies `items` only when the user confirms.
 */
import type { ContentItem } from '../plan/schema';
import { skillKey } from './pathways';

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
}

/**
 * A cell the reader could not read as meant (a formula without a stored
 * result, bytes that are not text). `message` follows the field's name:
 * "Hours is a formula (=VLOOKUP(…)) in cell C5 with no stored result…".
 */
export interface CellIssue {
  /** Sheet row number (1-based). */
  readonly row: number;
  /** Column index (0-based) in the file. */
  readonly column: number;
  readonly message: string;
}

/** Catalog fields a column can be mapped to, in form order. */
export const CATALOG_FIELDS = [
  {
    key: 'title',
    label: 'Title',
    required: true,
    synonyms: ['title', 'name', 'course', 'course title', 'course name', 'item', 'content title'],
  },
  {
    key: 'provider',
    label: 'Provider',
    required: false,
    synonyms: ['provider', 'vendor', 'platform', 'publisher', 'partner', 'source', 'author'],
  },
  {
    key: 'kind',
    label: 'Kind',
    required: false,
    synonyms: ['kind', 'type', 'format', 'content type', 'item type'],
  },
  {
    key: 'skills',
    label: 'Skills',
    required: false,
    synonyms: ['skills', 'skill', 'skills taught', 'topics', 'competencies', 'tags'],
  },
  {
    key: 'level',
    label: 'Level',
    required: false,
    synonyms: ['level', 'difficulty', 'difficulty level'],
  },
  {
    key: 'hours',
    label: 'Hours',
    required: false,
    synonyms: ['hours', 'duration', 'duration hours', 'length', 'effort', 'estimated hours'],
  },
  {
    key: 'languages',
    label: 'Languages',
    required: false,
    synonyms: ['languages', 'language', 'lang'],
  },
  {
    key: 'costPerLearner',
    label: 'Cost per learner',
    required: false,
    synonyms: ['cost per learner', 'cost', 'price', 'price per learner', 'fee', 'licence cost'],
  },
  {
    key: 'url',
    label: 'URL',
    required: false,
    synonyms: ['url', 'link', 'web address', 'website'],
  },
  {
    key: 'notes',
    label: 'Notes',
    required: false,
    synonyms: ['notes', 'note', 'description', 'comments', 'comment', 'summary'],
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
}

/** The outcome of checking every row under a mapping. */
export interface ImportPreview {
  /** Problems with the mapping itself (e.g. no Title column); nothing can be imported. */
  readonly mappingErrors: readonly string[];
  /** Rows that will be imported, with their row numbers, ids not yet assigned. */
  readonly ready: readonly { readonly row: number; readonly item: Omit<ContentItem, 'id'> }[];
  /** Rows that will not be imported, each with every reason. */
  readonly failed: readonly { readonly row: number; readonly issues: readonly RowIssue[] }[];
  /** Blank rows passed over silently. */
  readonly blankRows: number;
}

/** Most rows a catalog import accepts (a catalog is hundreds, not millions). */
export const MAX_IMPORT_ROWS = 50_000;

const KIND_SYNONYMS: Record<string, ContentItem['kind']> = {
  course: 'course',
  courses: 'course',
  mooc: 'course',
  class: 'course',
  elearning: 'course',
  onlinecourse: 'course',
  professionalcertificate: 'professionalCertificate',
  profcert: 'professionalCertificate',
  certificate: 'professionalCertificate',
  certification: 'professionalCertificate',
  cert: 'professionalCertificate',
  skillset: 'skillSet',
  skillsset: 'skillSet',
  guidedproject: 'guidedProject',
  project: 'guidedProject',
  lab: 'guidedProject',
  handsonproject: 'guidedProject',
  clip: 'clip',
  video: 'clip',
  shortvideo: 'clip',
  microlearning: 'clip',
  inhousemodule: 'inHouseModule',
  inhouse: 'inHouseModule',
  internal: 'inHouseModule',
  internalmodule: 'inHouseModule',
  ownmodule: 'inHouseModule',
};

const LEVEL_SYNONYMS: Record<string, ContentItem['level']> = {
  beginner: 'beginner',
  basic: 'beginner',
  introductory: 'beginner',
  intro: 'beginner',
  entry: 'beginner',
  entrylevel: 'beginner',
  foundation: 'beginner',
  foundational: 'beginner',
  novice: 'beginner',
  '1': 'beginner',
  level1: 'beginner',
  intermediate: 'intermediate',
  medium: 'intermediate',
  mid: 'intermediate',
  '2': 'intermediate',
  level2: 'intermediate',
  advanced: 'advanced',
  expert: 'advanced',
  '3': 'advanced',
  level3: 'advanced',
};

const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const headerWords = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Guesses which column holds which field from the header names. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const normalised = headers.map(headerWords);
  const used = new Set<number>();
  const mapping = {} as ColumnMapping;
  // Exact synonym matches first, then headers that start with a synonym
  // ("Duration (hours)" → "duration hours"), each column used at most once.
  for (const pass of ['exact', 'prefix'] as const) {
    for (const field of CATALOG_FIELDS) {
      if (mapping[field.key] !== undefined && mapping[field.key] !== null) continue;
      let found: number | null = null;
      for (const synonym of field.synonyms) {
        const index = normalised.findIndex(
          (h, i) =>
            !used.has(i) && (pass === 'exact' ? h === synonym : h.startsWith(`${synonym} `)),
        );
        if (index >= 0) {
          found = index;
          break;
        }
      }
      mapping[field.key] = found;
      if (found !== null) used.add(found);
    }
  }
  return mapping;
}

/** Kind from free text ("Professional certificate", "video"), or null if unknown. */
export function parseKind(text: string): ContentItem['kind'] | null {
  return KIND_SYNONYMS[compact(text)] ?? null;
}

/** Level from free text ("Basic", "Level 2"), or null if unknown. */
export function parseLevel(text: string): ContentItem['level'] | null {
  return LEVEL_SYNONYMS[compact(text)] ?? null;
}

/**
 * Hours from what people type: "12", "12.5", "12,5", "1,200", "12 h",
 * "3 hours", "1:30". A comma followed by exactly three digits is a thousands
 * separator; any other comma is a decimal comma.
 */
export function parseHours(text: string): number | 'invalid' {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\s*(hours?|hrs?|h)\.?$/, '');
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) + Number(clock[2]) / 60;
  return parseDecimal(t);
}

/** Cost from "EUR 95", "€95", "95.00", "1.200,50", "free", "included". */
export function parseCost(text: string): number | 'invalid' {
  const t = text.trim().toLowerCase();
  if (['free', 'included', 'none', 'no cost', '-', '—'].includes(t)) return 0;
  const stripped = t
    .replace(/^(eur|usd|gbp|chf|€|\$|£)\s*/, '')
    .replace(/\s*(eur|usd|gbp|chf|€|\$|£)$/, '');
  return parseDecimal(stripped);
}

function parseDecimal(text: string): number | 'invalid' {
  let t = text.replace(/[\s\u00a0']/g, '');
  if (t === '') return 'invalid';
  if (t.includes('.') && t.includes(',')) {
    // "1.200,50" (continental) or "1,200.50" (English): the later mark is the decimal one.
    t =
      t.lastIndexOf(',') > t.lastIndexOf('.')
        ? t.replace(/\./g, '').replace(',', '.')
        : t.replace(/,/g, '');
  } else if (/^\d{1,3}(,\d{3})+$/.test(t)) {
    t = t.replace(/,/g, '');
  } else {
    t = t.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return 'invalid';
  const n = Number(t);
  return Number.isFinite(n) ? n : 'invalid';
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
const KIND_NAMES =
  'course, professional certificate, skill set, guided project, clip, in-house module';

/**
 * Checks every row under a mapping. Rows that duplicate an earlier row to be
 * imported, or an item already in the catalog (same title, provider and
 * kind), fail with a reason that says so; so do rows with a cell the reader
 * could not read (`table.cellIssues`) in a mapped column.
 * `onProgress` hears how many rows were checked, now and then.
 */
export function previewImport(
  table: RawTable,
  mapping: ColumnMapping,
  existing: readonly Pick<ContentItem, 'title' | 'provider' | 'kind'>[] = [],
  onProgress?: (rowsChecked: number) => void,
): ImportPreview {
  const mappingErrors: string[] = [];
  if (mapping.title === null) mappingErrors.push('Choose the column that holds the Title.');
  const columns = new Map<number, string>();
  for (const field of CATALOG_FIELDS) {
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
  if (table.rows.length > MAX_IMPORT_ROWS)
    mappingErrors.push(
      `The file has ${table.rows.length.toLocaleString('en-GB')} rows; at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} can be imported at once.`,
    );
  if (mappingErrors.length) return { mappingErrors, ready: [], failed: [], blankRows: 0 };

  const identity = (title: string, provider: string, kind: ContentItem['kind']) =>
    `${catalogKey(title, provider)}\u0000${kind}`;
  const inCatalog = new Set(existing.map((e) => identity(e.title, e.provider, e.kind)));
  const firstRowOf = new Map<string, number>();
  const fieldOfColumn = new Map<number, CatalogFieldKey>();
  for (const field of CATALOG_FIELDS) {
    const col = mapping[field.key];
    if (col !== null) fieldOfColumn.set(col, field.key);
  }
  const cellIssuesOf = new Map<number, CellIssue[]>();
  for (const issue of table.cellIssues ?? []) {
    if (!fieldOfColumn.has(issue.column)) continue;
    const list = cellIssuesOf.get(issue.row) ?? [];
    list.push(issue);
    cellIssuesOf.set(issue.row, list);
  }
  const ready: { row: number; item: Omit<ContentItem, 'id'> }[] = [];
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
      const col = mapping[key];
      return col === null ? '' : (cells[col] ?? '').trim();
    };
    const issues: RowIssue[] = [];
    const issue = (field: CatalogFieldKey | null, message: string) =>
      issues.push({ row, field, message });
    for (const unread of cellIssuesOf.get(row) ?? []) {
      const field = fieldOfColumn.get(unread.column)!;
      issue(field, `${fieldLabel(field)} ${unread.message}`);
    }
    const tooLong = (key: CatalogFieldKey, label: string, value: string, max: number) => {
      if (value.length > max)
        issue(
          key,
          `${label} is ${value.length.toLocaleString('en-GB')} characters; at most ${max.toLocaleString('en-GB')}.`,
        );
    };

    const title = cell('title').replace(/\s+/g, ' ');
    if (!title) issue('title', 'Title is empty.');
    tooLong('title', 'Title', title, LIMITS.short);
    const provider = cell('provider').replace(/\s+/g, ' ');
    tooLong('provider', 'Provider', provider, LIMITS.short);

    let kind: ContentItem['kind'] = 'course';
    const kindText = cell('kind');
    if (kindText) {
      const parsed = parseKind(kindText);
      if (parsed) kind = parsed;
      else issue('kind', `Kind “${clip(kindText)}” is not one of: ${KIND_NAMES}.`);
    }

    let level: ContentItem['level'] = 'beginner';
    const levelText = cell('level');
    if (levelText) {
      const parsed = parseLevel(levelText);
      if (parsed) level = parsed;
      else issue('level', `Level “${clip(levelText)}” is not beginner, intermediate or advanced.`);
    }

    let hours: number | null = null;
    const hoursText = cell('hours');
    if (hoursText) {
      const parsed = parseHours(hoursText);
      if (parsed === 'invalid') issue('hours', `Hours “${clip(hoursText)}” is not a number.`);
      else if (parsed < 0 || parsed > 10_000)
        issue('hours', `Hours must be from 0 to 10,000, not ${hoursText}.`);
      else hours = Math.round(parsed * 100) / 100;
    }

    let costPerLearner: number | null = null;
    const costText = cell('costPerLearner');
    if (costText) {
      const parsed = parseCost(costText);
      if (parsed === 'invalid')
        issue('costPerLearner', `Cost per learner “${clip(costText)}” is not an amount.`);
      else if (parsed < 0 || parsed > 1e9)
        issue('costPerLearner', `Cost per learner must be from 0 to 1,000,000,000.`);
      else costPerLearner = Math.round(parsed * 100) / 100;
    }

    const skills = splitList(cell('skills'));
    const languages = splitList(cell('languages'));
    for (const s of skills) tooLong('skills', 'A skill', s, LIMITS.short);
    for (const l of languages) tooLong('languages', 'A language', l, LIMITS.short);

    let url = cell('url');
    if (url) {
      if (/^www\./i.test(url)) url = `https://${url}`;
      if (!/^https?:\/\/\S+$/i.test(url))
        issue('url', `URL “${clip(url)}” must start with http:// or https://.`);
      tooLong('url', 'URL', url, LIMITS.url);
    }
    const notes = cell('notes');
    tooLong('notes', 'Notes', notes, LIMITS.long);

    // Duplicates are told only among rows that will be imported: a row left
    // out for another reason is no original, and a different kind is a
    // different item (the course and the certificate of the same name).
    if (title && issues.length === 0) {
      const key = identity(title, provider, kind);
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined)
        issue(null, `Duplicate of row ${earlier} (same title, provider and kind).`);
      else if (inCatalog.has(key))
        issue(null, 'Already in the catalog (same title, provider and kind).');
      else firstRowOf.set(key, row);
    }

    if (issues.length) failed.push({ row, issues });
    else
      ready.push({
        row,
        item: {
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
        },
      });
  });
  return { mappingErrors, ready, failed, blankRows };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Label of a catalog field. */
export function fieldLabel(key: CatalogFieldKey | null): string {
  return key === null ? 'Row' : (CATALOG_FIELDS.find((f) => f.key === key)?.label ?? key);
}
