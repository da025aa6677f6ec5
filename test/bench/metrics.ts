/** Shared types and statistics for `npm run bench` suites. */
import type { Browser, BrowserContext } from 'playwright-core';

/** One measured number with its target from ENGINEERING.md §5 or an issue. */
export interface Metric {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
  note: string;
}

/** What every suite gets: a running Chromium and the served browser build. */
export interface BenchContext {
  browser: Browser;
  url: string;
}

/** A group of related measurements. */
export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<Metric[]>;
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

/**
 * Serves every page of `context` cross-origin isolated: Chromium then gives
 * timers 5 µs resolution instead of 100 µs with random fuzz, which alone
 * would turn a steady 16.67 ms frame into readings of 16.6–16.8 ms.
 */
export async function isolateTimers(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      },
    });
  });
}
