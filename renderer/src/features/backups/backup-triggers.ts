/**
 * The backups taken at particular moments, beside the once-a-minute rolling
 * copy: on quit (the window is closing) and just before something replaces or
 * changes the plan wholesale (a restore, an import). Kept here so the callers
 * (the close flow, the restore dialog, the importers) each need one line.
 */
import type { BackupReason } from '../../../../shared/backups/backup-files';
import { writePlanFile } from '../../../../shared/plan/plan-file';
import { detectPlatform, type BackupStore } from '../../platform/platform';
import type { PlanStore } from '../../store/plan-store';
import { writeBackupWithPersonalData } from './personal-backup';

/** What became of a backup taken before a change. */
export type BackupOutcome =
  | { kind: 'written' }
  /** The browser version keeps no backups on disk. */
  | { kind: 'unavailable' }
  | { kind: 'failed'; message: string };

/**
 * Writes a backup of a plan just before it is restored over or imported into,
 * so that state can be brought back after a quit. `planText` is the plan file
 * text (`writePlanFile(plan)`). The plan's personal data goes beside it when
 * the user opted in (personal-backup.ts). Never throws: on `failed`, say so
 * and do not make the change, since the user was promised a copy.
 */
export async function backupBeforeChange(
  planId: string,
  planText: string,
  reason: Extract<BackupReason, 'before-restore' | 'before-import'>,
  backups: BackupStore | null = detectPlatform().backups,
): Promise<BackupOutcome> {
  if (!backups) return { kind: 'unavailable' };
  try {
    await writeBackupWithPersonalData(backups, planId, planText, reason);
    return { kind: 'written' };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Flushes the open plan's pending edits and writes its `quit` backup, side
 * by side (the window waits for both, for at most a few seconds). Never
 * throws: the window closes whatever happens.
 */
export async function flushAndBackUpOnQuit(
  store: PlanStore | null | undefined,
  backups: BackupStore | null,
): Promise<void> {
  if (!store) return;
  const state = store.getState();
  const plan = state.history.present;
  const results = await Promise.allSettled([
    state.flush(),
    // Serialised here, not after the flush: the in-memory plan is the newest state.
    backups
      ? writeBackupWithPersonalData(backups, plan.id, writePlanFile(plan), 'quit')
      : Promise.resolve(),
  ]);
  for (const result of results) {
    if (result.status === 'rejected') console.error('Closing: a save failed', result.reason);
  }
}
