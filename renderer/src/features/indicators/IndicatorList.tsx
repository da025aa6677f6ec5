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
import { missingIndicatorParts } from '../../../../shared/health/rules';
import {
  baselineToTarget,
  blankIndicator,
  FREQUENCY_LABELS,
  SUCCESS_MEASURE_LABELS,
} from '../../../../shared/indicators/format';
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

type SuccessKind = NonNullable<Indicator['successMeasure']>;
const SUCCESS_OPTIONS: readonly { value: SuccessKind | ''; label: string }[] = [
  { value: '', label: 'Not a success measure' },
  ...(Object.entries(SUCCESS_MEASURE_LABELS) as [SuccessKind, string][]).map(([value, label]) => ({
    value,
    label,
  })),
];

/** Titles of the elements of a plan, by id (ToC nodes and logic-model items). */
function useElementTitles(): ReadonlyMap<string, string> {
  const nodes = usePlan((p) => p.theoryOfChange.nodes);
  const items = usePlan((p) => p.logicModel.items);
  return useMemo(() => {
    const titles = new Map<string, string>();
    for (const n of nodes) titles.set(n.id, n.title.trim() || 'Untitled element');
    for (const i of items) titles.set(i.id, i.title.trim() || 'Untitled item');
    return titles;
  }, [nodes, items]);
}

/** "Also measures …" — the other elements an indicator serves, for its row. */
function sharedWith(
  indicator: Indicator,
  subjectId: string | null,
  titles: ReadonlyMap<string, string>,
): string[] {
  const out = indicator.subjectIds
    .filter((id) => id !== subjectId)
    .map((id) => titles.get(id) ?? 'a deleted element');
  if (indicator.successMeasure && subjectId !== null) out.push('a success measure');
  return out;
}

