/**
 * Numbers, money, dates and lists written the way a language writes them,
 * through `Intl` (never hand-made): "1 234,5" in French, "١٢٬٣٤٥" is not
 * used — Arabic documents keep Latin digits (`-u-nu-latn`), as ministries
 * in the Maghreb and most of the Gulf write figures in plans and budgets.
 */
import type { Language } from './languages';

/** Formatting functions bound to one language. */
export interface Format {
  /** The language these functions write in. */
  readonly language: Language;
  /** The BCP 47 locale handed to `Intl` (Latin digits for Arabic). */
  readonly locale: string;
  /** A number with up to `maxDecimals` decimals (default 2): "12,500" / "12 500". */
  number(value: number, maxDecimals?: number): string;
  /** A share 0–1 as a percentage with up to `maxDecimals` decimals (default 0): "45%" / "45 %". */
  percent(share: number, maxDecimals?: number): string;
  /** An amount in an ISO 4217 currency (e.g. EUR), whole units unless it has cents: "€12,500" / "12 500 €". */
  money(amount: number, currency: string): string;
  /** A calendar date (ISO YYYY-MM-DD…) written out: "1 April 2027" / "1 de abril de 2027"; `empty` when missing or invalid. */
  date(iso: string | null | undefined, empty?: string): string;
  /** A short numeric date: "01/04/2027" (en-GB order in English, day first); `empty` when missing. */
  shortDate(iso: string | null | undefined, empty?: string): string;
  /** Month and year: "April 2027" / "abril de 2027"; `empty` when missing. */
  monthYear(iso: string | null | undefined, empty?: string): string;
  /** "a, b and c" / "a, b y c" / "a وb وc". */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
}

/** The `Intl` locale for a language: British English order for English dates, Latin digits for Arabic. */
export function intlLocale(language: Language): string {
  switch (language) {
    case 'en':
      return 'en-GB';
    case 'ar':
      return 'ar-u-nu-latn';
    default:
      return language;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** A date at noon UTC, so no time zone moves it to another day. */
function utcDate(iso: string | null | undefined): Date | null {
  const m = ISO_DATE.exec(iso ?? '');
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return Number.isNaN(date.getTime()) ? null : date;
}

const cache = new Map<Language, Format>();

/** The formatting functions for a language (cached: `Intl` formatters are costly to build). */
export function formatFor(language: Language): Format {
  const cached = cache.get(language);
  if (cached) return cached;
  const locale = intlLocale(language);
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (maxDecimals: number) => {
    let f = numbers.get(maxDecimals);
    if (!f) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals });
      numbers.set(maxDecimals, f);
    }
    return f;
  };
  const longDate = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const shortDate = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const monthYear = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  // Made once per type: the catalog import writes a list for every row with a currency.
  const lists = new Map<Intl.ListFormatType, Intl.ListFormat>();
  const listFormat = (type: Intl.ListFormatType) => {
    let f = lists.get(type);
    if (!f) {
      f = new Intl.ListFormat(locale, { style: 'long', type });
      lists.set(type, f);
    }
    return f;
  };
  const format: Format = {
    language,
    locale,
    number: (value, maxDecimals = 2) => numberFormat(maxDecimals).format(value),
    percent: (share, maxDecimals = 0) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: maxDecimals,
      }).format(share),
    money: (amount, currency) =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
        minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
      }).format(amount),
    date: (iso, empty = '') => {
      const d = utcDate(iso);
      return d ? longDate.format(d) : empty;
    },
    shortDate: (iso, empty = '') => {
      const d = utcDate(iso);
      return d ? shortDate.format(d) : empty;
    },
    monthYear: (iso, empty = '') => {
      const d = /^(\d{4})-(\d{2})/.test(iso ?? '') ? utcDate(`${iso!.slice(0, 7)}-01`) : null;
      return d ? monthYear.format(d) : empty;
    },
    list: (items, type = 'conjunction') => listFormat(type).format(items),
  };
  cache.set(language, format);
  return format;
}
