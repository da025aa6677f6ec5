/**
 * The "KPIs and results to date" chapter of the Word plan (issue 14): the
 * status rule, every KPI with its baseline, target, latest actual and
 * status, and the dashboard's charts — the learner funnel of the latest
 * roster import, each KPI's actuals against its straight-line path, completion
 * and placement by segment, licence use — drawn by the same ECharts options
 * as the app (shared/manage/charts.ts), rendered to SVG without a browser
 * (shared/manage/chart-svg.ts), each followed by its table. Aggregates only:
 * the roster's learners never reach an export.
 */
import { chartScene } from '../manage/chart-svg';
import { dashboardCharts, formatCount, type ChartSpec } from '../manage/charts';
import { dashboardOf } from '../manage/dashboard';
import { expectedValue, KPI_STATUS_LABELS, KPI_STATUS_RULE } from '../manage/kpi-status';
import { KPI_SOURCES } from '../manage/kpis';
import type { Plan } from '../plan/schema';
import type { DocBlock, DocColumn } from './document';

/** Whether the plan has KPIs or roster results to report. */
export function hasKpiResults(plan: Plan): boolean {
  return plan.manage.kpis.length > 0 || plan.manage.progress.length > 0;
}

/** A chart as a figure (the ECharts SVG, PNG fallback) followed by its table. */
function figure(spec: ChartSpec): DocBlock[] {
  const widths = spec.table.columns.map((_, i) =>
    i === 0 ? 28 : Math.floor(72 / Math.max(1, spec.table.columns.length - 1)),
  );
  const columns: DocColumn[] = spec.table.columns.map((title, i) => ({
    title,
    width: widths[i]!,
    ...(i > 0 && !/Note|Kind/.test(title) ? { numeric: true } : {}),
  }));
  return [
    {
      type: 'diagram',
      scene: chartScene(spec),
      caption: `Figure: ${spec.summary}`,
      pixelWidth: 1200,
    },
    { type: 'table', columns, rows: spec.table.rows },
  ];
}

/** The chapter's blocks; empty when the plan has no KPIs and no roster results. */
export function kpiBlocks(plan: Plan): DocBlock[] {
  if (!hasKpiResults(plan)) return [];
  const dashboard = dashboardOf(plan);
  const charts = dashboardCharts(dashboard);
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: dashboard.snapshot
        ? `Results to date from the learner roster of ${dashboard.snapshot.date} (counts only, no learner named) and the KPIs’ actuals.`
        : 'The KPIs’ actuals to date; no learner roster has been imported yet.',
    },
    { type: 'paragraph', style: 'note', text: KPI_STATUS_RULE },
  ];
  if (dashboard.kpis.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: 'KPIs at a glance' },
      {
        type: 'table',
        columns: [
          { title: 'KPI', width: 30 },
          { title: 'Actuals from', width: 14 },
          { title: 'Baseline', width: 12, numeric: true },
          { title: 'Target', width: 14, numeric: true },
          { title: 'Latest actual', width: 16, numeric: true },
          { title: 'Status', width: 14 },
        ],
        rows: dashboard.kpis.map((v) => [
          `${v.targets.name || 'Untitled KPI'}${v.targets.unit ? ` (${v.targets.unit})` : ''}`,
          KPI_SOURCES[v.kpi.source].label.split(' (')[0]!,
          v.targets.baseline === null
            ? '—'
            : `${formatCount(v.targets.baseline)}${v.path.baselineDate ? ` (${v.path.baselineDate})` : ''}`,
          v.targets.target === null
            ? '—'
            : `${formatCount(v.targets.target)}${v.targets.targetDate ? ` by ${v.targets.targetDate}` : ''}`,
          v.status.latest ? `${formatCount(v.status.latest.value)} (${v.status.latest.date})` : '—',
          KPI_STATUS_LABELS[v.status.kind],
        ]),
      },
    );
  if (dashboard.snapshot)
    blocks.push({ type: 'heading', level: 2, text: 'Learner funnel' }, ...figure(charts.funnel));
  if (charts.kpis.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'KPIs against target over time' });
    for (const spec of charts.kpis)
      blocks.push({ type: 'heading', level: 3, text: spec.title }, ...figure(spec));
  }
  if (dashboard.segments.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: 'Completion and placement by segment' },
      ...figure(charts.segments),
    );
  if (dashboard.snapshot || dashboard.licences.licences !== null)
    blocks.push({ type: 'heading', level: 2, text: 'Licence use' }, ...figure(charts.licences));
  if (dashboard.stories.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Learner stories (told with consent)' });
    for (const s of dashboard.stories)
      blocks.push(
        { type: 'paragraph', text: s.title },
        { type: 'paragraph', style: 'quote', text: s.summary },
      );
  }
  return blocks;
}

