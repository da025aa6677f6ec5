import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { learnerSegments } from '../../shared/commands/learners';
import { updateObjective } from '../../shared/commands/objective';
import { createBlankPlan } from '../../shared/plan/create';
import { bucketOf, type PlanRecord } from '../../shared/plan/records';
import type { LearnerSegment, Plan } from '../../shared/plan/schema';
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

  it('does not save on every key when a save is slower than typing', async () => {
    // A large plan: each save takes 150 ms; the user types a key every 50 ms for 2 s.
    let writes = 0;
    const saver = new Autosaver<number>({
      write: () =>
        new Promise<void>((resolve) => {
          writes++;
          setTimeout(resolve, 150);
        }),
      describeError: String,
      onStatus: () => undefined,
    });
    for (let i = 0; i < 40; i++) {
      saver.schedule(i);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(2000);
    // One save per max-wait window (700 ms), not one per key.
    expect(writes).toBeLessThanOrEqual(4);
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

function segment(id: string, name: string): LearnerSegment {
  return {
    id,
    name,
    populationType: 'other',
    estimatedSize: null,
    barriers: [],
    incentives: [],
    persona: null,
    notes: '',
  } as unknown as LearnerSegment;
}

describe('plan document store', () => {
  function setup(plan = createBlankPlan('Test')) {
    const saved: Plan[] = [];
    const writes: PlanRecord[][] = [];
    let rev = 0;
    const store = createPlanStore(plan, {
      write: async (doc, changes) => {
        saved.push(doc);
        writes.push([...changes]);
        return ++rev;
      },
      describeError: String,
    });
    return { store, saved, writes };
  }
  const region = (value: string) => updateObjective({ patch: { region: value } });

  it('applies named commands, undoes and redoes them, and saves each state', async () => {
    const { store, saved } = setup();
    store.getState().dispatch(region('L'));
    store.getState().dispatch(region('Lo'));
    store.getState().seal();
    store.getState().dispatch(updateObjective({ patch: { organisation: 'Agency' } }));
    expect(store.getState().history.past).toHaveLength(2);
    expect(store.getState().history.past.map((s) => s.action)).toEqual([
      'Edit region',
      'Edit organisation',
    ]);

    expect(store.getState().undo()).toMatchObject({ action: 'Edit organisation' });
    expect(store.getState().history.present.objective.organisation).toBe('');
    store.getState().undo();
    expect(store.getState().history.present.objective.region).toBe('');
    expect(store.getState().redo()).toMatchObject({
      action: 'Edit region',
      location: { section: 'objective' },
    });
    expect(store.getState().history.present.objective.region).toBe('Lo');

    await store.getState().flush();
    expect(saved.at(-1)?.objective.region).toBe('Lo');
    expect(store.getState().saveStatus.state).toBe('saved');
  });

  it('ignores a command that changes nothing (no undo step, no save)', async () => {
    const { store, saved } = setup();
    expect(store.getState().dispatch(region(''))).toEqual({ ok: true, stepId: null });
    await store.getState().flush();
    expect(store.getState().history.past).toHaveLength(0);
    expect(saved).toHaveLength(0);
  });

  it('shares unchanged sections between versions (cheap snapshots)', () => {
    const { store } = setup();
    const before = store.getState().history.present;
    store.getState().dispatch(region('X'));
    const after = store.getState().history.present;
    expect(after.stakeholders).toBe(before.stakeholders);
    expect(after.objective).not.toBe(before.objective);
  });

  it('writes only the records a save changed', async () => {
    const { store, writes } = setup();
    store.getState().dispatch(learnerSegments.add({ item: segment('s1', 'Young parents') }));
    await store.getState().flush();
    store.getState().dispatch(region('North'));
    await store.getState().flush();
    expect(writes.map((w) => w.map((r) => r.key))).toEqual([
      [`b:learners:${bucketOf('s1')}`, 'o:learners'],
      ['s:objective'],
    ]);
  });

  it("undoes exactly a notice's step after another edit, and refuses when later edits touched it", () => {
    const { store } = setup();
    store.getState().dispatch(learnerSegments.add({ item: segment('s1', 'Young parents') }));
    store.getState().dispatch(learnerSegments.add({ item: segment('s2', 'Graduates') }));
    const removal = store.getState().dispatch(learnerSegments.remove({ ids: ['s1'] }));
    if (!removal.ok || removal.stepId === null) throw new Error('no step');
    store.getState().dispatch(region('North'));

    // The notice's Undo brings the segment back and keeps the region.
    expect(store.getState().undoStep(removal.stepId)).toMatchObject({ kind: 'reverted' });
    const plan = store.getState().history.present;
    expect(plan.learners.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(plan.objective.region).toBe('North');

    // Editing another element of the same list does not stand in the way…
    const second = store.getState().dispatch(learnerSegments.remove({ ids: ['s2'] }));
    store.getState().dispatch(learnerSegments.update({ id: 's1', patch: { name: 'Carers' } }));
    if (!second.ok || second.stepId === null) throw new Error('no step');
    expect(store.getState().undoStep(second.stepId)).toMatchObject({ kind: 'reverted' });
    expect(store.getState().history.present.learners.map((s) => s.name)).toEqual([
      'Carers',
      'Graduates',
    ]);
    // …but a later change to the list's order does: reverting would reorder it unseen.
    const third = store.getState().dispatch(learnerSegments.remove({ ids: ['s2'] }));
    store.getState().dispatch(learnerSegments.add({ item: segment('s3', 'Carers 2') }));
    if (!third.ok || third.stepId === null) throw new Error('no step');
    expect(store.getState().undoStep(third.stepId)).toMatchObject({ kind: 'conflict' });
    expect(store.getState().history.present.learners.map((s) => s.id)).toEqual(['s1', 's3']);
    // The newest step is undone plainly.
    const last = store.getState().history.past.at(-1)!.id;
    expect(store.getState().undoStep(last)).toMatchObject({ kind: 'undone' });
    expect(store.getState().undoStep(last)).toMatchObject({ kind: 'alreadyUndone' });
  });

  it('refuses commands while read-only, and follows records saved elsewhere', () => {
    const { store } = setup();
    store.getState().setAccess('readOnly');
    expect(store.getState().dispatch(region('X'))).toMatchObject({ ok: false });
    expect(store.getState().undo()).toBeNull();
    store.getState().applyExternal(
      [
        {
          key: 's:objective',
          value: { ...store.getState().history.present.objective, region: 'Far' },
        },
      ],
      7,
    );
    expect(store.getState().history.present.objective.region).toBe('Far');
    expect(store.getState().rev()).toBe(7);
  });

  it('never writes an older unsaved edit over a plan reloaded from storage', async () => {
    const writes: PlanRecord[][] = [];
    let refuse = true;
    const store = createPlanStore(createBlankPlan('Test'), {
      write: async (_doc, changes) => {
        if (refuse) throw new Error('edited elsewhere');
        writes.push([...changes]);
        return 2;
      },
      describeError: String,
    });
    store.getState().dispatch(region('Stale'));
    await store.getState().flush();
    expect(store.getState().saveStatus.state).toBe('error');
    // Another window's newer plan is loaded; the refused edit must not come back.
    const fresh = { ...createBlankPlan('Test'), id: store.getState().history.present.id };
    store.getState().reload(fresh, 2, 'edit');
    refuse = false;
    await store.getState().flush();
    await store.getState().close();
    expect(writes).toEqual([]);
    expect(store.getState().isDirty()).toBe(false);
  });

  it('says after a save whether newer edits still wait (the leaving journal must keep them)', async () => {
    const left: boolean[] = [];
    let release: () => void = () => undefined;
    const store = createPlanStore(createBlankPlan('Test'), {
      write: () => new Promise<number>((resolve) => (release = () => resolve(1))),
      describeError: String,
      afterWrite: (_plan, _changes, _rev, unsavedLeft) => left.push(unsavedLeft),
    });
    store.getState().dispatch(region('A'));
    const first = store.getState().flush();
    await vi.advanceTimersByTimeAsync(0);
    store.getState().dispatch(region('AB'));
    release();
    await first;
    expect(left).toEqual([true]);
    const second = store.getState().flush();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await second;
    expect(left).toEqual([true, false]);
  });
});
