/**
 * The parts of Apache ECharts the Manage charts use, registered once: bar
 * and line charts, grid, title, legend, ARIA (descriptions and decal
 * patterns) and the SVG renderer. Importing only these keeps the app's and
 * the export worker's bundles small; the app and the export use this same
 * setup, so both draw the same chart.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TitleComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

export { echarts };
