/**
 * Names of backup files on disk. The moment a backup was taken and why are
 * both in its file name, so listing a plan's backups needs only the folder
 * listing, never the (possibly megabytes of) plan text inside.
 *
 * `2026-11-20T09-15-00-000Z.upskill.json`        a rolling copy (also today's old name)
 * `2026-11-20T17-02-11-123Z.quit.upskill.json`   any other reason, between time and suffix
 */
import { z } from 'zod';

/** Why a backup was written. */
export const BackupReason = z.enum(['rolling', 'quit', 'before-restore', 'before-import']);
/** Why a backup was written. */
export type BackupReason = z.infer<typeof BackupReason>;

/** Reasons whose backups are kept beyond the rolling tiers (see retention.ts). */
export const SPECIAL_BACKUP_REASONS = ['quit', 'before-restore', 'before-import'] as const;

/** A backup reason other than the once-a-minute rolling copy. */
export type SpecialBackupReason = (typeof SPECIAL_BACKUP_REASONS)[number];

/** True for the reasons kept beyond the rolling tiers. */
export function isSpecialBackupReason(reason: BackupReason): reason is SpecialBackupReason {
  return (SPECIAL_BACKUP_REASONS as readonly string[]).includes(reason);
}

// Fixed-width UTC time, so lexical order of names is time order; the reason
// group lists the special reasons only, so nothing else can pass as one of ours.
const NAME_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:\.(quit|before-restore|before-import))?\.upskill\.json$/;

/** Matches exactly the file names {@link backupFileName} produces (for IPC validation). */
export const BACKUP_FILE_NAME_PATTERN = NAME_PATTERN;

/** The file name of a backup taken at `date` for `reason`. */
export function backupFileName(date: Date, reason: BackupReason = 'rolling'): string {
  const time = date.toISOString().replace(/[:.]/g, '-');
  return reason === 'rolling' ? `${time}.upskill.json` : `${time}.${reason}.upskill.json`;
}

/** What a backup file name says: when it was taken (ISO time, and ms) and why. */
export type ParsedBackupName = { savedAt: string; time: number; reason: BackupReason };

/** Reads a backup file name, or null if it is not one of ours. */
export function parseBackupFileName(fileName: string): ParsedBackupName | null {
  const match = NAME_PATTERN.exec(fileName);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis, reason] = match;
  const savedAt = `${day}T${hours}:${minutes}:${seconds}.${millis}Z`;
  const time = Date.parse(savedAt);
  // The pattern admits month 13 or hour 25; those were never written by us.
  if (Number.isNaN(time) || new Date(time).toISOString() !== savedAt) return null;
  return { savedAt, time, reason: BackupReason.parse(reason ?? 'rolling') };
}
