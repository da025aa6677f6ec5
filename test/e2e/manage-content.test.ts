/**
 * Content in use and Skills-first KPIs (issue 14), in the browser. A
 * synthetic roster (obviously fake learners) is stored for the sample plan
 * in the local database the way the roster API stores it (chunks of
 * encodeLearners / encodeCourseRows text), then: the items' use is shown
 * per item and per segment; the pathway items unused for 90 days are the
 * ones the shared logic finds, and retiring them from the pathways is one
 * step that one Undo puts back. Skills-first: a person added to the skills
 * map is found by their skill whatever their role, self-reported and then
 * assessed, and given a role.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentUse, unusedOnPathways } from '../../shared/manage/content-use';
import { encodeCourseRows, encodeLearners } from '../../shared/manage/roster';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { readPlanFile } from '../../shared/plan/plan-file';
import { localToday } from '../../shared/stakeholders/schedule';
import { longDate } from '../../shared/long-date';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const EXAM_PREP = 'cat-exam-prep';

const sample = (() => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

const scratch = mkdtempSync(join(tmpdir(), 'upskill-content-use-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Serious or critical accessibility violations on the page. */
async function serious(page: Page) {
  return (await new AxeBuilder(page).analyze())
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Stores a roster for a plan as renderer/src/db/roster.ts storeRosterChunks does. */
async function seedRoster(
  page: Page,
  planId: string,
  learners: string,
  rows: string,
  counts: [number, number],
) {
  await page.evaluate(
    async ({ planId, learners, rows, counts }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('upskill-workbench');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['rosterChunks', 'rosterCourseChunks', 'rosters'], 'readwrite');
        tx.objectStore('rosterChunks').put({ planId, n: 0, count: counts[0], learners });
        tx.objectStore('rosterCourseChunks').put({ planId, n: 0, count: counts[1], rows });
        tx.objectStore('rosters').put({
          planId,
          count: counts[0],
          courseRows: counts[1],
          fileName: 'synthetic-roster.csv',
          importedAt: new Date().toISOString(),
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { planId, learners, rows, counts },
  );
}

function planIdOf(page: Page): string {
  const m = /#\/plan\/([^/]+)\//.exec(page.url());
  if (!m) throw new Error(`No plan in ${page.url()}`);
  return decodeURIComponent(m[1]!);
}

describe('Content in use', () => {
  it('shows item use from the roster, and retires unused items from pathways in one undoable step', async () => {
    const today = localToday();
    const roster = syntheticRoster(sample, { learners: 400, seed: 5, asOf: today });
    // Nobody opened the exam preparation: a pathway item never used.
    const rows = roster.courseRows.filter((r) => r.itemId !== EXAM_PREP);
    const use = contentUse(sample, roster.learners, rows, today);
    const unused = unusedOnPathways(use, 90);
    expect(unused.map((u) => u.itemId)).toContain(EXAM_PREP);
    const examTitle = sample.content.catalog.find((c) => c.id === EXAM_PREP)!.title;

    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: `Open ${SAMPLE}`, exact: true }).click();
    await page.getByRole('link', { name: /^Content in use/ }).click();
    await page.getByRole('heading', { name: 'Content in use', level: 1 }).waitFor();
    await seedRoster(
      page,
      planIdOf(page),
      encodeLearners(roster.learners),
      encodeCourseRows(rows),
      [roster.learners.length, rows.length],
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Content in use', level: 1 }).waitFor();

    // Counts per item, with the thresholds stated: only learners with course rows count
    // (the synthetic roster has some without), and the page says how many have none.
    expect(use.learnersWithoutRows).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText(new RegExp(`^${use.learners} learners,`)).textContent())
      .toContain(`${rows.length.toLocaleString('en-GB')} course rows`);
    await expect
      .poll(() => page.getByTestId('cu-without-rows').textContent())
      .toMatch(
        new RegExp(`^${use.learnersWithoutRows} learners of the roster have no per-course rows`),
      );
    await page.getByText(/^Reach is the share of the learners/).waitFor();
    const table = page.getByRole('table', { name: 'Use of each catalog item' });
    const examRow = table.getByRole('row', { name: new RegExp(`^${examTitle}`) });
    await expect.poll(() => examRow.getByRole('cell').first().textContent()).toBe('Never opened');
    const top = [...use.items].sort((a, b) => b.opened - a.opened)[0]!;
    const topRow = table.getByRole('row', {
      name: new RegExp(`^${top.title.replace(/[()]/g, '.')}`),
    });
    expect(await topRow.getByRole('cell').nth(2).textContent()).toBe(
      `${top.opened.toLocaleString('en-GB')} / ${top.offered.toLocaleString('en-GB')}`,
    );
    // Only never-opened items, then one segment's learners.
    await page.getByLabel('Show', { exact: true }).selectOption('neverOpened');
    await expect.poll(() => table.getByRole('row').count()).toBe(use.levels.neverOpened + 1);
    await page.getByLabel('Show', { exact: true }).selectOption('all');
    const segment = sample.learners[0]!;
    await page.getByLabel('Learners', { exact: true }).selectOption(`seg:${segment.id}`);
    const segIndex = use.segmentKeys.indexOf(segment.id);
    const topInSegment = top.bySegment[segIndex]!;
    await expect
      .poll(() => topRow.getByRole('cell').nth(2).textContent())
      .toBe(
        `${topInSegment.opened.toLocaleString('en-GB')} / ${topInSegment.offered.toLocaleString('en-GB')}`,
      );
    await page.getByLabel('Learners', { exact: true }).selectOption('all');
    await screenshot(page, 'manage-content-1280');
    expect(await serious(page)).toEqual([]);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'manage-content-1920');
    await page.setViewportSize({ width: 1280, height: 720 });

    // Retire the items unused for 90 days: the list is the shared logic's.
    const list = page.getByRole('list', { name: 'Items unused for 90 days' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(unused.length);
    const steps = sample.content.pathways.reduce(
      (n, p) => n + p.steps.filter((s) => unused.some((u) => u.itemId === s.contentItemId)).length,
      0,
    );
    const retire = page.getByRole('button', {
      name: `Retire ${unused.length === 1 ? '1 item' : `${unused.length} items`} from pathways`,
    });
    await retire.click();
    await page.getByText('Every item on a pathway was used in the last 90 days.').waitFor();
    await page
      .getByText(
        new RegExp(
          `^Retired .* from the pathways \\(${steps} steps?\\); the catalog keeps them\\.`,
        ),
      )
      .waitFor();
    await waitUntilSaved(page);
    // The catalog still has the item; its use is still counted.
    await examRow.waitFor();

    await page.getByRole('heading', { name: 'Content audit', level: 2 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'manage-content-audit-1280');

    // The audit: recording a review of an in-house module dates it and schedules the next a year on.
    const lab = sample.content.catalog.find((c) => c.id === 'cat-hardware-lab')!;
    const labRegion = page.getByRole('region', { name: lab.title, exact: true });
    await labRegion
      .getByRole('button', { name: `Record a review today of “${lab.title}”` })
      .click();
    await labRegion.getByText(`Last reviewed ${longDate(today)}.`, { exact: false }).waitFor();
    expect(await labRegion.getByText('Scheduled', { exact: true }).count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => labRegion.getByText(`Last reviewed ${longDate(today)}.`).count())
      .toBe(0);

    // One Undo puts every step back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(unused.length);
    // The Excel export counts item use from the roster in memory: counts per item, no learner.
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export plan' });
    await dialog.getByRole('radio', { name: /Excel workbook/ }).check();
    await dialog.getByRole('button', { name: 'Select none' }).click();
    await dialog.getByRole('checkbox', { name: 'Content in use', exact: true }).check();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Export Excel workbook' }).click();
    const file = join(scratch, (await download).suggestedFilename());
    await (await download).saveAs(file);
    await dialog.waitFor({ state: 'detached' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Content in use')!;
    expect(sheet.actualRowCount).toBe(1 + sample.content.catalog.length);
    const topCells = sheet.getColumn(1).values.indexOf(top.itemId);
    expect(sheet.getRow(topCells).getCell(6).value).toBe(top.opened);
    const bytes = readFileSync(file);
    const all = Object.values(unzipSync(bytes))
      .map((d) => strFromU8(d))
      .join('\n');
    for (const l of roster.learners.slice(0, 40)) expect(all).not.toContain(l.email);

    await page.getByRole('link', { name: /^Pathways & skills/ }).click();
    await page.getByRole('heading', { name: 'Pathways & skills', level: 1 }).waitFor();
    await page.getByText(examTitle).first().waitFor();

    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('Skills-first KPIs', () => {
  it('finds the people who hold a skill whatever their role, self-reported and then assessed', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: `Open ${SAMPLE}`, exact: true }).click();
    // A person in the skills map (edited in Pathways & skills), with a self-reported level.
    await page.getByRole('link', { name: /^Pathways & skills/ }).click();
    await page.getByRole('button', { name: 'Add person' }).click();
    const holders = sample.skillsMap.holders.length;
    const name = page.getByLabel(`Name of person ${holders + 1}`, { exact: true });
    await name.fill('Dee Example');
    await name.blur();
    await page
      .getByLabel('Current Troubleshooting for Dee Example', { exact: true })
      .selectOption('4');

    await page.getByRole('link', { name: /^Skills-first KPIs/ }).click();
    await page.getByRole('heading', { name: 'Skills-first KPIs', level: 1 }).waitFor();
    await screenshot(page, 'manage-skills-first-top-1280');
    await page.getByLabel('Skill', { exact: true }).selectOption({ label: 'Troubleshooting' });
    await page.getByLabel('At least level', { exact: true }).selectOption('3');
    const found = page.getByRole('table', {
      name: 'People with Troubleshooting at level 3 or above',
    });
    const dee = found.getByRole('row', { name: /^Dee Example/ });
    await expect
      .poll(() => dee.getByRole('cell').allTextContents())
      .toEqual(['No role', '4', 'Self-reported', '—']);
    // Assessed levels only: a self-reported level is left out.
    await page.getByLabel('Assessed levels only').check();
    await page.getByText('Nobody holds Troubleshooting at level 3 or above (assessed).').waitFor();
    await page.getByLabel('Assessed levels only').uncheck();

    // A dated assessment replaces the level (the old one goes into the history) …
    await page.getByLabel('Person or role', { exact: true }).selectOption({ label: 'Dee Example' });
    await page
      .getByLabel('Skill assessed', { exact: true })
      .selectOption({ label: 'Troubleshooting' });
    await page.getByLabel('Level', { exact: true }).selectOption('5');
    await page.getByLabel('How it was found', { exact: true }).selectOption('assessed');
    await page.getByRole('button', { name: 'Record assessment' }).click();
    await expect.poll(() => dee.getByRole('cell').nth(2).textContent()).toBe('Assessed');
    expect(await dee.getByRole('cell').nth(1).textContent()).toBe('5');
    // … and the person is given a role: found whatever it is, now shown with it.
    const role = sample.skillsMap.holders.find((h) => h.kind === 'role')!;
    await page.getByLabel('Role of Dee Example', { exact: true }).selectOption(role.id);
    await expect.poll(() => dee.getByRole('cell').first().textContent()).toBe(role.name);
    await waitUntilSaved(page);
    await screenshot(page, 'manage-skills-first-1280');
    expect(await serious(page)).toEqual([]);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'manage-skills-first-1920');

    // A critical capability's role with nobody at its level is in Plan health, which leads here.
    await page.getByRole('link', { name: /^Plan health/ }).click();
    await page
      .getByRole('button', { name: /^Nobody in the role/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Skills-first KPIs', level: 1 }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-sf-focus')))
      .toBeTruthy();

    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
