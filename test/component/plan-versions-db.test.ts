/**
 * Issue 14: a kept version of a plan ("Start next cohort") is stored whole in
 * the local database, read back as it was, kept when the step that lists it
 * is undone (so Redo finds it), and deleted with its plan.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, WorkbenchDatabase } from '../../renderer/src/db/database';
import { PlanRepository } from '../../renderer/src/db/plan-repository';
import {
  keepPlanVersion,
  readPlanVersion,
  setPlanVersionDatabase,
} from '../../renderer/src/db/plan-versions';
import { runCommand } from '../../shared/commands/command';
import { startNextCohort } from '../../shared/commands/reviews';
import { commit, createHistory, redo, undo } from '../../shared/history';
import { readPlanFile } from '../../shared/plan/plan-file';

const sample = (() => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

describe('kept plan versions', () => {
  it('are stored whole, survive an undo of the step that lists them, and go with their plan', async () => {
    const db = new WorkbenchDatabase('versions-test', { indexedDB: new IDBFactory(), IDBKeyRange });
    await openDatabase(db);
    setPlanVersionDatabase(db);
    const repo = new PlanRepository(db);
    await repo.save(sample);

    const keptAt = '2027-09-16T09:00:00.000Z';
    await keepPlanVersion('v1', 'Version 1', keptAt, sample);
    const outcome = runCommand(
      sample,
      startNextCohort({
        versionId: 'v1',
        keptName: 'Version 1',
        keptAt,
        keptCohortId: null,
        nextVersionName: 'Version 2',
        nextCohort: null,
      }),
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    const history = commit(createHistory(sample), outcome.plan, { name: outcome.label }, 0);

    const row = await readPlanVersion('v1');
    expect(row).toMatchObject({ id: 'v1', planId: sample.id, name: 'Version 1', keptAt });
    expect(row!.plan).toEqual(sample);

    // Undo drops it from the list; the stored copy stays, so Redo finds it again.
    const undone = undo(history);
    expect(undone.present.manage.iteration.previousVersions).toEqual([]);
    expect(await readPlanVersion('v1')).not.toBeNull();
    const redone = redo(undone);
    expect(redone.present.manage.iteration.previousVersions.map((v) => v.id)).toEqual(['v1']);

    expect(await readPlanVersion('unknown')).toBeNull();
    await repo.softDelete(sample.id);
    expect(await db.planVersions.count()).toBe(1);
    await repo.purge(sample.id);
    expect(await db.planVersions.count()).toBe(0);
    db.close();
  });
});
