/**
 * The dashboard's charts as Apache ECharts options (issue 14), built once
 * here so the app (renderer/src/features/manage-dashboard, SVG renderer) and
 * the Word export (server-side SVG, shared/manage/chart-svg.ts) draw the very
 * same chart. Every chart reads in greyscale — patterns (decals) on bars,
 * solid versus dashed lines with markers, labels on the marks themselves,
 * not colour alone — and comes with the table that says the same in words
 * (the app's "Show as table", the export's table under the figure).
 */
import type { EChartsOption } from 'echarts';
import { KPI_STATUS_LABELS } from './kpi-status';
import type { Dashboard, FunnelStep, LicenceUse, SegmentResult } from './dashboard';
import type { KpiView } from './kpis';

/** The same figures as a table (the chart's text alternative). */
export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A chart: its option, a one-sentence summary for screen readers and captions, and its table. */
export interface ChartSpec {
  /** Stable id (for the app's toggles and tests). */
  readonly id: string;
  readonly title: string;
  /** What the chart shows, in one or two sentences. */
  readonly summary: string;
  readonly option: EChartsOption;
  readonly table: ChartTable;
  /** Size the export draws it at (the app fills its box). */
  readonly width: number;
  readonly height: number;
}

/**
 * The colours a chart is drawn in. Documents use the print palette; the app
 * passes its theme's (dark and high-contrast themes: light ink on a dark
 * ground), read from the theme's --chart-* tokens.
 */
export interface ChartPalette {
  readonly background: string;
  /** Titles, labels, axis text. */
  readonly ink: string;
  /** Bar and line colours, strongest first; distinct in greyscale. */
  readonly series: readonly [string, string, string, string];
  /** The dashed straight-line path to a KPI's target. */
  readonly path: string;
  /** Axis lines and ticks. */
  readonly axis: string;
  /** Grid lines across the plot. */
  readonly grid: string;
}

/** Dark ink, mid grey and light grey: distinct in greyscale as well as in colour. */
export const CHART_COLOURS = ['#1d3557', '#8d99ae', '#457b9d', '#c9ced6'] as const;

/** The print palette (Word export, and the app's light theme): ECharts' own axis and grid greys. */
export const PRINT_PALETTE: ChartPalette = {
  background: '#ffffff',
  ink: '#1f2328',
  series: CHART_COLOURS,
  path: '#5c6370',
  axis: '#6e7079',
  grid: '#e0e6f1',
};
const FONT = 'Inter, Arial, sans-serif';

