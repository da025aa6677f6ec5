/**
 * The Objective, theory of change and logic model in another language
 * (issue 15): Spanish words, plurals and money written the Spanish way; in
 * Arabic the page is right to left while the canvases keep their flow (the
 * pathway's zoom buttons stay bottom left, the logic model's lanes run
 * inputs → impact left to right) and the text inside them reads right to left.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, launchChromium, openApp, screenshot, openSampleIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('plan sections in another language', () => {
  it('shows the Objective, theory of change and logic model in Spanish', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleIn(page, 'es');
    await page.getByRole('heading', { level: 1, name: 'Objetivo' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    const budget = page.getByRole('region', { name: 'Presupuesto' });
    // Money the Spanish way: 766.250 € (1,900 participants' incentives).
    const incentives = budget.getByRole('row', { name: /^Incentivos para participantes/ });
    expect((await incentives.textContent())?.replace(/\s/g, ' ')).toContain('766.250 €');
    await page.getByRole('heading', { level: 2, name: /^Medidas de éxito/ }).waitFor();
    await page.getByRole('group', { name: 'Fase de lanzamiento' }).waitFor();

    await page.getByRole('link', { name: 'Teoría del cambio', exact: true }).click();
    const tools = page.getByRole('toolbar', { name: 'Herramientas de la teoría del cambio' });
    await tools.getByRole('button', { name: 'Añadir resultado' }).waitFor();
    // A plural from the catalog: "N elementos, M vínculos".
    const details = page.getByRole('complementary', { name: 'Detalles' });
    expect(await details.textContent()).toMatch(/\d+ elementos, \d+ vínculos\./);
    await screenshot(page, 'i18n-es-theory-of-change-1280');

    await page.getByRole('link', { name: 'Modelo lógico', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Modelo lógico' }).waitFor();
    await page.getByRole('tab', { name: 'Tabla del marco lógico' }).click();
    await page.getByRole('columnheader', { name: 'Indicadores (línea de base → meta)' }).waitFor();
    await screenshot(page, 'i18n-es-logframe-1280');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('mirrors the sections in Arabic while the canvases keep their flow', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleIn(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'الهدف' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('region', { name: 'الميزانية' }).waitFor();

    await page.getByRole('link', { name: 'نظرية التغيير', exact: true }).click();
    await page.getByRole('toolbar', { name: 'أدوات نظرية التغيير' }).waitFor();
    const canvas = page.getByRole('region', { name: 'لوحة نظرية التغيير' });
    const details = page.getByRole('complementary', { name: 'التفاصيل' });
    // The details panel mirrors to the left of the canvas…
    const [canvasBox, detailsBox] = [await canvas.boundingBox(), await details.boundingBox()];
    expect(detailsBox!.x).toBeLessThan(canvasBox!.x);
    // …the canvas keeps its direction (zoom buttons bottom left) and its elements read right to left.
    expect(await canvas.locator('.react-flow').getAttribute('dir')).toBe('ltr');
    const zoom = await canvas.getByRole('button', { name: 'تكبير' }).boundingBox();
    expect(zoom!.x - canvasBox!.x).toBeLessThan(canvasBox!.width / 2);
    const first = canvas.locator('.react-flow__node').first();
    // Its name starts with its kind (values in Arabic sentences are isolated: FSI … PDI).
    expect(await first.getAttribute('aria-label')).toMatch(
      /^\u2068?(الأثر|نتيجة|شرط مسبق|تدخّل|افتراض|عامل خارجي)/,
    );
    expect(await first.locator('.toc-node').getAttribute('dir')).toBe('rtl');
    await screenshot(page, 'i18n-ar-theory-of-change-1280');

    await page.getByRole('link', { name: 'النموذج المنطقي', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'النموذج المنطقي' }).waitFor();
    // Inputs stay on the left of activities: the chain reads left to right.
    const inputs = await page.getByRole('region', { name: /^المدخلات/ }).boundingBox();
    const activities = await page.getByRole('region', { name: /^الأنشطة/ }).boundingBox();
    expect(inputs!.x).toBeLessThan(activities!.x);
    await screenshot(page, 'i18n-ar-logic-model-1280');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
