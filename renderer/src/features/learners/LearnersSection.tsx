/**
 * Learners: target segments with their size, barriers, motivators,
 * incentives (with cost per learner) and an optional persona. The incentive
 * budget per segment and in total is computed, so a planner sees at once
 * what a stipend or a device loan costs at the segment's size.
 */
import { useState } from 'react';
import {
  blankSegment,
  incentives,
  learnerSegments,
  setBarrier,
  setPersona,
} from '../../../../shared/commands/learners';
import { newId } from '../../../../shared/plan/create';
import type { LearnerSegment } from '../../../../shared/plan/schema';
import {
  BARRIER_LABELS,
  INCENTIVE_TYPES,
  POPULATION_LABELS,
  formatCount,
  formatMoney,
  incentiveBudget,
  totalIncentiveBudget,
} from '../../../../shared/learners/segments';
import { notifyUndoable } from '../../app/workbench';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineNumber, InlineSelect, InlineText, optionsOf } from '../content/inline';
import '../content/content.css';

const POPULATION_OPTIONS = optionsOf(POPULATION_LABELS);
const INCENTIVE_OPTIONS = (Object.keys(INCENTIVE_TYPES) as (keyof typeof INCENTIVE_TYPES)[]).map(
  (value) => ({ value, label: INCENTIVE_TYPES[value].label }),
);

type Incentive = LearnerSegment['incentives'][number];

