/**
 * The theory-of-change canvas with 3,000 elements: fitted, elements are
 * drawn as boxes (level of detail) and links as static tiles, yet every
 * element can still be pressed and dragged straight away, an element added
 * there can be named, a click on a link selects it, and a selection
 * rectangle takes in the boxes inside it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';
import { NODE_SIZE } from '../../shared/toc/operations';
import { planWithLargeToc } from '../helpers/large-plan';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

let browser: Browser;
const plan: Plan = planWithLargeToc(3000);
const file = join(mkdtempSync(join(tmpdir(), 'upskill-e2e-toc-')), 'toc-3000.upskill.json');
beforeAll(async () => {
  writeFileSync(file, writePlanFile(plan));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openLargeToc(viewport?: { width: number; height: number }): Promise<Page> {
  const { page } = await openApp(browser, viewport);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open plan file…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('textbox', { name: 'Program name', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Theory of change' }).click();
  await page.locator('.toc-static-node').first().waitFor({ state: 'attached' });
  return page;
}

/** The canvas transform: screen = pane + translate + canvas × zoom. */
async function transform(page: Page) {
  const m = await page.evaluate(() => {
    const t = new DOMMatrix(
      getComputedStyle(document.querySelector('.react-flow__viewport')!).transform,
    );
    return { zoom: t.a, x: t.e, y: t.f };
  });
  const pane = (await page.locator('.react-flow').boundingBox())!;
  return { ...m, left: pane.x, top: pane.y };
}

/** Where the centre of element `id` is on screen. */
async function centreOf(page: Page, id: string) {
  const { x, y } = plan.theoryOfChange.nodes.find((n) => n.id === id)!.position;
  const t = await transform(page);
  return {
    x: t.left + t.x + (x + NODE_SIZE.width / 2) * t.zoom,
    y: t.top + t.y + (y + NODE_SIZE.height / 2) * t.zoom,
  };
}

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });

describe('theory of change with 3,000 elements', () => {
  it('opens fitted with elements as boxes; a box can be dragged straight away, and undone', async () => {
    const page = await openLargeToc();
    // Fitted, only boxes: no element is a React Flow node until it is selected.
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    await screenshot(page, 'toc-3000-fitted-1366');

    const start = await centreOf(page, 'n1500');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 60, start.y + 40, { steps: 12 });
    await page.mouse.up();
    const dragged = page.locator('.react-flow__node[data-id="n1500"]');
    const box = (await dragged.boundingBox())!;
    expect(Math.abs(box.x + box.width / 2 - start.x - 60)).toBeLessThan(6);
    expect(Math.abs(box.y + box.height / 2 - start.y - 40)).toBeLessThan(6);
    await expect
      .poll(() => details(page).getByLabel('Title').inputValue())
      .toBe('Learners achieve step 1500 of the pathway');
    await waitUntilSaved(page);

    // One undo step puts it back.
    await page.getByRole('button', { name: /^Undo Move elements/ }).click();
    await expect
      .poll(async () => {
        const b = (await dragged.boundingBox())!;
        return Math.round(Math.hypot(b.x + b.width / 2 - start.x, b.y + b.height / 2 - start.y));
      })
      .toBeLessThan(3);

    // Added while zoomed far out, an element is brought into view to be named.
    await page.getByRole('button', { name: 'Fit the whole diagram on screen' }).click();
    await page.getByRole('button', { name: 'Add outcome' }).click();
    const input = page.getByRole('textbox', { name: 'Element title' });
    await input.fill('Mentors meet every learner monthly');
    await input.press('Enter');
    await page
      .locator('.react-flow__node')
      .filter({ hasText: 'Mentors meet every learner' })
      .waitFor();
    expect(appErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('selects a link by clicking it and boxes with a selection rectangle', async () => {
    const page = await openLargeToc();
    // Zoom in on an element so its surroundings are readable, then let it go.
    const search = page.getByRole('combobox', { name: 'Find element' });
    await search.fill('Learners achieve step 1000 of the pathway');
    await search.press('Enter');
    await details(page).getByLabel('Title').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

    // Click the middle of a static link that is on screen.
    const t = await transform(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const byId = new Map(plan.theoryOfChange.nodes.map((n) => [n.id, n]));
    const onScreen = plan.theoryOfChange.links
      .map((l) => {
        const from = byId.get(l.source)!.position;
        const to = byId.get(l.target)!.position;
        // The curve's midpoint (its control points share the ends' x).
        const x = (from.x + to.x) / 2 + NODE_SIZE.width / 2;
        const y = (from.y + to.y + NODE_SIZE.height) / 2;
        return { id: l.id, x: t.left + t.x + x * t.zoom, y: t.top + t.y + y * t.zoom };
      })
      .find(
        (p) =>
          p.x > pane.x + 60 &&
          p.x < pane.x + pane.width - 60 &&
          p.y > pane.y + 60 &&
          p.y < pane.y + pane.height - 60,
      )!;
    await page.mouse.click(onScreen.x, onScreen.y);
    await details(page).getByText('Causal link').waitFor();
    await page.locator('.react-flow__edge.selected').waitFor();

    // Fitted again, Shift+drag a rectangle over part of the boxes.
    await page.getByRole('button', { name: 'Fit the whole diagram on screen' }).click();
    await page.waitForTimeout(600);
    const a = await centreOf(page, 'n0');
    await page.keyboard.down('Shift');
    await page.mouse.move(a.x - 8, a.y - 8);
    await page.mouse.down();
    await page.mouse.move(a.x + 40, a.y + 20, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await details(page)
      .getByRole('heading', { name: /^\d+ items selected$/ })
      .waitFor();
    const heading = await details(page).getByRole('heading').first().textContent();
    expect(Number(heading!.split(' ')[0])).toBeGreaterThan(10);
    expect(appErrors(page)).toEqual([]);
    await page.context().close();
  });
});
