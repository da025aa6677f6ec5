/**
 * Which backups of a plan to keep: tiers that thin out with age, after
 * actualbudget/actual's backups.ts (recent copies plus one per day), so the
 * backups reach back a month instead of the last twenty minutes.
 *
 * - every backup from the last hour (rolling copies are at most one a minute);
 * - the newest backup of each hour for the last two days;
 * - the newest backup of each day for the last 30 days;
 * - backups taken on quit, before a restore or before an import: the newest
 *   50 of each reason, however old (so at least a month at one or two a day).
 *
 * "Newest of its hour/day" is judged among all backups, whatever the reason,
 * and buckets are calendar hours and days, not windows sliding with `now`.
 * That makes pruning idempotent and lets it run after every write: pruning as
 * you go keeps exactly what one prune at the end would keep.
 */
import { isSpecialBackupReason, type BackupReason } from './backup-files';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** How far back each tier reaches, and how many special backups are kept. */
export type RetentionPolicy = {
  /** Everything younger than this is kept. */
  keepAllForMs: number;
  /** The newest backup of each hour younger than this is kept. */
  hourlyForMs: number;
  /** The newest backup of each day younger than this is kept. */
  dailyForMs: number;
  /** How many backups of each special reason are kept, newest first, regardless of age. */
  specialPerReason: number;
};

/** The policy the desktop app uses. */
export const BACKUP_RETENTION: RetentionPolicy = {
  keepAllForMs: HOUR_MS,
  hourlyForMs: 2 * DAY_MS,
  dailyForMs: 30 * DAY_MS,
  specialPerReason: 50,
};

/** How moments map to calendar hours and days (local time in the app, UTC in tests). */
export type BackupCalendar = {
  hourOf(time: number): string;
  dayOf(time: number): string;
};

const pad = (value: number) => String(value).padStart(2, '0');

/** Calendar hours and days in the machine's time zone: a "day" is the user's day. */
export const LOCAL_CALENDAR: BackupCalendar = {
  dayOf: (time) => {
    const date = new Date(time);
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  },
  hourOf: (time) => {
    const date = new Date(time);
    return `${LOCAL_CALENDAR.dayOf(time)}T${pad(date.getHours())}`;
  },
};

/** Calendar hours and days in UTC (deterministic, for tests); keys are opaque bucket numbers. */
export const UTC_CALENDAR: BackupCalendar = {
  dayOf: (time) => String(Math.floor(time / DAY_MS)),
  hourOf: (time) => String(Math.floor(time / HOUR_MS)),
};

/** The facts retention needs about one backup. */
export type RetainedBackup = { time: number; reason: BackupReason };

/** Splits backups into those to keep and those to delete, as of `now` (ms). */
export function pruneBackups<T extends RetainedBackup>(
  backups: readonly T[],
  now: number,
  options: { policy?: RetentionPolicy; calendar?: BackupCalendar } = {},
): { keep: T[]; prune: T[] } {
  const policy = options.policy ?? BACKUP_RETENTION;
  const calendar = options.calendar ?? LOCAL_CALENDAR;
  // Newest first; equal times keep their input order so the result is stable.
  const newestFirst = [...backups].sort((a, b) => b.time - a.time);

  const keep = new Set<T>();
  const seenHours = new Set<string>();
  const seenDays = new Set<string>();
  const specialCounts = new Map<BackupReason, number>();
  for (const backup of newestFirst) {
    // Negative ages (a clock set back) count as brand new: never delete what we cannot date.
    const age = now - backup.time;
    if (age < policy.keepAllForMs) keep.add(backup);

    const hour = calendar.hourOf(backup.time);
    if (!seenHours.has(hour)) {
      seenHours.add(hour);
      if (age < policy.hourlyForMs) keep.add(backup);
    }
    const day = calendar.dayOf(backup.time);
    if (!seenDays.has(day)) {
      seenDays.add(day);
      if (age < policy.dailyForMs) keep.add(backup);
    }
    if (isSpecialBackupReason(backup.reason)) {
      const count = specialCounts.get(backup.reason) ?? 0;
      specialCounts.set(backup.reason, count + 1);
      if (count < policy.specialPerReason) keep.add(backup);
    }
  }
  return {
    keep: newestFirst.filter((backup) => keep.has(backup)),
    prune: newestFirst.filter((backup) => !keep.has(backup)),
  };
}
