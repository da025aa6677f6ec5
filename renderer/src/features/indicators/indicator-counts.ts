/**
 * How many indicators each element lists (for badges on theory-of-change
 * nodes), computed once per version of the plan's indicators: a canvas of
 * thousands of nodes reads one map, not one scan of the indicators per node.
 */
import { indicatorsBySubject } from '../../../../shared/indicators/measures';
import type { Indicator } from '../../../../shared/plan/schema';

const cache = new WeakMap<readonly Indicator[], ReadonlyMap<string, number>>();

/** Number of indicators listing each element id (memoised on the list's identity). */
export function indicatorCounts(indicators: readonly Indicator[]): ReadonlyMap<string, number> {
  let counts = cache.get(indicators);
  if (!counts) {
    const map = new Map<string, number>();
    for (const [id, list] of indicatorsBySubject(indicators)) map.set(id, list.length);
    counts = map;
    if (Object.isFrozen(indicators)) cache.set(indicators, counts);
  }
  return counts;
}
