/**
 * Small-number suppression in partner-safe exports (issue 14): a count of
 * learners per segment or cohort from 1 to 4 is shown as "<5", so a reader
 * outside the program team cannot single out the one or two learners of a
 * small group (a segment can be a sensitive status). A rate worked out from
 * such a count ("1 of 3 completed") is left out too. Totals stay, and so
 * does zero (it says nobody, about nobody). The funder and internal files
 * show every count.
 *
 * Known limit: a suppressed count can still be worked out when every other
 * group and the total are shown (complementary suppression is not done).
 */
import type { Profile } from './audience';

/** Counts from 1 up to (not including) this are shown as "<5". */
export const SMALL_COUNT_LIMIT = 5;

/** How a suppressed count reads. */
export const SMALL_COUNT_TEXT = `<${SMALL_COUNT_LIMIT}`;

/** The rule, said where the counts are exported. */
export const SMALL_COUNT_RULE = `Counts of learners per segment or cohort from 1 to ${SMALL_COUNT_LIMIT - 1} are shown as “${SMALL_COUNT_TEXT}”, and rates worked out from them are left out, so no small group of learners can be singled out (partner-safe file).`;

/** Whether a profile's files suppress small per-group counts. */
export function suppressesSmallCounts(profile: Profile | undefined): boolean {
  return profile === 'partner';
}

/** Whether a count is small enough to suppress (1–4; zero is not). */
export function isSmallCount(count: number): boolean {
  return count > 0 && count < SMALL_COUNT_LIMIT;
}

/** A per-group count for a table: "<5" when small and the profile suppresses, else as `format` writes it. */
export function groupCount(
  count: number,
  profile: Profile | undefined,
  format: (n: number) => string,
): string {
  return suppressesSmallCounts(profile) && isSmallCount(count) ? SMALL_COUNT_TEXT : format(count);
}
