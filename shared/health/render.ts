/**
 * Findings in words: a finding carries a catalog key and values (numbers,
 * names the user typed, ISO dates); these functions write its sentence in the
 * language of a translator — the UI's in the app, a plan's document language
 * in exports — with that language's quotes, plurals, dates, numbers, money
 * and lists.
 */
import type { Format } from '../i18n/format';
import type { Translator } from '../i18n/translator';
import { formatMoney } from '../learners/budget';
import type {
  Finding,
  HealthMessage,
  HealthRepair,
  ListType,
  MessageValue,
  MessageValues,
} from './types';

const MAX_TITLE = 80;

/** A translator called with a key built at run time (the keys are checked by the types in types.ts). */
type Lookup = (key: string, values?: Record<string, string | number>) => string;

const lookup = (t: Translator) => t as unknown as Lookup;

/** Text as a title: spaces folded, shortened to 80 characters. */
function titleText(text: string): string {
  const folded = text.trim().replace(/\s+/g, ' ');
  return folded.length > MAX_TITLE ? `${folded.slice(0, MAX_TITLE - 1)}…` : folded;
}

function joinList(t: Translator, format: Format, items: readonly string[], type: ListType) {
  switch (type) {
    case 'and':
      return format.list(items, 'conjunction');
    case 'or':
      return format.list(items, 'disjunction');
    case 'unit':
      return new Intl.ListFormat(format.locale, { style: 'long', type: 'unit' }).format(items);
    case 'semicolon':
      return items.join(lookup(t)('health:words.listSeparator'));
    case 'path':
      return items.join(lookup(t)('health:words.pathSeparator'));
  }
}

/** One value of a message, written in the translator's language. */
export function renderValue(t: Translator, format: Format, value: MessageValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('quoted' in value) {
    const text = titleText(value.quoted);
    if (text) return lookup(t)('health:words.quoted', { text });
    if (value.fallback)
      return lookup(t)('health:words.quoted', {
        text: titleText(String(renderValue(t, format, value.fallback))),
      });
    return lookup(t)('health:words.untitled');
  }
  if ('date' in value) return format.date(value.date, value.date);
  if ('money' in value) return formatMoney(value.money, value.currency, format.locale);
  if ('number' in value) return format.number(value.number, value.decimals ?? 2);
  if ('phrase' in value)
    return lookup(t)(`health:words.${value.phrase}`, renderValues(t, format, value.values ?? {}));
  return joinList(
    t,
    format,
    value.list.map((item) => String(renderValue(t, format, item))),
    value.type,
  );
}

function renderValues(
  t: Translator,
  format: Format,
  values: MessageValues,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) out[name] = renderValue(t, format, value);
  return out;
}

/** A finding's message as a sentence in the translator's language (`format` of the same language). */
export function renderHealthMessage(t: Translator, format: Format, message: HealthMessage): string {
  return lookup(t)(`health:findings.${message.key}`, renderValues(t, format, message.values));
}

/** A finding's sentence (see renderHealthMessage). */
export function findingText(t: Translator, format: Format, finding: Finding): string {
  return renderHealthMessage(t, format, finding.message);
}

/** A repair button's words ("Remove the indicator") in the translator's language. */
export function repairText(t: Translator, repair: HealthRepair): string {
  return lookup(t)(`health:repairs.${repair.labelKey}`);
}
