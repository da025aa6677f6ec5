/**
 * Issue 15: "New plan" offers a blank plan or one of the worked examples.
 * The gallery opens and adds an example by keyboard alone; each example is
 * added with its synthetic roster, and every section of it opens without an
 * error. Screenshots of the gallery at 1280×720 and 1920×1080, and of each
 * example's sections, are saved for review.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PLANS, type ExamplePlan } from '../../shared/plan/examples';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, TAKE_SCREENSHOTS } from './browser';

/** Every section as the navigation names it (renderer/src/app/routes.ts). */
const SECTIONS = [
  ['objective', 'Objective'],
  ['theoryOfChange', 'Theory of change'],
  ['logicModel', 'Logic model'],
  ['stakeholders', 'Stakeholders & partners'],
  ['learners', 'Learners'],
  ['content', 'Content catalog'],
  ['makeOrBuy', 'Make or buy'],
  ['pathways', 'Pathways & skills'],
  ['health', 'Plan health'],
  ['onboarding', 'Onboarding checklist'],
  ['communications', 'Communications'],
  ['invitations', 'Invitations'],
  ['marketing', 'Marketing'],
  ['roster', 'Learner progress'],
  ['engagement', 'Engagement & follow-ups'],
  ['kpis', 'KPIs'],
  ['dashboard', 'Dashboard'],
  ['reviews', 'Reviews & cohorts'],
  ['contentInUse', 'Content in use'],
  ['skillsFirst', 'Skills-first KPIs'],
] as const;

/** Sections photographed for review (at 1280×720, and the last two also at 1920×1080). */
const PHOTOGRAPHED = ['objective', 'theoryOfChange', 'roster', 'stakeholders', 'dashboard'];
const WIDE = new Set(['stakeholders', 'dashboard']);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses Tab until the focused element matches, as a keyboard user would (at most `max` presses). */
async function tabTo(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });
    if (focused === name) return;
  }
  throw new Error(`“${name}” was not reached with Tab`);
}

/** Opens the gallery with the keyboard from the library. */
async function openGallery(page: Page) {
  await tabTo(page, 'New from an example…');
  await page.keyboard.press('Enter');
  const gallery = page.getByRole('dialog', { name: 'New plan' });
  await gallery.waitFor();
  return gallery;
}

/** The Add button's name; an Arabic title in the English sentence is isolated (FSI … PDI) so it keeps its order. */
const addLabel = (example: ExamplePlan) => {
  const title = /[\u0590-\u08ff]/.test(example.title)
    ? `\u2068${example.title}\u2069`
    : example.title;
  return `Add the example “${title}” to your library`;
};

describe('the example gallery', () => {
  it.each([
    [1280, 720],
    [1920, 1080],
  ])('opens by keyboard and offers a blank plan and every example at %i×%i', async (w, h) => {
    const { context, page } = await openApp(browser, { width: w, height: h });
    const gallery = await openGallery(page);
    // Focus starts on the blank plan, the first way to start.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Start a blank plan',
    );
    const cards = gallery.getByRole('list', { name: 'Ways to start a plan' }).getByRole('listitem');
    expect(await cards.filter({ has: page.getByRole('heading', { level: 3 }) }).count()).toBe(
      EXAMPLE_PLANS.length + 1,
    );
    for (const example of EXAMPLE_PLANS) {
      const card = gallery.getByRole('listitem', { name: example.title, exact: true });
      await card.getByRole('button', { name: addLabel(example) }).waitFor();
      await card.getByRole('heading', { level: 3, name: example.title }).waitFor();
    }
    await screenshot(page, `example-gallery-${w}`);
    // Accessible as the rest of the app: nothing serious or critical for axe.
    const serious = (await new AxeBuilder(page).analyze())
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    // Escape closes it and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await gallery.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'New from an example…',
    );
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  for (const example of EXAMPLE_PLANS) {
    it(`adds “${example.title}” by keyboard, with its roster, and opens every section`, async () => {
      const { context, page } = await openApp(browser, { width: 1280, height: 720 });
      await openGallery(page);
      await tabTo(page, addLabel(example));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
      // The copy keeps the example's name (or "Copy of …" when the library has it already).
      await page.getByText(example.title).first().waitFor();
      const invited = example.roster.story.segments.reduce((s, [, n]) => s + n, 0);
      for (const [id, label] of SECTIONS) {
        await page.getByRole('link', { name: new RegExp(`^${label}`) }).click();
        await page.getByRole('heading', { level: 1, name: new RegExp(`^${label}`) }).waitFor();
        if (id === 'roster')
          await page
            .getByText(new RegExp(`^${invited.toLocaleString('en-GB')} learners`))
            .first()
            .waitFor();
        expect(await page.getByRole('alertdialog').count(), label).toBe(0);
        if (PHOTOGRAPHED.includes(id)) await screenshot(page, `example-${example.id}-${id}-1280`);
      }
      // The wide sections again at 1920×1080, for people to look at.
      if (TAKE_SCREENSHOTS) await page.setViewportSize({ width: 1920, height: 1080 });
      for (const [id, label] of TAKE_SCREENSHOTS ? SECTIONS : []) {
        if (!WIDE.has(id)) continue;
        await page.getByRole('link', { name: new RegExp(`^${label}`) }).click();
        await page.getByRole('heading', { level: 1, name: new RegExp(`^${label}`) }).waitFor();
        await page.waitForTimeout(300);
        await screenshot(page, `example-${example.id}-${id}-1920`);
      }
      expect(appErrors(page)).toEqual([]);
      await context.close();
    });
  }
});
