/**
 * Mixed-direction text in translated sentences. A plan's name, a person's
 * name or an e-mail put into a sentence ("Delete “Lower Valley Digital
 * Futures 2027”?") can have the other direction than the sentence: Latin
 * in Arabic, or an Arabic name in English. Left to the Unicode bidi
 * algorithm, its neutral ends (digits, quotes, "…", ".") join the wrong run
 * and the words come out of order. Each such value is isolated with FIRST
 * STRONG ISOLATE … POP DIRECTIONAL ISOLATE (U+2068 … U+2069), the plain-text
 * twin of `<bdi>`: inside, the value takes its own first strong direction;
 * outside, it is one neutral block.
 */
import { directionOf, isLanguage } from '../../../shared/i18n/languages';

/** FIRST STRONG ISOLATE. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE. */
export const PDI = '\u2069';

/** A right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

const argumentsByMessage = new Map<string, readonly string[]>();

/**
 * Collects the plain `{name}` arguments of an ICU message from `at` (inside
 * plural and select branches too) and returns where the (sub)message ends:
 * its closing brace or the end of the text.
 */
function scanMessage(message: string, at: number, names: Names): number {
  let i = at;
  while (i < message.length && message[i] !== '}') {
    i = message[i] === '{' ? scanArgument(message, i + 1, names) : i + 1;
  }
  return i;
}

/** Argument names found so far: plain ones, and those with a type (plural, select, number…). */
interface Names {
  plain: Set<string>;
  typed: Set<string>;
}

/** Reads an argument after its `{`; returns the index after its `}`. */
function scanArgument(message: string, at: number, names: Names): number {
  const head = /^\s*([^\s,{}]+)\s*(?:,\s*([a-z]+)\s*)?/.exec(message.slice(at));
  if (!head) return at;
  let i = at + head[0].length;
  const [, name, type] = head;
  if (!type) {
    if (message[i] === '}') names.plain.add(name!);
    return i + 1;
  }
  names.typed.add(name!);
  if (type === 'plural' || type === 'select' || type === 'selectordinal') {
    // Branches: `key {message}` (and plural's `offset:n`) until the argument closes.
    while (i < message.length && message[i] !== '}') {
      if (message[i] === '{') i = scanMessage(message, i + 1, names) + 1;
      else i++;
    }
    return i + 1;
  }
  // number, date, time with a style: no arguments inside.
  const close = message.indexOf('}', i);
  return close < 0 ? message.length : close + 1;
}

/**
 * The names of a message's plain `{name}` arguments (not those of a plural
 * or select, whose values must stay as they are to be matched).
 */
export function plainArguments(message: string): readonly string[] {
  let names = argumentsByMessage.get(message);
  if (!names) {
    const found: Names = { plain: new Set(), typed: new Set() };
    for (let i = 0; i < message.length; i = scanMessage(message, i, found) + 1);
    // A value also matched by a plural or select must stay as it is.
    names = [...found.plain].filter((name) => !found.typed.has(name));
    argumentsByMessage.set(message, names);
  }
  return names;
}

/** A value isolated from the text around it (no-op when already isolated or empty). */
export function isolate(value: string): string {
  return value === '' || value.startsWith(FSI) ? value : `${FSI}${value}${PDI}`;
}

/**
 * A message's values with each plain string argument isolated where it
 * could be misordered: always in a right-to-left language (its values are
 * mostly Latin names, numbers, e-mails), and in a left-to-right language
 * when the value holds right-to-left letters. Other values are unchanged;
 * returns `values` itself when nothing needs isolating.
 */
export function isolateArguments<T extends Record<string, unknown> | undefined>(
  message: string,
  values: T,
  language: string,
): T {
  if (!values) return values;
  const rtl = isLanguage(language) && directionOf(language) === 'rtl';
  let out: Record<string, unknown> | undefined;
  for (const name of plainArguments(message)) {
    const value = values[name];
    if (typeof value !== 'string' || value === '' || value.startsWith(FSI)) continue;
    if (!rtl && !RTL_LETTER.test(value)) continue;
    out ??= { ...values };
    out[name] = isolate(value);
  }
  return (out as T) ?? values;
}
