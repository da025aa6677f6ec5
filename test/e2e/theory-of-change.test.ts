/**
 * The theory-of-change editor as planners use it: building a pathway with
 * the mouse, building one with the keyboard only, undo/redo, persistence,
 * and a drag that re-renders only the dragged node.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const node = (page: Page, title: string) =>
  page.locator('.react-flow__node').filter({ hasText: title });

async function newPlanAtToc(page: Page) {
  await page.getByRole('button', { name: 'New blank plan' }).click();
  await page.getByRole('link', { name: 'Theory of change' }).click();
  await page.getByRole('toolbar', { name: 'Theory of change tools' }).waitFor();
}

/** Adds an element from the palette and names it in place. */
async function addElement(page: Page, kind: string, title: string) {
  await page.getByRole('button', { name: `Add ${kind}` }).click();
  const input = page.getByRole('textbox', { name: 'Element title' });
  await input.fill(title);
  await input.press('Enter');
  await node(page, title).waitFor();
}

/** Runs in the page: every animation frame callback runs about 100 ms late. */
const LATE_FRAMES = `(() => {
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  const timers = new Map();
  let next = 0;
  window.requestAnimationFrame = (callback) => {
    const id = ++next;
    timers.set(id, setTimeout(() => timers.set(id, -raf((t) => { timers.delete(id); callback(t); })), 100));
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    const t = timers.get(id);
    if (t === undefined) return;
    if (t < 0) caf(-t); else clearTimeout(t);
    timers.delete(id);
  };
})()`;

describe('theory of change', () => {
  it('builds a pathway with the mouse: add, rename, connect, explain, undo, reload', async () => {
    const { context, page } = await openApp(browser);
    await newPlanAtToc(page);
    await addElement(page, 'impact', 'Young people in decent digital jobs');
    await addElement(page, 'outcome', 'Learners complete a certificate');
    await addElement(page, 'intervention', 'Run a 12-week bootcamp');

    // Drag from the intervention's top handle to the outcome's bottom handle.
    const from = node(page, 'Run a 12-week bootcamp').locator('.react-flow__handle-top');
    const to = node(page, 'Learners complete a certificate').locator('.react-flow__handle-bottom');
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await page.mouse.up();
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText('Causal link').waitFor();
    await details
      .getByLabel('Rationale (because…)')
      .fill('Because a recognised certificate is what employers screen for.');
    await details.getByLabel('Evidence').selectOption('moderate');
    await details.getByLabel('New assumption').fill('Employers accept online certificates');
    await details.getByRole('button', { name: 'Add', exact: true }).click();
    await details.getByRole('textbox', { name: 'Assumption 1' }).waitFor();

    // Undo the assumption, the evidence and the rationale, then redo them.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Undo Add assumption/ }).click();
    await expect.poll(() => details.getByRole('textbox', { name: 'Assumption 1' }).count()).toBe(0);
    await page.getByRole('button', { name: /^Redo Add assumption/ }).click();
    await details.getByRole('textbox', { name: 'Assumption 1' }).waitFor();

    // Auto layout puts the impact on top and the intervention at the bottom.
    await page.getByRole('button', { name: 'Auto layout', exact: true }).click();
    await page.getByRole('button', { name: 'Auto layout', exact: true }).waitFor();
    await expect
      .poll(async () => {
        const top = (await node(page, 'Young people in decent digital jobs').boundingBox())!.y;
        const bottom = (await node(page, 'Run a 12-week bootcamp').boundingBox())!.y;
        return top < bottom;
      })
      .toBe(true);

    await waitUntilSaved(page);
    await page.reload();
    await node(page, 'Run a 12-week bootcamp').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(3);
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    await page.locator('.react-flow__edge').click({ force: true });
    expect(await details.getByLabel('Rationale (because…)').inputValue()).toContain(
      'recognised certificate',
    );
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  // A busy machine paints late; a person's next key does not wait for the
  // frame. With frames held back 100 ms, keys pressed right after Enter
  // (L to link, arrows after selecting) must still act on the element.
  it.each([
    ['', false],
    [' on a busy machine (frames 100 ms late)', true],
  ])('builds a pathway with the keyboard only%s', async (_, busy) => {
    const { context, page } = await openApp(browser);
    if (busy) await page.evaluate(LATE_FRAMES);
    await newPlanAtToc(page);
    const keyboardAdd = async (kind: string, title: string) => {
      await page.getByRole('button', { name: `Add ${kind}` }).focus();
      await page.keyboard.press('Enter');
      // The new element opens for renaming with its title selected.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
        .toBe('Element title');
      await page.keyboard.type(title);
      await page.keyboard.press('Enter');
      // Focus is back on the new node.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
        .toContain(title);
    };
    await keyboardAdd('outcome', 'Graduates hired by local firms');
    await keyboardAdd('intervention', 'Employer-led mentoring');

    // L opens "Link to…"; pick the target by typing its name.
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: /Link “Employer-led mentoring” to/ });
    // Like a person, type once the dialog is there with its search field focused.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('connect-search');
    await page.keyboard.type('graduates');
    // The down arrow goes from the search field into the list (a new user expected it to).
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Graduates hired');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    // Move the intervention with the arrow keys, then undo the move in one step.
    await node(page, 'Employer-led mentoring').focus();
    await page.keyboard.press('Enter');
    const before = await node(page, 'Employer-led mentoring').boundingBox();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => (await node(page, 'Employer-led mentoring').boundingBox())!.x)
      .toBeGreaterThan(before!.x + 10);
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => Math.round((await node(page, 'Employer-led mentoring').boundingBox())!.x))
      .toBe(Math.round(before!.x));
    await page.keyboard.press('Control+Shift+z');

    // Delete the link with the keyboard from the search: find the outcome, then remove the intervention.
    await page.getByRole('combobox', { name: 'Find element' }).focus();
    await page.keyboard.type('mentoring');
    await page.keyboard.press('Enter');
    await node(page, 'Employer-led mentoring').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(1);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    // Edges appear a frame after their nodes are measured.
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    await waitUntilSaved(page);
    await page.reload();
    await node(page, 'Graduates hired by local firms').waitFor();
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    await context.close();
  });

  it('shows the sample plan, re-renders only the dragged node, and passes axe', async () => {
    const { context, page } = await openApp(browser);
    await page.goto(`${page.url().split('#')[0]}#/plan/sample-youth-digital-skills/theoryOfChange`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'toc-sample-1366');

    const target = page.locator('.react-flow__node').first();
    const id = await target.getAttribute('data-id');
    const box = (await target.boundingBox())!;
    await page.evaluate(
      () =>
        ((window as unknown as { __upskillTocNodeRenders: object }).__upskillTocNodeRenders = {}),
    );
    await page.mouse.move(box.x + 30, box.y + 30);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 30 + i * 6, box.y + 30 + i * 3);
    await page.mouse.up();
    const renders = await page.evaluate(
      () =>
        (window as unknown as { __upskillTocNodeRenders: Record<string, number> })
          .__upskillTocNodeRenders,
    );
    // Only the dragged node renders; about once per pointer move.
    expect(Object.keys(renders)).toEqual([id]);
    expect(renders[id!]).toBeLessThanOrEqual(24);

    const violations = (await new AxeBuilder(page).analyze()).filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await context.close();
  });
});
