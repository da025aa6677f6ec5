/**
 * `npm run bench`: measures what ENGINEERING.md §5 and the issues set targets
 * for, prints a table with each metric's target and its change against the
 * committed baseline (test/bench/baseline.json), and writes
 * bench-results.json. Numbers come from the built browser version in Debian
 * Chromium (and Node for pure functions) on this machine; no test asserts
 * timings.
 *
 * Each suite runs in its own Chromium; a suite that throws or overruns is
 * reported (its metrics as not measured) and the others still run. The
 * process exits 1 only when a suite itself failed, not when a target is missed.
 *
 * Usage: npm run bench [-- suite-name ...] [-- --update-baseline]
 *   --update-baseline   also write this run's values into baseline.json
 *                        (merged: metrics not measured keep their old value)
 *   BENCH_NOISE_PCT=n    changes within n % of the baseline count as noise (default 15;
 *                        a metric's spread recorded in baseline.json widens it)
 *   BENCH_SUITE_TIMEOUT_MIN=n  give up on a suite after n minutes (default 10)
 *   BENCH_QUICK=1        fewer repetitions, for working on the bench itself
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../e2e/browser';
import { serveBrowserBuild } from '../e2e/serve';
import { notMeasured, reasonOf, type BenchSuite, type Metric } from './metrics';
import { catalogScaleSuite } from './suites/catalog-scale';
import { contentSuite } from './suites/content';
import { dashboardSuite } from './suites/dashboard';
import { exportSuite } from './suites/export';
import { followUpsSuite } from './suites/followups';
import { foundationSuite } from './suites/foundation';
import { healthSuite } from './suites/health';
import { invitationsSuite } from './suites/invitations';
import { largePlanSuite } from './suites/large-plan';
import { rosterSuite } from './suites/roster';
import { stakeholdersSuite } from './suites/stakeholders';
import { theoryOfChangeSuite } from './suites/theory-of-change';

/** Every suite, in issue order (the slowest last). */
const SUITES: BenchSuite[] = [
  foundationSuite,
  theoryOfChangeSuite,
  healthSuite,
  contentSuite,
  stakeholdersSuite,
  exportSuite,
  largePlanSuite,
  catalogScaleSuite,
  invitationsSuite,
  followUpsSuite,
  rosterSuite,
  dashboardSuite,
];

const root = join(import.meta.dirname, '..', '..');
const BASELINE_PATH = join(import.meta.dirname, 'baseline.json');
const NOISE = Number(process.env.BENCH_NOISE_PCT ?? 15) / 100;
const SUITE_TIMEOUT_MS = Number(process.env.BENCH_SUITE_TIMEOUT_MIN ?? 10) * 60_000;
/**
 * Changes smaller than this, in the metric's unit, are noise whatever their
 * percentage (a 0.4 → 0.6 ms change is +50 % and means nothing).
 */
const ABSOLUTE_NOISE: Record<string, number> = { ms: 2, '%': 1, '×': 0.05, saves: 1, cards: 0 };

/** What the machine was, and how busy, when a run was taken. */
interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  date: string;
  /** 1-minute load average at the start and end of the run (2 cores: 2 = fully busy). */
  loadAverage: { start: number; end: number };
  /** The browser build served (E2E_DIST_DIR or dist-web) and the checkout's commit. */
  app: { dist: string; commit: string; uncommittedChanges: boolean };
}

/** The committed reference run. */
interface Baseline {
  /** The machine of the latest run merged in. */
  machine: Machine;
  /** Every run whose values are in the baseline, with the suites it measured. */
  runs: { suites: string[]; machine: Machine }[];
  /** How the baseline was taken and how noisy the machine was. */
  conditions: string;
  metrics: Record<string, number | null>;
  /** Which suite reports each metric, so a crashed suite's metrics are still listed. */
  suites: Record<string, string>;
  /**
   * Per metric, how far repeat runs of the same build spread on this machine
   * ((max − min) / median, in %); a change within it counts as noise.
   */
  spreadPercent?: Record<string, number>;
}

/** How one metric compares with the baseline. */
interface Comparison {
  baseline: number | null;
  change: number | null;
  percent: number | null;
  verdict: 'regression' | 'better' | 'noise' | 'new' | 'not measured';
}

function readBaseline(): Baseline | null {
  if (!existsSync(BASELINE_PATH)) return null;
  return JSON.parse(readFileSync(BASELINE_PATH, 'utf8')) as Baseline;
}

