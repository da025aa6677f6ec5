/**
 * Commands of the Pathways & skills section: pathways (their settings,
 * segments, steps and required skills) and the skills map (roles or people,
 * skills and the required and current proficiency of each).
 */
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import { mergeSkills, moveItem, skillKey } from '../content/pathways';
import { newId } from '../plan/create';
import { baseOf, replaceContents } from '../plan/drafts';
import type { Pathway, Plan } from '../plan/schema';
import { CommandRefusal, defineCommand, quoted } from './command';
import { catalogOf } from './content';
import { defineListCommands } from './lists';

type Step = Pathway['steps'][number];
type Holder = Plan['skillsMap']['holders'][number];
type Skill = Plan['skillsMap']['skills'][number];
type Assessment = Plan['skillsMap']['assessments'][number];

const SECTION = 'pathways' as const;

function findPathway(plan: Plan, id: string): Pathway | undefined {
  return plan.content.pathways.find((p) => p.id === id);
}

/** “Name” of a pathway for step names, or “pathway” when it has none. */
function named(plan: Plan, pathwayId: string, t: Translator): string {
  return quoted(findPathway(plan, pathwayId)?.name) || t('commands:pathways.aPathway');
}

/** “Name” of a skill of the skills map, or “a skill”. */
function skillOfMap(plan: Plan, skillId: string, t: Translator): string {
  return (
    quoted(plan.skillsMap.skills.find((s) => s.id === skillId)?.name) ||
    t('commands:skillsFirst.aSkill')
  );
}

/** “Title” of the catalog item a step points at, or '' (a deleted item). */
function stepTitle(plan: Plan, pathwayId: string, stepId: string): string {
  const itemId = findPathway(plan, pathwayId)?.steps.find((s) => s.id === stepId)?.contentItemId;
  return itemId ? quoted(plan.content.catalog.find((c) => c.id === itemId)?.title) : '';
}

/** A new, empty pathway: a sequence at five hours a week. */
export function blankPathway(name = 'New pathway', id = newId('pw')): Pathway {
  return {
    id,
    name,
    targetRole: '',
    segmentIds: [],
    mode: 'sequence',
    hoursPerWeek: 5,
    steps: [],
    requiredSkills: [],
  };
}

// ---------------------------------------------------------------- pathways

/** Commands of the pathways (add, edit name/target role/study pace, delete, reorder). */
export const pathways = defineListCommands<Pathway>({
  kind: 'pathway',
  section: SECTION,
  list: (plan) => plan.content.pathways,
  titleOf: (p) => p.name,
  fields: { name: 'name', targetRole: 'targetRole', hoursPerWeek: 'studyPace' },
});

/**
 * Arranges a pathway as a sequence or in groups. Going to groups gives each
 * ungrouped step its item's first skill as a starting group.
 */
export const setPathwayMode = defineCommand<{ pathwayId: string; mode: Pathway['mode'] }>({
  type: 'pathway.setMode',
  label: ({ pathwayId, mode }, plan, t = englishTranslator) =>
    mode === 'group'
      ? t('commands:pathways.groupBySkill', { pathway: named(plan, pathwayId, t) })
      : t('commands:pathways.makeSequence', { pathway: named(plan, pathwayId, t) }),
  locate: ({ pathwayId }) => ({ section: SECTION, focus: pathwayId }),
  apply(draft, { pathwayId, mode }) {
    const pathway = findPathway(draft, pathwayId);
    if (!pathway || pathway.mode === mode) return;
    pathway.mode = mode;
    if (mode !== 'group') return;
    const catalog = catalogOf(draft);
    for (const step of pathway.steps)
      if (!step.group.trim())
        step.group = catalog.find((c) => c.id === step.contentItemId)?.skills[0] ?? '';
  },
});

