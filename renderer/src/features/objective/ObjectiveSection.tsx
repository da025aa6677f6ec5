/**
 * The Objective section: what change the program wants, for whom, how success
 * is defined and measured against a baseline (success measures are indicators
 * of the plan's one measurement framework), the budget, and when each phase runs.
 */
import {
  renamePlan,
  setPhaseDate,
  type Phase,
  updateBaseline,
  updateObjective,
} from '../../../../shared/commands/objective';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/workbench';
import { useFormat } from '../../i18n/i18n';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { IndicatorList } from '../indicators/IndicatorList';
import { BudgetCard } from './BudgetCard';
import { CarriedLessons } from '../manage-reviews/CarriedLessons';

const PHASES = ['plan', 'launch', 'manage'] as const;

/** Languages a plan is commonly written in (BCP 47 tags). */
const TEXT_LANGUAGES = [
  'en-GB',
  'en-US',
  'fr-FR',
  'de-DE',
  'es-ES',
  'pt-PT',
  'pt-BR',
  'it-IT',
  'nl-NL',
  'pl-PL',
  'uk-UA',
  'ar',
  'zh-CN',
] as const;

/** A language tag by its own name ("Español (España)"), as people look for their language. */
function ownName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

const LANGUAGES: readonly { value: string; label: string }[] = TEXT_LANGUAGES.map((value) => ({
  value,
  label: ownName(value),
}));

/** The choices, with a plan's own language kept when it is not one of them. */
function languageOptions(current: string): readonly { value: string; label: string }[] {
  return LANGUAGES.some((l) => l.value === current)
    ? LANGUAGES
    : [...LANGUAGES, { value: current, label: ownName(current) }];
}

/** The launch start's hint: the launch dates counted from it (checklist, messages, waves) move with it. */
function useFollowingLaunch(counts: {
  checklist: number;
  messages: number;
  waves: number;
}): string | undefined {
  const { t } = useTranslation('objective');
  const format = useFormat();
  const parts = (['checklist', 'messages', 'waves'] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => t(`timeline.launchDated.${kind}`, { count: counts[kind] }));
  if (parts.length === 0) return undefined;
  const total = counts.checklist + counts.messages + counts.waves;
  return t('timeline.launchFollows', { count: total, list: format.list(parts) });
}

type ObjectiveText =
  | 'programName'
  | 'organisation'
  | 'region'
  | 'language'
  | 'changeSought'
  | 'targetGroup'
  | 'problemStatement'
  | 'successDefinition';

/**
 * One handler per field, made once: with stable handlers the memoised fields
 * re-render only when their own value changes, so a keystroke re-renders one
 * field, not the whole section.
 */
function useObjectiveHandlers(dispatch: ReturnType<typeof useDispatch>) {
  return useMemo(() => {
    const text = (field: ObjectiveText) => (value: string) =>
      dispatch(updateObjective({ patch: { [field]: value } }));
    const phase = (key: Phase, end: 'start' | 'end') => (date: string | null) =>
      dispatch(setPhaseDate({ phase: key, end, date }));
    return {
      name: (name: string) => dispatch(renamePlan({ name })),
      programName: text('programName'),
      organisation: text('organisation'),
      region: text('region'),
      language: text('language'),
      changeSought: text('changeSought'),
      targetGroup: text('targetGroup'),
      problemStatement: text('problemStatement'),
      successDefinition: text('successDefinition'),
      baselineDescription: (description: string) =>
        dispatch(updateBaseline({ patch: { description } })),
      baselineDate: (date: string | null) => dispatch(updateBaseline({ patch: { date } })),
      baselineSource: (source: string) => dispatch(updateBaseline({ patch: { source } })),
      phases: {
        plan: { start: phase('plan', 'start'), end: phase('plan', 'end') },
        launch: { start: phase('launch', 'start'), end: phase('launch', 'end') },
        manage: { start: phase('manage', 'start'), end: phase('manage', 'end') },
      },
    };
  }, [dispatch]);
}

