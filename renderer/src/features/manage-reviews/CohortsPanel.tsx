/**
 * Cohorts (start, end, notes) and cohorts side by side: each cohort's funnel
 * and completion from the latest roster snapshot that counted it, and the
 * latest KPI actual recorded for it — aggregates only, no person.
 */
import { useMemo, useState } from 'react';
import { cohorts as cohortCommands } from '../../../../shared/commands/reviews';
import { formatDate } from '../../../../shared/export/document';
import {
  compareCohorts,
  FUNNEL_STAGE_LABEL,
  FUNNEL_STAGES,
  percentText,
} from '../../../../shared/manage/cohorts';
import { formatValue } from '../../../../shared/indicators/format';
import { newId } from '../../../../shared/plan/create';
import type { Cohort, Plan } from '../../../../shared/plan/schema';
import { notify, notifyUndoable } from '../../app/workbench';
import { DateField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, useSealHistory } from '../../store/plan-context';

const nameOf = (c: Cohort) => c.name.trim() || 'Unnamed cohort';

function CohortRow({ cohort }: { cohort: Cohort }) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const update = (patch: Partial<Cohort>) => {
    const result = dispatch(cohortCommands.update({ id: cohort.id, patch }));
    if (!result.ok) notify(result.reason);
  };
  const name = nameOf(cohort);
  return (
    <li className="rv-cohort" data-focus-id={cohort.id}>
      <TextField
        label="Cohort name"
        value={cohort.name}
        onChange={(value) => update({ name: value })}
        onBlur={seal}
      />
      <DateField
        label={`Start of ${name}`}
        value={cohort.start}
        onChange={(start) => update({ start })}
        onBlur={seal}
      />
      <DateField
        label={`End of ${name}`}
        value={cohort.end}
        onChange={(end) => update({ end })}
        onBlur={seal}
      />
      <TextAreaField
        label={`Notes on ${name}`}
        rows={2}
        value={cohort.notes}
        onChange={(notes) => update({ notes })}
        onBlur={seal}
        className="rv-cohort-notes"
      />
      <button
        type="button"
        className="subtle"
        aria-label={`Delete cohort “${name}”`}
        onClick={() => {
          const result = dispatch(cohortCommands.remove({ ids: [cohort.id] }));
          if (result.ok) notifyUndoable(`Deleted the cohort “${name}”.`, result.stepId);
          else notify(result.reason);
        }}
      >
        Delete
      </button>
    </li>
  );
}

/** The comparison table: one column per cohort. */
function Comparison({ plan, ids }: { plan: Plan; ids: readonly string[] }) {
  const comparison = useMemo(() => compareCohorts(plan, ids), [plan, ids]);
  if (comparison.cohorts.length === 0) return null;
  const noProgress = comparison.progress.every((p) => p === null);
  return (
    <div className="rv-table-wrap">
      <table className="rv-compare">
        <caption>
          Cohorts side by side (counts from the latest roster import of each cohort)
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {comparison.cohorts.map((c) => (
              <th scope="col" key={c.id}>
                {nameOf(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Dates</th>
            {comparison.cohorts.map((c) => (
              <td key={c.id}>
                {c.start || c.end ? `${formatDate(c.start)} – ${formatDate(c.end)}` : '—'}
              </td>
            ))}
          </tr>
          {!noProgress &&
            FUNNEL_STAGES.map((stage) => (
              <tr key={stage}>
                <th scope="row">{FUNNEL_STAGE_LABEL[stage]}</th>
                {comparison.progress.map((p, i) => (
                  <td key={comparison.cohorts[i]!.id}>{p ? formatValue(p.counts[stage]) : '—'}</td>
                ))}
              </tr>
            ))}
          {!noProgress && (
            <>
              <tr>
                <th scope="row">Completion (of enrolled)</th>
                {comparison.progress.map((p, i) => (
                  <td key={comparison.cohorts[i]!.id}>{percentText(p?.completionRate ?? null)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Placement (of completed)</th>
                {comparison.progress.map((p, i) => (
                  <td key={comparison.cohorts[i]!.id}>{percentText(p?.placementRate ?? null)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Counted on</th>
                {comparison.progress.map((p, i) => (
                  <td key={comparison.cohorts[i]!.id}>{p ? formatDate(p.date) : '—'}</td>
                ))}
              </tr>
            </>
          )}
          {comparison.kpis.map((row) => (
            <tr key={row.kpiId}>
              <th scope="row">
                KPI: {row.name}
                {row.unit ? ` (${row.unit})` : ''}
              </th>
              {row.byCohort.map((v, i) => (
                <td key={comparison.cohorts[i]!.id}>
                  {v ? `${formatValue(v.value)} (${formatDate(v.date)})` : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {noProgress && (
        <p className="section-note">
          No roster import has counted these cohorts yet: import learner progress to see their
          funnel and completion.
        </p>
      )}
      {comparison.kpis.length === 0 && (
        <p className="section-note">
          No KPI actual is recorded for these cohorts yet (record actuals with a cohort under KPIs).
        </p>
      )}
    </div>
  );
}

/** The cohorts card. */
export function CohortsPanel({ plan }: { plan: Plan }) {
  const dispatch = useDispatch();
  const list = plan.manage.cohorts;
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const compared = useMemo(
    () => list.filter((c) => !unchecked.has(c.id)).map((c) => c.id),
    [list, unchecked],
  );
  const add = () => {
    const id = newId('cohort');
    const result = dispatch(
      cohortCommands.add({
        item: { id, name: `Cohort ${list.length + 1}`, start: null, end: null, notes: '' },
      }),
    );
    if (!result.ok) notify(result.reason);
    else
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLInputElement>(`[data-focus-id="${id}"] input[type="text"]`)
          ?.focus(),
      );
  };
  return (
    <section className="card" aria-labelledby="rv-cohorts-heading">
      <h2 id="rv-cohorts-heading">Cohorts</h2>
      <p className="section-note">
        Groups of learners who start together. Compare them side by side: the counts are aggregates
        from roster imports, never a person.
      </p>
      {list.length === 0 && <p className="empty-note">No cohorts yet.</p>}
      <ul className="rv-cohorts">
        {list.map((c) => (
          <CohortRow key={c.id} cohort={c} />
        ))}
      </ul>
      <button type="button" onClick={add}>
        Add cohort
      </button>
      {list.length > 0 && (
        <>
          <h3>Compare cohorts</h3>
          <fieldset className="rv-compare-pick">
            <legend>Cohorts to compare</legend>
            {list.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={!unchecked.has(c.id)}
                  onChange={(e) => {
                    const next = new Set(unchecked);
                    if (e.target.checked) next.delete(c.id);
                    else next.add(c.id);
                    setUnchecked(next);
                  }}
                />
                {nameOf(c)}
              </label>
            ))}
          </fieldset>
          <Comparison plan={plan} ids={compared} />
        </>
      )}
    </section>
  );
}
