/**
 * Theory-of-change canvas at scale (issue 2 of 5): time to show 1,000
 * elements, and p95 frame time while one element is dragged across the
 * canvas with 1,000 and 3,000 elements on it (fit to screen: all visible).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { writePlanFile } from '../../../shared/plan/plan-file';
import { planWithLargeToc } from '../../helpers/large-plan';
import {
  atMost,
  isolateTimers,
  median,
  percentile,
  type BenchContext,
  type BenchSuite,
  type Metric,
} from '../metrics';

/** BENCH_QUICK=1 measures once per size (for development). */
const RUNS = process.env.BENCH_QUICK ? 1 : 3;
const dir = mkdtempSync(join(tmpdir(), 'upskill-bench-toc-'));

/** Imports a generated plan through the UI and returns a page showing its Objective. */
async function openLargePlan({ browser, url }: BenchContext, count: number): Promise<Page> {
  const file = join(dir, `toc-${count}.upskill.json`);
  writeFileSync(file, writePlanFile(planWithLargeToc(count)));
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await isolateTimers(context);
  const page = await context.newPage();
  // tsx names functions with a __name helper that the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open plan file…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('textbox', { name: 'Program name', exact: true }).waitFor();
  return page;
}

/**
 * Milliseconds from clicking "Theory of change" until the canvas shows its
 * elements: every rendered element measured and visible, stable for two frames.
 */
async function measureLoad(page: Page): Promise<number> {
  const link = page.getByRole('link', { name: 'Theory of change' });
  const started = await page.evaluate(() => performance.now());
  await link.click();
  return page.evaluate(
    (started) =>
      new Promise<number>((resolve) => {
        let stableSince = -1;
        let lastCount = -1;
        const check = () => {
          const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
          const shown =
            nodes.length > 0 && [...nodes].every((n) => n.style.visibility !== 'hidden');
          if (shown && nodes.length === lastCount) {
            if (stableSince < 0) stableSince = performance.now();
            else return resolve(stableSince - started);
          } else {
            stableSince = -1;
          }
          lastCount = nodes.length;
          requestAnimationFrame(check);
        };
        check();
      }),
    started,
  );
}

/** p95 of frame durations while one element is dragged 300 px in 60 moves. */
async function measureDrag(page: Page): Promise<number> {
  const node = page.locator('.react-flow__node').nth(5);
  const box = (await node.boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(x + i * 5, y + i * 2);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(2);
  });
  return percentile(frames, 95);
}

/** toc.load_ms.n1000, toc.drag_p95_ms.n1000, toc.drag_p95_ms.n3000. */
export const theoryOfChangeSuite: BenchSuite = {
  name: 'toc',
  async run(context) {
    const metrics: Metric[] = [];
    for (const count of [1000, 3000]) {
      const loads: number[] = [];
      const drags: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await openLargePlan(context, count);
        loads.push(await measureLoad(page));
        await page.waitForTimeout(300);
        drags.push(await measureDrag(page));
        await page.context().close();
      }
      if (count === 1000) {
        metrics.push(
          atMost(
            'toc.load_ms.n1000',
            median(loads),
            1000,
            'ms',
            `median of ${RUNS}, whole graph fit to screen`,
          ),
        );
      } else {
        metrics.push({
          ...atMost(
            'toc.load_ms.n3000',
            median(loads),
            Infinity,
            'ms',
            `median of ${RUNS} (no target)`,
          ),
          target: '—',
        });
      }
      metrics.push(
        atMost(
          `toc.drag_p95_ms.n${count}`,
          median(drags),
          count === 1000 ? 16.7 : 33,
          'ms',
          count === 1000
            ? `median of ${RUNS} drags, all elements on screen (far zoom: plain shapes)`
            : `median of ${RUNS} drags, fit to screen at the 0.02 minimum zoom (about 95% in view, rest culled)`,
        ),
      );
    }
    return metrics;
  },
};
