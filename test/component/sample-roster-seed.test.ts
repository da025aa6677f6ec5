/**
 * Issue 14: the sample plan comes with a synthetic roster in the local
 * database (fake people only), stored whole in one chunk each, its dates
 * moved with the sample's, and the aggregates of it are the snapshots the
 * sample plan keeps.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ROSTER_FILE, seedSampleRoster } from '../../renderer/src/app/sample-roster-seed';
import { openDatabase, WorkbenchDatabase } from '../../renderer/src/db/database';
import { readRoster, rosterSummary, setRosterDatabase } from '../../renderer/src/db/roster';
import { snapshotOf } from '../../shared/manage/roster';
import { readPlanFile } from '../../shared/plan/plan-file';
import { sampleAsOf } from '../../shared/plan/sample';

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
  return db;
}

describe('the sample’s seeded roster', () => {
  it('stores fake learners whose counts are the sample plan’s last snapshot', async () => {
    const db = await open('sample-seed');
    await seedSampleRoster(sample, '2026-11-20');
    const summary = await rosterSummary(sample.id);
    const { learners, courseRows } = await readRoster(sample.id);
    expect(summary).toMatchObject({
      count: 412,
      courseRows: courseRows.length,
      fileName: SAMPLE_ROSTER_FILE,
      date: '2026-11-15',
    });
    // One chunk each (2,000 a chunk), so nothing of it is left behind when a chunk is replaced.
    expect(await db.rosterChunks.count()).toBe(1);
    expect(await db.rosterCourseChunks.count()).toBe(1);
    expect(learners.every((l) => /^Learner \d{5}$/.test(l.name))).toBe(true);
    expect(learners.every((l) => /^learner\d{5}@example\.org$/.test(l.email))).toBe(true);
    const last = sample.manage.progress.at(-1)!;
    expect(snapshotOf(learners, last.date, last.importedAt)).toEqual(last);
    db.close();
  });

  it('moves its dates with the sample’s, months later', async () => {
    const db = await open('sample-seed-later');
    const later = sampleAsOf(sample, '2027-03-02');
    await seedSampleRoster(later, '2027-03-02');
    const { learners } = await readRoster(sample.id);
    expect((await rosterSummary(sample.id))!.date).toBe('2027-02-15');
    expect(learners[0]!.invited).toBe('2026-07-06');
    const last = later.manage.progress.at(-1)!;
    expect(last.date).toBe('2027-02-15');
    expect(snapshotOf(learners, last.date, last.importedAt).total).toEqual(last.total);
    db.close();
  });
});
