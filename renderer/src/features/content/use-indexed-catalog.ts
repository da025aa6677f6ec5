/**
 * Builds the catalog search index in slices between frames, so a plan
 * opened or an import applied with tens of thousands of items never costs
 * one long task on the first keystroke. Returns the newest catalog that is
 * fully indexed (the previous one while the new one is being indexed).
 */
import { useEffect, useMemo, useState } from 'react';
import {
  collectDistinct,
  indexSome,
  isIndexed,
  sortedDistinct,
} from '../../../../shared/content/catalog';
import type { ContentItem } from '../../../../shared/plan/schema';

/** Milliseconds of indexing per slice: well under a 50 ms long task. */
const SLICE_MS = 8;

function fullyIndexed(items: readonly ContentItem[]): boolean {
  for (const item of items) if (!isIndexed(item)) return false;
  return true;
}

/** The newest fully indexed catalog; indexing runs in slices after each change. */
export function useIndexedCatalog(catalog: readonly ContentItem[]): readonly ContentItem[] {
  const [indexed, setIndexed] = useState<readonly ContentItem[]>(() =>
    // Small catalogs are indexed on the spot; big ones start from nothing.
    catalog.length <= 2000 || fullyIndexed(catalog)
      ? (indexSome(catalog, 0, Infinity), catalog)
      : [],
  );
  useEffect(() => {
    if (indexed === catalog) return;
    let from = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      from = indexSome(catalog, from, SLICE_MS);
      if (from >= catalog.length) setIndexed(catalog);
      else timer = setTimeout(step, 0);
    };
    step();
    return () => clearTimeout(timer);
  }, [catalog, indexed]);
  return indexed;
}

/** The languages and skills a catalog's filters offer. */
export interface CatalogChoices {
  readonly languages: readonly string[];
  readonly skills: readonly string[];
}

/** Catalogs up to this size have their choices gathered on the spot. */
const CHOICES_SLICE = 4000;
/** Items gathered between two looks at the clock inside a slice. */
const CHOICES_STEP = 250;

function choicesOf(catalog: readonly ContentItem[]): CatalogChoices {
  const languages = new Map<string, string>();
  const skills = new Map<string, string>();
  collectDistinct(languages, catalog, 0, catalog.length, 'languages');
  collectDistinct(skills, catalog, 0, catalog.length, 'skills');
  return { languages: sortedDistinct(languages), skills: sortedDistinct(skills) };
}

/**
 * The distinct languages and skills of a catalog, gathered in slices of
 * SLICE_MS after each change (a catalog of 60,000 items takes tens of
 * milliseconds to scan: too long for one task). Until a new scan ends, the previous choices stay.
 */
export function useCatalogChoices(catalog: readonly ContentItem[]): CatalogChoices {
  const small = catalog.length <= CHOICES_SLICE;
  const direct = useMemo(() => (small ? choicesOf(catalog) : null), [catalog, small]);
  const [sliced, setSliced] = useState<CatalogChoices>({ languages: [], skills: [] });
  useEffect(() => {
    if (small) return;
    const languages = new Map<string, string>();
    const skills = new Map<string, string>();
    let from = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      // Time-bound, like the index: an item not yet indexed costs its index
      // entry here, so a fixed count of items could make a long task.
      const started = performance.now();
      do {
        const to = Math.min(catalog.length, from + CHOICES_STEP);
        collectDistinct(languages, catalog, from, to, 'languages');
        collectDistinct(skills, catalog, from, to, 'skills');
        from = to;
      } while (from < catalog.length && performance.now() - started < SLICE_MS);
      if (from < catalog.length) timer = setTimeout(step, 0);
      else setSliced({ languages: sortedDistinct(languages), skills: sortedDistinct(skills) });
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [catalog, small]);
  return direct ?? sliced;
}