/** Aims a pathway at a learner segment, or stops aiming it there. */
export const setPathwaySegment = defineCommand<{
  pathwayId: string;
  segmentId: string;
  included: boolean;
}>({
  type: 'pathway.setSegment',
  label({ pathwayId, segmentId, included }, plan, t = englishTranslator) {
    const segment = quoted(plan.learners.find((s) => s.id === segmentId)?.name);
    const which = segment
      ? t('commands:pathways.segmentNamed', { segment })
      : t('commands:pathways.aSegment');
    const pathway = named(plan, pathwayId, t);
    return included
      ? t('commands:pathways.addSegment', { segment: which, pathway })
      : t('commands:pathways.removeSegment', { segment: which, pathway });
  },
  locate: ({ pathwayId }) => ({ section: SECTION, focus: pathwayId }),
  apply(draft, { pathwayId, segmentId, included }) {
    const pathway = findPathway(draft, pathwayId);
    if (!pathway) return;
    const has = pathway.segmentIds.includes(segmentId);
    if (included && !has && draft.learners.some((s) => s.id === segmentId))
      pathway.segmentIds = [...pathway.segmentIds, segmentId];
    if (!included && has) pathway.segmentIds = pathway.segmentIds.filter((id) => id !== segmentId);
  },
});

// ---------------------------------------------------------------- steps

/** Arguments of `addPathwayStep`: the new step's id (made by the caller) and its catalog item. */
export interface AddStepArgs {
  readonly pathwayId: string;
  readonly stepId: string;
  readonly contentItemId: string;
}

/** Adds a catalog item as the last step; in a grouped pathway, in the group of the item's first skill. */
export const addPathwayStep = defineCommand<AddStepArgs>({
  type: 'pathwayStep.add',
  label: ({ pathwayId, contentItemId }, plan, t = englishTranslator) => {
    const title = quoted(plan.content.catalog.find((c) => c.id === contentItemId)?.title);
    return t('commands:pathways.addStep', {
      step: title || t('commands:pathways.aStep'),
      pathway: named(plan, pathwayId, t),
    });
  },
  locate: ({ pathwayId }) => ({ section: SECTION, focus: pathwayId }),
  apply(draft, { pathwayId, stepId, contentItemId }) {
    const pathway = findPathway(draft, pathwayId);
    if (!pathway) throw CommandRefusal.of('pathwayGone');
    const item = catalogOf(draft).find((c) => c.id === contentItemId);
    if (!item) throw CommandRefusal.of('catalogItemGone');
    if (pathway.steps.some((s) => s.id === stepId)) return;
    pathway.steps.push({
      id: stepId,
      contentItemId,
      group: pathway.mode === 'group' ? (item.skills[0] ?? '') : '',
    });
  },
});

/** Removes steps from a pathway (the catalog items stay in the catalog). */
export const removePathwaySteps = defineCommand<{ pathwayId: string; stepIds: readonly string[] }>({
  type: 'pathwayStep.remove',
  label({ pathwayId, stepIds }, plan, t = englishTranslator) {
    const pathway = named(plan, pathwayId, t);
    if (stepIds.length !== 1)
      return t('commands:pathways.removeSteps', { count: stepIds.length, pathway });
    const title = stepTitle(plan, pathwayId, stepIds[0]!);
    return t('commands:pathways.removeStep', {
      step: title || t('commands:pathways.aStep'),
      pathway,
    });
  },
  locate: ({ pathwayId }) => ({ section: SECTION, focus: pathwayId }),
  apply(draft, { pathwayId, stepIds }) {
    const pathway = findPathway(draft, pathwayId);
    const gone = new Set(stepIds);
    if (pathway?.steps.some((s) => gone.has(s.id)))
      pathway.steps = pathway.steps.filter((s) => !gone.has(s.id));
  },
});

