/**
 * Issues 13 and 14: learner and invitee personal data is "excluded from
 * backups unless the user opts in". Off (the default) no backup carries any
 * of it; on, a companion beside the backup carries the roster, the
 * invitation list and follow-up contacts — only when they changed — and
 * restoring the backup brings them back, with the user told; turning it off
 * deletes the companions. The choice is kept in the local database (never
 * the plan) and goes when the plan is purged.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupReason } from '../../shared/backups/backup-files';
import { readPersonalBackup } from '../../shared/backups/personal-backup';
import type { BackupInfo } from '../../shared/ipc';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { readPlanFile, writePlanFile } from '../../shared/plan/plan-file';
import { useWorkbench } from '../../renderer/src/app/workbench';
import { openDatabase, WorkbenchDatabase } from '../../renderer/src/db/database';
import {
  markContacted,
  readFollowUpContacts,
  setFollowUpContactsDatabase,
} from '../../renderer/src/db/follow-up-contacts';
import {
  deleteInvitationList,
  invitationList,
  readInvitees,
  setInvitationDatabase,
  setWaveAssignment,
  storeInvitationList,
} from '../../renderer/src/db/invitation-list';
import {
  personalBackupIncluded,
  restorePersonalData,
  setPersonalBackupDatabase,
} from '../../renderer/src/db/personal-backup';
import { PlanRepository } from '../../renderer/src/db/plan-repository';
import {
  deleteRoster,
  readRoster,
  setRosterDatabase,
  setTopLearner,
  storeRoster,
} from '../../renderer/src/db/roster';
import { BackupsDialog } from '../../renderer/src/features/backups/BackupsDialog';
import {
  backupBeforeChange,
  flushAndBackUpOnQuit,
} from '../../renderer/src/features/backups/backup-triggers';
import {
  choosePersonalBackup,
  resetPersonalBackupState,
} from '../../renderer/src/features/backups/personal-backup';
import type { BackupStore } from '../../renderer/src/platform/platform';
import { createPlanStore } from '../../renderer/src/store/plan-store';

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

const { learners, courseRows } = syntheticRoster(sample, {
  learners: 40,
  seed: 7,
  asOf: '2026-06-30',
});
const invitees = Array.from({ length: 12 }, (_, i) => ({
  firstName: `Grace${i}`,
  lastName: `Hopper${i}`,
  email: `grace${i}@invitees.example`,
  segmentId: null,
}));
const emails = [...learners.map((l) => l.email), ...invitees.map((p) => p.email)];

type Written = { text: string; reason: BackupReason | undefined; personal: string | undefined };

/** A backup store in memory that records what it was given, as the desktop's would keep it. */
function recordingBackups() {
  const written: Written[] = [];
  let deleted = 0;
  const backups: BackupStore = {
    write: async (_planId, text, reason, personal) => {
      written.push({ text, reason, personal });
    },
    list: async () => [],
    read: async () => '',
    readPersonal: async () => null,
    deletePersonal: async () => {
      deleted += written.filter((w) => w.personal !== undefined).length;
      for (const w of written) w.personal = undefined;
      return deleted;
    },
  };
  return { backups, written };
}

