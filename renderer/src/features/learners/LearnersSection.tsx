/**
 * Learners: target segments with their size, barriers, motivators,
 * incentives (with cost per learner) and an optional persona. The incentive
 * budget per segment and in total is computed, so a planner sees at once
 * what a stipend or a device loan costs at the segment's size.
 */
import { useState } from 'react';
import { newId } from '../../../../shared/plan/create';
import type { Draft as ImmerDraft } from 'immer';
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
import { notify } from '../../app/workbench';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import {
  useEditPlan,
  useItemEdit,
  usePlan,
  usePlanStore,
  useSealHistory,
} from '../../store/plan-context';
import { InlineNumber, InlineSelect, InlineText, optionsOf } from '../content/inline';
import '../content/content.css';

const POPULATION_OPTIONS = optionsOf(POPULATION_LABELS);
const INCENTIVE_OPTIONS = (Object.keys(INCENTIVE_TYPES) as (keyof typeof INCENTIVE_TYPES)[]).map(
  (value) => ({ value, label: INCENTIVE_TYPES[value].label }),
);

type Draft = ImmerDraft<LearnerSegment>;

function useSegmentEdit(segmentId: string) {
  return useItemEdit<LearnerSegment>(
    (draft) => draft.learners.find((s) => s.id === segmentId),
    `segment.${segmentId}`,
  ).typing;
}

