/**
 * Learners: target segments with their size (population), the learners
 * expected to take part, barriers, motivators, incentives (with cost per
 * learner, in the plan currency) and an optional persona. The incentive
 * budget per segment and in total is computed on expected participants, so a
 * planner sees what a stipend or a device loan costs for the learners who
 * will actually take it — never for a whole population.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  formatMoney,
  incentiveBudget,
  totalIncentiveBudget,
} from '../../../../shared/learners/segments';
import { notifyUndoable, useWorkbench } from '../../app/workbench';
import { useFormat } from '../../i18n/i18n';
import { MoneyField } from './MoneyField';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineSelect, InlineText } from '../content/inline';
import '../content/content.css';

type Population = LearnerSegment['populationType'];
type Barrier = keyof typeof BARRIER_LABELS;
type IncentiveType = keyof typeof INCENTIVE_TYPES;

const POPULATIONS = Object.keys(POPULATION_LABELS) as Population[];
const BARRIERS = Object.keys(BARRIER_LABELS) as Barrier[];
const INCENTIVE_KINDS = Object.keys(INCENTIVE_TYPES) as IncentiveType[];

type Incentive = LearnerSegment['incentives'][number];

/** Money in the plan currency (or the number alone), written the UI language's way. */
function useMoney(): (amount: number, currency: string | null) => string {
  const format = useFormat();
  return (amount, currency) => formatMoney(amount, currency, format.locale);
}

function IncentivesEditor({ segment }: { segment: LearnerSegment }) {
  const { t } = useTranslation('learners');
  const money = useMoney();
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
      <h3 id={`incentives-${segment.id}`}>{t('incentives.heading')}</h3>
      {segment.incentives.length === 0 ? (
        <p className="section-note">{t('incentives.empty')}</p>
      ) : (
        <div ref={tableRef}>
          <table className="data-table incentives-table">
            <thead>
              <tr>
                <th scope="col">{t('incentives.type')}</th>
                <th scope="col">{t('incentives.description')}</th>
                <th scope="col" className="num">
                  {t('incentives.costPerLearner')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('incentives.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {segment.incentives.map((incentive, index) => {
                const number = index + 1;
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
                        label={t('incentives.typeOf', { number })}
                        value={incentive.type}
                        options={INCENTIVE_KINDS.map((value) => ({
                          value,
                          label: t(`incentiveTypes.${value}`),
                        }))}
                        onChange={update('type')}
                      />
                      <span
                        className={`tag ${INCENTIVE_TYPES[incentive.type].financial ? 'tag-money' : ''}`}
                      >
                        {INCENTIVE_TYPES[incentive.type].financial
                          ? t('incentives.financial')
                          : t('incentives.nonFinancial')}
                      </span>
                    </td>
                    <td className="wide">
                      <InlineText
                        label={t('incentives.descriptionOf', { number })}
                        value={incentive.description}
                        onChange={update('description')}
                        onBlur={seal}
                      />
                    </td>
                    <td className="num">
                      <MoneyField
                        inline
                        label={t('incentives.costOf', { number })}
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
                        aria-label={t('incentives.removeLabel', { number })}
                        onClick={() =>
                          dispatch(incentives.remove({ parentId: segment.id, ids: [incentive.id] }))
                        }
                      >
                        {t('incentives.remove')}
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
          {t('incentives.add')}
        </button>
      </div>
      <dl
        className="budget"
        aria-label={
          segment.name
            ? t('incentives.budgetFor', { name: segment.name })
            : t('incentives.budgetForThis')
        }
      >
        <div>
          <dt>{t('incentives.perLearner')}</dt>
          <dd className="num">{money(budget.perLearner, currency)}</dd>
        </div>
        <div>
          <dt>{t('incentives.financialPerLearner')}</dt>
          <dd className="num">{money(budget.financialPerLearner, currency)}</dd>
        </div>
        <div>
          <dt>{t('incentives.total')}</dt>
          <dd className="num strong" data-testid="segment-budget">
            {budget.total === null
              ? t('incentives.enterParticipants')
              : money(budget.total, currency)}
          </dd>
        </div>
      </dl>
      {budget.uncosted > 0 && (
        <p className="section-note">{t('incentives.uncosted', { count: budget.uncosted })}</p>
      )}
    </section>
  );
}

function SegmentEditor({ segment }: { segment: LearnerSegment }) {
  const { t } = useTranslation('learners');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const persona = segment.persona;
  const title = segment.name.trim() || t('untitledSegment');
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
            if (result.ok) notifyUndoable(t('segment.deleted', { title }), result.stepId);
          }}
        >
          {t('segment.delete')}
        </button>
      </div>
      <div className="grid grid-3">
        <TextField
          label={t('segment.name')}
          value={segment.name}
          onChange={update('name')}
          onBlur={seal}
        />
        <SelectField
          label={t('segment.populationType')}
          value={segment.populationType}
          options={POPULATIONS.map((value) => ({ value, label: t(`populations.${value}`) }))}
          onChange={update('populationType')}
        />
        <NumberField
          label={t('segment.size')}
          value={segment.estimatedSize}
          min={0}
          max={1e10}
          integer
          onChange={update('estimatedSize')}
          onBlur={seal}
          hint={t('segment.sizeHint')}
        />
        <NumberField
          label={t('segment.participants')}
          value={segment.expectedParticipants}
          min={0}
          max={1e9}
          integer
          onChange={update('expectedParticipants')}
          onBlur={seal}
          hint={t('segment.participantsHint')}
        />
      </div>

      <div className="grid grid-2 segment-needs">
        <fieldset className="checkbox-group">
          <legend>{t('segment.barriers')}</legend>
          {BARRIERS.map((barrier) => (
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
              {t(`barriers.${barrier}`)}
            </label>
          ))}
        </fieldset>
        <div className="stack">
          <TextAreaField
            label={t('segment.barrierNotes')}
            value={segment.barrierNotes}
            onChange={update('barrierNotes')}
            onBlur={seal}
            rows={4}
            placeholder={t('segment.barrierNotesPlaceholder')}
          />
          <TextAreaField
            label={t('segment.motivators')}
            value={segment.motivators}
            onChange={update('motivators')}
            onBlur={seal}
            rows={3}
            placeholder={t('segment.motivatorsPlaceholder')}
          />
        </div>
      </div>

      <IncentivesEditor segment={segment} />

      <section aria-labelledby={`persona-${segment.id}`} className="subsection">
        <div className="card-title-row">
          <h3 id={`persona-${segment.id}`}>{t('persona.heading')}</h3>
          {persona && (
            <button
              type="button"
              className="subtle danger-text"
              onClick={() => dispatch(setPersona({ segmentId: segment.id, persona: null }))}
            >
              {t('persona.remove')}
            </button>
          )}
        </div>
        {persona ? (
          <div className="grid grid-2">
            <TextField
              label={t('persona.name')}
              value={persona.name}
              onChange={personaField('name')}
              onBlur={seal}
              placeholder={t('persona.namePlaceholder')}
            />
            <TextField
              label={t('persona.quote')}
              value={persona.quote}
              onChange={personaField('quote')}
              onBlur={seal}
              placeholder={t('persona.quotePlaceholder')}
            />
            <TextAreaField
              label={t('persona.situation')}
              value={persona.situation}
              onChange={personaField('situation')}
              onBlur={seal}
            />
            <TextAreaField
              label={t('persona.goals')}
              value={persona.goals}
              onChange={personaField('goals')}
              onBlur={seal}
            />
          </div>
        ) : (
          <>
            <p className="section-note">{t('persona.about')}</p>
            <button
              type="button"
              onClick={() => dispatch(setPersona({ segmentId: segment.id, persona: {} }))}
            >
              {t('persona.add')}
            </button>
          </>
        )}
      </section>
    </section>
  );
}

