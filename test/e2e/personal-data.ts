/**
 * The personal-data rule in e2e tests (issues 13 and 14): after personal
 * data is imported (an invitation list, a learner roster), every shareable
 * file the app writes — the plan file, the Word plan and the Excel workbook
 * — is exported and searched for the people's e-mails and names. (Backups
 * are plan files; the browser version keeps none — personal-backups.test.ts
 * checks the desktop's backups folder, with personal data left out and,
 * when the user includes it, beside the plan backups, never inside. The
 * CSVs that do hold people — wave invitations, follow-up lists, rows not
 * imported — are not shareable plan exports and say so where they are made.)
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitUntilSaved } from './browser';

/** Every text part of an Office file (zip of XML). */
export function officeText(path: string): string {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  return Object.entries(files)
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');
}

/**
 * Exports the open plan in every shareable format — the plan file, then the
 * Word and Excel files under the full internal profile (the one that shows
 * most) — and returns each file's text. `download` clicks and saves.
 */
export async function exportEveryFormat(
  page: Page,
  download: (click: () => Promise<void>) => Promise<string>,
): Promise<{ readonly format: string; readonly text: string }[]> {
  await waitUntilSaved(page);
  const planFile = await download(() =>
    page.getByRole('button', { name: 'Save as file…' }).click(),
  );
  const files = [{ format: 'plan file', text: readFileSync(planFile, 'utf8') }];
  for (const [format, radio] of [
    ['Word', /^Word/],
    ['Excel', /^Excel/],
  ] as const) {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export plan' });
    await dialog.getByRole('radio', { name: radio }).check();
    await dialog.getByRole('radio', { name: /^Full internal/ }).check();
    const path = await download(() =>
      dialog.getByRole('button', { name: /^Export (Word document|Excel workbook)$/ }).click(),
    );
    await dialog.waitFor({ state: 'detached' });
    files.push({ format, text: officeText(path) });
  }
  return files;
}

/** Asserts that no file holds any of `needles` (case ignored), each file being real content. */
export function expectNoneIn(
  files: readonly { readonly format: string; readonly text: string }[],
  needles: readonly string[],
): void {
  for (const { format, text } of files) {
    expect(text.length, format).toBeGreaterThan(1000);
    const lower = text.toLowerCase();
    for (const needle of needles)
      expect(lower.includes(needle.toLowerCase()), `${format} holds “${needle}”`).toBe(false);
  }
}
