/**
 * Catalog import and make-or-buy scoring (issue 4 of 5). Both are pure
 * functions in shared/, so they are timed in Node: the XLSX is generated in
 * memory with exceljs, then read (zip checks + exceljs) and validated exactly
 * as the app's import worker does.
 *
 * The stakeholder list import (issue 11) is timed in the built browser app,
 * as a user does it: a 1,000-row workbook chosen in the register's Import
 * dialog, the guessed mapping confirmed, the entries shown in the register.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { guessMapping, previewImport } from '../../../shared/content/catalog-import';
import { readCatalogFile } from '../../../shared/content/import-file';
import { scoreDecision, type ScoringInput } from '../../../shared/content/makeorbuy';
import { newBenchPage, probeLog, waitQuiet } from '../app';
import {
  atMost,
  attempt,
  measured,
  median,
  reasonOf,
  round1,
  type BenchSuite,
  type Metric,
  type MetricSpec,
} from '../metrics';

const SAMPLE_ID = 'sample-youth-digital-skills';
const STAKEHOLDER_ROWS = 1000;
/** Each step of the stakeholder import may take this long before the suite gives up. */
const STEP_TIMEOUT_MS = 120_000;
const STAKEHOLDER_IMPORT: MetricSpec = {
  name: 'stakeholders.import_ms.rows1000',
  unit: 'ms',
  limit: 1000,
};

/**
 * A consultant's stakeholder list of `rows` rows: names, organisations, a
 * Type column in their words, High/Medium/Low power, interest on a 1–5
 * scale, a stance, an owner and notes (every value one the import knows).
 */
async function stakeholderWorkbook(rows: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Stakeholders');
  ws.addRow([
    'Name',
    'Organisation',
    'Role',
    'Type',
    'Power',
    'Interest',
    'Stance',
    'Owner',
    'Notes',
  ]);
  const types = ['Funder', 'Employer', 'Government', 'Outreach partner', 'Training provider'];
  const levels = ['High', 'Medium', 'Low'];
  const stances = ['Supportive', 'Neutral', 'Champion', 'Unaware', 'Opposed'];
  for (let i = 0; i < rows; i++)
    ws.addRow([
      `Bench contact ${String(i).padStart(4, '0')}`,
      `Bench organisation ${i % 120}`,
      'Head of partnerships',
      types[i % types.length],
      levels[i % levels.length],
      (i % 5) + 1,
      stances[i % stances.length],
      `Owner ${i % 8}`,
      'Met at the regional skills forum; wants quarterly updates.',
    ]);
  const file = join(mkdtempSync(join(tmpdir(), 'upskill-bench-stakeholders-')), 'list.xlsx');
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

/** Runs one step of a measurement, naming it in any error. */
async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`${label}: ${reasonOf(error)}`);
  }
}

/** Entries the register says it holds ("Showing 22 of 22."). */
async function registerTotal(page: Page): Promise<number> {
  const text = await page
    .getByRole('status')
    .filter({ hasText: /^Showing [\d,]+ of [\d,]+/ })
    .textContent();
  return Number(/of ([\d,]+)/.exec(text ?? '')![1]!.replace(/,/g, ''));
}

/**
 * Imports the list through the register's dialog: page time from the file
 * input's change to the first frame with the confirm button enabled, plus
 * from the click on it to the first frame in which the dialog is gone and
 * the register counts the new entries (the time the user waits; the pause
 * before clicking is theirs). Also when the plan said "All changes saved".
 */
async function importStakeholderList(page: Page, file: string) {
  const before = await registerTotal(page);
  await page.getByRole('button', { name: 'Import stakeholder list…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import stakeholder list' });
  await dialog.waitFor();
  await waitQuiet(page, 1000);
  await step('choosing the file', async () => {
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
    await (await chooser).setFiles(file);
  });
  const label = `Import ${STAKEHOLDER_ROWS.toLocaleString('en-GB')} stakeholders`;
  const ready = await step('waiting for the preview', async () => {
    const handle = await page.waitForFunction(
      (label) =>
        [...document.querySelectorAll('[role="dialog"] button, dialog button')].some(
          (b) => b.textContent?.trim() === label && !(b as HTMLButtonElement).disabled,
        ) && performance.now(),
      label,
      { polling: 'raf', timeout: STEP_TIMEOUT_MS },
    );
    return (await handle.jsonValue()) as number;
  });
  const chosen = (await probeLog(page)).fileChanges.at(-1);
  if (chosen === undefined) throw new Error('The file input never changed.');
  await step('confirming', () => dialog.getByRole('button', { name: label }).click());
  const clicked = (await probeLog(page)).clicks.at(-1)!.at;
  const total = before + STAKEHOLDER_ROWS;
  const shown = await step('waiting for the register', async () => {
    const handle = await page.waitForFunction(
      (total) =>
        !document.querySelector('dialog[open], [role="dialog"]') &&
        [...document.querySelectorAll('[role="status"]')].some((el) =>
          new RegExp(`^Showing [\\d,]+ of (${total}|${total.toLocaleString('en-GB')})\\.`).test(
            el.textContent ?? '',
          ),
        ) &&
        performance.now(),
      total,
      { polling: 'raf', timeout: STEP_TIMEOUT_MS },
    );
    return (await handle.jsonValue()) as number;
  });
  const saved = await step('waiting for the save', async () => {
    const handle = await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[role="status"]')].some(
          (el) => el.textContent?.trim() === 'All changes saved',
        ) && performance.now(),
      undefined,
      { polling: 'raf', timeout: STEP_TIMEOUT_MS },
    );
    return (await handle.jsonValue()) as number;
  });
  return { read: ready - chosen, apply: shown - clicked, saved: saved - clicked, total };
}

