/**
 * Catalog import, after the file is read: the user maps their columns to the
 * catalog's fields, each row is checked, and every problem names the row
 * (as the spreadsheet numbers it) and the field. Nothing here touches the
 * plan; the caller applies `items` only when the user confirms.
 */
import type { ContentItem } from '../plan/schema';
import { csvCell } from '../export/sanitize';
import { parseDecimalText } from '../numbers';
import { cutText, textLength } from '../text-length';
import { skillKey } from './pathways';
import {
  extraNotes,
  kindOf,
  languageOf,
  levelOf,
  suggestKind,
  suggestLevel,
  urlKey,
  type ImportChoices,
} from './import-values';

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
}

/** Most rows a catalog import accepts (a catalog is hundreds, not millions). */
export const MAX_IMPORT_ROWS = 50_000;

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
  return suggestKind(text);
}

/** Level from free text ("Basic", "Level 2", "Beginner Level"), or null if unknown. */
export function parseLevel(text: string): ContentItem['level'] | null {
  return suggestLevel(text);
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
  return parseDecimalText(t) ?? 'invalid';
}

/** Cost from "EUR 95", "€95", "95.00", "1.200,50", "free", "included". */
export function parseCost(text: string): number | 'invalid' {
  const t = text.trim().toLowerCase();
  if (['free', 'included', 'none', 'no cost', '-', '—'].includes(t)) return 0;
  const stripped = t
    .replace(/^(eur|usd|gbp|chf|€|\$|£)\s*/, '')
    .replace(/\s*(eur|usd|gbp|chf|€|\$|£)$/, '');
  return parseDecimalText(stripped) ?? 'invalid';
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
 * Checks every row under a mapping and the user's choices. Rows that
 * duplicate an earlier row to be imported fail with a reason that says so;
 * so do rows with a cell the reader could not read (`table.cellIssues`) in
 * a mapped column, and rows whose Kind or Level value is matched to none of
 * ours (nothing is defaulted silently). A row that matches an item already
 * in the catalog (same URL, else same title, provider and kind) updates it
 * (or leaves it unchanged) instead of adding a copy.
 * `onProgress` hears how many rows were checked, now and then.
 */
export function previewImport(
  table: RawTable,
  mapping: ColumnMapping,
  existing: readonly ContentItem[] = [],
  onProgress?: (rowsChecked: number) => void,
  choices: ImportChoices = {},
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
  // Nothing unmapped is defaulted: without a Kind or Level column the user says what every row is.
  if (mapping.kind === null && !choices.kindForAll)
    mappingErrors.push('Choose the column that holds the Kind, or the kind of every row.');
  if (mapping.level === null && !choices.levelForAll)
    mappingErrors.push('Choose the column that holds the Level, or the level of every row.');
  if (table.rows.length > MAX_IMPORT_ROWS)
    mappingErrors.push(
      `The file has ${table.rows.length.toLocaleString('en-GB')} rows; at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} can be imported at once.`,
    );
  if (mappingErrors.length)
    return { mappingErrors, ready: [], updates: [], unchanged: [], failed: [], blankRows: 0 };

  const identity = (title: string, provider: string, kind: ContentItem['kind']) =>
    `${catalogKey(title, provider)}\u0000${kind}`;
  const byIdentity = new Map<string, ContentItem>();
  const byUrl = new Map<string, ContentItem>();
  for (const item of existing) {
    const key = identity(item.title, item.provider, item.kind);
    if (!byIdentity.has(key)) byIdentity.set(key, item);
    if (item.url && !byUrl.has(urlKey(item.url))) byUrl.set(urlKey(item.url), item);
  }
  const matchedBy = new Map<string, number>();
  const firstRowOf = new Map<string, number>();
  const fieldOfColumn = new Map<number, CatalogFieldKey>();
  for (const field of CATALOG_FIELDS) {
    const col = mapping[field.key];
    if (col !== null) fieldOfColumn.set(col, field.key);
  }
  const keep = (choices.keepInNotes ?? []).filter(
    (c) => c >= 0 && c < table.headers.length && !fieldOfColumn.has(c),
  );
  // The fields the file supplies: an update changes only these.
  const supplied = new Set<CatalogFieldKey>(
    CATALOG_FIELDS.filter((f) => mapping[f.key] !== null).map((f) => f.key),
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
      const length = textLength(value);
      if (length > max)
        issue(
          key,
          `${label} is ${length.toLocaleString('en-GB')} characters; at most ${max.toLocaleString('en-GB')}.`,
        );
    };

    const title = cell('title').replace(/\s+/g, ' ');
    if (!title) issue('title', 'Title is empty.');
    tooLong('title', 'Title', title, LIMITS.short);
    const provider = cell('provider').replace(/\s+/g, ' ');
    tooLong('provider', 'Provider', provider, LIMITS.short);

    // An empty Kind or Level cell is no value to match: the user's choice for
    // every row applies when there is one, else the row waits for one.
    let kind: ContentItem['kind'] = choices.kindForAll ?? 'course';
    const kindText = cell('kind');
    if (kindText) {
      const parsed = kindOf(kindText, choices.values);
      if (parsed) kind = parsed;
      else issue('kind', `Kind “${clip(kindText)}” is not one of: ${KIND_NAMES}.`);
    } else if (mapping.kind !== null && !choices.kindForAll)
      issue('kind', 'Kind is empty; choose the kind of rows without one.');

    let level: ContentItem['level'] = choices.levelForAll ?? 'beginner';
    const levelText = cell('level');
    if (levelText) {
      const parsed = levelOf(levelText, choices.values);
      if (parsed) level = parsed;
      else issue('level', `Level “${clip(levelText)}” is not beginner, intermediate or advanced.`);
    } else if (mapping.level !== null && !choices.levelForAll)
      issue('level', 'Level is empty; choose the level of rows without one.');

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
    const languages = unique(
      splitList(cell('languages'))
        .map((l) => languageOf(l, choices.values))
        .filter((l) => l !== ''),
    );
    for (const s of skills) tooLong('skills', 'A skill', s, LIMITS.short);
    for (const l of languages) tooLong('languages', 'A language', l, LIMITS.short);

    let url = cell('url');
    if (url) {
      if (/^www\./i.test(url)) url = `https://${url}`;
      if (!/^https?:\/\/\S+$/i.test(url))
        issue('url', `URL “${clip(url)}” must start with http:// or https://.`);
      tooLong('url', 'URL', url, LIMITS.url);
    }
    const extra = keep.length ? extraNotes(table.headers, cells, keep) : '';
    const mappedNotes = cell('notes');
    const notes = mappedNotes && extra ? `${mappedNotes}\n${extra}` : mappedNotes || extra;
    tooLong('notes', 'Notes', notes, LIMITS.long);

    // Duplicates are told only among rows that will be imported: a row left
    // out for another reason is no original, and a different kind is a
    // different item (the course and the certificate of the same name).
    let match: ContentItem | undefined;
    if (title && issues.length === 0) {
      const key = identity(title, provider, kind);
      const earlier = firstRowOf.get(key);
      match = (url ? byUrl.get(urlKey(url)) : undefined) ?? byIdentity.get(key);
      const sameItemRow = match ? matchedBy.get(match.id) : undefined;
      if (earlier !== undefined)
        issue(null, `Duplicate of row ${earlier} (same title, provider and kind).`);
      else if (sameItemRow !== undefined)
        issue(null, `Matches the same catalog item as row ${sameItemRow}.`);
      else {
        firstRowOf.set(key, row);
        if (match) matchedBy.set(match.id, row);
      }
    }

    if (issues.length) {
      failed.push({ row, issues });
      return;
    }
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
    if (!match) {
      ready.push({ row, item });
      return;
    }
    const patch: Partial<Omit<ContentItem, 'id'>> = {};
    for (const key of Object.keys(item) as (keyof typeof item)[]) {
      if (key !== 'title' && !supplied.has(key)) continue;
      if (!sameValue(item[key], match[key])) (patch as Record<string, unknown>)[key] = item[key];
    }
    if (Object.keys(patch).length === 0) unchanged.push({ row, id: match.id });
    else updates.push({ row, id: match.id, title: match.title, patch });
  });
  return { mappingErrors, ready, updates, unchanged, failed, blankRows };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
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
 * reason (the column is not mapped on the way back in).
 */
