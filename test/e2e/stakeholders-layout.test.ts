/**
 * The matrix holds on any projector: at 1280×720, 1366×768 and 1920×1080,
 * for the sample plan and for 30, 100 and 300 stakeholders, in the section
 * and in workshop mode, every card lies inside its stakeholder's quadrant,
 * no two cards overlap, no leader line runs through a card, and every name
 * can be read (on its card, or in the key beside numbered dots). Workshop
 * type is big enough for the back of the room. All read from the DOM.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';

async function expectNoSeriousAxeViolations(page: Page, where: string) {
  const violations = (await new AxeBuilder(page).analyze()).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    violations.map((v) => `${where}: ${v.id} ${v.help} ${v.nodes[0]?.target.join(' ')}`),
  ).toEqual([]);
}

const SAMPLE_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  'resources',
  'sample-plans',
  'youth-digital-skills.upskill.json',
);
const SAMPLE = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as {
  id: string;
  name: string;
  stakeholders: { entries: unknown[]; snapshots: unknown[] };
};

const WORDS = [
  'Regional',
  'Skills',
  'Board',
  'Youth',
  'Careers',
  'Trust',
  'Valley',
  'Digital',
  'Academy',
  'Employers',
  'Forum',
  'Council',
  'Network',
  'Foundation',
  'Health',
  'Services',
  'Community',
  'College',
  'Training',
  'Partnership',
  'Logistics',
  'Housing',
  'Library',
  'Centre',
];

/** The sample plan with `n` stakeholders spread over the matrix (deterministic). */
function planWith(n: number): { file: string; name: string; dir: string } {
  let seed = 1000 + n;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const plan = structuredClone(SAMPLE);
  plan.id = `layout-${n}`;
  plan.name = `Layout check: ${n} stakeholders`;
  plan.stakeholders.snapshots = [];
  plan.stakeholders.entries = Array.from({ length: n }, (_, i) => {
    const words = Array.from(
      { length: 1 + Math.floor(rand() * 3) },
      () => WORDS[Math.floor(rand() * WORDS.length)]!,
    );
    return {
      id: `sh-layout-${i}`,
      name: `${words.join(' ')} ${i + 1}`,
      power: Math.round(rand() * 100),
      interest: Math.round(rand() * 100),
      currentStance: 'neutral',
      desiredStance: 'supportive',
    };
  });
  const dir = mkdtempSync(join(tmpdir(), 'upskill-layout-'));
  const file = join(dir, `layout-${n}.upskill.json`);
  writeFileSync(file, JSON.stringify(plan));
  return { file, name: plan.name, dir };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Geometry {
  mode: string | null;
  quadrants: Record<string, { left: number; top: number; right: number; bottom: number }>;
  cards: {
    label: string;
    quadrant: string;
    box: { left: number; top: number; right: number; bottom: number };
    dot: { x: number; y: number };
    clipped: boolean;
    fontSize: number;
    text: string;
  }[];
  listed: { text: string; clipped: boolean }[];
}

/** Reads every card, its dot and its quadrant from the matrix in `scope`. */
async function geometry(page: Page, scope: string): Promise<Geometry> {
  return page.locator(scope).evaluate((root) => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const labels: Record<string, string> = {
      'Manage closely': 'manageClosely',
      'Keep satisfied': 'keepSatisfied',
      'Keep informed': 'keepInformed',
      Monitor: 'monitor',
    };
    const quadrants: Geometry['quadrants'] = {};
    root.querySelectorAll('[data-quadrant]').forEach((q) => {
      quadrants[q.getAttribute('data-quadrant')!] = rect(q);
    });
    const cards = [...root.querySelectorAll('.sh-anchor')].map((anchor) => {
      const card = anchor.querySelector('.sh-card')!;
      const marker = anchor.querySelector('.sh-marker')!.getBoundingClientRect();
      const name = card.querySelector('.sh-card-name, .sh-card-number') as HTMLElement;
      const label = card.getAttribute('aria-label') ?? '';
      const quadrantLabel = label.slice(label.lastIndexOf(', ') + 2);
      return {
        label,
        quadrant: labels[quadrantLabel] ?? quadrantLabel,
        box: rect(card),
        dot: { x: marker.left + marker.width / 2, y: marker.top + marker.height / 2 },
        // A line cut off by the line clamp, or text running out of the card
        // (a glyph's few pixels of overhang are not a hidden name).
        clipped:
          name.scrollWidth > name.clientWidth + 2 ||
          name.scrollHeight > name.clientHeight + parseFloat(getComputedStyle(name).fontSize) / 2 ||
          name.getBoundingClientRect().bottom > card.getBoundingClientRect().bottom + 1 ||
          name.getBoundingClientRect().right > card.getBoundingClientRect().right + 1,
        fontSize: parseFloat(getComputedStyle(name).fontSize),
        text: name.textContent ?? '',
      };
    });
    const listed = [...root.querySelectorAll('.sh-numbered-name')].map((el) => {
      const e = el as HTMLElement;
      return { text: e.textContent ?? '', clipped: e.scrollWidth > e.clientWidth + 1 };
    });
    return {
      mode: root.querySelector('.sh-matrix')?.getAttribute('data-layout') ?? null,
      quadrants,
      cards,
      listed,
    };
  });
}

