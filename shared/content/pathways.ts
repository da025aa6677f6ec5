/**
 * Pathway maths: total hours, duration at a study pace, levels that go
 * backwards in a sequence, required skills the pathway leaves uncovered, and
 * skill gaps from the skills map that feed a pathway's required skills.
 */
import type { ContentItem, Pathway, Plan } from '../plan/schema';
import { looseKey } from '../text-key';

/** Levels in teaching order. */
export const LEVEL_ORDER = ['beginner', 'intermediate', 'advanced'] as const;

/** A content level. */
export type Level = (typeof LEVEL_ORDER)[number];

/** Human labels for levels. */
export const LEVEL_LABELS = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
} as const satisfies Record<Level, string>;

/** Position of a level in teaching order (0 = beginner). */
export function levelRank(level: Level): number {
  return LEVEL_ORDER.indexOf(level);
}

/** Skill names compare without case, surrounding spaces or repeated spaces. */
export function skillKey(name: string): string {
  return looseKey(name);
}

/** A step resolved against the catalog. */
export interface ResolvedStep {
  readonly stepId: string;
  readonly index: number;
  readonly group: string;
  /** Null when the catalog item was deleted. */
  readonly item: ContentItem | null;
}

/** A level that drops compared with the step before it. */
export interface LevelWarning {
  readonly stepId: string;
  /** 0-based position of the later step. */
  readonly index: number;
  readonly title: string;
  readonly level: Level;
  readonly previousTitle: string;
  readonly previousLevel: Level;
}

/** A required skill and the steps (if any) that teach it. */
export interface SkillCoverage {
  readonly skill: string;
  readonly stepIds: readonly string[];
}

/** Hours and item count of one group (group mode). */
export interface GroupSummary {
  readonly group: string;
  readonly stepIds: readonly string[];
  readonly hours: number;
}

/** Everything the pathway editor shows about a pathway. */
export interface PathwaySummary {
  readonly steps: readonly ResolvedStep[];
  readonly totalHours: number;
  /** Steps whose item has no hours recorded (the total leaves them out). */
  readonly stepsWithoutHours: number;
  /** Steps pointing at catalog items that no longer exist. */
  readonly missingItems: number;
  /** Weeks at the pathway's hours per week (rounded up); 0 for no hours. */
  readonly weeks: number;
  readonly levelWarnings: readonly LevelWarning[];
  readonly covered: readonly SkillCoverage[];
  readonly uncovered: readonly string[];
  /** Skills taught that no required skill asks for (useful when trimming). */
  readonly extraSkills: readonly string[];
  readonly groups: readonly GroupSummary[];
  readonly totalCost: number;
}

/** Whole weeks needed for `hours` at `hoursPerWeek` (rounded up). */
export function durationWeeks(hours: number, hoursPerWeek: number): number {
  if (!(hours > 0) || !(hoursPerWeek > 0)) return 0;
  // Round first so 12 h at 0.1 h/week style float noise does not add a week.
  return Math.ceil(Math.round((hours / hoursPerWeek) * 1e6) / 1e6);
}

/** Whole months a week count is about, or null below 8 weeks (where weeks say it better). */
export function durationMonths(weeks: number): number | null {
  if (weeks < 8) return null;
  return Math.round((weeks * 7) / 30.44);
}

/** "12 weeks (about 3 months)" for a week count. */
export function describeDuration(weeks: number): string {
  if (weeks <= 0) return 'no study time yet';
  const w = `${weeks} week${weeks === 1 ? '' : 's'}`;
  const months = durationMonths(weeks);
  if (months === null) return w;
  return `${w} (about ${months} months)`;
}

/** Level drops in a sequence: each step whose level is below the step before it. */
export function levelWarnings(steps: readonly ResolvedStep[]): LevelWarning[] {
  const out: LevelWarning[] = [];
  let previous: ResolvedStep | null = null;
  for (const step of steps) {
    if (!step.item) continue;
    if (previous?.item && levelRank(step.item.level) < levelRank(previous.item.level)) {
      out.push({
        stepId: step.stepId,
        index: step.index,
        title: step.item.title,
        level: step.item.level,
        previousTitle: previous.item.title,
        previousLevel: previous.item.level,
      });
    }
    previous = step;
  }
  return out;
}

/** Catalog items by id, per catalog array (plans are immutable: one map per version). */
const itemsById = new WeakMap<readonly ContentItem[], ReadonlyMap<string, ContentItem>>();

function catalogById(catalog: readonly ContentItem[]): ReadonlyMap<string, ContentItem> {
  let byId = itemsById.get(catalog);
  if (!byId) itemsById.set(catalog, (byId = new Map(catalog.map((item) => [item.id, item]))));
  return byId;
}

