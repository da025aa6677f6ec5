/**
 * The indicators of one element (a theory-of-change outcome, a logic-model
 * output or outcome): list, add, edit and remove, with every field of the
 * indicator model. Compact enough for a ~360 px side panel; the form spreads
 * into four columns when its container is wide (container queries).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  addIndicator,
  removeIndicators,
  setIndicatorSegment,
  setIndicatorValue,
  updateIndicator,
  type IndicatorPatch,
  type IndicatorValueKind,
} from '../../../../shared/commands/indicators';
import { missingIndicatorParts } from '../../../../shared/health/rules';
import {
  baselineToTarget,
  blankIndicator,
  FREQUENCY_LABELS,
  indicatorsOf,
} from '../../../../shared/indicators/format';
import { newId } from '../../../../shared/plan/create';
import type { Indicator } from '../../../../shared/plan/schema';
import { DateField, NumberField, SelectField, TextField } from '../../components/fields';
import { useWindowedRows } from '../../components/windowed';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import './indicators.css';

/** Props of the indicator list. */
export interface IndicatorListProps {
  /** Id of the element the indicators measure (`Indicator.subjectId`). */
  subjectId: string;
  /** Its title, used in accessible names ("Indicators for …"). */
  subjectTitle: string;
  /** Level of the "Indicators" heading (default 3); `null` hides it (e.g. in a table cell). */
  headingLevel?: 2 | 3 | 4 | null;
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
}: {
  indicator: Indicator;
  autoFocus: boolean;
  onRemoved: () => void;
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
        <button
          type="button"
          className="subtle danger-text"
          onClick={() => {
            if (dispatch(removeIndicators({ ids: [indicator.id] })).ok) onRemoved();
          }}
        >
          Remove indicator
        </button>
      </div>
    </div>
  );
}

/** The indicators of one element, editable in place. */
export function IndicatorList({ subjectId, subjectTitle, headingLevel = 3 }: IndicatorListProps) {
  const all = usePlan((p) => p.indicators);
  const indicators = useMemo(() => indicatorsOf(all, subjectId), [all, subjectId]);
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
    getKey: (i) => indicators[i]!.id,
  });
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
    if (!dispatch(addIndicator({ indicator: blankIndicator(id, subjectId) })).ok) return;
    setOpen((prev) => new Set(prev).add(id));
    setJustAdded(id);
  };

  const addButton = (
    <button
      type="button"
      ref={addRef}
      className="indicator-add"
      aria-label={`Add indicator for ${title}`}
      onClick={add}
    >
      + Add indicator
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
            Indicators <span className="visually-hidden">for {title}</span>
            <span className="indicator-count">{indicators.length}</span>
          </Heading>
          {addButton}
        </div>
      )}
      {indicators.length === 0 ? (
        <p className="indicator-empty">No indicator yet: how will you know this happened?</p>
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
              const indicator = indicators[slot.index]!;
              const isOpen = open.has(indicator.id);
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
                  </button>
                  {isOpen && (
                    <div id={formId}>
                      <IndicatorForm
                        indicator={indicator}
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
      {!Heading && <div className="indicator-list-foot">{addButton}</div>}
    </section>
  );
}
