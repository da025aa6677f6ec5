/**
 * How long a text is, by the one rule the plan schema uses: zod counts a
 * string's Unicode code points (an emoji or a CJK extension character is one
 * character, not two UTF-16 units). Anything that checks a plan text against
 * a schema limit before the schema does (the Excel round trip, say) counts
 * with this, so a text the schema accepts is never refused on the way in.
 */
import { util } from 'zod/v4/core';

/** The length of `text` as the plan schema's `.max()` counts it. */
export function textLength(text: string): number {
  return util.codePointLength(text);
}

/** Grapheme clusters: what a reader sees as one character ("é", "🇩🇪", "👩‍💻"). */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The longest start of `text` that is at most `maxUnits` UTF-16 code units
 * long (the unit Excel's cell limit and `String.length` count) and ends
 * between two characters as a reader sees them: never inside a surrogate
 * pair (half an emoji is not text, and becomes U+FFFD in a file), nor
 * between a letter and its accent or inside a flag or a ZWJ sequence. Only a
 * single cluster longer than the whole limit is cut inside, between code
 * points.
 */
export function cutText(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  if (maxUnits <= 0) return '';
  // The cluster holding the first unit that does not fit starts where the cut goes.
  // (`containing` looks only near the cut; walking all clusters of a 30,000-unit
  // text takes ICU about a second.)
  const { index } = graphemes.segment(text).containing(maxUnits)!;
  return text.slice(0, index > 0 ? index : codePointEnd(text, maxUnits));
}

/**
 * The longest start of `text` that the plan schema's `.max(maxLength)`
 * accepts (counting code points, as `textLength` does), cut between whole
 * characters as `cutText` cuts. For commands that keep a typed text within a
 * field's limit: `slice(0, 500)` counts UTF-16 units, so it shortened a
 * 300-emoji title the schema accepts and could leave half an emoji behind.
 */
export function cutToLength(text: string, maxLength: number): string {
  if (text.length <= maxLength || textLength(text) <= maxLength) return text;
  let units = 0;
  let points = 0;
  for (const point of text) {
    if (points === maxLength) break;
    units += point.length;
    points++;
  }
  return cutText(text, units);
}

/** The last code point boundary at or before `maxUnits`. */
function codePointEnd(text: string, maxUnits: number): number {
  const last = text.charCodeAt(maxUnits - 1);
  return last >= 0xd800 && last <= 0xdbff ? maxUnits - 1 : maxUnits;
}

/**
 * A text shortened for a message or a label: at most `max` UTF-16 units,
 * ending in "…" when cut, cut between whole characters (see cutText).
 */
export function clipText(text: string, max = 40): string {
  return text.length > max ? `${cutText(text, max - 1)}…` : text;
}
