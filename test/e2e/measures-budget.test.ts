/**
 * Issue 10 through the UI: the budget and money on the Objective, Plan health
 * over the budget, the skills map's sources, refresh dates and critical
 * capabilities, and indicator badges on theory-of-change nodes. Screens are
 * captured at 1280×720 and 1920×1080 for review.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';
import { dateValue, fillDate } from './dates';

const SAMPLE = 'Lower Valley Digital Futures 2027';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openSample(page: Page, section: string) {
  await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
  await page.getByRole('link', { name: section, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: section }).waitFor();
}

async function seriousViolations(page: Page) {
  return (await new AxeBuilder(page).analyze())
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const isFocused = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((el) => el === document.activeElement);

describe('budget and money', () => {
  it('shows the sample budget in EUR, keeps typed amounts, and Plan health compares costs with it', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      const { context, page } = await openApp(browser, viewport);
      await openSample(page, 'Objective');
      const budget = page.getByRole('region', { name: 'Budget' });
      await budget.scrollIntoViewIfNeeded();
      expect(await budget.getByLabel('Currency', { exact: true }).inputValue()).toBe('EUR');
      expect(await budget.getByLabel('Total budget (EUR)', { exact: true }).inputValue()).toBe(
        '2200000',
      );
      // Planned incentives on 1,900 participants, not 24,350 people.
      const incentives = budget.getByRole('row', { name: /^Learner incentives/ });
      expect(await incentives.textContent()).toContain('€766,250');
      await screenshot(page, `objective-budget-${viewport.width}`);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it('flags costs over a budget line in Plan health and links to the budget', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSample(page, 'Objective');
    const line = page.getByLabel('Learner incentives budget (EUR)', { exact: true });
    await line.fill('500000.5');
    await line.blur();
    expect(await line.inputValue()).toBe('500000.50');
    // The total budget now shares out less than it holds: the rest is shown.
    await page.getByRole('row', { name: /^Not allocated to a line €[\d,.]+$/ }).waitFor();
    await page.getByRole('link', { name: /^Plan health/ }).click();
    const finding = page.getByRole('button', {
      name: /The plan’s costs for learner incentives come to €766,250, over the €500,000\.50 budgeted/,
    });
    await finding.waitFor();
    await screenshot(page, 'health-over-budget-1280');
    await finding.click();
    await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
    await waitUntilSaved(page);
    // The budget is kept, as typed, after a reload.
    await page.reload();
    const again = page.getByLabel('Learner incentives budget (EUR)', { exact: true });
    await again.waitFor();
    expect(await again.inputValue()).toBe('500000.50');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('my sections at projector and desktop sizes', () => {
  it('Learners, Pathways & skills and Plan health have no serious axe problems at 1280×720 and 1920×1080', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      const { context, page } = await openApp(browser, viewport);
      await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
      for (const section of ['Learners', 'Pathways & skills', 'Plan health']) {
        await page.getByRole('link', { name: section, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: section }).waitFor();
        expect(await seriousViolations(page), section).toEqual([]);
        await screenshot(page, `${section.replace(/\W+/g, '-').toLowerCase()}-${viewport.width}`);
      }
      await context.close();
    }
  });
});

describe('money in the catalog', () => {
  it('keeps 17.40 as typed and shows it in the plan currency', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSample(page, 'Content catalog');
    await page.getByRole('button', { name: 'Add item' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add catalog item' });
    await dialog.getByLabel('Title', { exact: true }).fill('Ticketing basics clip');
    const cost = dialog.getByLabel('Cost per learner (EUR)', { exact: true });
    await cost.fill('17.40');
    await cost.blur();
    expect(await cost.inputValue()).toBe('17.40');
    await dialog.getByRole('button', { name: 'Add item' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('ticketing basics clip');
    const row = page.getByRole('row', { name: /Ticketing basics clip/ });
    expect(await row.textContent()).toContain('€17.40');
    await page.getByRole('button', { name: 'Edit Ticketing basics clip' }).click();
    expect(
      await page
        .getByRole('dialog')
        .getByLabel('Cost per learner (EUR)', { exact: true })
        .inputValue(),
    ).toBe('17.40');
    await context.close();
  });
});

describe('skills map', () => {
  it('says there is nothing to compare, then records sources, refresh dates and capabilities', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'New blank plan' }).click();
    await page.getByRole('link', { name: 'Pathways & skills', exact: true }).click();
    await page.getByText(/Nothing to compare yet/).waitFor();
    expect(await page.getByText(/No gaps/).count()).toBe(0);
    await page.getByRole('button', { name: 'Add skill' }).click();
    await page.getByRole('button', { name: 'Add role' }).click();
    await page.getByLabel('Required New skill for New role').selectOption('4');
    await page.getByLabel('Current New skill for New role').selectOption('2');
    await page.getByRole('cell', { name: '2' }).last().waitFor();
    await page
      .getByLabel('How the levels of New role were found', { exact: true })
      .selectOption({ label: 'Assessed' });
    const refreshed = page.getByRole('group', { name: 'Levels of New role refreshed on' });
    await fillDate(refreshed, '2026-11-02');
    await page.getByRole('button', { name: 'Add critical capability' }).click();
    await expect.poll(() => isFocused(page, 'Business initiative')).toBe(true);
    await page.getByLabel('Business initiative', { exact: true }).fill('Self-service analytics');
    await page.getByLabel('Gap decision', { exact: true }).selectOption({ label: 'Hire' });
    await page.getByRole('checkbox', { name: 'New skill' }).check();
    await waitUntilSaved(page);
    await screenshot(page, 'skills-map-1280');
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await page.getByLabel('Business initiative', { exact: true }).waitFor();
    expect(
      await page.getByLabel('How the levels of New role were found', { exact: true }).inputValue(),
    ).toBe('assessed');
    expect(
      await dateValue(page.getByRole('group', { name: 'Levels of New role refreshed on' })),
    ).toBe('2026-11-02');
    expect(await page.getByRole('checkbox', { name: 'New skill' }).isChecked()).toBe(true);
    await context.close();
  });
});

describe('indicator badges', () => {
  it('shows how many indicators measure each theory-of-change outcome', async () => {
    const { context, page } = await openApp(browser, { width: 1920, height: 1080 });
    await openSample(page, 'Theory of change');
    const badge = page.locator('.toc-node-indicators').first();
    await badge.waitFor();
    expect(await badge.textContent()).toMatch(/^\d+ indicators?$/);
    await screenshot(page, 'toc-indicator-badges-1920');
    await context.close();
  });
});
