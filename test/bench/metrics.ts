/** Shared types and statistics for `npm run bench` suites. */
import type { Browser, BrowserContext } from 'playwright-core';

/** One measured number with its target from ENGINEERING.md §5 or an issue. */
export interface Metric {
  name: string;
  /** NaN when the measurement failed (see `failed`). */
  value: number;
  unit: string;
  /** "≤ 16.7", or "—" when no target is set (information only). */
  target: string;
  ok: boolean;
  note: string;
  /** Why the number could not be measured; the bench reports it and carries on. */
  failed?: string;
  /** Which direction is an improvement, for the baseline comparison (default lower). */
  better?: 'lower' | 'higher';
  /**
   * Relative change (0.15 = 15 %) below which a difference from the baseline
   * is treated as noise; defaults to the run's noise threshold.
   */
  noise?: number;
}

/** What every suite gets: a running Chromium and the served browser build. */
export interface BenchContext {
  browser: Browser;
  url: string;
}

/** A group of related measurements. */
export interface BenchSuite {
  name: string;
  /**
   * The metric names the suite reports, so that a suite that crashes still
   * shows each of its metrics as not measured rather than dropping them.
   */
  metrics?: readonly MetricSpec[];
  run(context: BenchContext): Promise<Metric[]>;
}

/** A metric's identity and target, known before it is measured. */
export interface MetricSpec {
  name: string;
  unit: string;
  /** Upper bound from ENGINEERING.md §5 or an issue; absent = information only. */
  limit?: number;
  better?: 'lower' | 'higher';
  noise?: number;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

/** One decimal place. */
export const round1 = (n: number) => Math.round(n * 10) / 10;

/** A metric whose target is an upper bound. */
export function atMost(
  name: string,
  value: number,
  limit: number,
  unit: string,
  note: string,
): Metric {
  return { name, value: round1(value), unit, target: `≤ ${limit}`, ok: value <= limit, note };
}

/** The target column for a spec. */
export function targetOf(spec: MetricSpec): string {
  return spec.limit === undefined ? '—' : `≤ ${spec.limit}`;
}

/** A measured value for a spec (rounded to 0.1; an information-only spec is always ok). */
export function measured(spec: MetricSpec, value: number, note: string): Metric {
  return {
    name: spec.name,
    value: round1(value),
    unit: spec.unit,
    target: targetOf(spec),
    ok: spec.limit === undefined ? true : value <= spec.limit,
    note,
    ...(spec.better ? { better: spec.better } : {}),
    ...(spec.noise !== undefined ? { noise: spec.noise } : {}),
  };
}

/** A spec whose measurement could not be taken, with the reason. */
export function notMeasured(spec: MetricSpec, reason: string): Metric {
  return {
    name: spec.name,
    value: NaN,
    unit: spec.unit,
    target: targetOf(spec),
    ok: false,
    note: '',
    failed: reason,
  };
}

/** A short reason from anything thrown (first line, no stack). */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}

/**
 * Runs one measurement; if it throws, its specs are reported as not measured
 * with the reason, so one failure never hides the other numbers.
 */
export async function attempt(
  specs: readonly MetricSpec[],
  run: () => Promise<Metric[]>,
): Promise<Metric[]> {
  try {
    return await run();
  } catch (error) {
    return specs.map((spec) => notMeasured(spec, reasonOf(error)));
  }
}

/** Resolves after `ms` milliseconds (Node side). */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Serves every page of `context` cross-origin isolated: Chromium then gives
 * timers 5 µs resolution instead of 100 µs with random fuzz, which alone
 * would turn a steady 16.67 ms frame into readings of 16.6–16.8 ms.
 */
export async function isolateTimers(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        },
      });
    } catch {
      // The page or context closed while this request was in flight (a suite
      // ending): nothing is left to serve, and the whole bench must not stop.
    }
  });
}
