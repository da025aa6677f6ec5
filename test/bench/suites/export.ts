/**
 * Export (issue 6, cold and warm runs and the 10,000 catalog rows from
 * issue 9). The Word and Excel builders in Node against raw `docx` and raw
 * exceljs writing the same text, tables and cells, and the app's export in
 * Chromium with the longest task on the renderer's main thread (the work
 * runs in a worker, so nothing should block the UI for more than 50 ms).
 *
 * The plans follow ENGINEERING.md §5: Word on the large plan (1,000
 * theory-of-change elements, 300 stakeholders; the sample plan's content
 * repeated, with 500 catalog items), Excel on the same plan + 10,000 catalog
 * rows. The app exports the 10,000-row plan in both formats.
 *
 * Cold = the first export in a fresh process (Node) or a fresh browser
 * profile and page (app); warm = the median of the next runs in the same
 * process or page. The names without a suffix keep their old meaning: warm
 * in Node (it always discarded a warm-up run), first-in-page in the app.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { planDocument, type DocBlock } from '../../../shared/export/document';
import { buildPlanDocx } from '../../../shared/export/docx';
import { buildPlanWorkbook, buildPlanXlsx } from '../../../shared/export/xlsx';
import { writePlanFile } from '../../../shared/plan/plan-file';
import type { Plan } from '../../../shared/plan/schema';
import { largePlan } from '../../helpers/large-plan';
import { importPlanFile, newBenchPage, openLibrary } from '../app';
import { EXPORT_OPTIONS, nodeRasterizer } from '../cold-export';
import {
  attempt,
  measured,
  median,
  round1,
  type BenchContext,
  type BenchSuite,
  type Metric,
  type MetricSpec,
} from '../metrics';

/** Warm runs per measurement (after the first); BENCH_QUICK=1 for development. */
const RUNS = process.env.BENCH_QUICK ? 1 : 3;
/** Fresh processes per cold Node figure (median). */
const COLD_RUNS = process.env.BENCH_QUICK ? 1 : 3;
const root = join(import.meta.dirname, '..', '..', '..');
/** Plan files for the child processes and the app; made per run, removed after it. */
let dir = '';

/** The Word plan of §5: 1,000 elements, 300 stakeholders, 500 catalog items. */
const WORD_PLAN = { tocElements: 1000, stakeholders: 300, catalogItems: 500 } as const;
/** The Excel plan of §5: the same + 10,000 catalog rows. */
const EXCEL_PLAN = { ...WORD_PLAN, catalogItems: 10_000 } as const;

const spec = (name: string, unit: string, limit?: number): MetricSpec => ({
  name,
  unit,
  ...(limit === undefined ? {} : { limit }),
});
const SPECS = {
  docx: spec('export.docx_ms.large', 'ms', 1500),
  docxCold: spec('export.docx_ms.large.cold', 'ms', 1500),
  docxWarm: spec('export.docx_ms.large.warm', 'ms', 1500),
  docxRatio: spec('export.docx_ratio_raw', '×', 1.5),
  xlsx: spec('export.xlsx_ms.large', 'ms', 1500),
  xlsxCold: spec('export.xlsx_ms.large.cold', 'ms', 1500),
  xlsxWarm: spec('export.xlsx_ms.large.warm', 'ms', 1500),
  xlsxRatio: spec('export.xlsx_ratio_raw', '×', 1.5),
  longest: spec('export.longest_renderer_task_ms', 'ms', 50),
  docxApp: spec('export.docx_app_ms.large', 'ms'),
  docxAppCold: spec('export.docx_app_ms.large.cold', 'ms'),
  docxAppWarm: spec('export.docx_app_ms.large.warm', 'ms'),
  xlsxApp: spec('export.xlsx_app_ms.large', 'ms'),
  xlsxAppCold: spec('export.xlsx_app_ms.large.cold', 'ms'),
  xlsxAppWarm: spec('export.xlsx_app_ms.large.warm', 'ms'),
} as const;

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Median times of two contenders, run alternately after one warm-up each. */
async function race(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ta.push(await time(a));
    tb.push(await time(b));
  }
  return [median(ta), median(tb)];
}

/** The same text and tables as our document, written with bare `docx` defaults. */
async function rawDocx(
  blocks: { title: string; blocks: readonly DocBlock[] }[],
): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  for (const section of blocks) {
    children.push(new Paragraph(section.title));
    for (const b of section.blocks) {
      if (b.type === 'heading' || b.type === 'paragraph') children.push(new Paragraph(b.text));
      else if (b.type === 'bullets') for (const item of b.items) children.push(new Paragraph(item));
      else if (b.type === 'facts')
        children.push(
          new Table({ rows: b.rows.map((r) => new TableRow({ children: r.map(cell) })) }),
        );
      else if (b.type === 'table')
        children.push(
          new Table({
            rows: [
              b.columns.map((c) => c.title),
              ...b.rows,
              ...(b.totalRow ? [b.totalRow] : []),
            ].map((r) => new TableRow({ children: r.map(cell) })),
          }),
        );
      else children.push(new Paragraph(b.caption));
    }
  }
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children }] })));
}

