/**
 * The content catalog: labels, search and filters.
 *
 * Search uses an index: each item's normalised text is worked out once and
 * cached by the item object's identity (a WeakMap). Plan edits replace only
 * the items they change, so after an edit or an import only new items are
 * normalised, and a keystroke costs one `includes` per item and word.
 * Matching ignores case, accents and runs of spaces ("cafe" finds "Café").
 */
import type { ContentItem } from '../plan/schema';
import { skillKey } from './pathways';

/** Human labels for content kinds. */
export const KIND_LABELS = {
  course: 'Course',
  professionalCertificate: 'Professional certificate',
  skillSet: 'Skill set',
  guidedProject: 'Guided project',
  clip: 'Clip',
  inHouseModule: 'In-house module',
} as const satisfies Record<ContentItem['kind'], string>;

const KIND_KEYS = Object.fromEntries(
  Object.entries(KIND_LABELS).map(([kind, label]) => [kind, label.toLowerCase()]),
) as Record<ContentItem['kind'], string>;

/** What the index keeps per item. */
interface Entry {
  /** Folded title, provider, skills, notes and kind label, separated by newlines. */
  readonly haystack: string;
  /** `skillKey` of each skill and language, for the exact-match filters and distinct lists. */
  readonly skillKeys: readonly string[];
  readonly languageKeys: readonly string[];
}

const entries = new WeakMap<ContentItem, Entry>();

// Combining marks left by NFD decomposition ("é" → "e" + U+0301).
const MARKS = /[\u0300-\u036f]/g;
// eslint-disable-next-line no-control-regex -- the ASCII range is the point
const NON_ASCII = /[^\u0000-\u007f]/;

// Whitespace other than single inner spaces: only then is the collapsing regex needed.
const UNTIDY_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/** Lower case with runs of whitespace collapsed to one space and the ends trimmed. */
function tidyLower(text: string): string {
  const lower = text.toLowerCase();
  return UNTIDY_SPACE.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}

/** Text folded for matching: lower case, accents removed, spaces collapsed, trimmed. */
export function foldText(text: string): string {
  return tidyLower(NON_ASCII.test(text) ? text.normalize('NFD').replace(MARKS, '') : text);
}

/** The words of a query, folded; an item matches when its text contains every one. */
export function queryWords(query: string): string[] {
  return foldText(query).split(' ').filter(Boolean);
}

/** The searchable text of an item, as the index builds it (exported for tests). */
export function searchableText(item: ContentItem): string {
  return `${foldText(item.title)}\n${foldText(item.provider)}\n${foldText(item.skills.join(' '))}\n${foldText(item.notes)}\n${KIND_KEYS[item.kind]}`;
}

function entryOf(item: ContentItem): Entry {
  let entry = entries.get(item);
  if (!entry) {
    entry = {
      haystack: searchableText(item),
      // tidyLower is skillKey (its 'en' locale lower-casing is plain lower-casing), without
      // toLocaleLowerCase's cost.
      skillKeys: item.skills.map(tidyLower),
      languageKeys: item.languages.map(tidyLower),
    };
    entries.set(item, entry);
  }
  return entry;
}

/** Whether an item's text contains every (already folded) word. */
export function matchesWords(item: ContentItem, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const { haystack } = entryOf(item);
  for (const w of words) if (!haystack.includes(w)) return false;
  return true;
}

/** `skillKey`s of an item's skills (cached). */
export function skillKeysOf(item: ContentItem): readonly string[] {
  return entryOf(item).skillKeys;
}

/** `skillKey`s of an item's languages (cached). */
export function languageKeysOf(item: ContentItem): readonly string[] {
  return entryOf(item).languageKeys;
}

/** Whether the index already holds this item (unchanged since it was indexed). */
export function isIndexed(item: ContentItem): boolean {
  return entries.has(item);
}

