/**
 * The "Open Recent" list: newest first, at most 10 paths, kept in a small JSON
 * file in userData and mirrored to the OS recent-documents list.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write';

/** How many recent plan files we remember. */
export const MAX_RECENT_FILES = 10;

/** Hooks into the operating system's own recent-documents list. */
export type OsRecentDocuments = {
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
};

/** The recent-files list of this user. */
export type RecentFiles = {
  load(): Promise<readonly string[]>;
  list(): readonly string[];
  add(path: string): Promise<void>;
  remove(path: string): Promise<void>;
  clear(): Promise<void>;
};

type StoredRecentFiles = { version: 1; files: string[] };

/** Creates the list persisted at `storePath`; `onChange` runs after every change (menu rebuild). */
export function createRecentFiles(
  storePath: string,
  options: {
    os?: OsRecentDocuments;
    onChange?: (files: readonly string[]) => void;
    platform?: NodeJS.Platform;
    max?: number;
  } = {},
): RecentFiles {
  const max = options.max ?? MAX_RECENT_FILES;
  // Windows and default macOS volumes ignore case: one file, one entry.
  const caseInsensitive = (options.platform ?? process.platform) !== 'linux';
  const same = (a: string, b: string): boolean =>
    caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
  let files: string[] = [];
  let saving: Promise<void> = Promise.resolve();

  function commit(next: string[]): Promise<void> {
    files = next;
    options.onChange?.(files);
    const body = JSON.stringify({ version: 1, files } satisfies StoredRecentFiles, null, 2);
    // Chain the writes so an older list can never land after a newer one.
    saving = saving.catch(() => undefined).then(() => writeFileAtomic(storePath, body));
    return saving;
  }

  return {
    async load() {
      try {
        const parsed: unknown = JSON.parse(await fs.readFile(storePath, 'utf8'));
        const stored = (parsed as Partial<StoredRecentFiles> | null)?.files;
        files = Array.isArray(stored)
          ? stored.filter((file): file is string => typeof file === 'string').slice(0, max)
          : [];
      } catch {
        files = []; // missing or damaged: the list is a convenience, never a reason to fail
      }
      return files;
    },
    list: () => files,
    add(path) {
      const absolute = resolve(path);
      options.os?.addRecentDocument(absolute);
      return commit([absolute, ...files.filter((file) => !same(file, absolute))].slice(0, max));
    },
    remove(path) {
      return commit(files.filter((file) => !same(file, path)));
    },
    clear() {
      options.os?.clearRecentDocuments();
      return commit([]);
    },
  };
}
