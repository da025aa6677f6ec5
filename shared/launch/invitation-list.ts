/**
 * The invitation list (issue 13): the people to invite, read from the
 * source spreadsheet with the catalog import's reader (sheet, heading row,
 * column mapping), checked (a name and a valid e-mail per row), with
 * duplicate e-mails removed (case and surrounding spaces ignored), each
 * person's segment matched to a plan segment by value mapping, then assigned
 * to waves and written as bulk-invite CSV files.
 *
 * Personal data: the list is never part of the plan. It lives only in the
 * local database (renderer/src/db/invitation-list.ts); only counts reach the
 * plan's screens and exports.
 */
import type { CellIssue, RawTable } from '../content/catalog-import';
import { guessColumns } from '../content/column-guess';
import { valueKey } from '../content/import-values';
import { csvCell } from '../export/sanitize';
import { apportion } from './invitations';
import { inviteLayout, type Invitee } from './invite-layouts';

/** Fields a column can be mapped to, in form order. */
export const INVITATION_FIELDS = [
  {
    key: 'firstName',
    label: 'First name',
    required: false,
    synonyms: ['first name', 'firstname', 'given name', 'forename', 'first', 'prenom', 'vorname'],
  },
  {
    key: 'lastName',
    label: 'Last name',
    required: false,
    synonyms: ['last name', 'lastname', 'surname', 'family name', 'last', 'nom', 'nachname'],
  },
  {
    key: 'fullName',
    label: 'Full name',
    required: false,
    synonyms: [
      'name',
      'full name',
      'fullname',
      'learner',
      'learner name',
      'participant',
      'display name',
    ],
  },
  {
    key: 'email',
    label: 'E-mail',
    required: true,
    synonyms: [
      'email',
      'e mail',
      'email address',
      'e mail address',
      'mail',
      'work email',
      'courriel',
      'correo',
    ],
  },
  {
    key: 'segment',
    label: 'Segment',
    required: false,
    synonyms: ['segment', 'learner segment', 'group', 'cohort', 'audience', 'category', 'type'],
  },
] as const;

/** A field of the invitation list. */
export type InvitationFieldKey = (typeof INVITATION_FIELDS)[number]['key'];
/** Field → column index, or null. */
export type InvitationColumnMapping = Record<InvitationFieldKey, number | null>;

/** What the user decides after the column mapping. */
export interface InvitationImportChoices {
  /** Segment value key (`valueKey`) → plan segment id, or '' for no segment. */
  readonly segments?: Readonly<Record<string, string>>;
  /** The segment of rows without one (no column, or an empty cell); '' or absent: none. */
  readonly segmentForAll?: string;
}

/** A plan segment the values can be matched to. */
export interface SegmentOption {
  readonly id: string;
  readonly name: string;
}

/** One distinct value of the segment column. */
export interface SegmentValue {
  readonly text: string;
  readonly key: string;
  readonly rows: number;
  /** The plan segment its name suggests, or null. */
  readonly suggested: string | null;
}

/** A person to invite, as stored (no id: the store numbers them in file order). */
export interface InvitationRow {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  /** Plan segment id, or null. */
  readonly segmentId: string | null;
}

/**
 * People as stored: a JSON array of `[first, last, e-mail, segment id or
 * null]` per person. The local database keeps a list as a few such texts
 * rather than a record per person, so storing and reading 50,000 people are
 * a few dozen requests, and the page never builds objects it only passes on.
 */
export function encodeInvitees(rows: readonly InvitationRow[]): string {
  return JSON.stringify(rows.map((r) => [r.firstName, r.lastName, r.email, r.segmentId]));
}

/** People from `encodeInvitees`'s text. */
export function decodeInvitees(text: string): InvitationRow[] {
  const list = JSON.parse(text) as [string, string, string, string | null][];
  return list.map(([firstName, lastName, email, segmentId]) => ({
    firstName,
    lastName,
    email,
    segmentId,
  }));
}

/**
 * What is wrong with a row, for the UI to say in its language (`message` is
 * the English; a cell's reading problem has none: its message is the reader's).
 */
export type InvitationRowProblem =
  | { readonly kind: 'noName' }
  | { readonly kind: 'noEmail' }
  | { readonly kind: 'badEmail'; readonly email: string }
  | { readonly kind: 'duplicate'; readonly first: number };

/** The mapping errors, by code, with their English (the UI says them in its language). */
export const INVITATION_MAPPING_ERRORS = {
  noEmailColumn: 'Choose the column that holds the e-mail addresses.',
  noNameColumn: 'Choose the column with the names (first and last, or full name).',
  columnTwice: 'A column is chosen for two fields: choose each column once.',
} as const;

