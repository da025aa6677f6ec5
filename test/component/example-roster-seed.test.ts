/**
 * Issue 15: an example added from the gallery comes with its synthetic roster
 * (fake people only), stored under the copy's own id, its dates moved with the
 * plan's, and its counts are the plan's last progress snapshot.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedExampleRoster } from '../../renderer/src/app/sample-roster-seed';
import { openDatabase, WorkbenchDatabase } from '../../renderer/src/db/database';
import { readRoster, rosterSummary, setRosterDatabase } from '../../renderer/src/db/roster';
import { snapshotOf } from '../../shared/manage/roster';
import { copyPlan } from '../../shared/plan/create';
import { examplePlan } from '../../shared/plan/examples';
import { readPlanFile } from '../../shared/plan/plan-file';
import { sampleAsOf } from '../../shared/plan/sample';

function load(id: string) {
  const example = examplePlan(id)!;
  const text = readFileSync(
    join(import.meta.dirname, '..', '..', 'resources', 'sample-plans', example.file),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return { example, plan: result.plan };
}

describe('an example’s seeded roster', () => {
  it.each([
    ['calder-fresh-start', '2026-11-20', '2026-11-14'],
    ['nafitha-rural-women-ar', '2027-02-25', '2027-02-15'],
  ])(
    '%s, added on %s, is stored under the copy with its dates moved',
    async (id, today, rosterDay) => {
      const db = new WorkbenchDatabase(`example-seed-${id}`, {
        indexedDB: new IDBFactory(),
        IDBKeyRange,
      });
      await openDatabase(db);
      setRosterDatabase(db);
      const { example, plan } = load(id);
      const copy = copyPlan(sampleAsOf(plan, today), 'A copy');
      await seedExampleRoster(copy, example.roster.story, example.roster.fileName, today);
      const summary = await rosterSummary(copy.id);
      expect(summary).toMatchObject({ fileName: example.roster.fileName, date: rosterDay });
      expect(await rosterSummary(plan.id)).toBeFalsy();
      const { learners } = await readRoster(copy.id);
      const name = new RegExp(`^${example.roster.story.person.name} \\d{5}$`);
      expect(learners.every((l) => name.test(l.name) && l.email.endsWith('@example.org'))).toBe(
        true,
      );
      const last = copy.manage.progress.at(-1)!;
      expect(last.date).toBe(rosterDay);
      expect(snapshotOf(learners, last.date, last.importedAt).total).toEqual(last.total);
      db.close();
    },
  );
});
