/**
 * Cohorts (start, end, notes) and cohorts side by side: each cohort's funnel
 * and completion from the latest roster snapshot that counted it, and the
 * latest KPI actual recorded for it — aggregates only, no person.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cohorts as cohortCommands } from '../../../../shared/commands/reviews';
import { compareCohorts, FUNNEL_STAGES } from '../../../../shared/manage/cohorts';
import { newId } from '../../../../shared/plan/create';
import type { Cohort, Plan } from '../../../../shared/plan/schema';
import { notify, notifyUndoable } from '../../app/workbench';
import { DateField, TextAreaField, TextField } from '../../components/fields';
import { documentTranslator } from '../../i18n/document-translator';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, useSealHistory } from '../../store/plan-context';

/** A cohort's name, or words for a cohort without one. */
function useNameOf(): (c: Cohort) => string {
  const { t } = useTranslation('reviews');
  return (c) => c.name.trim() || t('cohorts.unnamed');
}

/** A share as a percentage ("46 %"), or a dash. */
export function usePercent(): (share: number | null | undefined) => string {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  // Outside English (whose "46 %" stays), a share is written the Intl way: in Arabic its sign
  // is held to the figure, which a sign outside the isolated value would not be ("%46").
  return (share) =>
    share === null || share === undefined
      ? t('words.none')
      : format.language !== 'en'
        ? format.percent(Math.round(share * 100) / 100)
        : t('words.percent', { value: format.number(Math.round(share * 100), 0) });
}

function CohortRow({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('reviews');
  const nameOf = useNameOf();
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
        label={t('cohorts.name')}
        value={cohort.name}
        onChange={(value) => update({ name: value })}
        onBlur={seal}
      />
      <DateField
        label={t('cohorts.start', { name })}
        value={cohort.start}
        onChange={(start) => update({ start })}
        onBlur={seal}
      />
      <DateField
        label={t('cohorts.end', { name })}
        value={cohort.end}
        onChange={(end) => update({ end })}
        onBlur={seal}
      />
      <TextAreaField
        label={t('cohorts.notes', { name })}
        rows={2}
        value={cohort.notes}
        onChange={(notes) => update({ notes })}
        onBlur={seal}
        className="rv-cohort-notes"
      />
      <button
        type="button"
        className="subtle"
        aria-label={t('cohorts.delete', { name })}
        onClick={() => {
          const result = dispatch(cohortCommands.remove({ ids: [cohort.id] }));
          if (result.ok) notifyUndoable(t('cohorts.deleted', { name }), result.stepId);
          else notify(result.reason);
        }}
      >
        {t('cohorts.deleteButton')}
      </button>
    </li>
  );
}

/** The comparison table: one column per cohort. */
function Comparison({ plan, ids }: { plan: Plan; ids: readonly string[] }) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const nameOf = useNameOf();
  const percent = usePercent();
  const none = t('words.none');
  const comparison = useMemo(() => compareCohorts(plan, ids), [plan, ids]);
  if (comparison.cohorts.length === 0) return null;
  const noProgress = comparison.progress.every((p) => p === null);
  return (
    <div className="rv-table-wrap">
      <table className="rv-compare">
        <caption>{t('compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.measure')}</th>
            {comparison.cohorts.map((c) => (
              <th scope="col" key={c.id}>
                {nameOf(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('compare.dates')}</th>
            {comparison.cohorts.map((c) => (
              <td key={c.id}>
                {c.start || c.end
                  ? t('compare.dateRange', { start: format.date(c.start), end: format.date(c.end) })
                  : none}
              </td>
            ))}
          </tr>
          {!noProgress &&
            FUNNEL_STAGES.map((stage) => (
              <tr key={stage}>
                <th scope="row">{t(`stages.${stage}`)}</th>
                {comparison.progress.map((p, i) => (
                  <td key={comparison.cohorts[i]!.id}>
                    {p ? format.number(p.counts[stage]) : none}
                  </td>
                ))}
              </tr>
            ))}
          {!noProgress && (
            <>
              <tr>
                <th scope="row">{t('compare.completion')}</th>
                {comparison.progress.map((p, i) => (
                  <td key={comparison.cohorts[i]!.id}>{percent(p?.completionRate)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('compare.placement')}</th>
                {comparison.progress.map((p, i) => (
                  <td key={comparison.cohorts[i]!.id}>{percent(p?.placementRate)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('compare.countedOn')}</th>
                {comparison.progress.map((p, i) => (
                  <td key={comparison.cohorts[i]!.id}>{p ? format.date(p.date) : none}</td>
                ))}
              </tr>
            </>
          )}
          {comparison.kpis.map((row) => (
            <tr key={row.kpiId}>
              <th scope="row">
                {row.unit
                  ? t('compare.kpiWithUnit', { name: row.name, unit: row.unit })
                  : t('compare.kpi', { name: row.name })}
              </th>
              {row.byCohort.map((v, i) => (
                <td key={comparison.cohorts[i]!.id}>
                  {v
                    ? t('compare.kpiValue', {
                        value: format.number(v.value),
                        date: format.date(v.date),
                      })
                    : none}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {noProgress && <p className="section-note">{t('compare.noProgress')}</p>}
      {comparison.kpis.length === 0 && <p className="section-note">{t('compare.noKpi')}</p>}
    </div>
  );
}

/** The cohorts card. */
export function CohortsPanel({ plan }: { plan: Plan }) {
  const { t } = useTranslation('reviews');
  const nameOf = useNameOf();
  const dispatch = useDispatch();
  const list = plan.manage.cohorts;
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const compared = useMemo(
    () => list.filter((c) => !unchecked.has(c.id)).map((c) => c.id),
    [list, unchecked],
  );
  const add = async () => {
    const id = newId('cohort');
    // "Cohort 3" is plan content: in the plan's document language, not the UI's.
    const write = await documentTranslator(plan.documentLanguage);
    const result = dispatch(
      cohortCommands.add({
        item: {
          id,
          name: write('reviews:cohorts.defaultName', { number: list.length + 1 }),
          start: null,
          end: null,
          notes: '',
        },
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
      <h2 id="rv-cohorts-heading">{t('cohorts.heading')}</h2>
      <p className="section-note">{t('cohorts.note')}</p>
      {list.length === 0 && <p className="empty-note">{t('cohorts.empty')}</p>}
      <ul className="rv-cohorts">
        {list.map((c) => (
          <CohortRow key={c.id} cohort={c} />
        ))}
      </ul>
      <button type="button" onClick={() => void add()}>
        {t('cohorts.add')}
      </button>
      {list.length > 0 && (
        <>
          <h3>{t('compare.heading')}</h3>
          <fieldset className="rv-compare-pick">
            <legend>{t('compare.pick')}</legend>
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