/** A problem with a row. */
export interface InvitationRowIssue {
  readonly row: number;
  readonly field: InvitationFieldKey | null;
  readonly message: string;
  readonly problem?: InvitationRowProblem;
  /** The row repeats the e-mail of an earlier one (nothing to fix). */
  readonly duplicateOf?: number;
}

/** The checked list. */
export interface InvitationImportPreview {
  readonly mappingErrors: string[];
  readonly ready: InvitationRow[];
  /** Spreadsheet row number of each ready row. */
  readonly readyRows: number[];
  readonly failed: { row: number; issues: InvitationRowIssue[] }[];
  readonly blankRows: number;
  /** Rows left out because their e-mail was already in an earlier row. */
  readonly duplicates: number;
  /** Ready rows per segment id ('' for none). */
  readonly bySegment: Record<string, number>;
}

/** Most characters of an e-mail address (RFC 5321 path limit). */
const EMAIL_MAX = 254;
/**
 * A usable e-mail address: one @, a local part without spaces, and a domain
 * of dot-separated labels (letters, digits, hyphens; no hyphen at either
 * end) ending in a top-level domain of two or more letters. Stricter than
 * RFC 5322 (no quoted local parts, no IP literals), as invitation platforms are.
 */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\u00a0-\uffff-]+@(?:[A-Za-z0-9\u00a0-\uffff](?:[A-Za-z0-9\u00a0-\uffff-]*[A-Za-z0-9\u00a0-\uffff])?\.)+[A-Za-z\u00a0-\uffff]{2,}$/;

/** Whether `text` (trimmed) is a usable e-mail address. */
export function isValidEmail(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > EMAIL_MAX) return false;
  if (!EMAIL.test(t)) return false;
  const local = t.slice(0, t.lastIndexOf('@'));
  return (
    local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..')
  );
}

/** The key two rows share when they are the same person: the e-mail trimmed, in lower case. */
export function emailKey(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Adds the people of another source list to a list (issue 13: several
 * source spreadsheets make one list): `incoming` in its order, less everyone
 * whose e-mail (`emailKey`: trimmed, any case) is already listed — in
 * `listed`, which is extended with each person added, so a repeat within
 * `incoming` is left out too. Returns the people added, how many were left
 * out as already listed, and the added people per segment ('' for none).
 */
export function mergeInvitees(
  listed: Set<string>,
  incoming: readonly InvitationRow[],
): { added: InvitationRow[]; repeated: number; bySegment: Record<string, number> } {
  const added: InvitationRow[] = [];
  const bySegment: Record<string, number> = {};
  let repeated = 0;
  for (const person of incoming) {
    const key = emailKey(person.email);
    if (listed.has(key)) {
      repeated++;
      continue;
    }
    listed.add(key);
    added.push(person);
    const segment = person.segmentId ?? '';
    bySegment[segment] = (bySegment[segment] ?? 0) + 1;
  }
  return { added, repeated, bySegment };
}

/** Label of a field ('Row' for null). */
export function invitationFieldLabel(key: string | null): string {
  return key === null ? 'Row' : (INVITATION_FIELDS.find((f) => f.key === key)?.label ?? key);
}

/** The mapping guessed from the headings. */
export function guessInvitationMapping(headers: readonly string[]): InvitationColumnMapping {
  const mapping = guessColumns(INVITATION_FIELDS, headers, { passes: ['exact', 'prefix'] });
  // A file with first and last names has no need of a full-name guess ("Name" beside them).
  if (mapping.firstName !== null && mapping.lastName !== null) mapping.fullName = null;
  return mapping;
}

/** The plan segment a value names (its name, or a segment whose name starts with it), or null. */
export function suggestSegment(text: string, segments: readonly SegmentOption[]): string | null {
  const key = valueKey(text);
  if (!key) return null;
  const exact = segments.find((s) => valueKey(s.name) === key);
  if (exact) return exact.id;
  const partial = segments.filter(
    (s) => valueKey(s.name).includes(key) || key.includes(valueKey(s.name)),
  );
  return partial.length === 1 ? partial[0]!.id : null;
}

/** Most distinct segment values listed (a column with more is no segment column). */
export const MAX_SEGMENT_VALUES = 100;

/** The distinct values of the segment column, most rows first. */
export function segmentValues(
  table: RawTable,
  column: number | null,
  segments: readonly SegmentOption[],
): SegmentValue[] {
  if (column === null) return [];
  const byKey = new Map<string, { text: string; rows: number }>();
  for (const row of table.rows) {
    const text = (row[column] ?? '').trim();
    const key = valueKey(text);
    if (!key) continue;
    const seen = byKey.get(key);
    if (seen) seen.rows++;
    else byKey.set(key, { text, rows: 1 });
  }
  return [...byKey.entries()]
    .map(([key, { text, rows }]) => ({
      key,
      text,
      rows,
      suggested: suggestSegment(text, segments),
    }))
    .sort((a, b) => b.rows - a.rows || a.text.localeCompare(b.text))
    .slice(0, MAX_SEGMENT_VALUES);
}

/** First and last name from a full name: the last word is the last name ("Ada King Lovelace" → "Ada King" / "Lovelace"). */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const t = full.trim().replace(/\s+/g, ' ');
  const at = t.lastIndexOf(' ');
  return at < 0
    ? { firstName: t, lastName: '' }
    : { firstName: t.slice(0, at), lastName: t.slice(at + 1) };
}

