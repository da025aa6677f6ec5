/** Drives the built app in Debian Chromium through playwright-core. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Where Chromium lives (Debian's package); override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that let headless Chromium run on this offline, GPU-less machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Folder for screenshots taken during the tests (looked at by people). */
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/** Starts Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh profile (empty IndexedDB) with the app loaded and ready. */
export async function openApp(
  browser: Browser,
  viewport = { width: 1366, height: 768 },
  /** The computer's language as the browser reports it (the app's "system" language). */
  locale = 'en-US',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  (page as Page & { appErrors: string[] }).appErrors = errors;
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { name: 'Your plans' }).waitFor();
  return { context, page };
}

/** Errors the page logged (uncaught exceptions and console errors). */
export function appErrors(page: Page): string[] {
  return (page as Page & { appErrors?: string[] }).appErrors ?? [];
}

/**
 * Whether the screenshots for people to look at are taken. E2E_SCREENSHOTS=0 (CI, where no one
 * looks at them) skips them: encoding ~160 full pages was a minute and a half of a 2-core run.
 */
export const TAKE_SCREENSHOTS = process.env.E2E_SCREENSHOTS !== '0';

/** Saves a screenshot for review (the full page unless `fullPage: false`), as test-results/screenshots/{name}.png. */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true } = {},
): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/** Waits until the open plan reports that every edit is saved. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
}

/** The bundled sample plan's name, as the library lists it on first start. */
export const SAMPLE_PLAN_NAME = 'Lower Valley Digital Futures 2027';

/**
 * Opens the sample plan's Objective from the library, then chooses a UI
 * language the way Settings keeps it (on this computer) and reloads.
 */
export async function openSampleIn(page: Page, language: 'es' | 'fr' | 'ar' | 'uk'): Promise<void> {
  await page.getByRole('button', { name: `Open ${SAMPLE_PLAN_NAME}` }).click();
  await page.getByRole('link', { name: 'Objective', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
  await page.evaluate(
    (lang) =>
      localStorage.setItem('upskill:settings', JSON.stringify({ language: lang, theme: 'system' })),
    language,
  );
  await page.reload();
}

/** Text without the bidi isolation marks (FSI, LRI, RLI, PDI) the UI puts around values. */
export const withoutIsolates = (text: string | null): string =>
  (text ?? '').replace(/[\u2066-\u2069]/g, '');
