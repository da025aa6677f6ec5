/**
 * Builds the catalog search index in slices between frames, so a plan
 * opened or an import applied with tens of thousands of items never costs
 * one long task on the first keystroke. Returns the newest catalog that is
 * fully indexed (the previous one while the new one is being indexed).
 */
import { useEffect, useState } from 'react';
import { indexSome, isIndexed } from '../../../../shared/content/catalog';
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
