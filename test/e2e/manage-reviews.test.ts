/**
 * Issue 14 through the UI, Reviews & cohorts: run a review of the sample that
 * marks an assumption at risk (with a note and an action) and see it on the
 * theory-of-change canvas, in the node's badge and accessible name; start
 * the next cohort (one step: a kept version, the next version number, the
 * open action carried to the Objective as a lesson to tick off, the next
 * cohort added); change the theory of change and compare the kept version
 * with the current one; open the kept version read-only. Screens are
 * captured at 1280×720 and 1920×1080 for review.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import type { Locator } from 'playwright-core';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const HIRING = 'Employers keep their hiring commitments';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page) {
  return (await new AxeBuilder(page).analyze())
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The screen as a person sees it with `target` scrolled into view (sections scroll inside the page). */
async function view(page: Page, target: Locator, name: string) {
  await target.scrollIntoViewIfNeeded();
  await screenshot(page, name, { fullPage: false });
}

const sections = (page: Page) => page.getByRole('navigation', { name: 'Plan sections' });

async function goTo(page: Page, link: string, heading: string) {
  await sections(page).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('reviews, assumptions on the canvas, next cohort and versions', () => {
  it('marks an assumption at risk, sees it on the canvas, starts the next cohort and compares versions', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.clock.setFixedTime(new Date('2027-09-15T10:00:00'));
    await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
    await goTo(page, 'Reviews & cohorts', 'Reviews & cohorts');

    // A new review lists every assumption, each with its last status.
    await page.getByRole('button', { name: 'New review' }).click();
    const editor = page.getByRole('region', { name: 'Review of 15 September 2027' });
    await editor.waitFor();
    const status = editor.getByRole('radiogroup', { name: `Status of “${HIRING}”` });
    await status.getByRole('radio', { name: 'At risk' }).check();
    await editor
      .getByRole('textbox', { name: `Note on “${HIRING}”` })
      .fill('Two of five employers paused hiring');
    await editor.getByRole('textbox', { name: 'What was learned' }).fill('Hiring slowed in Q3.');
    await editor
      .getByRole('textbox', { name: 'Decisions' })
      .fill('Ask each employer partner to renew its hiring pledge.');
    await editor.getByRole('button', { name: 'Add action' }).click();
    const action = editor.getByRole('textbox', { name: 'Action' }).last();
    await expect.poll(() => action.evaluate((el) => el === document.activeElement)).toBe(true);
    await action.fill('Renew employer hiring pledges');
    await editor
      .getByRole('combobox', { name: 'Section to act in' })
      .last()
      .selectOption('stakeholders');
    await waitUntilSaved(page);
    expect(await seriousViolations(page)).toEqual([]);
    await view(page, status, 'manage-reviews-assumption-1280');
    await view(page, action, 'manage-reviews-actions-1280');
    await view(page, page.getByRole('table'), 'manage-reviews-cohorts-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await view(page, editor.getByRole('heading', { level: 3 }), 'manage-reviews-review-1920');
    await view(page, page.getByRole('table'), 'manage-reviews-cohorts-1920');
    await page.setViewportSize({ width: 1280, height: 720 });

    // The canvas shows the status: a badge with a word and a shape, and the node's name says it.
    await goTo(page, 'Theory of change', 'Theory of change');
    const node = page.getByLabel(`Assumption: ${HIRING} (at risk at the latest review)`, {
      exact: true,
    });
    await node.waitFor();
    expect(await node.locator('.status-badge').textContent()).toBe('▲At risk');
    await screenshot(page, 'manage-reviews-canvas-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'manage-reviews-canvas-1920');
    await page.setViewportSize({ width: 1280, height: 720 });

    // Its details say how it stood and lead to the review.
    await node.click();
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'At the latest review' }).waitFor();
    await details.getByText('Two of five employers paused hiring', { exact: false }).waitFor();
    await details.getByRole('button', { name: 'Open the review of 15 September 2027' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reviews & cohorts' }).waitFor();
    await page.getByRole('region', { name: 'Review of 15 September 2027' }).waitFor();

    // Start the next cohort: one step.
    const next = page.getByRole('group', { name: 'Start next cohort' });
    await next.getByRole('textbox', { name: 'Keep this version as' }).fill('Version 1 — Cohort 1');
    await next.getByRole('textbox', { name: 'Next cohort (optional)' }).fill('Cohort 3');
    // No version kept yet: the open actions of every review are carried, not only the latest's.
    await next
      .getByText(
        '4 open actions from the reviews of 12 November 2026 and 15 September 2027 will be carried',
        { exact: false },
      )
      .waitFor();
    await next.getByRole('button', { name: 'Start next cohort' }).click();
    await page.getByText('This is version 2', { exact: false }).waitFor();
    const kept = page.getByRole('button', { name: 'Open “Version 1 — Cohort 1” read-only' });
    await kept.waitFor();
    expect(await page.getByRole('textbox', { name: 'Cohort name' }).last().inputValue()).toBe(
      'Cohort 3',
    );
    // One step: Undo takes back the version, the carried lesson and the cohort; Redo brings them back.
    await page.getByRole('button', { name: 'Undo Start next cohort “Cohort 3”' }).click();
    await page.getByText('This is version 1', { exact: false }).waitFor();
    expect(await kept.count()).toBe(0);
    await page.getByRole('button', { name: 'Redo Start next cohort “Cohort 3”' }).click();
    await kept.waitFor();
    await waitUntilSaved(page);

    // Plan health lists the lesson still to act on.
    await sections(page)
      .getByRole('link', { name: /^Plan health/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Plan health' }).waitFor();
    await page
      .getByText('4 lessons carried from the reviews are still to act on in this version', {
        exact: false,
      })
      .waitFor();

    // The open action waits on the Objective as a lesson to act on, ticked off by keyboard.
    await goTo(page, 'Objective', 'Objective');
    const lessons = page.getByRole('region', { name: 'Lessons to act on' });
    const lesson = lessons.getByRole('checkbox', { name: 'Renew employer hiring pledges' });
    await lesson.focus();
    await page.keyboard.press('Space');
    expect(await lesson.isChecked()).toBe(true);
    await view(page, lessons, 'manage-reviews-lessons-1280');

    // Change the theory of change, then compare the kept version with this one.
    await goTo(page, 'Theory of change', 'Theory of change');
    await page.getByRole('button', { name: 'Add assumption' }).click();
    const title = page.getByRole('textbox', { name: 'Element title' });
    await title.fill('Learners have a laptop at home');
    await title.press('Enter');
    await waitUntilSaved(page);
    await goTo(page, 'Reviews & cohorts', 'Reviews & cohorts');
    const compare = page.getByRole('group', { name: 'Compare two versions' });
    await compare.getByRole('button', { name: 'Compare versions' }).click();
    const diff = page.getByRole('region', {
      name: 'Changes from Version 1 — Cohort 1 to This version (current)',
    });
    await diff.getByText('Assumption “Learners have a laptop at home” added').waitFor();
    expect(await diff.getByRole('status').textContent()).toMatch(/^\d+ changes? from/);
    await view(page, compare, 'manage-reviews-compare-1280');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await view(page, compare, 'manage-reviews-compare-1920');
    await page.setViewportSize({ width: 1280, height: 720 });

    // The kept version opens read-only: clearly labelled, nothing can be typed in.
    await kept.click();
    const banner = page.getByRole('region', { name: 'Kept version' });
    await banner.getByText('Read-only: kept version “Version 1 — Cohort 1”').waitFor();
    const keptView = page.getByRole('group', { name: 'Kept version “Version 1 — Cohort 1”' });
    await keptView.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
    expect(await keptView.getByRole('textbox').first().isDisabled()).toBe(true);
    // Its theory of change is the one before the new assumption, drawn read-only.
    const pick = page.getByRole('combobox', { name: 'Section of the kept version' });
    await pick.selectOption('theoryOfChange');
    await keptView.getByLabel(`Assumption: ${HIRING} (at risk at the latest review)`).waitFor();
    expect(await keptView.getByText('Learners have a laptop at home').count()).toBe(0);
    await pick.selectOption('reviews');
    // The kept copy is version 1 with no kept versions of its own.
    await keptView.getByText('This is version 1', { exact: false }).waitFor();
    await view(page, banner, 'manage-reviews-kept-1280');
    expect(await seriousViolations(page)).toEqual([]);
    await banner.getByRole('button', { name: 'Back to the current plan' }).click();
    await page.getByText('This is version 2', { exact: false }).waitFor();

    expect(appErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
