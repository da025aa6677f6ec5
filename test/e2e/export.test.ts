/**
 * Export as a planner uses it, in Chromium: the export dialog builds the Word
 * document in a worker and downloads it (LibreOffice reads it); the Excel
 * workbook downloads, is edited in Node as a recipient would, comes back
 * through "Import from Excel…" with a field-level preview, applies as one
 * undo step; a file that is not a workbook is refused and changes nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const root = join(import.meta.dirname, '..', '..');
const SAMPLE = JSON.parse(
  readFileSync(
    join(root, 'resources', 'sample-plans', 'youth-digital-skills.upskill.json'),
    'utf8',
  ),
) as { name: string };
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const scratch = mkdtempSync(join(tmpdir(), 'upskill-e2e-export-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function openSample(): Promise<Page> {
  const { page } = await openApp(browser);
  await page.getByRole('button', { name: `Open ${SAMPLE.name}`, exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).waitFor();
  return page;
}

/** Runs an export from the dialog and returns the downloaded file's path. */
async function exportFile(page: Page, format: RegExp, profile = 'Full internal'): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export plan' });
  await dialog.getByRole('radio', { name: format }).check();
  await dialog.getByRole('radio', { name: new RegExp(`^${profile}`) }).check();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: /^Export (Word document|Excel workbook)$/ }).click();
  const file = join(scratch, (await download).suggestedFilename());
  await (await download).saveAs(file);
  await dialog.waitFor({ state: 'detached' });
  return file;
}

async function expectNoSeriousAxeViolations(page: Page, where: string) {
  const violations = (await new AxeBuilder(page).analyze()).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    violations.map((v) => `${where}: ${v.id} ${v.help} ${v.nodes[0]?.target.join(' ')}`),
  ).toEqual([]);
}

function col(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, n) => {
    if (cell.value === header) found = n;
  });
  return found;
}

function rowWith(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++)
    if (ws.getRow(r).getCell(1).value === id) return ws.getRow(r);
  throw new Error(`no row ${id}`);
}

/** The register row of a stakeholder, on the Stakeholders & partners section. */
async function openRegister(page: Page) {
  await page.getByRole('link', { name: /^Stakeholders & partners/ }).click();
  await page.getByRole('tab', { name: 'Register' }).click();
}

const powerOf = (page: Page, name: string) => page.getByLabel(`Power of ${name}`, { exact: true });

describe('export', () => {
  it('exports the Word program plan from the dialog; LibreOffice reads the download', async () => {
    const page = await openSample();
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export plan' });
    await dialog.getByRole('checkbox', { name: 'Theory of change' }).waitFor();
    await screenshot(page, 'export-dialog-1366');
    await expectNoSeriousAxeViolations(page, 'export dialog');
    // Untick everything, then a section: the export button follows.
    await dialog.getByRole('button', { name: 'Select none' }).click();
    expect(await dialog.getByRole('button', { name: 'Export Word document' }).isDisabled()).toBe(
      true,
    );
    await dialog.getByRole('button', { name: 'Select all' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const file = await exportFile(page, /^Word program plan/);
    expect(file.endsWith('Lower Valley Digital Futures 2027 – Program plan.docx')).toBe(true);
    await page.getByText(/^Exported the Word document/).waitFor();
    if (existsSync(SOFFICE)) {
      const out = join(scratch, 'docx-txt');
      mkdirSync(out, { recursive: true });
      execFileSync(SOFFICE, [
        `-env:UserInstallation=file://${join(scratch, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        out,
        file,
      ]);
      const text = readFileSync(
        join(out, 'Lower Valley Digital Futures 2027 – Program plan.txt'),
        'utf8',
      );
      expect(text).toContain('Lower Valley Digital Futures 2027');
      expect(text).toContain('Stakeholders and engagement');
      expect(text).toContain('Anna Lindqvist');
    }
    expect(appErrors(page)).toEqual([]);
  });

  it('round-trips an edited workbook: preview, apply as one step, undo', async () => {
    const page = await openSample();
    const file = await exportFile(page, /^Excel workbook/);
    expect(file.endsWith('Lower Valley Digital Futures 2027 – Plan workbook.xlsx')).toBe(true);

    // A recipient edits the workbook.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sh = wb.getWorksheet('Stakeholders')!;
    rowWith(sh, 'sh-ministry').getCell(col(sh, 'Power (0–100)')).value = 20;
    sh.spliceRows(rowWith(sh, 'sh-refurbisher').number, 1);
    const added = sh.addRow([]);
    added.getCell(col(sh, 'Name')).value = 'Regional Chamber of Crafts';
    added.getCell(col(sh, 'Power (0–100)')).value = 40;
    added.getCell(col(sh, 'Interest (0–100)')).value = 70;
    const ind = wb.getWorksheet('Indicators')!;
    rowWith(ind, 'ind-invitations').getCell(col(ind, 'Target')).value = 4500;
    const edited = join(scratch, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);

    await page.getByRole('button', { name: 'Import from Excel…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from Excel' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose workbook…' }).click();
    await (await chooser).setFiles(edited);
    const preview = dialog.getByLabel('Preview of changes');
    // A deleted row is removed only once ticked (issue 11).
    await preview
      .getByText('Stakeholders: 1 added, 1 changed, 1 kept though not in the workbook')
      .waitFor();
    await preview.getByRole('checkbox', { name: 'Remove “Loopwise Devices”' }).check();
    await preview.getByText('Stakeholders: 1 added, 1 changed, 1 removed').waitFor();
    await preview.getByText('Indicators: 1 changed').waitFor();
    const change = preview.getByRole('listitem').filter({ hasText: 'Youth Employment Unit' });
    expect(await change.innerText()).toMatch(/Power \(0–100\): 95\s*→\s*20/);
    await preview.getByText('Regional Chamber of Crafts').waitFor();
    await preview.getByRole('listitem').filter({ hasText: 'Loopwise Devices' }).waitFor();
    await screenshot(page, 'export-roundtrip-preview-1366');
    await expectNoSeriousAxeViolations(page, 'round-trip preview');
    await dialog.getByRole('button', { name: 'Apply changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitUntilSaved(page);

    await openRegister(page);
    expect(await powerOf(page, 'Youth Employment Unit').inputValue()).toBe('20');
    expect(await powerOf(page, 'Regional Chamber of Crafts').inputValue()).toBe('40');
    expect(await powerOf(page, 'Loopwise Devices').count()).toBe(0);

    // One undo step reverts the whole import.
    await page.getByRole('button', { name: 'Undo Import from Excel' }).click();
    expect(await powerOf(page, 'Youth Employment Unit').inputValue()).toBe('95');
    expect(await powerOf(page, 'Regional Chamber of Crafts').count()).toBe(0);
    expect(await powerOf(page, 'Loopwise Devices').inputValue()).toBe('30');
    expect(appErrors(page)).toEqual([]);
  });

  it('refuses a file that is not a workbook and changes nothing', async () => {
    const page = await openSample();
    const bad = join(scratch, 'stakeholders.csv');
    writeFileSync(bad, 'Name,Power\nSomeone,50\n');
    await page.getByRole('button', { name: 'Import from Excel…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from Excel' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose workbook…' }).click();
    await (await chooser).setFiles(bad);
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'is not an Excel workbook (.xlsx)' })
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Apply changes' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);
  });
});
