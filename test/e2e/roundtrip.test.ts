/**
 * The Excel round trip never drops data (issue 11), in Chromium: a recipient
 * adds a "Funder comments" column, clears the Skills Fund board's ID and
 * types 75% in a Power cell; the preview says the column is ignored, asks
 * whether the row without an ID is the Skills Fund board or a new
 * stakeholder (no default: Apply waits for the choice), keeps the entry
 * with no row unless ticked for removal, and shows Power 95 → 75. Applied,
 * it is one undo step. A workbook with a bad cell lists it and imports the
 * rest, leaving that cell's value as it is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const SAMPLE_NAME = 'Lower Valley Digital Futures 2027';
const scratch = mkdtempSync(join(tmpdir(), 'upskill-e2e-roundtrip-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function openSample(viewport?: { width: number; height: number }): Promise<Page> {
  const { page } = await openApp(browser, viewport);
  await page.getByRole('button', { name: `Open ${SAMPLE_NAME}`, exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).waitFor();
  return page;
}

/** Exports the full internal Excel workbook from the dialog; returns the file's path. */
async function exportWorkbook(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export plan' });
  await dialog.getByRole('radio', { name: /^Excel workbook/ }).check();
  await dialog.getByRole('radio', { name: /^Full internal/ }).check();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Export Excel workbook' }).click();
  const file = join(scratch, (await download).suggestedFilename());
  await (await download).saveAs(file);
  await dialog.waitFor({ state: 'detached' });
  return file;
}

function col(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, n) => {
    if (cell.value === header) found = n;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

function rowWith(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++)
    if (ws.getRow(r).getCell(1).value === id) return ws.getRow(r);
  throw new Error(`no row ${id}`);
}

/** Edits the workbook as the funder did; returns the edited file's path. */
async function editAsFunder(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sh = wb.getWorksheet('Stakeholders')!;
  const comments = sh.actualColumnCount + 1;
  sh.getRow(1).getCell(comments).value = 'Funder comments';
  const fund = rowWith(sh, 'sh-skills-fund');
  fund.getCell(comments).value = 'We want to see placements by March';
  fund.getCell(col(sh, 'Interest (0–100)')).value = 88;
  fund.getCell(1).value = null; // the ID cell cleared
  const ministry = rowWith(sh, 'sh-ministry').getCell(col(sh, 'Power (0–100)'));
  ministry.value = 0.75; // typed as 75%
  ministry.style = { ...ministry.style, numFmt: '0%' };
  const edited = join(scratch, 'edited-by-funder.xlsx');
  await wb.xlsx.writeFile(edited);
  return edited;
}

