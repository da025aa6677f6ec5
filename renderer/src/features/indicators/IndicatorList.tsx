/**
 * The indicators of one element (a theory-of-change outcome, a logic-model
 * output or outcome) or the program's success measures: list, add, share,
 * edit and remove, with every field of the indicator model. One indicator
 * can measure several elements and be a success measure; wherever it is
 * listed, it is the same indicator, edited in one place (the plan's
 * `indicators`). Compact enough for a ~360 px side panel; the form spreads
 * into four columns when its container is wide (container queries).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  addIndicator,
  removeIndicators,
  setIndicatorSegment,
  setIndicatorSubject,
  setIndicatorValue,
  setSuccessMeasure,
  updateIndicator,
  type IndicatorPatch,
  type IndicatorValueKind,
} from '../../../../shared/commands/indicators';
import { missingIndicatorFields } from '../../../../shared/health/rules';
import { blankIndicator } from '../../../../shared/indicators/format';
import {
  indicatorsBySubject,
  measuresOf,
  successMeasuresOf,
  type ElementMeasure,
} from '../../../../shared/indicators/measures';
import { newId } from '../../../../shared/plan/create';
import type { Indicator } from '../../../../shared/plan/schema';
import { DateField, NumberField, SelectField, TextField } from '../../components/fields';
import { useWindowedRows } from '../../components/windowed';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import './indicators.css';

/** Props of the indicator list. */
export interface IndicatorListProps {
  /**
   * Id of the element the indicators measure (in `Indicator.subjectIds`);
   * null lists the program's success measures (the Objective page).
   */
  subjectId: string | null;
  /** Its title, used in accessible names ("Indicators for …"). */
  subjectTitle: string;
  /**
   * The theory-of-change outcome a logic-model item is traced to: its
   * indicators measure the item too and are listed (marked) here.
   */
  tracedTo?: string | null;
  /** Level of the "Indicators" heading (default 3); `null` hides it (e.g. in a table cell). */
  headingLevel?: 2 | 3 | 4 | null;
}

type IndicatorsT = TFunction<'indicators'>;

type SuccessKind = NonNullable<Indicator['successMeasure']>;
const SUCCESS_KINDS: readonly SuccessKind[] = [
  'jobPlacement',
  'courseCompletion',
  'promotion',
  'wages',
  'other',
];

type Frequency = NonNullable<Indicator['frequency']>;
const FREQUENCIES: readonly Frequency[] = [
  'weekly',
  'monthly',
  'quarterly',
  'biannually',
  'annually',
  'once',
  'other',
];

/** The id of an indicator's form (its toggle controls it). */
const formIdOf = (id: string) => `ind-form-${id}`;

/** Titles of the elements of a plan, by id (ToC nodes and logic-model items). */
function useElementTitles(t: IndicatorsT): ReadonlyMap<string, string> {
  const nodes = usePlan((p) => p.theoryOfChange.nodes);
  const items = usePlan((p) => p.logicModel.items);
  return useMemo(() => {
    const titles = new Map<string, string>();
    for (const n of nodes) titles.set(n.id, n.title.trim() || t('untitledElement'));
    for (const i of items) titles.set(i.id, i.title.trim() || t('untitledItem'));
    return titles;
  }, [nodes, items, t]);
}

/** "Also measures …" — the other elements an indicator serves, for its row. */
function sharedWith(
  indicator: Indicator,
  subjectId: string | null,
  titles: ReadonlyMap<string, string>,
  t: IndicatorsT,
): string[] {
  const out = indicator.subjectIds
    .filter((id) => id !== subjectId)
    .map((id) => titles.get(id) ?? t('deletedElement'));
  if (indicator.successMeasure && subjectId !== null) out.push(t('successMeasureRef'));
  return out;
}

/** "34 → 60 % of enrolled learners": baseline to target, with the unit, in the UI's language. */
function useBaselineToTarget() {
  const { t } = useTranslation('indicators');
  const format = useFormat();
  return useCallback(
    (indicator: Pick<Indicator, 'baseline' | 'target' | 'unit'>) => {
      const value = (n: number | null) => (n === null ? t('noValue') : format.number(n));
      const unit = indicator.unit.trim();
      const values = {
        baseline: value(indicator.baseline.value),
        target: value(indicator.target.value),
      };
      return unit ? t('valuesWithUnit', { ...values, unit }) : t('values', values);
    },
    [t, format],
  );
}