/** Summarises a pathway against the catalog. */
export function summarisePathway(
  pathway: Pick<Pathway, 'steps' | 'requiredSkills' | 'hoursPerWeek' | 'mode'>,
  catalog: readonly ContentItem[],
): PathwaySummary {
  const byId = catalogById(catalog);
  const steps: ResolvedStep[] = pathway.steps.map((s, index) => ({
    stepId: s.id,
    index,
    group: s.group,
    item: byId.get(s.contentItemId) ?? null,
  }));

  let totalHours = 0;
  let totalCost = 0;
  let stepsWithoutHours = 0;
  const taught = new Map<string, { name: string; stepIds: string[] }>();
  for (const step of steps) {
    if (!step.item) continue;
    if (step.item.hours === null) stepsWithoutHours++;
    else totalHours += step.item.hours;
    totalCost += step.item.costPerLearner ?? 0;
    for (const skill of step.item.skills) {
      const key = skillKey(skill);
      if (!key) continue;
      const entry = taught.get(key) ?? { name: skill.trim(), stepIds: [] };
      entry.stepIds.push(step.stepId);
      taught.set(key, entry);
    }
  }

  const requiredKeys = new Set<string>();
  const covered: SkillCoverage[] = [];
  const uncovered: string[] = [];
  for (const skill of pathway.requiredSkills) {
    const key = skillKey(skill);
    if (!key || requiredKeys.has(key)) continue;
    requiredKeys.add(key);
    const t = taught.get(key);
    if (t) covered.push({ skill: skill.trim(), stepIds: t.stepIds });
    else uncovered.push(skill.trim());
  }
  const extraSkills = [...taught.entries()]
    .filter(([key]) => !requiredKeys.has(key))
    .map(([, t]) => t.name);

  const groupMap = new Map<string, { stepIds: string[]; hours: number }>();
  for (const step of steps) {
    const label = step.group.trim() || 'Ungrouped';
    const g = groupMap.get(label) ?? { stepIds: [], hours: 0 };
    g.stepIds.push(step.stepId);
    g.hours += step.item?.hours ?? 0;
    groupMap.set(label, g);
  }

  totalHours = Math.round(totalHours * 100) / 100;
  return {
    steps,
    totalHours,
    stepsWithoutHours,
    missingItems: steps.filter((s) => !s.item).length,
    weeks: durationWeeks(totalHours, pathway.hoursPerWeek),
    levelWarnings: pathway.mode === 'sequence' ? levelWarnings(steps) : [],
    covered,
    uncovered,
    extraSkills,
    groups: [...groupMap.entries()].map(([group, g]) => ({ group, ...g })),
    totalCost,
  };
}

/** Moves the element at `from` to `to` (both clamped), returning a new array. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [moved] = out.splice(from, 1);
  out.splice(target, 0, moved as T);
  return out;
}

// ---------------------------------------------------------------- skills map

/** One required-vs-current comparison from the skills map. */
export interface SkillGap {
  readonly holderId: string;
  readonly holderName: string;
  readonly skillId: string;
  readonly skillName: string;
  readonly required: number;
  readonly current: number;
  /** required − current, > 0 for a gap. */
  readonly gap: number;
}

/** Gaps in the skills map, largest first; unknown current counts as 0. */
export function skillGaps(map: Plan['skillsMap']): SkillGap[] {
  const holders = new Map(map.holders.map((h) => [h.id, h.name]));
  const skills = new Map(map.skills.map((s) => [s.id, s.name]));
  const out: SkillGap[] = [];
  for (const a of map.assessments) {
    const holderName = holders.get(a.holderId);
    const skillName = skills.get(a.skillId);
    if (holderName === undefined || skillName === undefined || a.required === null) continue;
    const current = a.current ?? 0;
    const gap = a.required - current;
    if (gap > 0)
      out.push({
        holderId: a.holderId,
        holderName,
        skillId: a.skillId,
        skillName,
        required: a.required,
        current,
        gap,
      });
  }
  return out.sort(
    (a, b) =>
      b.gap - a.gap ||
      a.holderName.localeCompare(b.holderName) ||
      a.skillName.localeCompare(b.skillName),
  );
}

/** Skills a holder (role or person) requires (required ≥ 1), in skills-map order. */
export function requiredSkillsOf(
  map: Plan['skillsMap'],
  holderId: string,
  onlyGaps = false,
): string[] {
  const wanted = new Map<string, { required: number; current: number }>();
  for (const a of map.assessments)
    if (a.holderId === holderId && a.required !== null && a.required > 0)
      wanted.set(a.skillId, { required: a.required, current: a.current ?? 0 });
  return map.skills
    .filter((s) => {
      const w = wanted.get(s.id);
      return w !== undefined && (!onlyGaps || w.required > w.current);
    })
    .map((s) => s.name);
}

/** Adds skills to a list, skipping any already there (compared by skillKey). */
export function mergeSkills(existing: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(existing.map(skillKey));
  const out = [...existing];
  for (const s of added) {
    const key = skillKey(s);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(s.trim());
  }
  return out;
}

/** The skills-map holder whose name matches a pathway's target role, if any. */
export function holderForRole(map: Plan['skillsMap'], role: string): string | null {
  const key = skillKey(role);
  if (!key) return null;
  return map.holders.find((h) => skillKey(h.name) === key)?.id ?? null;
}
