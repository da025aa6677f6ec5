/**
 * The content catalog, its import dialog and a date field in another
 * language (issue 15): Spanish words, counts and a row's reason from the
 * import worker; in Arabic the page is right to left; date fields show the
 * day first with the language's segment and month names, and still save
 * ISO dates.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, launchChromium, openApp, screenshot, openSampleIn } from './browser';
import { dateValue } from './dates';

const CSV = join(import.meta.dirname, '..', 'fixtures', 'imports', 'catalog-one-bad-row.csv');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The segment types of a date field in order, and its month's spoken value. */
async function segmentsOf(field: ReturnType<Page['getByRole']>) {
  const segments = field.getByRole('spinbutton');
  return {
    types: await segments.evaluateAll((els) => els.map((e) => e.getAttribute('data-type'))),
    month: await field
      .locator('[data-type="month"]')
      .evaluate((el) => el.getAttribute('aria-valuetext')),
  };
}

const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069\u200e\u200f]/g, '');

describe('content catalog in another language', () => {
  it('Spanish: the catalog, the import dialog with the worker’s reasons, and a date field', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleIn(page, 'es');
    // A date field: day first, Spanish segment and month names; the value stays ISO.
    await page.getByRole('heading', { level: 1, name: 'Objetivo' }).waitFor();
    const date = page.getByRole('group', { name: 'Fecha de la línea de base', exact: true });
    const { types, month } = await segmentsOf(date);
    expect(types).toEqual(['day', 'month', 'year']);
    expect(month).toMatch(
      /enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre/,
    );
    const iso = (await dateValue(date))!;
    expect(plain(await date.textContent())).toBe(iso.split('-').reverse().join('/'));
    expect(await date.getByRole('spinbutton', { name: /mes/ }).count()).toBe(1);
    await date.scrollIntoViewIfNeeded();
    await screenshot(page, 'i18n-es-objective-date-1280');

    await page.getByRole('link', { name: 'Catálogo de contenidos', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Catálogo de contenidos' }).waitFor();
    await page.getByText(/^\d+ elementos\.$/).waitFor();
    await page.getByRole('button', { name: 'Importar desde una hoja de cálculo…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importar elementos del catálogo' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Elegir archivo…' }).click();
    await (await chooser).setFiles(CSV);
    await dialog.getByText('3 filas listas para importar').waitFor();
    // Words from the import worker, in the UI's language.
    await dialog.getByText('Las Horas «about ten» no son un número.').waitFor();
    await dialog.getByRole('button', { name: 'Importar 3 elementos' }).waitFor();
    await screenshot(page, 'i18n-es-catalog-import-1280');
    await dialog.getByRole('button', { name: 'Cancelar', exact: true }).click();
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('Arabic: right to left, the import dialog in Arabic, and an Arabic date field', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleIn(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'الهدف' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const date = page.getByRole('group', { name: 'تاريخ خط الأساس', exact: true });
    const { types, month } = await segmentsOf(date);
    expect(types).toEqual(['day', 'month', 'year']);
    expect(month).toMatch(
      /يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر/,
    );
    // Latin digits, as the app writes figures in Arabic.
    expect(plain(await date.textContent())).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await date.scrollIntoViewIfNeeded();
    await screenshot(page, 'i18n-ar-objective-date-1280');

    await page.getByRole('link', { name: 'فهرس المحتوى', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'فهرس المحتوى' }).waitFor();
    await page.getByRole('button', { name: 'استيراد من جدول بيانات…' }).click();
    const dialog = page.getByRole('dialog', { name: 'استيراد عناصر الفهرس' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'اختيار ملف…' }).click();
    await (await chooser).setFiles(CSV);
    await dialog.getByText('3 صفوف جاهزة للاستيراد').waitFor();
    // The dialog's text runs right to left.
    expect(await dialog.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await dialog.getByText(/الساعات «.*about ten.*» ليست رقمًا\./).waitFor();
    await screenshot(page, 'i18n-ar-catalog-import-1280');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
