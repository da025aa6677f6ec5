/**
 * Catalog import of the files people really have (issue 11): a report title
 * line above the headings, a workbook with several sheets, a separator other
 * than the comma — read as meant, with the sheet and the heading row shown
 * and changeable, and nothing in the catalog changed until Import.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const cases = join(import.meta.dirname, '..', 'fixtures', 'cases', 'import');
const scratch = mkdtempSync(join(tmpdir(), 'upskill-catalog-import-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openImport(page: Page) {
  await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
  await page.getByRole('link', { name: 'Content catalog', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Content catalog' }).waitFor();
  await page.getByRole('button', { name: 'Import from spreadsheet…' }).click();
  return page.getByRole('dialog', { name: 'Import catalog items' });
}

async function chooseFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
  await (await chooser).setFiles(path);
}

describe('catalog import: which sheet, which row', () => {
  it('finds the headings below a report title line, says so, and lets the user choose another row', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    const dialog = await openImport(page);
    await chooseFile(page, join(cases, 'title-line-above-headings.csv'));
    // No Kind column: nothing is defaulted, the user says what every row is (issue 11).
    await dialog
      .getByText('Choose the column that holds the Kind, or the kind of every row.')
      .waitFor();
    await dialog.getByLabel('Kind of every row').selectOption({ label: 'Course' });
    const summary = dialog.getByTestId('import-summary');
    await expect.poll(() => summary.textContent()).toBe('1 row ready to import');
    const headingRow = dialog.getByLabel('Row with the column headings');
    expect(await headingRow.inputValue()).toBe('2');
    await dialog
      .getByText('The headings are in row 2; row 1 above them is not imported.')
      .waitFor();
    await dialog.getByRole('row', { name: /3 Time Management Course Intermediate/ }).waitFor();
    await screenshot(page, 'catalog-import-heading-row-1280');
    expect(
      (await new AxeBuilder(page).analyze()).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      ),
    ).toEqual([]);

    // The title line as headings: the real headings become a row to import.
    await headingRow.selectOption({ label: 'Row 1: Course report 2024-05-01' });
    // Read that way there is no Level column either: its level for every row is asked for.
    await dialog.getByLabel('Level of every row').selectOption({ label: 'Beginner' });
    await expect.poll(() => summary.textContent()).toBe('2 rows ready to import');
    await dialog.getByRole('row', { name: /2 Title Course Beginner/ }).waitFor();
    await headingRow.selectOption('2');
    await expect.poll(() => summary.textContent()).toBe('1 row ready to import');
    await dialog.getByRole('button', { name: 'Import 1 item' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: /Time Management/ }).waitFor();
    expect(await page.getByRole('rowheader', { name: /^Title$/ }).count()).toBe(0);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('reads the data sheet of a workbook, offers the other visible sheets, and reads a semicolon file', async () => {
    const wb = new ExcelJS.Workbook();
    const readme = wb.addWorksheet('Read me');
    readme.addRow(['About', 'Exported from the learning platform']);
    readme.addRow(['Date', '2026-11-01']);
    const lists = wb.addWorksheet('Lists', { state: 'hidden' });
    lists.addRow(['Level']);
    lists.addRow(['Beginner']);
    const courses = wb.addWorksheet('Courses');
    courses.addRow(['Title', 'Provider', 'Level', 'Hours']);
    courses.addRow(['Cloud Support Essentials', 'Tessary', 'Beginner', 14]);
    courses.addRow(['Linux Basics', 'Alderwick', 'Intermediate', 10]);
    const path = join(scratch, 'platform-export.xlsx');
    writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));

    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    const dialog = await openImport(page);
    await chooseFile(page, path);
    await dialog.getByLabel('Kind of every row').selectOption({ label: 'Course' });
    const summary = dialog.getByTestId('import-summary');
    await expect.poll(() => summary.textContent()).toBe('2 rows ready to import');
    const sheet = dialog.getByLabel('Sheet', { exact: true });
    expect(await sheet.inputValue()).toBe('Courses');
    // Only the visible sheets are offered.
    expect(await sheet.getByRole('option').allTextContents()).toEqual(['Read me', 'Courses']);
    await dialog.getByText(/Read the sheet “Courses”; hidden sheet “Lists” left out\./).waitFor();
    await screenshot(page, 'catalog-import-sheet-1280');

    await sheet.selectOption('Read me');
    await dialog.getByText('Choose the column that holds the Title.').waitFor();
    await sheet.selectOption('Courses');
    await expect.poll(() => summary.textContent()).toBe('2 rows ready to import');

    // Another file in the same dialog: two columns separated by semicolons.
    await chooseFile(page, join(cases, 'two-column-semicolon.csv'));
    // A new file starts with no choices made.
    await dialog.getByLabel('Kind of every row').selectOption({ label: 'Course' });
    await dialog.getByLabel('Level of every row').selectOption({ label: 'Beginner' });
    await expect.poll(() => summary.textContent()).toBe('1 row ready to import');
    await dialog.getByText('Columns are separated by semicolons.').waitFor();
    expect(await dialog.getByLabel('Column for Provider').inputValue()).toBe('1');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
