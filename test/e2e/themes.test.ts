/**
 * Colour themes (issue 15): light, dark and high contrast, chosen in
 * Settings, following the computer by default.
 *
 * - 'system' follows the emulated computer live: dark appearance, "more
 *   contrast" and a forced-colours (Windows contrast) theme; a stored choice
 *   is on <html> before the page's body exists (no flash of the wrong theme).
 * - In each theme, chosen in the Settings dialog: the library and its
 *   example gallery, every section of the sample plan (Plan, Launch, Manage;
 *   canvases included), the stakeholder workshop (projector) mode and the
 *   Settings dialog pass axe with nothing serious or critical (colour
 *   contrast included); each section has one h1 and is no wider than the
 *   1280×720 window; theory-of-change links keep ≥ 3:1 against their
 *   canvas; chart text is drawn in the theme's chart ink, ≥ 4.5:1 against
 *   the chart's ground. Screenshots are saved for review.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const PLAN = 'sample-youth-digital-skills';
/** Every section of a plan (renderer/src/app/routes.ts). */
const SECTIONS = [
  'objective',
  'theoryOfChange',
  'logicModel',
  'stakeholders',
  'learners',
  'content',
  'makeOrBuy',
  'pathways',
  'health',
  'onboarding',
  'communications',
  'invitations',
  'marketing',
  'roster',
  'engagement',
  'kpis',
  'dashboard',
  'reviews',
  'contentInUse',
  'skillsFirst',
] as const;
const THEMES = ['light', 'dark', 'high-contrast'] as const;
/** Sections whose screenshot is kept for review in each theme. */
const SCREENSHOTS = new Set<string>(['theoryOfChange', 'logicModel', 'stakeholders', 'dashboard']);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

