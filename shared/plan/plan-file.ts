/**
 * The portable plan file (`*.upskill.json`): one JSON document holding a whole
 * plan, versioned by `schemaVersion`. Reading it is the one place where
 * untrusted input enters the app, so every failure becomes a clear sentence
 * and nothing is returned that did not pass validation.
 */
import { describePlanIssue } from './describe-issue';
import { MAX_PLAN_FILE_BYTES } from '../ipc';
import {
  migratePlan,
  type MigrationFailure,
  type PlanMigration,
  PLAN_MIGRATIONS,
} from './migrations';
import { preserveUnknownFields } from './preserve-unknown';
import { repairPlan } from './repair';
import { Plan, PLAN_SCHEMA_VERSION } from './schema';
import { cutText, cutToLength } from '../text-length';

/** File name suffix of plan files. */
export const PLAN_FILE_SUFFIX = '.upskill.json';

/**
 * How deeply a plan file's JSON may nest. A real plan nests about six levels
 * (plan → content → decisions → decision → ratings → rater); the limit leaves
 * ample room for fields from newer versions while stopping documents that
 * would overflow the stack of the code that copies or saves them.
 */
export const MAX_PLAN_DEPTH = 100;

/** Outcome of reading a plan file. */
export type PlanFileResult =
  | {
      ok: true;
      plan: Plan;
      migratedFrom: number | null;
      /** What was repaired while reading (e.g. a duplicate id renamed), one sentence each. */
      repairs: string[];
    }
  | { ok: false; message: string; details: string[] };

/** The decoded text of a plan file, or why its bytes are not UTF-8 text. */
export type DecodedPlanFile =
  | { ok: true; text: string }
  | { ok: false; message: string; offset: number; line: number; column: number };

/** UTF-8 size of a string, without allocating a copy of it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence
 * (the WHATWG decoder's rules: no overlongs, no surrogates, nothing above
 * U+10FFFF, no truncated sequence at the end), or -1 when all are valid.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) needed = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      needed = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      needed = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= needed; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < low || next > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += needed + 1;
  }
  return -1;
}

/**
 * Decodes the bytes of a plan file as strict UTF-8, the one rule for the
 * desktop and the browser: a file with a byte that is not UTF-8 is refused
 * with the line and column where it is, never opened with replacement
 * characters (U+FFFD) in place of the planner's words. A leading byte-order
 * mark is dropped. `fileName` names the file in the message.
 */
export function decodePlanFileBytes(bytes: Uint8Array, fileName?: string): DecodedPlanFile {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Fall through: find where, to say so.
  }
  const found = firstInvalidUtf8Offset(bytes);
  const offset = found === -1 ? 0 : found;
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Everything before `offset` is valid, so it decodes; columns count characters.
  // ignoreBOM keeps a U+FEFF that starts a later line; only the file's own BOM is skipped.
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    bytes.subarray(lineStart, offset),
  );
  const skipBom = lineStart === 0 && before.charCodeAt(0) === 0xfeff;
  const column = Array.from(skipBom ? before.slice(1) : before).length + 1;
  const subject = fileName ?? 'This file';
  return {
    ok: false,
    message: `${subject} is not a UTF-8 text file: the bytes at line ${line}, column ${column} (byte offset ${offset}) are not valid UTF-8. Save it as UTF-8 text and open it again.`,
    offset,
    line,
    column,
  };
}

/** "23.4 MB" style size for messages (`decimals` after the point, 1 by default). */
export function formatMegabytes(bytes: number, decimals = 1): string {
  return `${(bytes / (1024 * 1024)).toFixed(decimals)} MB`;
}

/**
 * A size and the limit it passes, with enough decimals that they read
 * differently: "20.04 MB" against "20.00 MB", never "20.0 MB" against
 * "20.0 MB"; down to bytes when megabytes cannot tell them apart.
 */
export function formatSizeOverLimit(bytes: number, limit: number): [string, string] {
  for (let decimals = 1; decimals <= 3; decimals++) {
    const size = formatMegabytes(bytes, decimals);
    const max = formatMegabytes(limit, decimals);
    if (size !== max) return [size, max];
  }
  const exact = (n: number) => `${n.toLocaleString('en-GB')} bytes`;
  return [exact(bytes), exact(limit)];
}