/** A column of the Excel "KPIs" sheet (the shape of xlsx.ts table sheets). */
export interface KpiSheetColumn {
  readonly header: string;
  readonly width: number;
  readonly kind?: 'number' | 'date';
  readonly wrap?: boolean;
}

/**
 * The Excel "KPIs" sheet: one row per actual (a KPI without actuals gets one
 * row with its figures), with its date, the value expected on the
 * straight-line path that day, where it came from, and the KPI's baseline,
 * target and status; the status rule is written under the table.
 */
export function kpiSheet(plan: Plan): {
  readonly name: string;
  readonly columns: readonly KpiSheetColumn[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly footer: string;
} {
  const dashboard = dashboardOf(plan);
  const cohorts = new Map(plan.manage.cohorts.map((c) => [c.id, c.name]));
  const segments = new Map(plan.learners.map((s) => [s.id, s.name]));
  const rows: (string | number | null)[][] = [];
  for (const v of dashboard.kpis) {
    const fixed = [
      v.targets.name || 'Untitled KPI',
      v.targets.unit,
      v.kpi.source === 'manual'
        ? KPI_SOURCES.manual.label
        : `${KPI_SOURCES[v.kpi.source].label}${v.kpi.segmentId ? `, ${segments.get(v.kpi.segmentId) ?? 'a segment no longer in the plan'}` : ''}`,
      v.targets.baseline,
      v.path.baselineDate,
      v.targets.target,
      v.targets.targetDate,
    ];
    const status = KPI_STATUS_LABELS[v.status.kind];
    if (v.actuals.length === 0) rows.push([...fixed, null, null, null, '', '', '', status]);
    for (const a of v.actuals) {
      const expected = expectedValue(v.path, a.date);
      rows.push([
        ...fixed,
        a.date,
        a.value,
        expected === null ? null : Math.round(expected * 10) / 10,
        a.cohortId ? (cohorts.get(a.cohortId) ?? 'Cohort no longer in the plan') : 'Whole program',
        a.origin === 'roster' ? 'Roster import' : 'Typed in',
        a.note,
        status,
      ]);
    }
  }
  return {
    name: 'KPIs',
    // 190 characters wide in all, so the sheet prints on A4 landscape at about 80 %
    // (it was 263 and printed at under 60 %); every text column wraps, so no heading
    // or value runs into the next column.
    columns: [
      { header: 'KPI', width: 28, wrap: true },
      { header: 'Unit', width: 10, wrap: true },
      { header: 'Actuals from', width: 18, wrap: true },
      { header: 'Baseline', width: 10, kind: 'number' },
      { header: 'Baseline date', width: 12, kind: 'date' },
      { header: 'Target', width: 10, kind: 'number' },
      { header: 'Target date', width: 12, kind: 'date' },
      { header: 'Date of actual', width: 12, kind: 'date' },
      { header: 'Actual', width: 10, kind: 'number' },
      { header: 'Expected on the path', width: 11, kind: 'number' },
      { header: 'Cohort', width: 15, wrap: true },
      { header: 'From', width: 10, wrap: true },
      { header: 'Note', width: 20, wrap: true },
      { header: 'KPI status (latest actual)', width: 12, wrap: true },
    ],
    rows,
    footer: `Status rule: ${KPI_STATUS_RULE}`,
  };
}
