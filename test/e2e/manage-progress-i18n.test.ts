/**
 * Learner progress and Engagement & follow-ups in another language (issue
 * 15): in Spanish the headings, the personal-data notice and a rule's
 * condition (an ICU plural: "… 7 días …") come from the catalogs, and the
 * import worker gives a bad row's reason in Spanish; in Arabic
 * the page is right to left and both sections read in Arabic.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

/** Opens the sample plan's Learner progress, then switches the UI language (kept on this computer) and reloads. */
async function openProgressIn(page: Page, language: 'es' | 'ar') {
  await page.getByRole('button', { name: `Open ${SAMPLE}`, exact: true }).click();
  await page.getByRole('link', { name: /^Learner progress/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Learner progress' }).waitFor();
  await page.evaluate(
    (lang) =>
      localStorage.setItem('upskill:settings', JSON.stringify({ language: lang, theme: 'system' })),
    language,
  );
  await page.reload();
}

describe('learner progress and follow-ups in another language', () => {
  it('shows both sections in Spanish', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openProgressIn(page, 'es');
    await page.getByRole('heading', { level: 1, name: 'Avance de los participantes' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page
      .getByText(
        'Se guarda solo en este ordenador, nunca en los archivos del plan ni en las exportaciones.',
        { exact: true },
      )
      .waitFor();
    await page
      .getByRole('button', { name: 'Importar el progreso de los participantes…' })
      .waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Instantáneas guardadas en el plan' })
      .waitFor();

    // The import worker words a bad row's reason in the UI language.
    await page.getByRole('button', { name: 'Importar el progreso de los participantes…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importar el progreso de los participantes' });
    const file = join(mkdtempSync(join(tmpdir(), 'roster-es-')), 'lms.csv');
    writeFileSync(
      file,
      'Learner ID,Email,Name,Enrolled,Learning hours\r\nE1,ana@example.org,Ana,2026-09-01,3\r\nE2,not-an-email,Ben,2026-09-02,4\r\n',
    );
    await dialog.getByLabel('Hoja de cálculo que importar').setInputFiles(file);
    await dialog.getByTestId('import-summary').waitFor();
    await expect
      .poll(async () => (await dialog.textContent()) ?? '')
      .toContain('«not-an-email» no es una dirección de correo electrónico válida.');
    await dialog.getByRole('button', { name: 'Cancelar', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: /^Acompañamiento y seguimiento/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Acompañamiento y seguimiento' }).waitFor();
    const rules = page.getByRole('region', { name: 'Reglas de seguimiento' });
    await rules.getByRole('button', { name: 'Añadir regla' }).waitFor();
    // A rule's condition is a plural from the catalog: "Sin empezar 7 días después de registrarse…".
    await rules.getByRole('button', { name: 'Añadir regla' }).click();
    await expect
      .poll(async () => (await rules.textContent()) ?? '')
      .toMatch(/Sin empezar \d+ días después de registrarse/);
    await page.getByRole('heading', { level: 2, name: 'Seguimientos de hoy' }).waitFor();
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('mirrors both sections in Arabic', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openProgressIn(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'تقدّم المتعلّمين' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 2, name: 'اللقطات المحفوظة في الخطة' }).waitFor();
    await screenshot(page, 'i18n-ar-learner-progress-1280');

    await page.getByRole('link', { name: /^المشاركة والمتابعة/ }).click();
    await page.getByRole('heading', { level: 1, name: 'المشاركة والمتابعة' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'قواعد المتابعة' }).waitFor();
    await page.getByRole('button', { name: 'إضافة القاعدة' }).waitFor();
    await screenshot(page, 'i18n-ar-engagement-1280');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
