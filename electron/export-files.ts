/**
 * Naming and filtering exported files in the save dialog. The renderer's
 * suggested name is cleaned again here: main never trusts a path-like name
 * from the page.
 */
import { basename } from 'node:path';
import type { FileFilter } from 'electron';
import { EXPORT_KINDS, type ExportKind } from '../shared/export/sanitize';
import { isReservedFileName, safeFileStem } from '../shared/plan/plan-file';

/** Dialog filter for one export kind. */
export function exportDialogFilters(kind: ExportKind): FileFilter[] {
  const info = EXPORT_KINDS[kind];
  return [{ name: `${info.label} (*${info.extension})`, extensions: [info.extension.slice(1)] }];
}

/** A file name safe on every platform, ending in the kind's extension. */
export function sanitizeExportFileName(suggested: string, kind: ExportKind): string {
  const extension = EXPORT_KINDS[kind].extension;
  const cleaned = safeFileStem(basename(suggested.replace(/\\/g, '/')), 150 + extension.length);
  const stem = cleaned.toLowerCase().endsWith(extension)
    ? cleaned.slice(0, -extension.length).trim()
    : cleaned;
  const safe = stem === '' || isReservedFileName(stem) ? 'Export' : stem.slice(0, 150);
  return `${safe}${extension}`;
}

/** Adds the extension when the user typed a name without it. */
export function ensureExportExtension(path: string, kind: ExportKind): string {
  const extension = EXPORT_KINDS[kind].extension;
  return path.toLowerCase().endsWith(extension) ? path : `${path}${extension}`;
}
