/**
 * The logic-model diagram as it is drawn: arrows routed around cards (never
 * over a card other than their two ends), every lane in view with the details
 * panel open, at 1280×720, 1440×900 and 1920×1080, with no serious axe
 * findings. Screenshots are taken for review.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openSampleLogicModel(page: Page) {
  await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
  await page.getByRole('link', { name: 'Logic model' }).click();
  await page.getByRole('heading', { name: 'Logic model', level: 1 }).waitFor();
}

/**
 * Samples every drawn arrow along its length (in screen coordinates) and
 * returns each place where it enters a card that is not one of its ends.
 */
async function arrowsOverCards(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('.lm-lanes [data-item-id]')].map(
      (el) => ({ id: el.dataset.itemId!, r: el.getBoundingClientRect(), title: el.textContent }),
    );
    const problems: string[] = [];
    const paths = [...document.querySelectorAll<SVGPathElement>('path.lm-arrow')];
    for (const path of paths) {
      const length = path.getTotalLength();
      const ctm = path.getScreenCTM();
      if (!ctm || length === 0) {
        problems.push(`arrow ${path.dataset.source} → ${path.dataset.target} is not drawn`);
        continue;
      }
      for (let at = 0; at <= length; at += 2) {
        const p = path.getPointAtLength(at).matrixTransform(ctm);
        const hit = cards.find(
          (c) =>
            c.id !== path.dataset.source &&
            c.id !== path.dataset.target &&
            p.x > c.r.left + 1.5 &&
            p.x < c.r.right - 1.5 &&
            p.y > c.r.top + 1.5 &&
            p.y < c.r.bottom - 1.5,
        );
        if (hit) {
          problems.push(
            `arrow ${path.dataset.source} → ${path.dataset.target} crosses “${hit.title?.slice(0, 40)}”`,
          );
          break;
        }
      }
    }
    return problems;
  });
}

async function expectNoSeriousAxe(page: Page) {
  const violations = await new AxeBuilder(page).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`),
  ).toEqual([]);
}

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

describe('logic-model layout', () => {
  for (const viewport of VIEWPORTS) {
    it(`routes arrows around cards and keeps every lane in view with the panel open (${viewport.width}×${viewport.height})`, async () => {
      const { context, page } = await openApp(browser, viewport);
      await openSampleLogicModel(page);
      const arrows = page.locator('path.lm-arrow');
      await expect.poll(() => arrows.count()).toBeGreaterThan(20);
      await expect
        .poll(() => arrows.evaluateAll((els) => els.filter((e) => e.getAttribute('d')).length))
        .toBe(await arrows.count());
      await screenshot(page, `logic-model-arrows-${viewport.width}`);
      expect(await arrowsOverCards(page)).toEqual([]);

      if (viewport.width !== 1440) await expectNoSeriousAxe(page);

      // Open the details panel: every lane stays in view, none under the panel.
      await page
        .locator('.lm-card-main')
        .filter({ hasText: /About 470 unemployed completers/ })
        .click();
      const panel = page.getByRole('complementary', { name: /Details of/ });
      await panel.waitFor();
      await expect.poll(async () => (await arrowsOverCards(page)).length).toBe(0);
      const layout = await page.evaluate(() => {
        const scroller = document.querySelector('.lm-content')!.getBoundingClientRect();
        const panelBox = document.querySelector('.lm-panel')!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>('.lm-lanes > .lm-lane')].map((lane) => {
          const full = lane.getBoundingClientRect();
          // What shows of the lane: clipped to the scrolling diagram.
          const r = {
            left: Math.max(full.left, scroller.left),
            right: Math.min(full.right, scroller.right),
            top: Math.max(full.top, scroller.top),
            bottom: Math.min(full.bottom, scroller.bottom),
          };
          const overlapsPanel =
            r.left < panelBox.right &&
            r.right > panelBox.left &&
            r.top < panelBox.bottom &&
            r.bottom > panelBox.top;
          return {
            lane: lane.querySelector('h2')?.firstChild?.textContent ?? '',
            inView:
              full.left >= scroller.left - 1 &&
              full.right <= scroller.right + 1 &&
              r.bottom - r.top >= 120,
            overlapsPanel,
          };
        });
      });
      await screenshot(page, `logic-model-panel-${viewport.width}`);
      expect(layout.filter((l) => !l.inView || l.overlapsPanel)).toEqual([]);

      if (viewport.width !== 1440) await expectNoSeriousAxe(page);
      expect(appErrors(page)).toEqual([]);
      await context.close();
    });
  }
});
