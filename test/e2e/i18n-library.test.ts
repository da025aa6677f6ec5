/**
 * The library and the New plan gallery in another language (issue 15): in
 * Arabic the library is right to left with its words from the catalog, a
 * plan's Latin name kept whole inside Arabic labels, and the gallery says
 * what each example is and shows in Arabic, naming a language in Arabic and
 * then in itself.
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

describe('the library in another language', () => {
  it('shows the library and the example gallery in Arabic, right to left', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: `Open ${SAMPLE}` }).waitFor();
    await page.evaluate(() =>
      localStorage.setItem('upskill:settings', JSON.stringify({ language: 'ar', theme: 'system' })),
    );
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'خططك' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The plan's Latin name is isolated inside the Arabic label (FSI … PDI).
    await page.getByRole('button', { name: `فتح \u2068${SAMPLE}\u2069`, exact: true }).waitFor();
    await page
      .getByText(/^آخر تعديل: /)
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'خطة جديدة من مثال…' }).click();
    const gallery = page.getByRole('dialog', { name: 'خطة جديدة' });
    await gallery.getByRole('button', { name: 'بدء خطة فارغة' }).waitFor();
    const spanish = gallery.getByRole('listitem', { name: 'Futuros Digitales Bajo Valle 2027' });
    expect(await spanish.locator('.example-card-badge').textContent()).toBe('الإسبانية (Español)');
    await spanish.getByText('برنامج المهارات الرقمية للشباب كبرنامج ناطق بالإسبانية').waitFor();
    await gallery.getByRole('listitem', { name: SAMPLE }).getByText('يعرض').waitFor();
    await screenshot(page, 'i18n-ar-example-gallery-1280');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
