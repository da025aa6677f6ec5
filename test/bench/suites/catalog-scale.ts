/**
 * The content catalog at 50,000 items (issue 9), in the built browser app:
 * a 50,000-row XLSX imported through the Import dialog as a user does it
 * (file chooser, the guessed column mapping, confirm), and then searching
 * the resulting catalog keystroke by keystroke.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { KIND_LABELS } from '../../../shared/content/catalog';
import { LEVEL_LABELS } from '../../../shared/content/pathways';
import { largeCatalog, samplePlan } from '../../helpers/large-plan';
import { newBenchPage, probeLog, waitQuiet, type ProbeLog } from '../app';
import { startTrace, stopTrace } from '../trace';
import {
  attempt,
  measured,
  median,
  notMeasured,
  percentile,
  reasonOf,
  round1,
  type BenchSuite,
  type Metric,
  type MetricSpec,
} from '../metrics';

const SAMPLE_ID = 'sample-youth-digital-skills';
const ROWS = 50_000;
/** Each step of the import (read + check, then apply + save) may take this long. */
const STEP_TIMEOUT_MS = 300_000;
/** A search keystroke may take this long to update the list. */
const KEY_TIMEOUT_MS = 120_000;
/**
 * The list counts as updated once nothing in the results (outside the
 * search controls) has changed for this long after a change.
 */
const SETTLED_MS = 1000;
/**
 * Keystrokes in the search field: the digits of course codes, each
 * narrowing the results (every title carries a unique five-digit code), then
 * Backspaces widening them back to the whole catalog — so every key changes
 * the list. 20 keys: "4217", "3096" and "58", each typed then erased.
 */
const QUERIES = ['4217', '3096', '58'];
const KEYS = QUERIES.flatMap((q) => [...q, ...[...q].map(() => 'Backspace')]);

const SPECS = {
  importMs: { name: 'catalog.import_ms.rows50000', unit: 'ms', limit: 4000 },
  longest: { name: 'catalog.import_longest_task_ms.rows50000', unit: 'ms', limit: 50 },
  search: { name: 'catalog.search_ms.n50000', unit: 'ms', limit: 100 },
} as const satisfies Record<string, MetricSpec>;

/**
 * A provider's course list of `rows` rows as a planner would receive it:
 * editions of the sample catalog, each title ending in a unique course code.
 */
export async function catalogWorkbook(rows: number): Promise<string> {
  const sampleCount = samplePlan().content.catalog.length;
  const items = largeCatalog(sampleCount + rows).slice(sampleCount);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Courses');
  ws.addRow([
    'Title',
    'Provider',
    'Kind',
    'Skills',
    'Level',
    'Hours',
    'Languages',
    'Cost',
    'URL',
    'Notes',
  ]);
  items.forEach((item, i) =>
    ws.addRow([
      `${item.title} (LV-${String(i).padStart(5, '0')})`,
      item.provider,
      KIND_LABELS[item.kind],
      item.skills.join('; '),
      LEVEL_LABELS[item.level],
      item.hours,
      item.languages.join('; '),
      item.costPerLearner,
      item.url,
      item.notes,
    ]),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'upskill-bench-catalog-')), `catalog-${rows}.xlsx`);
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

