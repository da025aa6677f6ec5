/**
 * The catalog search index: searching through it gives exactly what a naive
 * filter (normalising every item on every call) gives, whatever the items,
 * query and filters; accents and case are ignored; edits re-index only the
 * items they replace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KIND_LABELS,
  NO_FILTER,
  distinctValues,
  filterCatalog,
  indexSome,
  isIndexed,
  pathwayCandidates,
  type CatalogFilter,
} from '../../shared/content/catalog';
import type { ContentItem } from '../../shared/plan/schema';

const KINDS = Object.keys(KIND_LABELS) as ContentItem['kind'][];
const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
const word = fc.constantFrom(
  'Café',
  'cafe',
  'SQL',
  'sql',
  'Data',
  'ÉLAN',
  'élan',
  'Ünï',
  'x',
  ' ',
  '  ',
  '\t',
);
const text = fc
  .array(fc.oneof(word, fc.string({ maxLength: 4 })), { maxLength: 4 })
  .map((w) => w.join(' '));

const item = fc.record({
  id: fc.uuid(),
  title: text,
  provider: text,
  kind: fc.constantFrom(...KINDS),
  skills: fc.array(text, { maxLength: 3 }),
  level: fc.constantFrom(...LEVELS),
  hours: fc.constant(null),
  languages: fc.array(fc.constantFrom('English', 'english ', 'Polski', 'Español'), {
    maxLength: 2,
  }),
  costPerLearner: fc.constant(null),
  url: fc.constant(''),
  notes: text,
}) as fc.Arbitrary<ContentItem>;

/** The naive reference: fold every field on every call. */
function fold(s: string) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
function naive(items: readonly ContentItem[], f: CatalogFilter): ContentItem[] {
  const words = fold(f.query).split(' ').filter(Boolean);
  return items.filter((i) => {
    if (f.kind && i.kind !== f.kind) return false;
    if (f.level && i.level !== f.level) return false;
    if (key(f.language) && !i.languages.some((l) => key(l) === key(f.language))) return false;
    if (key(f.skill) && !i.skills.some((s) => key(s) === key(f.skill))) return false;
    const fields = [i.title, i.provider, i.skills.join(' '), i.notes, KIND_LABELS[i.kind]].map(
      fold,
    );
    return words.every((w) => fields.some((h) => h.includes(w)));
  });
}

const filter = fc.record({
  query: text,
  kind: fc.constantFrom('', ...KINDS),
  level: fc.constantFrom('', ...LEVELS),
  language: fc.constantFrom('', 'english', 'Español', 'Polski'),
  skill: fc.oneof(fc.constant(''), text),
}) as fc.Arbitrary<CatalogFilter>;

describe('catalog search index', () => {
  it('gives what a naive filter gives (property)', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), filter, (items, f) => {
        expect(filterCatalog(items, f)).toEqual(naive(items, f));
        // A second search answers from the cache, identically.
        expect(filterCatalog(items, f)).toEqual(naive(items, f));
      }),
      { numRuns: 400 },
    );
  });

  it('ignores accents and case, and matches every word', () => {
    const items = [
      {
        id: 'a',
        title: 'Señales de Ciberseguridad',
        provider: 'Café Digital',
        kind: 'course',
        skills: [],
        level: 'beginner',
        hours: null,
        languages: [],
        costPerLearner: null,
        url: '',
        notes: '',
      },
      {
        id: 'b',
        title: 'Cyber basics',
        provider: 'Cafe',
        kind: 'clip',
        skills: ['Security'],
        level: 'advanced',
        hours: null,
        languages: [],
        costPerLearner: null,
        url: '',
        notes: '',
      },
    ] as ContentItem[];
    expect(filterCatalog(items, { ...NO_FILTER, query: 'SENALES cafe' }).map((i) => i.id)).toEqual([
      'a',
    ]);
    expect(filterCatalog(items, { ...NO_FILTER, query: 'café' }).map((i) => i.id)).toEqual([
      'a',
      'b',
    ]);
    expect(pathwayCandidates(items, 'cafe', 'beginner').map((i) => i.id)).toEqual(['a']);
    expect(distinctValues(items, 'skills')).toEqual(['Security']);
  });

  it('indexes in slices, and an edit re-indexes only the replaced item', () => {
    const items = Array.from({ length: 3000 }, (_, n) => ({
      id: `i${n}`,
      title: `Item ${n}`,
      provider: '',
      kind: 'course',
      skills: [],
      level: 'beginner',
      hours: null,
      languages: [],
      costPerLearner: null,
      url: '',
      notes: '',
    })) as ContentItem[];
    let clock = 0;
    // A clock that moves 1 ms per reading: each slice stops after its budget.
    const from = indexSome(items, 0, 2, () => clock++);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThan(items.length);
    expect(indexSome(items, from, Infinity)).toBe(items.length);
    const edited = [...items];
    edited[5] = { ...items[5]!, title: 'Renamed' };
    expect(edited.filter((i) => !isIndexed(i))).toEqual([edited[5]]);
    expect(filterCatalog(edited, { ...NO_FILTER, query: 'renamed' })).toEqual([edited[5]]);
  });
});