/** The Objective section editor. */
export function ObjectiveSection() {
  const { t } = useTranslation('objective');
  // Only what this section shows: an edit elsewhere in a large plan does not re-render it.
  const name = usePlan((p) => p.name);
  const objective = usePlan((p) => p.objective);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const checklistDated = usePlan(
    (p) => p.launch.checklist.filter((i) => i.due?.anchor === 'launch').length,
  );
  const messagesDated = usePlan(
    (p) => p.launch.communications.filter((c) => c.send?.anchor === 'launch').length,
  );
  const wavesDated = usePlan(
    (p) => p.launch.invitations.waves.filter((w) => w.date?.anchor === 'launch').length,
  );
  const on = useObjectiveHandlers(dispatch);
  const launchHint = useFollowingLaunch({
    checklist: checklistDated,
    messages: messagesDated,
    waves: wavesDated,
  });
  // A Plan health finding opens the budget ('budget') or a success measure (its id);
  // the Launch sections open the launch start ('launch-start').
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  useEffect(() => {
    if (!focus) return;
    if (focus === 'launch-start') {
      const group = document.querySelector<HTMLElement>('[data-phase="launch"]');
      group?.scrollIntoView({ block: 'center' });
      group?.querySelector<HTMLElement>('[role="spinbutton"]')?.focus();
      return;
    }
    const target = document.getElementById(focus === 'budget' ? 'budget-heading' : 'measures-card');
    target?.scrollIntoView({ block: 'start' });
  }, [focus]);

  return (
    <div className="section-body">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>
      <CarriedLessons />

      <section aria-labelledby="program-heading" className="card">
        <h2 id="program-heading">{t('program.heading')}</h2>
        <div className="grid grid-2">
          <TextField
            label={t('program.planName')}
            value={name}
            onChange={on.name}
            onBlur={seal}
            hint={t('program.planNameHint')}
          />
          <TextField
            label={t('program.programName')}
            value={objective.programName}
            onChange={on.programName}
            onBlur={seal}
          />
          <TextField
            label={t('program.organisation')}
            value={objective.organisation}
            onChange={on.organisation}
            onBlur={seal}
          />
          <TextField
            label={t('program.region')}
            value={objective.region}
            onChange={on.region}
            onBlur={seal}
          />
          <SelectField
            label={t('program.language')}
            value={objective.language}
            options={languageOptions(objective.language)}
            onChange={on.language}
            hint={t('program.languageHint')}
          />
        </div>
      </section>

      <section aria-labelledby="change-heading" className="card">
        <h2 id="change-heading">{t('change.heading')}</h2>
        <div className="grid grid-2">
          <TextAreaField
            label={t('change.changeSought')}
            value={objective.changeSought}
            onChange={on.changeSought}
            onBlur={seal}
            rows={4}
            placeholder={t('change.changeSoughtPlaceholder')}
          />
          <TextAreaField
            label={t('change.targetGroup')}
            value={objective.targetGroup}
            onChange={on.targetGroup}
            onBlur={seal}
            rows={4}
            placeholder={t('change.targetGroupPlaceholder')}
          />
          <TextAreaField
            label={t('change.problemStatement')}
            value={objective.problemStatement}
            onChange={on.problemStatement}
            onBlur={seal}
            rows={5}
          />
          <TextAreaField
            label={t('change.successDefinition')}
            value={objective.successDefinition}
            onChange={on.successDefinition}
            onBlur={seal}
            rows={5}
            placeholder={t('change.successDefinitionPlaceholder')}
          />
        </div>
      </section>

      <section aria-labelledby="baseline-heading" className="card">
        <h2 id="baseline-heading">{t('baseline.heading')}</h2>
        <p className="section-note">{t('baseline.note')}</p>
        <div className="grid grid-3">
          <TextAreaField
            className="span-3"
            label={t('baseline.situation')}
            value={objective.baseline.description}
            onChange={on.baselineDescription}
            onBlur={seal}
            rows={3}
          />
          <DateField
            label={t('baseline.date')}
            value={objective.baseline.date}
            onChange={on.baselineDate}
          />
          <TextField
            className="span-2"
            label={t('baseline.source')}
            value={objective.baseline.source}
            onChange={on.baselineSource}
            onBlur={seal}
            placeholder={t('baseline.sourcePlaceholder')}
          />
        </div>
      </section>

      <div className="card measures-card" id="measures-card">
        <p className="section-note">{t('measures.note')}</p>
        <IndicatorList subjectId={null} subjectTitle={t('measures.subject')} headingLevel={2} />
      </div>

      <BudgetCard />

      <section aria-labelledby="timeline-heading" className="card">
        <h2 id="timeline-heading">{t('timeline.heading')}</h2>
        <div className="timeline-grid">
          {PHASES.map((key) => {
            const phase = objective.timeline[key];
            const endsBeforeStart =
              phase.start !== null && phase.end !== null && phase.end < phase.start;
            return (
              <fieldset key={key} className="phase" data-phase={key}>
                <legend>{t(`timeline.phases.${key}.legend`)}</legend>
                <DateField
                  label={t(`timeline.phases.${key}.starts`)}
                  value={phase.start}
                  onChange={on.phases[key].start}
                  onBlur={seal}
                  hint={key === 'launch' ? launchHint : undefined}
                />
                <DateField
                  label={t(`timeline.phases.${key}.ends`)}
                  onBlur={seal}
                  value={phase.end}
                  error={endsBeforeStart ? t(`timeline.phases.${key}.endsBeforeStart`) : null}
                  onChange={on.phases[key].end}
                />
              </fieldset>
            );
          })}
        </div>
      </section>
    </div>
  );
}
