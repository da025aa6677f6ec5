/**
 * Stakeholder matrix (issue 3 of 5): frame times while dragging one card
 * with 300 cards on the matrix, and how many cards the drag touches.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atMost, percentile, round1, type BenchSuite } from '../metrics';

const root = join(import.meta.dirname, '..', '..', '..');
const PLAN_ID = 'bench-stakeholders-300';

/** The sample plan with 300 stakeholders spread over the matrix (deterministic). */
function planWith300(): string {
  const sample = JSON.parse(
    readFileSync(
      join(root, 'resources', 'sample-plans', 'youth-digital-skills.upskill.json'),
      'utf8',
    ),
  ) as { id: string; name: string; stakeholders: { entries: unknown[]; snapshots: unknown[] } };
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const stances = ['unaware', 'resistant', 'neutral', 'supportive', 'leading'];
  const types = [null, 'programTechnology', 'outreach', 'wraparound', 'other'];
  sample.id = PLAN_ID;
  sample.name = 'Bench: 300 stakeholders';
  sample.stakeholders.snapshots = [];
  sample.stakeholders.entries = Array.from({ length: 300 }, (_, i) => {
    const type = types[i % types.length];
    return {
      id: `sh-bench-${i}`,
      name: `Stakeholder ${i + 1}`,
      organisation: `Organisation ${i + 1}`,
      relation: type ? 'partner' : 'stakeholder',
      partnerType: type,
      power: Math.round(rand() * 100),
      interest: Math.round(rand() * 100),
      currentStance: stances[i % stances.length],
      desiredStance: 'supportive',
    };
  });
  return JSON.stringify(sample);
}

/**
 * Runs in the page: records rAF frame deltas and, per frame, how many cards
 * had their DOM changed. A string, because tsx would wrap named functions in
 * a helper the page does not have.
 */
const RECORDER = `(() => {
  const w = window;
  w.__frames = [];
  w.__touched = [];
  w.__rec = true;
  let frameTouched = new Set();
  w.__obs = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const anchor = el && el.closest('.sh-anchor');
      if (anchor) frameTouched.add(anchor);
    }
  });
  w.__obs.observe(document.querySelector('.sh-plot'), {
    subtree: true, attributes: true, childList: true, characterData: true,
  });
  let last = performance.now();
  function tick(t) {
    w.__frames.push(t - last);
    last = t;
    if (frameTouched.size) w.__touched.push(frameTouched.size);
    frameTouched = new Set();
    if (w.__rec) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})()`;

/** matrix.drag_p95_ms.n300 and matrix.drag_cards_touched_per_frame.n300. */
export const stakeholdersSuite: BenchSuite = {
  name: 'stakeholders',
  async run({ browser, url }) {
    const file = join(mkdtempSync(join(tmpdir(), 'upskill-bench-')), 'bench-300.upskill.json');
    writeFileSync(file, planWith300());

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Your plans' }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open plan file…' }).click();
    await (await chooser).setFiles(file);
    await page.waitForFunction((id) => location.hash.includes(id), PLAN_ID);
    await page.goto(`${url}#/plan/${PLAN_ID}/stakeholders`);
    await page.locator('.sh-plot [data-stakeholder-id]').nth(299).waitFor();
    const cards = await page.locator('.sh-plot [data-stakeholder-id]').count();
    const placed = await page.locator('.sh-plot .sh-card:not(.sh-card--collapsed)').count();
    if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });

    const results: number[] = [];
    const touched: number[] = [];
    for (let run = 0; run < 3; run++) {
      // Pick a placed (not collapsed) card near the middle and drag it around.
      const target = page.locator('.sh-plot .sh-card:not(.sh-card--collapsed)').nth(5 + run * 4);
      const box = (await target.boundingBox())!;
      const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      // Record from after the press, so selecting the card is not counted.
      await page.evaluate(RECORDER);
      // About two seconds of a circling drag, one pointer event every ~8 ms.
      for (let i = 1; i <= 240; i++) {
        const a = (i / 240) * Math.PI * 4;
        await page.mouse.move(start.x + Math.sin(a) * 260, start.y + (1 - Math.cos(a)) * 140);
        await page.waitForTimeout(4);
      }
      const frames = await page.evaluate(() => {
        const w = window as unknown as {
          __frames: number[];
          __touched: number[];
          __rec: boolean;
          __obs: MutationObserver;
        };
        w.__rec = false;
        w.__obs.disconnect();
        return { frames: w.__frames.slice(2), touched: w.__touched };
      });
      await page.mouse.up();
      await page.waitForTimeout(300);
      results.push(...frames.frames);
      touched.push(...frames.touched);
    }
    await context.close();

    const maxTouched = touched.length ? Math.max(...touched) : 0;
    return [
      atMost(
        'matrix.drag_p95_ms.n300',
        percentile(results, 95),
        16.7,
        'ms',
        `${cards} cards (${placed} as labelled cards), 1920×1080, ${results.length} frames over 3 drags (rAF deltas)`,
      ),
      {
        name: 'matrix.drag_cards_touched_per_frame.n300',
        value: round1(maxTouched),
        unit: 'cards',
        target: '= 1',
        ok: maxTouched === 1,
        note: 'most cards whose DOM changed in one frame during a drag',
      },
    ];
  },
};
