import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import {
  describeDatabaseError,
  openDatabase,
  WorkbenchDatabase,
} from '../../renderer/src/db/database';
import { PlanRepository } from '../../renderer/src/db/plan-repository';

/** A fresh, isolated IndexedDB for each test. */
function freshIdb() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

describe('database versions', () => {
  it('upgrades a version-1 database: plans move to library + documents, nothing lost', async () => {
    const idb = freshIdb();
    const plans = [createBlankPlan('Alpha'), createBlankPlan('Beta')];
    plans[0]!.objective.region = 'Lower Valley';

    // Open exactly as version 1 of the app did, and seed it.
    const v1 = new Dexie('upskill-workbench', idb);
    v1.version(1).stores({ plans: 'id, updatedAt' });
    await v1
      .table('plans')
      .bulkPut(plans.map((plan) => ({ id: plan.id, updatedAt: plan.updatedAt, plan })));
    v1.close();

    const db = new WorkbenchDatabase('upskill-workbench', idb);
    await openDatabase(db);
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['documents', 'library', 'meta']);
    const rows = await db.library.toArray();
    expect(rows.map((r) => r.name).sort()).toEqual(['Alpha', 'Beta']);
    expect(rows.find((r) => r.name === 'Alpha')).toMatchObject({
      region: 'Lower Valley',
      deletedAt: null,
    });
    const loaded = await new PlanRepository(db).load(plans[0]!.id);
    expect(loaded).toMatchObject({ ok: true, plan: plans[0] });
    db.close();
  });

  it('refuses a database from a newer app version and leaves it intact', async () => {
    const idb = freshIdb();
    const future = new Dexie('upskill-workbench', idb);
    future.version(9).stores({ library: 'id', documents: 'id', meta: 'key', somethingNew: 'id' });
    await future.table('library').put({ id: 'p1', name: 'Kept' });
    future.close();

    const db = new WorkbenchDatabase('upskill-workbench', idb);
    const error = await openDatabase(db).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(describeDatabaseError(error)).toContain('newer version');

    const again = new Dexie('upskill-workbench', idb);
    again.version(9).stores({ library: 'id', documents: 'id', meta: 'key', somethingNew: 'id' });
    expect(await again.table('library').get('p1')).toMatchObject({ name: 'Kept' });
    again.close();
  });

  it('explains a full disk', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(describeDatabaseError(quota)).toContain('no storage space');
  });
});

describe('plan repository', () => {
  it('saves, lists newest first, soft-deletes, restores and purges', async () => {
    const db = new WorkbenchDatabase('repo-test', freshIdb());
    const repo = new PlanRepository(db);
    const a = createBlankPlan('A');
    const b = createBlankPlan('B');
    await repo.save(a, new Date('2026-01-01T00:00:00Z'));
    await repo.save(b, new Date('2026-02-01T00:00:00Z'));
    expect((await repo.list()).map((r) => r.name)).toEqual(['B', 'A']);

    await repo.softDelete(a.id);
    expect((await repo.list()).find((r) => r.id === a.id)?.deletedAt).not.toBeNull();
    // Saving a deleted plan keeps it deleted (an autosave must not resurrect it).
    await repo.save(a);
    expect((await repo.list()).find((r) => r.id === a.id)?.deletedAt).not.toBeNull();
    await repo.restore(a.id);
    expect((await repo.list()).find((r) => r.id === a.id)?.deletedAt).toBeNull();

    await repo.purge(a.id);
    expect(await repo.load(a.id)).toBeNull();
    expect(await repo.exists(a.id)).toBe(false);
    db.close();
  });

  it('reports a stored plan that no longer validates instead of opening it', async () => {
    const db = new WorkbenchDatabase('corrupt-test', freshIdb());
    await db.open();
    await db.documents.put({ id: 'bad', plan: { schemaVersion: 1, id: 'bad' } as never });
    const result = await new PlanRepository(db).load('bad');
    expect(result).toMatchObject({ ok: false });
    db.close();
  });
});
