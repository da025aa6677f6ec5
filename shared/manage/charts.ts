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
import { englishLocale, type DocLocale } from '../export/locale';
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

/**
 * Numbers, shares and dates as a chart writes them in a language (the
 * `document` catalog's `charts.*` holds its words): the app passes its UI
 * language, the Word export the document's.
 */
function chartFormats(loc: DocLocale) {
  return {
    count: (n: number) => loc.format.number(n, 1),
    share: (share: number | null) =>
      share === null ? '–' : loc.percent(Math.round(share * 1000) / 1000, 1),
    /** A percentage already ×100 ("45.5" → "45.5 %"). */
    percent: (value: number) => loc.percent(value / 100, 1),
    date: (iso: string) => loc.date(iso, iso),
    /** A date in a chart's title, short so the title fits above the plot ("15/11/2026"). */
    titleDate: (iso: string) => loc.format.shortDate(iso, iso),
  };
}

function base(
  p: ChartPalette,
  title: string,
  subtitle = '',
  width = 500,
  rtl = false,
): EChartsOption {
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
      // At the start of the line the language reads from.
      // (ECharts anchors a right-aligned title's end at `left`: the chart's right edge.)
      ...(rtl ? { left: '98%', textAlign: 'right' as const } : { left: 0 }),
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
  loc: DocLocale = englishLocale(),
): ChartSpec {
  const ink = p.ink;
  const d = loc.d;
  const { count, share } = chartFormats(loc);
  const stage = (s: FunnelStep) => d(`charts.stage.${s.key}`);
  const title = date
    ? d('charts.funnelOn', { date: chartFormats(loc).titleDate(date) })
    : d('charts.funnel');
  const label = (s: FunnelStep) =>
    s.key === 'invited' || s.ofInvited === null
      ? count(s.count)
      : d('charts.ofInvited', { count: count(s.count), share: share(s.ofInvited) });
  return {
    id: 'funnel',
    title,
    summary:
      funnel.length === 0
        ? d('charts.funnelEmpty')
        : d('charts.funnelSummary', {
            invited: count(funnel[0]!.count),
            stages: funnel
              .slice(1)
              .map((s) =>
                d('charts.stageCount', {
                  count: count(s.count),
                  stage: stage(s).toLocaleLowerCase(loc.language),
                }),
              )
              .join(d('punctuation.comma')),
          }),
    width: 500,
    height: 260,
    option: {
      ...base(p, title, '', 500, loc.dir === 'rtl'),
      grid: { left: 130, right: 170, top: 40, bottom: 20 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: funnel.map(stage),
        axisTick: { show: false },
        axisLabel: { fontSize: 12, color: ink },
        ...axisColours(p),
      },
      series: [
        {
          type: 'bar',
          name: d('charts.learners'),
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
      columns: [d('charts.stageColumn'), d('charts.learners'), d('charts.shareOfInvited')],
      rows: funnel.map((s) => [stage(s), count(s.count), share(s.ofInvited)]),
    },
  };
}

/** A KPI's actuals over time against the straight-line path from baseline to target. */
export function kpiChart(
  view: KpiView,
  p: ChartPalette = PRINT_PALETTE,
  loc: DocLocale = englishLocale(),
): ChartSpec {
  const ink = p.ink;
  const d = loc.d;
  const { count, date } = chartFormats(loc);
  const { targets, path, actuals, status } = view;
  const title = targets.unit
    ? d('charts.kpiTitle', { name: targets.name, unit: targets.unit })
    : targets.name;
  const hasPath =
    path.baseline !== null &&
    path.baselineDate !== null &&
    path.target !== null &&
    path.targetDate !== null;
  const last = actuals.at(-1);
  const statusWords = d(`charts.kpiStatus.${status.kind}`);
  return {
    id: `kpi-${view.kpi.id}`,
    title,
    summary: d('charts.kpiSummary', {
      title,
      latest: last
        ? d('charts.kpiLatest', { value: count(last.value), date: date(last.date) })
        : d('charts.kpiNoActual'),
      path: hasPath
        ? d('charts.kpiPath', {
            baseline: count(path.baseline!),
            baselineDate: date(path.baselineDate!),
            target: count(path.target!),
            targetDate: date(path.targetDate!),
          })
        : '',
      expected:
        status.expected !== null ? d('charts.kpiExpected', { value: count(status.expected) }) : '',
      status: statusWords,
    }),
    width: 500,
    height: 300,
    option: {
      ...base(p, title, d('charts.status', { status: statusWords }), 500, loc.dir === 'rtl'),
      legend: {
        top: 44,
        ...(loc.dir === 'rtl' ? { right: 0 } : { left: 0 }),
        itemWidth: 28,
        data: [d('charts.actual'), d('charts.path')],
        textStyle: { color: ink },
      },
      grid: { left: 64, right: 96, top: 84, bottom: 36 },
      xAxis: { type: 'time', axisLabel: { color: ink, hideOverlap: true }, ...axisColours(p) },
      yAxis: {
        type: 'value',
        scale: false,
        axisLabel: { color: ink, formatter: (v: number) => count(v) },
        ...axisColours(p),
      },
      series: [
        {
          type: 'line',
          name: d('charts.actual'),
          data: actuals.map((a) => [a.date, a.value]),
          lineStyle: { width: 2.5, type: 'solid', color: p.series[0] },
          itemStyle: { color: p.series[0] },
          symbol: 'circle',
          symbolSize: 7,
          endLabel: {
            show: actuals.length > 0,
            color: ink,
            formatter: (p: { value: unknown }) => count((p.value as [string, number])[1]),
          },
        },
        {
          type: 'line',
          name: d('charts.path'),
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
            formatter: () => d('charts.targetLabel', { value: count(path.target ?? 0) }),
          },
        },
      ],
    },
    table: kpiTable(view, hasPath, loc),
  };
}

/** A KPI chart's table: baseline, each actual with the value expected that day, target (a Note column only when an actual has a note). */
function kpiTable(view: KpiView, hasPath: boolean, loc: DocLocale): ChartTable {
  const d = loc.d;
  const { count, date } = chartFormats(loc);
  const { path, actuals } = view;
  const notes = actuals.some((a) => a.note.trim() !== '');
  const row = (cells: string[], note: string) => (notes ? [...cells, note] : cells);
  return {
    columns: row(
      [d('charts.date'), d('charts.actual'), d('charts.expected'), d('charts.kind')],
      d('charts.note'),
    ),
    rows: [
      ...(hasPath
        ? [row([date(path.baselineDate!), '', count(path.baseline!), d('charts.baseline')], '')]
        : []),
      ...actuals.map((a) => {
        const expected = expectedAt(view, a.date);
        return row(
          [
            date(a.date),
            count(a.value),
            expected === null ? '–' : count(Math.round(expected * 10) / 10),
            a.origin === 'roster' ? d('charts.fromRoster') : d('charts.typedIn'),
          ],
          a.note,
        );
      }),
      ...(hasPath
        ? [row([date(path.targetDate!), '', count(path.target!), d('charts.target')], '')]
        : []),
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
  loc: DocLocale = englishLocale(),
): ChartSpec {
  const ink = p.ink;
  const d = loc.d;
  const { count, share, percent } = chartFormats(loc);
  const title = date
    ? d('charts.segmentsOn', { date: chartFormats(loc).titleDate(date) })
    : d('charts.segments');
  const pct = (share: number | null) => (share === null ? 0 : Math.round(share * 1000) / 10);
  const completion = d('charts.completionRate');
  const placement = d('charts.placementRate');
  const barLabel = (params: { value: unknown }) => percent(Number(params.value));
  return {
    id: 'segments',
    title,
    summary:
      segments.length === 0
        ? d('charts.segmentsEmpty')
        : d('charts.segmentsSummary', {
            segments: segments
              .map((s) =>
                d('charts.segmentLine', {
                  segment: s.name,
                  completed: share(s.completionRate),
                  placed: share(s.placementRate),
                }),
              )
              .join(d('punctuation.semicolon')),
          }),
    width: 500,
    height: Math.max(200, 104 + segments.length * 56),
    option: {
      ...base(p, title, '', 500, loc.dir === 'rtl'),
      legend: {
        top: 30,
        ...(loc.dir === 'rtl' ? { right: 0 } : { left: 0 }),
        orient: 'vertical',
        data: [completion, placement],
        textStyle: { color: ink },
      },
      grid: { left: 160, right: 50, top: 76, bottom: 28 },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { formatter: (v: number) => percent(v), color: ink },
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
          name: completion,
          data: segments.map((s) => pct(s.completionRate)),
          itemStyle: { color: p.series[0] },
          label: { show: true, position: 'right', formatter: barLabel, color: ink },
        },
        {
          type: 'bar',
          name: placement,
          data: segments.map((s) => pct(s.placementRate)),
          itemStyle: { color: p.series[1] },
          label: { show: true, position: 'right', formatter: barLabel, color: ink },
        },
      ],
    },
    table: {
      columns: [
        d('charts.segment'),
        d('charts.enrolled'),
        d('charts.completed'),
        d('charts.completionColumn'),
        d('charts.placed'),
        d('charts.placementColumn'),
      ],
      rows: segments.map((s) => [
        s.name,
        count(s.enrolled),
        count(s.completed),
        share(s.completionRate),
        count(s.placed),
        share(s.placementRate),
      ]),
    },
  };
}

/** Learners enrolled against the licences bought. */
export function licenceChart(
  use: LicenceUse,
  p: ChartPalette = PRINT_PALETTE,
  loc: DocLocale = englishLocale(),
): ChartSpec {
  const ink = p.ink;
  const d = loc.d;
  const { count, share } = chartFormats(loc);
  const title = d('charts.licences');
  const free = use.licences === null ? null : Math.max(0, use.licences - use.enrolled);
  const bought = d('charts.licencesBought');
  const enrolled = d('charts.learnersEnrolled');
  const used =
    use.licences === null
      ? d('charts.licencesUnknown', { enrolled: count(use.enrolled) })
      : free
        ? d('charts.licencesFree', {
            enrolled: count(use.enrolled),
            licences: count(use.licences),
            share: share(use.share),
            free: count(free),
          })
        : d('charts.licencesUsed', {
            enrolled: count(use.enrolled),
            licences: count(use.licences),
            share: share(use.share),
          });
  return {
    id: 'licences',
    title,
    summary: use.endedCohorts.length
      ? `${used} ${d('charts.endedCohorts', {
          count: use.endedCohorts.length,
          cohorts: use.endedCohorts
            .map((c) => d('charts.endedCohort', { name: c.name, enrolled: count(c.enrolled) }))
            .join(d('punctuation.semicolon')),
        })}`
      : used,
    width: 500,
    height: 170,
    option: {
      ...base(p, title, '', 500, loc.dir === 'rtl'),
      grid: { left: 120, right: 130, top: 40, bottom: 20 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: [bought, enrolled],
        axisTick: { show: false },
        axisLabel: { color: ink },
        ...axisColours(p),
      },
      series: [
        {
          type: 'bar',
          name: d('charts.licencesSeries'),
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
                  ? d('charts.notSetLower')
                  : count(use.licences)
                : use.share === null
                  ? count(use.enrolled)
                  : d('charts.countShare', { count: count(use.enrolled), share: share(use.share) }),
          },
        },
      ],
    },
    table: {
      columns: [bought, enrolled, d('charts.shareInUse'), d('charts.licencesFreeColumn')],
      rows: [
        [
          use.licences === null ? d('charts.notSet') : count(use.licences),
          count(use.enrolled),
          share(use.share),
          free === null ? '–' : count(free),
        ],
      ],
    },
  };
}

/** Every chart of the dashboard, in the order it shows them (KPIs with at least one actual). */
export function dashboardCharts(
  dashboard: Dashboard,
  palette: ChartPalette = PRINT_PALETTE,
  loc: DocLocale = englishLocale(),
): {
  readonly funnel: ChartSpec;
  readonly segments: ChartSpec;
  readonly licences: ChartSpec;
  readonly kpis: readonly ChartSpec[];
} {
  const date = dashboard.snapshot?.date ?? null;
  return {
    funnel: funnelChart(dashboard.funnel, date, palette, loc),
    segments: segmentChart(dashboard.segments, date, palette, loc),
    licences: licenceChart(dashboard.licences, palette, loc),
    kpis: dashboard.kpis
      // A KPI without an actual has nothing to draw; the status table lists it.
      .filter((v) => v.actuals.length > 0)
      .map((v) => kpiChart(v, palette, loc)),
  };
}
