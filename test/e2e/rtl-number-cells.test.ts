/**
 * Figures in tables line up with their headings (issue 15). Table cells take
 * their text's own direction (unicode-bidi: plaintext), so a cell holding only
 * figures, which have no strong direction, would resolve left to right: in
 * Arabic it sat on the right while its heading, at the end of the UI's
 * direction, sat on the left. Every section of the sample plan with tables of
 * figures is visited in English and in Arabic at 1280×720: each number cell's
 * content lines up with its column heading on the side the heading is aligned
 * to (number columns: the right edge in English, the left edge in Arabic; the
 * cohort comparison's columns: their start), and in Arabic a percent sign stays
 * on the figure's right ("45%", not "%45") and a minus sign on its left. Each
 * section is saved as a screenshot for review.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appErrors,
  launchChromium,
  openApp,
  openSampleIn,
  screenshot,
  SAMPLE_PLAN_NAME,
} from './browser';

/** Sections of the sample plan with tables of figures: Plan, Launch and Manage, in the sidebar's order. */
const SECTIONS = [
  ...['objective', 'stakeholders', 'learners', 'content', 'makeOrBuy', 'pathways'],
  ...['invitations', 'marketing'],
  ...['roster', 'engagement', 'kpis', 'dashboard', 'reviews', 'contentInUse', 'skillsFirst'],
];

/** Tables of figures, and their cells that hold figures. */
const NUMBER_CELLS: readonly [table: string, cells: string][] = [
  ['table.data-table', 'tbody td.num, tfoot td.num'],
  // Reviews: the cohorts side by side (counts, shares, dates under each cohort's name).
  ['table.rv-compare', 'tbody td'],
  // Stakeholders' register: power and interest fields.
  ['table.sh-table', 'tbody td.sh-col-num'],
];

/** Where a heading's text is aligned (its centre when centred). */
type Side = 'left' | 'right' | 'center';

/** One number cell measured against its column heading. */
interface Measure {
  table: string;
  text: string;
  heading: string;
  /** The side the heading is aligned to, and that edge of the cell's content and of the heading's (px). */
  side: Side;
  cellEdge: number;
  headingEdge: number;
  /** Where a percent sign and a minus sign sit against the figure's digits, if the cell has one. */
  percent: 'after' | 'before' | null;
  minus: 'after' | 'before' | null;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Goes to a section of the open plan through the address (as the sidebar does). */
async function goTo(page: Page, section: string): Promise<void> {
  await page.evaluate((id) => {
    location.hash = location.hash.replace(/\/[^/?]+(\?.*)?$/, `/${id}`);
  }, section);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(new RegExp(`/${section}$`));
  await page.locator('main h1').first().waitFor();
  // The stakeholders' register is a tab of its own.
  if (section === 'stakeholders') await page.getByRole('tab').nth(1).click();
  // Tables fill in after the section's data is read (the roster from this computer's store).
  await page.waitForTimeout(400);
}

/**
 * Measures every visible number cell with content in the section's tables
 * against the column heading above it: the edge on the side the heading is
 * aligned to (the end of the UI's direction in a number column: left in right
 * to left) of the cell's text and controls and of the heading's.
 */
function measure(page: Page): Promise<Measure[]> {
  return page.evaluate((kinds) => {
    const rtl = document.documentElement.dir === 'rtl';
    /** Boxes of an element's visible text and form controls (not of block wrappers). */
    const boxes = (el: Element): DOMRect[] => {
      const out: DOMRect[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n: Node | null = walker.nextNode(); n; n = walker.nextNode()) {
        if (n instanceof HTMLElement && n.matches('input, select, button, textarea')) {
          out.push(n.getBoundingClientRect());
        } else if (
          n.nodeType === Node.TEXT_NODE &&
          /[^\s\u2066-\u2069]/.test(n.textContent ?? '')
        ) {
          const parent = n.parentElement;
          if (parent?.closest('input, select, button, textarea, .visually-hidden')) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) if (r.width > 0) out.push(r);
        }
      }
      return out;
    };
    /** The physical side a heading's text is aligned to. */
    const sideOfHeading = (th: Element): Side => {
      const align = getComputedStyle(th).textAlign;
      if (align === 'left' || align === 'right' || align === 'center') return align;
      const atEnd = align === 'end';
      return atEnd !== rtl ? 'right' : 'left';
    };
    const edge = (rects: DOMRect[], side: Side) => {
      const left = Math.min(...rects.map((r) => r.left));
      const right = Math.max(...rects.map((r) => r.right));
      return side === 'left' ? left : side === 'right' ? right : (left + right) / 2;
    };
    /** Where a character sits against the digits of the cell: after them to the right, or before. */
    const sideOf = (td: Element, chars: RegExp): 'after' | 'before' | null => {
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      const digits: DOMRect[] = [];
      const signs: DOMRect[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.closest('.section-note, .visually-hidden')) continue;
        const text = n.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const isDigit = /[0-9]/.test(text[i]!);
          if (!isDigit && !chars.test(text[i]!)) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const r = range.getBoundingClientRect();
          (isDigit ? digits : signs).push(r);
        }
      }
      if (!signs.length || !digits.length) return null;
      const sign = signs[0]!;
      // The digits of the figure nearest the sign.
      const near = digits.filter((d) => Math.abs(d.top - sign.top) < 4);
      if (!near.length) return null;
      const left = Math.min(...near.map((d) => d.left));
      return sign.left >= left ? 'after' : 'before';
    };
    const out: Measure[] = [];
    const tables = kinds.flatMap(([selector, cells]) =>
      [...document.querySelectorAll(`main ${selector}`)].map((table) => [table, cells] as const),
    );
    for (const [table, cells] of tables) {
      const box = table.getBoundingClientRect();
      if (box.width === 0) continue;
      const heads = [...table.querySelectorAll('thead th')].filter(
        (th) => (th as HTMLTableCellElement).colSpan === 1,
      );
      const name =
        table.querySelector('caption')?.textContent?.trim() ||
        table.closest('section')?.querySelector('h2, h3')?.textContent?.trim() ||
        '?';
      for (const td of table.querySelectorAll(cells)) {
        const cell = td.getBoundingClientRect();
        const rects = boxes(td);
        if (cell.width === 0 || !rects.length) continue;
        const mid = (cell.left + cell.right) / 2;
        const th = heads.find((h) => {
          const r = h.getBoundingClientRect();
          return r.left <= mid && mid <= r.right;
        });
        const headRects = th ? boxes(th) : [];
        if (!th || !headRects.length) continue;
        const side = sideOfHeading(th);
        out.push({
          table: name,
          text: (td.textContent ?? '').replace(/[\u2066-\u2069\u200e\u200f\u061c]/g, '').trim(),
          heading: (th.textContent ?? '').trim(),
          side,
          cellEdge: edge(rects, side),
          headingEdge: edge(headRects, side),
          percent: sideOf(td, /[%٪]/),
          // A leading minus only (not a date's or a range's dash).
          minus: /^[\s\u200e\u200f\u061c\u2066-\u2069]*[-\u2212]\d/.test(td.textContent ?? '')
            ? sideOf(td, /[-\u2212]/)
            : null,
        });
      }
    }
    return out;
  }, NUMBER_CELLS);
}

