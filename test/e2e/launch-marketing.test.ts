/**
 * Issue 13 through the UI, the Marketing plan: open the sample, add a
 * channel that reaches a segment no channel reached, give it a budget and
 * see the coverage grid and the channels' total change; add a learner story
 * without consent and see it flagged, then export the Word plan and find
 * the consented stories in it and the new one nowhere. Screens are captured
 * at 1280×720 and 1920×1080 for review.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';

/** The running text of a Word file's body: tags removed, the XML entities read. */
function wordText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const scratch = mkdtempSync(join(tmpdir(), 'upskill-e2e-marketing-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function seriousViolations(page: Page) {
  return (await new AxeBuilder(page).analyze())
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Each card of the section in view, one screenshot each (the section scrolls inside the app). */
async function screenshotCards(page: Page, name: string) {
  const headings = page.locator('.marketing-section h2');
  const n = await headings.count();
  for (let i = 0; i < n; i++) {
    await headings.nth(i).scrollIntoViewIfNeeded();
    await headings.nth(i).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, `${name}-${i + 1}`, { fullPage: false });
  }
  const figure = page.getByRole('figure', { name: 'Learner journey funnel figure' });
  await figure.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, `${name}-funnel`, { fullPage: false });
}

async function openMarketing(page: Page) {
  await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Plan sections' })
    .getByRole('link', { name: 'Marketing' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Marketing plan' }).waitFor();
}

describe('marketing plan', () => {
  it('a new channel reaches a segment with a budget; an unconsented story is flagged and never exported', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openMarketing(page);
    const total = page.getByTestId('marketing-total');
    expect(await total.textContent()).toContain('€63,500');

    // Add a chamber-of-commerce channel and make it reach the justice-involved segment.
    await page.getByLabel('Kind of new channel').selectOption('chamberOfCommerce');
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    const editor = page.getByRole('region', { name: /^Channel:/ });
    await editor.getByLabel('Description').fill('Employer breakfast briefings');
    const segments = editor.getByRole('group', { name: 'Learner segments it reaches' });
    const first = segments.getByRole('checkbox').first();
    const segmentName = (await first.locator('xpath=..').textContent())!.trim();
    expect(
      await page.getByLabel(`Employer breakfast briefings reaches ${segmentName}`).isChecked(),
    ).toBe(false);
    // The coverage grid counts the channels reaching the segment: one more once ticked.
    const count = page.getByTestId('coverage-count-seg-neet');
    expect(segmentName).toMatch(/^NEET/);
    expect(await count.textContent()).toBe('5');
    await first.check();
    await count.filter({ hasText: '6' }).waitFor();
    await page.getByLabel(`Employer breakfast briefings reaches ${segmentName}`).waitFor();
    expect(
      await page.getByLabel(`Employer breakfast briefings reaches ${segmentName}`).isChecked(),
    ).toBe(true);
    await editor.getByLabel('Budget (EUR)').fill('1500');
    await editor.getByLabel('Budget (EUR)').blur();
    await total.filter({ hasText: '€65,000' }).waitFor();

    // The grid: untick the new channel's segment there; the editor follows.
    await page.getByLabel(`Employer breakfast briefings reaches ${segmentName}`).uncheck();
    expect(await first.isChecked()).toBe(false);
    await page.getByText('Reaches no segment').waitFor();
    await page.getByLabel(`Employer breakfast briefings reaches ${segmentName}`).check();
    expect(await first.isChecked()).toBe(true);

    // A name the team uses: the editor's heading, the list and the grid follow it.
    await editor.getByLabel('Name', { exact: true }).fill('Chamber breakfasts');
    await editor.getByLabel('Name', { exact: true }).blur();
    await page.getByRole('heading', { name: 'Channel: Chamber breakfasts' }).waitFor();
    await page.getByLabel(`Chamber breakfasts reaches ${segmentName}`).waitFor();

    // A story without consent.
    await page.getByRole('button', { name: 'Add story', exact: true }).click();
    const story = page.getByRole('listitem', { name: 'Learner story: New learner story' });
    await story.getByText('No consent: never exported').waitFor();
    const title = page.getByLabel('Title of story 4');
    await title.fill('Kai gets back on track');
    await page
      .getByLabel('Story 4', { exact: true })
      .fill('Kai, 22, UNCONSENTED-MARKER finished the course.');
    await page
      .getByRole('listitem', { name: 'Learner story: Kai gets back on track' })
      .getByText('No consent: never exported')
      .waitFor();
    await waitUntilSaved(page);
    await screenshotCards(page, 'launch-marketing-1280');
    expect(await seriousViolations(page)).toEqual([]);

    // Plan health names the story and leads back to it.
    await page
      .getByRole('navigation', { name: 'Plan sections' })
      .getByRole('link', { name: /^Plan health/ })
      .click();
    await page
      .getByRole('button', {
        name: /^The learner story “Kai gets back on track” has no consent recorded/,
      })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Marketing plan' }).waitFor();
    await page.getByRole('listitem', { name: 'Learner story: Kai gets back on track' }).waitFor();
    expect(
      await page
        .getByRole('listitem', { name: 'Learner story: Kai gets back on track' })
        .evaluate((el) => {
          const box = el.getBoundingClientRect();
          // Scrolled to its top (sub-pixel rounding aside).
          return box.top > -1 && box.top < window.innerHeight;
        }),
    ).toBe(true);

    // Export the Word plan: the consented stories are in it, the new one is not.
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export plan' });
    await dialog.getByRole('radio', { name: /^Word program plan/ }).check();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Export Word document' }).click();
    const file = join(scratch, 'plan.docx');
    await (await download).saveAs(file);
    await dialog.waitFor({ state: 'detached' });
    const word = wordText(readFileSync(file));
    expect(word).toContain('Marketing plan');
    expect(word).toContain('From warehouse shifts to the Brackenfield service desk');
    expect(word).toContain('Employer breakfast briefings');
    expect(word).not.toContain('Kai gets back on track');
    expect(word).not.toContain('UNCONSENTED-MARKER');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('works by keyboard: toolkit items and journey steps, with the verdict and undo; a segment’s own funnel column (1920×1080)', async () => {
    const { context, page } = await openApp(browser, { width: 1920, height: 1080 });
    await openMarketing(page);
    const verdict = page.getByTestId('journey-verdict');
    expect(await verdict.textContent()).toBe(
      '3 steps from invitation to first lesson: within the target of 3 steps.',
    );
    // A fourth step: over the target of 3.
    await page.getByRole('button', { name: 'Add step', exact: true }).press('Enter');
    await page.keyboard.type('Choose a password');
    await verdict
      .filter({ hasText: '4 steps from invitation to first lesson: 1 step over the target' })
      .waitFor();
    await page.getByRole('button', { name: 'Move step 4 up' }).press('Enter');
    expect(await page.getByLabel('Wording of step 3').inputValue()).toBe('Choose a password');
    // Raise the target: the verdict follows.
    const target = page.getByLabel('Target: most steps');
    await target.fill('5');
    await target.blur();
    await verdict.filter({ hasText: 'within the target of 5 steps' }).waitFor();

    // A toolkit item added, ticked and moved by keyboard, then deleted and undone.
    await page.getByRole('button', { name: 'Add toolkit item' }).press('Enter');
    await page.keyboard.type('Press kit for local radio');
    const ready = page.getByRole('checkbox', { name: 'Ready: Press kit for local radio' });
    await ready.press('Space');
    expect(await ready.isChecked()).toBe(true);
    await page.getByText('4 of 8 ready').waitFor();
    await page.getByRole('button', { name: 'Move toolkit item 8 up' }).press('Enter');
    expect(await page.getByLabel('Wording of toolkit item 7').inputValue()).toBe(
      'Press kit for local radio',
    );
    await page.getByRole('button', { name: 'Delete toolkit item 7' }).press('Enter');
    await page.getByText('3 of 7 ready').waitFor();
    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.getByText('4 of 8 ready').waitFor();

    // The journey funnel: a segment's own column, drawn in the figure.
    await page.getByLabel('Segment with a journey of its own').selectOption({
      label: 'Young parents and carers',
    });
    await page.getByRole('button', { name: 'Add segment column' }).click();
    await page
      .getByLabel('Touchpoints, Awareness, Young parents and carers', { exact: true })
      .fill('Nursery and school-gate notice boards');
    await page
      .getByRole('img', { name: /for everyone and for Young parents and carers\.$/ })
      .waitFor();
    await waitUntilSaved(page);
    await screenshotCards(page, 'launch-marketing-1920');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
