/**
 * The language a Word or Excel export is written in: the plan's document
 * language (independent of the UI's), or the one the command line asks for.
 * Every heading, label, caption and generated sentence of shared/export comes
 * from the `document` (Word and shared terms) and `workbook` (Excel) catalogs
 * through a DocLocale handed down from the export's entry point — never a
 * global — and every number, amount and date through `Intl` in that language.
 *
 * Messages are read from the catalogs of a fresh i18next instance (created
 * once per export) and compiled once each: the export of a large plan asks
 * for a label tens of thousands of times, and i18next's own `t` took ~20 µs a
 * call, a compiled ICU message ~1–6 µs.
 */
import { createInstance, type i18n as I18n } from 'i18next';
import ICU from 'i18next-icu';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatFor, type Format } from '../i18n/format';
import { directionOf, isLanguage, type Language, type TextDirection } from '../i18n/languages';
import {
  createTranslator,
  englishCatalog,
  I18N_OPTIONS,
  NAMESPACES,
  type Catalog,
  type Translator,
} from '../i18n/translator';
import { formatMoney } from '../learners/budget';

/** Dotted paths to the messages of a catalog namespace ("cover.asOf"). */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A message of the `document` namespace (Word, and terms both files use). */
export type DocKey = Leaves<Catalog['document']>;
/** A message of the `workbook` namespace (Excel). */
export type BookKey = Leaves<Catalog['workbook']>;
/** Values for a message's {arguments}. */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** The language of one export, its messages and its formats. */
export interface DocLocale {
  readonly language: Language;
  /** Writing direction: 'rtl' sets paragraphs, tables and sheets right to left. */
  readonly dir: TextDirection;
  /** The i18next translator of the export's instance (any namespace). */
  readonly t: Translator;
  /** `Intl` formats in the document language (Latin digits in Arabic). */
  readonly format: Format;
  /** A message of the `document` catalog. */
  d(key: DocKey, args?: MessageArgs): string;
  /** A message of the `workbook` catalog. */
  w(key: BookKey, args?: MessageArgs): string;
  /** A count with thousands separators: "50,000", "50 000". */
  count(n: number): string;
  /** A number with up to two decimals ("1,900", "12.5"), or an em dash when not known. */
  value(n: number | null | undefined): string;
  /** A number with exactly one decimal ("55.0"). */
  fixed1(n: number): string;
  /** A money amount in the plan currency ("€1,234,500"), the number alone without one. */
  money(amount: number, currency: string | null): string;
  /** "1 April 2027" for a date or datetime; `empty` (an em dash unless given) when missing. */
  date(iso: string | null | undefined, empty?: string): string;
  /** "April 2027"; `empty` when missing. */
  monthYear(iso: string | null | undefined, empty?: string): string;
  /** "a, b and c". */
  list(items: readonly string[]): string;
  /** A share 0–1 as a percentage with up to `maxDecimals` decimals (default 0): "45 %", "45%". */
  percent(share: number, maxDecimals?: number): string;
}

/** Builds a DocLocale over an i18next instance holding the language's catalogs. */
function localeOf(instance: I18n, language: Language, t: Translator): DocLocale {
  const format = formatFor(language);
  const compiled = new Map<string, IntlMessageFormat | string>();
  const message = (ns: 'document' | 'workbook', key: string, args?: MessageArgs): string => {
    const id = `${ns}:${key}`;
    let m = compiled.get(id);
    if (m === undefined) {
      const raw = instance.getResource(language, ns, key) ?? instance.getResource('en', ns, key);
      if (typeof raw !== 'string') throw new Error(`No message ${id} in the catalogs.`);
      // A message without arguments, plurals or quotes is its own text (most labels).
      m = /[{}']/.test(raw)
        ? new IntlMessageFormat(raw, format.locale, undefined, { ignoreTag: true })
        : raw;
      compiled.set(id, m);
    }
    return typeof m === 'string' ? m : String(m.format(args));
  };
  const counts = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 3 });
  const values = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 2 });
  const oneDecimal = new Intl.NumberFormat(format.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return {
    language,
    dir: directionOf(language),
    t,
    format,
    d: (key, args) => message('document', key, args),
    w: (key, args) => message('workbook', key, args),
    count: (n) => counts.format(n),
    value: (n) => (n === null || n === undefined ? '—' : values.format(n)),
    fixed1: (n) => oneDecimal.format(Math.round(n * 10) / 10),
    money: (amount, currency) => formatMoney(amount, currency, format.locale),
    date: (iso, empty = '—') => format.date(iso, empty),
    monthYear: (iso, empty = '') => format.monthYear(iso, empty),
    list: (items) => format.list(items),
    percent: (share, maxDecimals = 0) =>
      message('document', 'common.percent', {
        value: format.number(
          maxDecimals === 0 ? Math.round(share * 100) : share * 100,
          maxDecimals,
        ),
      }),
  };
}

let english: DocLocale | null = null;

/**
 * English, built at once (its catalog is bundled): for the builders called
 * without a locale on an English plan (tests, the bench) and the app's own
 * English-only helpers.
 */
export function englishLocale(): DocLocale {
  if (english) return english;
  const instance = createInstance();
  void instance.use(ICU).init({ ...I18N_OPTIONS, lng: 'en', resources: { en: englishCatalog } });
  english = localeOf(instance, 'en', instance.getFixedT('en', NAMESPACES) as Translator);
  return english;
}

/**
 * The locale of an export in `language`: a fresh i18next instance with the
 * language's catalogs (loaded on demand), created once per export.
 * @throws when the language's catalog cannot be loaded.
 */
export async function documentLocale(language: Language): Promise<DocLocale> {
  if (language === 'en') return englishLocale();
  const { t, i18n } = await createTranslator(language);
  return localeOf(i18n, language, t);
}

/**
 * The locale a synchronous builder uses: the one the export was given, else
 * English for a plan in English. A plan in another language needs its
 * locale loaded first (`documentLocale`), which the async entry points do.
 * @throws for a plan in another language without a locale (never a silent English file).
 */
export function localeFor(
  plan: { readonly documentLanguage?: string },
  given: DocLocale | undefined,
): DocLocale {
  if (given) return given;
  const language = plan.documentLanguage ?? 'en';
  if (language === 'en' || !isLanguage(language)) return englishLocale();
  throw new Error(
    `The plan's documents are in "${language}": load its locale with documentLocale() and pass it as options.locale.`,
  );
}