export function failedRowsCsv(
  table: RawTable,
  // Any import's failed rows (catalog or stakeholder list): only the messages are written.
  preview: {
    readonly failed: readonly {
      readonly row: number;
      readonly issues: readonly { readonly message: string }[];
    }[];
  },
): string {
  const indexOf = new Map<number, number>();
  table.rowNumbers.forEach((row, i) => indexOf.set(row, i));
  const width = table.headers.length;
  const line = (cells: readonly string[]) => cells.map((c) => csvCell(c)).join(',');
  const lines = [line([...table.headers, 'Reason'])];
  for (const { row, issues } of preview.failed) {
    const cells = table.rows[indexOf.get(row) ?? row - 2] ?? [];
    const padded = Array.from({ length: width }, (_, i) => cells[i] ?? '');
    lines.push(line([...padded, `Row ${row}: ${issues.map((i) => i.message).join(' ')}`]));
  }
  // Excel reads UTF-8 with its mark; Windows line ends as Excel writes them.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function clip(text: string): string {
  return text.length > 40 ? `${cutText(text, 39)}…` : text;
}

/** Label of a catalog field. */
export function fieldLabel(key: CatalogFieldKey | null): string {
  return key === null ? 'Row' : (CATALOG_FIELDS.find((f) => f.key === key)?.label ?? key);
}