function fail(message: string, details: string[] = []): PlanFileResult {
  return { ok: false, message, details };
}

/** The message for a nesting deeper than {@link MAX_PLAN_DEPTH}. */
const TOO_DEEP = `This file is nested too deeply to be a plan (more than ${MAX_PLAN_DEPTH} levels).`;

/**
 * True when parsed JSON nests deeper than `limit` objects and arrays. An
 * explicit stack, not recursion: the point is to survive what recursion
 * cannot. A cyclic object (never from JSON) counts as too deep.
 */
export function nestsDeeperThan(root: unknown, limit: number): boolean {
  if (typeof root !== 'object' || root === null) return false;
  const values: object[] = [root];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/**
 * True when JSON text opens more than `limit` nested objects and arrays.
 * Checked before JSON.parse, which would otherwise spend seconds building a
 * 20 MB tower of arrays only for it to be refused.
 */
function textNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** How a sentence shows a `schemaVersion` value that is not a version number. */
function describeVersionValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${cutText(value, 39)}…` : value;
    return `"${shown}" (text)`;
  }
  if (value === null) return 'empty (null)';
  if (typeof value === 'boolean') return `${value} (yes/no)`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

function badVersionMessage(value: unknown): string {
  const shown = describeVersionValue(value);
  const why =
    typeof value === 'number' && Number.isInteger(value)
      ? `${shown}, a negative number; plan formats count up from 1`
      : `${shown}, not a whole number`;
  return `This file cannot be opened as a plan: its schemaVersion is ${why}. Plan files from this version of Upskill Workbench have "schemaVersion": ${PLAN_SCHEMA_VERSION}.`;
}

/** The refusal for a plan that could not be migrated, or null when it could. */
function migrationMessage(failure: MigrationFailure): { message: string; details: string[] } {
  switch (failure.kind) {
    case 'noVersion':
      return {
        message: 'This file is not an Upskill Workbench plan: it has no "schemaVersion".',
        details: [],
      };
    case 'badVersion':
      return { message: badVersionMessage(failure.value), details: [] };
    case 'newer':
      return {
        message: `This plan was saved by a newer version of Upskill Workbench (plan format ${failure.version}; this version reads up to ${PLAN_SCHEMA_VERSION}). Update the app to open it.`,
        details: [],
      };
    case 'unknownVersion':
      return {
        message: `This plan uses an unknown plan format version (${failure.version}).`,
        details: [],
      };
    case 'stepFailed':
      return {
        message: `This plan could not be upgraded from plan format ${failure.version}: ${failure.reason.replace(/[.\s]+$/, '')}.`,
        details: [
          `The upgrade step "${failure.step}" (plan format ${failure.version} to ${failure.version + 1}) failed. Nothing was changed.`,
        ],
      };
  }
}

/**
 * Validates and migrates an already-parsed plan document (from a file, the
 * database, or a backup). Unknown fields are kept; duplicate ids are repaired
 * and listed in `repairs`. Never throws: every problem is a message.
 */
export function readPlanDocument(
  raw: unknown,
  migrations: readonly PlanMigration[] = PLAN_MIGRATIONS,
): PlanFileResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('This file is not an Upskill Workbench plan: it holds no plan object.');
  }
  if (nestsDeeperThan(raw, MAX_PLAN_DEPTH)) return fail(TOO_DEEP);
  return readCheckedDocument(raw as Record<string, unknown>, migrations);
}

/** readPlanDocument for an object already known to nest within the limit. */
function readCheckedDocument(
  raw: Record<string, unknown>,
  migrations: readonly PlanMigration[],
): PlanFileResult {
  try {
    const migrated = migratePlan(raw, migrations);
    if (!migrated.ok) {
      const { message, details } = migrationMessage(migrated.failure);
      return fail(message, details);
    }
    const parsed = Plan.safeParse(migrated.plan);
    if (!parsed.success) {
      const issues = parsed.error.issues;
      const details = issues.slice(0, 8).map((issue) => describePlanIssue(issue, migrated.plan));
      if (issues.length > details.length)
        details.push(`…and ${issues.length - details.length} more`);
      return fail(
        `This plan file has ${issues.length === 1 ? 'a field' : `${issues.length} fields`} that cannot be read.`,
        details,
      );
    }
    const from = migrated.from === PLAN_SCHEMA_VERSION ? null : migrated.from;
    const { plan, repairs } = repairPlan(preserveUnknownFields(migrated.plan, parsed.data));
    return { ok: true, plan, migratedFrom: from, repairs };
  } catch (error) {
    // Nothing above is expected to throw; if something does, the file is
    // still refused in words rather than left to fail somewhere unseen.
    const reason = error instanceof Error ? error.message : String(error);
    return fail('This plan file could not be read.', [reason]);
  }
}

/** Reads the text of a plan file: size check, JSON, version, migration, validation. */
export function readPlanFile(
  text: string,
  options: { maxBytes?: number; migrations?: readonly PlanMigration[] } = {},
): PlanFileResult {
  const maxBytes = options.maxBytes ?? MAX_PLAN_FILE_BYTES;
  // Cheap bound first: a UTF-8 byte is at most one UTF-16 unit, so a string
  // over the limit in units is certainly too big.
  const bytes = text.length > maxBytes ? text.length : utf8ByteLength(text);
  if (bytes > maxBytes) {
    return fail(
      `This file is ${formatSizeOverLimit(bytes, maxBytes).join('; plan files can be at most ')}.`,
    );
  }
  if (text.trim() === '') return fail('This file is empty.');
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (textNestsDeeperThan(json, MAX_PLAN_DEPTH)) return fail(TOO_DEEP);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('This file is not a plan file: it is not valid JSON.', [reason]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('This file is not an Upskill Workbench plan: it holds no plan object.');
  }
  // The text scan above already bounds the parsed depth.
  return readCheckedDocument(raw as Record<string, unknown>, options.migrations ?? PLAN_MIGRATIONS);
}

/** The text of a plan file for a plan (stable, human-diffable JSON). */
export function writePlanFile(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/**
 * The text of a plan file that the app can open again: indented when that
 * fits in `maxBytes` (20 MB), else compact (a very large plan — tens of
 * thousands of catalog items — is mostly indentation). `ok: false` with the
 * compact size in bytes when even that is too big.
 */
export function writeOpenablePlanFile(
  plan: Plan,
  maxBytes = MAX_PLAN_FILE_BYTES,
): { ok: true; text: string } | { ok: false; bytes: number } {
  const pretty = writePlanFile(plan);
  if (utf8ByteLength(pretty) <= maxBytes) return { ok: true, text: pretty };
  const compact = `${JSON.stringify(plan)}\n`;
  const bytes = utf8ByteLength(compact);
  return bytes <= maxBytes ? { ok: true, text: compact } : { ok: false, bytes };
}

/**
 * A file-name stem safe on every platform: no folders, no control characters
 * or characters Windows forbids, no leading dot (hidden on Unix) or trailing
 * dot/space (dropped by Windows), at most `maxLength` characters. May be ''.
 */
export function safeFileStem(name: string, maxLength = 120): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut between whole characters: half a flag is a stray letter in a file name.
  return cutToLength(cleaned.replace(/^[. ]+/, ''), maxLength).replace(/[. ]+$/, '');
}

/** True for names Windows reserves for devices (CON, NUL, COM1…), with or without an extension. */
export function isReservedFileName(stem: string): boolean {
  return /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i.test(stem);
}

/**
 * A safe file name for a plan ("Lower Valley: 2027" → "Lower Valley
 * 2027.upskill.json"); `untitled` when nothing usable is left of the name
 * (the app passes it in the plan's document language; English by default).
 */
export function planFileName(name: string, untitled = 'Untitled plan'): string {
  const stem = safeFileStem(name);
  const base =
    stem === '' || isReservedFileName(stem) ? safeFileStem(untitled) || 'Untitled plan' : stem;
  return `${base}${PLAN_FILE_SUFFIX}`;
}