async function importFile(page: Page, file: string) {
  await page.getByRole('button', { name: 'Import from Excel…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from Excel' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose workbook…' }).click();
  await (await chooser).setFiles(file);
  return dialog;
}

const field = (page: Page, what: 'Power' | 'Interest', name: string) =>
  page.getByLabel(`${what} of ${name}`, { exact: true });

async function openRegister(page: Page) {
  await page.getByRole('link', { name: /^Stakeholders & partners/ }).click();
  await page.getByRole('tab', { name: 'Register' }).click();
}

describe('Excel round trip never drops data', () => {
  it('a column of their own, a cleared ID and 75% typed in Power: preview, apply, undo', async () => {
    const page = await openSample();
    const edited = await editAsFunder(await exportWorkbook(page));
    const dialog = await importFile(page, edited);
    const preview = dialog.getByLabel('Preview of changes');

    await preview
      .getByRole('list', { name: 'Notes on the workbook' })
      .getByText(
        'Stakeholders sheet: the column “Funder comments” is not one this app exports, so it is ignored',
        { exact: false },
      )
      .waitFor();
    // New-user finding 11: no default. The row without an ID waits for a choice and Apply is
    // blocked, saying which row; the entry it may be is not offered for removal meanwhile.
    const stakeholders = preview.getByRole('region', { name: 'Stakeholders changes' });
    await stakeholders
      .getByRole('heading', { name: 'Stakeholders: 1 changed, 1 waiting for your choice' })
      .waitFor();
    const choice = stakeholders.getByRole('group', { name: 'Row 2, “Skills Fund board”' });
    const same = choice.getByRole('radio', { name: /^Row 2 is “Skills Fund board”: update it/ });
    const asNew = choice.getByRole('radio', {
      name: /^Row 2 is another stakeholder: add it as new/,
    });
    expect(await same.isChecked()).toBe(false);
    expect(await asNew.isChecked()).toBe(false);
    const apply = dialog.getByRole('button', { name: 'Apply changes' });
    expect(await apply.isDisabled()).toBe(true);
    await dialog
      .getByText(
        'Before applying, choose for row 2 (“Skills Fund board”) of the Stakeholders sheet whether it is the existing entry of that name or a new one.',
      )
      .waitFor();
    const remove = stakeholders.getByRole('checkbox', { name: 'Remove “Skills Fund board”' });
    expect(await remove.count()).toBe(0);
    await screenshot(page, 'roundtrip-cleared-id-waiting-1366');

    // Chosen "add as new": added beside the old entry, which is kept unless ticked for removal.
    await asNew.check();
    await stakeholders
      .getByRole('heading', {
        name: 'Stakeholders: 1 added, 1 changed, 1 kept though not in the workbook',
      })
      .waitFor();
    expect(await remove.isChecked()).toBe(false);
    expect(await apply.isDisabled()).toBe(false);
    const ministry = stakeholders
      .getByRole('listitem')
      .filter({ hasText: 'Youth Employment Unit' });
    expect(await ministry.innerText()).toMatch(/Power \(0–100\): 95\s*→\s*75/);
    await screenshot(page, 'roundtrip-cleared-id-1366');

    // Confirmed: the row is the Skills Fund board, which keeps its id and actions.
    await same.check();
    await stakeholders.getByRole('heading', { name: 'Stakeholders: 2 changed' }).waitFor();
    expect(await remove.count()).toBe(0);
    expect(await stakeholders.getByText(/Interest \(0–100\): 85\s*→\s*88/).count()).toBe(1);
    await screenshot(page, 'roundtrip-confirmed-1366');
    const violations = (await new AxeBuilder(page).analyze()).filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(violations.map((v) => `${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

    await apply.click();
    await dialog.waitFor({ state: 'detached' });
    await waitUntilSaved(page);
    await openRegister(page);
    expect(await field(page, 'Power', 'Youth Employment Unit').inputValue()).toBe('75');
    expect(await field(page, 'Interest', 'Skills Fund board').count()).toBe(1);
    expect(await field(page, 'Interest', 'Skills Fund board').inputValue()).toBe('88');

    await page.getByRole('button', { name: 'Undo Import from Excel' }).click();
    expect(await field(page, 'Power', 'Youth Employment Unit').inputValue()).toBe('95');
    expect(await field(page, 'Interest', 'Skills Fund board').inputValue()).toBe('85');
    expect(appErrors(page)).toEqual([]);
  });

  it('removes an entry with no row only when it is ticked', async () => {
    const page = await openSample({ width: 1280, height: 720 });
    const file = await exportWorkbook(page);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sh = wb.getWorksheet('Stakeholders')!;
    sh.spliceRows(rowWith(sh, 'sh-radio').number, 1);
    const edited = join(scratch, 'row-deleted.xlsx');
    await wb.xlsx.writeFile(edited);

    const dialog = await importFile(page, edited);
    const stakeholders = dialog.getByRole('region', { name: 'Stakeholders changes' });
    await stakeholders
      .getByRole('heading', { name: 'Stakeholders: no changes, 1 kept though not in the workbook' })
      .waitFor();
    await dialog
      .getByRole('status')
      .filter({ hasText: 'Nothing changes unless you tick an entry below for removal.' })
      .waitFor();
    const apply = dialog.getByRole('button', { name: 'Apply changes' });
    expect(await apply.isDisabled()).toBe(true);
    await screenshot(page, 'roundtrip-missing-row-1280');
    await stakeholders.getByRole('checkbox', { name: 'Remove “Community Radio”' }).check();
    await stakeholders.getByRole('heading', { name: 'Stakeholders: 1 removed' }).waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'roundtrip-missing-row-ticked-1920');
    await apply.click();
    await dialog.waitFor({ state: 'detached' });
    await openRegister(page);
    expect(await field(page, 'Power', 'Community Radio').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo Import from Excel' }).click();
    expect(await field(page, 'Power', 'Community Radio').inputValue()).toBe('25');
    expect(appErrors(page)).toEqual([]);
  });

  it('a workbook with one bad cell lists it and imports the rest, leaving that cell as it is', async () => {
    const page = await openSample({ width: 1280, height: 720 });
    const file = await exportWorkbook(page);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sh = wb.getWorksheet('Stakeholders')!;
    const fund = rowWith(sh, 'sh-skills-fund');
    fund.getCell(col(sh, 'Interest (0–100)')).value = 'high'; // the bad cell
    fund.getCell(col(sh, 'Relationship owner')).value = 'Daniel Osei, Partnerships Lead';
    rowWith(sh, 'sh-ministry').getCell(col(sh, 'Power (0–100)')).value = 75;
    rowWith(sh, 'sh-union').getCell(col(sh, 'Interest (0–100)')).value = '55.5';
    sh.name = 'Stakeholders (Fund comments)'; // renamed: found by its headings
    const ind = wb.getWorksheet('Indicators')!;
    rowWith(ind, 'ind-enrolments').getCell(col(ind, 'Target')).value = '1,050';
    const catalog = wb.getWorksheet('Content catalog')!;
    catalog.getRow(3).getCell(col(catalog, 'Hours')).value = 14;
    const edited = join(scratch, 'one-bad-cell.xlsx');
    await wb.xlsx.writeFile(edited);

    const dialog = await importFile(page, edited);
    const preview = dialog.getByLabel('Preview of changes');
    const notes = preview.getByRole('list', { name: 'Notes on the workbook' });
    await notes
      .getByText(
        'The workbook has no “Stakeholders” sheet; the sheet “Stakeholders (Fund comments)” has its headings, so it was read as the Stakeholders sheet.',
      )
      .waitFor();
    await notes.getByText(/^Content catalog sheet: 1 cell differs from the plan/).waitFor();
    const problems = preview.getByRole('region', { name: 'Problems in the workbook' });
    await problems
      .getByRole('heading', { name: '1 problem: not imported, the plan keeps its values' })
      .waitFor();
    const fundProblems = problems.getByRole('listitem').filter({ hasText: 'Skills Fund board' });
    expect(await fundProblems.first().innerText()).toContain(
      'Interest (0–100): “high” is not a number from 0 to 100.',
    );
    const stakeholders = preview.getByRole('region', { name: 'Stakeholders changes' });
    await stakeholders.getByRole('heading', { name: 'Stakeholders: 3 changed' }).waitFor();
    // The row's other change is applied; the rounded score and the target say how they read.
    expect(await stakeholders.innerText()).toMatch(
      /Relationship owner: .*\s*→\s*Daniel Osei, Partnerships Lead/,
    );
    expect(await stakeholders.innerText()).toContain('(55.5 rounded to a whole score)');
    const indicators = preview.getByRole('region', { name: 'Indicators changes' });
    expect(await indicators.innerText()).toMatch(/Target: 1,900\s*→\s*1,050/);
    await screenshot(page, 'roundtrip-one-bad-cell-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    const box = await dialog.boundingBox();
    expect(box!.width).toBeGreaterThan(1000);
    await screenshot(page, 'roundtrip-one-bad-cell-1920');
    const violations = (await new AxeBuilder(page).analyze()).filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(violations.map((v) => `${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

    await dialog.getByRole('button', { name: 'Apply changes, leave 1 problem out' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitUntilSaved(page);
    await openRegister(page);
    expect(await field(page, 'Power', 'Youth Employment Unit').inputValue()).toBe('75');
    expect(await field(page, 'Interest', 'Trades Council').inputValue()).toBe('56');
    // The bad cell is left as it is.
    expect(await field(page, 'Interest', 'Skills Fund board').inputValue()).toBe('85');
    expect(appErrors(page)).toEqual([]);
  });
});