/** Setters of one indicator's fields; each dispatches a command, and typing in one field coalesces. */
function useIndicatorEdit(id: string) {
  const dispatch = useDispatch();
  return {
    field:
      <K extends keyof IndicatorPatch>(key: K) =>
      (value: IndicatorPatch[K]) =>
        dispatch(updateIndicator({ id, patch: { [key]: value } })),
    amount: (which: IndicatorValueKind) => (value: number | null) =>
      dispatch(setIndicatorValue({ id, which, patch: { value } })),
    date: (which: IndicatorValueKind) => (date: string | null) =>
      dispatch(setIndicatorValue({ id, which, patch: { date } })),
  };
}

function IndicatorForm({
  indicator,
  autoFocus,
  onRemoved,
  subjectId,
  subjectTitle,
}: {
  indicator: Indicator;
  autoFocus: boolean;
  onRemoved: () => void;
  subjectId: string | null;
  subjectTitle: string;
}) {
  const { t } = useTranslation(['indicators', 'common']);
  const learners = usePlan((p) => p.learners);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const set = useIndicatorEdit(indicator.id);
  const segmentsId = useId();
  const name = indicator.name.trim() || t('untitledIndicator');
  const frequencyOptions = useMemo(
    () => [
      { value: '' as const, label: t('notSet') },
      ...FREQUENCIES.map((value) => ({ value, label: t(`frequency.${value}`) })),
    ],
    [t],
  );
  const successOptions = useMemo(
    () => [
      { value: '' as const, label: t('notSuccessMeasure') },
      ...SUCCESS_KINDS.map((value) => ({ value, label: t(`successKind.${value}`) })),
    ],
    [t],
  );
  const formRef = useRef<HTMLDivElement>(null);
  // A just-added indicator opens with its name field ready for typing.
  useEffect(() => {
    if (autoFocus) formRef.current?.querySelector('input')?.focus();
  }, [autoFocus]);
  return (
    <div
      className="indicator-form"
      role="group"
      aria-label={t('form.label', { name })}
      ref={formRef}
    >
      <TextField
        className="ind-span-all"
        label={t('form.name')}
        value={indicator.name}
        placeholder={t('form.namePlaceholder')}
        onChange={set.field('name')}
        onBlur={seal}
      />
      <TextField
        className="ind-span-2"
        label={t('form.unit')}
        value={indicator.unit}
        placeholder={t('form.unitPlaceholder')}
        onChange={set.field('unit')}
        onBlur={seal}
      />
      <SelectField<Frequency | ''>
        className="ind-span-2"
        label={t('form.frequency')}
        value={indicator.frequency ?? ''}
        options={frequencyOptions}
        onChange={(v) => set.field('frequency')(v === '' ? null : v)}
      />
      <NumberField
        label={t('form.baseline')}
        value={indicator.baseline.value}
        onChange={set.amount('baseline')}
        onBlur={seal}
      />
      <DateField
        label={t('form.baselineDate')}
        value={indicator.baseline.date}
        onChange={set.date('baseline')}
        onBlur={seal}
      />
      <NumberField
        label={t('form.target')}
        value={indicator.target.value}
        onChange={set.amount('target')}
        onBlur={seal}
      />
      <DateField
        label={t('form.targetDate')}
        value={indicator.target.date}
        onChange={set.date('target')}
        onBlur={seal}
      />
      <TextField
        className="ind-span-2"
        label={t('form.dataSource')}
        value={indicator.dataSource}
        placeholder={t('form.dataSourcePlaceholder')}
        onChange={set.field('dataSource')}
        onBlur={seal}
      />
      <TextField
        className="ind-span-2"
        label={t('form.owner')}
        value={indicator.owner}
        placeholder={t('form.ownerPlaceholder')}
        onChange={set.field('owner')}
        onBlur={seal}
      />
      <SelectField<SuccessKind | ''>
        className="ind-span-all"
        label={t('form.successMeasure')}
        value={indicator.successMeasure ?? ''}
        options={successOptions}
        onChange={(v) =>
          dispatch(setSuccessMeasure({ id: indicator.id, kind: v === '' ? null : v }))
        }
      />
      <fieldset className="ind-span-all indicator-segments">
        <legend id={segmentsId}>{t('form.segments')}</legend>
        {learners.length === 0 ? (
          <p className="field-hint">{t('form.noSegments')}</p>
        ) : (
          <div className="indicator-segment-options">
            {learners.map((segment) => {
              const checked = indicator.disaggregation.includes(segment.id);
              return (
                <label key={segment.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() =>
                      dispatch(
                        setIndicatorSegment({
                          id: indicator.id,
                          segmentId: segment.id,
                          included: !checked,
                        }),
                      )
                    }
                  />
                  <bdi>{segment.name || t('untitledSegment')}</bdi>
                </label>
              );
            })}
          </div>
        )}
      </fieldset>
      <div className="ind-span-all indicator-form-actions">
        {subjectId !== null &&
          indicator.subjectIds.includes(subjectId) &&
          (indicator.subjectIds.length > 1 || indicator.successMeasure !== null) && (
            <button
              type="button"
              className="subtle"
              onClick={() => {
                if (
                  dispatch(setIndicatorSubject({ id: indicator.id, subjectId, measured: false })).ok
                )
                  onRemoved();
              }}
            >
              {t('form.stopUsing', { subject: subjectTitle })}
            </button>
          )}
        <button
          type="button"
          className="subtle danger-text"
          onClick={() => {
            if (dispatch(removeIndicators({ ids: [indicator.id] })).ok) onRemoved();
          }}
        >
          {indicator.subjectIds.length + (indicator.successMeasure ? 1 : 0) > 1
            ? t('form.removeEverywhere')
            : t('form.remove')}
        </button>
      </div>
    </div>
  );
}