function compare(metric: Metric, baseline: Baseline | null): Comparison {
  const base = baseline?.metrics[metric.name];
  if (metric.failed || !Number.isFinite(metric.value))
    return { baseline: base ?? null, change: null, percent: null, verdict: 'not measured' };
  if (base === undefined || base === null || !Number.isFinite(base))
    return { baseline: null, change: null, percent: null, verdict: 'new' };
  const change = metric.value - base;
  const percent = base === 0 ? (change === 0 ? 0 : null) : (100 * change) / Math.abs(base);
  const spread = (baseline?.spreadPercent?.[metric.name] ?? 0) / 100;
  const threshold = Math.max(
    Math.max(metric.noise ?? NOISE, spread) * Math.abs(base),
    ABSOLUTE_NOISE[metric.unit] ?? 0,
  );
  const worse = metric.better === 'higher' ? -change : change;
  const verdict =
    Math.abs(change) <= threshold ? 'noise' : worse > 0 ? 'regression' : ('better' as const);
  return { baseline: base, change, percent, verdict };
}

/** Runs a suite in its own Chromium with a time limit; never throws. */
async function runSuite(
  suite: BenchSuite,
  url: string,
): Promise<{ metrics: Metric[]; error: string | null; seconds: number }> {
  const started = Date.now();
  let browser: Browser | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    browser = await launchChromium();
    const running = suite.run({ browser, url });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`gave up after ${SUITE_TIMEOUT_MS / 60_000} minutes`)),
        SUITE_TIMEOUT_MS,
      );
    });
    // A suite left running after a timeout fails fast once its browser closes.
    running.catch(() => undefined);
    const metrics = await Promise.race([running, timeout]);
    return { metrics, error: null, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    return { metrics: [], error: reasonOf(error), seconds: (Date.now() - started) / 1000 };
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => undefined);
  }
}

/**
 * Metrics a suite should have reported but did not (it crashed, or skipped
 * one): from its declared specs, else from the baseline's record of which
 * suite reports what.
 */
function missing(
  suite: BenchSuite,
  got: readonly Metric[],
  baseline: Baseline | null,
  reason: string,
): Metric[] {
  const have = new Set(got.map((m) => m.name));
  const declared = suite.metrics ?? [];
  const fromBaseline = Object.entries(baseline?.suites ?? {})
    .filter(([name, s]) => s === suite.name && !declared.some((d) => d.name === name))
    .map(([name]) => ({ name, unit: '' }));
  return [...declared, ...fromBaseline]
    .filter((spec) => !have.has(spec.name))
    .map((spec) => notMeasured(spec, reason));
}

function formatValue(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  return `${rounded.toLocaleString('en-GB')}${unit ? ` ${unit}` : ''}`;
}

function formatChange(c: Comparison, unit: string): string {
  if (c.change === null) return '';
  const sign = c.change > 0 ? '+' : '';
  const percent = c.percent === null ? '' : ` (${sign}${Math.round(c.percent)} %)`;
  return `${sign}${formatValue(c.change, unit)}${percent}`;
}

const VERDICT_LABEL: Record<Comparison['verdict'], string> = {
  regression: 'REGRESSION',
  better: 'better',
  noise: '≈ (noise)',
  new: 'new',
  'not measured': 'not measured',
};

/** Prints rows as an aligned text table. */
function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

function machineInfo(loadStart: number, git: ReturnType<typeof gitState>): Machine {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Reported as unknown.
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    date: new Date().toISOString(),
    loadAverage: { start: loadStart, end: Math.round(loadavg()[0]! * 100) / 100 },
    app: { dist: process.env.E2E_DIST_DIR ?? join(root, 'dist-web'), ...git },
  };
}

/** The checkout's commit and whether it has uncommitted changes (the build may include them). */
function gitState(): { commit: string; uncommittedChanges: boolean } {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    return {
      commit: git('rev-parse', '--short', 'HEAD').trim(),
      uncommittedChanges: git('status', '--porcelain', '--untracked-files=no').trim() !== '',
    };
  } catch {
    return { commit: 'unknown', uncommittedChanges: false };
  }
}

