import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';
import { dateValue } from './dates';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// English dates are day first (en-GB), as every date the app writes in English.
describe('typing a date with the keyboard', () => {
  it('tabs into Baseline date, types 15012026 day first, and keeps it after a reload', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'New blank plan' }).click();
    await page.getByRole('heading', { name: 'Objective', level: 1 }).waitFor();

    const field = page.getByRole('group', { name: 'Baseline date', exact: true });
    await page.getByLabel('Baseline situation', { exact: true }).focus();
    await page.keyboard.press('Tab');
    // Tab lands on the first segment of the date field.
    expect(await field.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    // Part-way through the year nothing is reset: day and month stay as typed.
    await page.keyboard.type('15012');
    expect(await field.getByRole('spinbutton', { name: /day/ }).textContent()).toBe('15');
    expect(await field.getByRole('spinbutton', { name: /month/ }).textContent()).toBe('01');
    await page.keyboard.type('026');
    expect(await dateValue(field)).toBe('2026-01-15');
    await page.keyboard.press('Tab');
    await waitUntilSaved(page);
    await screenshot(page, 'dates-objective-1280');

    await page.reload();
    await page.getByRole('heading', { name: 'Objective', level: 1 }).waitFor();
    await expect.poll(() => dateValue(field)).toBe('2026-01-15');
    expect(await field.textContent()).toContain('15/01/2026');

    // Clearing every segment empties the date, and that is saved too.
    await field.getByRole('spinbutton', { name: /year/ }).click();
    for (let i = 0; i < 12; i += 1) await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    await waitUntilSaved(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Objective', level: 1 }).waitFor();
    await expect.poll(() => dateValue(field)).toBe(null);

    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('keeps a partial date on screen and says it was not saved', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'New blank plan' }).click();
    await page.getByRole('heading', { name: 'Objective', level: 1 }).waitFor();
    const field = page.getByRole('group', { name: 'Baseline date', exact: true });
    await field.getByRole('spinbutton', { name: /day/ }).click();
    await page.keyboard.type('1501');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await field.getByRole('spinbutton', { name: /month/ }).textContent()).toBe('01');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'incomplete' }).count())
      .toBe(1);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
