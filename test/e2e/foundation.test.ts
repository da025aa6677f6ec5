/**
 * The foundation as a user meets it: the library with the sample plan, the
 * Objective section, autosave across reloads, undo/redo, plan files in and
 * out, and bad files refused with nothing changed.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from './axe';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';
import { dateValue, fillDate } from './dates';

const root = join(import.meta.dirname, '..', '..');
const sample = JSON.parse(
  readFileSync(
    join(root, 'resources', 'sample-plans', 'youth-digital-skills.upskill.json'),
    'utf8',
  ),
) as {
  name: string;
  objective: { programName: string };
  theoryOfChange: { nodes: Record<string, unknown>[] };
};
const scratch = mkdtempSync(join(tmpdir(), 'upskill-e2e-'));

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

describe('first start', () => {
  it('shows the library with the sample plan ready', async () => {
    const { context, page } = await openApp(browser);
    await expect.poll(() => plans(page).count()).toBe(1);
    await page.getByRole('button', { name: sample.name, exact: true }).waitFor();
    await screenshot(page, 'library-1366');
    await page.getByRole('button', { name: `Open ${sample.name}` }).click();
    await page.getByRole('heading', { name: 'Objective', level: 1 }).waitFor();
    expect(await page.getByLabel('Program name', { exact: true }).inputValue()).toBe(
      sample.objective.programName,
    );
    await screenshot(page, 'objective-sample-1366');
    await page.keyboard.press('Control+/');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.getByRole('cell', { name: 'Undo the last change to the plan' }).waitFor();
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'detached' });
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('editing a plan', () => {
  it('creates a plan, edits the objective, and finds it after a reload', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: 'New blank plan' }).click();
    await page.getByRole('heading', { name: 'Objective', level: 1 }).waitFor();

    await page.getByLabel('Plan name', { exact: true }).fill('Harbour City Care Skills');
    await page.getByLabel('Program name', { exact: true }).fill('Care Careers Now');
    await page.getByLabel('Organisation', { exact: true }).fill('Harbour City Employment Service');
    await page.getByLabel('Region', { exact: true }).fill('Harbour City');
    await page
      .getByLabel('Problem statement', { exact: true })
      .fill('Care homes have 400 open posts; 2,300 adults are long-term unemployed.');
    await fillDate(page.getByRole('group', { name: 'Baseline date', exact: true }), '2026-09-30');
    // Success measures are indicators (one measurement framework).
    await page.getByRole('button', { name: 'Add success measure' }).click();
    const measure = page.getByRole('group', { name: 'Indicator: Untitled indicator' });
    const measureName = measure.getByLabel('Indicator name', { exact: true });
    // Focus moves to the new row's first field.
    await expect.poll(() => measureName.evaluate((el) => el === document.activeElement)).toBe(true);
    await measureName.fill('Placed in a care job within 6 months');
    const named = page.getByRole('group', {
      name: 'Indicator: Placed in a care job within 6 months',
    });
    await named
      .getByLabel('Success measure of the program', { exact: true })
      .selectOption({ label: 'Job placement' });
    await named.getByLabel('Baseline', { exact: true }).fill('18');
    await named.getByLabel('Target', { exact: true }).fill('45');
    await fillDate(page.getByRole('group', { name: 'Launch starts', exact: true }), '2027-04-01');
    await waitUntilSaved(page);

    await page.reload();
    await page.getByLabel('Program name', { exact: true }).waitFor();
    expect(await page.getByLabel('Plan name', { exact: true }).inputValue()).toBe(
      'Harbour City Care Skills',
    );
    expect(await page.getByLabel('Organisation', { exact: true }).inputValue()).toBe(
      'Harbour City Employment Service',
    );
    expect(await dateValue(page.getByRole('group', { name: 'Baseline date', exact: true }))).toBe(
      '2026-09-30',
    );
    await page.getByRole('button', { name: /Placed in a care job within 6 months/ }).click();
    const again = page.getByRole('group', {
      name: 'Indicator: Placed in a care job within 6 months',
    });
    expect(await again.getByLabel('Target', { exact: true }).inputValue()).toBe('45');
    expect(
      await again.getByLabel('Success measure of the program', { exact: true }).inputValue(),
    ).toBe('jobPlacement');
    expect(await dateValue(page.getByRole('group', { name: 'Launch starts', exact: true }))).toBe(
      '2027-04-01',
    );

    await page.getByRole('button', { name: '← All plans' }).click();
    await page.getByRole('button', { name: 'Harbour City Care Skills', exact: true }).waitFor();
    expect(await plans(page).count()).toBe(2);
    await context.close();
  });

  it('undoes and redoes edits with the keyboard and the toolbar, one gesture per step', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: 'New blank plan' }).click();
    const region = page.getByLabel('Region', { exact: true });
    await region.pressSequentially('North Shore');
    await region.blur();
    await page.getByLabel('Organisation', { exact: true }).fill('Skills Fund');
    await page.getByLabel('Organisation', { exact: true }).blur();

    await page.keyboard.press('Control+z');
    expect(await page.getByLabel('Organisation', { exact: true }).inputValue()).toBe('');
    expect(await region.inputValue()).toBe('North Shore');
    await page.keyboard.press('Control+z');
    // Typing a whole word was one step.
    expect(await region.inputValue()).toBe('');
    await page.keyboard.press('Control+Shift+z');
    expect(await region.inputValue()).toBe('North Shore');
    await page.getByRole('button', { name: /^Redo/ }).click();
    expect(await page.getByLabel('Organisation', { exact: true }).inputValue()).toBe('Skills Fund');
    await page.getByRole('button', { name: /^Undo/ }).click();
    expect(await page.getByLabel('Organisation', { exact: true }).inputValue()).toBe('');

    // Undo while typing in a field undoes the plan edit, not just the text box.
    await region.click();
    await region.press('End');
    await region.pressSequentially(' Region');
    await region.press('Control+z');
    expect(await region.inputValue()).toBe('North Shore');
    await waitUntilSaved(page);
    await page.reload();
    expect(await page.getByLabel('Region', { exact: true }).inputValue()).toBe('North Shore');
    await context.close();
  });

  it('refuses a value that is not a number and leaves the plan unchanged', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: 'New blank plan' }).click();
    await page.getByRole('button', { name: 'Add success measure' }).click();
    const target = page
      .getByRole('group', { name: 'Indicator: Untitled indicator' })
      .getByLabel('Target', { exact: true });
    await target.fill('45');
    await target.fill('45 people');
    await page.getByRole('alert').filter({ hasText: 'is not a number' }).waitFor();
    await target.fill('1e15');
    await page.getByRole('alert').filter({ hasText: 'Enter a number up to' }).waitFor();
    await target.blur();
    expect(await target.inputValue()).toBe('45');
    // Leaving it says what was not kept, instead of putting 45 back in silence.
    await page.getByRole('status').filter({ hasText: '“1e15” was not kept.' }).waitFor();
    await context.close();
  });
});

describe('the plan library', () => {
  it('renames, duplicates, deletes with undo, and deletes for good after confirming', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: `Rename ${sample.name}` }).click();
    const dialog = page.getByRole('dialog', { name: /Rename/ });
    await dialog.getByLabel('Plan name', { exact: true }).fill('Valley Youth Plan');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('button', { name: 'Valley Youth Plan', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Duplicate Valley Youth Plan' }).click();
    await page.getByRole('button', { name: 'Copy of Valley Youth Plan', exact: true }).waitFor();
    expect(await plans(page).count()).toBe(2);

    await page.getByRole('button', { name: 'Delete Copy of Valley Youth Plan' }).click();
    await expect.poll(() => plans(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Copy of Valley Youth Plan', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Delete Copy of Valley Youth Plan' }).click();
    await page.getByRole('heading', { name: 'Recently deleted' }).waitFor();
    await page.getByRole('button', { name: 'Delete Copy of Valley Youth Plan for good' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this plan for good?' });
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('heading', { name: 'Recently deleted' }).waitFor({ state: 'detached' });

    await page.reload();
    await page.getByRole('button', { name: 'Valley Youth Plan', exact: true }).waitFor();
    await expect.poll(() => plans(page).count()).toBe(1);
    await context.close();
  });
});

describe('plan files', () => {
  it('saves a plan as a file and opens it again, asking before it replaces', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: 'New blank plan' }).click();
    await page.getByLabel('Plan name', { exact: true }).fill('Upper Valley Pilot');
    await page.getByLabel('Region', { exact: true }).fill('Upper Valley');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as file…' }).click();
    const file = join(scratch, (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect(file).toMatch(/\.upskill\.json$/);
    expect(JSON.parse(readFileSync(file, 'utf8')).objective.region).toBe('Upper Valley');

    // A colleague opens the file on a machine of their own.
    const other = await openApp(browser);
    await openFileWithChooser(other.page, file);
    await other.page
      .getByRole('button', { name: 'Open plan file…' })
      .waitFor({ state: 'detached' });
    expect(await other.page.getByLabel('Region', { exact: true }).inputValue()).toBe(
      'Upper Valley',
    );
    await other.context.close();

    // The same plan is already in this library: keep both.
    await page.getByRole('button', { name: '← All plans' }).click();
    await openFileWithChooser(page, file);
    await page
      .getByRole('dialog', { name: 'This plan is already in your library' })
      .getByRole('button', { name: 'Keep both' })
      .click();
    await page.getByLabel('Program name', { exact: true }).waitFor();
    expect(await page.getByLabel('Plan name', { exact: true }).inputValue()).toBe(
      'Copy of Upper Valley Pilot',
    );
    await context.close();
  });

  it('refuses malformed, newer-version and oversized files with a clear message and changes nothing', async () => {
    const { context, page } = await openApp(browser);
    const cases = [
      {
        name: 'broken.upskill.json',
        text: '{"schemaVersion": 1, "name": "Half a',
        message: 'not valid JSON',
      },
      { name: 'other.json', text: '{"invoice": 42}', message: 'not an Upskill Workbench plan' },
      {
        name: 'future.upskill.json',
        text: JSON.stringify({ ...sample, schemaVersion: 99 }),
        message: 'newer version of Upskill Workbench',
      },
      {
        name: 'bad-field.upskill.json',
        text: JSON.stringify({
          ...sample,
          id: 'x',
          theoryOfChange: {
            ...sample.theoryOfChange,
            nodes: [{ ...sample.theoryOfChange.nodes[0], title: 42 }],
          },
        }),
        message: 'cannot be read',
        detail: 'Theory of change › element 1 › title: should be text, but it is the number 42',
      },
      {
        name: 'huge.upskill.json',
        text: `{"pad":"${'x'.repeat(21 * 1024 * 1024)}"}`,
        message: 'at most 20.0 MB',
      },
    ];
    for (const c of cases) {
      const path = join(scratch, c.name);
      writeFileSync(path, c.text);
      await openFileWithChooser(page, path);
      const alert = page.getByRole('alertdialog');
      await alert.getByText(c.message).waitFor();
      if (c.detail) await alert.getByText(c.detail).waitFor();
      if (c.name === 'bad-field.upskill.json') await screenshot(page, 'open-malformed-file');
      await alert.getByRole('button', { name: 'OK' }).click();
      expect(await plans(page).count()).toBe(1);
    }
    await page.reload();
    await page.getByRole('button', { name: sample.name, exact: true }).waitFor();
    expect(await plans(page).count()).toBe(1);
    await context.close();
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violations in the library and the Objective section', async () => {
    const { context, page } = await openApp(browser);
    const serious = async () =>
      (await new AxeBuilder(page).analyze())
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await serious()).toEqual([]);
    await page.getByRole('button', { name: `Open ${sample.name}` }).click();
    await page.getByLabel('Program name', { exact: true }).waitFor();
    expect(await serious()).toEqual([]);
    await context.close();
  });

  it('lays out cleanly on a 1920×1080 projector', async () => {
    const { context, page } = await openApp(browser, { width: 1920, height: 1080 });
    await page.getByRole('button', { name: `Open ${sample.name}` }).click();
    await page.getByLabel('Program name', { exact: true }).waitFor();
    await screenshot(page, 'objective-sample-1920');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    expect(overflow).toBe(false);
    await context.close();
  });
});