/**
 * Checks every row: a name (first/last or full) and a valid e-mail, each
 * e-mail once (later rows with the same e-mail are left out and counted),
 * the segment matched by the user's value mapping (or its suggestion).
 */
export function previewInvitationImport(
  table: RawTable,
  mapping: InvitationColumnMapping,
  segments: readonly SegmentOption[],
  choices: InvitationImportChoices = {},
  onProgress?: (done: number) => void,
): InvitationImportPreview {
  const mappingErrors: string[] = [];
  if (mapping.email === null) mappingErrors.push(INVITATION_MAPPING_ERRORS.noEmailColumn);
  if (mapping.firstName === null && mapping.lastName === null && mapping.fullName === null)
    mappingErrors.push(INVITATION_MAPPING_ERRORS.noNameColumn);
  const used = Object.values(mapping).filter((c): c is number => c !== null);
  if (new Set(used).size !== used.length) mappingErrors.push(INVITATION_MAPPING_ERRORS.columnTwice);
  const empty: InvitationImportPreview = {
    mappingErrors,
    ready: [],
    readyRows: [],
    failed: [],
    blankRows: 0,
    duplicates: 0,
    bySegment: {},
  };
  if (mappingErrors.length) return empty;
  const known = new Set(segments.map((s) => s.id));
  const suggested = new Map<string, string | null>();
  const segmentOf = (text: string): string | null => {
    const key = valueKey(text);
    if (!key)
      return choices.segmentForAll && known.has(choices.segmentForAll)
        ? choices.segmentForAll
        : null;
    const chosen = choices.segments?.[key];
    if (chosen !== undefined) return chosen && known.has(chosen) ? chosen : null;
    if (!suggested.has(key)) suggested.set(key, suggestSegment(text, segments));
    return suggested.get(key)!;
  };
  const cellIssues = new Map<number, CellIssue[]>();
  const mappedColumns = new Set(used);
  for (const issue of table.cellIssues ?? []) {
    if (!mappedColumns.has(issue.column)) continue;
    const list = cellIssues.get(issue.row) ?? [];
    list.push(issue);
    cellIssues.set(issue.row, list);
  }
  const cell = (row: readonly string[], col: number | null) =>
    col === null ? '' : (row[col] ?? '').trim();
  const ready: InvitationRow[] = [];
  const readyRows: number[] = [];
  const failed: { row: number; issues: InvitationRowIssue[] }[] = [];
  const firstRowOf = new Map<string, number>();
  const bySegment: Record<string, number> = {};
  let blankRows = 0;
  let duplicates = 0;
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    if (onProgress && i % 5000 === 0 && i > 0) onProgress(i);
    const row = rows[i]!;
    const rowNumber = table.rowNumbers[i] ?? i + 2;
    if (row.every((c) => c.trim() === '')) {
      blankRows++;
      continue;
    }
    const issues: InvitationRowIssue[] = [];
    for (const c of cellIssues.get(rowNumber) ?? [])
      issues.push({ row: rowNumber, field: null, message: c.message });
    let firstName = cell(row, mapping.firstName);
    let lastName = cell(row, mapping.lastName);
    if (!firstName && !lastName) {
      const split = splitFullName(cell(row, mapping.fullName));
      firstName = split.firstName;
      lastName = split.lastName;
    }
    if (!firstName && !lastName)
      issues.push({
        row: rowNumber,
        field: mapping.fullName !== null ? 'fullName' : 'firstName',
        message: 'No name.',
        problem: { kind: 'noName' },
      });
    const email = cell(row, mapping.email);
    if (!email)
      issues.push({
        row: rowNumber,
        field: 'email',
        message: 'No e-mail address.',
        problem: { kind: 'noEmail' },
      });
    else if (!isValidEmail(email)) {
      const shown = email.length > 80 ? `${email.slice(0, 79)}…` : email;
      issues.push({
        row: rowNumber,
        field: 'email',
        message: `“${shown}” is not a valid e-mail address.`,
        problem: { kind: 'badEmail', email: shown },
      });
    }
    if (issues.length === 0) {
      const key = emailKey(email);
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        duplicates++;
        failed.push({
          row: rowNumber,
          issues: [
            {
              row: rowNumber,
              field: 'email',
              message: `Same e-mail address as row ${first}: left out.`,
              problem: { kind: 'duplicate', first },
              duplicateOf: first,
            },
          ],
        });
        continue;
      }
      firstRowOf.set(key, rowNumber);
      const segmentId = segmentOf(cell(row, mapping.segment));
      ready.push({ firstName, lastName, email, segmentId });
      readyRows.push(rowNumber);
      const k = segmentId ?? '';
      bySegment[k] = (bySegment[k] ?? 0) + 1;
    } else failed.push({ row: rowNumber, issues });
  }
  return { mappingErrors, ready, readyRows, failed, blankRows, duplicates, bySegment };
}

