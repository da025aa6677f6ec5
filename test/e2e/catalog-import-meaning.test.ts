/**
 * Catalog import, the meaning of the values (issue 11): a platform's words
 * ("Specialization", "Beginner Level", "Mixed") matched to ours in a
 * value-mapping step, nothing defaulted silently, the mapping saved as a
 * named preset and used for next month's export, which updates the items
 * it matches instead of adding copies — through roles and labels.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const cases = join(import.meta.dirname, '..', 'fixtures', 'cases', 'import');
const scratch = mkdtempSync(join(tmpdir(), 'upskill-catalog-meaning-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import from spreadsheet…' }).click();
  return page.getByRole('dialog', { name: 'Import catalog items' });
}

async function chooseFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
  await (await chooser).setFiles(path);
}

describe('catalog import: what the values mean', () => {
  it('maps a platform’s words to ours, saves the mapping, and re-imports next month’s export as updates', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
    await page.getByRole('link', { name: 'Content catalog', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Content catalog' }).waitFor();

    let dialog = await openImport(page);
    await chooseFile(page, join(cases, 'platform-vocabulary.csv'));
    const summary = dialog.getByTestId('import-summary');
    // "Mixed" is no level of ours: its row waits, it is not made a beginner course
    // (worded as waiting for the choice since the new-user finding 10).
    await expect
      .poll(() => summary.textContent())
      .toBe('2 rows ready to import · 1 row waits for your choice above');
    expect(await dialog.getByLabel('Kind for “Specialization”').inputValue()).toBe('skillSet');
    expect(await dialog.getByLabel('Level for “Beginner Level”').inputValue()).toBe('beginner');
    expect(await dialog.getByLabel('Level for “Mixed”').inputValue()).toBe('');
    await screenshot(page, 'catalog-import-values-1280');

    // "Mixed" is the user's choice, once for all its rows.
    await dialog.getByLabel('Level for “Mixed”').selectOption({ label: 'Intermediate' });
    await expect.poll(() => summary.textContent()).toBe('3 rows ready to import');
    await dialog.getByRole('row', { name: /4 Python Course Intermediate/ }).waitFor();
    await dialog.getByRole('table', { name: 'Level values in your file' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog-import-values-table-1280');
    expect(
      (await new AxeBuilder(page).analyze()).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      ),
    ).toEqual([]);

    // Saved as a named mapping for next time.
    await dialog.getByLabel('Name for this mapping').fill('Vocabulary export');
    await dialog.getByRole('button', { name: 'Save mapping' }).click();
    await dialog.getByText('Mapping saved as “Vocabulary export”.').waitFor();
    // The dialog scrolls at 1280×720: the Import button is reachable.
    const importButton = dialog.getByRole('button', { name: 'Import 3 items' });
    await importButton.scrollIntoViewIfNeeded();
    await importButton.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: 'Data Analysis', exact: true }).waitFor();

    // Next month's export: one new row, one with an enrolment count to keep.
    const updated = join(scratch, 'vocabulary-december.csv');
    const lines = readFileSync(join(cases, 'platform-vocabulary.csv'), 'utf8')
      .trim()
      .split(/\r?\n/);
    writeFileSync(
      updated,
      [
        `${lines[0]},Enrolments`,
        `${lines[1]},5.3k`,
        `${lines[2]},`,
        `${lines[3]},`,
        'Excel Essentials,Course,Mixed,1.1k',
        '',
      ].join('\n'),
    );
    await page.setViewportSize({ width: 1920, height: 1080 });
    dialog = await openImport(page);
    await chooseFile(page, updated);
    await expect
      .poll(() => summary.textContent())
      .toBe('0 new, 0 updated, 2 unchanged · 2 rows wait for your choice above');
    await dialog
      .getByLabel('Saved mapping', { exact: true })
      .selectOption({ label: 'Vocabulary export' });
    await dialog.getByText('“Vocabulary export” used.').waitFor();
    expect(await dialog.getByLabel('Saved mapping', { exact: true }).inputValue()).toBe(
      'Vocabulary export',
    );
    await expect.poll(() => summary.textContent()).toBe('1 new, 0 updated, 3 unchanged');
    await dialog.getByLabel('Keep “Enrolments” in the notes').check();
    await expect.poll(() => summary.textContent()).toBe('1 new, 1 updated, 2 unchanged');
    await dialog
      .getByRole('table', { name: 'Items the file updates' })
      .getByRole('row', { name: /2 Data Analysis Notes/ })
      .waitFor();
    await screenshot(page, 'catalog-import-reimport-1920');
    await dialog.getByRole('button', { name: 'Import 1 new and update 1' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: 'Excel Essentials', exact: true }).waitFor();
    // One copy of each, and one undo step.
    expect(await page.getByRole('rowheader', { name: 'Data Analysis', exact: true }).count()).toBe(
      1,
    );
    await page
      .getByRole('button', { name: 'Undo Import 1 new and update 1 catalog item' })
      .waitFor();
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('downloads the rows that will not be imported as a CSV with a Reason column', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
    await page.getByRole('link', { name: 'Content catalog', exact: true }).click();
    const dialog = await openImport(page);
    await chooseFile(page, join(cases, 'platform-vocabulary.csv'));
    await expect
      .poll(() => dialog.getByTestId('import-summary').textContent())
      .toBe('2 rows ready to import · 1 row waits for your choice above');
    const download = page.waitForEvent('download');
    await dialog
      .getByRole('button', { name: 'Download rows that will not be imported (CSV)' })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('platform-vocabulary - rows not imported.csv');
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.replace(/^\ufeff/, '').split('\r\n')).toEqual([
      'Title,Kind,Level,Reason',
      // The reason holds commas, so it is quoted.
      'Python,Course,Mixed,"Row 4: Level “Mixed” is not beginner, intermediate or advanced."',
      '',
    ]);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
