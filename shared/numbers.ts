/**
 * Numbers as people type them into spreadsheets and forms: "1,050",
 * "1 050", "12,5", "1.200,50", "1,200.50", "75 %". One reader, so every
 * import accepts the same text (the Excel round trip uses it; the catalog
 * import's parseHours/parseCost follow the same rules and could call it).
 */

/** A number read from text, and whether it was typed as a percentage ("75%"). */
export interface TypedNumber {
  readonly value: number;
  /** True when the text ended in a per-cent sign: `value` is then the number before it (75 for "75%"). */
  readonly percent: boolean;
}

/**
 * A decimal number from text, or null when the text is not one. Spaces,
 * no-break spaces and apostrophes group thousands; with both "." and ","
 * the later mark is the decimal one; a lone comma followed by exactly three
 * digits ("1,050") groups thousands, any other comma ("12,5") is a decimal
 * comma; a lone dot is a decimal point ("1.000" is 1), two or more group
 * thousands ("1.000.000"). These are the catalog import's rules
 * (shared/content/catalog-import.ts parseDecimal), plus the last one.
 * `decimalMark`, a column's convention (`decimalConvention`), decides only
 * the text that reads either way: "1,250" is 1.25 in a column of decimal
 * commas, "1.200" is 1200 there.
 */
export function parseDecimalText(text: string, decimalMark?: DecimalMark): number | null {
  let t = text.replace(/[\s\u00a0\u202f']/g, '');
  if (t === '') return null;
  if (decimalMark && /^[-+\u2212\u2013]?\d{1,3}[.,]\d{3}$/.test(t)) {
    // "1,250" or "1.200" alone could be either; the column's convention decides.
    t = t.includes(decimalMark) ? t.replace(',', '.') : t.replace(/[.,]/, '');
  } else if (t.includes('.') && t.includes(',')) {
    t =
      t.lastIndexOf(',') > t.lastIndexOf('.')
        ? t.replace(/\./g, '').replace(',', '.')
        : t.replace(/,/g, '');
  } else if (/^[-+]?\d{1,3}(,\d{3})+$/.test(t) || /^[-+]?\d{1,3}(\.\d{3}){2,}$/.test(t)) {
    // "1,050", "1,000,000" and "1.000.000" (two dots can only group thousands).
    t = t.replace(/[,.]/g, '');
  } else {
    t = t.replace(',', '.');
  }
  // A minus sign typed as the Unicode minus or a dash counts as a minus.
  t = t.replace(/^[\u2212\u2013]/, '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Which mark separates the decimals in a column of numbers typed as text. */
export type DecimalMark = ',' | '.';

/** How a column of numbers typed as text marks its decimals, decided from all its values. */
export interface DecimalConvention {
  /**
   * The decimal mark most values say, or null when none says one (whole
   * numbers, "1,250"-like ones) or as many say each.
   */
  readonly mark: DecimalMark | null;
  /** Values that use the other mark as their decimal one (a column typed two ways). */
  readonly conflicting: number;
  /** A value that told the mark, to show the user ("12,5"). */
  readonly example: string | null;
}

/**
 * The decimal mark of a column from every value in it: "12,5", "95,50" and
 * "1.200,00" say comma; "12.5" and "1,200.50" say point; "1,250", "1.200"
 * and "12" say nothing on their own (they are whole numbers grouped, or
 * decimals, depending on the convention). The mark most values say wins.
 */
export function decimalConvention(values: Iterable<string>): DecimalConvention {
  let comma = 0;
  let point = 0;
  let commaExample: string | null = null;
  let pointExample: string | null = null;
  for (const raw of values) {
    const t = raw.replace(/[\s\u00a0\u202f']/g, '').replace(/[^\d.,]/g, '');
    if (!/\d/.test(t)) continue;
    const lastComma = t.lastIndexOf(',');
    const lastPoint = t.lastIndexOf('.');
    let says: DecimalMark | null = null;
    if (lastComma >= 0 && lastPoint >= 0) says = lastComma > lastPoint ? ',' : '.';
    else if (lastComma >= 0)
      says = /^\d{1,3}(,\d{3})+$/.test(t) ? null : /^\d+,\d+$/.test(t) ? ',' : null;
    else if (lastPoint >= 0)
      says = /^\d{1,3}(\.\d{3})+$/.test(t) ? null : /^\d+\.\d+$/.test(t) ? '.' : null;
    if (says === ',') {
      comma++;
      commaExample ??= raw.trim();
    } else if (says === '.') {
      point++;
      pointExample ??= raw.trim();
    }
  }
  if (comma === 0 && point === 0) return { mark: null, conflicting: 0, example: null };
  // As many of each: no convention (each value by its own marks, "1,250" as a whole number).
  if (comma === point) return { mark: null, conflicting: point, example: commaExample };
  return comma > point
    ? { mark: ',', conflicting: point, example: commaExample }
    : { mark: '.', conflicting: comma, example: pointExample };
}

/** A number typed as text, with or without a per-cent sign ("75%", "75 %", "12,5"). */
export function parseNumberText(text: string): TypedNumber | null {
  const trimmed = text.trim();
  const percent = /%$/.test(trimmed);
  const value = parseDecimalText(percent ? trimmed.slice(0, -1) : trimmed);
  return value === null ? null : { value, percent };
}

/**
 * A fraction stored by a spreadsheet for a per-cent cell (0.75 shown as
 * "75%") as the number a person typed (75), without floating-point noise
 * (0.07 × 100 is 7.000000000000001).
 */
export function fromPercentFraction(fraction: number): number {
  return Number((fraction * 100).toPrecision(12));
}

/**
 * Values rounded to `decimals` places so that the rounded values add up to
 * `total` rounded the same way: largest-remainder (Hamilton) rounding, so a
 * table's rows add up to its total row (Make points 15.0 + 7.0 + … = 16.4),
 * and no value moves by more than one last-place step. Values far from
 * adding up to `total` are each rounded on their own.
 */
export function roundToTotal(values: readonly number[], total: number, decimals = 1): number[] {
  const scale = 10 ** decimals;
  const target = Math.round(total * scale);
  const scaled = values.map((v) => v * scale);
  const floors = scaled.map((v) => Math.floor(v + 1e-9));
  let missing = target - floors.reduce((s, v) => s + v, 0);
  if (missing < 0 || missing > values.length)
    return values.map((v) => Math.round(v * scale) / scale);
  const order = scaled
    .map((v, i) => ({ i, rest: v - floors[i]! }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (missing === 0) break;
    floors[i] = floors[i]! + 1;
    missing--;
  }
  return floors.map((v) => v / scale);
}