/** Axis line, tick and grid colours of a palette. */
function axisColours(p: ChartPalette) {
  return {
    axisLine: { lineStyle: { color: p.axis } },
    splitLine: { lineStyle: { color: p.grid } },
  };
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
/** A number for a label ("12,345.6"). */
export const formatCount = (n: number) => number.format(n);
/** A share as a percentage ("45 %"); '–' for none. */
export const formatShare = (share: number | null) =>
  share === null ? '–' : `${number.format(Math.round(share * 1000) / 10)} %`;

function base(p: ChartPalette, title: string, subtitle = '', width = 500): EChartsOption {
  const ink = p.ink;
  return {
    animation: false,
    color: [...p.series],
    backgroundColor: p.background,
    textStyle: { fontFamily: FONT, fontSize: 12, color: ink },
    // ECharts' ARIA: a generated description on the chart and decal patterns on bars.
    aria: { enabled: true, label: { enabled: true, description: title }, decal: { show: true } },
    title: {
      text: title,
      subtext: subtitle,
      left: 0,
      top: 0,
      itemGap: 4,
      // A long name is cut with an ellipsis: the figure's caption and table give it whole.
      textStyle: {
        fontSize: 14,
        fontWeight: 'bold',
        color: ink,
        width: width - 40,
        overflow: 'truncate',
        lineHeight: 18,
      },
      // Explicit line heights: without them the browser drew the subtitle over a truncated title.
      subtextStyle: { fontSize: 12, color: ink, lineHeight: 16 },
    },
  };
}

/** The learner funnel, invited → registered → active → completed → placed, of the latest snapshot. */
export function funnelChart(
  funnel: readonly FunnelStep[],
  date: string | null,
  p: ChartPalette = PRINT_PALETTE,
): ChartSpec {
  const ink = p.ink;
  const title = date ? `Learner funnel on ${date}` : 'Learner funnel';
  const label = (s: FunnelStep) =>
    `${formatCount(s.count)}${s.key === 'invited' || s.ofInvited === null ? '' : ` (${formatShare(s.ofInvited)} of invited)`}`;
  return {
    id: 'funnel',
    title,
    summary:
      funnel.length === 0
        ? 'No roster imported yet, so there is no funnel to show.'
        : `From ${formatCount(funnel[0]!.count)} invited: ${funnel
            .slice(1)
            .map((s) => `${formatCount(s.count)} ${s.label.toLowerCase()}`)
            .join(', ')}.`,
    width: 500,
    height: 260,
    option: {
      ...base(p, title),
      grid: { left: 130, right: 170, top: 40, bottom: 20 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: funnel.map((s) => s.label),
        axisTick: { show: false },
        axisLabel: { fontSize: 12, color: ink },
        ...axisColours(p),
      },
      series: [
        {
          type: 'bar',
          name: 'Learners',
          barWidth: '60%',
          data: funnel.map((s) => s.count),
          itemStyle: { color: p.series[0] },
          label: {
            show: true,
            position: 'right',
            color: ink,
            formatter: (p: { dataIndex: number }) => label(funnel[p.dataIndex]!),
          },
        },
      ],
    },
    table: {
      columns: ['Stage', 'Learners', 'Share of invited'],
      rows: funnel.map((s) => [s.label, formatCount(s.count), formatShare(s.ofInvited)]),
    },
  };
}

/** A KPI's actuals over time against the straight-line path from baseline to target. */
export function kpiChart(view: KpiView, p: ChartPalette = PRINT_PALETTE): ChartSpec {
  const ink = p.ink;
  const { targets, path, actuals, status } = view;
  const unit = targets.unit ? ` (${targets.unit})` : '';
  const title = `${targets.name}${unit}`;
  const hasPath =
    path.baseline !== null &&
    path.baselineDate !== null &&
    path.target !== null &&
    path.targetDate !== null;
  const last = actuals.at(-1);
  const statusWords = KPI_STATUS_LABELS[status.kind];
  return {
    id: `kpi-${view.kpi.id}`,
    title,
    summary: `${title}: ${
      last ? `latest actual ${formatCount(last.value)} on ${last.date}` : 'no actual yet'
    }${
      hasPath
        ? `; path from ${formatCount(path.baseline!)} on ${path.baselineDate} to the target ${formatCount(path.target!)} on ${path.targetDate}`
        : ''
    }${status.expected !== null ? ` (expected ${formatCount(status.expected)} on that date)` : ''}. Status: ${statusWords}.`,
    width: 500,
    height: 300,
    option: {
      ...base(p, title, `Status: ${statusWords}`),
      legend: {
        top: 44,
        left: 0,
        itemWidth: 28,
        data: ['Actual', 'Straight-line path to target'],
        textStyle: { color: ink },
      },
      grid: { left: 64, right: 96, top: 84, bottom: 36 },
      xAxis: { type: 'time', axisLabel: { color: ink, hideOverlap: true }, ...axisColours(p) },
      yAxis: {
        type: 'value',
        scale: false,
        axisLabel: { color: ink, formatter: (v: number) => formatCount(v) },
        ...axisColours(p),
      },
      series: [
        {
          type: 'line',
          name: 'Actual',
          data: actuals.map((a) => [a.date, a.value]),
          lineStyle: { width: 2.5, type: 'solid', color: p.series[0] },
          itemStyle: { color: p.series[0] },
          symbol: 'circle',
          symbolSize: 7,
          endLabel: {
            show: actuals.length > 0,
            color: ink,
            formatter: (p: { value: unknown }) =>
              `${formatCount((p.value as [string, number])[1])}`,
          },
        },
        {
          type: 'line',
          name: 'Straight-line path to target',
          data: hasPath
            ? [
                [path.baselineDate!, path.baseline!],
                [path.targetDate!, path.target!],
              ]
            : [],
          lineStyle: { width: 2, type: 'dashed', color: p.path },
          itemStyle: { color: p.path },
          symbol: 'diamond',
          symbolSize: 9,
          endLabel: {
            show: hasPath,
            color: ink,
            formatter: () => `Target ${formatCount(path.target ?? 0)}`,
          },
        },
      ],
    },
    table: kpiTable(view, hasPath),
  };
}

/** A KPI chart's table: baseline, each actual with the value expected that day, target (a Note column only when an actual has a note). */
function kpiTable(view: KpiView, hasPath: boolean): ChartTable {
  const { path, actuals } = view;
  const notes = actuals.some((a) => a.note.trim() !== '');
  const row = (cells: string[], note: string) => (notes ? [...cells, note] : cells);
  return {
    columns: row(['Date', 'Actual', 'Expected on the path', 'Kind'], 'Note'),
    rows: [
      ...(hasPath
        ? [row([path.baselineDate!, '', formatCount(path.baseline!), 'Baseline'], '')]
        : []),
      ...actuals.map((a) => {
        const expected = expectedAt(view, a.date);
        return row(
          [
            a.date,
            formatCount(a.value),
            expected === null ? '–' : formatCount(Math.round(expected * 10) / 10),
            a.origin === 'roster' ? 'Counted from the roster' : 'Typed in',
          ],
          a.note,
        );
      }),
      ...(hasPath ? [row([path.targetDate!, '', formatCount(path.target!), 'Target'], '')] : []),
    ],
  };
}

function expectedAt(view: KpiView, date: string): number | null {
  const { baseline, baselineDate, target, targetDate } = view.path;
  if (baseline === null || baselineDate === null || target === null || targetDate === null)
    return null;
  const d = (s: string) => Date.parse(`${s}T00:00:00Z`);
  const [t0, t1, t] = [d(baselineDate), d(targetDate), d(date)];
  if (t <= t0) return baseline;
  if (t >= t1 || t1 <= t0) return target;
  return baseline + ((target - baseline) * (t - t0)) / (t1 - t0);
}

/** Completion (of enrolled) and placement (of completers) by segment: the disaggregation. */
export function segmentChart(
  segments: readonly SegmentResult[],
  date: string | null,
  p: ChartPalette = PRINT_PALETTE,
): ChartSpec {
  const ink = p.ink;
  const title = date
    ? `Completion and placement by segment on ${date}`
    : 'Completion and placement by segment';
  const pct = (share: number | null) => (share === null ? 0 : Math.round(share * 1000) / 10);
  return {
    id: 'segments',
    title,
    summary:
      segments.length === 0
        ? 'No roster imported yet, so there are no results by segment.'
        : segments
            .map(
              (s) =>
                `${s.name}: ${formatShare(s.completionRate)} completed, ${formatShare(s.placementRate)} of completers placed`,
            )
            .join('; ') + '.',
    width: 500,
    height: Math.max(200, 104 + segments.length * 56),
    option: {
      ...base(p, title),
      legend: {
        top: 30,
        left: 0,
        orient: 'vertical',
        data: ['Completion rate (% of enrolled)', 'Placement rate (% of completers)'],
        textStyle: { color: ink },
      },
      grid: { left: 160, right: 50, top: 76, bottom: 28 },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { formatter: '{value} %', color: ink },
        ...axisColours(p),
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: segments.map((s) => s.name),
        axisLabel: { width: 130, overflow: 'break', lineHeight: 15, color: ink },
        ...axisColours(p),
      },
      series: [
        {
          type: 'bar',
          name: 'Completion rate (% of enrolled)',
          data: segments.map((s) => pct(s.completionRate)),
          itemStyle: { color: p.series[0] },
          label: { show: true, position: 'right', formatter: '{c} %', color: ink },
        },
        {
          type: 'bar',
          name: 'Placement rate (% of completers)',
          data: segments.map((s) => pct(s.placementRate)),
          itemStyle: { color: p.series[1] },
          label: { show: true, position: 'right', formatter: '{c} %', color: ink },
        },
      ],
    },
    table: {
      columns: [
        'Segment',
        'Enrolled',
        'Completed',
        'Completion rate',
        'Placed',
        'Placement rate (of completers)',
      ],
      rows: segments.map((s) => [
        s.name,
        formatCount(s.enrolled),
        formatCount(s.completed),
        formatShare(s.completionRate),
        formatCount(s.placed),
        formatShare(s.placementRate),
      ]),
    },
  };
}

