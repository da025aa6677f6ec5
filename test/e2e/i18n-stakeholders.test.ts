/**
 * Stakeholders & partners in another language (issue 15): Spanish words and
 * plurals in the section, the register and the engagement list; in Arabic the
 * section is right to left and the matrix mirrors with it — "Manage closely"
 * top left, interest growing to the left, and the left arrow key adding
 * interest (the key follows the card's move on screen).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, launchChromium, openApp, screenshot, withoutIsolates } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the sample plan, switches the UI language (kept on this computer), reloads and opens the section. */
async function openStakeholdersIn(page: Page, language: 'es' | 'ar', title: string) {
  await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
  await page.getByRole('link', { name: 'Objective', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
  await page.evaluate(
    (lang) =>
      localStorage.setItem('upskill:settings', JSON.stringify({ language: lang, theme: 'system' })),
    language,
  );
  await page.reload();
  await page.getByRole('link', { name: new RegExp(`^${title}`) }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.locator('.sh-plot .sh-card').first().waitFor();
}

const plain = withoutIsolates;

/** A matrix card by the stakeholder's name (its accessible name starts with it). */
const card = (page: Page, name: string) =>
  page.locator('.sh-plot').getByRole('button', { name: new RegExp(`^\u2068?${name}`) });

describe('Stakeholders & partners in another language', () => {
  it('shows the matrix, register and engagement in Spanish', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openStakeholdersIn(page, 'es', 'Actores y socios');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    // Plurals from the catalog: "N actores · M socios".
    expect(plain(await page.locator('main').textContent())).toMatch(/\d+ actores · \d+ socios/);
    expect(plain(await card(page, 'Community Radio').getAttribute('aria-label'))).toContain(
      'poder 25, interés 45, Vigilar',
    );
    await page.locator('[data-quadrant="manageClosely"]').getByText('Gestionar de cerca').waitFor();
    await screenshot(page, 'i18n-es-stakeholders-1280');

    await page.getByRole('tab', { name: 'Registro' }).click();
    const register = page.getByRole('table', { name: 'Registro de actores y socios' });
    await register.getByRole('columnheader', { name: /^Poder/ }).waitFor();
    await register.getByRole('combobox', { name: 'Postura actual de Community Radio' }).waitFor();

    await page.getByRole('tab', { name: 'Relación' }).click();
    await page
      .getByRole('heading', { name: /^Acciones de relación y puntos de control/ })
      .waitFor();
    await page.getByRole('heading', { name: 'Puntos de control con el sector' }).waitFor();
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('mirrors the matrix in Arabic: Manage closely top left, the left arrow adds interest', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openStakeholdersIn(page, 'ar', 'أصحاب المصلحة والشركاء');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('tab', { name: 'المصفوفة', selected: true }).waitFor();

    const box = async (quadrant: string) =>
      (await page.locator(`.sh-plot [data-quadrant="${quadrant}"]`).boundingBox())!;
    const [manage, satisfied] = [await box('manageClosely'), await box('keepSatisfied')];
    const [informed, monitor] = [await box('keepInformed'), await box('monitor')];
    expect(manage.x).toBeLessThan(satisfied.x);
    expect(informed.x).toBeLessThan(monitor.x);
    expect(manage.y).toBeLessThan(informed.y);
    await page.locator('[data-quadrant="manageClosely"]').getByText('إدارة عن قرب').waitFor();
    // The quadrant keeps its colour where it is drawn (the columns swap, not the colours).
    expect(
      await page.locator('.sh-plot [data-quadrant="manageClosely"]').evaluate((el) => {
        const probe = document.createElement('div');
        probe.style.background = 'var(--sh-q-tr)';
        el.parentElement!.append(probe);
        const same =
          getComputedStyle(probe).backgroundColor === getComputedStyle(el).backgroundColor;
        probe.remove();
        return same;
      }),
    ).toBe(true);

    const radio = card(page, 'Community Radio');
    expect(plain(await radio.getAttribute('aria-label'))).toContain(
      'النفوذ 25، الاهتمام 45، المتابعة',
    );
    const before = (await radio.boundingBox())!;
    await radio.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    expect(plain(await radio.getAttribute('aria-label'))).toContain(
      'النفوذ 25، الاهتمام 55، إبقاؤهم على اطلاع',
    );
    expect((await radio.boundingBox())!.x).toBeLessThan(before.x);
    await screenshot(page, 'i18n-ar-stakeholders-1280');

    await page.getByRole('tab', { name: 'السجل' }).click();
    const register = page.getByRole('table', { name: 'سجل أصحاب المصلحة والشركاء' });
    await register.getByRole('columnheader', { name: /^النفوذ/ }).waitFor();
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
