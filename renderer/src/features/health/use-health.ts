/**
 * Plan health in the UI: the findings of a plan, computed once per plan
 * version (plans are immutable, so identity is the cache key) and shared by
 * the sidebar badge, the health section and the editors' hints.
 */
import { checkPlanHealth, healthDependencies, problemCount } from '../../../../shared/health/check';
import type { Finding } from '../../../../shared/health/types';
import type { Plan } from '../../../../shared/plan/schema';
import { localToday } from '../../../../shared/stakeholders/schedule';
import { useSettledPlan } from '../../store/plan-context';

// Findings are cached on the identity of the parts of the plan the rules
// read (healthDependencies): edits elsewhere reuse them without a new check.
// A trie of WeakMaps, one level per part; the last level holds the findings.
// Checklist items past due also depend on the day, so the cache is per day.
type CacheNode = WeakMap<object, CacheNode | readonly Finding[]>;
let cache: CacheNode = new WeakMap();
let cacheDay = localToday();

/** The findings for one version of a plan (memoised on the parts the rules read, and the day). */
function healthOf(plan: Plan): readonly Finding[] {
  const today = localToday();
  if (today !== cacheDay) {
    cache = new WeakMap();
    cacheDay = today;
  }
  const parts = healthDependencies(plan);
  let node = cache;
  for (let i = 0; i < parts.length - 1; i++) {
    let next = node.get(parts[i]!) as CacheNode | undefined;
    if (!next) node.set(parts[i]!, (next = new WeakMap()));
    node = next;
  }
  const last = parts.at(-1)!;
  let findings = node.get(last) as readonly Finding[] | undefined;
  if (!findings) {
    findings = checkPlanHealth(plan);
    node.set(last, findings);
  }
  return findings;
}

/** Errors and warnings in a plan: the sidebar count. */
export function healthBadgeCount(plan: Plan): number {
  return problemCount(healthOf(plan));
}

/**
 * The open plan's findings. The check runs on the plan once typing pauses
 * (a few hundred ms), so a keystroke in a very large plan never waits for a
 * whole-plan scan; it catches up as soon as the user stops.
 */
export function usePlanHealth(): readonly Finding[] {
  return healthOf(useSettledPlan());
}

/** Findings grouped by the element they point at (for badges on cards). */
export function findingsByElement(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = f.target.elementId;
    if (!id) continue;
    const list = map.get(id);
    if (list) list.push(f);
    else map.set(id, [f]);
  }
  return map;
}