/** The same sheets and cell values as our workbook, written with bare exceljs. */
function rawXlsx(sheets: { name: string; rows: ExcelJS.CellValue[][] }[]): () => Promise<unknown> {
  return async () => {
    const wb = new ExcelJS.Workbook();
    for (const sheet of sheets) {
      const ws = wb.addWorksheet(sheet.name);
      for (const row of sheet.rows) ws.addRow(row);
    }
    return wb.xlsx.writeBuffer();
  };
}

/** Writes a plan file for a child process or the app's file chooser. */
function planFile(plan: Plan, name: string): string {
  const file = join(dir, `${name}.upskill.json`);
  writeFileSync(file, writePlanFile(plan));
  return file;
}

/** Milliseconds of one export in a fresh Node process (see cold-export.ts). */
async function coldExport(format: 'docx' | 'xlsx', file: string): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(root, 'test', 'bench', 'cold-export.ts'), format, file],
    { cwd: root, timeout: 300_000, maxBuffer: 1 << 20 },
  );
  return (JSON.parse(stdout) as { ms: number }).ms;
}

async function coldRuns(format: 'docx' | 'xlsx', file: string): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) runs.push(await coldExport(format, file));
  return runs;
}

const list = (values: readonly number[]) => values.map(round1).join(', ');

async function wordMetrics(plan: Plan): Promise<Metric[]> {
  const cold = await coldRuns('docx', planFile(plan, 'word'));
  const rasterize = await nodeRasterizer();
  // Full Word export, diagrams included (what `npm run export` does); the
  // first run in this process is discarded, the next RUNS are warm.
  await buildPlanDocx(plan, { ...EXPORT_OPTIONS, rasterize });
  const full: number[] = [];
  for (let i = 0; i < RUNS; i++)
    full.push(await time(() => buildPlanDocx(plan, { ...EXPORT_OPTIONS, rasterize })));

  const doc = planDocument(plan, EXPORT_OPTIONS);
  const sections = doc.sections.map((s) => ({ title: s.title, blocks: s.blocks }));
  const [oursDocx, rawDocxMs] = await race(
    () => buildPlanDocx(plan, EXPORT_OPTIONS),
    () => rawDocx(sections),
  );
  const content = `${plan.theoryOfChange.nodes.length} elements, ${plan.stakeholders.entries.length} stakeholders, ${plan.content.catalog.length} catalog items; ${doc.sections.length} sections incl. diagrams rasterised by resvg`;
  const warm = `median of ${RUNS} warm runs in one process (${list(full)} ms)`;
  return [
    measured(SPECS.docx, median(full), `= .warm; Node, ${content}, ${warm}`),
    measured(
      SPECS.docxCold,
      median(cold),
      `first export in a fresh Node process, rasteriser set-up included; median of ${COLD_RUNS} processes (${list(cold)} ms)`,
    ),
    measured(SPECS.docxWarm, median(full), warm),
    measured(
      SPECS.docxRatio,
      oursDocx / rawDocxMs,
      `ours without diagrams ${round1(oursDocx)} ms vs bare docx on the same text and tables ${round1(rawDocxMs)} ms (warm medians)`,
    ),
  ];
}

async function excelMetrics(plan: Plan): Promise<Metric[]> {
  const cold = await coldRuns('xlsx', planFile(plan, 'excel'));
  const { workbook } = await buildPlanWorkbook(plan, EXPORT_OPTIONS);
  const sheets = workbook.worksheets.map((ws) => {
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    return { name: ws.name, rows };
  });
  const catalogRows = sheets.find((s) => /catalog/i.test(s.name))?.rows.length ?? 0;
  if (catalogRows < plan.content.catalog.length)
    throw new Error(
      `The workbook's catalog sheet has ${catalogRows} rows for ${plan.content.catalog.length} items.`,
    );
  const [oursXlsx, rawXlsxMs] = await race(
    () => buildPlanXlsx(plan, EXPORT_OPTIONS),
    rawXlsx(sheets),
  );
  const cells = sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
  const content = `${plan.theoryOfChange.nodes.length} elements, ${plan.stakeholders.entries.length} stakeholders, catalog sheet ${catalogRows} rows; ${sheets.length} sheets, ${cells} cells`;
  return [
    measured(SPECS.xlsx, oursXlsx, `= .warm; Node, ${content}`),
    measured(
      SPECS.xlsxCold,
      median(cold),
      `first export in a fresh Node process; median of ${COLD_RUNS} processes (${list(cold)} ms)`,
    ),
    measured(SPECS.xlsxWarm, oursXlsx, `median of ${RUNS} warm runs in one process`),
    measured(
      SPECS.xlsxRatio,
      oursXlsx / rawXlsxMs,
      `ours ${round1(oursXlsx)} ms vs bare exceljs on the same cells ${round1(rawXlsxMs)} ms (warm medians)`,
    ),
  ];
}

