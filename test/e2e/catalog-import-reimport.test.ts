/**
 * Catalog import as a new user met it (issue 11 follow-up findings 1, 2, 4,
 * 6, 10 and 15), through roles and labels in Chromium: a provider export
 * imported with two columns kept in the notes, the planner's own note and
 * cost added in the app, next month's export re-imported with the saved
 * mapping — the planner's note and cost survive and the preview says each
 * change from → to; a German semicolon file in Windows-1252 with a title
 * line above its headings reads every row with decimal commas; focus goes
 * back to the button that opened a dialog.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const files = join(import.meta.dirname, '..', 'fixtures', 'imports');
const PLANNER_NOTE = 'Planner note: funder prefers this; check Spanish subtitles.';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openCatalog(page: Page) {
  await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
  await page.getByRole('link', { name: 'Content catalog', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Content catalog' }).waitFor();
}

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import from spreadsheet…' }).click();
  return page.getByRole('dialog', { name: 'Import catalog items' });
}

async function chooseFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
  await (await chooser).setFiles(path);
}

/** The accessible name of the focused element. */
const focused = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
  );

async function noSeriousAxe(page: Page) {
  expect(
    (await new AxeBuilder(page).analyze()).filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);
}

describe('catalog import: re-import keeps what the planner wrote', () => {
  it('imports a provider export, keeps the planner’s note and cost through next month’s export, and shows each change old → new', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openCatalog(page);
    let dialog = await openImport(page);
    await chooseFile(page, join(files, 'provider-export.xlsx'));
    const summary = dialog.getByTestId('import-summary');
    // "Mixed" waits for a choice (not an error); the repeated row 11 needs nothing.
    await expect
      .poll(() => summary.textContent())
      .toBe(
        '6 rows ready to import · 1 row waits for your choice above · 2 rows will not be imported · 1 repeated row left out (nothing to fix)',
      );
    await dialog.getByText('Waiting for your choice for Level “Mixed” above.').waitFor();
    await dialog
      .getByRole('button', { name: 'Import 6 items (1 row still waits for a choice)' })
      .waitFor();
    // "Est. Hours" and "Course URL" are named; the counts are a live region.
    expect(await dialog.getByLabel('Column for Hours').inputValue()).toBe('4');
    expect(await dialog.getByLabel('Column for URL').inputValue()).toBe('9');
    expect(await summary.getAttribute('role')).toBe('status');
    await summary.scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog-import-waiting-1280');

    await dialog.getByLabel('Level for “Mixed”').selectOption({ label: 'Intermediate' });
    await dialog.getByLabel('Keep “Enrollments” in the notes').check();
    await dialog.getByLabel('Keep “Avg Rating” in the notes').check();
    await expect
      .poll(() => summary.textContent())
      .toBe(
        '7 rows ready to import · 2 rows will not be imported · 1 repeated row left out (nothing to fix)',
      );
    await dialog.getByLabel('Name for this mapping').fill('Corvane export');
    await dialog.getByRole('button', { name: 'Save mapping' }).click();
    await dialog.getByText('Mapping saved as “Corvane export”.').waitFor();
    await dialog.getByRole('button', { name: 'Import 7 items' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The planner's own line and cost, typed in the app.
    await page.getByRole('button', { name: 'Edit Applied Data Science' }).click();
    let edit = page.getByRole('dialog', { name: /Applied Data Science|Edit/ });
    const notes = edit.getByLabel('Notes');
    expect(await notes.inputValue()).toBe('Enrollments: 23,456; Avg Rating: 4.5');
    await notes.fill(`Enrollments: 23,456; Avg Rating: 4.5\n${PLANNER_NOTE}`);
    await edit.getByLabel(/^Cost per learner/).fill('120');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });

    // Next month's export, with the saved mapping.
    await page.setViewportSize({ width: 1920, height: 1080 });
    dialog = await openImport(page);
    await chooseFile(page, join(files, 'provider-export-v2.xlsx'));
    await dialog
      .getByLabel('Saved mapping', { exact: true })
      .selectOption({ label: 'Corvane export' });
    await dialog.getByText('“Corvane export” used.').waitFor();
    await expect
      .poll(() => summary.textContent())
      .toBe(
        // Row 11 repeats row 5 with last month's values: a real conflict, to fix.
        '2 new, 2 updated, 5 unchanged · 2 rows will not be imported',
      );
    const updates = dialog.getByRole('table', { name: 'Items the file updates' });
    await updates
      .getByRole('row', { name: /Data Analysis with Spreadsheets/ })
      .getByText('Hours: 12.5 → 14')
      .waitFor();
    await updates
      .getByText(
        'Notes: “Enrollments: 5.3k; Avg Rating: 4.7” → “Enrollments: 6.1k; Avg Rating: 4.7”',
      )
      .waitFor();
    await updates.getByText('Languages: English, Spanish → English').waitFor();
    // The planner's item changes nothing: its note is not the file's to replace.
    expect(await updates.getByRole('row', { name: /Applied Data Science/ }).count()).toBe(0);
    await noSeriousAxe(page);
    await updates.scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog-reimport-changes-1920');
    await page.setViewportSize({ width: 1280, height: 720 });
    await updates.scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog-reimport-changes-1280');

    await dialog.getByRole('button', { name: 'Import 2 new and update 2' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: /Teamwork at Work/ }).waitFor();
    const editButton = page.getByRole('button', { name: 'Edit Applied Data Science' });
    await editButton.click();
    edit = page.getByRole('dialog', { name: /Applied Data Science|Edit/ });
    expect(await edit.getByLabel('Notes').inputValue()).toBe(
      `Enrollments: 23,456; Avg Rating: 4.5\n${PLANNER_NOTE}`,
    );
    expect(await edit.getByLabel(/^Cost per learner/).inputValue()).toBe('120');
    // Escape: focus back on the button that opened the form.
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('Edit Applied Data Science');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('catalog import: a German semicolon file', () => {
  it('finds the German headings under a title line, maps them, reads decimal commas, and gives focus back on Escape', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openCatalog(page);
    let dialog = await openImport(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('Import from spreadsheet…');

    // Add item too (finding 15): Cancel gives focus back to its button.
    await page.getByRole('button', { name: 'Add item' }).click();
    const add = page.getByRole('dialog', { name: /Add/ });
    await add.getByRole('button', { name: 'Cancel' }).click();
    await add.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('Add item');

    dialog = await openImport(page);
    await chooseFile(page, join(files, 'semicolon-1252.csv'));
    const summary = dialog.getByTestId('import-summary');
    await expect
      .poll(() => summary.textContent())
      .toBe('3 rows ready to import · 1 row waits for your choice above');
    expect(await dialog.getByLabel('Row with the column headings').inputValue()).toBe('2');
    await dialog
      .getByText('The headings are in row 2; row 1 above them is not imported.')
      .waitFor();
    for (const [field, heading] of [
      ['Title', 'Titel'],
      ['Provider', 'Anbieter'],
      ['Kind', 'Typ'],
      ['Level', 'Niveau'],
      ['Hours', 'Stunden'],
      ['Languages', 'Sprache'],
    ])
      expect(
        await dialog
          .getByLabel(`Column for ${field}`)
          .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent),
      ).toBe(heading);
    await dialog
      .getByText(
        'Hours: read with a decimal comma, as in “12,5”; “1,250” is 1.25 and “1.200” is 1200.',
      )
      .waitFor();
    await dialog.getByLabel('Level for “Mixed”').selectOption({ label: 'Advanced' });
    await expect.poll(() => summary.textContent()).toBe('4 rows ready to import');
    await dialog
      .getByRole('row', { name: /3 Grundlagen der Datenanalyse Course Beginner 12\.5/ })
      .waitFor();
    await summary.scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog-import-german-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await summary.scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog-import-german-1920');
    await noSeriousAxe(page);
    await dialog.getByRole('button', { name: 'Import 4 items' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: /Grundlagen der Datenanalyse/ }).waitFor();
    await page.getByRole('rowheader', { name: /Crème de la Data/ }).waitFor();

    // The stakeholder list import uses the same dialog: Cancel gives focus back too.
    await page.getByRole('link', { name: /^Stakeholders & partners/ }).click();
    await page.getByRole('tab', { name: 'Register' }).click();
    await page.getByRole('button', { name: 'Import stakeholder list…' }).click();
    const stakeholders = page.getByRole('dialog', { name: 'Import stakeholder list' });
    await stakeholders.getByRole('button', { name: 'Cancel' }).click();
    await stakeholders.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('Import stakeholder list…');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
