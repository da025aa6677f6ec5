/**
 * Learner progress (issue 14) as a program manager uses it, by role and
 * label: import an LMS activity export with bad rows (listed with their
 * reasons, left out), see the counts, re-import a newer export (learners
 * updated and added, a second dated snapshot), mark a top learner by
 * keyboard, find learners by search and filter, check that no imported
 * e-mail or name reaches the plan file, Word or Excel, and delete a
 * cohort's learners and then the roster, each after one confirmation.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';
import { exportEveryFormat, expectNoneIn } from './personal-data';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const scratch = mkdtempSync(join(tmpdir(), 'upskill-roster-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const HEAD =
  'Learner ID,Email,Name,Segment,Cohort,Enrolled,Learning hours,Last activity,Courses enrolled,Courses completed,Completed,Job outcome';
/** November export: 5 good learners, a bad e-mail, an unreadable date, negative hours. */
const FIRST = [
  HEAD,
  'E1,ana.silva@example.org,Ana Silva,NEET,Pilot 2026,2026-09-01,12,2026-11-18,2,1,,',
  'E2,ben.okoro@example.org,Ben Okoro,Graduates,Pilot 2026,2026-09-02,30,2026-11-19,3,3,2026-11-10,Hired',
  'E3,cara.diaz@example.org,Cara Diaz,Parents,Pilot 2026,2026-09-03,2,2026-09-20,1,0,,',
  'E4,dan.fox@example.org,Dan Fox,NEET,Pilot 2026,,0,,0,0,,',
  'E5,eli.moss@example.org,Eli Moss,Underemployed,Pilot 2026,2026-10-01,8,2026-11-01,1,0,,',
  'E6,not-an-email,Fay Bad,NEET,Pilot 2026,2026-09-01,1,2026-11-01,1,0,,',
  'E7,gus.lee@example.org,Gus Lee,NEET,Pilot 2026,someday,1,2026-11-01,1,0,,',
  'E8,hal.ng@example.org,Hal Ng,NEET,Pilot 2026,2026-09-01,-4,2026-11-01,1,0,,',
];
/** A week later: Cara picks up again and completes, Dan enrols, a new learner Ivy joins. */
const SECOND = [
  HEAD,
  'E1,ana.silva@example.org,Ana Silva,NEET,Pilot 2026,2026-09-01,15,2026-11-27,2,1,,',
  'E2,ben.okoro@example.org,Ben Okoro,Graduates,Pilot 2026,2026-09-02,30,2026-11-19,3,3,2026-11-10,Hired',
  'E3,CARA.DIAZ@example.org,Cara Diaz,Parents,Pilot 2026,2026-09-03,9,2026-11-26,1,1,2026-11-26,',
  'E4,dan.fox@example.org,Dan Fox,NEET,Pilot 2026,2026-11-20,1,2026-11-21,1,0,,',
  'E5,eli.moss@example.org,Eli Moss,Underemployed,Pilot 2026,2026-10-01,8,2026-11-01,1,0,,',
  'E9,ivy.park@example.org,Ivy Park,Graduates,Pilot 2026,2026-11-22,3,2026-11-25,1,0,,',
];
const PEOPLE = [
  'ana.silva@example.org',
  'ben.okoro@example.org',
  'cara.diaz@example.org',
  'ivy.park@example.org',
  'Ana Silva',
  'Okoro',
  'Ivy Park',
];

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const waiting = page.waitForEvent('download', { timeout: 60_000 });
  await click();
  const d = await waiting;
  const file = join(scratch, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

async function chooseFile(page: Page, dialog: Locator, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
  await (await chooser).setFiles(path);
}

/** Imports `lines` as an export of `date` through the Import dialog; returns the dialog for checks first. */
async function openImport(page: Page, name: string, lines: string[], date: string) {
  await page.getByRole('button', { name: 'Import learner progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import learner progress' });
  await dialog.waitFor();
  const file = join(scratch, name);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  await chooseFile(page, dialog, file);
  await dialog.getByTestId('import-summary').waitFor();
  await dialog.getByLabel('Date of the export (the snapshot’s date)').fill(date);
  return dialog;
}

const serious = async (page: Page) =>
  (await new AxeBuilder(page).analyze())
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('learner progress', () => {
  it('imports a roster with bad rows, re-imports a newer export, keeps the snapshots and keeps people out of exports', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: `Open ${SAMPLE}`, exact: true }).click();
    await page.getByRole('link', { name: /^Learner progress/ }).click();
    await page.getByRole('heading', { name: 'Learner progress', level: 1 }).waitFor();
    await page
      .getByText('Kept only on this computer, never in plan files or exports.', { exact: true })
      .waitFor();
    // Start from an empty roster (the sample may bring one): deleting asks once.
    const del = page.getByRole('button', { name: 'Delete roster…' });
    await page
      .getByText(/^(No roster yet|\d[\d,]* learners? )/)
      .first()
      .waitFor();
    if (await del.count()) {
      await del.click();
      const confirm = page.getByRole('alertdialog', { name: 'Delete the learner roster?' });
      await confirm.getByText(/cannot be undone/).waitFor();
      await confirm.getByRole('button', { name: 'Delete roster' }).click();
      await page.getByText('No roster yet: import an export of your learning platform.').waitFor();
    }
    const snapshotsBefore = await page
      .getByRole('table', { name: 'Progress over time' })
      .locator('tbody tr')
      .count();

    // The first export: bad rows are listed with their reasons and left out.
    let dialog = await openImport(page, 'lms-2026-11-20.csv', FIRST, '2026-11-20');
    const summary = dialog.getByTestId('import-summary');
    await expect
      .poll(() => summary.textContent())
      .toBe('5 rows ready to import · 3 rows will not be imported');
    await expect.poll(() => dialog.textContent()).toContain('personal data');
    await expect
      .poll(() => dialog.textContent())
      .toContain('Undo removes the import’s dated counts');
    const problems = dialog.getByRole('table', { name: 'Rows that will not be imported' });
    await expect
      .poll(() => problems.locator('tbody tr').allTextContents())
      .toEqual([
        expect.stringContaining('“not-an-email” is not a valid e-mail address.'),
        expect.stringContaining('“someday” in Enrolled on is not a date.'),
        expect.stringContaining('Learning hours cannot be negative (-4).'),
      ]);
    // Segment values matched to the plan's (suggested, or chosen by hand).
    expect(await dialog.getByLabel('Segment for “NEET”').inputValue()).toBe('seg-neet');
    await dialog.getByLabel('Segment for “Graduates”').selectOption('seg-graduates');
    await dialog.getByLabel('Segment for “Parents”').selectOption('seg-parents');
    await dialog.getByLabel('Segment for “Underemployed”').selectOption('seg-underemployed');
    expect(await dialog.getByLabel('Cohort for “Pilot 2026”').inputValue()).toBe(
      'cohort-pilot-2026',
    );
    const failed = readFileSync(
      await download(page, () =>
        dialog
          .getByRole('button', { name: 'Download rows that will not be imported (CSV)' })
          .click(),
      ),
      'utf8',
    );
    expect(failed).toContain('Row 7: “not-an-email” is not a valid e-mail address.');
    await screenshot(page, 'manage-roster-import-1280');
    await dialog.getByRole('button', { name: 'Import 5 learners' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('5 learners from “lms-2026-11-20.csv”, as of 20 November 2026.').waitFor();
    const counts = page.getByRole('heading', { name: 'Progress as of 20 November 2026' });
    await counts.waitFor();
    const figure = (label: string) =>
      page
        .locator('.roster-counts div')
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator('dd');
    await expect.poll(() => figure('Learners').textContent()).toBe('5');
    await expect.poll(() => figure('Enrolled').textContent()).toBe('4');
    // Active: enrolled with activity from 22 October (30 days up to 20 November): Ana, Ben, Eli.
    await expect.poll(() => figure('Active (last 30 days)').textContent()).toBe('3');
    await expect.poll(() => figure('Completed').textContent()).toBe('1');
    const bySegment = page.getByRole('table', { name: 'By segment' });
    await expect
      .poll(() =>
        bySegment
          .getByRole('row', { name: /^NEET young people/ })
          .locator('td')
          .first()
          .textContent(),
      )
      .toBe('2');

    // A newer export: learners updated (matched by id; e-mail case ignored), one added, a second snapshot.
    dialog = await openImport(page, 'lms-2026-11-27.csv', SECOND, '2026-11-27');
    await expect.poll(() => summary.textContent()).toBe('6 rows ready to import');
    await expect.poll(() => dialog.textContent()).toContain('The roster has 5 learners');
    // Dan and Ivy enrolled after the pilot ended: not put in it silently — the value step
    // says so, and here they are put in it on purpose.
    const outside = dialog.getByRole('group', { name: 'Learners outside their cohort’s dates' });
    await expect
      .poll(() => outside.textContent())
      .toMatch(
        /^2 learners matched to “Pilot 2026” \(which starts .* and ends .*\) enrolled long before it starts or after it ends\. They are imported without a cohort/,
      );
    await outside.getByRole('checkbox', { name: 'Put them in the matched cohort anyway' }).check();
    await expect.poll(() => outside.textContent()).toContain('They are put in it anyway.');
    await outside.scrollIntoViewIfNeeded();
    await screenshot(page, 'manage-roster-cohort-dates-1280');
    await dialog.getByLabel('Segment for “Graduates”').selectOption('seg-graduates');
    await dialog.getByLabel('Segment for “Parents”').selectOption('seg-parents');
    await dialog.getByLabel('Segment for “Underemployed”').selectOption('seg-underemployed');
    await dialog.getByRole('button', { name: 'Import 6 learners' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('6 learners from “lms-2026-11-27.csv”, as of 27 November 2026.').waitFor();
    await expect.poll(() => figure('Learners').textContent()).toBe('6');
    await expect.poll(() => figure('Completed').textContent()).toBe('2');
    const history = page.getByRole('table', { name: 'Progress over time' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(snapshotsBefore + 2);
    await expect
      .poll(() => history.locator('tbody tr').first().locator('th').textContent())
      .toBe('27 November 2026');
    expect(await history.locator('tbody tr').nth(1).locator('th').textContent()).toBe(
      '20 November 2026',
    );
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'manage-roster-1920');
    expect(await serious(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Find a learner, and mark her as a top learner by keyboard.
    await page.getByLabel('Search learners').fill('cara');
    const list = page.getByRole('region', { name: 'Learners' });
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    const star = list.getByRole('button', { name: 'Top learner: Cara Diaz' });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('Search learners').fill('');
    await page.getByLabel('Status').selectOption('top');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Status').selectOption('completed');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Status').selectOption('all');
    await screenshot(page, 'manage-roster-list-1280');

    // Personal data: no imported e-mail or name in the plan file, Word or Excel.
    const files = await exportEveryFormat(page, (click) => download(page, click));
    expectNoneIn(files, PEOPLE);
    // …while the Excel workbook carries the aggregates.
    expect(files.find((f) => f.format === 'Excel')!.text.includes('Learner progress')).toBe(true);

    // Delete one cohort's learners, then (nothing left) the roster is gone; the plan's counts stay.
    await page.getByLabel('Cohort to delete').selectOption({ label: 'Pilot 2026 (6)' });
    await page.getByRole('button', { name: 'Delete this cohort’s learners…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete the learners of Pilot 2026?' });
    await confirm.getByRole('button', { name: 'Keep them' }).click();
    await expect.poll(() => figure('Learners').textContent()).toBe('6');
    await page.getByRole('button', { name: 'Delete this cohort’s learners…' }).click();
    await confirm.getByRole('button', { name: 'Delete these learners' }).click();
    await page.getByText('No roster yet: import an export of your learning platform.').waitFor();
    expect(await history.locator('tbody tr').count()).toBe(snapshotsBefore + 2);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
