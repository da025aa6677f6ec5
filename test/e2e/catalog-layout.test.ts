/**
 * The content catalog at projector and laptop widths: the table fits its card
 * (the Delete column on screen, no sideways scrolling), and no column heading
 * breaks inside a word. Screenshots at 1280×720, 1440×900 and 1920×1080.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function catalogGeometry(page: Page) {
  return page.evaluate(() => {
    const table = document.querySelector<HTMLElement>('.catalog-table')!;
    const card = table.closest<HTMLElement>('.card, section')!;
    const scroller = table.closest<HTMLElement>('.table-scroll')!;
    const t = table.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    const deletes = [...table.querySelectorAll<HTMLElement>('button')]
      .filter((b) => b.textContent === 'Delete')
      .map((b) => b.getBoundingClientRect());
    // A heading broken inside a word shows one word on two lines.
    const broken: string[] = [];
    for (const th of table.querySelectorAll<HTMLElement>('thead th')) {
      const text = th.firstChild?.nodeType === Node.TEXT_NODE ? th.firstChild : null;
      if (!text?.textContent) continue;
      let at = 0;
      for (const word of text.textContent.split(/(\s+)/)) {
        if (word.trim()) {
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + word.length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(word);
        }
        at += word.length;
      }
    }
    return {
      tableRight: t.right,
      cardRight: c.right,
      overflow: scroller.scrollWidth - scroller.clientWidth,
      deletesOnScreen: deletes.every((d) => d.right <= Math.min(c.right, window.innerWidth)),
      deleteCount: deletes.length,
      broken,
    };
  });
}

/** A CSV of `n` more catalog items (enough to make the catalog long and windowed). */
function manyItems(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'upskill-catalog-layout-'));
  const path = join(dir, 'many.csv');
  const rows = [
    'Course name,Provider,Type,Skills taught,Difficulty,Duration (hours),Language,Price',
  ];
  for (let i = 1; i <= n; i += 1)
    rows.push(
      `Internationalisation and Accessibility Fundamentals ${i},Tessary Tech Academy,Professional certificate,Customer service; Troubleshooting; Networking fundamentals,Intermediate,${i},English; Spanish; Portuguese,1250.50`,
    );
  writeFileSync(path, rows.join('\n'));
  return path;
}

describe('content catalog layout', () => {
  for (const [viewport, long] of [
    [{ width: 1280, height: 720 }, false],
    [{ width: 1440, height: 900 }, false],
    [{ width: 1920, height: 1080 }, false],
    [{ width: 1280, height: 720 }, true],
    [{ width: 1440, height: 900 }, true],
  ] as const)
    it(`fits its card with every column on screen at ${viewport.width}×${viewport.height}${long ? ', long catalog' : ''}`, async () => {
      const { context, page } = await openApp(browser, viewport);
      await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
      await page.getByRole('link', { name: 'Content catalog' }).click();
      await page.getByRole('table', { name: 'Catalog items' }).waitFor();
      if (long) {
        await page.getByRole('button', { name: 'Import from spreadsheet…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Import catalog items' });
        const chooser = page.waitForEvent('filechooser');
        await dialog.getByRole('button', { name: 'Choose file…' }).click();
        await (await chooser).setFiles(manyItems(90));
        await dialog.getByRole('button', { name: 'Import 90 items' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.locator('.catalog-table.windowed').waitFor();
      }
      await screenshot(page, `catalog-${viewport.width}${long ? '-long' : ''}`);
      const g = await catalogGeometry(page);
      expect(g.deleteCount).toBeGreaterThan(0);
      expect(g.overflow).toBeLessThanOrEqual(0);
      expect(g.tableRight).toBeLessThanOrEqual(g.cardRight);
      expect(g.deletesOnScreen).toBe(true);
      expect(g.broken).toEqual([]);
      expect(appErrors(page)).toEqual([]);
      await context.close();
    });
});
