/**
 * JSON backups of each plan on disk, outside IndexedDB, because the browser
 * storage can vanish when Electron is upgraded or the app renamed.
 *
 * Layout: `<root>/plan.<hash>/<time>[.<reason>].upskill.json`, plus a
 * `plan-id.json` in each folder naming the plan it belongs to. The folder
 * name is the first 128 bits of SHA-256 over the id's UTF-16 code units, in
 * lowercase hex: any id the plan format allows (`a b`, `plan.2026`, `CON`,
 * emoji, 100 characters) gets a short name that is valid on Windows, macOS
 * and Linux, distinct on case-insensitive disks, and cannot point outside the
 * root. `plan-id.json` makes the mapping reversible for a person browsing the
 * folder and lets us refuse a folder that belongs to another id.
 *
 * Folders written before this layout (`<root>/<planId>/`, only for ids of
 * letters, digits, `_` and `-`) are still listed, read and pruned.
 *
 * Which backups are kept is the tiered policy in shared/backups/retention.ts,
 * applied after every write.
 *
 * When the user opts in, a backup may come with the plan's personal data (the
 * learner roster and invitation list) in a companion file beside it,
 * `<time>.personal.json` (shared/backups/personal-backup.ts) — never inside
 * the plan backup. A companion is written only when the personal data
 * changed; each plan backup goes with the newest companion at or before it,
 * and companions no kept backup needs are deleted with the backups.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  backupFileName,
  parseBackupFileName,
  type BackupReason,
} from '../shared/backups/backup-files';
import {
  companionFor,
  companionsToKeep,
  MAX_PERSONAL_BACKUP_CHARS,
  parsePersonalBackupFileName,
  personalBackupFileName,
} from '../shared/backups/personal-backup';
import {
  pruneBackups,
  type BackupCalendar,
  type RetentionPolicy,
} from '../shared/backups/retention';
import { IpcRequest, MAX_PLAN_FILE_BYTES, type BackupInfo } from '../shared/ipc';
import { isReservedFileName, utf8ByteLength } from '../shared/plan/plan-file';
import { errorCode, writeFileAtomic } from './atomic-write';

export { backupFileName } from '../shared/backups/backup-files';

// The same schemas the IPC layer validates with, so the rules cannot drift.
const planIdSchema = IpcRequest['backup:list'].shape.planId;
const backupFileSchema = IpcRequest['backup:read'].shape.file;

// The IPC schema caps plan text at MAX_PLAN_FILE_BYTES UTF-16 units; in UTF-8
// each unit takes up to 3 bytes, and every backup we wrote must stay readable.
const MAX_BACKUP_FILE_BYTES = MAX_PLAN_FILE_BYTES * 3;
const MAX_PERSONAL_FILE_BYTES = MAX_PERSONAL_BACKUP_CHARS * 3;

/** The file in each plan folder that names the plan id it holds. */
export const PLAN_ID_FILE = 'plan-id.json';

// Ids the old layout used as folder names verbatim.
const LEGACY_PLAN_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The ISO time encoded in a backup file name, or null if it is not one of ours. */
export function backupSavedAt(fileName: string): string | null {
  return parseBackupFileName(fileName)?.savedAt ?? null;
}

/**
 * The folder name for a plan id. The `plan.` prefix holds a dot, which the old
 * layout's names never did, so old and new folders can never be confused.
 */
export function backupFolderName(planId: string): string {
  // UTF-16 code units, not UTF-8: two ids differing only in unpaired
  // surrogates would otherwise both encode to U+FFFD and share a folder.
  const digest = createHash('sha256').update(planId, 'utf16le').digest('hex');
  return `plan.${digest.slice(0, 32)}`;
}

/** Backups of one user's plans under a root folder. */
export type BackupStore = {
  /**
   * Writes a backup of the plan text; `personal` (the companion text, only
   * when the user opted in and the personal data changed) is written beside it.
   */
  write(
    planId: string,
    text: string,
    reason?: BackupReason,
    personal?: string,
  ): Promise<{ file: string }>;
  list(planId: string): Promise<BackupInfo[]>;
  read(planId: string, file: string): Promise<{ text: string }>;
  /** The personal data that goes with a backup (its companion's text), or null if none does. */
  readPersonal(planId: string, file: string): Promise<{ text: string | null }>;
  /** Deletes every companion of a plan (the user opted out); returns how many went. */
  deletePersonal(planId: string): Promise<{ deleted: number }>;
};

/** One backup file found on disk, in the new folder or an old-layout one. */
type Found = { file: string; folder: string; time: number; savedAt: string; reason: BackupReason };

