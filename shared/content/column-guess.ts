/**
 * Guessing which column of a spreadsheet holds which field, from its
 * headings: shared by every import (catalog items, stakeholder lists), each
 * with its own fields and synonyms.
 */

/** A field an import fills, with the heading words that name it (as `headingWords` gives them). */
export interface GuessableField<K extends string> {
  readonly key: K;
  readonly synonyms: readonly string[];
}

/** How the match is made; every rule is optional. */
export interface GuessRules<K extends string> {
  /**
   * Passes, in order: a heading that is a synonym, one that starts with one
   * ("Duration (hours)"), one that ends with one ("Est. Hours"). Default:
   * exact, then prefix.
   */
  readonly passes?: readonly ('exact' | 'prefix' | 'suffix')[];
  /** Columns never guessed (e-mail and phone columns). */
  readonly excluded?: Iterable<number>;
  /** Fields the suffix pass leaves alone (a provider's "Course ID" is not our ID). */
  readonly noSuffix?: ReadonlySet<K>;
  /**
   * Synonyms too generic to name their field inside a longer heading unless
   * the rest of it names no other field ("Course report 2024" is a title,
   * "Course URL" is not).
   */
  readonly generic?: {
    readonly words: ReadonlySet<string>;
    readonly namesAnotherField: (rest: string) => boolean;
  };
}

/** A heading as words: lower case, accents and punctuation dropped ("Durée (h)" → "duree h"). */
export function headingWords(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** For each field, the column its heading names (null when none), each column used at most once. */
export function guessColumns<K extends string>(
  fields: readonly GuessableField<K>[],
  headers: readonly string[],
  rules: GuessRules<K> = {},
): Record<K, number | null> {
  const normalised = headers.map(headingWords);
  const used = new Set<number>(rules.excluded ?? []);
  const mapping = {} as Record<K, number | null>;
  for (const pass of rules.passes ?? (['exact', 'prefix'] as const)) {
    for (const field of fields) {
      if (mapping[field.key] !== undefined && mapping[field.key] !== null) continue;
      if (pass === 'suffix' && rules.noSuffix?.has(field.key)) {
        mapping[field.key] = null;
        continue;
      }
      let found: number | null = null;
      for (const synonym of field.synonyms) {
        const generic = rules.generic?.words.has(synonym) ?? false;
        if (pass === 'suffix' && generic) continue;
        const index = normalised.findIndex(
          (h, i) =>
            !used.has(i) &&
            (pass === 'exact'
              ? h === synonym
              : pass === 'prefix'
                ? h.startsWith(`${synonym} `) &&
                  !(generic && rules.generic!.namesAnotherField(h.slice(synonym.length + 1)))
                : h.endsWith(` ${synonym}`)),
        );
        if (index >= 0) {
          found = index;
          break;
        }
      }
      mapping[field.key] = found;
      if (found !== null) used.add(found);
    }
  }
  return mapping;
}
