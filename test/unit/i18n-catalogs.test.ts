/**
 * The message catalogs: every language has exactly the English keys, every
 * message is valid ICU MessageFormat with the same arguments as English, and
 * plurals give every form the language needs (Arabic six, Ukrainian four).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/i18n/languages';
import { formatFor } from '../../shared/i18n/format';
import {
  createTranslator,
  englishCatalog,
  loadCatalog,
  NAMESPACES,
} from '../../shared/i18n/translator';

type Tree = { [key: string]: string | Tree };

/** Every message of a namespace, by dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

interface Shape {
  readonly args: Set<string>;
  /** For each plural argument, the forms given (`one`, `few`, `=0`…). */
  readonly plurals: Map<string, Set<string>>;
}

type Element = {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  pluralType?: string;
};

/** The arguments a message uses, and the forms of each plural. */
function shapeOf(message: string, locale: string): Shape {
  const ast = new IntlMessageFormat(message, locale).getAst() as unknown as Element[];
  const shape: Shape = { args: new Set(), plurals: new Map() };
  const visit = (elements: Element[]) => {
    for (const el of elements) {
      // 0 literal, 7 pound, 8 tag; the others carry an argument name.
      if (el.value !== undefined && el.type !== 0 && el.type !== 7) shape.args.add(el.value);
      if (el.type === 6 && el.pluralType === 'cardinal' && el.options && el.value)
        shape.plurals.set(el.value, new Set(Object.keys(el.options)));
      if (el.options) for (const option of Object.values(el.options)) visit(option.value);
    }
  };
  visit(ast);
  return shape;
}

describe('message catalogs', () => {
  const english = new Map(
    NAMESPACES.map((ns) => [ns, flatten(englishCatalog[ns] as unknown as Tree)]),
  );

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the English keys', async (lang) => {
    const catalog = await loadCatalog(lang);
    expect(Object.keys(catalog).sort()).toEqual([...NAMESPACES].sort());
    for (const ns of NAMESPACES) {
      const keys = [...flatten(catalog[ns] as unknown as Tree).keys()].sort();
      expect(keys, `namespace ${ns}`).toEqual([...english.get(ns)!.keys()].sort());
    }
  });

  it.each(LANGUAGES)(
    '%s: every message is ICU with the English arguments and its plural forms',
    async (lang) => {
      const catalog = await loadCatalog(lang);
      // The forms whole counts up to 1,000 take (French "many" is for millions only).
      const rules = new Intl.PluralRules(lang);
      const categories = [...new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)))];
      const problems: string[] = [];
      for (const ns of NAMESPACES) {
        for (const [key, message] of flatten(catalog[ns] as unknown as Tree)) {
          const where = `${lang} ${ns}:${key}`;
          let shape: Shape;
          try {
            shape = shapeOf(message, lang);
          } catch (error) {
            problems.push(`${where}: not valid ICU (${String(error)})`);
            continue;
          }
          if (message.trim() === '') problems.push(`${where}: empty`);
          const reference = shapeOf(english.get(ns)!.get(key)!, 'en');
          const missing = [...reference.args].filter((a) => !shape.args.has(a));
          const extra = [...shape.args].filter((a) => !reference.args.has(a));
          if (missing.length) problems.push(`${where}: lacks {${missing.join('}, {')}}`);
          if (extra.length) problems.push(`${where}: has {${extra.join('}, {')}} English lacks`);
          for (const [arg, forms] of shape.plurals) {
            const lacking = categories.filter((c) => !forms.has(c));
            if (lacking.length)
              problems.push(`${where}: plural {${arg}} lacks ${lacking.join(', ')}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('French keeps its space before : ; ! ? » and after « unbreakable', async () => {
    // French typography sets these marks off by a space; a plain one lets a line (in the app or
    // in a Word export) break before the colon and leave it alone at the start of the next line.
    const catalog = await loadCatalog('fr');
    const breakable: string[] = [];
    for (const ns of NAMESPACES) {
      for (const [key, message] of flatten(catalog[ns] as unknown as Tree)) {
        if (/ [:;!?»]|« /.test(message)) breakable.push(`${ns}:${key}`);
      }
    }
    expect(breakable).toEqual([]);
  });
});

describe('translator', () => {
  const cases: [Language, number, string][] = [
    ['en', 1, '1 stakeholder'],
    ['en', 3, '3 stakeholders'],
    ['uk', 3, '3 зацікавлені сторони'],
    ['uk', 5, '5 зацікавлених сторін'],
    ['ar', 2, 'صاحبا مصلحة'],
    ['ar', 3, '3 أصحاب مصلحة'],
  ];
  it.each(cases)('%s plural for %i', async (lang, count, expected) => {
    const { t } = await createTranslator(lang);
    expect(t('common:count.stakeholders', { count })).toBe(expected);
  });

  it('each instance keeps its own language', async () => {
    const [es, fr] = await Promise.all([createTranslator('es'), createTranslator('fr')]);
    expect(es.t('shell:sections.theoryOfChange')).toBe('Teoría del cambio');
    expect(fr.t('shell:sections.theoryOfChange')).toBe('Théorie du changement');
  });
});

describe('formatting', () => {
  it('writes dates, money and lists the language’s way', () => {
    expect(formatFor('en').date('2027-04-01')).toBe('1 April 2027');
    expect(formatFor('es').date('2027-04-01')).toBe('1 de abril de 2027');
    expect(formatFor('fr').money(12500, 'EUR')).toBe('12\u202f500\u00a0€');
    expect(formatFor('en').money(12500.5, 'EUR')).toBe('€12,500.50');
    expect(formatFor('ar').date('2027-04-01')).toMatch(/^1 أبريل 2027$/);
    expect(formatFor('uk').list(['a', 'b', 'c'])).toBe('a, b і c');
    expect(formatFor('en').date('not a date', '—')).toBe('—');
  });
});