/** Whether the segment from a to b passes through the inside of r (shrunk by 1 px). */
function crosses(
  a: { x: number; y: number },
  b: { x: number; y: number },
  r: { left: number; top: number; right: number; bottom: number },
): boolean {
  const left = r.left + 1;
  const right = r.right - 1;
  const top = r.top + 1;
  const bottom = r.bottom - 1;
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - left],
    [dx, right - a.x],
    [-dy, a.y - top],
    [dy, bottom - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

/** Waits until the cards stop moving (a layout runs after each change). */
async function settled(page: Page, scope: string): Promise<void> {
  const read = () =>
    page
      .locator(scope)
      .evaluate((root) =>
        [...root.querySelectorAll('.sh-card')]
          .map((c) => JSON.stringify(c.getBoundingClientRect()))
          .join('|'),
      );
  let before = await read();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(250);
    const now = await read();
    if (now === before) return;
    before = now;
  }
}

/** Every assertion of the issue on one matrix; returns the layout mode. */
async function expectReadableMatrix(
  page: Page,
  scope: string,
  count: number,
  where: string,
): Promise<string | null> {
  await settled(page, scope);
  const g = await geometry(page, scope);
  expect(g.cards.length, `${where}: cards`).toBe(count);
  const overlap = (
    a: Geometry['cards'][number]['box'],
    b: Geometry['cards'][number]['box'],
  ): boolean =>
    a.left < b.right - 0.5 &&
    b.left < a.right - 0.5 &&
    a.top < b.bottom - 0.5 &&
    b.top < a.bottom - 0.5;
  const problems: string[] = [];
  for (const [i, c] of g.cards.entries()) {
    const q = g.quadrants[c.quadrant];
    if (!q) {
      problems.push(`${c.label}: no quadrant ${c.quadrant}`);
      continue;
    }
    if (
      c.box.left < q.left - 0.5 ||
      c.box.top < q.top - 0.5 ||
      c.box.right > q.right + 0.5 ||
      c.box.bottom > q.bottom + 0.5
    )
      problems.push(`${c.label}: card outside its quadrant`);
    if (c.clipped) problems.push(`${c.label}: name clipped ("${c.text}")`);
    for (const [j, d] of g.cards.entries()) {
      if (j <= i) continue;
      if (overlap(c.box, d.box)) problems.push(`${c.label} overlaps ${d.label}`);
    }
    // The leader line: from the dot to the nearest point of the card. (Number
    // badges sit on a lattice beside their dots; their short leaders may
    // pass under a neighbouring badge, which hides no name.)
    if (g.mode === 'numbered') continue;
    const end = {
      x: Math.min(Math.max(c.dot.x, c.box.left), c.box.right),
      y: Math.min(Math.max(c.dot.y, c.box.top), c.box.bottom),
    };
    if (end.x !== c.dot.x || end.y !== c.dot.y) {
      for (const [j, d] of g.cards.entries()) {
        if (j !== i && crosses(c.dot, end, d.box))
          problems.push(`${c.label}: leader line runs through ${d.label}`);
      }
    }
  }
  if (g.mode === 'numbered') {
    // Numbered dots: every name is in the key beside the matrix.
    expect(g.listed.length, `${where}: names in the key`).toBe(count);
    for (const l of g.listed) if (l.clipped) problems.push(`key: "${l.text}" clipped`);
  } else {
    for (const c of g.cards)
      if (!c.label.startsWith(c.text)) problems.push(`${c.label}: shows "${c.text}"`);
  }
  expect(problems, where).toEqual([]);
  return g.mode;
}

