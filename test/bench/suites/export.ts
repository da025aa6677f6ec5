/**
 * Export (issue 6): the Word and Excel builders on the
 * large plan (1,000 theory-of-change elements, 300 logic-model items, 300
 * stakeholders, 500 catalog items), against raw `docx` and raw exceljs
 * writing the same text, tables and cells; and the longest task on the
 * renderer's main thread while the app exports that plan (the work runs in a
 * worker, so nothing should block the UI for more than 50 ms).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { planDocument, type DocBlock } from '../../../shared/export/document';
import { buildPlanDocx } from '../../../shared/export/docx';
import {
  ALL_SECTION_IDS,
  type ExportOptions,
  type Rasterize,
} from '../../../shared/export/options';
import { buildPlanWorkbook, buildPlanXlsx } from '../../../shared/export/xlsx';
import { writePlanFile } from '../../../shared/plan/plan-file';
import { Plan } from '../../../shared/plan/schema';
import { largePlan } from '../../helpers/large-plan';
import {
  atMost,
  median,
  round1,
  type BenchContext,
  type BenchSuite,
  type Metric,
} from '../metrics';

const RUNS = 3;

/**
 * The Node rasteriser lives in electron/, which the bench's tsconfig does not
 * cover, so it is loaded at run time and described by the part used.
 */
async function nodeRasterizer(): Promise<Rasterize> {
  const module = (await import(
    /* @vite-ignore */ new URL('../../../electron/export-node.ts', import.meta.url).href
  )) as { createNodeRasterizer: () => Promise<Rasterize> };
  return module.createNodeRasterizer();
}

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

async function nodeMetrics(plan: Plan): Promise<Metric[]> {
  const options: ExportOptions = {
    profile: 'internal',
    sections: ALL_SECTION_IDS,
    today: '2026-11-22',
  };
  const rasterize = await nodeRasterizer();
  // Full Word export, diagrams included (what `npm run export` does).
  await buildPlanDocx(plan, { ...options, rasterize });
  const full: number[] = [];
  for (let i = 0; i < RUNS; i++)
    full.push(await time(() => buildPlanDocx(plan, { ...options, rasterize })));

  const doc = planDocument(plan, options);
  const sections = doc.sections.map((s) => ({ title: s.title, blocks: s.blocks }));
  const [oursDocx, rawDocxMs] = await race(
    () => buildPlanDocx(plan, options),
    () => rawDocx(sections),
  );

  const { workbook } = await buildPlanWorkbook(plan, options);
  const sheets = workbook.worksheets.map((ws) => {
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    return { name: ws.name, rows };
  });
  const [oursXlsx, rawXlsxMs] = await race(() => buildPlanXlsx(plan, options), rawXlsx(sheets));
  const cells = sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);

  return [
    atMost(
      'export.docx_ms.large',
      median(full),
      1500,
      'ms',
      `Node, ${doc.sections.length} sections incl. its diagrams rasterised by resvg (a 1,000-element ToC gets a note, not an unreadable strip) (median of ${RUNS})`,
    ),
    atMost(
      'export.docx_ratio_raw',
      oursDocx / rawDocxMs,
      1.5,
      '×',
      `ours without diagrams ${round1(oursDocx)} ms vs bare docx on the same text and tables ${round1(rawDocxMs)} ms`,
    ),
    atMost(
      'export.xlsx_ms.large',
      oursXlsx,
      1500,
      'ms',
      `Node, ${sheets.length} sheets, ${cells} cells`,
    ),
    atMost(
      'export.xlsx_ratio_raw',
      oursXlsx / rawXlsxMs,
      1.5,
      '×',
      `ours ${round1(oursXlsx)} ms vs bare exceljs on the same cells ${round1(rawXlsxMs)} ms`,
    ),
  ];
}

const dir = mkdtempSync(join(tmpdir(), 'upskill-bench-export-'));

/** Opens the large plan in the app (file chooser, as a user would). */
async function openLargePlan({ browser, url }: BenchContext, plan: Plan): Promise<Page> {
  const file = join(dir, 'large.upskill.json');
  writeFileSync(file, writePlanFile(plan));
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  // tsx names functions with a __name helper that the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open plan file…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('textbox', { name: 'Program name', exact: true }).waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __observer?: PerformanceObserver };
    w.__longest = 0;
    w.__observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    });
    w.__observer.observe({ type: 'longtask' });
  });
  return page;
}

/** Exports through the dialog; returns click-to-download ms and the longest main-thread task. */
async function exportInApp(page: Page, format: RegExp): Promise<{ ms: number; longest: number }> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export plan' });
  await dialog.getByRole('radio', { name: format }).check();
  // Let the dialog's own rendering settle, then measure only the export.
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    (window as unknown as { __longest: number }).__longest = 0;
  });
  const started = Date.now();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: /^Export (Word document|Excel workbook)$/ }).click();
  await download;
  const ms = Date.now() - started;
  await dialog.waitFor({ state: 'detached' });
  await page.waitForTimeout(200);
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  return { ms, longest };
}

async function browserMetrics(context: BenchContext, plan: Plan): Promise<Metric[]> {
  const page = await openLargePlan(context, plan);
  try {
    const docx = await exportInApp(page, /^Word program plan/);
    const xlsx = await exportInApp(page, /^Excel workbook/);
    return [
      atMost(
        'export.longest_renderer_task_ms',
        Math.max(docx.longest, xlsx.longest),
        50,
        'ms',
        `PerformanceObserver('longtask') during Word (${docx.longest} ms) and Excel (${xlsx.longest} ms) exports of the large plan; 0 = no task over 50 ms`,
      ),
      {
        name: 'export.docx_app_ms.large',
        value: docx.ms,
        unit: 'ms',
        target: 'info',
        ok: true,
        note: 'click Export → download, built in the Web Worker (canvas diagrams)',
      },
      {
        name: 'export.xlsx_app_ms.large',
        value: xlsx.ms,
        unit: 'ms',
        target: 'info',
        ok: true,
        note: 'click Export → download, built in the Web Worker',
      },
    ];
  } finally {
    await page.context().close();
  }
}

/** The export suite. */
export const exportSuite: BenchSuite = {
  name: 'export',
  async run(context) {
    const plan = Plan.parse(largePlan());
    return [...(await nodeMetrics(plan)), ...(await browserMetrics(context, plan))];
  },
};
