/**
 * Plan health in the UI: the findings of a plan, computed once per plan
 * version (plans are immutable, so identity is the cache key) and shared by
 * the sidebar badge, the health section and the editors' hints.
 */
import { checkPlanHealth, HEALTH_INPUTS, problemCount } from '../../../../shared/health/check';
import type { Finding } from '../../../../shared/health/types';
import type { Plan } from '../../../../shared/plan/schema';
import { useSettledPlan } from '../../store/plan-context';

// Findings are cached on the identity of the parts of the plan the rules
// read (HEALTH_INPUTS): edits elsewhere reuse them without a new check.
const cache = new WeakMap<object, WeakMap<object, WeakMap<object, readonly Finding[]>>>();

/** The findings for one version of a plan (memoised on the parts the rules read). */
function healthOf(plan: Plan): readonly Finding[] {
  const [a, b, c] = HEALTH_INPUTS.map((key) => plan[key] as object) as [object, object, object];
  let byB = cache.get(a);
  if (!byB) cache.set(a, (byB = new WeakMap()));
  let byC = byB.get(b);
  if (!byC) byB.set(b, (byC = new WeakMap()));
  let findings = byC.get(c);
  if (!findings) {
    findings = checkPlanHealth(plan);
    byC.set(c, findings);
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
