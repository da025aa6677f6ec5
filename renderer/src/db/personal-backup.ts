/**
 * The per-plan choice to include personal data — the learner roster, the
 * invitation list and follow-up contacts — in this computer's backups
 * (issues 13 and 14; off by default), kept in the local database's `meta`
 * table, never in the plan file: it is about this computer's disk, not the
 * plan. Also reads that personal data as one companion's parts and stores a
 * companion's content back (a backup restored).
 */
import type {
  PersonalBackupContent,
  PersonalBackupParts,
} from '../../../shared/backups/personal-backup';
import type { WorkbenchDatabase } from './database';
import { readFollowUpContacts, replaceFollowUpContacts } from './follow-up-contacts';
import { invitationList, readInviteeTexts, storeInvitationChunks } from './invitation-list';
import { readRosterTexts, rosterSummary, storeRosterChunks } from './roster';

let database: WorkbenchDatabase | null = null;

/** The database the setting lives in (set when the app starts). */
export function setPersonalBackupDatabase(db: WorkbenchDatabase): void {
  database = db;
}

function db(): WorkbenchDatabase {
  if (!database) throw new Error('The local database is not open.');
  return database;
}

/** The meta key of a plan's choice. */
export function personalBackupKey(planId: string): string {
  return `personal-backup:${planId}`;
}

/** Whether the plan's personal data goes into this computer's backups (off unless chosen). */
export async function personalBackupIncluded(planId: string): Promise<boolean> {
  // No local database yet (or in a test without one): there is no personal data to include.
  if (!database) return false;
  const value = (await db().meta.get(personalBackupKey(planId)))?.value;
  return typeof value === 'object' && value !== null && (value as { on?: unknown }).on === true;
}

/** Records the choice (with when it was made). */
export async function setPersonalBackupIncluded(planId: string, on: boolean): Promise<void> {
  if (on)
    await db().meta.put({
      key: personalBackupKey(planId),
      value: { on: true, since: new Date().toISOString() },
    });
  else await db().meta.delete(personalBackupKey(planId));
}

/** The plan's personal data as it is stored now, as the parts of one companion. */
export async function readPersonalParts(
  planId: string,
  savedAt = new Date().toISOString(),
): Promise<PersonalBackupParts> {
  const [roster, list, contacts] = await Promise.all([
    rosterSummary(planId),
    invitationList(planId),
    readFollowUpContacts(planId),
  ]);
  const rosterTexts = roster ? await readRosterTexts(planId) : null;
  const people = list ? await readInviteeTexts(planId) : null;
  return {
    planId,
    savedAt,
    roster:
      roster && rosterTexts
        ? {
            summary: {
              count: roster.count,
              courseRows: roster.courseRows,
              fileName: roster.fileName,
              importedAt: roster.importedAt,
              ...(roster.date ? { date: roster.date } : {}),
            },
            learners: rosterTexts.learners,
            courseRows: rosterTexts.courseRows,
          }
        : null,
    invitationList:
      list && people
        ? {
            summary: {
              count: list.count,
              duplicates: list.duplicates,
              failed: list.failed,
              fileName: list.fileName,
              importedAt: list.importedAt,
              bySegment: list.bySegment,
              assignment: list.assignment,
            },
            people,
          }
        : null,
    contacts: [...contacts],
  };
}

/** What a restore brought back, in counts (for the message to the user). */
export interface RestoredPersonalData {
  readonly learners: number | null;
  readonly invitees: number | null;
  readonly contacts: number;
}

/**
 * Stores a companion's personal data for the plan: the roster and the
 * invitation list it holds replace the ones on this computer; one it does
 * not hold is left as it is (restoring never deletes a list the backup
 * lacks). Follow-up contacts come back with a roster.
 */
export async function restorePersonalData(
  planId: string,
  content: PersonalBackupContent,
): Promise<RestoredPersonalData> {
  if (content.roster) {
    const { summary, learners, courseRows } = content.roster;
    await storeRosterChunks(planId, learners, courseRows, {
      fileName: summary.fileName,
      importedAt: summary.importedAt,
      ...(summary.date ? { date: summary.date } : {}),
    });
    await replaceFollowUpContacts(planId, content.contacts);
  }
  if (content.invitationList) {
    const { summary, people } = content.invitationList;
    await storeInvitationChunks(
      planId,
      people.map((c) => ({ people: c.text, count: c.count })),
      summary,
    );
  }
  return {
    learners: content.roster ? content.roster.learners.reduce((s, c) => s + c.count, 0) : null,
    invitees: content.invitationList
      ? content.invitationList.people.reduce((s, c) => s + c.count, 0)
      : null,
    contacts: content.roster ? content.contacts.length : 0,
  };
}
