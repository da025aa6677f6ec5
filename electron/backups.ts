/**
 * Rolling JSON backups of each plan on disk, outside IndexedDB, because the
 * browser storage can vanish when Electron is upgraded or the app renamed.
 * Layout: <root>/<planId>/<timestamp>.upskill.json, newest 20 kept.
 */
import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { IpcRequest, MAX_PLAN_FILE_BYTES, type BackupInfo } from '../shared/ipc';
import { errorCode, writeFileAtomic } from './atomic-write';

/** How many backups of one plan we keep. */
export const BACKUPS_KEPT_PER_PLAN = 20;

// The same schemas the IPC layer validates with, so the rules cannot drift.
const planIdSchema = IpcRequest['backup:list'].shape.planId;
const backupFileSchema = IpcRequest['backup:read'].shape.file;

// The IPC schema caps plan text at MAX_PLAN_FILE_BYTES UTF-16 units; in UTF-8
// each unit takes up to 3 bytes, and every backup we wrote must stay readable.
const MAX_BACKUP_FILE_BYTES = MAX_PLAN_FILE_BYTES * 3;

const NAME_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.upskill\.json$/;

/** The backup file name for a moment: ISO time with `:` and `.` made file-name safe. */
export function backupFileName(date: Date): string {
  return `${date.toISOString().replace(/[:.]/g, '-')}.upskill.json`;
}

/** The ISO time encoded in a backup file name, or null if it is not one of ours. */
export function backupSavedAt(fileName: string): string | null {
  const match = NAME_PATTERN.exec(fileName);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis] = match;
  return `${day}T${hours}:${minutes}:${seconds}.${millis}Z`;
}

/** Backups of one user's plans under a root folder. */
export type BackupStore = {
  write(planId: string, text: string): Promise<{ file: string }>;
  list(planId: string): Promise<BackupInfo[]>;
  read(planId: string, file: string): Promise<{ text: string }>;
};

/** Creates the backup store rooted at `rootDir` (userData/backups in the app). */
export function createBackupStore(
  rootDir: string,
  options: { keep?: number; now?: () => Date } = {},
): BackupStore {
  const keep = options.keep ?? BACKUPS_KEPT_PER_PLAN;
  const now = options.now ?? (() => new Date());
  const root = resolve(rootDir);
  // One queue per plan: a write must not race another write's prune or name choice.
  const queues = new Map<string, Promise<unknown>>();

  function planFolder(planId: string): string {
    if (!planIdSchema.safeParse(planId).success) throw new Error('Invalid plan id for a backup.');
    const folder = resolve(root, planId);
    assertInside(root, folder);
    return folder;
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

  async function backupNames(folder: string): Promise<string[]> {
    try {
      const entries = await fs.readdir(folder, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() && backupSavedAt(entry.name) !== null)
        .map((entry) => entry.name)
        .sort()
        .reverse(); // fixed-width UTC timestamps: lexical order is time order
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
  }

  return {
    async write(planId, text) {
      const folder = planFolder(planId);
      return serialised(planId, async () => {
        await fs.mkdir(folder, { recursive: true });
        const existing = new Set(await backupNames(folder));
        // Two saves in the same millisecond must not overwrite each other.
        let time = now().getTime();
        while (existing.has(backupFileName(new Date(time)))) time += 1;
        const file = backupFileName(new Date(time));
        await writeFileAtomic(join(folder, file), text);
        const names = await backupNames(folder);
        for (const old of names.slice(keep)) {
          // Best effort: a locked old backup must not fail the new one.
          await fs.unlink(join(folder, old)).catch(() => undefined);
        }
        return { file };
      });
    },

    async list(planId) {
      const folder = planFolder(planId);
      const names = await backupNames(folder);
      const infos = await Promise.all(
        names.map(async (file): Promise<BackupInfo | null> => {
          try {
            const info = await fs.stat(join(folder, file));
            return {
              file,
              savedAt: backupSavedAt(file) ?? info.mtime.toISOString(),
              bytes: info.size,
            };
          } catch {
            return null; // pruned between readdir and stat
          }
        }),
      );
      return infos.filter((info): info is BackupInfo => info !== null);
    },

    async read(planId, file) {
      const folder = planFolder(planId);
      if (!backupFileSchema.safeParse(file).success || backupSavedAt(file) === null) {
        throw new Error('Refused to read a backup: not a backup file name.');
      }
      const path = resolve(folder, file);
      assertInside(folder, path);
      const info = await fs.stat(path);
      if (!info.isFile() || info.size > MAX_BACKUP_FILE_BYTES) {
        throw new Error('Refused to read a backup: not a plan-sized file.');
      }
      return { text: await fs.readFile(path, 'utf8') };
    },
  };
}

/** Throws unless `child` is strictly inside `parent` (defence in depth behind the schemas). */
function assertInside(parent: string, child: string): void {
  const path = relative(parent, child);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) {
    throw new Error('Refused a backup path outside the backup folder.');
  }
}
