/**
 * Issue 13: the invitation list lives in the local database only — stored
 * in chunks, read back in file order, deleted in one step, and purged with
 * its plan. The plan's own records never hold it. Several source lists make
 * one (appended, e-mails already listed left out), and the last import can
 * be undone (a kept copy, deleted with the list).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import { openDatabase, WorkbenchDatabase } from '../../renderer/src/db/database';
import {
  deleteInvitationList,
  invitationList,
  keepListForUndo,
  listBeforeLastImport,
  mergeInvitationChunks,
  readInvitees,
  setInvitationDatabase,
  storeInvitationList,
  undoLastListImport,
} from '../../renderer/src/db/invitation-list';
import { encodeInvitees } from '../../shared/launch/invitation-list';
import { PlanRepository } from '../../renderer/src/db/plan-repository';
import { backupBeforeChange } from '../../renderer/src/features/backups/backup-triggers';
import { writePlanFile } from '../../shared/plan/plan-file';

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    firstName: `First${i}`,
    lastName: `Last${i}`,
    email: `person${i}@example.org`,
    segmentId: i % 2 ? 'seg-a' : null,
  }));

describe('invitation list storage', () => {
  it('stores, reads in file order, deletes in one step, and goes when its plan is purged', async () => {
    const db = new WorkbenchDatabase('invitations-test', {
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    await openDatabase(db);
    setInvitationDatabase(db);
    const repo = new PlanRepository(db);
    const plan = createBlankPlan('With a list');
    await repo.save(plan);
    const info = {
      fileName: 'list.csv',
      duplicates: 2,
      failed: 1,
      bySegment: { '': 2500, 'seg-a': 2500 },
    };
    const stored = await storeInvitationList(plan.id, people(5000), info);
    expect(stored).toMatchObject({
      count: 5000,
      duplicates: 2,
      failed: 1,
      assignment: { mode: 'shares' },
    });
    const read: string[] = [];
    await readInvitees(plan.id, (chunk) => read.push(...chunk.map((r) => r.email)));
    expect(read).toEqual(people(5000).map((p) => p.email));
    // A new import replaces the list.
    await storeInvitationList(plan.id, people(3), { ...info, bySegment: { '': 2, 'seg-a': 1 } });
    expect((await invitationList(plan.id))!.count).toBe(3);
    // Stored as chunks of 2,000 people: 5,000 took three, 3 take one.
    expect(await db.invitees.count()).toBe(1);
    // The plan's records hold none of it.
    const records = JSON.stringify(await db.records.toArray());
    expect(records).not.toContain('person0@example.org');

    await deleteInvitationList(plan.id);
    expect(await invitationList(plan.id)).toBeNull();
    expect(await db.invitees.count()).toBe(0);

    await storeInvitationList(plan.id, people(10), info);
    await repo.softDelete(plan.id);
    expect(await db.invitees.count()).toBe(1);
    await repo.purge(plan.id);
    expect(await db.invitees.count()).toBe(0);
    expect(await invitationList(plan.id)).toBeNull();
    db.close();
  });
});

describe('backups without opting in', () => {
  it('hold the plan, never the invitation list stored beside it', async () => {
    const db = new WorkbenchDatabase('invitations-backup', {
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    await openDatabase(db);
    setInvitationDatabase(db);
    const plan = createBlankPlan('Backed up');
    await new PlanRepository(db).save(plan);
    await storeInvitationList(plan.id, people(20), {
      fileName: 'list.csv',
      duplicates: 0,
      failed: 0,
      bySegment: { '': 10, 'seg-a': 10 },
    });
    const written: string[] = [];
    const store = {
      write: (_id: string, text: string) => {
        written.push(text);
        return Promise.resolve();
      },
      list: () => Promise.resolve([]),
      read: () => Promise.resolve(''),
      readPersonal: () => Promise.resolve(null),
      deletePersonal: () => Promise.resolve(0),
    };
    expect(await backupBeforeChange(plan.id, writePlanFile(plan), 'before-import', store)).toEqual({
      kind: 'written',
    });
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('Backed up');
    for (const p of people(20)) expect(written[0]).not.toContain(p.email);
    db.close();
  });
});

describe('several source lists and the undo of the last import', () => {
  const info = (fileName: string, bySegment: Record<string, number>) => ({
    fileName,
    duplicates: 1,
    failed: 2,
    bySegment,
  });
  const chunk = (rows: ReturnType<typeof people>) => ({
    people: encodeInvitees(rows),
    count: rows.length,
  });

  it('adds a second list after the first, leaving out e-mails already listed (any case, spaces), and undoes it', async () => {
    const db = new WorkbenchDatabase('invitations-merge', {
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    await openDatabase(db);
    setInvitationDatabase(db);
    const plan = createBlankPlan('Merged');
    await new PlanRepository(db).save(plan);

    // First list: 5 people (2 with seg-a).
    await keepListForUndo(plan.id);
    await storeInvitationList(plan.id, people(5), info('first.csv', { '': 3, 'seg-a': 2 }));
    expect(await listBeforeLastImport(plan.id)).toMatchObject({ row: null });

    // Second list: person3 again in other case and with spaces, and 3 new people.
    const second = [
      { firstName: 'P', lastName: 'Three', email: '  PERSON3@Example.ORG ', segmentId: 'seg-a' },
      ...Array.from({ length: 3 }, (_, i) => ({
        firstName: `New${i}`,
        lastName: 'Person',
        email: `new${i}@example.org`,
        segmentId: 'seg-b',
      })),
    ];
    await keepListForUndo(plan.id);
    const merged = await mergeInvitationChunks(
      plan.id,
      [chunk(second.slice(0, 2)), chunk(second.slice(2))],
      info('second.xlsx', { 'seg-a': 1, 'seg-b': 3 }),
    );
    expect([merged.added, merged.repeated]).toEqual([3, 1]);
    expect(merged.row).toMatchObject({
      count: 8,
      duplicates: 1 + 1 + 1,
      failed: 4,
      fileName: 'first.csv + second.xlsx',
      bySegment: { '': 3, 'seg-a': 2, 'seg-b': 3 },
    });
    const emails: string[] = [];
    await readInvitees(plan.id, (c) => emails.push(...c.map((p) => p.email)));
    expect(emails).toEqual([
      ...people(5).map((p) => p.email),
      'new0@example.org',
      'new1@example.org',
      'new2@example.org',
    ]);

    // Undo brings back the first list as it was.
    expect(await listBeforeLastImport(plan.id)).toMatchObject({ row: { count: 5 } });
    expect(await undoLastListImport(plan.id)).toBe(true);
    expect((await invitationList(plan.id))!).toMatchObject({ count: 5, fileName: 'first.csv' });
    const back: string[] = [];
    await readInvitees(plan.id, (c) => back.push(...c.map((p) => p.email)));
    expect(back).toEqual(people(5).map((p) => p.email));
    // One level: nothing more to undo.
    expect(await listBeforeLastImport(plan.id)).toBeUndefined();
    expect(await undoLastListImport(plan.id)).toBe(false);

    // Undoing the first import of all leaves no list; deleting the list deletes the kept copy too.
    await keepListForUndo(plan.id);
    await storeInvitationList(plan.id, people(2), info('replace.csv', { '': 2 }));
    expect(await db.meta.count()).toBe(1);
    await deleteInvitationList(plan.id);
    expect(await db.meta.count()).toBe(0);
    expect(await invitationList(plan.id)).toBeNull();
    db.close();
  });
});
