/**
 * The theory-of-change canvas read and driven without a mouse, on a
 * projector-sized screen: link contrast, readable zoom, Tab order (elements in
 * reading order, no link before them), arrow keys on a focused element, link
 * names, a foldable details panel, a hint on an empty canvas, and axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openSampleToc(page: Page) {
  await page.goto(`${page.url().split('#')[0]}#/plan/sample-youth-digital-skills/theoryOfChange`);
  await page.locator('.react-flow__node').first().waitFor();
  await expect.poll(() => page.locator('.react-flow__edge-path').count()).toBeGreaterThan(5);
}

/** WCAG contrast ratio of two CSS colours (rgb()/rgba() as computed). */
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

async function expectNoSeriousAxe(page: Page) {
  const violations = await new AxeBuilder(page).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`),
  ).toEqual([]);
}

/** The zoom of the canvas viewport. */
const zoom = (page: Page) =>
  page
    .locator('.react-flow__viewport')
    .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

describe('theory of change for keyboard and projector', () => {
  it('draws links at ≥ 3:1 contrast, names them From → To, keeps a readable zoom, passes axe (1280×720)', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleToc(page);
    await page.getByRole('heading', { name: 'Theory of change', level: 1 }).waitFor();
    // The toolbar keeps to one row at 1280 px, leaving the canvas its height.
    const toolbarButtons = await page
      .getByRole('toolbar', { name: 'Theory of change tools' })
      .getByRole('button')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(toolbarButtons).size).toBe(1);

    // Every link stroke against the canvas background: at least 3:1.
    const colours = await page.evaluate(() => {
      const canvas = getComputedStyle(document.querySelector('.toc-canvas')!).backgroundColor;
      return {
        canvas,
        strokes: [...document.querySelectorAll('.react-flow__edge-path')].map(
          (p) => getComputedStyle(p).stroke,
        ),
      };
    });
    expect(colours.strokes.length).toBeGreaterThan(5);
    for (const stroke of new Set(colours.strokes))
      expect(contrast(stroke, colours.canvas)).toBeGreaterThanOrEqual(3);

    // A link is named by its ends; its rationale is its description.
    const names = await page
      .locator('.react-flow__edge')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('aria-label'), e.getAttribute('aria-description')]),
      );
    for (const [name, description] of names) {
      expect(name).toMatch(/^.+ → .+$/);
      expect(description).toMatch(/^Link/);
    }
    expect(names.some(([, d]) => /Rationale: .+/.test(d ?? ''))).toBe(true);

    // It opens at a readable size: titles ≥ 11 px on screen.
    const titleSize = () =>
      page
        .locator('.toc-node-title')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect((await titleSize()) * (await zoom(page))).toBeGreaterThanOrEqual(11);
    await screenshot(page, 'toc-open-1280');

    // Fit shrinks the text; "Readable size" brings titles back to ≥ 11 px.
    await page.getByRole('button', { name: 'Fit the whole diagram on screen' }).click();
    await page.waitForTimeout(400);
    await screenshot(page, 'toc-fit-1280');
    await page.getByRole('button', { name: 'Zoom to readable text' }).click();
    await page.waitForTimeout(450);
    const titlePx = await page
      .locator('.toc-node-title')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(titlePx * (await zoom(page))).toBeGreaterThanOrEqual(11);
    await screenshot(page, 'toc-readable-1280');

    await page.getByRole('button', { name: 'Fit the whole diagram on screen' }).click();
    await page.waitForTimeout(400);
    await expectNoSeriousAxe(page);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('tabs through elements in reading order before any link, and arrows move a focused element', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleToc(page);
    const count = await page.locator('.react-flow__node').count();
    await page.getByRole('button', { name: 'Zoom to readable text' }).focus();
    const visited: { kind: string; x: number; y: number; height: number; id: string }[] = [];
    for (let i = 0; i < count + 1; i += 1) {
      await page.keyboard.press('Tab');
      visited.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const node = el.closest<HTMLElement>('.react-flow__node');
          // The element's place on the canvas (flow coordinates: the view
          // pans to a focused element, so screen positions move).
          const m = new DOMMatrix(node ? getComputedStyle(node).transform : 'none');
          return {
            kind: node ? 'node' : el.closest('.react-flow__edge') ? 'edge' : el.tagName,
            x: m.e,
            y: m.f,
            height: node?.offsetHeight ?? 0,
            id: node?.dataset.id ?? '',
          };
        }),
      );
    }
    // Every element first, each once, no link among them.
    const nodes = visited.slice(0, count);
    expect(nodes.every((v) => v.kind === 'node')).toBe(true);
    expect(new Set(nodes.map((v) => v.id)).size).toBe(count);
    expect(visited.some((v) => v.kind === 'edge')).toBe(false);
    // Reading order: rows from the top (a node's height apart), each left to right.
    const height = nodes[0]!.height;
    const keyOf = (v: { x: number; y: number }) => [Math.round(v.y / height), v.x] as const;
    for (let i = 1; i < nodes.length; i += 1) {
      const [rowA, xA] = keyOf(nodes[i - 1]!);
      const [rowB, xB] = keyOf(nodes[i]!);
      expect(rowB > rowA || (rowB === rowA && xB >= xA)).toBe(true);
    }

    // Back to the first element: the arrow keys move it without Enter first.
    await page.getByRole('button', { name: 'Zoom to readable text' }).focus();
    await page.keyboard.press('Tab');
    const focused = page.locator(`.react-flow__node[data-id="${nodes[0]!.id}"]`);
    const before = (await focused.boundingBox())!;
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    // Four steps of 5 px right, at the canvas's zoom.
    const scale = await zoom(page);
    await expect
      .poll(async () => (await focused.boundingBox())!.x - before.x)
      .toBeGreaterThan(19 * scale);
    expect((await focused.boundingBox())!.y).toBeGreaterThan(before.y);
    expect(await focused.evaluate((el) => el.classList.contains('selected'))).toBe(true);
    // Moves are announced in words, not as canvas coordinates.
    const announced = await page
      .locator('.react-flow [aria-live]')
      .evaluateAll((els) => els.map((el) => el.textContent ?? '').join(' '));
    expect(announced).not.toMatch(/New position|x:/);
    // Links are not Tab stops; their description says where they are reached.
    expect(await page.locator('.react-flow').textContent()).not.toContain('select an edge');
    // Enter still renames a selected element (second Enter after selecting).
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Element title' }).waitFor();
    await page.keyboard.press('Escape');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('folds the details panel away and back, with its state announced', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleToc(page);
    const toggle = page.getByRole('button', { name: 'Details panel' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const canvas = page.getByRole('region', { name: 'Theory of change canvas' });
    const wide = (await canvas.boundingBox())!.width;
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(async () => (await canvas.boundingBox())!.width).toBeGreaterThan(wide + 250);
    await screenshot(page, 'toc-inspector-folded-1280');
    await expectNoSeriousAxe(page);
    // Folded it stays, after a visit to another section.
    await page.getByRole('link', { name: 'Logic model' }).click();
    await page.getByRole('heading', { name: 'Logic model', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Theory of change' }).click();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('complementary', { name: 'Details' }).getByLabel('Narrative').waitFor();
    await context.close();
  });

  it('says how to start on an empty canvas', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'New blank plan' }).click();
    await page.getByRole('link', { name: 'Theory of change' }).click();
    const hint = page.getByRole('note').filter({ hasText: 'Start your theory of change' });
    await hint.waitFor();
    expect(await hint.textContent()).toContain('impact');
    await screenshot(page, 'toc-empty-1280');
    await expectNoSeriousAxe(page);
    await page.getByRole('button', { name: 'Add impact' }).click();
    const input = page.getByRole('textbox', { name: 'Element title' });
    await input.fill('Young people in decent digital jobs');
    await input.press('Enter');
    await expect.poll(() => hint.count()).toBe(0);
    await context.close();
  });

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1920, height: 1080 },
  ])
    it(`lays out the sample and passes axe at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page } = await openApp(browser, viewport);
      await openSampleToc(page);
      await page.waitForTimeout(300);
      await screenshot(page, `toc-sample-${viewport.width}`);
      if (viewport.width === 1920) await expectNoSeriousAxe(page);
      expect(appErrors(page)).toEqual([]);
      await context.close();
    });
});