async function openPlanFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open plan file…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('textbox', { name: 'Program name', exact: true }).waitFor();
}

async function toStakeholders(page: Page) {
  await page.getByRole('link', { name: /^Stakeholders & partners/ }).click();
  await page.getByRole('heading', { name: 'Stakeholders & partners', level: 1 }).waitFor();
  await page.locator('.sh-plot .sh-card').first().waitFor();
  // The layout follows the measured plot; let it settle.
  await page.waitForTimeout(150);
}

async function openWorkshop(page: Page) {
  await page.getByRole('button', { name: 'Workshop mode' }).click();
  const workshop = page.getByRole('dialog', { name: 'Stakeholder workshop' });
  await workshop.locator('.sh-card').first().waitFor();
  await page.waitForTimeout(150);
  return workshop;
}

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

describe('one stakeholder', () => {
  it('says "1 stakeholder · 0 partners" and draws its card on its dot', async () => {
    const plan = planWith(1);
    try {
      const { context, page } = await openApp(browser, { width: 1280, height: 720 });
      await openPlanFile(page, plan.file);
      await toStakeholders(page);
      await page.getByText('1 stakeholder · 0 partners', { exact: true }).waitFor();
      const g = await geometry(page, '.sh-section');
      const c = g.cards[0]!;
      // On its dot, or (when the dot is under a quadrant label) right beside it.
      const gapX = Math.max(c.box.left - c.dot.x, 0, c.dot.x - c.box.right);
      const gapY = Math.max(c.box.top - c.dot.y, 0, c.dot.y - c.box.bottom);
      expect(Math.hypot(gapX, gapY)).toBeLessThan(60);
      await page.getByRole('button', { name: 'Workshop mode' }).click();
      await page.getByText(/· 1 stakeholder on the map$/).waitFor();
      expect(appErrors(page)).toEqual([]);
      await context.close();
    } finally {
      rmSync(plan.dir, { recursive: true, force: true });
    }
  });
});