async function main() {
  const args = process.argv.slice(2);
  const updateBaseline = args.includes('--update-baseline');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((w) => !SUITES.some((s) => s.name === w));
  if (unknown.length) {
    console.error(
      `Unknown suite ${unknown.join(', ')}; suites: ${SUITES.map((s) => s.name).join(', ')}.`,
    );
    process.exit(2);
  }
  const suites = wanted.length ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;
  const baseline = readBaseline();
  const loadStart = Math.round(loadavg()[0]! * 100) / 100;
  // The checkout as the run starts (others may commit while it runs).
  const git = gitState();
  const started = Date.now();

  const server = await serveBrowserBuild();
  const metrics: Metric[] = [];
  const metricSuite: Record<string, string> = {};
  const failures: { suite: string; error: string }[] = [];
  const seconds: Record<string, number> = {};
  try {
    for (const suite of suites) {
      console.log(`Running ${suite.name}…`);
      const result = await runSuite(suite, server.url);
      seconds[suite.name] = Math.round(result.seconds);
      if (result.error) {
        failures.push({ suite: suite.name, error: result.error });
        console.log(
          `  ${suite.name} failed after ${Math.round(result.seconds)} s: ${result.error}`,
        );
      } else console.log(`  done in ${Math.round(result.seconds)} s`);
      const all = [
        ...result.metrics,
        ...missing(
          suite,
          result.metrics,
          baseline,
          result.error ? `suite failed: ${result.error}` : 'not reported by its suite',
        ),
      ];
      for (const m of all) metricSuite[m.name] = suite.name;
      metrics.push(...all);
    }
  } finally {
    await server.close();
  }
  const totalSeconds = Math.round((Date.now() - started) / 1000);
  const machine = machineInfo(loadStart, git);
  const comparisons = new Map(metrics.map((m) => [m.name, compare(m, baseline)]));

  console.log('');
  printTable([
    ['metric', 'value', 'target', 'met', 'baseline', 'change', 'vs baseline'],
    ...metrics.map((m) => {
      const c = comparisons.get(m.name)!;
      return [
        m.name,
        m.failed ? 'FAILED' : formatValue(m.value, m.unit),
        m.target,
        m.failed ? '—' : m.target === '—' ? 'info' : m.ok ? 'yes' : 'NO',
        formatValue(c.baseline, m.unit),
        formatChange(c, m.unit),
        VERDICT_LABEL[c.verdict],
      ];
    }),
  ]);
  console.log('\nHow each was measured:');
  for (const m of metrics)
    console.log(`  ${m.name}: ${m.failed ? `NOT MEASURED — ${m.failed}` : m.note}`);
  const regressions = metrics.filter((m) => comparisons.get(m.name)!.verdict === 'regression');
  console.log(
    `\n${metrics.filter((m) => !m.failed && m.target !== '—' && m.ok).length} targets met, ` +
      `${metrics.filter((m) => !m.failed && m.target !== '—' && !m.ok).length} missed, ` +
      `${metrics.filter((m) => m.failed).length} not measured; ` +
      (baseline
        ? `${regressions.length} beyond the noise threshold (${Math.round(NOISE * 100)} %, or the metric's recorded spread if larger) against the baseline of ${baseline.machine.date.slice(0, 10)}.`
        : 'no baseline.json to compare with.'),
  );
  if (Math.max(machine.loadAverage.start, machine.loadAverage.end) > machine.cores)
    console.log(
      `The machine was busy (load average above ${machine.cores}): timings are noisy, compare with care.`,
    );
  console.log(
    `Run time ${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s (${Object.entries(seconds)
      .map(([s, n]) => `${s} ${n} s`)
      .join(
        ', ',
      )}); load average ${machine.loadAverage.start} → ${machine.loadAverage.end} on ${machine.cores} cores.`,
  );

  writeFileSync(
    join(root, 'bench-results.json'),
    `${JSON.stringify(
      {
        machine,
        metrics: Object.fromEntries(
          metrics.map((m) => [m.name, Number.isFinite(m.value) ? m.value : null]),
        ),
        details: metrics.map((m) => ({ ...m, comparison: comparisons.get(m.name) })),
        failures,
        seconds: { total: totalSeconds, ...seconds },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote bench-results.json (${machine.cores} cores, ${machine.chromium}).`);

  if (updateBaseline) {
    const measuredSuites = suites.map((s) => s.name);
    const merged: Baseline = {
      machine,
      runs: [
        // Earlier runs stay listed for the suites this run did not measure.
        ...(baseline?.runs ?? [])
          .map((run) => ({
            ...run,
            suites: run.suites.filter((s) => !measuredSuites.includes(s)),
          }))
          .filter((run) => run.suites.length > 0),
        { suites: measuredSuites, machine },
      ],
      conditions:
        process.env.BENCH_CONDITIONS ??
        baseline?.conditions ??
        'Recorded with `npm run bench -- --update-baseline`.',
      metrics: { ...baseline?.metrics },
      suites: { ...baseline?.suites, ...metricSuite },
      // The recorded spread describes the machine, not one run: kept as is.
      ...(baseline?.spreadPercent ? { spreadPercent: baseline.spreadPercent } : {}),
    };
    for (const m of metrics)
      if (Number.isFinite(m.value)) merged.metrics[m.name] = m.value;
      else if (!(m.name in merged.metrics)) merged.metrics[m.name] = null;
    merged.metrics = Object.fromEntries(
      Object.entries(merged.metrics).sort(([a], [b]) => a.localeCompare(b)),
    );
    merged.suites = Object.fromEntries(
      Object.entries(merged.suites).sort(([a], [b]) => a.localeCompare(b)),
    );
    writeFileSync(BASELINE_PATH, `${JSON.stringify(merged, null, 2)}\n`);
    console.log(`Updated ${BASELINE_PATH}.`);
  }
  // Exit now: a suite that timed out may still have work pending in Node.
  process.exit(failures.length ? 1 : 0);
}

await main();
