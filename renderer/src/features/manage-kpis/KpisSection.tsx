/**
 * Manage → KPIs (issue 14): the plan's indicators tracked with actuals. A KPI
 * is created from an indicator (its name, unit, baseline and target stay
 * those of the indicator, edited under Indicators) or of its own; its
 * actuals are typed in (date, value, cohort, note) or counted from each
 * roster import (enrolments, learning hours, completions, active rate,
 * completion rate, placements; optionally for one segment). Its status
 * against the straight-line path to target follows the rule stated on the
 * page (shared/manage/kpi-status.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import {
  addKpiActual,
  createKpi,
  kpiList,
  removeKpiActual,
  setKpiSource,
  syncKpiRosterActuals,
  updateKpiActual,
} from '../../../../shared/commands/kpis';
import { kpiChart } from '../../../../shared/manage/charts';
import { KPI_STATUS_RULE } from '../../../../shared/manage/kpi-status';
import {
  blankKpi,
  defaultBaselineDate,
  KPI_SOURCE_ORDER,
  KPI_SOURCES,
  kpiFromIndicator,
  kpisOutOfSync,
  kpiView,
  type KpiView,
} from '../../../../shared/manage/kpis';
import { formatCount } from '../../../../shared/manage/charts';
import { newId } from '../../../../shared/plan/create';
import type { Kpi, KpiSource } from '../../../../shared/plan/schema';
import { useWorkbench } from '../../app/workbench';
import { DateField, NumberField, SelectField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { useChartPalette } from '../../theme/theme';
import { InlineNumber, InlineSelect, InlineText } from '../content/inline';
import { Chart } from '../manage-dashboard/Chart';
import { KpiStatusBadge } from '../manage-dashboard/KpiStatusBadge';
import '../content/content.css';
import '../manage-dashboard/dashboard.css';
import '../manage-wide.css';

const OWN = '__own__';

/** The KPI list with its status. */
function KpiTable(props: {
  views: readonly KpiView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <table className="data-table" aria-label="KPIs with their status">
      <thead>
        <tr>
          <th scope="col">KPI</th>
          <th scope="col">Actuals from</th>
          <th scope="col" className="num">
            Baseline
          </th>
          <th scope="col" className="num">
            Target
          </th>
          <th scope="col" className="num">
            Latest actual
          </th>
          <th scope="col" className="num">
            Expected then
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {props.views.map((v) => {
          const { kpi, targets, status, path } = v;
          const selected = kpi.id === props.selectedId;
          return (
            <tr key={kpi.id} className={selected ? 'selected' : undefined} data-kpi={kpi.id}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => props.onSelect(kpi.id)}
                >
                  {targets.name || 'Untitled KPI'}
                </button>
                {targets.unit && <span className="tag">{targets.unit}</span>}
              </th>
              <td>{KPI_SOURCES[kpi.source].label.split(' (')[0]}</td>
              <td className="num">
                {targets.baseline === null ? '–' : formatCount(targets.baseline)}
                {path.baselineDate && <div className="section-note">{path.baselineDate}</div>}
              </td>
              <td className="num">
                {targets.target === null ? '–' : formatCount(targets.target)}
                {targets.targetDate && <div className="section-note">by {targets.targetDate}</div>}
              </td>
              <td className="num">
                {status.latest ? formatCount(status.latest.value) : '–'}
                {status.latest && <div className="section-note">{status.latest.date}</div>}
              </td>
              <td className="num">
                {status.expected === null
                  ? '–'
                  : formatCount(Math.round(status.expected * 10) / 10)}
              </td>
              <td>
                <KpiStatusBadge kind={status.kind} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Offers to count roster KPIs' actuals that do not match the plan's roster imports. */
function RosterSync() {
  const dispatch = useDispatch();
  const plan = usePlan((p) => p);
  const stale = useMemo(() => kpisOutOfSync(plan), [plan]);
  if (stale.length === 0) return null;
  return (
    <div className="warnings" role="note">
      <p>
        {stale.length === 1 ? '1 KPI counted' : `${stale.length} KPIs counted`} from the roster
        {stale.length === 1 ? ' does' : ' do'} not have the actuals of the plan’s roster imports.
      </p>
      <button type="button" onClick={() => dispatch(syncKpiRosterActuals({}))}>
        Count them from the roster imports
      </button>
    </div>
  );
}

/** Adds a KPI from an indicator, or of its own. */
function AddKpi({ onAdded }: { onAdded: (id: string) => void }) {
  const dispatch = useDispatch();
  const plan = usePlan((p) => p);
  const tracked = new Set(plan.manage.kpis.map((k) => k.indicatorId));
  const options = [
    { value: OWN, label: 'A KPI of its own (not an indicator)' },
    ...plan.indicators
      .filter((i) => !tracked.has(i.id))
      .map((i) => ({ value: i.id, label: i.name.trim() || 'Untitled indicator' })),
  ];
  const [from, setFrom] = useState(options[1]?.value ?? OWN);
  const chosen = options.some((o) => o.value === from) ? from : OWN;
  return (
    <div className="row-actions kpi-add">
      <SelectField label="New KPI from" value={chosen} options={options} onChange={setFrom} />
      <button
        type="button"
        onClick={() => {
          const id = newId('kpi');
          const kpi = chosen === OWN ? blankKpi(id) : kpiFromIndicator(id, plan, chosen);
          if (dispatch(createKpi({ kpi })).ok) onAdded(id);
        }}
      >
        Add KPI
      </button>
    </div>
  );
}

/** Records a typed actual. */
function RecordActual({ kpi }: { kpi: Kpi }) {
  const dispatch = useDispatch();
  const cohorts = usePlan((p) => p.manage.cohorts);
  const [date, setDate] = useState<string | null>(null);
  const [value, setValue] = useState<number | null>(null);
  const [cohortId, setCohortId] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const cohortOptions = [
    { value: '', label: 'Whole program' },
    ...cohorts.map((c) => ({ value: c.id, label: c.name.trim() || 'Untitled cohort' })),
  ];
  return (
    <form
      className="kpi-record"
      aria-label="Record an actual"
      onSubmit={(e) => {
        e.preventDefault();
        if (!date || value === null) {
          setMessage('Give the date and the value of the actual.');
          return;
        }
        const outcome = dispatch(
          addKpiActual({
            kpiId: kpi.id,
            actual: {
              id: newId('act'),
              date,
              value,
              cohortId: cohortId || null,
              note,
              origin: 'typed',
            },
          }),
        );
        if (outcome.ok) {
          setMessage(`Recorded ${formatCount(value)} on ${date}.`);
          setValue(null);
          setNote('');
        }
      }}
    >
      <h3>Record an actual</h3>
      <div className="mk-grid">
        <DateField label="Date of the actual" value={date} onChange={setDate} />
        <NumberField label="Actual value" value={value} onChange={setValue} />
        <SelectField
          label="Cohort"
          value={cohortId}
          options={cohortOptions}
          onChange={setCohortId}
        />
        <TextField label="Note" value={note} onChange={setNote} />
      </div>
      <div className="row-actions">
        <button type="submit">Record actual</button>
        <span role="status" className="section-note">
          {message}
        </span>
      </div>
    </form>
  );
}

/** The selected KPI: figures, source, actuals, chart. */
function KpiEditor({ view }: { view: KpiView }) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const segments = usePlan((p) => p.learners);
  const cohorts = usePlan((p) => p.manage.cohorts);
  const defaultDate = usePlan(defaultBaselineDate);
  const { kpi, targets } = view;
  const update = (patch: Partial<Kpi>) => dispatch(kpiList.update({ id: kpi.id, patch }));
  const name = targets.name || 'Untitled KPI';
  const fromIndicator = targets.indicator !== null;
  const cohortNames = new Map(cohorts.map((c) => [c.id, c.name]));
  const cohortOptions = (current: string | null) => [
    { value: '', label: 'Whole program' },
    ...cohorts.map((c) => ({ value: c.id, label: c.name.trim() || 'Untitled cohort' })),
    ...(current && !cohortNames.has(current)
      ? [{ value: current, label: 'Cohort no longer in the plan' }]
      : []),
  ];
  const palette = useChartPalette();
  const chart = useMemo(() => kpiChart(view, palette), [view, palette]);
  const sourceOptions = KPI_SOURCE_ORDER.map((value) => ({
    value,
    label: KPI_SOURCES[value].label,
  }));
  const segmentOptions = [
    { value: '', label: 'Every learner' },
    ...segments.map((s) => ({ value: s.id, label: s.name.trim() || 'Untitled segment' })),
  ];
  return (
    <section className="card" aria-labelledby="kpi-editor-heading" id="kpi-editor">
      <div className="card-title-row">
        <h2 id="kpi-editor-heading">KPI: {name}</h2>
        <KpiStatusBadge kind={view.status.kind} />
        <button
          type="button"
          className="subtle danger-text"
          aria-label={`Delete KPI ${name}`}
          onClick={() => dispatch(kpiList.remove({ ids: [kpi.id] }))}
        >
          Delete
        </button>
      </div>
      {fromIndicator ? (
        <p className="section-note">
          Built on the indicator “{targets.indicator!.name}”: its name, unit, baseline and target
          are the indicator’s. Edit them on the indicator — on the element it measures in the theory
          of change or the logic model, or among the Objective’s success measures — so every place
          that shows it agrees.
        </p>
      ) : view.indicatorGone ? (
        <p className="warnings" role="note">
          The indicator this KPI tracked was deleted; it now uses the figures below.
        </p>
      ) : null}
      <div className="mk-grid">
        {!fromIndicator && (
          <>
            <TextField
              label="KPI name"
              value={kpi.name}
              onChange={(v) => update({ name: v })}
              onBlur={seal}
            />
            <TextField
              label="Unit"
              value={kpi.unit}
              onChange={(v) => update({ unit: v })}
              onBlur={seal}
            />
            <NumberField
              label="Baseline"
              value={kpi.baseline}
              onChange={(v) => update({ baseline: v })}
              onBlur={seal}
            />
            <NumberField
              label="Target"
              value={kpi.target}
              onChange={(v) => update({ target: v })}
              onBlur={seal}
            />
            <DateField
              label="Target date"
              value={kpi.targetDate}
              onChange={(v) => update({ targetDate: v })}
            />
          </>
        )}
        {!(fromIndicator && targets.indicator!.baseline.date) && (
          <DateField
            label="Baseline date"
            value={kpi.baselineDate}
            hint={
              defaultDate
                ? `Empty: the Manage start (${defaultDate}), else the Launch start.`
                : 'Empty: the Manage start, else the Launch start (neither is set yet).'
            }
            onChange={(v) => update({ baselineDate: v })}
          />
        )}
        <SelectField
          label="Actuals come from"
          value={kpi.source}
          options={sourceOptions}
          onChange={(source: KpiSource) =>
            dispatch(setKpiSource({ id: kpi.id, source, segmentId: kpi.segmentId }))
          }
        />
        {kpi.source !== 'manual' && (
          <SelectField
            label="Counted for"
            value={kpi.segmentId ?? ''}
            options={segmentOptions}
            onChange={(v) =>
              dispatch(setKpiSource({ id: kpi.id, source: kpi.source, segmentId: v || null }))
            }
          />
        )}
      </div>
      {kpi.source !== 'manual' && (
        <p className="section-note">
          Each roster import adds an actual counted from its totals (aggregates only; no learner’s
          name leaves this computer). You can still type in actuals from before the roster, such as
          a pilot.
        </p>
      )}
      <Chart spec={chart} height={260} />
      <h3>Actuals</h3>
      {view.actuals.length === 0 ? (
        <p className="section-note">No actual yet.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Actuals of {name}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col">Cohort</th>
              <th scope="col">Note</th>
              <th scope="col">From</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.actuals.map((a) => {
              const edit = (patch: Parameters<typeof updateKpiActual>[0]['patch']) =>
                dispatch(updateKpiActual({ kpiId: kpi.id, id: a.id, patch }));
              const typed = a.origin === 'typed';
              return (
                <tr key={a.id}>
                  <th scope="row">{a.date}</th>
                  <td className="num">
                    {typed ? (
                      <InlineNumber
                        label={`Value of the actual of ${a.date}`}
                        value={a.value}
                        min={-1e12}
                        required
                        onChange={(value) => value !== null && edit({ value })}
                        onBlur={seal}
                      />
                    ) : (
                      formatCount(a.value)
                    )}
                  </td>
                  <td>
                    {typed ? (
                      <InlineSelect
                        label={`Cohort of the actual of ${a.date}`}
                        value={a.cohortId ?? ''}
                        options={cohortOptions(a.cohortId)}
                        onChange={(v) => edit({ cohortId: v || null })}
                      />
                    ) : a.cohortId ? (
                      (cohortNames.get(a.cohortId) ?? 'Cohort no longer in the plan')
                    ) : (
                      'Whole program'
                    )}
                  </td>
                  <td>
                    {typed ? (
                      <InlineText
                        label={`Note on the actual of ${a.date}`}
                        value={a.note}
                        onChange={(note) => edit({ note })}
                        onBlur={seal}
                      />
                    ) : (
                      a.note
                    )}
                  </td>
                  <td>{a.origin === 'roster' ? 'Roster import' : 'Typed in'}</td>
                  <td>
                    {a.origin === 'typed' && (
                      <button
                        type="button"
                        className="subtle danger-text"
                        aria-label={`Delete the actual of ${a.date}`}
                        onClick={() => dispatch(removeKpiActual({ kpiId: kpi.id, id: a.id }))}
                      >
                        Delete
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <RecordActual key={kpi.id} kpi={kpi} />
    </section>
  );
}

/** The KPIs section. */
export function KpisSection() {
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const plan = usePlan((p) => p);
  const views = useMemo(() => plan.manage.kpis.map((k) => kpiView(plan, k)), [plan]);
  const [selectedId, setSelectedId] = useState<string | null>(
    focus && views.some((v) => v.kpi.id === focus) ? focus : null,
  );
  // A new route focus (a Plan health finding) selects its KPI; adjusted while rendering, not in an effect.
  const [seenFocus, setSeenFocus] = useState(focus);
  if (seenFocus !== focus) {
    setSeenFocus(focus);
    if (focus && views.some((v) => v.kpi.id === focus)) setSelectedId(focus);
  }
  useEffect(() => {
    if (focus) document.getElementById('kpi-editor')?.scrollIntoView({ block: 'start' });
  }, [focus]);
  const selected = views.find((v) => v.kpi.id === selectedId) ?? views[0];
  return (
    <div className="section-body content-section kpis-section">
      <header className="section-header">
        <h1>KPIs</h1>
        <p className="lead">
          The plan’s indicators tracked with actuals over time: a baseline, a target with its date,
          and what was measured — typed in, or counted from each roster import.
        </p>
      </header>
      <section className="card" aria-labelledby="kpi-list-heading">
        <div className="card-title-row">
          <h2 id="kpi-list-heading">Key performance indicators</h2>
        </div>
        <p className="kpi-rule" id="kpi-rule">
          <strong>How the status is judged.</strong> {KPI_STATUS_RULE}
        </p>
        <RosterSync />
        {views.length === 0 ? (
          <p className="section-note">No KPIs yet. Start from the indicators of the plan.</p>
        ) : (
          <KpiTable views={views} selectedId={selected?.kpi.id ?? null} onSelect={setSelectedId} />
        )}
        <AddKpi onAdded={setSelectedId} />
      </section>
      {selected && <KpiEditor view={selected} />}
    </div>
  );
}
