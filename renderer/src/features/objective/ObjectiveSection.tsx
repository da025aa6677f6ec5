/**
 * The Objective section: what change the program wants, for whom, how success
 * is defined and measured against a baseline, and when each phase runs.
 */
import type { Draft } from 'immer';
import { newId } from '../../../../shared/plan/create';
import type { SuccessMeasure } from '../../../../shared/plan/schema';
import {
  DateField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/fields';
import { useEditPlan, useFieldEdit, usePlan, useSealHistory } from '../../store/plan-context';

const MEASURE_KINDS = [
  { value: 'jobPlacement', label: 'Job placement' },
  { value: 'courseCompletion', label: 'Course completion' },
  { value: 'promotion', label: 'Promotion' },
  { value: 'wages', label: 'Wages' },
  { value: 'other', label: 'Other' },
] as const satisfies readonly { value: SuccessMeasure['kind']; label: string }[];

const PHASES = [
  { key: 'plan', label: 'Plan' },
  { key: 'launch', label: 'Launch' },
  { key: 'manage', label: 'Manage' },
] as const;

function SuccessMeasureEditor({ measure, index }: { measure: SuccessMeasure; index: number }) {
  const edit = useEditPlan();
  const seal = useSealHistory();
  const bind = useFieldEdit();
  const update = <K extends keyof SuccessMeasure>(field: K, label: string) =>
    bind<SuccessMeasure[K]>(
      `Edit success measure ${label.toLowerCase()}`,
      `measure.${measure.id}.${String(field)}`,
      (draft, value) => {
        const target = draft.objective.successMeasures.find((m) => m.id === measure.id);
        if (target) target[field] = value as Draft<SuccessMeasure>[K];
      },
    );
  const title = measure.name.trim() || 'Untitled measure';
  return (
    <fieldset className="measure-card">
      <legend>
        Success measure {index + 1}: {title}
      </legend>
      <div className="measure-grid">
        <TextField
          label="Measure"
          value={measure.name}
          onChange={update('name', 'Name')}
          onBlur={seal}
          className="col-6"
        />
        <SelectField
          label="Kind"
          value={measure.kind}
          options={MEASURE_KINDS}
          onChange={update('kind', 'Kind')}
          className="col-3"
        />
        <TextField
          label="Unit"
          value={measure.unit}
          onChange={update('unit', 'Unit')}
          onBlur={seal}
          placeholder="e.g. % of learners"
          className="col-3"
        />
        <NumberField
          label="Baseline"
          value={measure.baseline}
          onChange={update('baseline', 'Baseline')}
          onBlur={seal}
          className="col-3"
        />
        <NumberField
          label="Target"
          value={measure.target}
          onChange={update('target', 'Target')}
          onBlur={seal}
          className="col-3"
        />
        <DateField
          label="Target date"
          value={measure.targetDate}
          onChange={update('targetDate', 'Target date')}
          onBlur={seal}
          className="col-3"
        />
        <div className="col-3 measure-remove">
          <button
            type="button"
            className="subtle danger-text"
            aria-label={`Remove success measure ${index + 1}: ${title}`}
            onClick={() =>
              edit({ name: 'Remove success measure' }, (draft) => {
                draft.objective.successMeasures = draft.objective.successMeasures.filter(
                  (m) => m.id !== measure.id,
                );
              })
            }
          >
            Remove measure
          </button>
        </div>
      </div>
    </fieldset>
  );
}

/** The Objective section editor. */
export function ObjectiveSection() {
  const plan = usePlan((p) => p);
  const objective = plan.objective;
  const edit = useEditPlan();
  const seal = useSealHistory();
  const bind = useFieldEdit();
  const objectiveText = (
    field:
      | 'programName'
      | 'organisation'
      | 'region'
      | 'changeSought'
      | 'targetGroup'
      | 'problemStatement'
      | 'successDefinition',
    label: string,
  ) =>
    bind<string>(`Edit ${label.toLowerCase()}`, `objective.${field}`, (draft, value) => {
      draft.objective[field] = value;
    });

  return (
    <div className="section-body">
      <header className="section-header">
        <h1>Objective</h1>
        <p className="lead">
          Say what change the program wants and for whom, why it is needed, and how everyone will
          know it worked. Take the baseline before the program starts.
        </p>
      </header>

      <section aria-labelledby="program-heading" className="card">
        <h2 id="program-heading">Program</h2>
        <div className="grid grid-2">
          <TextField
            label="Plan name"
            value={plan.name}
            onChange={bind<string>('Rename plan', 'plan.name', (draft, value) => {
              draft.name = value;
            })}
            onBlur={seal}
            hint="How this plan appears in your library."
          />
          <TextField
            label="Program name"
            value={objective.programName}
            onChange={objectiveText('programName', 'Program name')}
            onBlur={seal}
          />
          <TextField
            label="Organisation"
            value={objective.organisation}
            onChange={objectiveText('organisation', 'Organisation')}
            onBlur={seal}
          />
          <TextField
            label="Region"
            value={objective.region}
            onChange={objectiveText('region', 'Region')}
            onBlur={seal}
          />
        </div>
      </section>

      <section aria-labelledby="change-heading" className="card">
        <h2 id="change-heading">The change sought</h2>
        <div className="grid grid-2">
          <TextAreaField
            label="Change sought"
            value={objective.changeSought}
            onChange={objectiveText('changeSought', 'Change sought')}
            onBlur={seal}
            rows={4}
            placeholder="What will be different for people, employers and the region?"
          />
          <TextAreaField
            label="For whom"
            value={objective.targetGroup}
            onChange={objectiveText('targetGroup', 'Target group')}
            onBlur={seal}
            rows={4}
            placeholder="Who the program serves, e.g. unemployed young people aged 18–29."
          />
          <TextAreaField
            label="Problem statement"
            value={objective.problemStatement}
            onChange={objectiveText('problemStatement', 'Problem statement')}
            onBlur={seal}
            rows={5}
          />
          <TextAreaField
            label="Success definition"
            value={objective.successDefinition}
            onChange={objectiveText('successDefinition', 'Success definition')}
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
            onChange={bind<string>(
              'Edit baseline',
              'objective.baseline.description',
              (draft, value) => {
                draft.objective.baseline.description = value;
              },
            )}
            onBlur={seal}
            rows={3}
          />
          <DateField
            label="Baseline date"
            value={objective.baseline.date}
            onChange={(value) =>
              edit(
                { name: 'Edit baseline date' },
                (draft) => void (draft.objective.baseline.date = value),
              )
            }
          />
          <TextField
            className="span-2"
            label="Baseline source"
            value={objective.baseline.source}
            onChange={bind<string>(
              'Edit baseline source',
              'objective.baseline.source',
              (draft, value) => {
                draft.objective.baseline.source = value;
              },
            )}
            onBlur={seal}
            placeholder="e.g. regional labour force survey"
          />
        </div>
      </section>

      <section aria-labelledby="measures-heading" className="card">
        <h2 id="measures-heading">Success measures</h2>
        {objective.successMeasures.length === 0 && (
          <p className="section-note">
            No success measures yet. Typical ones: job placement, course completion, promotion,
            wages.
          </p>
        )}
        {objective.successMeasures.map((measure, index) => (
          <SuccessMeasureEditor key={measure.id} measure={measure} index={index} />
        ))}
        <button
          type="button"
          onClick={() =>
            edit({ name: 'Add success measure' }, (draft) => {
              draft.objective.successMeasures.push({
                id: newId('measure'),
                kind: 'other',
                name: '',
                unit: '',
                baseline: null,
                target: null,
                targetDate: null,
              });
            })
          }
        >
          Add success measure
        </button>
      </section>

      <section aria-labelledby="timeline-heading" className="card">
        <h2 id="timeline-heading">Timeline</h2>
        <div className="timeline-grid">
          {PHASES.map(({ key, label }) => {
            const phase = objective.timeline[key];
            const endsBeforeStart =
              phase.start !== null && phase.end !== null && phase.end < phase.start;
            return (
              <fieldset key={key} className="phase">
                <legend>{label} phase</legend>
                <DateField
                  label={`${label} starts`}
                  value={phase.start}
                  onChange={(value) =>
                    edit(
                      { name: `Edit ${label.toLowerCase()} start` },
                      (draft) => void (draft.objective.timeline[key].start = value),
                    )
                  }
                />
                <DateField
                  label={`${label} ends`}
                  value={phase.end}
                  error={
                    endsBeforeStart
                      ? `The ${label.toLowerCase()} phase ends before it starts.`
                      : null
                  }
                  onChange={(value) =>
                    edit(
                      { name: `Edit ${label.toLowerCase()} end` },
                      (draft) => void (draft.objective.timeline[key].end = value),
                    )
                  }
                />
              </fieldset>
            );
          })}
        </div>
      </section>
    </div>
  );
}
