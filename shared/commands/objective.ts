/** Commands of the Objective section and the plan's name. */
import { LANGUAGE_INFO, type Language } from '../i18n/languages';
import type { Objective } from '../plan/schema';
import { defineCommand } from './command';

type ObjectiveText = Pick<
  Objective,
  | 'programName'
  | 'organisation'
  | 'region'
  | 'language'
  | 'changeSought'
  | 'targetGroup'
  | 'problemStatement'
  | 'successDefinition'
>;

const OBJECTIVE_FIELDS: Record<keyof ObjectiveText, string> = {
  programName: 'program name',
  organisation: 'organisation',
  region: 'region',
  language: 'language',
  changeSought: 'change sought',
  targetGroup: 'target group',
  problemStatement: 'problem statement',
  successDefinition: 'success definition',
};

const fieldList = (patch: object) => Object.keys(patch).sort().join(',');

/** Renames the plan. */
export const renamePlan = defineCommand<{ name: string }>({
  type: 'plan.rename',
  label: () => 'Rename plan',
  coalesce: () => 'plan.rename',
  locate: () => ({ section: 'objective' }),
  apply(draft, { name }) {
    draft.name = name;
  },
});

/** Sets the language the plan's Word and Excel exports are written in. */
export const setDocumentLanguage = defineCommand<{ language: Language }>({
  type: 'plan.setDocumentLanguage',
  label: ({ language }) => `Set document language to ${LANGUAGE_INFO[language].nativeName}`,
  locate: () => ({ section: 'objective' }),
  apply(draft, { language }) {
    draft.documentLanguage = language;
  },
});

/** Sets text fields of the objective (program name, region, change sought…). */
export const updateObjective = defineCommand<{ patch: Partial<ObjectiveText> }>({
  type: 'objective.update',
  label({ patch }) {
    const keys = Object.keys(patch) as (keyof ObjectiveText)[];
    return keys.length === 1 ? `Edit ${OBJECTIVE_FIELDS[keys[0]!]}` : 'Edit objective';
  },
  coalesce: ({ patch }) => `objective.update:${fieldList(patch)}`,
  locate: () => ({ section: 'objective' }),
  apply(draft, { patch }) {
    Object.assign(draft.objective, patch);
  },
});

const BASELINE_FIELDS: Record<keyof Objective['baseline'], string> = {
  description: 'Edit baseline',
  date: 'Edit baseline date',
  source: 'Edit baseline source',
};

/** Sets the baseline's description, date or source. */
export const updateBaseline = defineCommand<{ patch: Partial<Objective['baseline']> }>({
  type: 'objective.updateBaseline',
  label({ patch }) {
    const keys = Object.keys(patch) as (keyof Objective['baseline'])[];
    return keys.length === 1 ? BASELINE_FIELDS[keys[0]!] : 'Edit baseline';
  },
  coalesce: ({ patch }) => `objective.updateBaseline:${fieldList(patch)}`,
  locate: () => ({ section: 'objective' }),
  apply(draft, { patch }) {
    Object.assign(draft.objective.baseline, patch);
  },
});

/** A phase of the program's timeline. */
export type Phase = keyof Objective['timeline'];

/**
 * Sets the start or end date of a phase (plan, launch, manage). Typing a
 * date commits at each segment (month, day, year), so the edits of one date
 * merge into one undo step: one Undo puts the launch start back, and every
 * checklist date counted from it with it.
 */
export const setPhaseDate = defineCommand<{
  phase: Phase;
  end: 'start' | 'end';
  date: string | null;
}>({
  type: 'objective.setPhaseDate',
  label: ({ phase, end }) => `Edit ${phase} ${end}`,
  coalesce: ({ phase, end }) => `objective.setPhaseDate:${phase}:${end}`,
  locate: () => ({ section: 'objective' }),
  apply(draft, { phase, end, date }) {
    draft.objective.timeline[phase][end] = date;
  },
});