let database = 0;
async function openDb() {
  const db = new WorkbenchDatabase(`personal-backup-${database++}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  await openDatabase(db);
  setRosterDatabase(db);
  setInvitationDatabase(db);
  setFollowUpContactsDatabase(db);
  setPersonalBackupDatabase(db);
  const repo = new PlanRepository(db);
  await repo.save(sample);
  await storeRoster(sample.id, learners, courseRows, { fileName: 'lms.csv', date: '2026-06-30' });
  await storeInvitationList(sample.id, invitees, {
    fileName: 'invite.csv',
    duplicates: 0,
    failed: 0,
    bySegment: { '': invitees.length },
  });
  await markContacted(sample.id, [learners[0]!.key], '2026-06-29');
  resetPersonalBackupState();
  return { db, repo };
}

const planText = writePlanFile(sample);

beforeEach(() => {
  useWorkbench.setState({ alert: null, notice: null });
});

describe('personal data and backups', () => {
  it('is left out of every backup unless the user opts in', async () => {
    const { db } = await openDb();
    expect(await personalBackupIncluded(sample.id)).toBe(false);
    const { backups, written } = recordingBackups();
    await backupBeforeChange(sample.id, planText, 'before-import', backups);
    await flushAndBackUpOnQuit(
      createPlanStore(sample, { write: async () => 1, describeError: String }),
      backups,
    );
    expect(written.map((w) => w.reason)).toEqual(['before-import', 'quit']);
    for (const w of written) {
      expect(w.personal).toBeUndefined();
      const lower = w.text.toLowerCase();
      for (const email of emails) expect(lower.includes(email.toLowerCase()), email).toBe(false);
    }
    db.close();
  });

  it('opted in: goes beside the backup when it changed, and a restore brings it back', async () => {
    const { db } = await openDb();
    const { backups, written } = recordingBackups();
    await setWaveAssignment(sample.id, { mode: 'segment', waves: { '': 'wave-2' } });
    await choosePersonalBackup(sample.id, true, backups);
    expect(await personalBackupIncluded(sample.id)).toBe(true);

    await backupBeforeChange(sample.id, planText, 'before-import', backups);
    // Nothing changed since: the next backup pairs with the same companion.
    await backupBeforeChange(sample.id, planText, 'before-restore', backups);
    // A top learner marked: the next one carries the change.
    await setTopLearner(sample.id, learners[3]!.key, true);
    await backupBeforeChange(sample.id, planText, 'before-import', backups);
    expect(written.map((w) => w.personal !== undefined)).toEqual([true, false, true]);
    // The plan backups themselves stay clean: a plan file taken from them holds nobody.
    for (const w of written)
      for (const email of emails) expect(w.text.includes(email), email).toBe(false);
    const companion = written[2]!.personal!;
    for (const email of emails) expect(companion.includes(email), email).toBe(true);

    // Gone from this computer, then restored from the companion.
    await deleteRoster(sample.id);
    await deleteInvitationList(sample.id);
    const read = readPersonalBackup(companion, sample.id);
    if (!read.ok) throw new Error(read.message);
    expect(await restorePersonalData(sample.id, read.content)).toEqual({
      learners: 40,
      invitees: 12,
      contacts: 1,
    });
    const roster = await readRoster(sample.id);
    expect(roster.learners.map((l) => l.email)).toEqual(learners.map((l) => l.email));
    expect(roster.learners[3]!.topLearner).toBe(true);
    expect(roster.courseRows).toEqual(courseRows);
    const people: string[] = [];
    await readInvitees(sample.id, (chunk) => people.push(...chunk.map((p) => p.email)));
    expect(people).toEqual(invitees.map((p) => p.email));
    expect((await invitationList(sample.id))!.assignment).toEqual({
      mode: 'segment',
      waves: { '': 'wave-2' },
    });
    expect([...(await readFollowUpContacts(sample.id))]).toEqual([
      [learners[0]!.key, '2026-06-29'],
    ]);

    // Opting out deletes the companions and stops new ones.
    expect(await choosePersonalBackup(sample.id, false, backups)).toBe(2);
    expect(written.every((w) => w.personal === undefined)).toBe(true);
    await setTopLearner(sample.id, learners[4]!.key, true);
    await backupBeforeChange(sample.id, planText, 'before-import', backups);
    expect(written.at(-1)!.personal).toBeUndefined();
    db.close();
  });

  it('goes, with the choice and the contacts, when the plan is purged', async () => {
    const { db, repo } = await openDb();
    await choosePersonalBackup(sample.id, true, recordingBackups().backups);
    expect(await db.meta.count()).toBe(2);
    await repo.softDelete(sample.id);
    await repo.purge(sample.id);
    expect(await db.meta.count()).toBe(0);
    db.close();
  });

  it('comes back when a backup that has it is restored, and the user is told', async () => {
    const { db } = await openDb();
    const { backups: recorder, written } = recordingBackups();
    await choosePersonalBackup(sample.id, true, recorder);
    await backupBeforeChange(sample.id, planText, 'before-import', recorder);
    const companion = written[0]!.personal!;
    await deleteRoster(sample.id);
    await deleteInvitationList(sample.id);

    const file = '2026-11-20T09-00-00-000Z.upskill.json';
    const info: BackupInfo = {
      file,
      savedAt: '2026-11-20T09:00:00.000Z',
      reason: 'rolling',
      bytes: planText.length,
      personal: true,
    };
    const safety: Written[] = [];
    const backups: BackupStore = {
      write: async (_id, text, reason, personal) => {
        safety.push({ text, reason, personal });
      },
      list: async () => [info],
      read: async () => planText,
      readPersonal: async (_id, name) => (name === file ? companion : null),
      deletePersonal: async () => 0,
    };
    const store = createPlanStore(sample, { write: async () => 1, describeError: String });
    let closed = false;
    render(<BackupsDialog backups={backups} store={store} onClose={() => (closed = true)} />);
    expect(await screen.findByText(/with personal data/)).toBeTruthy();
    // The choice is read from the local DB on its own: it may land after the backup list.
    await waitFor(() =>
      expect(
        (
          screen.getByRole('checkbox', {
            name: 'Include learner and invitee personal data in this computer’s backups',
          }) as HTMLInputElement
        ).checked,
      ).toBe(true),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(safety.map((s) => s.reason)).toEqual(['before-restore']);
    expect((await readRoster(sample.id)).learners).toHaveLength(40);
    expect((await invitationList(sample.id))!.count).toBe(12);
    expect(useWorkbench.getState().notice?.message).toMatch(
      /learner roster \(40 learners\) and the invitation list \(12 people\) on this computer were replaced/,
    );
    db.close();
  });
});
