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
import { useWorkbench } from '../../app/workbench';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { IndicatorList } from '../indicators/IndicatorList';
import { BudgetCard } from './BudgetCard';
import { CarriedLessons } from '../manage-reviews/CarriedLessons';

const PHASES = [
  { key: 'plan', label: 'Plan' },
  { key: 'launch', label: 'Launch' },
  { key: 'manage', label: 'Manage' },
] as const;

/** Languages a plan is commonly written in (BCP 47 tags), by their own names. */
const LANGUAGES: readonly { value: string; label: string }[] = [
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'en-US', label: 'English (United States)' },
  { value: 'fr-FR', label: 'Français (France)' },
  { value: 'de-DE', label: 'Deutsch (Deutschland)' },
  { value: 'es-ES', label: 'Español (España)' },
  { value: 'pt-PT', label: 'Português (Portugal)' },
  { value: 'pt-BR', label: 'Português (Brasil)' },
  { value: 'it-IT', label: 'Italiano (Italia)' },
  { value: 'nl-NL', label: 'Nederlands (Nederland)' },
  { value: 'pl-PL', label: 'Polski (Polska)' },
  { value: 'ar', label: 'العربية' },
  { value: 'zh-CN', label: '中文（中国）' },
];

/** The choices, with a plan's own language kept when it is not one of them. */
function languageOptions(current: string): readonly { value: string; label: string }[] {
  return LANGUAGES.some((l) => l.value === current)
    ? LANGUAGES
    : [...LANGUAGES, { value: current, label: current }];
}

/** The launch start's hint: the launch dates counted from it (checklist, messages, waves) move with it. */
function followingLaunch(counts: readonly [number, string, string][]): string | undefined {
  const parts = counts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => (n === 1 ? `1 ${one}` : `${n} ${many}`));
  if (parts.length === 0) return undefined;
  const total = counts.reduce((sum, [n]) => sum + n, 0);
  const list =
    parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return `${list} ${total === 1 ? 'is' : 'are'} counted from this date and move${total === 1 ? 's' : ''} with it.`;
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
        <h1>Objective</h1>
        <p className="lead">
          Say what change the program wants and for whom, why it is needed, and how everyone will
          know it worked. Take the baseline before the program starts.
        </p>
      </header>
      <CarriedLessons />

      <section aria-labelledby="program-heading" className="card">
        <h2 id="program-heading">Program</h2>
        <div className="grid grid-2">
          <TextField
            label="Plan name"
            value={name}
            onChange={on.name}
            onBlur={seal}
            hint="How this plan appears in your library."
          />
          <TextField
            label="Program name"
            value={objective.programName}
            onChange={on.programName}
            onBlur={seal}
          />
          <TextField
            label="Organisation"
            value={objective.organisation}
            onChange={on.organisation}
            onBlur={seal}
          />
          <TextField label="Region" value={objective.region} onChange={on.region} onBlur={seal} />
          <SelectField
            label="Language of the plan’s text"
            value={objective.language}
            options={languageOptions(objective.language)}
            onChange={on.language}
            hint="Word and Excel files say so, for spelling, hyphenation and screen readers."
          />
        </div>
      </section>

      <section aria-labelledby="change-heading" className="card">
        <h2 id="change-heading">The change sought</h2>
        <div className="grid grid-2">
          <TextAreaField
            label="Change sought"
            value={objective.changeSought}
            onChange={on.changeSought}
            onBlur={seal}
            rows={4}
            placeholder="What will be different for people, employers and the region?"
          />
          <TextAreaField
            label="For whom"
            value={objective.targetGroup}
            onChange={on.targetGroup}
            onBlur={seal}
            rows={4}
            placeholder="Who the program serves, e.g. unemployed young people aged 18–29."
          />
          <TextAreaField
            label="Problem statement"
            value={objective.problemStatement}
            onChange={on.problemStatement}
            onBlur={seal}
            rows={5}
          />
          <TextAreaField
            label="Success definition"
            value={objective.successDefinition}
            onChange={on.successDefinition}
            onBlur={seal}
            rows={5}
            placeholder="e.g. job placement, course completion, promotion or higher wages."
          />
        </div>
      </section>

      <section aria-labelledby="baseline-heading" className="card">
        <h2 id="baseline-heading">Baseline</h2>
        <p className="section-note">
          Where things stand before the program starts, so change can be shown later.
        </p>
        <div className="grid grid-3">
          <TextAreaField
            className="span-3"
            label="Baseline situation"
            value={objective.baseline.description}
            onChange={on.baselineDescription}
            onBlur={seal}
            rows={3}
          />
          <DateField
            label="Baseline date"
            value={objective.baseline.date}
            onChange={on.baselineDate}
          />
          <TextField
            className="span-2"
            label="Baseline source"
            value={objective.baseline.source}
            onChange={on.baselineSource}
            onBlur={seal}
            placeholder="e.g. regional labour force survey"
          />
        </div>
      </section>

      <div className="card measures-card" id="measures-card">
        <p className="section-note">
          Success measures are indicators: one indicator can also measure outcomes in the theory of
          change and the logic model, and is edited wherever it shows.
        </p>
        <IndicatorList subjectId={null} subjectTitle="the program" headingLevel={2} />
      </div>

      <BudgetCard />

      <section aria-labelledby="timeline-heading" className="card">
        <h2 id="timeline-heading">Timeline</h2>
        <div className="timeline-grid">
          {PHASES.map(({ key, label }) => {
            const phase = objective.timeline[key];
            const endsBeforeStart =
              phase.start !== null && phase.end !== null && phase.end < phase.start;
            return (
              <fieldset key={key} className="phase" data-phase={key}>
                <legend>{label} phase</legend>
                <DateField
                  label={`${label} starts`}
                  value={phase.start}
                  onChange={on.phases[key].start}
                  onBlur={seal}
                  hint={
                    key === 'launch'
                      ? followingLaunch([
                          [
                            checklistDated,
                            'onboarding checklist date',
                            'onboarding checklist dates',
                          ],
                          [
                            messagesDated,
                            'send date of a communication',
                            'communications’ send dates',
                          ],
                          [wavesDated, 'invitation wave date', 'invitation wave dates'],
                        ])
                      : undefined
                  }
                />
                <DateField
                  label={`${label} ends`}
                  onBlur={seal}
                  value={phase.end}
                  error={
                    endsBeforeStart
                      ? `The ${label.toLowerCase()} phase ends before it starts.`
                      : null
                  }
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
