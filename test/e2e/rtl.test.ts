/**
 * Right to left (issue 15): Arabic chosen in Settings, as a user does, mirrors
 * the whole app — `<html lang="ar" dir="rtl">`, the sidebar on the right, the
 * section's text starting on the right — with words from the catalogs
 * (Arabic plurals), figures written by `Intl` in Arabic (a long date with an
 * Arabic month name, a euro amount), Latin plan data isolated inside Arabic
 * sentences and typed fields reading left to right, arrow keys in a row of
 * choices following what the eye sees, and charts and canvases keeping their
 * own layout. Choosing English again restores left to right. Screenshots of
 * several sections at 1280×720 and 1920×1080 are saved for review.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFor } from '../../shared/i18n/format';
import { createTranslator } from '../../shared/i18n/translator';
import { formatMoney } from '../../shared/learners/budget';
import { writePlanFile } from '../../shared/plan/plan-file';
import { samplePlan } from '../helpers/large-plan';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const FSI = '\u2068';
const PDI = '\u2069';
/** Two onboarding steps past due on fixed dates: Plan health names them with their dates. */
const PAST_DUE = [
  { id: 'lc-data-protection', date: '2026-03-15' },
  { id: 'lc-dashboards', date: '2026-04-02' },
];
const plan = samplePlan();
// An id of its own: the sample itself is already in the library on first start.
plan.id = 'rtl-e2e-sample';
const pastDue = PAST_DUE.map(({ id, date }) => {
  const item = plan.launch.checklist.find((i) => i.id === id) ?? plan.launch.checklist[0]!;
  item.status = 'notStarted';
  item.due = { anchor: 'date', date };
  return { label: item.label, date };
});
const budgetLinesTotal = Object.values(plan.budget.lines).reduce<number>(
  (sum, amount) => sum + (amount ?? 0),
  0,
);
const file = join(mkdtempSync(join(tmpdir(), 'upskill-e2e-rtl-')), 'rtl.upskill.json');

