/**
 * `npm run bench`: measures what ENGINEERING.md §5 sets targets for, prints a
 * table and writes bench-results.json. Numbers come from the built browser
 * version in Debian Chromium on this machine; nothing here asserts timings.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH, launchChromium } from '../e2e/browser';
import { serveBrowserBuild } from '../e2e/serve';

interface Metric {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
  note: string;
}

const root = join(import.meta.dirname, '..', '..');
const SAMPLE_ID = 'sample-youth-digital-skills';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const server = await serveBrowserBuild();
  const browser = await launchChromium();
  const metrics: Metric[] = [];
  try {
    // Startup: a cold load in a fresh profile (first start seeds the sample)
    // straight into the sample plan, until the Objective form is interactive.
    const loads: number[] = [];
    for (let run = 0; run < 7; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(`${server.url}#/plan/${SAMPLE_ID}/objective`);
      await page.getByRole('textbox', { name: 'Program name', exact: true }).waitFor();
      loads.push(
        await page.evaluate(
          () => performance.getEntriesByName('upskill:interactive')[0]?.startTime ?? NaN,
        ),
      );
      await context.close();
    }
    const tti = median(loads);
    metrics.push({
      name: 'startup.tti_ms',
      value: round(tti),
      unit: 'ms',
      target: '≤ 1000',
      ok: tti <= 1000,
      note: `median of ${loads.length} cold loads`,
    });

    // Autosave: time from the debounced write starting to IndexedDB committing
    // (strict durability), over a series of edits.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}#/plan/${SAMPLE_ID}/objective`);
    const field = page.getByRole('textbox', { name: 'Region', exact: true });
    await field.waitFor();
    for (let i = 0; i < 40; i++) {
      await field.fill(`Lower Valley ${i}`);
      await page.waitForFunction(
        (n) => performance.getEntriesByName('upskill:autosave-commit').length >= n,
        i + 1,
      );
    }
    const commits = await page.evaluate(() =>
      performance.getEntriesByName('upskill:autosave-commit').map((e) => e.duration),
    );
    const p95 = percentile(commits, 95);
    metrics.push({
      name: 'autosave.commit_p95_ms',
      value: round(p95),
      unit: 'ms',
      target: '≤ 100 after debounce',
      ok: p95 <= 100,
      note: `${commits.length} edits, sample plan`,
    });
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }

  let chromium = '';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    chromium = 'unknown';
  }
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    date: new Date().toISOString(),
  };
  console.table(
    metrics.map((m) => ({
      metric: m.name,
      value: `${m.value} ${m.unit}`,
      target: m.target,
      ok: m.ok ? 'yes' : 'NO',
      note: m.note,
    })),
  );
  writeFileSync(
    join(root, 'bench-results.json'),
    `${JSON.stringify({ machine, metrics: Object.fromEntries(metrics.map((m) => [m.name, m.value])), details: metrics }, null, 2)}\n`,
  );
  console.log(`Wrote bench-results.json (${machine.cores} cores, ${machine.chromium}).`);
}

await main();
