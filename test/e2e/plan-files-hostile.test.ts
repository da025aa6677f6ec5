/**
 * Hostile and odd plan files as a planner meets them: each is opened through
 * "Open plan file…" and either gets an alert naming what is wrong (and the
 * library is unchanged, also after a reload) or opens with every repair
 * said. Plus the real-world files in test/fixtures/cases/plans/ and a link
 * whose address has a malformed escape.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const root = join(import.meta.dirname, '..', '..');
const cases = join(root, 'test', 'fixtures', 'cases', 'plans');
const sampleText = readFileSync(
  join(root, 'resources', 'sample-plans', 'youth-digital-skills.upskill.json'),
  'utf8',
);
const sampleName = (JSON.parse(sampleText) as { name: string }).name;
const scratch = mkdtempSync(join(tmpdir(), 'upskill-hostile-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const plans = (page: Page) =>
  page.getByRole('list', { name: 'Plans', exact: true }).getByRole('listitem');

async function openFileWithChooser(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open plan file…' }).click();
  await (await chooser).setFiles(path);
}

/** A plan file written to the scratch folder. */
function planFile(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

/** A small valid plan (JSON object) to break in one way. */
function blankPlan(id: string, name: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    name,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
  };
}

describe('files that are refused', () => {
  it('refuses deep nesting, text or fractional versions and invalid UTF-8 with a message, and changes nothing', async () => {
    const { context, page } = await openApp(browser);
    await expect.poll(() => plans(page).count()).toBe(1);
    const refused = [
      {
        path: planFile(
          'deep.upskill.json',
          `{"schemaVersion":1,"id":"deep","name":"Deep","x":${'['.repeat(4_000)}${']'.repeat(4_000)}}`,
        ),
        message: 'This file is nested too deeply to be a plan (more than 100 levels).',
      },
      {
        path: planFile(
          'text-version.upskill.json',
          JSON.stringify({ ...blankPlan('tv', 'Text version'), schemaVersion: '1' }),
        ),
        message: 'its schemaVersion is "1" (text), not a whole number',
      },
      {
        path: planFile(
          'fraction.upskill.json',
          JSON.stringify({ ...blankPlan('fv', 'Fraction'), schemaVersion: 1.5 }),
        ),
        message: 'its schemaVersion is 1.5, not a whole number',
      },
      {
        path: planFile('no-version.upskill.json', JSON.stringify({ id: 'nv', name: 'No version' })),
        message: 'This file is not an Upskill Workbench plan: it has no "schemaVersion".',
      },
      {
        // "Café" saved as Windows-1252: never opened with U+FFFD in place of the é.
        path: planFile(
          'latin1.upskill.json',
          Buffer.concat([
            Buffer.from(JSON.stringify(blankPlan('l1', 'Caf')).slice(0, -2)),
            Buffer.from([0xe9, 0x22, 0x7d]),
          ]),
        ),
        message: /is not a UTF-8 text file: the bytes at line 1, column \d+ \(byte offset \d+\)/,
      },
    ];
    for (const file of refused) {
      await openFileWithChooser(page, file.path);
      const alert = page.getByRole('alertdialog');
      await alert.getByText(file.message).waitFor();
      if (file.path.endsWith('deep.upskill.json')) await screenshot(page, 'open-too-deep-file');
      await alert.getByRole('button', { name: 'OK' }).click();
      await alert.waitFor({ state: 'detached' });
      expect(await plans(page).count()).toBe(1);
    }
    await page.reload();
    await page.getByRole('button', { name: sampleName, exact: true }).waitFor();
    expect(await plans(page).count()).toBe(1);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('unknown fields named like built-in methods', () => {
  it('opens the file, saves edits, and keeps the fields as data', async () => {
    const { context, page } = await openApp(browser);
    const odd = { toString: 'kept', valueOf: 7, hasOwnProperty: false, constructor: { x: 1 } };
    const plan = {
      ...blankPlan('odd-keys', 'Odd keys'),
      ...odd,
      objective: { region: 'North', ...odd },
    };
    await openFileWithChooser(page, planFile('odd.upskill.json', JSON.stringify(plan)));
    const region = page.getByLabel('Region', { exact: true });
    await region.waitFor();
    expect(await region.inputValue()).toBe('North');
    await region.fill('North Shore');
    // Before the fix the save failed with a DataCloneError and said nothing.
    await waitUntilSaved(page);
    await page.reload();
    expect(await page.getByLabel('Region', { exact: true }).inputValue()).toBe('North Shore');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as file…' }).click();
    const saved = join(scratch, 'odd-saved.upskill.json');
    await (await download).saveAs(saved);
    const back = JSON.parse(readFileSync(saved, 'utf8')) as Record<string, unknown>;
    expect(back).toMatchObject({ ...odd, objective: { region: 'North Shore', ...odd } });
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('an address with a malformed escape', () => {
  it('opens the library instead of waiting forever, and says why', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const notice = page.getByText(
      'That address does not lead to a plan, so your plans are shown instead.',
    );
    await page.goto(`${inject('baseUrl')}#/plan/%/objective`);
    await page.getByRole('heading', { name: 'Your plans' }).waitFor();
    await page.getByRole('button', { name: sampleName, exact: true }).waitFor();
    await notice.waitFor();
    expect(new URL(page.url()).hash).toBe('#/');

    // And when such an address is followed from inside a plan.
    await page.getByRole('button', { name: `Open ${sampleName}` }).click();
    await page.getByRole('heading', { name: 'Objective', level: 1 }).waitFor();
    await page.evaluate(() => {
      location.hash = '#/plan/%E0%A4%A/logicModel';
    });
    await page.getByRole('heading', { name: 'Your plans' }).waitFor();
    await notice.first().waitFor();
    await context.close();
  });
});

describe('the real-world plan files (test/fixtures/cases/plans)', () => {
  it('duplicate element ids: says what was renamed, shows both, and deleting one leaves the other', async () => {
    const { context, page } = await openApp(browser);
    await openFileWithChooser(page, join(cases, 'duplicate-element-id.upskill.json'));
    // Cancel first: nothing changes.
    const ask = page.getByRole('alertdialog', { name: /needs repairs to open/ });
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await plans(page).count()).toBe(1);
    await openFileWithChooser(page, join(cases, 'duplicate-element-id.upskill.json'));
    const alert = page.getByRole('alertdialog', { name: /needs repairs to open/ });
    await alert
      .getByText(
        'Two theory-of-change elements had the id "n1"; the second ("Employers hire completers") now has the id "n1-2".',
      )
      .waitFor();
    await screenshot(page, 'open-repaired-file');
    // Said before anything changes: the library still holds only the sample.
    expect(await plans(page).count()).toBe(1);
    await alert.getByRole('button', { name: 'Open with repairs' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText:
          /Opened "Duplicate node id" with one repair( and upgraded it from plan format \d+)?\./,
      })
      .waitFor();

    await page.getByRole('link', { name: 'Theory of change' }).click();
    const finish = page.getByRole('group', { name: /Learners finish their pathway/ });
    const hire = page.getByRole('group', { name: /Employers hire completers/ });
    await finish.waitFor();
    await hire.waitFor();

    // Enter selects the focused element; Delete removes what is selected.
    await finish.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await finish.waitFor({ state: 'detached' });
    await hire.waitFor();
    await waitUntilSaved(page);
    await page.reload();
    await page.getByRole('group', { name: /Employers hire completers/ }).waitFor();
    expect(await page.getByRole('group', { name: /Learners finish their pathway/ }).count()).toBe(
      0,
    );
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('self-loop: Plan health flags the link and opens it', async () => {
    const { context, page } = await openApp(browser);
    await openFileWithChooser(page, join(cases, 'self-loop.upskill.json'));
    await page.getByLabel('Program name', { exact: true }).waitFor();
    await page.getByRole('link', { name: /Plan health/ }).click();
    const finding = page.getByRole('button', { name: /is linked to itself/ });
    await finding.waitFor();
    await finding.click();
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText('Causal link').waitFor();
    expect(await details.getByLabel('Rationale (because…)').inputValue()).toBe(
      'Loops back on itself',
    );
    await context.close();
  });

  it('duplicate link: Plan health flags the second copy', async () => {
    const { context, page } = await openApp(browser);
    await openFileWithChooser(page, join(cases, 'duplicate-link.upskill.json'));
    await page.getByLabel('Program name', { exact: true }).waitFor();
    await page.getByRole('link', { name: /Plan health/ }).click();
    const finding = page.getByRole('button', {
      name: /is in the theory of change more than once/,
    });
    await finding.click();
    const details = page.getByRole('complementary', { name: 'Details' });
    expect(await details.getByLabel('Rationale (because…)').inputValue()).toBe(
      'Second copy of the same link',
    );
    await context.close();
  });
});