describe('matrix layout holds on any screen', () => {
  for (const viewport of VIEWPORTS) {
    it(`sample plan, section and workshop, after moving five stakeholders (${viewport.width}×${viewport.height})`, async () => {
      const { context, page } = await openApp(browser, viewport);
      await page.getByRole('button', { name: `Open ${SAMPLE.name}`, exact: true }).click();
      await toStakeholders(page);
      await screenshot(page, `sh-layout-section-sample-${viewport.width}`);
      expect(await expectReadableMatrix(page, '.sh-section', 22, 'section')).toBe('cards');
      await expectNoSeriousAxeViolations(page, 'section');

      const workshop = await openWorkshop(page);
      const scope = '.sh-workshop';
      expect(await expectReadableMatrix(page, scope, 22, 'workshop')).toBe('cards');
      // Move five stakeholders, by keyboard, as a room does.
      const moves: [string, string[]][] = [
        ['Orrin Contact Solutions', ['Shift+ArrowUp', 'Shift+ArrowUp', 'Shift+ArrowRight']],
        ['Community Radio', ['Shift+ArrowRight', 'Shift+ArrowRight']],
        ['Youth Council', ['Shift+ArrowUp', 'Shift+ArrowUp']],
        ['Trades Council', ['Shift+ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowRight']],
        [
          'Money Advice Centre',
          ['Shift+ArrowUp', 'Shift+ArrowUp', 'Shift+ArrowUp', 'Shift+ArrowUp'],
        ],
      ];
      for (const [name, keys] of moves) {
        await workshop.getByRole('button', { name: new RegExp(`^${name},`) }).focus();
        for (const key of keys) await page.keyboard.press(key);
      }
      await page.keyboard.press('Tab');
      await page.waitForTimeout(150);
      expect(await expectReadableMatrix(page, scope, 22, 'workshop after moves')).toBe('cards');

      // Legible from the back of the room.
      const sizes = await workshop.evaluate((root) => {
        const px = (sel: string) =>
          [...root.querySelectorAll(sel)].map((e) => parseFloat(getComputedStyle(e).fontSize));
        return {
          cards: px('.sh-card-name'),
          axis: px('.sh-axis-x span, .sh-axis-x strong, .sh-axis-y span, .sh-axis-y strong'),
          quadrants: px('.sh-q-label strong, .sh-q-label span'),
          legend: px('.sh-legend-items li, .sh-movement-summary, .sh-ws-legend .sh-toggle'),
        };
      });
      expect(Math.min(...sizes.cards)).toBeGreaterThanOrEqual(18);
      expect(Math.min(...sizes.axis)).toBeGreaterThanOrEqual(16);
      expect(Math.min(...sizes.quadrants)).toBeGreaterThanOrEqual(16);
      expect(Math.min(...sizes.legend)).toBeGreaterThanOrEqual(16);
      await screenshot(page, `sh-layout-workshop-sample-${viewport.width}`);
      await expectNoSeriousAxeViolations(page, 'workshop');
      expect(appErrors(page)).toEqual([]);
      await context.close();
    });
  }

  // One page per plan size, resized from projector to full HD as a room's screen changes:
  // a plan of 300 is read once, not once per screen.
  for (const n of [30, 100, 300]) {
    it(`${n} stakeholders, section and workshop (${VIEWPORTS.map((v) => `${v.width}×${v.height}`).join(', ')})`, async () => {
      const plan = planWith(n);
      try {
        const { context, page } = await openApp(browser, VIEWPORTS[0]);
        await openPlanFile(page, plan.file);
        await toStakeholders(page);
        for (const viewport of VIEWPORTS) {
          const at = `${viewport.width}×${viewport.height}`;
          await page.setViewportSize(viewport);
          await page.waitForTimeout(150);
          await screenshot(page, `sh-layout-section-${n}-${viewport.width}`);
          const section = await expectReadableMatrix(
            page,
            '.sh-section',
            n,
            `section, ${n}, ${at}`,
          );
          if (n <= 30) expect(section, at).toBe('cards');
          const workshop = await openWorkshop(page);
          await screenshot(page, `sh-layout-workshop-${n}-${viewport.width}`);
          const inWorkshop = await expectReadableMatrix(
            page,
            '.sh-workshop',
            n,
            `workshop, ${n}, ${at}`,
          );
          if (inWorkshop === 'cards') {
            const min = await page
              .locator('.sh-workshop .sh-card-name')
              .evaluateAll((els) =>
                Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))),
              );
            expect(min, at).toBeGreaterThanOrEqual(18);
          }
          if (n <= 30) expect(inWorkshop, at).toBe('cards');
          if (n === 300 && viewport.width === 1280) {
            await expectNoSeriousAxeViolations(page, 'workshop, numbered dots');
          }
          await workshop.getByRole('button', { name: 'Exit workshop' }).click();
          await workshop.waitFor({ state: 'hidden' });
        }
        expect(appErrors(page)).toEqual([]);
        await context.close();
      } finally {
        rmSync(plan.dir, { recursive: true, force: true });
      }
    });
  }
});
