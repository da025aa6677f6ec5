/**
 * Reviews & cohorts, Content in use and Skills-first KPIs in another
 * language (issue 15): Spanish words, plurals, dates and numbers the Spanish
 * way; in Arabic the sections read right to left, the assumption statuses,
 * the cohort funnel and the version compare are in Arabic (the compare's
 * entries are worded on screen from codes, not English sentences).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appErrors,
  launchChromium,
  openApp,
  screenshot,
  openSampleIn,
  withoutIsolates,
} from './browser';

const plain = withoutIsolates;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('reviews, content in use and skills-first KPIs in another language', () => {
  it('shows them in Spanish', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleIn(page, 'es');
    await page.getByRole('heading', { level: 1, name: 'Objetivo' }).waitFor();

    await page.getByRole('link', { name: 'Revisiones y cohortes', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Revisiones y cohortes' }).waitFor();
    const list = page.getByRole('list', {
      name: 'Revisiones, de la más reciente a la más antigua',
    });
    // The review's date the Spanish way, and its judgements counted with ICU plurals.
    const pick = list.getByRole('button', { name: /^Revisión del 12 de noviembre de 2026/ });
    expect(await pick.textContent()).toMatch(/1 se cumple, 2 en riesgo/);
    const editor = page.getByRole('region', { name: 'Revisión del 12 de noviembre de 2026' });
    await editor.getByRole('radio', { name: 'En riesgo' }).first().waitFor();
    await page.getByRole('table', { name: /^Cohortes una junto a otra/ }).waitFor();
    const next = page.getByRole('group', { name: 'Iniciar la siguiente cohorte' });
    expect(await next.textContent()).toMatch(
      /\d+ acciones abiertas de la revisión del 12 de noviembre de 2026 pasarán al Objetivo/,
    );

    await page.getByRole('link', { name: 'Uso de los contenidos', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Uso de los contenidos' }).waitFor();
    await page.getByRole('table', { name: 'Uso de cada elemento del catálogo' }).waitFor();
    await expect
      .poll(() => page.getByText(/^\d+ participantes, \d+ filas de curso, contado el/).count())
      .toBe(1);
    await page.getByRole('heading', { level: 2, name: 'Auditoría de contenidos' }).waitFor();

    await page.getByRole('link', { name: 'KPI por competencias', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'KPI por competencias' }).waitFor();
    await page.getByRole('heading', { name: 'Puestos ocupados por talento cualificado' }).waitFor();
    await page.getByRole('table', { name: 'Puestos y las personas que los ocupan' }).waitFor();
    expect(await page.getByText(/brechas? cerradas?, \d+ aún abiertas\./).count()).toBe(1);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows them right to left in Arabic, the version compare included', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleIn(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'الهدف' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    await page.getByRole('link', { name: 'المراجعات والدفعات', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'المراجعات والدفعات' }).waitFor();
    const editor = page.getByRole('region', { name: /^مراجعة .*12 نوفمبر 2026/ });
    await editor.getByRole('radio', { name: 'معرّض للخطر' }).first().waitFor();
    // The review list sits at the start of the row: on the right, right to left.
    const list = await page.getByRole('list', { name: 'المراجعات، الأحدث أولًا' }).boundingBox();
    const editorBox = await editor.boundingBox();
    expect(list!.x).toBeGreaterThan(editorBox!.x);
    await screenshot(page, 'i18n-ar-reviews-1280');
    // The cohorts side by side: the funnel's stages in Arabic.
    const cohorts = page.getByRole('table', { name: /^الدفعات جنبًا إلى جنب/ });
    await cohorts.getByRole('rowheader', { name: 'المدعوون' }).waitFor();
    await cohorts.scrollIntoViewIfNeeded();
    await screenshot(page, 'i18n-ar-cohorts-1280', { fullPage: false });

    // Start the next cohort, then compare the kept version with the current one.
    const next = page.getByRole('group', { name: 'بدء الدفعة التالية' });
    await next.getByRole('textbox', { name: 'حفظ هذا الإصدار باسم' }).fill('Version 1');
    await next.getByRole('button', { name: 'بدء الدفعة التالية' }).click();
    await page.getByText('هذا هو الإصدار 2', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'نظرية التغيير', exact: true }).click();
    await page.getByRole('toolbar', { name: 'أدوات نظرية التغيير' }).waitFor();
    await page.getByRole('button', { name: 'إضافة افتراض' }).click();
    await page.getByRole('link', { name: 'المراجعات والدفعات', exact: true }).click();
    const compare = page.getByRole('group', { name: 'مقارنة إصدارين' });
    await compare.getByRole('button', { name: 'مقارنة الإصدارات' }).click();
    const diff = compare.getByRole('region', { name: /^التغييرات من/ });
    // "N changes" with an Arabic plural, and the added assumption worded in Arabic.
    expect(plain(await diff.getByRole('status').textContent())).toMatch(
      /^(تغيير واحد|تغييران|\d+ تغييرات|\d+ تغييرًا|\d+ تغيير) من/,
    );
    const added = diff.locator('li.rv-diff-added').first();
    expect(plain(await added.textContent())).toContain('أُضيف: افتراض «افتراض جديد»');
    await compare.scrollIntoViewIfNeeded();
    await screenshot(page, 'i18n-ar-reviews-compare-1280');

    await page.getByRole('link', { name: 'مؤشرات المهارات أولًا', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'مؤشرات المهارات أولًا' }).waitFor();
    await page.getByRole('heading', { name: 'القدرات الحرجة لكل مبادرة عمل' }).waitFor();

    await page.getByRole('link', { name: 'استخدام المحتوى', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'استخدام المحتوى' }).waitFor();
    await page.getByRole('table', { name: 'استخدام كل عنصر في الفهرس' }).waitFor();
    await screenshot(page, 'i18n-ar-content-in-use-1280');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