type Frequency = NonNullable<Indicator['frequency']>;
const FREQUENCY_OPTIONS: readonly { value: Frequency | ''; label: string }[] = [
  { value: '', label: 'Not set' },
  ...(Object.entries(FREQUENCY_LABELS) as [Frequency, string][]).map(([value, label]) => ({
    value,
    label,
  })),
];

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
  const learners = usePlan((p) => p.learners);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const set = useIndicatorEdit(indicator.id);
  const segmentsId = useId();
  const name = indicator.name.trim() || 'Untitled indicator';
  const formRef = useRef<HTMLDivElement>(null);
  // A just-added indicator opens with its name field ready for typing.
  useEffect(() => {
    if (autoFocus) formRef.current?.querySelector('input')?.focus();
  }, [autoFocus]);
  return (
    <div className="indicator-form" role="group" aria-label={`Indicator: ${name}`} ref={formRef}>
      <TextField
        className="ind-span-all"
        label="Indicator name"
        value={indicator.name}
        placeholder="e.g. Learners placed in work within six months"
        onChange={set.field('name')}
        onBlur={seal}
      />
      <TextField
        className="ind-span-2"
        label="Unit"
        value={indicator.unit}
        placeholder="e.g. % of completers"
        onChange={set.field('unit')}
        onBlur={seal}
      />
      <SelectField<Frequency | ''>
        className="ind-span-2"
        label="Frequency"
        value={indicator.frequency ?? ''}
        options={FREQUENCY_OPTIONS}
        onChange={(v) => set.field('frequency')(v === '' ? null : v)}
      />
      <NumberField
        label="Baseline"
        value={indicator.baseline.value}
        onChange={set.amount('baseline')}
        onBlur={seal}
      />
      <DateField
        label="Baseline date"
        value={indicator.baseline.date}
        onChange={set.date('baseline')}
        onBlur={seal}
      />
      <NumberField
        label="Target"
        value={indicator.target.value}
        onChange={set.amount('target')}
        onBlur={seal}
      />
      <DateField
        label="Target date"
        value={indicator.target.date}
        onChange={set.date('target')}
        onBlur={seal}
      />
      <TextField
        className="ind-span-2"
        label="Data source"
        value={indicator.dataSource}
        placeholder="e.g. platform admin dashboard"
        onChange={set.field('dataSource')}
        onBlur={seal}
      />
      <TextField
        className="ind-span-2"
        label="Owner"
        value={indicator.owner}
        placeholder="Who reports it"
        onChange={set.field('owner')}
        onBlur={seal}
      />
      <SelectField<SuccessKind | ''>
        className="ind-span-all"
        label="Success measure of the program"
        value={indicator.successMeasure ?? ''}
        options={SUCCESS_OPTIONS}
        onChange={(v) =>
          dispatch(setSuccessMeasure({ id: indicator.id, kind: v === '' ? null : v }))
        }
      />
      <fieldset className="ind-span-all indicator-segments">
        <legend id={segmentsId}>Report separately for</legend>
        {learners.length === 0 ? (
          <p className="field-hint">
            No learner segments yet. Add them under Learners to break this indicator down.
          </p>
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
                  <span>{segment.name || 'Untitled segment'}</span>
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
              Stop using it for {subjectTitle}
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
            ? 'Remove indicator everywhere'
            : 'Remove indicator'}
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
  const label = subjectId === null ? 'Count an existing indicator' : 'Use an existing indicator';
  if (!open)
    return (
      <div className="indicator-share">
        <button
          type="button"
          className="subtle"
          aria-label={
            subjectId === null ? `${label} as a success measure` : `${label} for ${title}`
          }
          onClick={() => setOpen(true)}
        >
          {label}…
        </button>
      </div>
    );
  return (
    <div className="indicator-share">
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        ref={selectRef}
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
      >
        <option value="">Choose an indicator…</option>
        {candidates.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name.trim() || 'Untitled indicator'}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={choice === ''}
        aria-label={
          subjectId === null
            ? 'Count the chosen indicator as a success measure'
            : `Use the chosen indicator for ${title}`
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
        {subjectId === null ? 'Count it' : 'Use it'}
      </button>
      <button type="button" className="subtle" onClick={() => setOpen(false)}>
        Cancel
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
  const all = usePlan((p) => p.indicators);
  const measures = useMemo(() => listed(all, subjectId, tracedTo), [all, subjectId, tracedTo]);
  const indicators = useMemo(() => measures.map((m) => m.indicator), [measures]);
  const titles = useElementTitles();
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
  const noun = objective ? 'success measure' : 'indicator';
  const title = subjectTitle.trim() || 'this element';
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
      aria-label={objective ? 'Add success measure' : `Add indicator for ${title}`}
      onClick={add}
    >
      + Add {noun}
    </button>
  );

  return (
    <section
      className="indicator-list"
      aria-labelledby={Heading ? headingId : undefined}
      aria-label={Heading ? undefined : `Indicators for ${title}`}
    >
      {Heading && (
        <div className="indicator-list-head">
          <Heading id={headingId} className="indicator-list-title">
            {objective ? 'Success measures' : 'Indicators'}{' '}
            {!objective && <span className="visually-hidden">for {title}</span>}
            <span className="indicator-count">{indicators.length}</span>
          </Heading>
          {addButton}
        </div>
      )}
      {indicators.length === 0 ? (
        <p className="indicator-empty">
          {objective
            ? 'No success measure yet: which figures will show the program worked?'
            : 'No indicator yet: how will you know this happened?'}
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
              const others = sharedWith(indicator, subjectId, titles);
              const missing = missingIndicatorParts(indicator);
              const formId = `ind-form-${indicator.id}`;
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
                    <span className="indicator-name">
                      {indicator.name.trim() || 'Untitled indicator'}
                    </span>
                    <span className="indicator-values">{baselineToTarget(indicator)}</span>
                    {missing.length > 0 && (
                      <span className="indicator-missing">No {missing.join(', ')}</span>
                    )}
                    {route === 'traced' && (
                      <span className="indicator-shared">
                        Through the traced theory-of-change outcome
                      </span>
                    )}
                    {objective && indicator.successMeasure && (
                      <span className="indicator-shared">
                        {SUCCESS_MEASURE_LABELS[indicator.successMeasure]}
                      </span>
                    )}
                    {others.length > 0 && (
                      <span className="indicator-shared">Also measures {others.join('; ')}</span>
                    )}
                  </button>
                  {isOpen && (
                    <div id={formId}>
                      <IndicatorForm
                        indicator={indicator}
                        subjectId={subjectId}
                        subjectTitle={objective ? 'the success measures' : title}
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
