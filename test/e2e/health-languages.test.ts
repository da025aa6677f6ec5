/**
 * Plan health in Arabic in Chromium (issue 15): the page is right to left,
 * the sidebar's badge and the summary use Arabic plurals, and a finding names
 * the element as the user typed it (a Latin title inside an Arabic sentence).
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const cases = join(import.meta.dirname, '..', 'fixtures', 'cases', 'plans');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('Plan health in Arabic', () => {
  it('lists a plan’s findings right to left, with Arabic plurals and the title as typed', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    // A plan whose theory of change has a link from an element to itself (an error).
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open plan file…' }).click();
    await (await chooser).setFiles(join(cases, 'self-loop.upskill.json'));
    await page.getByLabel('Program name', { exact: true }).waitFor();
    await page.evaluate(() =>
      localStorage.setItem('upskill:settings', JSON.stringify({ language: 'ar', theme: 'system' })),
    );
    await page.reload();

    // The sidebar link says how many problems there are, in Arabic (the self-link, and warnings).
    // (Its name isolates the section's name and the count: FSI … PDI.)
    const link = page.getByRole('link', { name: /^\u2068?سلامة الخطة/ });
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'سلامة الخطة' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await link.textContent()).toMatch(
      /مشكلة واحدة للإصلاح|مشكلتان للإصلاح|\d+ مشكلات للإصلاح|\d+ مشكلةً للإصلاح|\d+ مشكلة للإصلاح/,
    );

    // One error: the singular form ("خطأ واحد"), the group heading, and the finding itself.
    expect(await page.locator('.health-summary').textContent()).toMatch(/^خطأ واحد/);
    await page.getByRole('heading', { level: 2, name: /^الأخطاء/ }).waitFor();
    const finding = page.getByRole('button', { name: /له رابط يعود إلى العنصر نفسه/ });
    expect((await finding.textContent())!.replace(/[\u2068\u2069]/g, '')).toMatch(
      /^التدخّل «.+»: له رابط يعود إلى العنصر نفسه/,
    );
    // Right to left: the sentence runs right to left, and the sidebar is on the right.
    expect(await finding.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    const [sidebar, heading] = [
      await link.boundingBox(),
      await page.getByRole('heading', { level: 1 }).boundingBox(),
    ];
    expect(sidebar!.x).toBeGreaterThan(heading!.x);
    await screenshot(page, 'health-ar-1280');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
