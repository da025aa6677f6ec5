/** Commands of the Objective section and the plan's name. */
import { englishTranslator } from '../i18n/english';
import { LANGUAGE_INFO, primarySubtag, type Language } from '../i18n/languages';
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

const fieldList = (patch: object) => Object.keys(patch).sort().join(',');

/** Renames the plan. */
export const renamePlan = defineCommand<{ name: string }>({
  type: 'plan.rename',
  label: (_args, _plan, t = englishTranslator) => t('commands:objective.renamePlan'),
  coalesce: () => 'plan.rename',
  locate: () => ({ section: 'objective' }),
  apply(draft, { name }) {
    draft.name = name;
  },
});

/**
 * Sets the language the plan's Word and Excel exports are written in.
 * Cascade: when the plan's text was declared in the old document language
 * (`objective.language` "en-GB" for English documents), it follows to the
 * new one's tag ("es-ES"), so the files do not tell Word that Spanish is
 * English; a text language chosen apart from the documents' is kept.
 */
export const setDocumentLanguage = defineCommand<{ language: Language }>({
  type: 'plan.setDocumentLanguage',
  label: ({ language }, _plan, t = englishTranslator) =>
    t('commands:objective.setDocumentLanguage', { language: LANGUAGE_INFO[language].nativeName }),
  locate: () => ({ section: 'objective' }),
  apply(draft, { language }) {
    if (primarySubtag(draft.objective.language) === draft.documentLanguage)
      draft.objective.language = LANGUAGE_INFO[language].textTag;
    draft.documentLanguage = language;
  },
});

/** Sets text fields of the objective (program name, region, change sought…). */
export const updateObjective = defineCommand<{ patch: Partial<ObjectiveText> }>({
  type: 'objective.update',
  label({ patch }, _plan, t = englishTranslator) {
    const keys = Object.keys(patch) as (keyof ObjectiveText)[];
    return keys.length === 1
      ? t('commands:objective.editField', { field: keys[0]! })
      : t('commands:objective.editObjective');
  },
  coalesce: ({ patch }) => `objective.update:${fieldList(patch)}`,
  locate: () => ({ section: 'objective' }),
  apply(draft, { patch }) {
    Object.assign(draft.objective, patch);
  },
});

/** Sets the baseline's description, date or source. */
export const updateBaseline = defineCommand<{ patch: Partial<Objective['baseline']> }>({
  type: 'objective.updateBaseline',
  label({ patch }, _plan, t = englishTranslator) {
    const keys = Object.keys(patch) as (keyof Objective['baseline'])[];
    return keys.length === 1
      ? t('commands:objective.editBaselineField', { field: keys[0]! })
      : t('commands:objective.editBaseline');
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
  label: ({ phase, end }, _plan, t = englishTranslator) =>
    t('commands:objective.editPhaseDate', { phase, end }),
  coalesce: ({ phase, end }) => `objective.setPhaseDate:${phase}:${end}`,
  locate: () => ({ section: 'objective' }),
  apply(draft, { phase, end, date }) {
    draft.objective.timeline[phase][end] = date;
  },
});
