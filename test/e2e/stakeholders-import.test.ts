/**
 * Stakeholder list import (issue 11) as a consultant does it, through roles
 * and labels: the register's "Import stakeholder list…" opens the import
 * dialog the catalog uses; a small workbook with a 1–5 scale and an e-mail
 * column (left out, and the dialog says so) is previewed, confirmed, seen in
 * the register and undone in one step; a CSV with a note row above the
 * headings and a High/Medium/Low column is read with the right heading row
 * and scores; and next week's version of that CSV updates the entries it
 * matches (name + organisation) instead of adding copies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const scratch = mkdtempSync(join(tmpdir(), 'upskill-stakeholder-import-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Stakeholders');
  ws.addRow(['Name', 'Organisation', 'Type', 'Influence (1-5)', 'Interest (1-5)', 'Email']);
  ws.addRow(['Regional Jobs Board', 'Valley Council', 'Government', 5, 4, 'board@example.org']);
  ws.addRow(['Makers Guild', 'Makers Guild', 'Outreach partner', 2, 5, 'guild@example.org']);
  ws.addRow(['Harbour Logistics', 'Harbour Group', 'Employer', 4, 2, 'hr@example.org']);
  const file = join(scratch, 'stakeholders.xlsx');
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

function csv(name: string, lines: string[]): string {
  const file = join(scratch, name);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

async function openRegister(page: Page) {
  await page.getByRole('button', { name: `Open ${SAMPLE}`, exact: true }).click();
  await page.getByRole('link', { name: /^Stakeholders & partners/ }).click();
  await page.getByRole('heading', { name: 'Stakeholders & partners', level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Register' }).click();
}

async function chooseFile(page: Page, dialog: Locator, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
  await (await chooser).setFiles(path);
}

/** The register row of an entry, by its name field. */
const nameField = (page: Page, name: string) =>
  page.getByRole('textbox', { name: `Name of ${name}`, exact: true });

