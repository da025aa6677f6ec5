/**
 * Manage → Dashboard (issue 14), for leadership: the learner funnel of the
 * latest roster import, every KPI's actuals against its straight-line path
 * to target, completion and placement by segment, licence use, and learner
 * stories told with consent beside the numbers. Computed from the plan's
 * aggregates (roster snapshots, KPI actuals: shared/manage/dashboard.ts),
 * never from the learners themselves, so it opens as fast with 100,000
 * learners as with 100. Each chart has a "Show as table" alternative.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dashboardCharts } from '../../../../shared/manage/charts';
import { dashboardOf } from '../../../../shared/manage/dashboard';
import { navigate, useWorkbench } from '../../app/workbench';
import { useFormat } from '../../i18n/i18n';
import { usePlan } from '../../store/plan-context';
import { useChartPalette } from '../../theme/theme';
import { Chart } from './Chart';
import { useChartLocale } from './chart-locale';
import { KpiRule } from './KpiRule';
import { KpiStatusBadge } from './KpiStatusBadge';
import '../content/content.css';
import './dashboard.css';

/** The dashboard section. */
export function DashboardSection() {
  const plan = usePlan((p) => p);
  const planId = useWorkbench((s) => (s.route.view === 'plan' ? s.route.planId : ''));
  const dashboard = dashboardOf(plan);
  const { t } = useTranslation(['dashboard', 'kpis']);
  const format = useFormat();
  const palette = useChartPalette();
  const loc = useChartLocale();
  const charts = useMemo(() => dashboardCharts(dashboard, palette, loc), [dashboard, palette, loc]);
  const segments = usePlan((p) => p.learners);
  const segmentNames = new Map(segments.map((s) => [s.id, s.name]));
  const counts = new Map<string, number>();
  for (const v of dashboard.kpis) counts.set(v.status.kind, (counts.get(v.status.kind) ?? 0) + 1);
  const summary = (
    ['onTrack', 'atRisk', 'offTrack', 'notStarted', 'noData', 'noTarget', 'noBaseline'] as const
  )
    .filter((k) => counts.get(k))
    .map((k) => t(`kpiCount.${k}`, { count: counts.get(k) ?? 0 }))
    .join(t('separator'));
  return (
    <div className="section-body content-section dashboard-section">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">
          {dashboard.snapshot
            ? t('lead', {
                date: format.date(dashboard.snapshot.date),
                count: dashboard.snapshots,
              })
            : t('leadNoRoster')}
          {dashboard.kpis.length > 0 && <> {t('kpiSummary', { summary })}</>}
        </p>
      </header>
      <div className="dash-grid">
        <div>
          <section className="card" aria-labelledby="dash-funnel-heading">
            <h2 id="dash-funnel-heading">{t('funnel')}</h2>
            {dashboard.snapshot ? (
              <Chart spec={charts.funnel} />
            ) : (
              <p className="section-note">{charts.funnel.summary}</p>
            )}
          </section>
          <section className="card" aria-labelledby="dash-licences-heading">
            <h2 id="dash-licences-heading">{t('licences')}</h2>
            <Chart spec={charts.licences} />
          </section>
        </div>
        <aside className="card dash-stories" aria-labelledby="dash-stories-heading">
          <h2 id="dash-stories-heading">{t('stories')}</h2>
          <p className="section-note">{t('storiesNote')}</p>
          {dashboard.stories.length === 0 ? (
            <p className="section-note">{t('noStories')}</p>
          ) : (
            dashboard.stories.map((s) => (
              <blockquote key={s.id}>
                {/* Typed by the user: each in its own direction, whatever the UI's. */}
                <p dir="auto">
                  <strong>{s.title}</strong>
                </p>
                <p dir="auto">{s.summary}</p>
              </blockquote>
            ))
          )}
        </aside>
      </div>
      <section className="card" aria-labelledby="dash-kpis-heading">
        <h2 id="dash-kpis-heading">{t('kpisHeading')}</h2>
        <KpiRule />
        {dashboard.kpis.length === 0 ? (
          <p className="section-note">
            {t('noKpis')}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => navigate({ view: 'plan', planId, section: 'kpis' })}
            >
              {t('addKpis')}
            </button>
          </p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('statusCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.kpi')}</th>
                  <th scope="col" className="num">
                    {t('col.latest')}
                  </th>
                  <th scope="col" className="num">
                    {t('col.target')}
                  </th>
                  <th scope="col">{t('col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.kpis.map((v) => (
                  <tr key={v.kpi.id}>
                    <th scope="row">
                      <span dir="auto">{v.targets.name || t('untitledKpi')}</span>
                      {v.kpi.segmentId && (
                        <span className="tag">
                          {segmentNames.get(v.kpi.segmentId) ?? t('segment')}
                        </span>
                      )}
                    </th>
                    <td className="num">
                      {v.status.latest
                        ? t('valueOn', {
                            value: format.number(v.status.latest.value, 1),
                            date: format.shortDate(v.status.latest.date),
                          })
                        : '–'}
                    </td>
                    <td className="num">
                      {v.targets.target === null
                        ? '–'
                        : v.targets.targetDate
                          ? t('valueBy', {
                              value: format.number(v.targets.target, 1),
                              date: format.shortDate(v.targets.targetDate),
                            })
                          : format.number(v.targets.target, 1)}
                    </td>
                    <td>
                      <KpiStatusBadge kind={v.status.kind} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="dash-kpis">
          {charts.kpis.map((spec) => (
            <Chart key={spec.id} spec={spec} height={240} />
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="dash-segments-heading">
        <h2 id="dash-segments-heading">{t('segmentsHeading')}</h2>
        {dashboard.segments.length > 0 ? (
          <Chart spec={charts.segments} />
        ) : (
          <p className="section-note">{charts.segments.summary}</p>
        )}
      </section>
    </div>
  );
}
