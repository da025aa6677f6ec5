/**
 * The Manage charts drawn without a browser (issue 14): ECharts' server-side
 * SVG renderer turns the same options the app shows (shared/manage/charts.ts)
 * into an SVG string, which the Word export embeds through its diagram
 * pipeline (a DiagramScene whose `svg` is the drawing; its shapes, the
 * chart's figures as plain text, are the PNG fallback where a rasteriser
 * cannot read SVG).
 */
import { textWidth, type DiagramScene, type Shape } from '../export/diagrams/scene';
import type { ChartSpec } from './charts';
import { echarts } from './echarts-core';

/**
 * Without a DOM (Node, the export worker) ECharts measures text with a
 * generic width table; the diagrams' Inter-like estimate, a little wider,
 * keeps labels and legends from running into each other in Word and
 * LibreOffice, whichever sans-serif font they draw with.
 */
function measureText(text: string, font?: string): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  return { width: textWidth(text, size, /bold|[6-9]00/.test(font ?? '')) * 1.08 };
}
let measuring = false;

/** The chart as an SVG document, drawn at its export size. */
export function renderChartSvg(spec: ChartSpec): string {
  if (!measuring && !('document' in globalThis)) {
    echarts.setPlatformAPI({ measureText });
    measuring = true;
  }
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: spec.width,
    height: spec.height,
  });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const LINE = 16;

/** The chart as a diagram for the Word export: the ECharts SVG, with its table as the plain fallback drawing. */
export function chartScene(spec: ChartSpec): DiagramScene {
  const shapes: Shape[] = [
    {
      type: 'rect',
      x: 0,
      y: 0,
      width: spec.width,
      height: spec.height,
      fill: '#ffffff',
      stroke: '#ffffff',
      strokeWidth: 0,
    } as Shape,
    { type: 'text', x: 8, y: 20, text: spec.title, size: 13, fill: '#1f2328', bold: true } as Shape,
  ];
  let y = 20 + LINE + 4;
  for (const row of spec.table.rows) {
    if (y > spec.height - 8) break;
    const text = row
      .map((cell, i) => (cell ? `${spec.table.columns[i]}: ${cell}` : ''))
      .filter(Boolean)
      .join(' · ');
    shapes.push({ type: 'text', x: 8, y, text, size: 11, fill: '#1f2328' } as Shape);
    y += LINE;
  }
  return {
    width: spec.width,
    height: spec.height,
    shapes,
    alt: spec.summary,
    svg: renderChartSvg(spec),
  };
}
