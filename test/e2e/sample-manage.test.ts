/**
 * Issue 14: the sample plan opens with a realistic Manage phase — its
 * synthetic roster (fake learners, seeded on first start) shows in Learner
 * progress, and the Dashboard, KPIs, Engagement & follow-ups and Reviews
 * sections have the sample's data. Screenshots at 1280×720 and 1920×1080.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the sample’s Manage phase', () => {
  it.each([
    [1280, 720],
    [1920, 1080],
  ])('shows its synthetic roster and Manage data at %i×%i', async (width, height) => {
    const { context, page } = await openApp(browser, { width, height });
    await page.getByRole('button', { name: `Open ${SAMPLE}`, exact: true }).click();
    await page.getByRole('link', { name: /^Learner progress/ }).click();
    await page.getByRole('heading', { name: 'Learner progress', level: 1 }).waitFor();
    // The seeded roster, named as synthetic, with fake learners only.
    await page
      .getByText(/^412 learners/)
      .first()
      .waitFor();
    await page
      .getByText(/Sample roster \(synthetic, fake learners\)\.csv/)
      .first()
      .waitFor();
    await screenshot(page, `sample-manage-progress-${width}`);

    await page.getByRole('link', { name: /^Engagement & follow-ups/ }).click();
    await page.getByRole('heading', { name: 'Engagement & follow-ups', level: 1 }).waitFor();
    await page.getByText('Fair-chance coaching').first().waitFor();
    await screenshot(page, `sample-manage-engagement-${width}`);

    await page.getByRole('link', { name: /^KPIs/ }).click();
    await page.getByRole('heading', { name: 'KPIs', level: 1 }).waitFor();
    await page.getByText('Pathway completion rate, NEET young people').first().waitFor();
    await screenshot(page, `sample-manage-kpis-${width}`);

    await page.getByRole('link', { name: /^Dashboard/ }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await screenshot(page, `sample-manage-dashboard-${width}`);

    await page.getByRole('link', { name: /^Reviews & cohorts/ }).click();
    await page.getByRole('heading', { name: 'Reviews & cohorts', level: 1 }).waitFor();
    await page
      .getByText(/Pilot 2026/)
      .first()
      .waitFor();
    await screenshot(page, `sample-manage-reviews-${width}`);

    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