/**
 * Indexes items from `from` until `budgetMs` has passed; returns where to
 * continue (items.length when done). Lets the UI build the index in slices
 * between frames rather than in one long task on the first keystroke.
 */
export function indexSome(
  items: readonly ContentItem[],
  from: number,
  budgetMs: number,
  now: () => number = () => performance.now(),
): number {
  const end = now() + budgetMs;
  let i = from;
  while (i < items.length) {
    entryOf(items[i]!);
    i++;
    // Checking the clock every item would cost more than the work.
    if ((i & 255) === 0 && now() > end) break;
  }
  return i;
}

/** What the catalog list is filtered by; empty strings mean "any". */
export interface CatalogFilter {
  readonly query: string;
  readonly kind: ContentItem['kind'] | '';
  readonly level: ContentItem['level'] | '';
  readonly language: string;
  readonly skill: string;
}

/** A filter that lets everything through. */
export const NO_FILTER: CatalogFilter = { query: '', kind: '', level: '', language: '', skill: '' };

/** Items matching a filter; the query matches title, provider, skills, notes and kind, every word. */
export function filterCatalog(items: readonly ContentItem[], filter: CatalogFilter): ContentItem[] {
  const words = queryWords(filter.query);
  const language = skillKey(filter.language);
  const skill = skillKey(filter.skill);
  if (!words.length && !filter.kind && !filter.level && !language && !skill) return [...items];
  return items.filter((item) => {
    if (filter.kind && item.kind !== filter.kind) return false;
    if (filter.level && item.level !== filter.level) return false;
    if (language && !languageKeysOf(item).includes(language)) return false;
    if (skill && !skillKeysOf(item).includes(skill)) return false;
    return matchesWords(item, words);
  });
}

const LEVEL_ORDER: readonly ContentItem['level'][] = ['beginner', 'intermediate', 'advanced'];

/** Items a pathway step can be picked from: matching every query word, at most `maxLevel`. */
export function pathwayCandidates(
  items: readonly ContentItem[],
  query: string,
  maxLevel: ContentItem['level'] | '',
): readonly ContentItem[] {
  const words = queryWords(query);
  if (!words.length && !maxLevel) return items;
  const top = maxLevel ? LEVEL_ORDER.indexOf(maxLevel) : LEVEL_ORDER.length;
  return items.filter(
    (item) => LEVEL_ORDER.indexOf(item.level) <= top && matchesWords(item, words),
  );
}

/** Distinct values of a list field across the catalog, sorted, first spelling kept. */
export function distinctValues(
  items: readonly ContentItem[],
  field: 'skills' | 'languages',
): string[] {
  const seen = new Map<string, string>();
  collectDistinct(seen, items, 0, items.length, field);
  return sortedDistinct(seen);
}

/**
 * Adds the distinct values of `field` in items [from, to) to `seen`
 * (normalised key → first spelling seen), so a long catalog can be gathered
 * in slices.
 */
export function collectDistinct(
  seen: Map<string, string>,
  items: readonly ContentItem[],
  from: number,
  to: number,
  field: 'skills' | 'languages',
): void {
  for (let n = from; n < to; n++) {
    const item = items[n]!;
    const keys = field === 'skills' ? skillKeysOf(item) : languageKeysOf(item);
    const values = item[field];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key && !seen.has(key)) seen.set(key, values[i]!.trim());
    }
  }
}

/** The values gathered by collectDistinct, sorted for a list of choices. */
export function sortedDistinct(seen: ReadonlyMap<string, string>): string[] {
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** Pathways that use a catalog item, with how many steps each. */
export function pathwaysUsing(
  pathways: readonly { id: string; name: string; steps: readonly { contentItemId: string }[] }[],
  itemId: string,
): { id: string; name: string; steps: number }[] {
  return pathways
    .map((p) => ({
      id: p.id,
      name: p.name,
      steps: p.steps.filter((s) => s.contentItemId === itemId).length,
    }))
    .filter((p) => p.steps > 0);
}
