/**
 * Crash-safe file replacement (after actualbudget/actual's atomic-write):
 * write a temp file next to the target, fsync it, rename it over the target,
 * fsync the folder. A reader — or a crash — sees the old file or the new one,
 * never half of each.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file-system calls the atomic writer makes; tests swap some to inject faults. */
export type AtomicWriteFs = {
  open: typeof fs.open;
  rename: typeof fs.rename;
  unlink: typeof fs.unlink;
  stat: typeof fs.stat;
};

/** Options for {@link writeFileAtomic}. */
export type AtomicWriteOptions = {
  /** Delays before each rename retry; its length is the number of retries. */
  renameRetryDelaysMs?: readonly number[];
  /** File-system overrides (tests). */
  fs?: Partial<AtomicWriteFs>;
};

/** Error codes Windows returns while antivirus, indexers or another handle hold the target. */
const TRANSIENT_RENAME_CODES: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES']);

const DEFAULT_RETRY_DELAYS_MS = [10, 30, 60, 120, 250] as const;

const nodeFs: AtomicWriteFs = {
  open: fs.open,
  rename: fs.rename,
  unlink: fs.unlink,
  stat: fs.stat,
};

/** Atomically replaces `target` with `data` (UTF-8 for strings). */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const io: AtomicWriteFs = { ...nodeFs, ...options.fs };
  const retryDelays = options.renameRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const folder = dirname(target);
  // Same folder as the target: rename is only atomic within one file system.
  // Random suffix: concurrent writers must never share a temp file.
  const temp = join(
    folder,
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const mode = await existingMode(io, target);

  let tempCreated = false;
  try {
    const handle = await io.open(temp, 'wx', mode);
    tempCreated = true;
    try {
      await handle.writeFile(data);
      // Without fsync a power cut after the rename can leave a renamed but empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(io, temp, target, retryDelays);
    tempCreated = false;
  } catch (error) {
    if (tempCreated) await io.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(io, folder);
}

/** Keeps the permissions of a file we replace (a user may have made it private). */
async function existingMode(io: AtomicWriteFs, target: string): Promise<number> {
  try {
    return (await io.stat(target)).mode & 0o777;
  } catch {
    return 0o666; // the process umask narrows this, as for any new file
  }
}

async function renameWithRetry(
  io: AtomicWriteFs,
  from: string,
  to: string,
  delays: readonly number[],
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await io.rename(from, to);
      return;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !TRANSIENT_RENAME_CODES.has(errorCode(error))) throw error;
      await new Promise<void>((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Persists the rename itself; not possible on Windows, where opening a folder fails. */
async function syncFolder(io: AtomicWriteFs, folder: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof fs.open>> | undefined;
  try {
    handle = await io.open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data is already in place, only its durability on power loss is weaker.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The `code` of a Node.js system error, or '' for anything else. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : '';
}
