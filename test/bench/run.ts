/**
 * `npm run bench`: measures what ENGINEERING.md §5 and the issues set targets
 * for, prints a table and writes bench-results.json. Numbers come from the
 * built browser version in Debian Chromium (and Node for pure functions) on
 * this machine; no test asserts timings.
 *
 * Usage: npm run bench [-- suite-name ...]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH, launchChromium } from '../e2e/browser';
import { serveBrowserBuild } from '../e2e/serve';
import type { BenchSuite, Metric } from './metrics';
import { contentSuite } from './suites/content';
import { exportSuite } from './suites/export';
import { foundationSuite } from './suites/foundation';
import { healthSuite } from './suites/health';
import { stakeholdersSuite } from './suites/stakeholders';
import { theoryOfChangeSuite } from './suites/theory-of-change';

/** Every suite, in issue order. */
const SUITES: BenchSuite[] = [
  foundationSuite,
  theoryOfChangeSuite,
  healthSuite,
  contentSuite,
  stakeholdersSuite,
  exportSuite,
];

const root = join(import.meta.dirname, '..', '..');

async function main() {
  const wanted = process.argv.slice(2);
  const suites = wanted.length ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;
  const server = await serveBrowserBuild();
  const browser = await launchChromium();
  const metrics: Metric[] = [];
  try {
    for (const suite of suites) {
      console.log(`Running ${suite.name}…`);
      metrics.push(...(await suite.run({ browser, url: server.url })));
    }
  } finally {
    await browser.close();
    await server.close();
  }

  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // Reported as unknown.
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
