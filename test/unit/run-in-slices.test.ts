/** runInSlices: slices run back to back until the time budget is spent, then the page gets a turn. */
import { describe, expect, it } from 'vitest';
import { runInSlices } from '../../shared/plan/freeze';

function* slices(n: number, work: () => void): Generator<void, number> {
  for (let i = 0; i < n; i++) {
    work();
    yield;
  }
  return n;
}

describe('runInSlices', () => {
  it('returns what the generator returns, yielding only once a budget of work is done', async () => {
    let yields = 0;
    const yieldToPage = async () => void yields++;
    // 100 tiny slices fit one budget (16 ms): no yield.
    expect(
      await runInSlices(
        slices(100, () => undefined),
        yieldToPage,
      ),
    ).toBe(100);
    expect(yields).toBe(0);
    // Slices of 2 ms with a 5 ms budget: a yield after every third slice, never after each one.
    // (A clock of its own: on a busy machine a real 2 ms slice can take far longer.)
    let clock = 0;
    const busy = () => void (clock += 2);
    expect(await runInSlices(slices(20, busy), yieldToPage, 5, () => clock)).toBe(20);
    expect(yields).toBe(6);
  });
});
