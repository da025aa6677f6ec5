/**
 * A theory of change far larger than the canvas can draw (40,000 elements)
 * opens at once with a notice and an outline instead of freezing the page;
 * an element is found, edited in the details panel and drawn on the canvas
 * with its neighbourhood.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePlanFile } from '../../shared/plan/plan-file';
import { planWithLargeToc } from '../helpers/large-plan';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

let browser: Browser;
const file = join(mkdtempSync(join(tmpdir(), 'upskill-e2e-toc-')), 'toc-40000.upskill.json');
beforeAll(async () => {
  writeFileSync(file, writePlanFile(planWithLargeToc(40_000)));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Runs in the page: records every main-thread task of 50 ms or more from now on. */
const WATCH_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
  }).observe({ type: 'longtask' });
})()`;

describe('theory of change with 40,000 elements', () => {
  it('opens with a notice and an outline; an element is found, edited and drawn with its neighbourhood', async () => {
    const { context, page } = await openApp(browser);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open plan file…' }).click();
    await (await chooser).setFiles(file);
    await page
      .getByRole('textbox', { name: 'Program name', exact: true })
      .waitFor({ timeout: 60_000 });
    // Let opening the plan settle, then watch the main thread from the click on.
    await page.waitForTimeout(2000);
    await page.evaluate(WATCH_LONG_TASKS);

    await page.getByRole('link', { name: 'Theory of change' }).click();
    await page
      .getByText(
        'This theory of change has 40,000 elements — more than the canvas can draw fluidly. Showing an outline; pick a part to draw.',
      )
      .waitFor();
    const outline = page.getByRole('list', { name: 'Elements by kind' });
    await outline.getByRole('button', { name: /^Long-term outcomes/ }).waitFor();
    // No canvas, and only the rows in view are in the page.
    expect(await page.locator('.react-flow').count()).toBe(0);
    expect(await outline.getByRole('listitem').count()).toBeLessThan(100);
    await screenshot(page, 'toc-40000-outline-1366');
    const violations = (await new AxeBuilder(page).analyze()).filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    // Find an element and edit it in the details panel.
    await page.getByRole('searchbox', { name: 'Find element' }).fill('step 12345 of');
    const row = outline.getByRole('button', { name: /step 12345 of the pathway/ });
    await row.click();
    const details = page.getByRole('complementary', { name: 'Details' });
    const title = details.getByLabel('Title');
    await expect.poll(() => title.inputValue()).toBe('Learners achieve step 12345 of the pathway');
    await title.fill('Employers co-design step 12345 of the pathway');
    await outline.getByRole('button', { name: /Employers co-design step 12345 of/ }).waitFor();
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');

    // The page stayed responsive: no task anywhere near the old 23-second freeze.
    const longTasks = await page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks,
    );
    expect(Math.max(0, ...longTasks)).toBeLessThan(1000);

    // Draw the element and its surroundings on the canvas, then go back.
    await page.getByRole('button', { name: 'Draw on canvas', exact: true }).click();
    await page.getByText(/^Showing \d+ of 40,000 elements: “Employers co-design/).waitFor();
    const node = page.locator('.react-flow__node').filter({ hasText: 'Employers co-design' });
    await node.waitFor();
    expect(await node.getAttribute('class')).toContain('selected');
    await screenshot(page, 'toc-40000-part-1366');
    await page.getByRole('button', { name: 'Back to the outline' }).click();
    await outline.waitFor();
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