/** The indicators measuring one element (or the success measures), with how each reaches it. */
function listed(
  all: readonly Indicator[],
  subjectId: string | null,
  tracedTo: string | null,
): ElementMeasure[] {
  if (subjectId === null)
    return successMeasuresOf(all).map((indicator) => ({ indicator, route: 'direct' }));
  return measuresOf(indicatorsBySubject(all), subjectId, tracedTo);
}

/** Indicators that could be shared with this element (not listed on it yet). */
function shareable(
  all: readonly Indicator[],
  shown: readonly ElementMeasure[],
  subjectId: string | null,
): Indicator[] {
  const here = new Set(
    shown.filter((m) => m.route === 'direct' || subjectId === null).map((m) => m.indicator.id),
  );
  return all.filter((i) => !here.has(i.id));
}

/**
 * Picker that makes an existing indicator measure this element too (no second
 * copy). Closed until asked for: a logframe shows one list per row, and a
 * large plan's every indicator as options in each would cost thousands of
 * elements per row.
 */
function ShareExisting({
  all,
  shown,
  subjectId,
  title,
  onShared,
}: {
  all: readonly Indicator[];
  shown: readonly ElementMeasure[];
  subjectId: string | null;
  title: string;
  onShared: (id: string) => void;
}) {
  const { t } = useTranslation(['indicators', 'common']);
  const dispatch = useDispatch();
  const [open, setOpen] = useState(false);
  // Worked out only when the picker is open (one scan of the plan's indicators).
  const candidates = useMemo(
    () => (open ? shareable(all, shown, subjectId) : []),
    [open, all, shown, subjectId],
  );
  const [choice, setChoice] = useState('');
  const selectId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (open) selectRef.current?.focus();
  }, [open]);
  if (all.length <= shown.length && shown.every((m) => m.route === 'direct')) return null;
  const objective = subjectId === null;
  if (!open)
    return (
      <div className="indicator-share">
        <button
          type="button"
          className="subtle"
          aria-label={
            objective
              ? t('share.countExistingLabel')
              : t('share.useExistingLabel', { subject: title })
          }
          onClick={() => setOpen(true)}
        >
          {objective ? t('share.countExistingOpen') : t('share.useExistingOpen')}
        </button>
      </div>
    );
  return (
    <div className="indicator-share">
      <label htmlFor={selectId}>
        {objective ? t('share.countExisting') : t('share.useExisting')}
      </label>
      <select
        id={selectId}
        ref={selectRef}
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
      >
        <option value="">{t('share.choose')}</option>
        {candidates.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name.trim() || t('untitledIndicator')}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={choice === ''}
        aria-label={
          objective ? t('share.countChosenLabel') : t('share.useChosenLabel', { subject: title })
        }
        onClick={() => {
          const ok =
            subjectId === null
              ? dispatch(setSuccessMeasure({ id: choice, kind: 'other' })).ok
              : dispatch(setIndicatorSubject({ id: choice, subjectId, measured: true })).ok;
          if (ok) {
            onShared(choice);
            setChoice('');
            setOpen(false);
          }
        }}
      >
        {objective ? t('share.countIt') : t('share.useIt')}
      </button>
      <button type="button" className="subtle" onClick={() => setOpen(false)}>
        {t('common:actions.cancel')}
      </button>
    </div>
  );
}