async function seriousViolations(page: Page): Promise<string[]> {
  return (await new AxeBuilder(page).analyze())
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** WCAG contrast ratio of two computed CSS colours (rgb()/rgba()). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** A CSS colour as the browser computes it (rgb()). */
const computed = (page: Page, colour: string) =>
  page.evaluate((c) => {
    const probe = document.createElement('span');
    probe.style.color = c;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color;
    probe.remove();
    return rgb;
  }, colour);

async function goToSection(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/plan/${PLAN}/${id}`);
  await page.locator(`.sidebar a[aria-current="page"][href$="/${id}"]`).waitFor();
  await page.locator('.section h1').first().waitFor();
  // Let deferred layouts (matrix, canvas, charts) settle before checking.
  await page.waitForTimeout(250);
}

/** Chooses a theme in the Settings dialog and checks the dialog itself. */
async function chooseTheme(page: Page, name: (typeof THEMES)[number]): Promise<string[]> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption(name);
  await expect.poll(() => theme(page)).toBe(name);
  const problems = await seriousViolations(page);
  await screenshot(page, `theme-${name}-settings`);
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await dialog.waitFor({ state: 'hidden' });
  return problems;
}

/** Checks every section, the workshop and Settings in a theme chosen in Settings; returns problems by place. */
async function checkTheme(name: (typeof THEMES)[number]): Promise<Record<string, string[]>> {
  const { context, page } = await openApp(browser, { width: 1280, height: 720 });
  const found: Record<string, string[]> = {};
  const note = (where: string, problems: string[]) => {
    if (problems.length) found[`${name} · ${where}`] = problems;
  };

  await page.goto(`${page.url().split('#')[0]}#/plan/${PLAN}/objective`);
  await page.locator('.section h1').first().waitFor();
  note('Settings', await chooseTheme(page, name));

  // The library: the plan list and the example gallery.
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('heading', { name: 'Your plans' }).waitFor();
  note('library', await seriousViolations(page));
  await page.getByRole('button', { name: 'New from an example…' }).click();
  const gallery = page.getByRole('dialog', { name: 'New plan' });
  await gallery.waitFor();
  note('example gallery', await seriousViolations(page));
  await screenshot(page, `theme-${name}-gallery`);
  await page.keyboard.press('Escape');
  await gallery.waitFor({ state: 'hidden' });
  for (const id of SECTIONS) {
    await goToSection(page, id);
    const problems = await seriousViolations(page);
    // One h1 naming the section, and nothing wider than a projector's window.
    const h1s = await page.locator('h1').allTextContents();
    if (h1s.length !== 1 || !h1s[0]!.trim()) problems.push(`h1s: ${JSON.stringify(h1s)}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    if (overflow > 0) problems.push(`page ${overflow} px wider than the window`);

    if (id === 'theoryOfChange') {
      await expect.poll(() => page.locator('.react-flow__edge-path').count()).toBeGreaterThan(5);
      const { canvas, strokes } = await page.evaluate(() => ({
        canvas: getComputedStyle(document.querySelector('.toc-canvas')!).backgroundColor,
        strokes: [...document.querySelectorAll('.react-flow__edge-path')].map(
          (p) => getComputedStyle(p).stroke,
        ),
      }));
      for (const stroke of new Set(strokes))
        if (contrast(stroke, canvas) < 3)
          problems.push(`link ${stroke} on canvas ${canvas} below 3:1`);
    }

    if (id === 'dashboard') {
      await page.locator('.chart-box svg text').first().waitFor();
      const { ink, ground, fills } = await page.evaluate(() => {
        const style = getComputedStyle(document.documentElement);
        return {
          ink: style.getPropertyValue('--chart-ink').trim(),
          ground: style.getPropertyValue('--chart-bg').trim(),
          fills: [...document.querySelectorAll('.chart-box svg text')].map(
            (t) => getComputedStyle(t).fill,
          ),
        };
      });
      const [inkRgb, groundRgb] = [await computed(page, ink), await computed(page, ground)];
      for (const fill of new Set(fills)) {
        if (fill !== inkRgb) problems.push(`chart text in ${fill}, not the chart ink ${inkRgb}`);
        if (contrast(fill, groundRgb) < 4.5)
          problems.push(`chart text ${fill} on ${groundRgb} below 4.5:1`);
      }
    }

    if (id === 'stakeholders') {
      await page.getByRole('button', { name: 'Workshop mode' }).click();
      const workshop = page.getByRole('dialog', { name: 'Stakeholder workshop' });
      await workshop.locator('.sh-card').first().waitFor();
      await page.waitForTimeout(250);
      note('workshop', await seriousViolations(page));
      await screenshot(page, `theme-${name}-workshop`);
      await workshop.getByRole('button', { name: 'Exit workshop' }).click();
      await workshop.waitFor({ state: 'hidden' });
    }

    note(id, problems);
    if (SCREENSHOTS.has(id)) await screenshot(page, `theme-${name}-${id}`);
  }
  const errors = appErrors(page);
  if (errors.length) found[`${name} · page errors`] = errors;
  await context.close();
  return found;
}

describe('colour themes', () => {
  it("'system' follows the computer live, and a stored theme is set before the first paint", async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    const colorScheme = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    expect(await theme(page)).toBe('light');
    expect(await colorScheme()).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => theme(page)).toBe('dark');
    expect(await colorScheme()).toBe('dark');
    await page.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
    await expect.poll(() => theme(page)).toBe('high-contrast');
    await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' });
    await expect.poll(() => theme(page)).toBe('light');
    await page.emulateMedia({ forcedColors: 'active' });
    await expect.poll(() => theme(page)).toBe('high-contrast');
    await page.emulateMedia({ forcedColors: 'none' });
    await expect.poll(() => theme(page)).toBe('light');

    // A stored choice wins over the computer, from before the body is parsed.
    await page.evaluate(() =>
      localStorage.setItem('upskill:settings', JSON.stringify({ theme: 'dark' })),
    );
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody?: string }).themeAtBody =
          document.documentElement.dataset.theme ?? 'none';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await page.getByRole('heading', { name: 'Your plans' }).waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody),
    ).toBe('dark');
    expect(await theme(page)).toBe('dark');
    // …and the system no longer moves it.
    await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
    await page.waitForTimeout(100);
    expect(await theme(page)).toBe('dark');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('every section, the workshop and Settings pass axe in light, dark and high contrast (1280×720)', async () => {
    // One page per theme, side by side: axe is most of the time, and it keeps both cores busy.
    const found = Object.assign({}, ...(await Promise.all(THEMES.map((name) => checkTheme(name)))));
    expect(found).toEqual({});
  }, 300_000);
});
