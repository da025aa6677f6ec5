/**
 * Reading plan files from disk and naming them: the size limit is enforced
 * from the file's metadata before a single byte is read, so a huge or hostile
 * file never reaches memory.
 */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import type { FileFilter } from 'electron';
import { MAX_PLAN_FILE_BYTES, type OpenFileResult } from '../shared/ipc';
import { decodePlanFileBytes, isReservedFileName, safeFileStem } from '../shared/plan/plan-file';
import { errorCode } from './atomic-write';

/** The extension every plan file we save carries. */
export const PLAN_FILE_EXTENSION = '.upskill.json';

/** The file-system calls the reader makes; tests swap them to prove what was (not) read. */
export type PlanFileFs = { stat: typeof fs.stat; open: typeof fs.open };

const MEGABYTE = 1024 * 1024;

/** Dialog filters for plan files. macOS panels match only the last extension, so it gets `json`. */
export function planFileDialogFilters(platform: NodeJS.Platform): FileFilter[] {
  if (platform === 'darwin')
    return [{ name: 'Upskill plan (.upskill.json, .json)', extensions: ['json'] }];
  return [
    { name: 'Upskill plan (*.upskill.json)', extensions: ['upskill.json'] },
    { name: 'JSON (*.json)', extensions: ['json'] },
  ];
}

/** "23.4 MB"; never rounds an over-limit size down to the limit itself. */
export function describeSize(bytes: number, limitBytes: number): string {
  const megabytes = bytes / MEGABYTE;
  let shown = Math.round(megabytes * 10) / 10;
  if (bytes > limitBytes && shown <= limitBytes / MEGABYTE) shown = Math.ceil(megabytes * 10) / 10;
  return `${shown.toFixed(1)} MB`;
}

/** The user-facing refusal for a file over the limit. */
export function tooLargeMessage(fileName: string, bytes: number, limitBytes: number): string {
  const limit = limitBytes / MEGABYTE;
  const limitText = Number.isInteger(limit) ? String(limit) : limit.toFixed(1);
  return `${fileName} is ${describeSize(bytes, limitBytes)}; plan files can be at most ${limitText} MB.`;
}

/**
 * Reads a plan file as UTF-8 text, refusing (without reading) anything that
 * is not a regular file or is larger than `maxBytes`.
 */
export async function readPlanFile(
  path: string,
  options: { maxBytes?: number; fs?: Partial<PlanFileFs> } = {},
): Promise<OpenFileResult> {
  const io: PlanFileFs = { stat: fs.stat, open: fs.open, ...options.fs };
  const maxBytes = options.maxBytes ?? MAX_PLAN_FILE_BYTES;
  const fileName = basename(path);
  try {
    // stat by path first: opening a FIFO or device could block or stream forever.
    const info = await io.stat(path);
    if (!info.isFile()) return { kind: 'error', message: `${fileName} is not a file.` };
    if (info.size > maxBytes) {
      return { kind: 'error', message: tooLargeMessage(fileName, info.size, maxBytes) };
    }
    const handle = await io.open(path, 'r');
    try {
      // The file may have been swapped or grown since the stat: re-check the
      // open handle and never read more than the limit allows.
      const opened = await handle.stat();
      if (!opened.isFile() || opened.size > maxBytes) {
        return { kind: 'error', message: tooLargeMessage(fileName, opened.size, maxBytes) };
      }
      const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > maxBytes) {
        return { kind: 'error', message: tooLargeMessage(fileName, length, maxBytes) };
      }
      // The same strict UTF-8 rule as the browser build (shared/plan/plan-file.ts).
      const decoded = decodePlanFileBytes(buffer.subarray(0, length), fileName);
      if (!decoded.ok) return { kind: 'error', message: decoded.message };
      return { kind: 'opened', fileName, path, text: decoded.text };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { kind: 'error', message: describeReadError(fileName, error) };
  }
}

/** A sentence for the user about why a file could not be read. */
export function describeReadError(fileName: string, error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return `${fileName} could not be found. It may have been moved or deleted.`;
    case 'EACCES':
    case 'EPERM':
      return `You do not have permission to open ${fileName}.`;
    case 'EISDIR':
      return `${fileName} is a folder, not a plan file.`;
    default:
      return `${fileName} could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Turns a renderer-suggested name into a safe file name ending in
 * `.upskill.json`: no folders, no characters Windows or macOS reject.
 */
export function sanitizePlanFileName(suggested: string): string {
  let stem = safeFileStem(suggested, Infinity);
  const lower = stem.toLowerCase();
  if (lower.endsWith(PLAN_FILE_EXTENSION)) stem = stem.slice(0, -PLAN_FILE_EXTENSION.length);
  else if (lower.endsWith('.json')) stem = stem.slice(0, -'.json'.length);
  // Stripping the extension can leave a trailing dot or space again.
  stem = safeFileStem(stem);
  if (isReservedFileName(stem)) stem = `${stem} plan`;
  return `${stem || 'Untitled plan'}${PLAN_FILE_EXTENSION}`;
}

/**
 * The path to save to. A name typed without any `.json` extension gets
 * `.upskill.json`, unless that would silently replace a different file the
 * save dialog never asked about.
 */
export function ensurePlanExtension(chosen: string, exists: (path: string) => boolean): string {
  if (chosen.toLowerCase().endsWith('.json')) return chosen;
  const withExtension = `${chosen}${PLAN_FILE_EXTENSION}`;
  return exists(withExtension) ? chosen : withExtension;
}
