/**
 * Learners: target segments with their size (population), the learners
 * expected to take part, barriers, motivators, incentives (with cost per
 * learner, in the plan currency) and an optional persona. The incentive
 * budget per segment and in total is computed on expected participants, so a
 * planner sees what a stipend or a device loan costs for the learners who
 * will actually take it — never for a whole population.
 */
import { byCount } from '../../../../shared/words';
import { useEffect, useRef, useState } from 'react';
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
import { notifyUndoable, useWorkbench } from '../../app/workbench';
import { MoneyField } from './MoneyField';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineSelect, InlineText, optionsOf } from '../content/inline';
import '../content/content.css';

const POPULATION_OPTIONS = optionsOf(POPULATION_LABELS);

const INCENTIVE_OPTIONS = (Object.keys(INCENTIVE_TYPES) as (keyof typeof INCENTIVE_TYPES)[]).map(
  (value) => ({ value, label: INCENTIVE_TYPES[value].label }),
);

type Incentive = LearnerSegment['incentives'][number];

function IncentivesEditor({ segment }: { segment: LearnerSegment }) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const currency = usePlan((p) => p.budget.currency);
  const budget = incentiveBudget(segment);
  const tableRef = useRef<HTMLDivElement>(null);
  // After "Add incentive", focus moves to the new row's first field (once it is drawn).
  const added = useRef<string | null>(null);
  useEffect(() => {
    if (!added.current) return;
    const field = tableRef.current?.querySelector<HTMLElement>(
      `[data-incentive="${CSS.escape(added.current)}"] select`,
    );
    if (!field) return;
    field.focus();
    added.current = null;
  });
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
        <div ref={tableRef}>
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
                  <tr key={incentive.id} data-incentive={incentive.id}>
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
                      <MoneyField
                        inline
                        label={`Cost per learner of ${name}`}
                        value={incentive.costPerLearner}
                        currency={currency}
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
        </div>
      )}
      <div className="row-actions">
        <button
          type="button"
          onClick={() => {
            const id = newId('inc');
            const result = dispatch(
              incentives.add({
                parentId: segment.id,
                item: { id, type: 'certificate', description: '', costPerLearner: null },
              }),
            );
            if (result.ok) added.current = id;
          }}
        >
          Add incentive
        </button>
      </div>
      <dl className="budget" aria-label={`Incentive budget for ${segment.name || 'this segment'}`}>
        <div>
          <dt>Incentives per learner</dt>
          <dd className="num">{formatMoney(budget.perLearner, currency)}</dd>
        </div>
        <div>
          <dt>of which financial</dt>
          <dd className="num">{formatMoney(budget.financialPerLearner, currency)}</dd>
        </div>
        <div>
          <dt>Total incentive budget</dt>
          <dd className="num strong" data-testid="segment-budget">
            {budget.total === null
              ? 'Enter the expected participants'
              : formatMoney(budget.total, currency)}
          </dd>
        </div>
      </dl>
      {budget.uncosted > 0 && (
        <p className="section-note">
          {formatCount(budget.uncosted)}{' '}
          {byCount(budget.uncosted, 'incentive has', 'incentives have')} no cost recorded, so the
          budget may be understated.
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
    <section className="card" aria-labelledby="segment-editor-heading" id="segment-editor">
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
          hint="Everyone in the population"
        />
        <NumberField
          label="Expected participants"
          value={segment.expectedParticipants}
          min={0}
          max={1e9}
          integer
          onChange={update('expectedParticipants')}
          onBlur={seal}
          hint="Learners expected to enrol: per-learner costs count these"
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
  const currency = usePlan((p) => p.budget.currency);
  const dispatch = useDispatch();
  // A route with `focus` (a Plan health finding) selects that segment.
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const [selectedId, setSelectedId] = useState<string | null>(focus ?? null);
  const [followed, setFollowed] = useState(focus);
  if (focus !== followed) {
    setFollowed(focus);
    if (focus) setSelectedId(focus);
  }
  const selected = segments.find((s) => s.id === selectedId) ?? segments[0] ?? null;
  const totals = totalIncentiveBudget(segments);
  // After "Add segment", focus moves to the new segment's first field (its name).
  const added = useRef<string | null>(null);
  useEffect(() => {
    if (!added.current || selected?.id !== added.current) return;
    document.getElementById('segment-editor')?.querySelector<HTMLElement>('input')?.focus();
    added.current = null;
  });

  const addSegment = () => {
    const segment = blankSegment();
    if (!dispatch(learnerSegments.add({ item: segment })).ok) return;
    setSelectedId(segment.id);
    added.current = segment.id;
  };

  return (
    <div className="section-body content-section">
      <header className="section-header">
        <h1>Learners</h1>
        <p className="lead">
          Who the program is for: each segment&rsquo;s size, what stands in their way, what moves
          them, and the incentives you will offer. The incentive budget follows from the cost per
          learner and the learners expected to take part.
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
                <th scope="col">Population type</th>
                <th scope="col" className="num">
                  Population
                </th>
                <th scope="col" className="num">
                  Participants
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
                    <td className="num">
                      {s.expectedParticipants === null ? '—' : formatCount(s.expectedParticipants)}
                    </td>
                    <td className="num">{formatMoney(b.perLearner, currency)}</td>
                    <td className="num">
                      {b.total === null ? '—' : formatMoney(b.total, currency)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td />
                <td className="num">{formatCount(totals.learners)}</td>
                <td className="num">{formatCount(totals.participants)}</td>
                <td />
                <td className="num strong" data-testid="total-budget">
                  {formatMoney(totals.budget, currency)}
                </td>
              </tr>
            </tfoot>
          </table>
        )}
        {totals.unsized > 0 && (
          <p className="section-note">
            {formatCount(totals.unsized)}{' '}
            {byCount(
              totals.unsized,
              'segment has no expected participants yet and is',
              'segments have no expected participants yet and are',
            )}{' '}
            left out of the incentive budget.
          </p>
        )}
      </section>

      {selected && <SegmentEditor key={selected.id} segment={selected} />}
    </div>
  );
}