let browser: Browser;
beforeAll(async () => {
  writeFileSync(file, writePlanFile(plan));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const htmlLangDir = (page: Page) =>
  page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

/** Opens the prepared plan from the library (in English, the browser's language). */
async function openPlan(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open plan file…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('textbox', { name: 'Program name', exact: true }).waitFor();
}

/** Chooses a UI language in the Settings dialog, by the names a user reads. */
async function chooseLanguage(
  page: Page,
  language: 'ar' | 'en',
  words: { settings: string; language: string },
): Promise<void> {
  await page.getByRole('button', { name: words.settings, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: words.settings });
  await dialog.getByRole('combobox', { name: words.language }).selectOption(language);
  await expect.poll(() => htmlLangDir(page)).toEqual([language, language === 'ar' ? 'rtl' : 'ltr']);
  // The dialog is in the new language now.
  await page.getByRole('dialog').getByRole('button', { name: closeWords }).first().click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

const ARABIC = { settings: 'الإعدادات', language: 'اللغة' };
const ENGLISH = { settings: 'Settings', language: 'Language' };
/** The dialog's Close button, named in the language just chosen. */
const closeWords = /^(Close|إغلاق)$/;

/** Goes to a section through the sidebar (its link's name starts with the section's name). */
async function goTo(page: Page, section: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'أقسام الخطة' })
    .getByRole('link', { name: new RegExp(`^${FSI}?${section}`) })
    .click();
  await page.getByRole('heading', { level: 1, name: section }).waitFor();
  // Let deferred layouts (canvas, charts) settle before looking.
  await page.waitForTimeout(400);
}

/** Sections to look at, by their Arabic names (shell catalog), and their route ids. */
const LOOKED_AT = [
  ['الهدف', 'objective'],
  ['نظرية التغيير', 'theoryOfChange'],
  ['النموذج المنطقي', 'logicModel'],
  ['أصحاب المصلحة والشركاء', 'stakeholders'],
  ['المتعلّمون', 'learners'],
  ['المسارات والمهارات', 'pathways'],
  ['سلامة الخطة', 'health'],
  ['لوحة المتابعة', 'dashboard'],
] as const;

describe('right to left', () => {
  it('mirrors the app in Arabic chosen in Settings, and English restores it', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openPlan(page);
    expect(await htmlLangDir(page)).toEqual(['en', 'ltr']);
    const sidebar = page.locator('.sidebar');
    const section = page.locator('.section').first();
    const [englishSidebar, englishSection] = [
      await sidebar.boundingBox(),
      await section.boundingBox(),
    ];
    expect(englishSidebar!.x).toBeLessThan(englishSection!.x);

    await chooseLanguage(page, 'ar', ENGLISH);
    // The sidebar, named in Arabic, is on the right of the section, against the window's right edge.
    await page.getByRole('navigation', { name: 'أقسام الخطة' }).waitFor();
    const [navBox, sectionBox] = [await sidebar.boundingBox(), await section.boundingBox()];
    expect(navBox!.x).toBeGreaterThan(sectionBox!.x + sectionBox!.width - 1);
    expect(navBox!.x + navBox!.width).toBeGreaterThan(1280 - 2);
    // The section's heading starts on the right; the plan's Latin name in its field takes its own direction.
    const heading = page.getByRole('heading', { level: 1, name: 'الهدف' });
    await heading.waitFor();
    const headingBox = await heading.boundingBox();
    expect(headingBox!.x + headingBox!.width).toBeGreaterThan(
      sectionBox!.x + sectionBox!.width - 80,
    );
    const nameField = page.locator(`input[value="${plan.name}"]`).first();
    expect(await nameField.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('plaintext');

    // An amount in euros written the Arabic way (Latin digits), not the English way.
    const amount = formatMoney(budgetLinesTotal, plan.budget.currency!, formatFor('ar').locale);
    expect(amount).not.toBe(formatMoney(budgetLinesTotal, plan.budget.currency!, 'en-GB'));
    await expect
      .poll(() => page.getByRole('region', { name: 'الميزانية' }).textContent())
      .toContain(amount);
    await screenshot(page, 'rtl-ar-objective-1280');

    // Plan health: a plural from the catalog (Arabic has six forms), and each past-due step
    // named as typed, isolated inside the Arabic sentence, with its date written out in Arabic.
    await goTo(page, 'سلامة الخطة');
    const { t } = await createTranslator('ar');
    const text = (await page.locator('.section').first().textContent()) ?? '';
    const forms = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20].map((count) =>
      t('health:summary.warning', { count }),
    );
    expect(forms.some((form) => text.includes(form))).toBe(true);
    for (const { label, date } of pastDue) {
      const written = formatFor('ar').date(date);
      expect(written).toMatch(/^\d{1,2} \p{Script=Arabic}+ \d{4}$/u);
      expect(text).toContain(written);
      expect(text).toContain(`${FSI}${label}${PDI}`);
    }
    await screenshot(page, 'rtl-ar-health-1280');

    // Arrow keys in a row of tabs follow what the eye sees: right to left, the next tab is on the left.
    await goTo(page, 'أصحاب المصلحة والشركاء');
    const tab = (id: string) =>
      page.getByRole('tab', { name: t(`stakeholders:tabs.${id}` as 'stakeholders:tabs.matrix') });
    const [matrixTab, registerTab] = [
      await tab('matrix').boundingBox(),
      await tab('register').boundingBox(),
    ];
    expect(registerTab!.x).toBeLessThan(matrixTab!.x);
    await tab('matrix').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tab('register').getAttribute('aria-selected')).toBe('true');
    await expect
      .poll(() => tab('register').evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab('matrix').getAttribute('aria-selected')).toBe('true');

    // Every looked-at section opens without an error, and is photographed for review.
    for (const [name, id] of LOOKED_AT) {
      await goTo(page, name);
      await screenshot(page, `rtl-ar-${id}-1280`);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const [name, id] of LOOKED_AT.filter(([, id]) =>
      ['theoryOfChange', 'dashboard'].includes(id),
    )) {
      await goTo(page, name);
      await screenshot(page, `rtl-ar-${id}-1920`);
    }

    // English again: left to right, the sidebar back on the left.
    await chooseLanguage(page, 'en', ARABIC);
    await page.getByRole('navigation', { name: 'Plan sections' }).waitFor();
    const [backSidebar, backSection] = [await sidebar.boundingBox(), await section.boundingBox()];
    expect(backSidebar!.x).toBeLessThan(backSection!.x);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
