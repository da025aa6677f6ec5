/**
 * The portable plan file (`*.upskill.json`): one JSON document holding a whole
 * plan, versioned by `schemaVersion`. Reading it is the one place where
 * untrusted input enters the app, so every failure becomes a clear sentence
 * and nothing is returned that did not pass validation.
 */
import type { z } from 'zod';
import { MAX_PLAN_FILE_BYTES } from '../ipc';
import { migratePlan, type PlanMigration, PLAN_MIGRATIONS } from './migrations';
import { preserveUnknownFields } from './preserve-unknown';
import { Plan, PLAN_SCHEMA_VERSION } from './schema';

/** File name suffix of plan files. */
export const PLAN_FILE_SUFFIX = '.upskill.json';

/** Outcome of reading a plan file. */
export type PlanFileResult =
  | { ok: true; plan: Plan; migratedFrom: number | null }
  | { ok: false; message: string; details: string[] };

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

/** "23.4 MB" style size for messages. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`))
    .join('');
  return `${path || '(file)'}: ${issue.message}`;
}

function fail(message: string, details: string[] = []): PlanFileResult {
  return { ok: false, message, details };
}

/**
 * Validates and migrates an already-parsed plan document (from a file, the
 * database, or a backup). Unknown fields are kept.
 */
export function readPlanDocument(
  raw: unknown,
  migrations: readonly PlanMigration[] = PLAN_MIGRATIONS,
): PlanFileResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('This file is not an Upskill Workbench plan: it holds no plan object.');
  }
  const migrated = migratePlan(raw as Record<string, unknown>, migrations);
  if (!migrated.ok) {
    const { failure } = migrated;
    switch (failure.kind) {
      case 'noVersion':
        return fail(
          'This file is not an Upskill Workbench plan: it has no "schemaVersion" number.',
        );
      case 'newer':
        return fail(
          `This plan was saved by a newer version of Upskill Workbench (plan format ${failure.version}; this version reads up to ${PLAN_SCHEMA_VERSION}). Update the app to open it.`,
        );
      case 'unknownVersion':
        return fail(`This plan uses an unknown plan format version (${failure.version}).`);
    }
  }
  const parsed = Plan.safeParse(migrated.plan);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const details = issues.slice(0, 8).map(describeIssue);
    if (issues.length > details.length) details.push(`…and ${issues.length - details.length} more`);
    return fail(
      `This plan file has ${issues.length === 1 ? 'a field' : `${issues.length} fields`} that cannot be read.`,
      details,
    );
  }
  const from = migrated.from === PLAN_SCHEMA_VERSION ? null : migrated.from;
  return { ok: true, plan: preserveUnknownFields(migrated.plan, parsed.data), migratedFrom: from };
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
      `This file is ${formatMegabytes(bytes)}; plan files can be at most ${formatMegabytes(maxBytes)}.`,
    );
  }
  if (text.trim() === '') return fail('This file is empty.');
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('This file is not a plan file: it is not valid JSON.', [reason]);
  }
  return readPlanDocument(raw, options.migrations);
}

/** The text of a plan file for a plan (stable, human-diffable JSON). */
export function writePlanFile(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
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
  return Array.from(cleaned.replace(/^[. ]+/, ''))
    .slice(0, maxLength)
    .join('')
    .replace(/[. ]+$/, '');
}

/** True for names Windows reserves for devices (CON, NUL, COM1…), with or without an extension. */
export function isReservedFileName(stem: string): boolean {
  return /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i.test(stem);
}

/** A safe file name for a plan ("Lower Valley: 2027" → "Lower Valley 2027.upskill.json"). */
export function planFileName(name: string): string {
  const stem = safeFileStem(name);
  const base = stem === '' || isReservedFileName(stem) ? 'Untitled plan' : stem;
  return `${base}${PLAN_FILE_SUFFIX}`;
}