describe('stakeholder list import', () => {
  it('imports an xlsx and a csv into the register, undoes in one step, and re-imports as updates', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openRegister(page);
    const status = page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+/ });
    const before = Number(/of (\d+)/.exec((await status.textContent()) ?? '')![1]);

    await screenshot(page, 'stakeholders-import-register-1280');
    // The entry point is a plain button in the register's toolbar: Tab reaches it, Enter opens.
    const open = page.getByRole('button', { name: 'Import stakeholder list…' });
    await page.getByRole('searchbox', { name: 'Search' }).focus();
    for (let i = 0; i < 10 && !(await open.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await open.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    let dialog = page.getByRole('dialog', { name: 'Import stakeholder list' });
    await dialog.waitFor();

    // 1. A small workbook: a 1–5 scale read as such, the e-mail column left out and said so.
    await chooseFile(page, dialog, await workbook());
    const summary = dialog.getByTestId('import-summary');
    await expect.poll(() => summary.textContent()).toBe('3 rows ready to import');
    expect(await dialog.getByLabel('Column for Power').inputValue()).toBe('3');
    expect(await dialog.getByLabel('Scale of the numbers for Power').inputValue()).toBe('1-5');
    expect(await dialog.getByLabel('Type for “Government”').inputValue()).toBe('stakeholder');
    expect(await dialog.getByLabel('Type for “Outreach partner”').inputValue()).toBe('outreach');
    expect(
      await dialog.getByRole('list', { name: 'How the file was read' }).textContent(),
    ).toContain('“Email” holds e-mail addresses or phone numbers: left out of the plan.');
    expect(await dialog.getByLabel('Keep “Email” in the notes').count()).toBe(0);
    const sample = dialog.getByRole('table', { name: 'First rows to be added' });
    expect(await sample.getByRole('row').nth(1).textContent()).toBe(
      '2Regional Jobs BoardValley CouncilStakeholder10075Neutral',
    );
    await screenshot(page, 'stakeholders-import-xlsx-1280');
    await sample.scrollIntoViewIfNeeded();
    await screenshot(page, 'stakeholders-import-xlsx-preview-1280');
    expect(
      (await new AxeBuilder(page).analyze()).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      ),
    ).toEqual([]);

    // Nothing changed yet; confirming adds the three as one step.
    expect(await nameField(page, 'Regional Jobs Board').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Import 3 stakeholders' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => status.textContent()).toContain(`of ${before + 3}`);
    expect(await nameField(page, 'Harbour Logistics').inputValue()).toBe('Harbour Logistics');
    await waitUntilSaved(page);
    const undo = page.getByRole('button', {
      name: 'Undo Import 3 stakeholders from a stakeholder list',
    });
    await undo.click();
    await expect.poll(() => status.textContent()).toContain(`of ${before}.`);
    expect(await nameField(page, 'Regional Jobs Board').count()).toBe(0);

    // 2. A CSV with a note row above the headings and a High/Medium/Low column.
    const first = csv('list.csv', [
      'Stakeholder list - draft for the workshop,,,,',
      'Name,Organisation,Category,Power,Interest',
      'Skills Fund Board,Ministry of Labour,Funder,High,Medium',
      'Valley Youth Club,,Outreach,Low,High',
      'City Makerspace,City Makerspace,Training provider,Medium,Low',
    ]);
    await page.getByRole('button', { name: 'Import stakeholder list…' }).click();
    dialog = page.getByRole('dialog', { name: 'Import stakeholder list' });
    await chooseFile(page, dialog, first);
    await expect.poll(() => summary.textContent()).toBe('3 rows ready to import');
    expect(await dialog.getByLabel('Row with the column headings').inputValue()).toBe('2');
    expect(await dialog.getByLabel('Power for “High”').inputValue()).toBe('75');
    expect(await dialog.getByLabel('Power for “Medium”').inputValue()).toBe('50');
    expect(await dialog.getByLabel('Interest for “Low”').inputValue()).toBe('25');
    // The user says "High" means 90 here.
    const high = dialog.getByLabel('Power for “High”');
    await high.fill('90');
    await high.press('Enter');
    await expect
      .poll(() => sample.getByRole('row').nth(1).textContent())
      .toBe('3Skills Fund BoardMinistry of LabourStakeholder9050Neutral');
    await screenshot(page, 'stakeholders-import-csv-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await dialog.getByRole('heading', { name: 'Preview' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'stakeholders-import-csv-1920');
    await page.setViewportSize({ width: 1280, height: 720 });
    await dialog.getByRole('button', { name: 'Import 3 stakeholders' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => status.textContent()).toContain(`of ${before + 3}`);
    expect(await nameField(page, 'Valley Youth Club').count()).toBe(1);

    // 3. Next week's list: one entry changed (names spelt in another case), one new.
    const next = csv('list-next.csv', [
      'Stakeholder list - after the workshop,,,,',
      'Name,Organisation,Category,Power,Interest',
      'SKILLS FUND BOARD,ministry of labour,Funder,90%,High',
      'Valley Youth Club,,Outreach,Low,High',
      'City Makerspace,City Makerspace,Training provider,Medium,Low',
      'Riverside Library,,Wraparound services,Low,Medium',
    ]);
    await page.getByRole('button', { name: 'Import stakeholder list…' }).click();
    dialog = page.getByRole('dialog', { name: 'Import stakeholder list' });
    await chooseFile(page, dialog, next);
    await expect.poll(() => summary.textContent()).toBe('1 new, 1 updated, 2 unchanged');
    const updates = dialog.getByRole('table', { name: 'Entries the file updates' });
    // Power stays 90 ("90%"); interest goes from Medium (50) to High (75).
    expect(await updates.getByRole('row').nth(1).textContent()).toBe(
      '3Skills Fund BoardInterest: 50 → 75',
    );
    await updates.scrollIntoViewIfNeeded();
    await screenshot(page, 'stakeholders-import-update-1280');
    await dialog.getByRole('button', { name: 'Import 1 new and update 1' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => status.textContent()).toContain(`of ${before + 4}`);
    expect(await nameField(page, 'Skills Fund Board').count()).toBe(1);
    expect(await nameField(page, 'SKILLS FUND BOARD').count()).toBe(0);
    expect(
      await page
        .getByRole('button', {
          name: 'Undo Import 1 new and update 1 stakeholder from a stakeholder list',
        })
        .count(),
    ).toBe(1);
    await waitUntilSaved(page);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
