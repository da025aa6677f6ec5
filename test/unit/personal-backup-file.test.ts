/**
 * Issues 13 and 14: the companion file that carries a plan's personal data
 * beside its backups when the user opts in — its name never passes for a
 * plan backup, its content round-trips the stored chunk texts as they are,
 * anything damaged or foreign is refused, and each plan backup pairs with
 * the newest companion at or before it.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_FILE_NAME_PATTERN, parseBackupFileName } from '../../shared/backups/backup-files';
import {
  companionFor,
  companionsToKeep,
  parsePersonalBackupFileName,
  personalBackupFileName,
  readPersonalBackup,
  writePersonalBackup,
  type PersonalBackupParts,
} from '../../shared/backups/personal-backup';
import { encodeInvitees } from '../../shared/launch/invitation-list';
import {
  decodeCourseRows,
  decodeLearners,
  encodeCourseRows,
  encodeLearners,
} from '../../shared/manage/roster';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { createBlankPlan } from '../../shared/plan/create';

const plan = createBlankPlan('Personal');
const { learners, courseRows } = syntheticRoster(plan, {
  learners: 300,
  seed: 3,
  asOf: '2026-06-30',
});
const invitees = Array.from({ length: 30 }, (_, i) => ({
  firstName: `Ada${i}`,
  lastName: `Lovelace "${i}"`,
  email: `ada${i}@example.org`,
  segmentId: i % 2 ? 'seg' : null,
}));

const parts: PersonalBackupParts = {
  planId: plan.id,
  savedAt: '2026-07-01T10:00:00.000Z',
  roster: {
    summary: {
      count: 300,
      courseRows: courseRows.length,
      fileName: 'lms.csv',
      importedAt: '2026-07-01T09:00:00.000Z',
      date: '2026-06-30',
    },
    learners: [encodeLearners(learners.slice(0, 200)), encodeLearners(learners.slice(200))],
    courseRows: [encodeCourseRows(courseRows)],
  },
  invitationList: {
    summary: {
      count: 30,
      duplicates: 1,
      failed: 2,
      fileName: 'invite.xlsx',
      importedAt: '2026-05-01T09:00:00.000Z',
      bySegment: { '': 15, seg: 15 },
      assignment: { mode: 'segment', waves: { seg: 'w1' } },
    },
    people: [encodeInvitees(invitees)],
  },
  contacts: [[learners[0]!.key, '2026-06-29']],
};

describe('companion file names', () => {
  it('are the backup time with .personal.json, never a plan backup name', () => {
    const time = Date.UTC(2026, 10, 20, 9, 15, 0, 7);
    const name = personalBackupFileName(time);
    expect(name).toBe('2026-11-20T09-15-00-007Z.personal.json');
    expect(parsePersonalBackupFileName(name)).toBe(time);
    expect(BACKUP_FILE_NAME_PATTERN.test(name)).toBe(false);
    expect(parseBackupFileName(name)).toBeNull();
    expect(parsePersonalBackupFileName('2026-11-20T09-15-00-007Z.upskill.json')).toBeNull();
    expect(parsePersonalBackupFileName('2026-13-20T09-15-00-007Z.personal.json')).toBeNull();
  });
});

describe('pairing backups with companions', () => {
  it('gives each backup the newest companion at or before it', () => {
    expect(companionFor(5, [])).toBeNull();
    expect(companionFor(5, [6, 9])).toBeNull();
    expect(companionFor(5, [1, 5, 9])).toBe(5);
    expect(companionFor(8, [9, 1, 5])).toBe(5);
  });

  it('keeps the companions kept backups need, and the newest', () => {
    expect([...companionsToKeep([], [])]).toEqual([]);
    // Backups at 3 and 10 need companions 2 and 8; 1 and 5 serve none; 12 is the newest.
    expect([...companionsToKeep([3, 10], [1, 2, 5, 8, 12])].sort((a, b) => a - b)).toEqual([
      2, 8, 12,
    ]);
  });
});

describe('companion content', () => {
  it('round-trips the stored chunk texts, counts and wave assignment', () => {
    const text = writePersonalBackup(parts);
    expect(text).toContain('ada7@example.org');
    const read = readPersonalBackup(text, plan.id);
    if (!read.ok) throw new Error(read.message);
    const { roster, invitationList, contacts } = read.content;
    expect(roster!.summary).toEqual(parts.roster!.summary);
    expect(roster!.learners.map((c) => c.count)).toEqual([200, 100]);
    expect(roster!.learners.flatMap((c) => decodeLearners(c.text))).toEqual(learners);
    expect(decodeCourseRows(roster!.courseRows[0]!.text)).toEqual(courseRows);
    expect(invitationList!.summary).toEqual(parts.invitationList!.summary);
    expect(invitationList!.people[0]!.text).toBe(encodeInvitees(invitees));
    expect(contacts).toEqual([[learners[0]!.key, '2026-06-29']]);
  });

  it('holds nothing when the plan has no personal data', () => {
    const text = writePersonalBackup({
      planId: plan.id,
      savedAt: 'x',
      roster: null,
      invitationList: null,
    });
    const read = readPersonalBackup(text, plan.id);
    expect(read).toEqual({
      ok: true,
      content: { planId: plan.id, savedAt: 'x', roster: null, invitationList: null, contacts: [] },
    });
  });

  it('refuses damaged, foreign, newer or misshapen files with a message', () => {
    const text = writePersonalBackup(parts);
    const messages = [
      readPersonalBackup(text.slice(0, 200), plan.id),
      readPersonalBackup('{"format":"something else"}', plan.id),
      readPersonalBackup(text, 'another-plan'),
      readPersonalBackup(text.replace('"version":1', '"version":99'), plan.id),
      // A learner tuple one field short.
      readPersonalBackup(
        writePersonalBackup({
          ...parts,
          roster: { ...parts.roster!, learners: ['[["id","e","n"]]'] },
        }),
        plan.id,
      ),
      readPersonalBackup(
        writePersonalBackup({
          ...parts,
          invitationList: { ...parts.invitationList!, people: ['[["a","b",3,null]]'] },
        }),
        plan.id,
      ),
    ].map((r) => (r.ok ? 'accepted' : r.message));
    expect(messages).toEqual([
      'The personal data beside this backup is not readable (damaged file).',
      'The personal data beside this backup is not in a form this app wrote.',
      'The personal data beside this backup belongs to another plan.',
      'The personal data beside this backup was written by a newer version of the app.',
      'The learner roster beside this backup is damaged.',
      'The invitation list beside this backup is damaged.',
    ]);
  });
});