/**
 * Saves the window (1280×720) with the section's first table of figures at its top, for
 * review (the section scrolls inside the window, so a full-page picture would miss it).
 */
async function shoot(page: Page, name: string) {
  const table = NUMBER_CELLS.map(([t, cells]) => `main ${t}:has(${cells.split(',')[0]})`).join(
    ', ',
  );
  await page.evaluate((selector) => {
    document.querySelector(selector)?.scrollIntoView({ block: 'start' });
  }, table);
  await screenshot(page, name, { fullPage: false });
}

/** Cells whose content does not line up with their heading (more than 2 px apart). */
const misaligned = (cells: Measure[]) =>
  cells
    .filter((c) => Math.abs(c.cellEdge - c.headingEdge) > 2)
    .map(
      (c) =>
        `${c.table} › ${c.heading}: “${c.text}” ${c.side} edge at ${c.cellEdge} (heading ${c.headingEdge})`,
    );

/**
 * Visits every section with figures, checks that its number cells line up with
 * their headings and hands them to `more`; expects at least ten sections with
 * number cells (the sample fills them).
 */
async function checkSections(
  page: Page,
  more: (section: string, cells: Measure[]) => Promise<void> = async () => undefined,
): Promise<void> {
  const seen: string[] = [];
  for (const section of SECTIONS) {
    await goTo(page, section);
    const cells = await measure(page);
    if (cells.length) seen.push(section);
    expect.soft(misaligned(cells), section).toEqual([]);
    await more(section, cells);
  }
  expect(seen.length).toBeGreaterThanOrEqual(10);
  expect(appErrors(page)).toEqual([]);
}

/** Cells with a sign on the wrong side of their figure. */
const signOn = (cells: Measure[], sign: 'percent' | 'minus', wrong: 'after' | 'before') =>
  cells.filter((c) => c[sign] === wrong).map((c) => `${c.table}: ${c.text}`);

describe('figures in tables line up with their headings', () => {
  it('in English, on the right', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: `Open ${SAMPLE_PLAN_NAME}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
    await checkSections(page);
    await context.close();
  });

  it('in Arabic, on the left, with signs where Arabic puts them', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await openSampleIn(page, 'ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await checkSections(page, async (section, cells) => {
      // "45%" with the sign on the figure's right, a minus sign on its left.
      expect.soft(signOn(cells, 'percent', 'before'), `${section}: percent signs`).toEqual([]);
      expect.soft(signOn(cells, 'minus', 'after'), `${section}: minus signs`).toEqual([]);
      await shoot(page, `rtl-numbers-ar-${section}-1280`);
    });
    await context.close();
  });
});
