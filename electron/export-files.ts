/**
 * Naming and filtering exported files in the save dialog. The renderer's
 * suggested name is cleaned again here: main never trusts a path-like name
 * from the page.
 */
import { basename } from 'node:path';
import type { FileFilter } from 'electron';
import { EXPORT_KINDS, type ExportKind } from '../shared/export/sanitize';

/** Dialog filter for one export kind. */
export function exportDialogFilters(kind: ExportKind): FileFilter[] {
  const info = EXPORT_KINDS[kind];
  return [{ name: `${info.label} (*${info.extension})`, extensions: [info.extension.slice(1)] }];
}

/** A file name safe on every platform, ending in the kind's extension. */
export function sanitizeExportFileName(suggested: string, kind: ExportKind): string {
  const extension = EXPORT_KINDS[kind].extension;
  const cleaned = basename(suggested.replace(/\\/g, '/'))
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[. ]+|[. ]+$/g, '');
  const stem = cleaned.toLowerCase().endsWith(extension)
    ? cleaned.slice(0, -extension.length).trim()
    : cleaned;
  const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
  const safe = stem === '' || reserved.test(stem) ? 'Export' : stem.slice(0, 150);
  return `${safe}${extension}`;
}

/** Adds the extension when the user typed a name without it. */
export function ensureExportExtension(path: string, kind: ExportKind): string {
  const extension = EXPORT_KINDS[kind].extension;
  return path.toLowerCase().endsWith(extension) ? path : `${path}${extension}`;
}
