/**
 * Counts in words, one way everywhere: thousands separators ("50,000") and
 * the noun form Intl.PluralRules picks ("1 stakeholder", "3 partners"),
 * never `n === 1` and string concatenation. English, as the rest of the UI
 * for now (issue 15 brings other languages).
 */

const pluralRules = new Intl.PluralRules('en');

/** A count with thousands separators: 50000 → "50,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** One of two wordings by count, chosen by Intl.PluralRules. */
export function byCount<T>(n: number, one: T, other: T): T {
  return pluralRules.select(n) === 'one' ? one : other;
}

/** A count and its noun: countOf(1200, 'stakeholder', 'stakeholders') → "1,200 stakeholders". */
export function countOf(n: number, one: string, other: string): string {
  return `${formatCount(n)} ${byCount(n, one, other)}`;
}
