/**
 * The invitation planner, the KPIs and the Dashboard in another language
 * (issue 15): Spanish words, plurals and dates written the Spanish way; in
 * Arabic the page is right to left, with Arabic plurals, dates through Intl
 * and the dashboard's charts titled in Arabic.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, launchChromium, openApp, screenshot, openSampleIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a section from the sidebar by its name (a badge may follow it). */
async function goTo(page: Page, link: string, heading: string) {
  await page
    .getByRole('link', { name: new RegExp(`^${link}`) })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

const text = async (page: Page, selector: string, hasText?: RegExp) =>
  ((await page.locator(selector, { hasText }).first().textContent()) ?? '').replace(/\s/g, ' ');

describe('Launch and Manage sections in another language', () => {
  it('shows the invitations, KPIs and dashboard in Spanish', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleIn(page, 'es');
    await page.getByRole('heading', { level: 1, name: 'Objetivo' }).waitFor();

    await goTo(page, 'Invitaciones', 'Invitaciones');
    await page.getByRole('heading', { level: 2, name: 'Invitaciones necesarias' }).waitFor();
    // A plural from the catalog and figures the Spanish way (2000 licences × 2).
    expect(await text(page, '.invitations-section .field-hint', /^Rango/)).toBe(
      'Rango habitual para 2000 licencias: de 3000 a 4500',
    );
    await page.getByRole('columnheader', { name: 'Participantes previstos' }).waitFor();

    await goTo(page, 'KPI', 'KPI');
    await page.getByRole('heading', { level: 2, name: 'Indicadores clave de desempeño' }).waitFor();
    await page.getByRole('table', { name: 'KPI con su estado' }).waitFor();

    await goTo(page, 'Panel', 'Panel');
    // The roster import's date written out, and "7 imports kept" as a Spanish plural.
    const lead = await text(page, '.dashboard-section .lead');
    expect(lead).toContain('del 15 de noviembre de 2026 (se conservan 7 importaciones,');
    await page.getByRole('columnheader', { name: 'Último valor real' }).waitFor();
    const funnel = page.getByRole('figure', { name: /Embudo de participantes/ });
    await funnel.getByRole('button', { name: /^Ver como tabla/ }).waitFor();
    await screenshot(page, 'i18n-es-dashboard-1280');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('mirrors the dashboard, KPIs and invitations in Arabic', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleIn(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'الهدف' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    await goTo(page, 'لوحة المتابعة', 'لوحة المتابعة');
    // Arabic plural ("few" for 7) and the date through Intl (Latin digits).
    const lead = await text(page, '.dashboard-section .lead');
    expect(lead).toContain('7 استيرادات محفوظة');
    expect(lead).toContain('15 نوفمبر 2026');
    // The charts are titled in the UI language.
    const funnel = page.getByRole('figure', { name: /قمع المتعلّمين/ });
    await funnel.locator('svg').first().waitFor();
    await funnel.getByRole('button', { name: /^عرض كجدول/ }).waitFor();
    await page.getByRole('columnheader', { name: 'آخر قيمة فعلية' }).waitFor();
    await screenshot(page, 'i18n-ar-dashboard-1280');

    await goTo(page, 'مؤشرات الأداء الرئيسية', 'مؤشرات الأداء الرئيسية');
    await page.getByRole('table', { name: 'مؤشرات الأداء وحالتها' }).waitFor();

    await goTo(page, 'الدعوات', 'الدعوات');
    await page.getByRole('heading', { level: 2, name: 'الدعوات اللازمة' }).waitFor();
    // The figures put into the sentence are isolated (FSI … PDI), Latin digits as in Arabic plans.
    expect(await text(page, '.invitations-section .field-hint', /^النطاق/)).toMatch(
      /^النطاق المعتاد لـ2,000 ترخيص: من \u2068?3,000\u2069? إلى \u2068?4,500\u2069?$/,
    );
    await screenshot(page, 'i18n-ar-invitations-1280');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
