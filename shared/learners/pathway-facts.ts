/**
 * What plan-wide checks need of every pathway — study hours and weeks, cost
 * per learner, required skills no step teaches — computed with one look-up
 * table of the catalog per plan (a 50,000-item catalog is indexed once, not
 * once per pathway and rule), and cached on the identity of a frozen content section.
 * Same figures as summarisePathway (shared/content/pathways.ts).
 */
import { durationWeeks, skillKey } from '../content/pathways';
import type { ContentItem, Pathway, Plan } from '../plan/schema';

/** The figures of one pathway. */
export interface PathwayFacts {
  readonly pathway: Pathway;
  readonly totalHours: number;
  readonly weeks: number;
  readonly costPerLearner: number;
  /** Required skills (as written) that no step's item teaches. */
  readonly uncovered: readonly string[];
}

const cache = new WeakMap<Plan['content'], readonly PathwayFacts[]>();

/** The facts of every pathway of a plan, in order (memoised on `plan.content`). */
export function pathwayFacts(content: Plan['content']): readonly PathwayFacts[] {
  const cached = cache.get(content);
  if (cached) return cached;
  let byId: Map<string, ContentItem> | null = null;
  const facts = content.pathways.map((pathway) => {
    byId ??= new Map(content.catalog.map((item) => [item.id, item]));
    let hours = 0;
    let cost = 0;
    const taught = new Set<string>();
    for (const step of pathway.steps) {
      const item = byId.get(step.contentItemId);
      if (!item) continue;
      hours += item.hours ?? 0;
      cost += item.costPerLearner ?? 0;
      for (const skill of item.skills) taught.add(skillKey(skill));
    }
    const seen = new Set<string>();
    const uncovered: string[] = [];
    for (const skill of pathway.requiredSkills) {
      const key = skillKey(skill);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      if (!taught.has(key)) uncovered.push(skill.trim());
    }
    const totalHours = Math.round(hours * 100) / 100;
    return {
      pathway,
      totalHours,
      weeks: durationWeeks(totalHours, pathway.hoursPerWeek),
      costPerLearner: cost,
      uncovered,
    } satisfies PathwayFacts;
  });
  // Only a frozen section (a plan version in the app) is cached: a plain one may still change.
  if (Object.isFrozen(content)) cache.set(content, facts);
  return facts;
}
