/**
 * The "KPIs and results to date" chapter of the Word plan (issue 14): the
 * status rule, every KPI with its baseline, target, latest actual and
 * status, and the dashboard's charts — the learner funnel of the latest
 * roster import, each KPI's actuals against its straight-line path, completion
 * and placement by segment, licence use — drawn by the same ECharts options
 * as the app (shared/manage/charts.ts), rendered to SVG without a browser
 * (shared/manage/chart-svg.ts), each followed by its table. Aggregates only:
 * the roster's learners never reach an export. Words, numbers and dates in
 * the document language (locale.ts).
 */
import { chartScene } from '../manage/chart-svg';
import { dashboardCharts, type ChartSpec } from '../manage/charts';
import { dashboardOf, type Dashboard } from '../manage/dashboard';
import { AT_RISK_TOLERANCE, expectedValue } from '../manage/kpi-status';
import type { Plan } from '../plan/schema';
import type { DocBlock, DocColumn } from './document';
import { englishLocale, type DocLocale } from './locale';

/** Whether the plan has KPIs or roster results to report. */
export function hasKpiResults(plan: Plan): boolean {
  return plan.manage.kpis.length > 0 || plan.manage.progress.length > 0;
}

/**
 * The dashboard with its segments named in the document language (the
 * dashboard names learners without a segment, and segments no longer in the
 * plan, in English for the app).
 */
function dashboardIn(plan: Plan, loc: DocLocale): Dashboard {
  const dashboard = dashboardOf(plan);
  const names = new Map(plan.learners.map((s) => [s.id, s.name.trim()]));
  return {
    ...dashboard,
    segments: dashboard.segments.map((s) => ({
      ...s,
      name:
        names.get(s.segmentId) ||
        (s.segmentId === ''
          ? loc.d('roster.noSegment')
          : names.has(s.segmentId)
            ? loc.d('marketing.untitledSegment')
            : loc.d('roster.segmentGone')),
    })),
  };
}

/** A chart as a figure (the ECharts SVG, PNG fallback) followed by its table. */
function figure(spec: ChartSpec, loc: DocLocale): DocBlock[] {
  const words = new Set([loc.d('charts.note'), loc.d('charts.kind')]);
  const widths = spec.table.columns.map((_, i) =>
    i === 0 ? 28 : Math.floor(72 / Math.max(1, spec.table.columns.length - 1)),
  );
  const columns: DocColumn[] = spec.table.columns.map((title, i) => ({
    title,
    width: widths[i]!,
    ...(i > 0 && !words.has(title) ? { numeric: true } : {}),
  }));
  return [
    {
      type: 'diagram',
      scene: chartScene(spec),
      caption: `${loc.d('figure.prefix')}${spec.summary}`,
      pixelWidth: 1200,
    },
    { type: 'table', columns, rows: spec.table.rows },
  ];
}

