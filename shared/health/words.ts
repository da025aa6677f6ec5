/**
 * How findings name things (shared by the rule files without importing each
 * other): the values a finding's message carries. The words themselves are in
 * the `health` catalog; shared/health/render.ts writes them in a language.
 */
import type {
  FindingKey,
  HealthMessage,
  ListType,
  MessageValue,
  MessageValues,
  Phrase,
  PhraseKey,
} from './types';

/** A finding's message: its sentence in the catalog and the values it names. */
export function message(key: FindingKey, values: MessageValues = {}): HealthMessage {
  return { key, values };
}

/** Text the user typed, in quotes; when empty, `fallback` in quotes, or "an untitled element". */
export function quoted(text: string, fallback?: Phrase): MessageValue {
  return fallback ? { quoted: text, fallback } : { quoted: text };
}

/** A calendar date (YYYY-MM-DD), written out when shown (none: nothing). */
export function date(iso: string | null): MessageValue {
  return { date: iso ?? '' };
}

/** An amount in the plan's currency (null: the number alone). */
export function money(amount: number, currency: string | null): MessageValue {
  return { money: amount, currency };
}

/** A figure with up to `decimals` decimals. */
export function figure(value: number, decimals = 2): MessageValue {
  return { number: value, decimals };
}

/** A phrase of the catalog (`words.<key>`) with its values. */
export function phrase(key: PhraseKey, values?: MessageValues): Phrase {
  return values ? { phrase: key, values } : { phrase: key };
}

/** Several values joined the language's way (see ListType). */
export function list(items: readonly MessageValue[], type: ListType): MessageValue {
  return { list: items, type };
}
