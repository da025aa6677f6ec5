/**
 * Making plan text safe for the files recipients open: Word refuses a
 * document with characters XML 1.0 does not allow (U+000B, U+000C, other C0
 * controls, lone surrogates, U+FFFE/U+FFFF), spreadsheet readers turn text
 * that starts with = + - @ into formulas when it is written or pasted
 * carelessly, and file systems forbid some names.
 */
import { PLAN_FILE_SUFFIX, planFileName } from '../plan/plan-file';
import { cutText } from '../text-length';

/**
 * Characters that XML 1.0 (and so Word) rejects, plus C1 controls, which are
 * allowed by XML but make Word and LibreOffice show boxes or refuse pastes.
 * Lone surrogates are matched by the `u`-less pattern below.
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Controls that separate words rather than decorate them: vertical tab (a
 * line break in text copied out of Word), form feed (a page break), the
 * information separators and next line. Deleting one would glue the words
 * on either side together ("Lower Valley\vDigital" → "Lower ValleyDigital"),
 * so they become a space instead.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we replace
const SEPARATOR_CONTROLS = /[\u000b\u000c\u001c-\u001f\u0085]+/g;

/** Anything sanitizeText changes: most text has none of it and is returned as is. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const NEEDS_CLEANING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/;

/**
 * Text with every character Word rejects removed (tabs and line breaks
 * kept); controls that separate words become one space, or nothing where
 * there is already a space, a line break or the edge of the text.
 */
export function sanitizeText(text: string): string {
  if (typeof text !== 'string') return '';
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(SEPARATOR_CONTROLS, (run: string, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + run.length];
      return before === undefined || after === undefined || /\s/.test(before + after) ? '' : ' ';
    })
    .replace(INVALID_XML, '')
    .replace(LONE_SURROGATE, '')
    .replace(/\r\n?/g, '\n');
}

/** Characters that make a spreadsheet treat typed or pasted text as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a text would be read as a formula if it reached a cell unguarded. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;

/**
 * Text for an Excel cell: sanitised and cut to Excel's cell limit (which
 * counts UTF-16 units, as `length` does), with "…" for what was left out. The
 * cut falls between whole characters (`cutText`): slicing 32,766 units could
 * end on half an emoji, which no XML file can hold. It is always written as
 * a string cell (never `{ formula }`), so "=SUM(A1)" stays the words a
 * planner typed; see `buildPlanXlsx`.
 */
export function cellText(text: string): string {
  const clean = sanitizeText(text);
  return clean.length > MAX_CELL_CHARS ? `${cutText(clean, MAX_CELL_CHARS - 1)}…` : clean;
}

/**
 * A CSV field: sanitised, formula-looking text prefixed with an apostrophe
 * (OWASP's advice for CSV injection), quoted when it holds a separator.
 */
export function csvCell(text: string, separator = ','): string {
  let clean = cellText(text);
  if (looksLikeFormula(clean)) clean = `'${clean}`;
  return /["\n\r]/.test(clean) || clean.includes(separator)
    ? `"${clean.replace(/"/g, '""')}"`
    : clean;
}

/** Export file kinds. */
export const EXPORT_KINDS = {
  docx: {
    extension: '.docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word document',
  },
  xlsx: {
    extension: '.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel workbook',
  },
  // A launch communication for the mail tool (shared/launch/communication-export.ts).
  txt: { extension: '.txt', mime: 'text/plain;charset=utf-8', label: 'Plain text' },
  eml: { extension: '.eml', mime: 'message/rfc822', label: 'E-mail message' },
} as const;

/** A kind of export file. */
export type ExportKind = keyof typeof EXPORT_KINDS;

/**
 * A safe file name for an export ("Lower Valley: 2027" + docx →
 * "Lower Valley 2027 – Program plan.docx"), using the same rules as plan files.
 */
export function exportFileName(planName: string, kind: ExportKind, suffix?: string): string {
  const base = planFileName(sanitizeText(planName)).slice(0, -PLAN_FILE_SUFFIX.length);
  const label = suffix ?? (kind === 'docx' ? 'Program plan' : 'Plan workbook');
  return `${base} – ${label}${EXPORT_KINDS[kind].extension}`;
}