/** Creates the backup store rooted at `rootDir` (userData/backups in the app). */
export function createBackupStore(
  rootDir: string,
  options: { now?: () => Date; policy?: RetentionPolicy; calendar?: BackupCalendar } = {},
): BackupStore {
  const now = options.now ?? (() => new Date());
  const root = resolve(rootDir);
  // One queue per plan: a write must not race another write's prune or name choice.
  const queues = new Map<string, Promise<unknown>>();
  // Folders whose plan-id.json we wrote or checked: no need to read it again.
  const verified = new Set<string>();

  function folders(planId: string): { folder: string; legacy: string | null } {
    if (!planIdSchema.safeParse(planId).success) throw new Error('Invalid plan id for a backup.');
    const folder = resolve(root, backupFolderName(planId));
    assertInside(root, folder);
    // A reserved device name (CON, NUL…) could never have been an old folder on
    // Windows, and opening it there would reach the device instead.
    const isLegacy = LEGACY_PLAN_ID.test(planId) && !isReservedFileName(planId);
    const legacy = isLegacy ? resolve(root, planId) : null;
    if (legacy) assertInside(root, legacy);
    return { folder, legacy };
  }

  function serialised<T>(planId: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(planId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    queues.set(planId, settled);
    void settled.then(() => {
      if (queues.get(planId) === settled) queues.delete(planId);
    });
    return next;
  }

  /** Throws if the folder's plan-id.json names another plan (a hash collision, or tampering). */
  async function checkOwner(folder: string, planId: string, create: boolean): Promise<void> {
    if (verified.has(folder)) return;
    const path = join(folder, PLAN_ID_FILE);
    let text: string | null = null;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    const owner = text === null ? null : ownerOf(text);
    if (owner !== null && owner !== planId) {
      throw new Error('Refused a backup folder that belongs to another plan.');
    }
    if (owner === null) {
      // Missing (a write stopped before it) or damaged: the folder name already
      // matched the id's hash, so it is ours; write the file again when writing.
      if (!create) return;
      await writeFileAtomic(path, `${JSON.stringify({ planId })}\n`);
    }
    verified.add(folder);
  }

  /** Backups in one folder (none if it does not exist). */
  async function backupsIn(folder: string): Promise<Found[]> {
    let names: string[];
    try {
      const entries = await fs.readdir(folder, { withFileTypes: true });
      names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw error;
    }
    const found: Found[] = [];
    for (const file of names) {
      const parsed = parseBackupFileName(file);
      if (parsed) found.push({ file, folder, ...parsed });
    }
    return found;
  }

  /** Every backup of a plan, newest first; a name in both layouts counts once (the new one). */
  async function collect(planId: string): Promise<Found[]> {
    const { folder, legacy } = folders(planId);
    const current = await backupsIn(folder);
    const names = new Set(current.map((backup) => backup.file));
    const old = legacy ? (await backupsIn(legacy)).filter((b) => !names.has(b.file)) : [];
    // Fixed-width UTC names: lexical order is time order.
    return [...current, ...old].sort((a, b) => (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
  }

  /** The times of the personal-data companions in a plan's folder (only the new layout has any). */
  async function companionsIn(folder: string): Promise<number[]> {
    let names: string[];
    try {
      const entries = await fs.readdir(folder, { withFileTypes: true });
      names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw error;
    }
    return names.flatMap((name) => {
      const time = parsePersonalBackupFileName(name);
      return time === null ? [] : [time];
    });
  }

  /** The newest backup if it holds exactly `text` (so writing it again would add nothing). */
  async function sameAsNewest(newest: Found | undefined, text: string): Promise<boolean> {
    if (!newest) return false;
    const path = join(newest.folder, newest.file);
    try {
      const info = await fs.stat(path);
      if (info.size !== utf8ByteLength(text)) return false;
      return (await fs.readFile(path, 'utf8')) === text;
    } catch {
      return false;
    }
  }

  return {
    async write(planId, text, reason = 'rolling', personal) {
      const { folder } = folders(planId);
      if (personal !== undefined && personal.length > MAX_PERSONAL_BACKUP_CHARS) {
        throw new Error('Refused a personal-data backup: over the size limit.');
      }
      return serialised(planId, async () => {
        const nowMs = now().getTime();
        await fs.mkdir(folder, { recursive: true });
        await checkOwner(folder, planId, true);
        const existing = await collect(planId); // the one listing per write
        const newest = existing[0];

        let written: Found;
        // New personal data needs a backup of its own time to go with, even if the plan is unchanged.
        if (
          personal === undefined &&
          newest?.folder === folder &&
          (await sameAsNewest(newest, text))
        ) {
          // Unchanged since the newest backup (reopened and quit, restored twice…):
          // a second identical copy would only push older states out of the caps.
          // A rolling copy is renamed to the special reason, so it is kept as long.
          if (newest.reason !== 'rolling' || reason === 'rolling') return { file: newest.file };
          const file = backupFileName(new Date(newest.time), reason);
          await fs.rename(join(folder, newest.file), join(folder, file));
          written = { ...newest, file, reason };
          existing.shift();
        } else {
          // Two saves in the same millisecond must not overwrite each other.
          const taken = new Set(existing.map((backup) => backup.time));
          let time = nowMs;
          while (taken.has(time)) time += 1;
          const date = new Date(time);
          const file = backupFileName(date, reason);
          // The companion first: should the plan backup then fail, the personal
          // data stands as the newest and goes with the next backup, as it should.
          if (personal !== undefined) {
            await writeFileAtomic(join(folder, personalBackupFileName(time)), personal);
          }
          await writeFileAtomic(join(folder, file), text);
          written = { file, folder, time, savedAt: date.toISOString(), reason };
        }

        const { keep, prune } = pruneBackups(
          [written, ...existing],
          Math.max(nowMs, written.time),
          {
            ...(options.policy ? { policy: options.policy } : {}),
            ...(options.calendar ? { calendar: options.calendar } : {}),
          },
        );
        for (const old of prune) {
          // Best effort: a locked old backup must not fail the new one.
          await fs.unlink(join(old.folder, old.file)).catch(() => undefined);
        }
        const companions = await companionsIn(folder);
        const needed = companionsToKeep(
          keep.map((backup) => backup.time),
          companions,
        );
        for (const time of companions) {
          if (!needed.has(time)) {
            await fs.unlink(join(folder, personalBackupFileName(time))).catch(() => undefined);
          }
        }
        if (prune.some((old) => old.folder !== folder)) await removeIfEmpty(planId);
        return { file: written.file };
      });
    },

    async list(planId) {
      const { folder } = folders(planId);
      await checkOwner(folder, planId, false);
      const found = await collect(planId);
      const companions = await companionsIn(folder);
      const infos = await Promise.all(
        found.map(async ({ file, folder: where, savedAt, reason, time }) => {
          try {
            const info = await fs.stat(join(where, file));
            const withPersonal = companionFor(time, companions) !== null;
            const backup: BackupInfo = { file, savedAt, reason, bytes: info.size };
            return withPersonal ? { ...backup, personal: true } : backup;
          } catch {
            return null; // pruned between readdir and stat
          }
        }),
      );
      return infos.filter((info): info is BackupInfo => info !== null);
    },

    async read(planId, file) {
      const { folder, legacy } = folders(planId);
      if (!backupFileSchema.safeParse(file).success || parseBackupFileName(file) === null) {
        throw new Error('Refused to read a backup: not a backup file name.');
      }
      await checkOwner(folder, planId, false);
      try {
        return await readBackupFile(folder, file);
      } catch (error) {
        if (!legacy || errorCode(error) !== 'ENOENT') throw error;
        return await readBackupFile(legacy, file);
      }
    },

    async readPersonal(planId, file) {
      const { folder } = folders(planId);
      const parsed = backupFileSchema.safeParse(file).success ? parseBackupFileName(file) : null;
      if (!parsed) throw new Error('Refused to read a backup: not a backup file name.');
      await checkOwner(folder, planId, false);
      const time = companionFor(parsed.time, await companionsIn(folder));
      if (time === null) return { text: null };
      const path = resolve(folder, personalBackupFileName(time));
      assertInside(folder, path);
      const info = await fs.stat(path);
      if (!info.isFile() || info.size > MAX_PERSONAL_FILE_BYTES) {
        throw new Error('Refused to read personal data: not a file this app wrote.');
      }
      return { text: await fs.readFile(path, 'utf8') };
    },

    async deletePersonal(planId) {
      const { folder } = folders(planId);
      return serialised(planId, async () => {
        let deleted = 0;
        for (const time of await companionsIn(folder)) {
          await fs.unlink(join(folder, personalBackupFileName(time)));
          deleted += 1;
        }
        return { deleted };
      });
    },
  };

  /** Removes an old-layout folder once retention has emptied it. */
  async function removeIfEmpty(planId: string): Promise<void> {
    const { legacy } = folders(planId);
    // rmdir refuses a folder that still holds anything, such as a user's own files.
    if (legacy) await fs.rmdir(legacy).catch(() => undefined);
  }
}

/** Reads one backup file, refusing anything that is not a plan-sized regular file. */
async function readBackupFile(folder: string, file: string): Promise<{ text: string }> {
  const path = resolve(folder, file);
  assertInside(folder, path);
  const info = await fs.stat(path);
  if (!info.isFile() || info.size > MAX_BACKUP_FILE_BYTES) {
    throw new Error('Refused to read a backup: not a plan-sized file.');
  }
  return { text: await fs.readFile(path, 'utf8') };
}

/** The plan id a plan-id.json names, or null if it is damaged. */
function ownerOf(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'planId' in value) {
      const { planId } = value;
      return typeof planId === 'string' ? planId : null;
    }
  } catch {
    // fall through: damaged
  }
  return null;
}

/** Throws unless `child` is strictly inside `parent` (defence in depth behind the schemas). */
function assertInside(parent: string, child: string): void {
  const path = relative(parent, child);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) {
    throw new Error('Refused a backup path outside the backup folder.');
  }
}
