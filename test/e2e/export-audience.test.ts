/**
 * The partner-safe export as a consultant makes it, in Chromium (issue 12):
 * choose "Partner-safe" and the date the document is as of in the export
 * dialog, download the Word file, and read it as the recipient would —
 * LibreOffice renders it to PDF and every page to PNG, kept as artefacts in
 * test-results/export-audience/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const root = join(import.meta.dirname, '..', '..');
const SAMPLE = JSON.parse(
  readFileSync(
    join(root, 'resources', 'sample-plans', 'youth-digital-skills.upskill.json'),
    'utf8',
  ),
) as { name: string };
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const PAGES_DIR = join(root, 'test-results', 'export-audience');
const scratch = mkdtempSync(join(tmpdir(), 'upskill-e2e-audience-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function openExportDialog(viewport?: { width: number; height: number }): Promise<Page> {
  const { page } = await openApp(browser, viewport);
  await page.getByRole('button', { name: `Open ${SAMPLE.name}`, exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('dialog', { name: 'Export plan' }).waitFor();
  return page;
}

/** Types a date into a React Aria date field segment by segment, as a person would. */
async function typeDate(page: Page, label: string, iso: string): Promise<void> {
  const group = page.getByRole('group', { name: label });
  const [year, month, day] = iso.split('-');
  const parts: Record<string, string> = { year: year!, month: month!, day: day! };
  const segments = group.getByRole('spinbutton');
  for (let i = 0; i < (await segments.count()); i++) {
    const segment = segments.nth(i);
    const type = (await segment.getAttribute('data-type')) ?? '';
    await segment.click();
    await page.keyboard.type(parts[type] ?? '');
  }
}

describe('partner-safe export', () => {
  it('shows the audience and the "as of" date in the dialog at desktop sizes', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      const page = await openExportDialog(viewport);
      const dialog = page.getByRole('dialog', { name: 'Export plan' });
      await dialog.getByRole('radio', { name: /^Partner-safe/ }).check();
      await dialog
        .getByRole('group', { name: 'Dates and statuses as of' })
        .scrollIntoViewIfNeeded();
      await screenshot(page, `export-audience-dialog-${viewport.width}`);
      const violations = (await new AxeBuilder(page).analyze()).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(violations.map((v) => `${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      expect(appErrors(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('downloads a partner-safe Word file as of the chosen date that LibreOffice renders', async () => {
    const page = await openExportDialog();
    const dialog = page.getByRole('dialog', { name: 'Export plan' });
    await dialog.getByRole('radio', { name: /^Word program plan/ }).check();
    await dialog.getByRole('radio', { name: /^Partner-safe/ }).check();
    await typeDate(page, 'Dates and statuses as of', '2027-02-20');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Export Word document' }).click();
    const name = (await download).suggestedFilename();
    expect(name).toBe('Lower Valley Digital Futures 2027 – Program plan (partner-safe).docx');
    const file = join(scratch, name);
    await (await download).saveAs(file);
    await dialog.waitFor({ state: 'detached' });
    expect(appErrors(page)).toEqual([]);
    if (!existsSync(SOFFICE)) return;

    execFileSync(SOFFICE, [
      `-env:UserInstallation=file://${join(scratch, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      scratch,
      file,
    ]);
    const pdf = join(scratch, name.replace(/\.docx$/, '.pdf'));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Partner-safe version');
    expect(text).toMatch(/as of 20 February 2027/i);
    expect(text).toContain('Skills Fund board');
    for (const leak of ['Supportive →', 'Keep satisfied', 'Overdue', 'lindqvist@', 'Make points'])
      expect(text).not.toContain(leak);
    // Every page as a PNG, kept for a person to look at.
    rmSync(PAGES_DIR, { recursive: true, force: true });
    mkdirSync(PAGES_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(PAGES_DIR, 'partner-safe')]);
    expect(readdirSync(PAGES_DIR).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(10);
  });
});