function IncentivesEditor({ segment }: { segment: LearnerSegment }) {
  const edit = useEditPlan();
  const seal = useSealHistory();
  const bindSegment = useSegmentEdit(segment.id);
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
              const update = <T,>(
                field: string,
                apply: (i: Draft['incentives'][number], v: T) => void,
              ) =>
                bindSegment<T>(`Edit ${name}`, `incentive.${incentive.id}.${field}`, (s, v) => {
                  const target = s.incentives.find((i) => i.id === incentive.id);
                  if (target) apply(target, v);
                });
              return (
                <tr key={incentive.id}>
                  <td>
                    <InlineSelect
                      label={`Type of ${name}`}
                      value={incentive.type}
                      options={INCENTIVE_OPTIONS}
                      onChange={update<LearnerSegment['incentives'][number]['type']>(
                        'type',
                        (i, v) => void (i.type = v),
                      )}
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
                      onChange={update<string>('description', (i, v) => void (i.description = v))}
                      onBlur={seal}
                    />
                  </td>
                  <td className="num">
                    <InlineNumber
                      label={`Cost per learner of ${name}`}
                      value={incentive.costPerLearner}
                      max={1e7}
                      onChange={update<number | null>(
                        'cost',
                        (i, v) => void (i.costPerLearner = v),
                      )}
                      onBlur={seal}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="subtle danger-text"
                      aria-label={`Remove ${name}`}
                      onClick={() =>
                        edit({ name: 'Remove incentive' }, (draft) => {
                          const s = draft.learners.find((x) => x.id === segment.id);
                          if (s) s.incentives = s.incentives.filter((i) => i.id !== incentive.id);
                        })
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
            edit({ name: 'Add incentive' }, (draft) => {
              draft.learners
                .find((s) => s.id === segment.id)
                ?.incentives.push({
                  id: newId('inc'),
                  type: 'certificate',
                  description: '',
                  costPerLearner: null,
                });
            })
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
  const edit = useEditPlan();
  const seal = useSealHistory();
  const store = usePlanStore();
  const bind = useSegmentEdit(segment.id);
  const persona = segment.persona;
  const title = segment.name.trim() || 'Untitled segment';
  const setPersona = (field: 'name' | 'situation' | 'goals' | 'quote', label: string) =>
    bind<string>(`Edit persona ${label}`, `persona.${field}`, (s, v) => {
      if (s.persona) s.persona[field] = v;
    });

  return (
    <section className="card" aria-labelledby="segment-editor-heading">
      <div className="card-title-row">
        <h2 id="segment-editor-heading">{title}</h2>
        <button
          type="button"
          className="subtle danger-text"
          onClick={() => {
            edit({ name: 'Delete learner segment' }, (draft) => {
              draft.learners = draft.learners.filter((s) => s.id !== segment.id);
              // Drop references so nothing points at a segment that is gone.
              for (const p of draft.content.pathways)
                p.segmentIds = p.segmentIds.filter((id) => id !== segment.id);
              for (const i of draft.indicators)
                i.disaggregation = i.disaggregation.filter((id) => id !== segment.id);
              for (const c of draft.launch.marketing.channels)
                c.segmentIds = c.segmentIds.filter((id) => id !== segment.id);
              for (const st of draft.launch.marketing.stories)
                if (st.segmentId === segment.id) st.segmentId = null;
            });
            notify(`Deleted segment “${title}”.`, {
              label: 'Undo',
              run: () => store.getState().undo(),
            });
          }}
        >
          Delete segment
        </button>
      </div>
      <div className="grid grid-3">
        <TextField
          label="Segment name"
          value={segment.name}
          onChange={bind<string>('Rename segment', 'name', (s, v) => void (s.name = v))}
          onBlur={seal}
        />
        <SelectField
          label="Population type"
          value={segment.populationType}
          options={POPULATION_OPTIONS}
          onChange={(v) =>
            edit({ name: 'Change population type' }, (draft) => {
              const s = draft.learners.find((x) => x.id === segment.id);
              if (s) s.populationType = v;
            })
          }
        />
        <NumberField
          label="Estimated size (learners)"
          value={segment.estimatedSize}
          min={0}
          max={1e10}
          integer
          onChange={bind<number | null>(
            'Edit segment size',
            'size',
            (s, v) => void (s.estimatedSize = v),
          )}
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
                  edit({ name: e.target.checked ? 'Add barrier' : 'Remove barrier' }, (draft) => {
                    const s = draft.learners.find((x) => x.id === segment.id);
                    if (!s) return;
                    s.barriers = e.target.checked
                      ? [...s.barriers.filter((b) => b !== barrier), barrier]
                      : s.barriers.filter((b) => b !== barrier);
                  })
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
            onChange={bind<string>(
              'Edit barrier notes',
              'barrierNotes',
              (s, v) => void (s.barrierNotes = v),
            )}
            onBlur={seal}
            rows={4}
            placeholder="e.g. 46% only have a smartphone; long bus journeys to study halls."
          />
          <TextAreaField
            label="Motivators"
            value={segment.motivators}
            onChange={bind<string>(
              'Edit motivators',
              'motivators',
              (s, v) => void (s.motivators = v),
            )}
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
              onClick={() =>
                edit({ name: 'Remove persona' }, (draft) => {
                  const s = draft.learners.find((x) => x.id === segment.id);
                  if (s) s.persona = null;
                })
              }
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
              onChange={setPersona('name', 'name')}
              onBlur={seal}
              placeholder="e.g. Jordan, 20"
            />
            <TextField
              label="Quote"
              value={persona.quote}
              onChange={setPersona('quote', 'quote')}
              onBlur={seal}
              placeholder="In their own words"
            />
            <TextAreaField
              label="Situation"
              value={persona.situation}
              onChange={setPersona('situation', 'situation')}
              onBlur={seal}
            />
            <TextAreaField
              label="Goals"
              value={persona.goals}
              onChange={setPersona('goals', 'goals')}
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
              onClick={() =>
                edit({ name: 'Add persona' }, (draft) => {
                  const s = draft.learners.find((x) => x.id === segment.id);
                  if (s) s.persona = { name: '', situation: '', goals: '', quote: '' };
                })
              }
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
  const edit = useEditPlan();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = segments.find((s) => s.id === selectedId) ?? segments[0] ?? null;
  const totals = totalIncentiveBudget(segments);

  const addSegment = () => {
    const id = newId('seg');
    edit({ name: 'Add learner segment' }, (draft) => {
      draft.learners.push({
        id,
        name: 'New segment',
        populationType: 'other',
        estimatedSize: null,
        barriers: [],
        barrierNotes: '',
        motivators: '',
        incentives: [],
        persona: null,
      });
    });
    setSelectedId(id);
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
