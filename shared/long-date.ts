/** Dates as documents and messages write them: "1 April 2027". */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * "1 April 2027" for a date or datetime (YYYY-MM-DD…); `empty` ('' unless
 * given, e.g. '—' in a table) when there is no date.
 */
export function longDate(iso: string | null | undefined, empty = ''): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return empty;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "June 2028" for a date (YYYY-MM…); `empty` when there is none. */
export function monthYear(iso: string | null | undefined, empty = ''): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso ?? '');
  if (!m) return empty;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