/** Learners enrolled against the licences bought. */
export function licenceChart(use: LicenceUse, p: ChartPalette = PRINT_PALETTE): ChartSpec {
  const ink = p.ink;
  const title = 'Licence use';
  const free = use.licences === null ? null : Math.max(0, use.licences - use.enrolled);
  return {
    id: 'licences',
    title,
    summary:
      (use.licences === null
        ? `${formatCount(use.enrolled)} learners enrolled; the plan does not say how many licences were bought (Marketing).`
        : `${formatCount(use.enrolled)} learners enrolled of ${formatCount(use.licences)} licences (${formatShare(use.share)} in use${free ? `, ${formatCount(free)} free` : ''}).`) +
      (use.endedCohorts.length
        ? ` Not counted: the learners of ${use.endedCohorts.length === 1 ? 'a cohort that had' : 'cohorts that had'} ended by the roster import (${use.endedCohorts.map((c) => `${c.name}, ${formatCount(c.enrolled)} enrolled`).join('; ')}).`
        : ''),
    width: 500,
    height: 170,
    option: {
      ...base(p, title),
      grid: { left: 120, right: 130, top: 40, bottom: 20 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: ['Licences bought', 'Learners enrolled'],
        axisTick: { show: false },
        axisLabel: { color: ink },
        ...axisColours(p),
      },
      series: [
        {
          type: 'bar',
          name: 'Licences',
          barWidth: '55%',
          data: [
            { value: use.licences ?? 0, itemStyle: { color: p.series[1] } },
            { value: use.enrolled, itemStyle: { color: p.series[0] } },
          ],
          label: {
            show: true,
            position: 'right',
            color: ink,
            formatter: (p: { dataIndex: number }) =>
              p.dataIndex === 0
                ? use.licences === null
                  ? 'not set'
                  : formatCount(use.licences)
                : `${formatCount(use.enrolled)}${use.share === null ? '' : ` (${formatShare(use.share)})`}`,
          },
        },
      ],
    },
    table: {
      columns: ['Licences bought', 'Learners enrolled', 'Share in use', 'Licences free'],
      rows: [
        [
          use.licences === null ? 'Not set' : formatCount(use.licences),
          formatCount(use.enrolled),
          formatShare(use.share),
          free === null ? '–' : formatCount(free),
        ],
      ],
    },
  };
}

/** Every chart of the dashboard, in the order it shows them (KPIs with at least one actual). */
export function dashboardCharts(
  dashboard: Dashboard,
  palette: ChartPalette = PRINT_PALETTE,
): {
  readonly funnel: ChartSpec;
  readonly segments: ChartSpec;
  readonly licences: ChartSpec;
  readonly kpis: readonly ChartSpec[];
} {
  const date = dashboard.snapshot?.date ?? null;
  return {
    funnel: funnelChart(dashboard.funnel, date, palette),
    segments: segmentChart(dashboard.segments, date, palette),
    licences: licenceChart(dashboard.licences, palette),
    kpis: dashboard.kpis
      // A KPI without an actual has nothing to draw; the status table lists it.
      .filter((v) => v.actuals.length > 0)
      .map((v) => kpiChart(v, palette)),
  };
}