/** How people are put into waves. */
export type WaveAssignment =
  /** Each segment's people shared between the waves by the waves' shares, in file order. */
  | { readonly mode: 'shares' }
  /** Everyone of a segment in one wave (segment id, '' for no segment → wave id). */
  | { readonly mode: 'segment'; readonly waves: Readonly<Record<string, string>> };

/** A wave as the assignment needs it. */
export interface WaveShare {
  readonly id: string;
  readonly name: string;
  readonly share: number;
}

/**
 * How many people of each segment go to each wave: segment key ('' for
 * none) → count per wave (same order as `waves`), adding up to the
 * segment's count. By shares, each segment's people are apportioned (largest
 * remainders); by segment, a segment without a chosen wave goes to the first.
 */
export function waveCounts(
  bySegment: Readonly<Record<string, number>>,
  waves: readonly WaveShare[],
  assignment: WaveAssignment,
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  if (waves.length === 0) return out;
  for (const [segment, n] of Object.entries(bySegment)) {
    if (assignment.mode === 'shares') {
      out[segment] = apportion(
        n,
        waves.map((w) => w.share),
      );
    } else {
      const chosen = waves.findIndex((w) => w.id === assignment.waves[segment]);
      const at = chosen < 0 ? 0 : chosen;
      out[segment] = waves.map((_, j) => (j === at ? n : 0));
    }
  }
  return out;
}

/** People per wave (same order as `waves`). */
export function waveTotals(
  counts: Readonly<Record<string, readonly number[]>>,
  waves: number,
): number[] {
  const totals = Array.from({ length: waves }, () => 0);
  for (const row of Object.values(counts)) row.forEach((n, j) => (totals[j] = totals[j]! + n));
  return totals;
}

/**
 * Which wave each person of a list in file order goes to: the first people
 * of a segment fill its share of the first wave, the next its share of the
 * second, and so on. Call `next(segmentId)` once per row, in order.
 */
export function waveCursor(counts: Readonly<Record<string, readonly number[]>>) {
  const seen = new Map<string, { wave: number; left: number }>();
  return (segmentId: string | null): number => {
    const key = segmentId ?? '';
    const row = counts[key];
    if (!row) return -1;
    let state = seen.get(key);
    if (!state) {
      state = { wave: 0, left: row[0] ?? 0 };
      seen.set(key, state);
    }
    while (state.left <= 0 && state.wave < row.length - 1) {
      state.wave++;
      state.left = row[state.wave] ?? 0;
    }
    if (state.left <= 0) return -1;
    state.left--;
    return state.wave;
  };
}

/**
 * The start of a bulk-invite CSV in a layout: the UTF-8 mark and the heading
 * line (then `inviteCsvLines` for each batch of rows).
 */
export function inviteCsvHeader(layoutId: string): string {
  return `\ufeff${inviteLayout(layoutId)
    .columns.map((c) => csvCell(c.heading))
    .join(',')}\r\n`;
}

/** Rows of a bulk-invite CSV, each ending in CRLF. */
export function inviteCsvLines(layoutId: string, invitees: readonly Invitee[]): string {
  const layout = inviteLayout(layoutId);
  let out = '';
  for (const i of invitees)
    out += `${layout.columns.map((c) => csvCell(c.value(i))).join(',')}\r\n`;
  return out;
}
