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
import { dashboardCharts, formatCount } from '../../../../shared/manage/charts';
import { dashboardOf } from '../../../../shared/manage/dashboard';
import { KPI_STATUS_RULE, KPI_STATUS_LABELS } from '../../../../shared/manage/kpi-status';
import { navigate, useWorkbench } from '../../app/workbench';
import { usePlan } from '../../store/plan-context';
import { useChartPalette } from '../../theme/theme';
import { Chart } from './Chart';
import { KpiStatusBadge } from './KpiStatusBadge';
import '../content/content.css';
import './dashboard.css';

/** The dashboard section. */
export function DashboardSection() {
  const plan = usePlan((p) => p);
  const planId = useWorkbench((s) => (s.route.view === 'plan' ? s.route.planId : ''));
  const dashboard = dashboardOf(plan);
  const palette = useChartPalette();
  const charts = useMemo(() => dashboardCharts(dashboard, palette), [dashboard, palette]);
  const segments = usePlan((p) => p.learners);
  const segmentNames = new Map(segments.map((s) => [s.id, s.name]));
  const counts = new Map<string, number>();
  for (const v of dashboard.kpis) counts.set(v.status.kind, (counts.get(v.status.kind) ?? 0) + 1);
  const summary = (
    ['onTrack', 'atRisk', 'offTrack', 'notStarted', 'noData', 'noTarget', 'noBaseline'] as const
  )
    .filter((k) => counts.get(k))
    .map((k) => `${counts.get(k)} ${KPI_STATUS_LABELS[k].toLowerCase()}`)
    .join(', ');
  return (
    <div className="section-body content-section dashboard-section">
      <header className="section-header">
        <h1>Dashboard</h1>
        <p className="lead">
          {dashboard.snapshot
            ? `Results to date from the roster import of ${dashboard.snapshot.date} (${dashboard.snapshots} ${dashboard.snapshots === 1 ? 'import' : 'imports'} kept, aggregates only) and the KPIs’ actuals.`
            : 'No roster imported yet: the funnel, segments and licence use fill in with the first import (Learner progress). KPIs show their typed-in actuals.'}
          {dashboard.kpis.length > 0 && ` KPIs: ${summary}.`}
        </p>
      </header>
      <div className="dash-grid">
        <div>
          <section className="card" aria-labelledby="dash-funnel-heading">
            <h2 id="dash-funnel-heading">Learner funnel</h2>
            {dashboard.snapshot ? (
              <Chart spec={charts.funnel} />
            ) : (
              <p className="section-note">{charts.funnel.summary}</p>
            )}
          </section>
          <section className="card" aria-labelledby="dash-licences-heading">
            <h2 id="dash-licences-heading">Licence use</h2>
            <Chart spec={charts.licences} />
          </section>
        </div>
        <aside className="card dash-stories" aria-labelledby="dash-stories-heading">
          <h2 id="dash-stories-heading">Learner stories</h2>
          <p className="section-note">Only stories whose consent is recorded (Marketing).</p>
          {dashboard.stories.length === 0 ? (
            <p className="section-note">No story with consent yet.</p>
          ) : (
            dashboard.stories.map((s) => (
              <blockquote key={s.id}>
                <p>
                  <strong>{s.title}</strong>
                </p>
                <p>{s.summary}</p>
              </blockquote>
            ))
          )}
        </aside>
      </div>
      <section className="card" aria-labelledby="dash-kpis-heading">
        <h2 id="dash-kpis-heading">KPIs against target</h2>
        <p className="kpi-rule">
          <strong>How the status is judged.</strong> {KPI_STATUS_RULE}
        </p>
        {dashboard.kpis.length === 0 ? (
          <p className="section-note">
            No KPIs yet.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => navigate({ view: 'plan', planId, section: 'kpis' })}
            >
              Add KPIs
            </button>
          </p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Status of every KPI</caption>
              <thead>
                <tr>
                  <th scope="col">KPI</th>
                  <th scope="col" className="num">
                    Latest actual
                  </th>
                  <th scope="col" className="num">
                    Target
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.kpis.map((v) => (
                  <tr key={v.kpi.id}>
                    <th scope="row">
                      {v.targets.name || 'Untitled KPI'}
                      {v.kpi.segmentId && (
                        <span className="tag">
                          {segmentNames.get(v.kpi.segmentId) ?? 'segment'}
                        </span>
                      )}
                    </th>
                    <td className="num">
                      {v.status.latest
                        ? `${formatCount(v.status.latest.value)} (${v.status.latest.date})`
                        : '–'}
                    </td>
                    <td className="num">
                      {v.targets.target === null
                        ? '–'
                        : `${formatCount(v.targets.target)}${v.targets.targetDate ? ` by ${v.targets.targetDate}` : ''}`}
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
        <h2 id="dash-segments-heading">Completion and placement by segment</h2>
        {dashboard.segments.length > 0 ? (
          <Chart spec={charts.segments} />
        ) : (
          <p className="section-note">{charts.segments.summary}</p>
        )}
      </section>
    </div>
  );
}
