import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import type { Plan } from '../../shared/plan/schema';
import { Autosaver, type SaveStatus } from '../../renderer/src/store/autosave';
import { createPlanStore } from '../../renderer/src/store/plan-store';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosave', () => {
  it('writes 300 ms after the last edit, once', async () => {
    const write = vi.fn(async (_doc: number) => undefined);
    const saver = new Autosaver<number>({
      write,
      describeError: String,
      onStatus: () => undefined,
    });
    saver.schedule(1);
    await vi.advanceTimersByTimeAsync(200);
    saver.schedule(2);
    await vi.advanceTimersByTimeAsync(299);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith(2);
  });

  it('never waits more than maxWait while the user keeps typing', async () => {
    const write = vi.fn(async (_doc: number) => undefined);
    const saver = new Autosaver<number>({
      write,
      describeError: String,
      onStatus: () => undefined,
      maxWaitMs: 700,
    });
    for (let i = 0; i < 20; i++) {
      saver.schedule(i);
      await vi.advanceTimersByTimeAsync(100);
    }
    // 2 s of continuous typing: written at least twice, each within 700 ms.
    expect(write.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(write.mock.calls[0]?.[0]).toBeLessThanOrEqual(7);
  });

  it('reports errors and keeps the edit pending for a retry', async () => {
    const statuses: SaveStatus[] = [];
    let fail = true;
    const write = vi.fn(async () => {
      if (fail) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    });
    const saver = new Autosaver<number>({
      write,
      describeError: () => 'disk full',
      onStatus: (s) => statuses.push(s),
    });
    saver.schedule(1);
    await saver.flush();
    expect(statuses.at(-1)).toEqual({ state: 'error', message: 'disk full' });
    expect(saver.dirty).toBe(true);
    fail = false;
    await saver.flush();
    expect(statuses.at(-1)?.state).toBe('saved');
    expect(saver.dirty).toBe(false);
  });

  it('keeps a newer edit that arrived while writing', async () => {
    let release: () => void = () => undefined;
    const written: number[] = [];
    const saver = new Autosaver<number>({
      write: (n) =>
        new Promise<void>((resolve) => {
          written.push(n);
          release = resolve;
        }),
      describeError: String,
      onStatus: () => undefined,
    });
    const writes = async (n: number) => {
      for (let i = 0; i < 20 && written.length < n; i++) await Promise.resolve();
      expect(written).toHaveLength(n);
    };
    saver.schedule(1);
    const first = saver.flush();
    await writes(1);
    saver.schedule(2);
    release();
    await first;
    expect(saver.dirty).toBe(true);
    const second = saver.flush();
    await writes(2);
    release();
    await second;
    expect(written).toEqual([1, 2]);
    expect(saver.dirty).toBe(false);
  });
});

describe('plan document store', () => {
  function setup() {
    const saved: Plan[] = [];
    const store = createPlanStore(createBlankPlan('Test'), {
      write: async (plan) => {
        saved.push(plan);
      },
      describeError: String,
    });
    return { store, saved };
  }

  it('applies named edits, undoes and redoes them, and saves each state', async () => {
    const { store, saved } = setup();
    store
      .getState()
      .edit({ name: 'Edit region', coalesceKey: 'region' }, (d) => void (d.objective.region = 'L'));
    store
      .getState()
      .edit(
        { name: 'Edit region', coalesceKey: 'region' },
        (d) => void (d.objective.region = 'Lo'),
      );
    store.getState().seal();
    store
      .getState()
      .edit({ name: 'Edit organisation' }, (d) => void (d.objective.organisation = 'Agency'));
    expect(store.getState().history.past).toHaveLength(2);

    store.getState().undo();
    expect(store.getState().history.present.objective.organisation).toBe('');
    store.getState().undo();
    expect(store.getState().history.present.objective.region).toBe('');
    store.getState().redo();
    expect(store.getState().history.present.objective.region).toBe('Lo');

    await store.getState().flush();
    expect(saved.at(-1)?.objective.region).toBe('Lo');
    expect(store.getState().saveStatus.state).toBe('saved');
  });

  it('ignores an edit that changes nothing (no undo step, no save)', async () => {
    const { store, saved } = setup();
    store.getState().edit({ name: 'Nothing' }, () => undefined);
    await store.getState().flush();
    expect(store.getState().history.past).toHaveLength(0);
    expect(saved).toHaveLength(0);
  });

  it('shares unchanged sections between versions (cheap snapshots)', () => {
    const { store } = setup();
    const before = store.getState().history.present;
    store.getState().edit({ name: 'Edit region' }, (d) => void (d.objective.region = 'X'));
    const after = store.getState().history.present;
    expect(after.stakeholders).toBe(before.stakeholders);
    expect(after.objective).not.toBe(before.objective);
  });
});
