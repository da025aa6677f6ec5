/**
 * Issue 14: the learner roster lives in the local database only — stored in
 * chunks, read back in order, a top learner marked in place, one cohort or
 * the whole roster deleted in one step, purged with its plan, never in the
 * plan's records or a backup; and the open plan's copy in memory
 * (useRoster) follows every change.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, WorkbenchDatabase } from '../../renderer/src/db/database';
import { PlanRepository } from '../../renderer/src/db/plan-repository';
import {
  deleteCohortLearners,
  deleteRoster,
  onRosterChange,
  readRoster,
  readRosterTexts,
  rosterSummary,
  setRosterDatabase,
  setTopLearner,
  storeRoster,
} from '../../renderer/src/db/roster';
import { forgetRoster, useRoster } from '../../renderer/src/features/manage-roster/use-roster';
import { backupBeforeChange } from '../../renderer/src/features/backups/backup-triggers';
import { decodeLearners } from '../../shared/manage/roster';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { readPlanFile, writePlanFile } from '../../shared/plan/plan-file';

const sample = (() => {
  const text = readFileSync(
    join(
      import.meta.dirname,
      '..',
      '..',
      'resources',
      'sample-plans',
      'youth-digital-skills.upskill.json',
    ),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

async function open(name: string) {
  const db = new WorkbenchDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await openDatabase(db);
  setRosterDatabase(db);
  const repo = new PlanRepository(db);
  await repo.save(sample);
  return { db, repo };
}

describe('roster storage', () => {
  it('stores in chunks, reads in order, marks a top learner, deletes a cohort and all, and goes with its plan', async () => {
    const { db, repo } = await open('roster-test');
    const cohorts = [
      { id: 'c1', name: 'Spring', start: '2026-01-01', end: null, notes: '' },
      { id: 'c2', name: 'Autumn', start: '2026-04-01', end: null, notes: '' },
    ];
    const plan = { ...sample, manage: { ...sample.manage, cohorts } };
    const { learners, courseRows } = syntheticRoster(plan, {
      learners: 5000,
      seed: 2,
      asOf: '2026-06-30',
    });
    const changes: string[] = [];
    const stop = onRosterChange((id, change) => changes.push(`${id === plan.id} ${change.kind}`));
    const stored = await storeRoster(plan.id, learners, courseRows, {
      fileName: 'export.csv',
      date: '2026-06-30',
    });
    expect(stored).toMatchObject({
      count: 5000,
      courseRows: courseRows.length,
      fileName: 'export.csv',
      date: '2026-06-30',
    });
    expect(await db.rosterChunks.count()).toBe(3);
    const read = await readRoster(plan.id);
    expect(read.learners).toEqual(learners);
    expect(read.courseRows).toEqual(courseRows);
    const texts = await readRosterTexts(plan.id);
    expect(texts.learners.flatMap((t) => decodeLearners(t))).toEqual(learners);

    // Top learner: only that learner changes.
    const target = learners[4321]!;
    expect(await setTopLearner(plan.id, target.key, true)).toBe(true);
    expect(await setTopLearner(plan.id, 'id:nobody', true)).toBe(false);
    const marked = (await readRoster(plan.id)).learners;
    expect(marked.filter((l) => l.topLearner).map((l) => l.key)).toEqual([target.key]);

    // The plan's records hold none of it.
    const records = JSON.stringify(await db.records.toArray());
    expect(records).not.toContain(learners[0]!.email);
    expect(records).not.toContain(learners[0]!.name);

    // Deleting one cohort keeps the others and their course rows.
    const inC1 = learners.filter((l) => l.cohortId === 'c1');
    expect(inC1.length).toBeGreaterThan(0);
    expect(await deleteCohortLearners(plan.id, 'c1')).toBe(inC1.length);
    const left = await readRoster(plan.id);
    expect(left.learners).toHaveLength(5000 - inC1.length);
    expect(left.learners.some((l) => l.cohortId === 'c1')).toBe(false);
    const gone = new Set(inC1.map((l) => l.key));
    expect(left.courseRows.some((r) => gone.has(r.learnerKey))).toBe(false);
    expect(left.courseRows.length).toBe(courseRows.filter((r) => !gone.has(r.learnerKey)).length);
    expect((await rosterSummary(plan.id))!.count).toBe(5000 - inC1.length);

    await deleteRoster(plan.id);
    expect(await rosterSummary(plan.id)).toBeNull();
    expect(await db.rosterChunks.count()).toBe(0);
    expect(await db.rosterCourseChunks.count()).toBe(0);
    expect(changes).toEqual(['true replaced', 'true top', 'true replaced', 'true replaced']);
    stop();

    await storeRoster(plan.id, learners.slice(0, 10), [], { fileName: 'x.csv' });
    await repo.softDelete(plan.id);
    expect(await db.rosterChunks.count()).toBe(1);
    await repo.purge(plan.id);
    expect(await db.rosterChunks.count()).toBe(0);
    expect(await rosterSummary(plan.id)).toBeNull();
    db.close();
  });

  it('is never in a backup unless included (backups are plan files)', async () => {
    const { db } = await open('roster-backup');
    const { learners } = syntheticRoster(sample, { learners: 20, seed: 1, asOf: '2026-06-30' });
    await storeRoster(sample.id, learners, [], { fileName: 'export.csv' });
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
    await backupBeforeChange(sample.id, writePlanFile(sample), 'before-import', store);
    expect(written).toHaveLength(1);
    for (const l of learners) {
      expect(written[0]).not.toContain(l.email);
      expect(written[0]).not.toContain(l.name);
    }
    db.close();
  });
});

describe('useRoster', () => {
  it('reads once per plan, shares the copy, marks a learner in place and reads again after an import', async () => {
    const { db } = await open('roster-hook');
    forgetRoster();
    const { learners } = syntheticRoster(sample, { learners: 3000, seed: 5, asOf: '2026-06-30' });
    await storeRoster(sample.id, learners, [], { fileName: 'a.csv' });
    const first = renderHook(() => useRoster(sample.id));
    expect(first.result.current.status).toBe('loading');
    await waitFor(() => expect(first.result.current.status).toBe('ready'));
    expect(first.result.current.learners).toHaveLength(3000);
    expect(first.result.current.summary).toMatchObject({ count: 3000, fileName: 'a.csv' });
    // A second section gets the very same copy.
    const second = renderHook(() => useRoster(sample.id));
    expect(second.result.current.learners).toBe(first.result.current.learners);

    const untouched = first.result.current.learners[11];
    await act(() => setTopLearner(sample.id, learners[10]!.key, true));
    expect(first.result.current.learners[10]!.topLearner).toBe(true);
    // Marked in place: no read again, the other learners are the same objects.
    expect(first.result.current.learners[11]).toBe(untouched);

    await act(async () => {
      await storeRoster(sample.id, learners.slice(0, 100), [], { fileName: 'b.csv' });
    });
    await waitFor(() => expect(second.result.current.learners).toHaveLength(100));
    expect(second.result.current.summary!.fileName).toBe('b.csv');

    await act(() => deleteRoster(sample.id));
    await waitFor(() => expect(first.result.current.summary).toBeNull());
    expect(first.result.current.learners).toHaveLength(0);
    first.unmount();
    second.unmount();
    forgetRoster();
    db.close();
  });
});
