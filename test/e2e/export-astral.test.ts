/**
 * Emoji, CJK extension B, flags and ZWJ sequences reach the files whole in
 * Chromium too (issue 12): the browser's exceljs and docx builds encode the
 * parts themselves, so the unit tests' Node path does not cover them. A plan
 * whose notes are 20,000 characters (39,999 UTF-16 units, more than an Excel
 * cell holds) is opened from a file and exported; every XML part of both
 * downloads is strict UTF-8 with no U+FFFD or lone surrogate, the notes cell
 * is cut between whole characters and the Word file holds the whole text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, launchChromium, openApp } from './browser';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'upskill-e2e-astral-'));

const NOTES = `a${'😀'.repeat(19_999)}`;
const NAME = 'Ministry 🇩🇪 of 👩‍💻 Skills 𠀀';
let entryId = '';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The sample plan with astral text in a stakeholder's name and notes and in the program name. */
function astralPlanFile(): string {
  const plan = JSON.parse(
    readFileSync(
      join(root, 'resources', 'sample-plans', 'youth-digital-skills.upskill.json'),
      'utf8',
    ),
  ) as {
    id: string;
    name: string;
    objective: { programName: string };
    stakeholders: { entries: { id: string; name: string; notes: string }[] };
  };
  plan.id = 'astral-text-plan';
  plan.name = 'Astral 😀 text';
  plan.objective.programName = 'Lower Valley 👩‍💻 Futures';
  plan.stakeholders.entries[0]!.name = NAME;
  plan.stakeholders.entries[0]!.notes = NOTES;
  entryId = plan.stakeholders.entries[0]!.id;
  const path = join(scratch, 'astral.upskill.json');
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

async function exportFile(page: Page, format: RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export plan' });
  await dialog.getByRole('radio', { name: format }).check();
  await dialog.getByRole('radio', { name: /^Full internal/ }).check();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: /^Export (Word document|Excel workbook)$/ }).click();
  const file = join(scratch, (await download).suggestedFilename());
  await (await download).saveAs(file);
  await dialog.waitFor({ state: 'detached' });
  return file;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The text of every XML part, each checked to be strict UTF-8 without U+FFFD or lone surrogates. */
function xmlParts(file: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(file))))) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    expect(text.includes('\ufffd'), `${name} holds U+FFFD`).toBe(false);
    expect(LONE_SURROGATE.test(text), `${name} holds a lone surrogate`).toBe(false);
    parts.set(name, text);
  }
  return parts;
}

describe('astral text in the exports, in Chromium', { timeout: 180_000 }, () => {
  it('Excel and Word files keep emoji, flags and ZWJ sequences whole', async () => {
    const { page } = await openApp(browser);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open plan file…' }).click();
    await (await chooser).setFiles(astralPlanFile());
    await page.getByRole('button', { name: 'Export…' }).waitFor();

    const xlsx = await exportFile(page, /^Excel workbook/);
    xmlParts(xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Stakeholders')!;
    const headers = ws.getRow(1).values as unknown[];
    let row = ws.getRow(2);
    ws.eachRow((r) => {
      if (r.getCell(1).value === entryId) row = r;
    });
    expect(row.getCell(1).value).toBe(entryId);
    expect(row.getCell(headers.indexOf('Name')).value).toBe(NAME);
    const notes = String(row.getCell(headers.indexOf('Internal notes')).value);
    // 'a' and 16,382 emoji are 32,765 units; one more emoji would not fit before the "…".
    expect(notes).toBe(`a${'😀'.repeat(16_382)}…`);

    const docx = await exportFile(page, /^Word program plan/);
    const document = xmlParts(docx).get('word/document.xml')!;
    expect(document).toContain(NOTES);
    expect(document).toContain('Lower Valley 👩‍💻 Futures');
    expect(appErrors(page)).toEqual([]);
  });
});