/** Sets the group (a skill or tool) of a step in a grouped pathway; typing coalesces. */
export const setStepGroup = defineCommand<{ pathwayId: string; stepId: string; group: string }>({
  type: 'pathwayStep.setGroup',
  label: ({ pathwayId, stepId }, plan, t = englishTranslator) => {
    const title = stepTitle(plan, pathwayId, stepId);
    return title
      ? t('commands:pathways.editGroupOf', { title })
      : t('commands:pathways.editStepGroup');
  },
  coalesce: ({ pathwayId, stepId }) => `pathwayStep.setGroup:${pathwayId}:${stepId}`,
  locate: ({ pathwayId }) => ({ section: SECTION, focus: pathwayId }),
  apply(draft, { pathwayId, stepId, group }) {
    const step = findPathway(draft, pathwayId)?.steps.find((s) => s.id === stepId);
    if (step) step.group = group;
  },
});

const groupOf = (step: Step) => step.group.trim() || 'Ungrouped';

/**
 * Moves a step one place up (-1) or down (1). In a grouped pathway it moves
 * past the neighbouring step of its own group, so it stays in its group.
 */
export const movePathwayStep = defineCommand<{ pathwayId: string; stepId: string; by: -1 | 1 }>({
  type: 'pathwayStep.move',
  label: (_args, _plan, t = englishTranslator) => t('commands:pathways.moveSteps'),
  locate: ({ pathwayId }) => ({ section: SECTION, focus: pathwayId }),
  apply(draft, { pathwayId, stepId, by }) {
    const pathway = findPathway(draft, pathwayId);
    if (!pathway) return;
    const steps = pathway.steps;
    const from = steps.findIndex((s) => s.id === stepId);
    if (from < 0) return;
    let to = from + by;
    if (pathway.mode === 'group') {
      const group = groupOf(steps[from]!);
      while (to >= 0 && to < steps.length && groupOf(steps[to]!) !== group) to += by;
    }
    if (to < 0 || to >= steps.length) return;
    pathway.steps = moveItem(steps, from, to);
  },
});

/**
 * Drops a step at another step's place (a drag). In a grouped pathway a
 * step dropped among another group's steps joins that group.
 */
export const dropPathwayStep = defineCommand<{
  pathwayId: string;
  stepId: string;
  overStepId: string;
}>({
  type: 'pathwayStep.drop',
  label: (_args, _plan, t = englishTranslator) => t('commands:pathways.moveSteps'),
  locate: ({ pathwayId }) => ({ section: SECTION, focus: pathwayId }),
  apply(draft, { pathwayId, stepId, overStepId }) {
    const pathway = findPathway(draft, pathwayId);
    if (!pathway || stepId === overStepId) return;
    const from = pathway.steps.findIndex((s) => s.id === stepId);
    const to = pathway.steps.findIndex((s) => s.id === overStepId);
    if (from < 0 || to < 0) return;
    const target = pathway.steps[to]!.group;
    pathway.steps = moveItem(pathway.steps, from, to);
    if (pathway.mode === 'group') pathway.steps[to]!.group = target;
  },
});

// ---------------------------------------------------------------- required skills

/** Adds required skills to a pathway, skipping any it already has (compared by name, any case). */
export const addRequiredSkills = defineCommand<{ pathwayId: string; skills: readonly string[] }>({
  type: 'pathway.addRequiredSkills',
  label({ pathwayId, skills }, plan, t = englishTranslator) {
    const existing = findPathway(plan, pathwayId)?.requiredSkills ?? [];
    const added = mergeSkills(existing, skills).slice(existing.length);
    const pathway = named(plan, pathwayId, t);
    return added.length === 1
      ? t('commands:pathways.addRequiredSkill', { skill: quoted(added[0]), pathway })
      : t('commands:pathways.addRequiredSkills', { count: added.length, pathway });
  },
  locate: ({ pathwayId }) => ({ section: SECTION, focus: pathwayId }),
  apply(draft, { pathwayId, skills }) {
    const pathway = findPathway(draft, pathwayId);
    if (!pathway) return;
    const merged = mergeSkills(pathway.requiredSkills, skills);
    if (merged.length !== pathway.requiredSkills.length) pathway.requiredSkills = merged;
  },
});

