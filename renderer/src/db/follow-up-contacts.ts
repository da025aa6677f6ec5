/**
 * When each learner was last contacted about a follow-up (issue 14): marked
 * by hand in today's list, or when the list is exported for the mail or SMS
 * tool. Learners contacted within a chosen number of days are left out of
 * today's list, so nobody gets the same nudge every morning. Keyed by the
 * learner's roster key, so it is personal data like the roster: kept only
 * in the local database (the `meta` table, one row per plan), never in the
 * plan; purged with the plan (plan-repository.ts).
 */
import type { WorkbenchDatabase } from './database';

let database: WorkbenchDatabase | null = null;
const listeners = new Set<(planId: string) => void>();

/** The database the contacts live in (set when the app starts). */
export function setFollowUpContactsDatabase(db: WorkbenchDatabase): void {
  database = db;
}

function db(): WorkbenchDatabase {
  if (!database) throw new Error('The local database is not open.');
  return database;
}

/** The meta key of a plan's contacts. */
export function followUpContactsKey(planId: string): string {
  return `follow-up-contacts:${planId}`;
}

/** Hears every change to a plan's contacts; returns the unsubscribe. */
export function onFollowUpContactsChange(listener: (planId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const changed = (planId: string) => {
  for (const l of listeners) l(planId);
};

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Learner key → the day they were last contacted (YYYY-MM-DD). */
export async function readFollowUpContacts(planId: string): Promise<Map<string, string>> {
  const value = (await db().meta.get(followUpContactsKey(planId)))?.value;
  const out = new Map<string, string>();
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, day] of Object.entries(value)) if (isDay(day)) out.set(key, day);
  return out;
}

/** Records that `keys` were contacted on `day`; returns how many were recorded. */
export async function markContacted(
  planId: string,
  keys: readonly string[],
  day: string,
): Promise<number> {
  if (!keys.length) return 0;
  const target = db();
  await target.transaction('rw', target.meta, async () => {
    const key = followUpContactsKey(planId);
    const before = (await target.meta.get(key))?.value;
    const next: Record<string, string> =
      typeof before === 'object' && before !== null
        ? { ...(before as Record<string, string>) }
        : {};
    for (const k of keys) if (!next[k] || next[k] < day) next[k] = day;
    await target.meta.put({ key, value: next });
  });
  changed(planId);
  return keys.length;
}

/** Forgets that `keys` were contacted (an undone mark). */
export async function unmarkContacted(planId: string, keys: readonly string[]): Promise<void> {
  const target = db();
  await target.transaction('rw', target.meta, async () => {
    const key = followUpContactsKey(planId);
    const before = (await target.meta.get(key))?.value;
    if (typeof before !== 'object' || before === null) return;
    const next = { ...(before as Record<string, string>) };
    for (const k of keys) delete next[k];
    await target.meta.put({ key, value: next });
  });
  changed(planId);
}

/** Replaces a plan's contacts (a backup restored); an empty list deletes them. */
export async function replaceFollowUpContacts(
  planId: string,
  entries: readonly (readonly [string, string])[],
): Promise<void> {
  const key = followUpContactsKey(planId);
  const value = Object.fromEntries(entries.filter(([, day]) => isDay(day)));
  if (Object.keys(value).length) await db().meta.put({ key, value });
  else await db().meta.delete(key);
  changed(planId);
}

/** Days a contacted learner is left out of today's list unless chosen otherwise. */
export const DEFAULT_QUIET_DAYS = 14;

/** The meta key of a plan's quiet period (not personal data: a number). */
export function quietDaysKey(planId: string): string {
  return `follow-up-quiet:${planId}`;
}

/** How many days a contacted learner is left out of today's list (0: never left out). */
export async function readQuietDays(planId: string): Promise<number> {
  const value = (await db().meta.get(quietDaysKey(planId)))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 365
    ? value
    : DEFAULT_QUIET_DAYS;
}

/** Sets the quiet period (a whole number of days, 0–365). */
export async function setQuietDays(planId: string, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 0 || days > 365)
    throw new Error('Days must be a whole number from 0 to 365.');
  await db().meta.put({ key: quietDaysKey(planId), value: days });
  changed(planId);
}

/** Deletes a plan's contacts in one step. */
export async function deleteFollowUpContacts(planId: string): Promise<void> {
  await db().meta.delete(followUpContactsKey(planId));
  changed(planId);
}
