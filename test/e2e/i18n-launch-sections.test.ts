/**
 * The Launch sections in another language (issue 15): the Onboarding
 * checklist, Communications and Marketing plan of the sample in Spanish and
 * in Arabic — headings from the catalogs, counts as the language's plurals
 * ("3 vencidos", "بندان"), the launch date written by Intl, and in Arabic a
 * right-to-left page that does not scroll sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appErrors,
  launchChromium,
  openApp,
  screenshot,
  withoutIsolates,
  openSampleIn,
} from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const plain = withoutIsolates;

/** The day the sample is opened on: three checklist steps late, two due this week. */
const TODAY = new Date('2027-03-20T10:00:00');

/** The sidebar's section links ("Secciones del plan", "أقسام الخطة"). */
const sections = (page: Page) =>
  page.getByRole('navigation', { name: /^(Secciones del plan|أقسام الخطة)$/ });

/** Whether the page scrolls sideways (something wider than the window). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('launch sections in another language', () => {
  it('shows the checklist, communications and marketing plan in Spanish', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.clock.setFixedTime(TODAY);
    await openSampleIn(page, 'es');
    await page.getByRole('heading', { level: 1, name: 'Objetivo' }).waitFor();

    await sections(page)
      .getByRole('link', { name: /^Lista de incorporación/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Lista de incorporación' }).waitFor();
    const summary = page.locator('.ob-summary');
    expect(plain(await summary.textContent())).toContain('3 vencidos, 2 vencen esta semana');
    // The launch date written the Spanish way.
    expect(plain(await page.locator('.ob-launch').textContent())).toContain(
      'El lanzamiento empieza el 1 de abril de 2027.',
    );
    await page
      .getByRole('combobox', { name: /^Estado de «/ })
      .first()
      .waitFor();

    await sections(page).getByRole('link', { name: 'Comunicaciones', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Comunicaciones' }).waitFor();
    expect(plain(await page.locator('.cm-summary').textContent())).toContain(
      '4 comunicaciones: listas 1, enviadas 0',
    );

    await sections(page).getByRole('link', { name: 'Difusión', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan de difusión' }).waitFor();
    expect(plain(await page.getByTestId('journey-verdict').textContent())).toBe(
      '3 pasos de la invitación a la primera lección: dentro de la meta de 3 pasos.',
    );
    await page.getByRole('columnheader', { name: 'Segmentos alcanzados' }).waitFor();
    expect(await overflows(page)).toBe(false);
    await screenshot(page, 'i18n-es-marketing-1280');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('mirrors them in Arabic, with Arabic plurals and dates, and nothing wider than the window', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.clock.setFixedTime(TODAY);
    await openSampleIn(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'الهدف' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    await sections(page)
      .getByRole('link', { name: /قائمة الإعداد/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'قائمة الإعداد' }).waitFor();
    // Three is "few", two is the dual.
    expect(plain(await page.locator('.ob-summary').textContent())).toContain(
      '3 بنود متأخرة، بندان مستحقان هذا الأسبوع',
    );
    expect(plain(await page.locator('.ob-launch').textContent())).toContain(
      'يبدأ الإطلاق في 1 أبريل 2027.',
    );
    expect(await overflows(page)).toBe(false);
    await screenshot(page, 'i18n-ar-onboarding-1280');

    await sections(page).getByRole('link', { name: 'المراسلات', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'المراسلات' }).waitFor();
    expect(plain(await page.locator('.cm-summary').textContent())).toContain('4 مراسلات');
    expect(await overflows(page)).toBe(false);
    await screenshot(page, 'i18n-ar-communications-1280');

    await sections(page).getByRole('link', { name: 'التسويق', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'خطة التسويق' }).waitFor();
    expect(plain(await page.getByTestId('journey-verdict').textContent())).toBe(
      '3 خطوات من الدعوة إلى الدرس الأول: ضمن الهدف البالغ 3 خطوات.',
    );
    // The channels table reads from the right: its first column is on the right.
    const table = await page
      .getByRole('table', { name: 'قنوات التسويق وميزانياتها' })
      .boundingBox();
    const channel = await page
      .getByRole('columnheader', { name: 'القناة', exact: true })
      .boundingBox();
    expect(channel!.x).toBeGreaterThan(table!.x + table!.width / 2);
    expect(await overflows(page)).toBe(false);
    await screenshot(page, 'i18n-ar-marketing-1280');
    // What a 1280×720 window shows of the spend and of the funnel, for review.
    for (const part of ['channel-editor', 'funnel-figure']) {
      await page.locator(`#${part}, .mk-${part}`).first().scrollIntoViewIfNeeded();
      await screenshot(page, `i18n-ar-marketing-${part}-1280`, { fullPage: false });
    }
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