/** Removes a required skill from a pathway. */
export const removeRequiredSkill = defineCommand<{ pathwayId: string; skill: string }>({
  type: 'pathway.removeRequiredSkill',
  label: ({ pathwayId, skill }, plan, t = englishTranslator) =>
    t('commands:pathways.removeRequiredSkill', {
      skill: quoted(skill),
      pathway: named(plan, pathwayId, t),
    }),
  locate: ({ pathwayId }) => ({ section: SECTION, focus: pathwayId }),
  apply(draft, { pathwayId, skill }) {
    const pathway = findPathway(draft, pathwayId);
    if (!pathway) return;
    const key = skillKey(skill);
    const kept = pathway.requiredSkills.filter((s) => skillKey(s) !== key);
    if (kept.length !== pathway.requiredSkills.length) pathway.requiredSkills = kept;
  },
});

// ---------------------------------------------------------------- skills map

/**
 * Commands of the skills map's roles and people; removing one removes their
 * proficiencies, and removing a role clears it from the people who filled it.
 */
export const skillHolders = defineListCommands<Holder>({
  kind: 'skillsMapHolder',
  section: SECTION,
  list: (plan) => plan.skillsMap.holders,
  titleOf: (h) => h.name,
  fields: { name: 'name', kind: 'kind' },
  onRemove(plan, ids) {
    const map = plan.skillsMap;
    if (map.assessments.some((a) => ids.has(a.holderId)))
      map.assessments = map.assessments.filter((a) => !ids.has(a.holderId));
    // The list holds plain values after the removal: replace the people, do not edit them.
    const holders = baseOf(map.holders);
    const filled = (h: Holder) => h.roleId !== null && ids.has(h.roleId);
    if (holders.some(filled))
      replaceContents(
        map.holders,
        holders.map((h) => (filled(h) ? { ...h, roleId: null } : h)),
      );
  },
});

/**
 * Commands of the skills map's skills; removing one removes its
 * proficiencies and its place in the critical capabilities that need it.
 */
export const mapSkills = defineListCommands<Skill>({
  kind: 'skillsMapSkill',
  section: SECTION,
  list: (plan) => plan.skillsMap.skills,
  titleOf: (s) => s.name,
  fields: { name: 'name' },
  onRemove(plan, ids) {
    const map = plan.skillsMap;
    if (map.assessments.some((a) => ids.has(a.skillId)))
      map.assessments = map.assessments.filter((a) => !ids.has(a.skillId));
    for (const capability of map.capabilities) {
      if (capability.skillIds.some((id) => ids.has(id)))
        capability.skillIds = capability.skillIds.filter((id) => !ids.has(id));
    }
  },
});

/** Which proficiency of a skills-map cell: the level needed, or the level held now. */
export type ProficiencyKind = 'required' | 'current';

/** Arguments of `setProficiency`: one cell of the skills map, and its level (0–5) or null to clear. */
export interface ProficiencyArgs {
  readonly holderId: string;
  readonly skillId: string;
  readonly which: ProficiencyKind;
  readonly level: number | null;
}

/**
 * Sets or clears the required or current proficiency of a role or person
 * in a skill. A cell with neither level is removed.
 */
export const setProficiency = defineCommand<ProficiencyArgs>({
  type: 'skillsMap.setProficiency',
  label({ holderId, skillId, which, level }, plan, t = englishTranslator) {
    const skill = skillOfMap(plan, skillId, t);
    const holder = quoted(plan.skillsMap.holders.find((h) => h.id === holderId)?.name);
    const action = level === null ? 'clear' : 'set';
    return holder
      ? t('commands:pathways.setLevelFor', { action, which, skill, holder })
      : t('commands:pathways.setLevel', { action, which, skill });
  },
  locate: ({ holderId }) => ({ section: SECTION, focus: holderId }),
  apply(draft, { holderId, skillId, which, level }) {
    if (level !== null && !(Number.isInteger(level) && level >= 0 && level <= 5))
      throw CommandRefusal.of('proficiencyRange');
    const map = draft.skillsMap;
    if (!map.holders.some((h) => h.id === holderId) || !map.skills.some((s) => s.id === skillId))
      return;
    const at = map.assessments.findIndex((a) => a.holderId === holderId && a.skillId === skillId);
    if (at < 0) {
      if (level === null) return;
      const cell: Assessment = {
        holderId,
        skillId,
        required: null,
        current: null,
        source: 'selfReported',
        refreshedAt: null,
        history: [],
      };
      cell[which] = level;
      map.assessments.push(cell);
      return;
    }
    const cell = map.assessments[at]!;
    cell[which] = level;
    if (cell.required === null && cell.current === null) map.assessments.splice(at, 1);
  },
});