/** The indicators of one element (or the success measures), editable in place. */
export function IndicatorList({
  subjectId,
  subjectTitle,
  tracedTo = null,
  headingLevel = 3,
}: IndicatorListProps) {
  const { t } = useTranslation('indicators');
  const baselineToTarget = useBaselineToTarget();
  const all = usePlan((p) => p.indicators);
  const measures = useMemo(() => listed(all, subjectId, tracedTo), [all, subjectId, tracedTo]);
  const indicators = useMemo(() => measures.map((m) => m.indicator), [measures]);
  const titles = useElementTitles(t);
  const dispatch = useDispatch();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  // A long list (over 100) is windowed in its own scroll box; open forms are measured.
  const rows = useWindowedRows({
    scrollRef,
    count: indicators.length,
    estimateSize: 52,
    getKey: useCallback((i: number) => indicators[i]!.id, [indicators]),
  });
  const objective = subjectId === null;
  const title = subjectTitle.trim() || t('thisElement');
  const Heading = headingLevel ? (`h${headingLevel}` as const) : null;

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const add = () => {
    const id = newId('ind');
    const indicator = blankIndicator(id, subjectId, objective ? 'other' : null);
    if (!dispatch(addIndicator({ indicator })).ok) return;
    setOpen((prev) => new Set(prev).add(id));
    setJustAdded(id);
  };

  const addButton = (
    <button
      type="button"
      ref={addRef}
      className="indicator-add"
      aria-label={
        objective
          ? t('list.addSuccessMeasureLabel')
          : t('list.addIndicatorLabel', { subject: title })
      }
      onClick={add}
    >
      {objective ? t('list.addSuccessMeasure') : t('list.addIndicator')}
    </button>
  );

  return (
    <section
      className="indicator-list"
      aria-labelledby={Heading ? headingId : undefined}
      aria-label={Heading ? undefined : t('list.indicatorsFor', { subject: title })}
    >
      {Heading && (
        <div className="indicator-list-head">
          <Heading id={headingId} className="indicator-list-title">
            {objective ? t('list.successMeasures') : t('list.indicators')}{' '}
            {!objective && (
              <span className="visually-hidden">{t('list.forSubject', { subject: title })}</span>
            )}
            <span className="indicator-count">{indicators.length}</span>
          </Heading>
          {addButton}
        </div>
      )}
      {indicators.length === 0 ? (
        <p className="indicator-empty">
          {objective ? t('list.noSuccessMeasure') : t('list.noIndicator')}
        </p>
      ) : (
        <div
          ref={scrollRef}
          className={rows.windowed ? 'indicator-scroll' : undefined}
          onKeyDown={rows.onKeyDown}
          onFocus={rows.onFocus}
        >
          <ul className="indicator-items">
            {rows.slots.map((slot) => {
              if (slot.kind === 'gap')
                return <li key={slot.key} aria-hidden="true" style={{ height: slot.size }} />;
              const { indicator, route } = measures[slot.index]!;
              const isOpen = open.has(indicator.id);
              const others = sharedWith(indicator, subjectId, titles, t);
              const missing = missingIndicatorFields(indicator).map((part) =>
                t(`list.missingParts.${part}`),
              );
              const formId = formIdOf(indicator.id);
              return (
                <li
                  key={slot.key}
                  data-index={slot.index}
                  ref={rows.measure}
                  className={`indicator ${isOpen ? 'is-open' : ''}`}
                >
                  <button
                    type="button"
                    className="indicator-toggle"
                    aria-expanded={isOpen}
                    aria-controls={isOpen ? formId : undefined}
                    onClick={() => toggle(indicator.id)}
                  >
                    <span className="indicator-chevron" aria-hidden="true" />
                    <span className="indicator-name" dir="auto">
                      {indicator.name.trim() || t('untitledIndicator')}
                    </span>
                    <span className="indicator-values">{baselineToTarget(indicator)}</span>
                    {missing.length > 0 && (
                      <span className="indicator-missing">
                        {t('list.missing', { parts: missing.join(t('list.missingSeparator')) })}
                      </span>
                    )}
                    {route === 'traced' && (
                      <span className="indicator-shared">{t('list.traced')}</span>
                    )}
                    {objective && indicator.successMeasure && (
                      <span className="indicator-shared">
                        {t(`successKind.${indicator.successMeasure}`)}
                      </span>
                    )}
                    {others.length > 0 && (
                      <span className="indicator-shared">
                        {t('list.alsoMeasures', {
                          subjects: others.join(t('list.alsoSeparator')),
                        })}
                      </span>
                    )}
                  </button>
                  {isOpen && (
                    <div id={formId}>
                      <IndicatorForm
                        indicator={indicator}
                        subjectId={subjectId}
                        subjectTitle={objective ? t('theSuccessMeasures') : title}
                        autoFocus={justAdded === indicator.id}
                        onRemoved={() => {
                          setJustAdded(null);
                          addRef.current?.focus();
                        }}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <ShareExisting
        all={all}
        shown={measures}
        subjectId={subjectId}
        title={title}
        onShared={(id) => {
          setOpen((prev) => new Set(prev).add(id));
          setJustAdded(id);
        }}
      />
      {!Heading && <div className="indicator-list-foot">{addButton}</div>}
    </section>
  );
}