/** The chapter's blocks; empty when the plan has no KPIs and no roster results. */
export function kpiBlocks(plan: Plan, loc: DocLocale = englishLocale()): DocBlock[] {
  if (!hasKpiResults(plan)) return [];
  const d = loc.d;
  const count = (n: number) => loc.format.number(n, 1);
  const date = (iso: string) => loc.date(iso, iso);
  const dashboard = dashboardIn(plan, loc);
  const charts = dashboardCharts(dashboard, undefined, loc);
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: dashboard.snapshot
        ? d('kpis.lead', { date: date(dashboard.snapshot.date) })
        : d('kpis.leadNoRoster'),
    },
    {
      type: 'paragraph',
      style: 'note',
      text: d('kpis.rule', { tolerance: loc.percent(AT_RISK_TOLERANCE) }),
    },
  ];
  if (dashboard.kpis.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: d('kpis.atAGlance') },
      {
        type: 'table',
        columns: [
          { title: d('kpis.kpi'), width: 30 },
          { title: d('kpis.actualsFrom'), width: 14 },
          { title: d('col.baseline'), width: 12, numeric: true },
          { title: d('col.target'), width: 14, numeric: true },
          { title: d('kpis.latestActual'), width: 16, numeric: true },
          { title: d('col.status'), width: 14 },
        ],
        rows: dashboard.kpis.map((v) => {
          const name = v.targets.name || d('reviews.untitledKpi');
          return [
            v.targets.unit ? d('charts.kpiTitle', { name, unit: v.targets.unit }) : name,
            d(`kpis.sourceShort.${v.kpi.source}`),
            v.targets.baseline === null
              ? '—'
              : v.path.baselineDate
                ? d('kpis.valueOn', {
                    value: count(v.targets.baseline),
                    date: date(v.path.baselineDate),
                  })
                : count(v.targets.baseline),
            v.targets.target === null
              ? '—'
              : v.targets.targetDate
                ? d('kpis.valueBy', {
                    value: count(v.targets.target),
                    date: date(v.targets.targetDate),
                  })
                : count(v.targets.target),
            v.status.latest
              ? d('kpis.valueOn', {
                  value: count(v.status.latest.value),
                  date: date(v.status.latest.date),
                })
              : '—',
            d(`charts.kpiStatus.${v.status.kind}`),
          ];
        }),
      },
    );
  if (dashboard.snapshot)
    blocks.push(
      { type: 'heading', level: 2, text: d('kpis.funnel') },
      ...figure(charts.funnel, loc),
    );
  if (charts.kpis.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: d('kpis.overTime') });
    for (const spec of charts.kpis)
      blocks.push({ type: 'heading', level: 3, text: spec.title }, ...figure(spec, loc));
  }
  if (dashboard.segments.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: d('charts.segments') },
      ...figure(charts.segments, loc),
    );
  if (dashboard.snapshot || dashboard.licences.licences !== null)
    blocks.push(
      { type: 'heading', level: 2, text: d('charts.licences') },
      ...figure(charts.licences, loc),
    );
  if (dashboard.stories.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: d('kpis.stories') });
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
export function kpiSheet(
  plan: Plan,
  loc: DocLocale = englishLocale(),
): {
  readonly name: string;
  readonly columns: readonly KpiSheetColumn[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly footer: string;
} {
  const { d, w } = loc;
  const dashboard = dashboardOf(plan);
  const cohorts = new Map(plan.manage.cohorts.map((c) => [c.id, c.name]));
  const segments = new Map(plan.learners.map((s) => [s.id, s.name]));
  const rows: (string | number | null)[][] = [];
  for (const v of dashboard.kpis) {
    const source = d(`kpis.source.${v.kpi.source}`);
    const fixed = [
      v.targets.name || d('reviews.untitledKpi'),
      v.targets.unit,
      v.kpi.source === 'manual' || !v.kpi.segmentId
        ? source
        : w('kpis.sourceForSegment', {
            source,
            segment: segments.get(v.kpi.segmentId) ?? w('kpis.segmentGone'),
          }),
      v.targets.baseline,
      v.path.baselineDate,
      v.targets.target,
      v.targets.targetDate,
    ];
    const status = d(`charts.kpiStatus.${v.status.kind}`);
    if (v.actuals.length === 0) rows.push([...fixed, null, null, null, '', '', '', status]);
    for (const a of v.actuals) {
      const expected = expectedValue(v.path, a.date);
      rows.push([
        ...fixed,
        a.date,
        a.value,
        expected === null ? null : Math.round(expected * 10) / 10,
        a.cohortId
          ? (cohorts.get(a.cohortId) ?? w('reviews.cohortGone'))
          : w('reviews.wholeProgram'),
        a.origin === 'roster' ? w('kpis.rosterImport') : d('charts.typedIn'),
        a.note,
        status,
      ]);
    }
  }
  return {
    name: w('sheets.kpis'),
    // 190 characters wide in all, so the sheet prints on A4 landscape at about 80 %
    // (it was 263 and printed at under 60 %); every text column wraps, so no heading
    // or value runs into the next column.
    columns: [
      { header: d('kpis.kpi'), width: 28, wrap: true },
      { header: w('col.unit'), width: 10, wrap: true },
      { header: d('kpis.actualsFrom'), width: 18, wrap: true },
      { header: w('col.baseline'), width: 10, kind: 'number' },
      { header: w('summary.baselineDate'), width: 12, kind: 'date' },
      { header: w('col.target'), width: 10, kind: 'number' },
      { header: w('col.targetDate'), width: 12, kind: 'date' },
      { header: w('kpis.actualDate'), width: 12, kind: 'date' },
      { header: d('charts.actual'), width: 10, kind: 'number' },
      { header: d('charts.expected'), width: 11, kind: 'number' },
      { header: w('col.cohort'), width: 15, wrap: true },
      { header: w('kpis.from'), width: 10, wrap: true },
      { header: w('col.note'), width: 20, wrap: true },
      { header: w('kpis.status'), width: 12, wrap: true },
    ],
    rows,
    footer: w('kpis.footer', {
      rule: d('kpis.rule', { tolerance: loc.percent(AT_RISK_TOLERANCE) }),
    }),
  };
}
