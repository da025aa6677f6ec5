/**
 * Plans are immutable; immer freezes what an edit produces, and on the
 * first edit of a plan read from storage it would deep-freeze the whole
 * plan at once (~0.3 s for 60,000 catalog items — a frozen page). Freezing
 * a plan in slices right after it is read, between which the caller yields
 * to the page, keeps every step short; immer then skips frozen branches.
 */
import { freeze } from 'immer';
import { PLAN_LISTS, PLAN_SECTION_KEYS } from './records';
import type { Plan } from './schema';

/** Elements frozen per slice (a few milliseconds of work). */
export const FREEZE_SLICE = 2000;

/**
 * Deep-freezes values a slice at a time: a generator that yields after
 * each slice, so the caller can let the page breathe between slices.
 */
export function* freezeInSlices(values: readonly unknown[], slice = FREEZE_SLICE): Generator<void> {
  for (let i = 0; i < values.length; i += slice) {
    const end = Math.min(values.length, i + slice);
    for (let j = i; j < end; j++) freeze(values[j], true);
    if (end < values.length) yield;
  }
}

/** Deep-freezes a whole plan, list elements a slice at a time (see freezeInSlices). */
export function* freezePlanInSlices(plan: Plan, slice = FREEZE_SLICE): Generator<void> {
  const source = plan as unknown as Record<string, unknown>;
  for (const [section, field] of PLAN_LISTS as readonly (readonly string[])[]) {
    const value = source[section!] as Record<string, unknown> | unknown[] | undefined;
    const list = field ? (value as Record<string, unknown> | undefined)?.[field] : value;
    if (Array.isArray(list) && list.length > 0) {
      yield* freezeInSlices(list, slice);
      yield;
    }
  }
  for (const section of PLAN_SECTION_KEYS) freeze(source[section], true);
  freeze(plan, true);
}

/** Milliseconds of slices run back to back before yielding to the page: about a display frame, well under a 50 ms long task. */
export const SLICE_BUDGET_MS = 16;

/**
 * Runs a slice generator to the end and resolves with what it returns,
 * yielding to the page once the slices run since the last yield have taken
 * `budgetMs` (each yield may let a frame be drawn, so yielding after every
 * small slice would spend more time waiting than working). `now` is the
 * clock in ms (performance.now; tests pass their own).
 */
export async function runInSlices<T>(
  slices: Generator<void, T>,
  yieldToPage: () => Promise<void>,
  budgetMs = SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
): Promise<T> {
  let since = now();
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
    if (now() - since >= budgetMs) {
      await yieldToPage();
      since = now();
    }
  }
}
