/**
 * Personal data in this computer's backups, when the user opts in per plan
 * (issues 13 and 14). Off by default: backups are plan files and hold
 * counts only. On: the learner roster, the invitation list and follow-up
 * contacts go into a companion file beside the plan backup (never inside
 * it), written only when they changed since the last companion this window
 * wrote (shared/backups/personal-backup.ts says how backups and companions
 * pair). Turning it off deletes the companions already written.
 *
 * The browser version keeps no backups at all, so there is nothing to opt
 * into there.
 */
import { writePersonalBackup } from '../../../../shared/backups/personal-backup';
import { onFollowUpContactsChange } from '../../db/follow-up-contacts';
import { onInvitationListChange } from '../../db/invitation-list';
import {
  personalBackupIncluded,
  readPersonalParts,
  setPersonalBackupIncluded,
} from '../../db/personal-backup';
import { onRosterChange } from '../../db/roster';
import type { BackupStore } from '../../platform/platform';

/** Changes to a plan's personal data, counted (a companion is due when the count moved). */
const revisions = new Map<string, number>();
/** The revision of each plan's personal data the last companion written here holds. */
const written = new Map<string, number>();
const listeners = new Set<(planId: string) => void>();

function bump(planId: string): void {
  revisions.set(planId, (revisions.get(planId) ?? 0) + 1);
  for (const l of listeners) l(planId);
}

onRosterChange((planId) => bump(planId));
onInvitationListChange((planId) => bump(planId));
onFollowUpContactsChange((planId) => bump(planId));

/**
 * Hears each change that a plan's backups should carry: its personal data
 * changed, or the choice was turned on. Returns the unsubscribe.
 */
export function onPersonalBackupDue(listener: (planId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const choiceListeners = new Set<(planId: string, on: boolean) => void>();

/** Hears the choice being turned on or off (every place that shows it follows). */
export function onPersonalBackupChoice(
  listener: (planId: string, on: boolean) => void,
): () => void {
  choiceListeners.add(listener);
  return () => choiceListeners.delete(listener);
}

/**
 * The companion to write with the next backup of a plan — its text and the
 * revision it holds — or undefined when the user did not opt in or nothing
 * changed since the last one. Never throws: a backup without its companion
 * is better than none (the next one tries again).
 */
export async function personalCompanionDue(
  planId: string,
): Promise<{ text: string; revision: number } | undefined> {
  try {
    if (!(await personalBackupIncluded(planId))) return undefined;
    const revision = revisions.get(planId) ?? 0;
    if (written.get(planId) === revision) return undefined;
    return { text: writePersonalBackup(await readPersonalParts(planId)), revision };
  } catch (error) {
    console.error('The personal data could not be read for a backup', error);
    return undefined;
  }
}

/**
 * Writes a backup of a plan (its file text), with the personal data's
 * companion when one is due. Throws what the backup store throws.
 */
export async function writeBackupWithPersonalData(
  backups: BackupStore,
  planId: string,
  planText: string,
  reason?: Parameters<BackupStore['write']>[2],
): Promise<void> {
  const companion = await personalCompanionDue(planId);
  await backups.write(planId, planText, reason, companion?.text);
  if (companion) written.set(planId, companion.revision);
}

/**
 * Turns the choice on or off for a plan. On: the next backup carries the
 * personal data (listeners are told, so one is written soon). Off: every
 * companion of the plan is deleted from the backups; returns how many files
 * went. Throws if they could not be deleted (the choice is off all the same:
 * no new one is written).
 */
export async function choosePersonalBackup(
  planId: string,
  on: boolean,
  backups: BackupStore,
): Promise<number> {
  await setPersonalBackupIncluded(planId, on);
  written.delete(planId);
  for (const l of choiceListeners) l(planId, on);
  if (on) {
    bump(planId);
    return 0;
  }
  return backups.deletePersonal(planId);
}

/** Forgets what was written (tests, or a database opened anew). */
export function resetPersonalBackupState(): void {
  revisions.clear();
  written.clear();
}