/** Opens a plan in a fresh profile through "Open plan file…", as a user would. */
async function openInApp({ browser, url }: BenchContext, file: string): Promise<Page> {
  const { page } = await newBenchPage(browser);
  page.setDefaultTimeout(300_000);
  await openLibrary(page, url);
  await importPlanFile(page, file);
  return page;
}

/** Exports through the dialog; returns click-to-download ms and the longest main-thread task. */
async function exportInApp(page: Page, format: RegExp): Promise<{ ms: number; longest: number }> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export plan' });
  await dialog.getByRole('radio', { name: format }).check();
  // Let the dialog's own rendering settle, then measure only the export.
  await page.waitForTimeout(300);
  const since = await page.evaluate(() => performance.now());
  const started = Date.now();
  const download = page.waitForEvent('download', { timeout: 300_000 });
  await dialog.getByRole('button', { name: /^Export (Word document|Excel workbook)$/ }).click();
  await download;
  const ms = Date.now() - started;
  await dialog.waitFor({ state: 'detached' });
  await page.waitForTimeout(200);
  const longest = await page.evaluate((since) => {
    const b = (
      window as unknown as { __bench: { longTasks: { start: number; duration: number }[] } }
    ).__bench;
    return Math.max(0, ...b.longTasks.filter((t) => t.start >= since).map((t) => t.duration));
  }, since);
  return { ms, longest };
}

/** Cold (first in a fresh profile) and warm exports of one format in the app. */
async function appRuns(
  context: BenchContext,
  file: string,
  format: RegExp,
): Promise<{ cold: number; warm: number[]; longest: number }> {
  const page = await openInApp(context, file);
  try {
    const first = await exportInApp(page, format);
    const warm: number[] = [];
    let longest = first.longest;
    for (let i = 0; i < RUNS; i++) {
      const run = await exportInApp(page, format);
      warm.push(run.ms);
      longest = Math.max(longest, run.longest);
    }
    return { cold: first.ms, warm, longest };
  } finally {
    await page.context().close();
  }
}

async function appMetrics(context: BenchContext, plan: Plan): Promise<Metric[]> {
  const file = planFile(plan, 'app');
  const metrics: Metric[] = [];
  const longest: string[] = [];
  let worst = -1;
  for (const [format, label, specs] of [
    [/^Word program plan/, 'Word', [SPECS.docxApp, SPECS.docxAppCold, SPECS.docxAppWarm]],
    [/^Excel workbook/, 'Excel', [SPECS.xlsxApp, SPECS.xlsxAppCold, SPECS.xlsxAppWarm]],
  ] as const) {
    metrics.push(
      ...(await attempt(specs, async () => {
        const runs = await appRuns(context, file, format);
        worst = Math.max(worst, runs.longest);
        longest.push(`${label} ${round1(runs.longest)} ms`);
        const what = `click Export → download, built in the Web Worker; ${plan.content.catalog.length} catalog items`;
        return [
          measured(specs[0], runs.cold, `= .cold; ${what}`),
          measured(
            specs[1],
            runs.cold,
            `first export in a fresh browser profile and page (one run)`,
          ),
          measured(
            specs[2],
            median(runs.warm),
            `median of the next ${RUNS} in the same page (${list(runs.warm)} ms)`,
          ),
        ];
      })),
    );
  }
  metrics.unshift(
    worst < 0
      ? { ...measured(SPECS.longest, NaN, ''), failed: 'no export finished in the app' }
      : measured(
          SPECS.longest,
          worst,
          `PerformanceObserver('longtask') over ${1 + RUNS} Word and ${1 + RUNS} Excel exports in the app (${longest.join(', ')}); 0 = no task over 50 ms`,
        ),
  );
  return metrics;
}

/** Every export figure: Node Word and Excel, then the app. */
async function exportMetrics(context: BenchContext): Promise<Metric[]> {
  const wordPlan = largePlan({
    ...WORD_PLAN,
    id: 'bench-export-word',
    name: 'Export plan — 1,000 elements, 300 stakeholders',
  });
  const excelPlan = largePlan({
    ...EXCEL_PLAN,
    id: 'bench-export-excel',
    name: 'Export plan — 1,000 elements, 300 stakeholders, 10,000 catalog items',
  });
  return [
    ...(await attempt([SPECS.docx, SPECS.docxCold, SPECS.docxWarm, SPECS.docxRatio], () =>
      wordMetrics(wordPlan),
    )),
    ...(await attempt([SPECS.xlsx, SPECS.xlsxCold, SPECS.xlsxWarm, SPECS.xlsxRatio], () =>
      excelMetrics(excelPlan),
    )),
    ...(await appMetrics(context, excelPlan)),
  ];
}

/** The export suite. */
export const exportSuite: BenchSuite = {
  name: 'export',
  metrics: Object.values(SPECS),
  async run(context) {
    dir = mkdtempSync(join(tmpdir(), 'upskill-bench-export-'));
    try {
      return await exportMetrics(context);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
