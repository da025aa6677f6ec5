/**
 * Issue 13 through the UI, the Onboarding checklist: open the sample on a
 * day when some steps are late, see the overdue and due-this-week counts in
 * the header and in the sidebar link's name, mark a step done, add a custom
 * item due some days before the launch, then move the launch start in the
 * Objective's timeline and see the checklist dates follow, and Undo to see
 * them back. Screens are captured at 1280×720 and 1920×1080 for review.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';
import { fillDate } from './dates';

const SAMPLE = 'Lower Valley Digital Futures 2027';

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

const sidebarLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', {
    name: /^Onboarding checklist/,
  });

const item = (page: Page, title: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: title, exact: true }) });

async function goToChecklist(page: Page) {
  await sidebarLink(page).click();
  await page.getByRole('heading', { level: 1, name: 'Onboarding checklist' }).waitFor();
}

describe('onboarding checklist', () => {
  it('marks a step done, adds an item due before launch, and its dates follow the launch start with undo', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    // 20 March 2027, twelve days before the sample's launch (1 April 2027):
    // three open steps are late and two are due within a week.
    await page.clock.setFixedTime(new Date('2027-03-20T10:00:00'));
    await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
    expect(await sidebarLink(page).getAttribute('href')).toMatch(/\/onboarding$/);
    await goToChecklist(page);
    expect(await sidebarLink(page).textContent()).toContain('5');
    await page
      .getByRole('navigation', { name: 'Plan sections' })
      .getByRole('link', { name: 'Onboarding checklist, 3 overdue, 2 due this week', exact: true })
      .waitFor();
    const summary = page.getByRole('status').filter({ hasText: /of \d+ done/ });
    expect(await summary.textContent()).toContain('3 of 9 done');
    expect(await summary.textContent()).toContain('3 overdue, 2 due this week');
    await page.getByText('Launch starts 1 April 2027.', { exact: false }).waitFor();

    // Mark the sign-up test done.
    const signup = item(page, 'Sign-up flow tested end to end');
    expect(await signup.textContent()).toContain('Due: 26 March 2027 (6 days before launch)');
    expect(await signup.textContent()).toContain('Due in 6 days');
    await page.getByLabel('Status of “Sign-up flow tested end to end”').selectOption('done');
    await summary.filter({ hasText: '4 of 9 done' }).waitFor();
    expect(await summary.textContent()).toContain('3 overdue, 1 due this week');
    await page
      .getByRole('link', { name: 'Onboarding checklist, 3 overdue, 1 due this week', exact: true })
      .waitFor();

    // Add a custom item due ten days before the launch.
    await page.getByLabel('New item', { exact: true }).fill('Brief youth centre staff on sign-up');
    await page.getByRole('button', { name: 'Add item', exact: true }).click();
    const custom = item(page, 'Brief youth centre staff on sign-up');
    await custom.getByText('Custom').waitFor();
    expect(await custom.textContent()).toContain('Due: 1 April 2027 (on launch day)');
    const details = page.getByRole('group', {
      name: 'Details of “Brief youth centre staff on sign-up”',
    });
    await details.getByLabel('Owner', { exact: true }).fill('Priya Raman');
    const days = details.getByLabel('Days', { exact: true });
    await days.fill('10');
    await days.blur();
    expect(await details.getByLabel('Before or after').inputValue()).toBe('before');
    await custom.getByText('Due: 22 March 2027 (10 days before launch)').waitFor();
    await details.getByLabel('Link a partner').selectOption('sh-youth-centres');
    await custom.getByText('Partners: Youth Centres Network').waitFor();
    expect(await custom.textContent()).toContain('Owner: Priya Raman');
    await summary.filter({ hasText: '3 overdue, 2 due this week' }).waitFor();
    await waitUntilSaved(page);
    await screenshot(page, 'launch-checklist-1280');
    await page
      .getByRole('heading', { level: 1, name: 'Onboarding checklist' })
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'launch-checklist-top-1280', { fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);

    // Plan health lists the late steps; a finding leads to its step, opened.
    await page.getByRole('link', { name: /^Plan health/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan health' }).waitFor();
    await page
      .getByRole('button', {
        name: 'The onboarding step “Invitation source list prepared (spreadsheet for bulk upload)” was due on 19 March 2027 and is not done: finish it or give it a new date.',
      })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Onboarding checklist' }).waitFor();
    const source = page.getByRole('button', {
      name: 'Invitation source list prepared (spreadsheet for bulk upload)',
      exact: true,
    });
    expect(await source.getAttribute('aria-expanded')).toBe('true');
    expect(await source.evaluate((el) => el === document.activeElement)).toBe(true);
    await page
      .getByRole('group', {
        name: 'Details of “Invitation source list prepared (spreadsheet for bulk upload)”',
      })
      .getByLabel('Owner', { exact: true })
      .waitFor();

    // Move the custom item to the top by keyboard.
    const up = page.getByRole('button', { name: 'Move “Brief youth centre staff on sign-up” up' });
    for (let i = 0; i < 9; i++) {
      await up.focus();
      await page.keyboard.press('Enter');
    }
    expect(
      await page
        .getByRole('region', { name: 'Checklist' })
        .getByRole('listitem')
        .first()
        .textContent(),
    ).toContain('Brief youth centre staff on sign-up');

    // Move the launch start in the Objective's timeline: the dates follow.
    await page
      .getByRole('button', { name: 'Change the launch start in the Objective’s timeline' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
    await page
      .getByText(
        '10 onboarding checklist dates, 4 communications’ send dates and 2 invitation wave dates are counted from this date and move with it.',
      )
      .waitFor();
    // The link lands in the Launch starts field itself.
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.closest('[data-phase]')?.getAttribute('data-phase') ?? '',
        ),
      )
      .toBe('launch');
    await fillDate(page.getByRole('group', { name: 'Launch starts' }), '2027-05-03');
    await waitUntilSaved(page);
    // Nothing is late any more: the badge goes.
    await page.getByRole('link', { name: 'Onboarding checklist', exact: true }).waitFor();
    await goToChecklist(page);
    await page.getByText('Launch starts 3 May 2027.', { exact: false }).waitFor();
    expect(await item(page, 'Brief youth centre staff on sign-up').textContent()).toContain(
      'Due: 23 April 2027 (10 days before launch)',
    );
    expect(await item(page, 'Sign-up flow tested end to end').textContent()).toContain(
      'Due: 27 April 2027 (6 days before launch)',
    );
    expect(await summary.textContent()).toContain('Nothing overdue or due this week.');

    // Undo puts the launch back, and the dates with it.
    await page.getByRole('button', { name: /^Undo Edit launch start/ }).click();
    await page.getByText('Launch starts 1 April 2027.', { exact: false }).waitFor();
    expect(await item(page, 'Brief youth centre staff on sign-up').textContent()).toContain(
      'Due: 22 March 2027 (10 days before launch)',
    );
    expect(await item(page, 'Sign-up flow tested end to end').textContent()).toContain(
      'Due: 26 March 2027 (6 days before launch)',
    );
    await page
      .getByRole('link', { name: 'Onboarding checklist, 3 overdue, 2 due this week', exact: true })
      .waitFor();
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('says when the plan has no launch start and lets it be set in place; delete has an undo', async () => {
    const { context, page } = await openApp(browser, { width: 1920, height: 1080 });
    await page.clock.setFixedTime(new Date('2027-03-20T10:00:00'));
    await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
    // Clear the launch start in the timeline.
    const launch = page.getByRole('group', { name: 'Launch starts' });
    await launch.getByRole('spinbutton', { name: /year/ }).click();
    for (let i = 0; i < 12; i += 1) await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    await waitUntilSaved(page);
    await goToChecklist(page);
    const missing = page.getByRole('region', { name: 'Launch start' });
    await missing.getByText('The plan has no launch start yet').waitFor();
    expect(await item(page, 'Sign-up flow tested end to end').textContent()).toContain(
      '6 days before launch (launch start not set)',
    );
    await screenshot(page, 'launch-checklist-no-start-1920');
    expect(await seriousViolations(page)).toEqual([]);
    await fillDate(missing.getByRole('group', { name: 'Launch starts' }), '2027-04-01');
    await page.getByText('Launch starts 1 April 2027.', { exact: false }).waitFor();
    expect(await item(page, 'Sign-up flow tested end to end').textContent()).toContain(
      'Due: 26 March 2027 (6 days before launch)',
    );

    // A fixed date keeps the day; back to relative, then after the launch.
    const helpdesk = 'Help desk staffed and trained on platform and pathway questions';
    await page.getByRole('button', { name: helpdesk, exact: true }).click();
    const helpdeskDetails = page.getByRole('group', { name: `Details of “${helpdesk}”` });
    await helpdeskDetails.getByRole('radio', { name: 'On a fixed date' }).check();
    await item(page, helpdesk).getByText('Due: 26 March 2027', { exact: true }).waitFor();
    await helpdeskDetails.getByRole('radio', { name: 'Relative to the launch' }).check();
    await item(page, helpdesk).getByText('Due: 26 March 2027 (6 days before launch)').waitFor();
    await helpdeskDetails.getByLabel('Before or after').selectOption('after');
    await item(page, helpdesk).getByText('Due: 7 April 2027 (6 days after launch)').waitFor();
    await page.getByRole('button', { name: helpdesk, exact: true }).click();

    // Drag by keyboard: the help desk step goes up one place.
    const order = () =>
      page.getByRole('region', { name: 'Checklist' }).locator('[data-ob-toggle]').allTextContents();
    const before = await order();
    const at = before.indexOf('Help desk staffed and trained on platform and pathway questions');
    await page
      .getByRole('button', {
        name: 'Drag to reorder “Help desk staffed and trained on platform and pathway questions”',
      })
      .focus();
    // dnd-kit measures between key presses, so give it a frame or two.
    await page.keyboard.press('Space');
    // A screen reader hears the step's name and its place, never an internal id.
    const live = page.locator('[id^="DndLiveRegion"]');
    await expect
      .poll(() => live.textContent())
      .toMatch(
        new RegExp(
          `^(Picked up “Help desk staffed and trained on platform and pathway questions”, at|“Help desk staffed and trained on platform and pathway questions” is at) place ${at + 1} of ${before.length}\\.$`,
        ),
      );
    await page.waitForTimeout(150);
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(150);
    await page.keyboard.press('Space');
    await expect
      .poll(async () =>
        (await order()).indexOf('Help desk staffed and trained on platform and pathway questions'),
      )
      .toBe(at - 1);
    expect(await live.textContent()).toMatch(
      /^“Help desk staffed.*” dropped at place \d+ of \d+\.$/,
    );
    await page.getByRole('button', { name: 'Undo Reorder checklist items' }).click();
    await expect.poll(order).toEqual(before);

    // Delete a step; the notice's Undo brings it back.
    await page.getByRole('button', { name: 'Delete “Sign-up flow tested end to end”' }).click();
    expect(await item(page, 'Sign-up flow tested end to end').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await item(page, 'Sign-up flow tested end to end').waitFor();
    await page
      .getByRole('heading', { level: 1, name: 'Onboarding checklist' })
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'launch-checklist-top-1920', { fullPage: false });
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
