import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBlankPlan, summarisePlan } from '../../shared/plan/create';
import { readPlanFile } from '../../shared/plan/plan-file';
import { diffPlanRecords } from '../../shared/plan/records';
import {
  DATABASE_VERSION,
  describeDatabaseError,
  openDatabase,
  WorkbenchDatabase,
} from '../../renderer/src/db/database';
import {
  PlanGoneError,
  PlanRepository,
  WriterLostError,
} from '../../renderer/src/db/plan-repository';

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
    expect(db.verno).toBe(DATABASE_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'invitationLists',
      'invitees',
      'library',
      'meta',
      'planVersions',
      'records',
      'rosterChunks',
      'rosterCourseChunks',
      'rosters',
    ]);
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

  it('upgrades a database written by version 2 (whole documents) to records, nothing lost', async () => {
    const idb = freshIdb();
    const sample = readPlanFile(
      readFileSync(
        join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
        'utf8',
      ),
    );
    if (!sample.ok) throw new Error(sample.message);
    const blank = createBlankPlan('Blank');
    const deleted = createBlankPlan('Old');
    // Exactly the schema version 2 of the app declared, and its rows.
    const v2 = new Dexie('upskill-workbench', idb);
    v2.version(1).stores({ plans: 'id, updatedAt' });
    v2.version(2).stores({ plans: null, library: 'id, updatedAt', documents: 'id', meta: 'key' });
    for (const [plan, deletedAt] of [
      [sample.plan, null],
      [blank, null],
      [deleted, '2026-03-01T00:00:00.000Z'],
    ] as const) {
      await v2.table('documents').put({ id: plan.id, plan });
      await v2.table('library').put({ ...summarisePlan(plan), deletedAt });
    }
    await v2.table('meta').put({ key: 'sampleSeeded', value: true });
    v2.close();

    const db = new WorkbenchDatabase('upskill-workbench', idb);
    await openDatabase(db);
    expect(db.verno).toBe(DATABASE_VERSION);
    const repo = new PlanRepository(db);
    for (const plan of [sample.plan, blank, deleted]) {
      expect(await repo.load(plan.id)).toEqual({ ok: true, plan, rev: 0, migratedFrom: null });
    }
    expect((await repo.list()).find((r) => r.id === deleted.id)?.deletedAt).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(await repo.getMeta('sampleSeeded')).toBe(true);
    // The sample is stored as many small records, not one document.
    const records = await db.records
      .where('[planId+key]')
      .between([sample.plan.id, Dexie.minKey], [sample.plan.id, Dexie.maxKey])
      .count();
    expect(records).toBeGreaterThan(100);
    db.close();
  });

  it('upgrades every other plan when one version-2 document is damaged, and keeps that one aside', async () => {
    const idb = freshIdb();
    const good = createBlankPlan('Good');
    const v2 = new Dexie('upskill-workbench', idb);
    v2.version(1).stores({ plans: 'id, updatedAt' });
    v2.version(2).stores({ plans: null, library: 'id, updatedAt', documents: 'id', meta: 'key' });
    await v2.table('documents').put({ id: good.id, plan: good });
    await v2.table('library').put({ ...summarisePlan(good), deletedAt: null });
    await v2.table('documents').put({ id: 'broken', plan: null });
    await v2
      .table('library')
      .put({ ...summarisePlan(createBlankPlan('Broken')), id: 'broken', deletedAt: null });
    v2.close();

    const db = new WorkbenchDatabase('upskill-workbench', idb);
    await openDatabase(db);
    const repo = new PlanRepository(db);
    expect(await repo.load(good.id)).toMatchObject({ ok: true, plan: good });
    expect(await repo.load('broken')).toMatchObject({ ok: false });
    expect(await repo.getMeta('unreadable-plan:broken')).toBeNull();
    expect((await db.meta.toArray()).map((r) => r.key)).toContain('unreadable-plan:broken');
    db.close();
  });

  it('replays a journal only onto the revision it was written against', async () => {
    const db = new WorkbenchDatabase('journal-test', freshIdb());
    const repo = new PlanRepository(db);
    const plan = createBlankPlan('Journal');
    await repo.save(plan);
    const rev = (await repo.row(plan.id))!.rev!;
    const edited = { ...plan, objective: { ...plan.objective, region: 'From the journal' } };
    const records = diffPlanRecords(plan, edited).map((c) => ({ key: c.key, value: c.after }));
    expect(await repo.applyRecords(plan.id, records, rev + 1)).toBe(false);
    expect(await repo.applyRecords(plan.id, records, rev)).toBe(true);
    const loaded = await repo.load(plan.id);
    expect(loaded?.ok && loaded.plan.objective.region).toBe('From the journal');
    expect((await repo.row(plan.id))?.region).toBe('From the journal');
    expect(await repo.applyRecords('gone', records, 0)).toBe(false);
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
    await db.library.put({ ...summarisePlan(createBlankPlan('Bad')), id: 'bad', deletedAt: null });
    await db.records.put({ planId: 'bad', key: 'm', value: { schemaVersion: 1, id: 'bad' } });
    const result = await new PlanRepository(db).load('bad');
    expect(result).toMatchObject({ ok: false });
    db.close();
  });

  it('saves only changed records, refuses a purged plan and a window that lost the writer role', async () => {
    const db = new WorkbenchDatabase('records-test', freshIdb());
    const repo = new PlanRepository(db);
    const plan = createBlankPlan('Records');
    await repo.save(plan);
    const rev = await repo.claimWriter(plan.id, 'window-a');
    const edited = { ...plan, objective: { ...plan.objective, region: 'North' } };
    const changes = diffPlanRecords(plan, edited).map((c) => ({ key: c.key, value: c.after }));
    expect(changes.map((c) => c.key)).toEqual(['s:objective']);
    expect(await repo.saveChanges(edited, changes, 'window-a')).toBe(rev + 1);
    const loaded = await repo.load(plan.id);
    expect(loaded).toMatchObject({ ok: true, rev: rev + 1 });
    expect(loaded?.ok && loaded.plan.objective.region).toBe('North');
    expect((await repo.list())[0]).toMatchObject({ region: 'North', rev: rev + 1 });

    // Another window takes over: the first can no longer write.
    await repo.claimWriter(plan.id, 'window-b');
    await expect(repo.saveChanges(edited, changes, 'window-a')).rejects.toBeInstanceOf(
      WriterLostError,
    );
    // Deleted for good: no save brings it back.
    await repo.purge(plan.id);
    await expect(repo.saveChanges(edited, changes, 'window-b')).rejects.toBeInstanceOf(
      PlanGoneError,
    );
    expect(await repo.load(plan.id)).toBeNull();
    expect(await db.records.count()).toBe(0);
    db.close();
  });

  it('renames a plan without touching its other records', async () => {
    const db = new WorkbenchDatabase('rename-test', freshIdb());
    const repo = new PlanRepository(db);
    const plan = createBlankPlan('Before');
    await repo.save(plan);
    await repo.rename(plan.id, 'After');
    const loaded = await repo.load(plan.id);
    expect(loaded?.ok && loaded.plan.name).toBe('After');
    expect((await repo.list())[0]?.name).toBe('After');
    db.close();
  });
});
