/**
 * The open plan and personal data (issue 14): the roster read into memory
 * for the plan's sections is dropped when the plan closes, and — when the
 * user included personal data in backups — a change to it alone (a top
 * learner marked) is followed by a rolling backup that carries it.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { readPlanFile } from '../../shared/plan/plan-file';
import { closePlanSession, openPlanSession, startOpenPlan } from '../../renderer/src/app/open-plan';
import { openDatabase, WorkbenchDatabase } from '../../renderer/src/db/database';
import { setFollowUpContactsDatabase } from '../../renderer/src/db/follow-up-contacts';
import { setInvitationDatabase } from '../../renderer/src/db/invitation-list';
import { setPersonalBackupDatabase } from '../../renderer/src/db/personal-backup';
import { PlanRepository } from '../../renderer/src/db/plan-repository';
import { setRosterDatabase, setTopLearner, storeRoster } from '../../renderer/src/db/roster';
import { choosePersonalBackup } from '../../renderer/src/features/backups/personal-backup';
import { rosterInMemory, rosterState } from '../../renderer/src/features/manage-roster/use-roster';
import type { BackupStore, Platform } from '../../renderer/src/platform/platform';

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

describe('the open plan and its personal data', () => {
  it('forgets the roster in memory on close, and backs up a change to personal data alone', async () => {
    const db = new WorkbenchDatabase('open-plan-personal', {
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    await openDatabase(db);
    setRosterDatabase(db);
    setInvitationDatabase(db);
    setFollowUpContactsDatabase(db);
    setPersonalBackupDatabase(db);
    const repository = new PlanRepository(db);
    await repository.save(sample);
    const { learners } = syntheticRoster(sample, { learners: 30, seed: 4, asOf: '2026-06-30' });
    await storeRoster(sample.id, learners, [], { fileName: 'lms.csv' });

    const written: { reason: string | undefined; personal: string | undefined }[] = [];
    const backups: BackupStore = {
      write: async (_id, _text, reason, personal) => {
        written.push({ reason, personal });
      },
      list: async () => [],
      read: async () => '',
      readPersonal: async () => null,
      deletePersonal: async () => 0,
    };
    const platform = { kind: 'desktop', backups } as unknown as Platform;
    startOpenPlan({
      repository,
      platform,
      notify: () => undefined,
      showAlert: () => undefined,
      onClosedElsewhere: () => undefined,
      onLibraryChanged: () => undefined,
    });
    const store = await openPlanSession(sample.id);
    expect(store).not.toBeNull();

    // Included in backups: the next rolling backup carries the roster, with no edit of the plan.
    await choosePersonalBackup(sample.id, true, backups);
    await expect.poll(() => written.length).toBe(1);
    expect(written[0]!.personal).toContain(learners[0]!.email);

    rosterState(sample.id);
    expect(rosterInMemory()).toBe(sample.id);
    // A top learner marked within the minute: backed up as the plan closes, not lost.
    await setTopLearner(sample.id, learners[1]!.key, true);
    await closePlanSession();
    expect(rosterInMemory()).toBeNull();
    await expect.poll(() => written.length).toBe(2);
    expect(written[1]!.personal).toContain(learners[1]!.email);
    db.close();
  });
});
