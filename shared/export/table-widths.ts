/**
 * Column widths of a Word table from its content: no column narrower than
 * its longest word (so "Communications" and an e-mail address are not
 * broken mid-word, up to a cap for very long addresses), and the width that
 * is left shared between the designed proportions and how much text each
 * column actually holds (so a notes column with paragraphs is not squeezed
 * into 15-line rows while a date column idles). Widths in twips; text widths
 * are estimated from character classes (see diagrams/scene textWidth), not
 * measured.
 */
import { textWidth } from './diagrams/scene';

const TWIPS_PER_PT = 20;
/** Rows looked at to judge a column's content (a catalog table can hold 50,000). */
const SAMPLED_ROWS = 400;
/** A word wider than this share of the table may wrap (a very long web address). */
const LONGEST_WORD_SHARE = 0.3;

/** A column as designed: its heading and its relative width. */
export interface DesignedColumn {
  readonly title: string;
  readonly width: number;
}

/**
 * Widths in twips adding up to `available`, for body text of `fontPt`
 * points in cells with `padding` twips of left and right margin together.
 */
export function columnWidths(
  columns: readonly DesignedColumn[],
  rows: readonly (readonly string[])[],
  available: number,
  fontPt = 8.5,
  padding = 180,
): number[] {
  // The Word builder and the contents' page estimate both ask for each table's widths.
  const key = `${available}|${fontPt}|${padding}`;
  let byOptions = computed.get(rows);
  if (byOptions?.columns !== columns) {
    byOptions = { columns, widths: new Map() };
    computed.set(rows, byOptions);
  }
  let widths = byOptions.widths.get(key);
  if (!widths) {
    widths = computeWidths(columns, rows, available, fontPt, padding);
    byOptions.widths.set(key, widths);
  }
  return [...widths];
}

/** Widths already worked out, by a table's rows, for its columns. */
const computed = new WeakMap<
  readonly (readonly string[])[],
  { columns: readonly DesignedColumn[]; widths: Map<string, readonly number[]> }
>();

function computeWidths(
  columns: readonly DesignedColumn[],
  rows: readonly (readonly string[])[],
  available: number,
  fontPt: number,
  padding: number,
): number[] {
  const n = columns.length;
  if (n === 0) return [];
  const twips = (text: string, bold = false) => textWidth(text, fontPt, bold) * TWIPS_PER_PT;
  const sample = rows.length > SAMPLED_ROWS ? rows.slice(0, SAMPLED_ROWS) : rows;
  const longestWord = columns.map((c, i) => {
    let widest = Math.max(0, ...c.title.split(/\s+/).map((w) => twips(w, true)));
    for (const row of sample)
      for (const word of (row[i] ?? '').split(/\s+/)) widest = Math.max(widest, twips(word));
    return Math.min(widest + padding, available * LONGEST_WORD_SHARE);
  });
  // How much text a column holds on average (a long paragraph counts up to a few lines' worth).
  const content = columns.map((_, i) => {
    if (sample.length === 0) return 0;
    let sum = 0;
    for (const row of sample) sum += Math.min(twips(row[i] ?? ''), available * 1.5);
    return sum / sample.length;
  });
  const designed = columns.reduce((s, c) => s + c.width, 0) || n;
  const held = content.reduce((s, c) => s + c, 0);
  const preferred = columns.map(
    (c, i) =>
      available *
      (held > 0 ? 0.5 * (c.width / designed) + 0.5 * (content[i]! / held) : c.width / designed),
  );
  // When the longest words cannot all fit, the longest of them (addresses)
  // give way first: cap them at the level where the rest still fit whole.
  const min = capLongest(longestWord, available * 0.9);
  const minTotal = min.reduce((s, w) => s + w, 0);
  if (minTotal >= available)
    return whole(
      min.map((w) => (w / minTotal) * available),
      available,
    );
  // Raise what is below its minimum; take the difference from the columns with room to spare.
  const widths = preferred.map((w, i) => Math.max(w, min[i]!));
  let over = widths.reduce((s, w) => s + w, 0) - available;
  while (over > 0.5) {
    const spare = widths.map((w, i) => w - min[i]!);
    const spareTotal = spare.reduce((s, w) => s + Math.max(0, w), 0);
    if (spareTotal <= 0) break;
    const take = Math.min(over, spareTotal);
    widths.forEach(
      (_, i) => (widths[i] = widths[i]! - (Math.max(0, spare[i]!) / spareTotal) * take),
    );
    over -= take;
  }
  return whole(widths, available);
}

/** The widths with the largest lowered to one cap, so that they add up to at most `budget`. */
function capLongest(widths: readonly number[], budget: number): number[] {
  const total = (cap: number) => widths.reduce((s, w) => s + Math.min(w, cap), 0);
  if (total(Infinity) <= budget) return [...widths];
  let low = 0;
  let high = Math.max(...widths);
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2;
    if (total(mid) <= budget) low = mid;
    else high = mid;
  }
  return widths.map((w) => Math.min(w, low));
}

/** Whole twips adding up to `total` (the remainder to the widest column). */
function whole(widths: readonly number[], total: number): number[] {
  const out = widths.map((w) => Math.floor(w));
  const rest = total - out.reduce((s, w) => s + w, 0);
  const widest = out.indexOf(Math.max(...out));
  out[widest] = out[widest]! + rest;
  return out;
}