/** The Learners section. */
export function LearnersSection() {
  const { t } = useTranslation('learners');
  const format = useFormat();
  const money = useMoney();
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
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>

      <section className="card" aria-labelledby="segments-heading">
        <div className="card-title-row">
          <h2 id="segments-heading">{t('segments.heading')}</h2>
          <button type="button" className="primary" onClick={addSegment}>
            {t('segments.add')}
          </button>
        </div>
        {segments.length === 0 ? (
          <p className="section-note">{t('segments.empty')}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{t('segments.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('segments.segment')}</th>
                <th scope="col">{t('segments.populationType')}</th>
                <th scope="col" className="num">
                  {t('segments.population')}
                </th>
                <th scope="col" className="num">
                  {t('segments.participants')}
                </th>
                <th scope="col" className="num">
                  {t('segments.perLearner')}
                </th>
                <th scope="col" className="num">
                  {t('segments.budget')}
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
                        {s.name.trim() || t('untitledSegment')}
                      </button>
                    </th>
                    <td>{t(`populations.${s.populationType}`)}</td>
                    <td className="num">
                      {s.estimatedSize === null ? '—' : format.number(s.estimatedSize)}
                    </td>
                    <td className="num">
                      {s.expectedParticipants === null
                        ? '—'
                        : format.number(s.expectedParticipants)}
                    </td>
                    <td className="num">{money(b.perLearner, currency)}</td>
                    <td className="num">{b.total === null ? '—' : money(b.total, currency)}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('segments.total')}</th>
                <td />
                <td className="num">{format.number(totals.learners)}</td>
                <td className="num">{format.number(totals.participants)}</td>
                <td />
                <td className="num strong" data-testid="total-budget">
                  {money(totals.budget, currency)}
                </td>
              </tr>
            </tfoot>
          </table>
        )}
        {totals.unsized > 0 && (
          <p className="section-note">{t('segments.unsized', { count: totals.unsized })}</p>
        )}
      </section>

      {selected && <SegmentEditor key={selected.id} segment={selected} />}
    </div>
  );
}