/** stakeholders.import_ms.rows1000, in the built app. */
async function stakeholderImport(
  browser: Parameters<BenchSuite['run']>[0]['browser'],
  url: string,
): Promise<Metric[]> {
  return attempt([STAKEHOLDER_IMPORT], async () => {
    const file = await stakeholderWorkbook(STAKEHOLDER_ROWS);
    const sizeKB = statSync(file).size / 1024;
    const { context, page } = await newBenchPage(browser, {
      viewport: { width: 1280, height: 720 },
    });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    try {
      await page.goto(`${url}#/plan/${SAMPLE_ID}/stakeholders`);
      await page.getByRole('heading', { level: 1, name: 'Stakeholders & partners' }).waitFor();
      await page.getByRole('tab', { name: 'Register' }).click();
      const result = await importStakeholderList(page, file);
      return [
        measured(
          STAKEHOLDER_IMPORT,
          result.read + result.apply,
          `${STAKEHOLDER_ROWS.toLocaleString('en-GB')} rows, ${sizeKB.toFixed(0)} KB XLSX into the sample plan's register through the Import dialog: file chosen → Import button enabled ${round1(result.read)} ms + Import clicked → register shows ${result.total.toLocaleString('en-GB')} entries ${round1(result.apply)} ms ("All changes saved" ${round1(result.saved)} ms after the click; one run)`,
        ),
      ];
    } finally {
      await context.close();
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });
}

async function catalogWorkbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Catalog');
  ws.addRow(['Title', 'Provider', 'Kind', 'Skills', 'Level', 'Hours', 'Languages', 'Cost', 'URL']);
  const kinds = ['Course', 'Professional certificate', 'Guided project', 'Clip', 'Skill set'];
  const levels = ['Beginner', 'Intermediate', 'Advanced'];
  for (let i = 0; i < rows; i++)
    ws.addRow([
      `Course ${i}: Applied digital skills module`,
      `Provider ${i % 40}`,
      kinds[i % kinds.length],
      'SQL; Data cleaning; Spreadsheets',
      levels[i % levels.length],
      (i % 60) + 0.5,
      'English; Spanish',
      i % 7 === 0 ? 'EUR 95' : 0,
      `https://example.org/catalog/${i}`,
    ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function decision(criteria: number, raters: number): ScoringInput {
  const cs = Array.from({ length: criteria }, (_, i) => ({
    id: `c${i}`,
    label: `Criterion ${i}`,
    favours: i % 2 ? ('make' as const) : ('buy' as const),
    weight: 1 + ((i * 7) % 20),
  }));
  const rs = Array.from({ length: raters }, (_, r) => ({ id: `r${r}`, name: `Rater ${r}` }));
  const ratings = Object.fromEntries(
    rs.map((r, ri) => [r.id, Object.fromEntries(cs.map((c, i) => [c.id, ((i * 3 + ri) % 5) + 1]))]),
  );
  return { criteria: cs, raters: rs, ratings, includeHybrid: true };
}

/** catalog.import_ms.rows10000, makebuy.score_ms and stakeholders.import_ms.rows1000. */
export const contentSuite: BenchSuite = {
  name: 'content',
  metrics: [
    { name: 'catalog.import_ms.rows10000', unit: 'ms', limit: 2000 },
    { name: 'makebuy.score_ms', unit: 'ms', limit: 5 },
    STAKEHOLDER_IMPORT,
  ],
  async run({ browser, url }) {
    const bytes = await catalogWorkbook(10_000);
    const imports: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      const read = await readCatalogFile('catalog.xlsx', bytes);
      if (!read.ok) throw new Error(read.message);
      const preview = previewImport(read.table, guessMapping(read.table.headers));
      imports.push(performance.now() - start);
      if (preview.ready.length !== 10_000) throw new Error('The bench workbook did not import.');
    }

    const input = decision(50, 10);
    for (let i = 0; i < 20; i++) scoreDecision(input); // warm up the JIT
    const scores: number[] = [];
    for (let run = 0; run < 200; run++) {
      const start = performance.now();
      scoreDecision(input);
      scores.push(performance.now() - start);
    }

    return [
      atMost(
        'catalog.import_ms.rows10000',
        median(imports),
        2000,
        'ms',
        `XLSX ${(bytes.length / 1024).toFixed(0)} KB, zip checks + exceljs + validation, median of 5 (Node)`,
      ),
      {
        ...atMost(
          'makebuy.score_ms',
          median(scores),
          5,
          'ms',
          '50 criteria × 10 raters, incl. sensitivity, median of 200 (Node)',
        ),
        value: Math.round(median(scores) * 1000) / 1000,
      },
      ...(await stakeholderImport(browser, url)),
    ];
  },
};
