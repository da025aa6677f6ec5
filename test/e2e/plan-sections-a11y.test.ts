/**
 * Every Plan section of the sample plan on a full-HD screen (1920×1080):
 * axe-core finds nothing serious or critical, each section has one h1 naming
 * it, and nothing is wider than the window (issue 10's closing check).
 * Screenshots are saved for review. The projector size (1280×720) is checked
 * for every section, Launch and Manage included, in each theme by
 * themes.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';
/** The Plan sections as the navigation names them (renderer/src/app/routes.ts). */
const PLAN_SECTIONS = [
  ['objective', 'Objective'],
  ['theoryOfChange', 'Theory of change'],
  ['logicModel', 'Logic model'],
  ['stakeholders', 'Stakeholders & partners'],
  ['learners', 'Learners'],
  ['content', 'Content catalog'],
  ['makeOrBuy', 'Make or buy'],
  ['pathways', 'Pathways & skills'],
  ['health', 'Plan health'],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  return (await new AxeBuilder(page).analyze())
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('every Plan section', () => {
  for (const viewport of [{ width: 1920, height: 1080 }]) {
    it(`passes axe, has its h1 and fits the window at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page } = await openApp(browser, viewport);
      await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
      const found: Record<string, string[]> = {};
      for (const [id, label] of PLAN_SECTIONS) {
        await page.getByRole('link', { name: label, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: label }).waitFor();
        // Let deferred layouts (matrix, canvas) settle before checking.
        await page.waitForTimeout(300);
        const problems = await seriousViolations(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        if (overflow > 0) problems.push(`page ${overflow} px wider than the window`);
        if (problems.length) found[label] = problems;
        await screenshot(page, `plan-section-${id}-${viewport.width}`);
      }
      expect(found).toEqual({});
      expect(appErrors(page)).toEqual([]);
      await context.close();
    });
  }
});