function IncentivesEditor({ segment }: { segment: LearnerSegment }) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const budget = incentiveBudget(segment);
  return (
    <section aria-labelledby={`incentives-${segment.id}`} className="subsection">
      <h3 id={`incentives-${segment.id}`}>Incentives</h3>
      {segment.incentives.length === 0 ? (
        <p className="section-note">
          No incentives yet. Financial ones (stipends, paid time off for training) and non-financial
          ones (certificates, devices or data, employer introductions, degree admission, community,
          recognition) both raise completion.
        </p>
      ) : (
        <table className="data-table incentives-table">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Cost per learner
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {segment.incentives.map((incentive, index) => {
              const name = `incentive ${index + 1}`;
              const update =
                <K extends keyof Incentive>(field: K) =>
                (value: Incentive[K]) =>
                  dispatch(
                    incentives.update({
                      parentId: segment.id,
                      id: incentive.id,
                      patch: { [field]: value },
                    }),
                  );
              return (
                <tr key={incentive.id}>
                  <td>
                    <InlineSelect
                      label={`Type of ${name}`}
                      value={incentive.type}
                      options={INCENTIVE_OPTIONS}
                      onChange={update('type')}
                    />
                    <span
                      className={`tag ${INCENTIVE_TYPES[incentive.type].financial ? 'tag-money' : ''}`}
                    >
                      {INCENTIVE_TYPES[incentive.type].financial ? 'Financial' : 'Non-financial'}
                    </span>
                  </td>
                  <td className="wide">
                    <InlineText
                      label={`Description of ${name}`}
                      value={incentive.description}
                      onChange={update('description')}
                      onBlur={seal}
                    />
                  </td>
                  <td className="num">
                    <InlineNumber
                      label={`Cost per learner of ${name}`}
                      value={incentive.costPerLearner}
                      max={1e7}
                      onChange={update('costPerLearner')}
                      onBlur={seal}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="subtle danger-text"
                      aria-label={`Remove ${name}`}
                      onClick={() =>
                        dispatch(incentives.remove({ parentId: segment.id, ids: [incentive.id] }))
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="row-actions">
        <button
          type="button"
          onClick={() =>
            dispatch(
              incentives.add({
                parentId: segment.id,
                item: {
                  id: newId('inc'),
                  type: 'certificate',
                  description: '',
                  costPerLearner: null,
                },
              }),
            )
          }
        >
          Add incentive
        </button>
      </div>
      <dl className="budget" aria-label={`Incentive budget for ${segment.name || 'this segment'}`}>
        <div>
          <dt>Incentives per learner</dt>
          <dd className="num">{formatMoney(budget.perLearner)}</dd>
        </div>
        <div>
          <dt>of which financial</dt>
          <dd className="num">{formatMoney(budget.financialPerLearner)}</dd>
        </div>
        <div>
          <dt>Total incentive budget</dt>
          <dd className="num strong" data-testid="segment-budget">
            {budget.total === null ? 'Enter the segment size' : formatMoney(budget.total)}
          </dd>
        </div>
      </dl>
      {budget.uncosted > 0 && (
        <p className="section-note">
          {budget.uncosted} {budget.uncosted === 1 ? 'incentive has' : 'incentives have'} no cost
          recorded, so the budget may be understated.
        </p>
      )}
    </section>
  );
}

function SegmentEditor({ segment }: { segment: LearnerSegment }) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const persona = segment.persona;
  const title = segment.name.trim() || 'Untitled segment';
  const update =
    <K extends keyof LearnerSegment>(field: K) =>
    (value: LearnerSegment[K]) =>
      dispatch(learnerSegments.update({ id: segment.id, patch: { [field]: value } }));
  const personaField = (field: 'name' | 'situation' | 'goals' | 'quote') => (value: string) =>
    dispatch(setPersona({ segmentId: segment.id, persona: { [field]: value } }));

  return (
    <section className="card" aria-labelledby="segment-editor-heading">
      <div className="card-title-row">
        <h2 id="segment-editor-heading">{title}</h2>
        <button
          type="button"
          className="subtle danger-text"
          onClick={() => {
            const result = dispatch(learnerSegments.remove({ ids: [segment.id] }));
            if (result.ok) notifyUndoable(`Deleted segment “${title}”.`, result.stepId);
          }}
        >
          Delete segment
        </button>
      </div>
      <div className="grid grid-3">
        <TextField
          label="Segment name"
          value={segment.name}
          onChange={update('name')}
          onBlur={seal}
        />
        <SelectField
          label="Population type"
          value={segment.populationType}
          options={POPULATION_OPTIONS}
          onChange={update('populationType')}
        />
        <NumberField
          label="Estimated size (learners)"
          value={segment.estimatedSize}
          min={0}
          max={1e10}
          integer
          onChange={update('estimatedSize')}
          onBlur={seal}
        />
      </div>

      <div className="grid grid-2 segment-needs">
        <fieldset className="checkbox-group">
          <legend>Barriers</legend>
          {(Object.keys(BARRIER_LABELS) as (keyof typeof BARRIER_LABELS)[]).map((barrier) => (
            <label key={barrier} className="check">
              <input
                type="checkbox"
                checked={segment.barriers.includes(barrier)}
                onChange={(e) =>
                  dispatch(
                    setBarrier({ segmentId: segment.id, barrier, present: e.target.checked }),
                  )
                }
              />
              {BARRIER_LABELS[barrier]}
            </label>
          ))}
        </fieldset>
        <div className="stack">
          <TextAreaField
            label="About the barriers"
            value={segment.barrierNotes}
            onChange={update('barrierNotes')}
            onBlur={seal}
            rows={4}
            placeholder="e.g. 46% only have a smartphone; long bus journeys to study halls."
          />
          <TextAreaField
            label="Motivators"
            value={segment.motivators}
            onChange={update('motivators')}
            onBlur={seal}
            rows={3}
            placeholder="What makes them start and finish: a first job, a credential, peers…"
          />
        </div>
      </div>

      <IncentivesEditor segment={segment} />

      <section aria-labelledby={`persona-${segment.id}`} className="subsection">
        <div className="card-title-row">
          <h3 id={`persona-${segment.id}`}>Persona</h3>
          {persona && (
            <button
              type="button"
              className="subtle danger-text"
              onClick={() => dispatch(setPersona({ segmentId: segment.id, persona: null }))}
            >
              Remove persona
            </button>
          )}
        </div>
        {persona ? (
          <div className="grid grid-2">
            <TextField
              label="Persona name"
              value={persona.name}
              onChange={personaField('name')}
              onBlur={seal}
              placeholder="e.g. Jordan, 20"
            />
            <TextField
              label="Quote"
              value={persona.quote}
              onChange={personaField('quote')}
              onBlur={seal}
              placeholder="In their own words"
            />
            <TextAreaField
              label="Situation"
              value={persona.situation}
              onChange={personaField('situation')}
              onBlur={seal}
            />
            <TextAreaField
              label="Goals"
              value={persona.goals}
              onChange={personaField('goals')}
              onBlur={seal}
            />
          </div>
        ) : (
          <>
            <p className="section-note">
              A persona — one representative learner with a name, a situation, goals and a quote —
              keeps the segment human in workshops and funder reports.
            </p>
            <button
              type="button"
              onClick={() => dispatch(setPersona({ segmentId: segment.id, persona: {} }))}
            >
              Add persona
            </button>
          </>
        )}
      </section>
    </section>
  );
}

/** The Learners section. */
export function LearnersSection() {
  const segments = usePlan((p) => p.learners);
  const dispatch = useDispatch();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = segments.find((s) => s.id === selectedId) ?? segments[0] ?? null;
  const totals = totalIncentiveBudget(segments);

  const addSegment = () => {
    const segment = blankSegment();
    dispatch(learnerSegments.add({ item: segment }));
    setSelectedId(segment.id);
  };

  return (
    <div className="section-body content-section">
      <header className="section-header">
        <h1>Learners</h1>
        <p className="lead">
          Who the program is for: each segment&rsquo;s size, what stands in their way, what moves
          them, and the incentives you will offer. The incentive budget follows from the cost per
          learner and the segment&rsquo;s size.
        </p>
      </header>

      <section className="card" aria-labelledby="segments-heading">
        <div className="card-title-row">
          <h2 id="segments-heading">Segments</h2>
          <button type="button" className="primary" onClick={addSegment}>
            Add segment
          </button>
        </div>
        {segments.length === 0 ? (
          <p className="section-note">
            No segments yet. Typical ones: young people not in education, employment or training;
            unemployed or underemployed adults; incumbent workers; benefits recipients.
          </p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">Learner segments and incentive budgets</caption>
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col">Population</th>
                <th scope="col" className="num">
                  Learners
                </th>
                <th scope="col" className="num">
                  Incentives / learner
                </th>
                <th scope="col" className="num">
                  Incentive budget
                </th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => {
                const b = incentiveBudget(s);
                const current = s.id === selected?.id;
                return (
                  <tr key={s.id} className={current ? 'selected' : undefined}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-current={current ? 'true' : undefined}
                        onClick={() => setSelectedId(s.id)}
                      >
                        {s.name.trim() || 'Untitled segment'}
                      </button>
                    </th>
                    <td>{POPULATION_LABELS[s.populationType]}</td>
                    <td className="num">
                      {s.estimatedSize === null ? '—' : formatCount(s.estimatedSize)}
                    </td>
                    <td className="num">{formatMoney(b.perLearner)}</td>
                    <td className="num">{b.total === null ? '—' : formatMoney(b.total)}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td />
                <td className="num">{formatCount(totals.learners)}</td>
                <td />
                <td className="num strong" data-testid="total-budget">
                  {formatMoney(totals.budget)}
                </td>
              </tr>
            </tfoot>
          </table>
        )}
        {totals.unsized > 0 && (
          <p className="section-note">
            {totals.unsized} {totals.unsized === 1 ? 'segment has' : 'segments have'} no size yet
            and {totals.unsized === 1 ? 'is' : 'are'} left out of the totals.
          </p>
        )}
      </section>

      {selected && <SegmentEditor key={selected.id} segment={selected} />}
    </div>
  );
}