/** How a role's or person's proficiencies were found: assessed, or self-reported. */
export type AssessmentSource = Assessment['source'];

/**
 * Sets how the current levels of one role or person were found (assessed or
 * self-reported) and when they were last refreshed, for every skill rated for
 * them. Fields left out stay as they are.
 */
export const setHolderAssessment = defineCommand<{
  holderId: string;
  patch: Partial<Pick<Assessment, 'source' | 'refreshedAt'>>;
}>({
  type: 'skillsMap.setHolderAssessment',
  label({ holderId, patch }, plan, t = englishTranslator) {
    const holder = quoted(plan.skillsMap.holders.find((h) => h.id === holderId)?.name);
    const what = 'source' in patch ? 'source' : 'refreshedAt';
    return holder
      ? t('commands:pathways.setAssessmentFor', { what, holder })
      : t('commands:pathways.setAssessment', { what });
  },
  locate: ({ holderId }) => ({ section: SECTION, focus: holderId }),
  apply(draft, { holderId, patch }) {
    if (patch.refreshedAt != null && !/^\d{4}-\d{2}-\d{2}$/.test(patch.refreshedAt))
      throw CommandRefusal.of('refreshDate');
    for (const cell of draft.skillsMap.assessments)
      if (cell.holderId === holderId) Object.assign(cell, patch);
  },
});

type Capability = Plan['skillsMap']['capabilities'][number];

/** A new critical capability with every field at its default. */
export function blankCapability(id = newId('capability')): Capability {
  return {
    id,
    initiative: '',
    skillIds: [],
    gapDecision: null,
    milestone: '',
    milestoneDate: null,
  };
}

/** Commands of the critical capabilities: what a business initiative needs, and what to do about the gap. */
export const criticalCapabilities = defineListCommands<Capability>({
  kind: 'capability',
  section: SECTION,
  list: (plan) => plan.skillsMap.capabilities,
  titleOf: (c) => c.initiative,
  fields: {
    initiative: 'initiative',
    gapDecision: 'gapDecision',
    milestone: 'milestone',
    milestoneDate: 'milestoneDate',
  },
});

/** Counts a skill of the map as needed by a critical capability, or stops. */
export const setCapabilitySkill = defineCommand<{
  capabilityId: string;
  skillId: string;
  needed: boolean;
}>({
  type: 'skillsMap.setCapabilitySkill',
  label({ capabilityId, skillId, needed }, plan, t = englishTranslator) {
    const skill = skillOfMap(plan, skillId, t);
    const capability =
      quoted(plan.skillsMap.capabilities.find((c) => c.id === capabilityId)?.initiative) ||
      t('commands:pathways.aCapability');
    return needed
      ? t('commands:pathways.addCapabilitySkill', { skill, capability })
      : t('commands:pathways.removeCapabilitySkill', { skill, capability });
  },
  locate: () => ({ section: SECTION }),
  apply(draft, { capabilityId, skillId, needed }) {
    const capability = draft.skillsMap.capabilities.find((c) => c.id === capabilityId);
    if (!capability || !draft.skillsMap.skills.some((s) => s.id === skillId)) return;
    const has = capability.skillIds.includes(skillId);
    if (needed && !has) capability.skillIds = [...capability.skillIds, skillId];
    if (!needed && has) capability.skillIds = capability.skillIds.filter((id) => id !== skillId);
  },
});