/** Page time of the first animation frame in which the Import dialog's confirm button is enabled. */
async function previewReady(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () =>
      [...document.querySelectorAll('dialog button, [role="dialog"] button')].some(
        (b) =>
          /^Import [\d,]+ items?$/.test(b.textContent?.trim() ?? '') &&
          !(b as HTMLButtonElement).disabled,
      ) && performance.now(),
    undefined,
    { polling: 'raf', timeout: STEP_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Page time of the first animation frame in which the dialog is gone, a
 * heading or status shows the new item count (the catalog lists the rows)
 * and the plan says "All changes saved".
 */
async function importShown(page: Page, total: number): Promise<number> {
  const handle = await page.waitForFunction(
    (total) => {
      const counts = [String(total), total.toLocaleString('en-GB'), total.toLocaleString('en-US')];
      const texts = [...document.querySelectorAll('h1, h2, h3, [role="status"]')].map(
        (el) => el.textContent ?? '',
      );
      return (
        !document.querySelector('dialog[open], [role="dialog"]') &&
        texts.some((t) => counts.some((c) => t.includes(c))) &&
        texts.some((t) => t.trim() === 'All changes saved') &&
        performance.now()
      );
    },
    total,
    { polling: 'raf', timeout: STEP_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

interface ImportResult {
  ms: number;
  read: number;
  apply: number;
  longest: number;
  longTasks: number;
  total: number;
}

/** Runs one step of a measurement, naming it in any error. */
async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`${label}: ${reasonOf(error)}`);
  }
}

async function importRows(browser: Browser, page: Page, file: string): Promise<ImportResult> {
  // The plan is a fresh copy of the sample, so it holds the sample's items.
  const before = samplePlan().content.catalog.length;
  await page.getByRole('button', { name: 'Import from spreadsheet…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import catalog items' });
  await dialog.waitFor();
  await waitQuiet(page, 1000);
  await step('choosing the file', async () => {
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
    await (await chooser).setFiles(file);
  });
  const ready = await step('waiting for the preview', () => previewReady(page));
  const chosen = (await probeLog(page)).fileChanges.at(-1);
  if (chosen === undefined) throw new Error('The file input never changed.');
  // The guessed mapping is what a user confirms for a sheet with these headings.
  const confirm = dialog.getByRole('button', { name: /^Import [\d,]+ items?$/ });
  const count = Number((await confirm.textContent())!.replace(/\D/g, ''));
  if (count !== ROWS) throw new Error(`The preview offered ${count} of ${ROWS} rows.`);
  // BENCH_TRACE_DETAIL=1: say what ran in the longest task after the click.
  const detail = Boolean(process.env.BENCH_TRACE_DETAIL);
  if (detail) await startTrace(browser, page, ['tasks']);
  await step('confirming', () => confirm.click());
  const clicked = (await probeLog(page)).clicks.at(-1)!.at;
  const total = before + count;
  const done = await step('waiting for the catalog and the save', () => importShown(page, total));
  if (detail) {
    const trace = await stopTrace(browser, page);
    const after = trace.tasks
      .filter((t) => t.start + t.duration > clicked && t.start < done)
      .sort((a, b) => b.duration - a.duration);
    for (const task of after.slice(0, 3))
      console.log(
        `  task after the click ${round1(task.duration)} ms at +${round1(task.start - clicked)} ms:\n    ${trace.inside(task).slice(0, 8).join('\n    ')}`,
      );
  }
  const tasks = (await probeLog(page)).longTasks.filter(
    (t) => t.start + t.duration > chosen && t.start < done,
  );
  return {
    ms: ready - chosen + (done - clicked),
    read: ready - chosen,
    apply: done - clicked,
    longest: Math.max(0, ...tasks.map((t) => t.duration)),
    longTasks: tasks.length,
    total,
  };
}

/**
 * Presses `key` in the focused search field and resolves with the
 * milliseconds from its keydown timeStamp to the first frame painted after
 * the last change to the results (anything in the search field's section
 * outside the search controls: rows, the count), once they have been still
 * for SETTLED_MS. A MutationObserver sees the changes (childList and text,
 * which also costs the page a little while 50,000 rows are replaced).
 */
async function searchKey(page: Page, key: string): Promise<number> {
  await page.evaluate(
    ({ settled, timeout }) => {
      const w = window as unknown as {
        __bench: ProbeLog & { afterNextPaint: (done: (t: number) => void) => void };
        __search?: Promise<number>;
      };
      const b = w.__bench;
      const field = document.activeElement as HTMLElement;
      const controls = field.closest('[role="search"]') ?? field;
      const root = field.closest('section') ?? document.querySelector('main') ?? document.body;
      const keysBefore = b.keys.length;
      w.__search = new Promise<number>((resolve, reject) => {
        let last = -1;
        let painted = -1;
        const observer = new MutationObserver((records) => {
          if (records.some((r) => !controls.contains(r.target))) {
            const at = performance.now();
            last = at;
            b.afterNextPaint((t) => {
              if (last === at) painted = t;
            });
          }
        });
        observer.observe(root, { childList: true, characterData: true, subtree: true });
        const began = performance.now();
        const check = () => {
          const key = b.keys[keysBefore];
          const now = performance.now();
          if (key && painted > 0 && now - last >= settled) {
            observer.disconnect();
            resolve(painted - key.down);
          } else if (now - (key?.down ?? began) > timeout) {
            observer.disconnect();
            reject(new Error(`the results did not change within ${timeout} ms`));
          } else setTimeout(check, 50);
        };
        check();
      });
    },
    { settled: SETTLED_MS, timeout: KEY_TIMEOUT_MS },
  );
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __search: Promise<number> }).__search);
}

/** catalog.import_ms.rows50000, catalog.import_longest_task_ms.rows50000, catalog.search_ms.n50000. */
export const catalogScaleSuite: BenchSuite = {
  name: 'catalog-scale',
  metrics: Object.values(SPECS),
  async run({ browser, url }) {
    const file = await catalogWorkbook(ROWS);
    const sizeMB = statSync(file).size / 2 ** 20;
    const { context, page } = await newBenchPage(browser);
    // A frozen page delays every action; the steps' own timeouts decide failure.
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const metrics: Metric[] = [];
    try {
      await page.goto(`${url}#/plan/${SAMPLE_ID}/content`);
      await page.getByRole('heading', { level: 1, name: 'Content catalog' }).waitFor();

      let total = 0;
      let importError = '';
      try {
        const result = await importRows(browser, page, file);
        total = result.total;
        metrics.push(
          measured(
            SPECS.importMs,
            result.ms,
            `${ROWS.toLocaleString('en-GB')} rows, ${sizeMB.toFixed(1)} MB XLSX into the sample plan through the Import dialog: file chosen → Import button enabled ${round1(result.read)} ms + Import clicked → count shown and "All changes saved" ${round1(result.apply)} ms (one run)`,
          ),
          measured(
            SPECS.longest,
            result.longest,
            `longest main-thread task (Long Tasks API, so 0 = none ≥ 50 ms) from file chosen to saved; ${result.longTasks} long tasks`,
          ),
        );
      } catch (error) {
        importError = reasonOf(error);
        metrics.push(
          notMeasured(SPECS.importMs, importError),
          notMeasured(SPECS.longest, importError),
        );
      }

      if (importError) {
        metrics.push(notMeasured(SPECS.search, `needs the imported catalog: ${importError}`));
      } else {
        metrics.push(
          ...(await attempt([SPECS.search], async () => {
            await page.getByRole('searchbox', { name: 'Search' }).focus();
            await waitQuiet(page, 1000);
            const times: number[] = [];
            for (const key of KEYS) {
              times.push(await searchKey(page, key));
              await waitQuiet(page, 500);
            }
            return [
              measured(
                SPECS.search,
                percentile(times, 95),
                `${total.toLocaleString('en-GB')} items; keydown → first frame after the results stop changing; ${KEYS.length} keys (${QUERIES.map((q) => `"${q}"`).join(', ')} each typed then erased); p95 by nearest rank (median ${round1(median(times))} ms; each: ${times.map(round1).join(', ')})`,
              ),
            ];
          })),
        );
      }
      return metrics;
    } finally {
      await context.close();
      rmSync(dirname(file), { recursive: true, force: true });
    }
  },
};
