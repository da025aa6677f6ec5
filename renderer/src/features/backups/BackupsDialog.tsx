/**
 * "Restore from backup": the open plan's on-disk backups grouped by day
 * (Today, Yesterday, then dates), each with its time, why it was taken and its
 * size. Restoring first backs up the plan as it is, then replaces it as one
 * undoable step. Where the user included personal data in backups (the
 * choice is here too), a backup that has it brings back the learner roster
 * and invitation list as well — local data, outside the plan's undo; the
 * "Before restore" backup keeps the ones replaced.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { BackupReason } from '../../../../shared/backups/backup-files';
import { restoreBackup } from '../../../../shared/commands/restore-backup';
import type { BackupInfo } from '../../../../shared/ipc';
import { readPersonalBackup } from '../../../../shared/backups/personal-backup';
import { readPlanFile, writePlanFile } from '../../../../shared/plan/plan-file';
import { countOf } from '../../../../shared/words';
import { restorePersonalData, type RestoredPersonalData } from '../../db/personal-backup';
import { Dialog } from '../../components/Dialog';
import type { BackupStore } from '../../platform/platform';
import type { PlanStore } from '../../store/plan-store';
import { notify, showAlert } from '../../app/workbench';
import { backupBeforeChange } from './backup-triggers';
import { PersonalBackupChoice } from './PersonalBackupChoice';
import { onPersonalBackupChoice } from './personal-backup';

/** What the notice says about the personal data a restore brought back. */
export function restoredPersonalSentence(restored: RestoredPersonalData): string {
  const parts = [
    restored.learners !== null
      ? `the learner roster (${countOf(restored.learners, 'learner', 'learners')})`
      : '',
    restored.invitees !== null
      ? `the invitation list (${countOf(restored.invitees, 'person', 'people')})`
      : '',
  ].filter(Boolean);
  if (!parts.length) return '';
  return ` Its personal data came back too: ${parts.join(' and ')} on this computer${
    restored.learners !== null && restored.invitees !== null ? ' were' : ' was'
  } replaced by the backup’s. Undo does not bring back the ones you had; the “Before restore” backup keeps them if they were included.`;
}

/** How each reason reads in the list. */
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  rolling: 'While working',
  quit: 'On quit',
  'before-restore': 'Before restore',
  'before-import': 'Before import',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });
const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The user's calendar day of a moment, as a sortable key. */
function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** "Today", "Yesterday" or the full date, in the user's time zone. */
export function dayLabel(date: Date, now: Date): string {
  if (dayKey(date) === dayKey(now)) return 'Today';
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return 'Yesterday';
  return dateFormat.format(date);
}

/** A file size for people: "12 KB", "4.4 MB". */
export function formatBackupSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

type DayGroup = { key: string; label: string; backups: BackupInfo[] };

/** Backups newest first, in groups by the user's calendar day. */
export function groupBackupsByDay(backups: readonly BackupInfo[], now: Date): DayGroup[] {
  const sorted = [...backups].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const groups: DayGroup[] = [];
  for (const backup of sorted) {
    const date = new Date(backup.savedAt);
    const key = dayKey(date);
    const last = groups.at(-1);
    if (last?.key === key) last.backups.push(backup);
    else groups.push({ key, label: dayLabel(date, now), backups: [backup] });
  }
  return groups;
}

/** Moves focus between the Restore buttons with the arrow keys, Home and End. */
function moveBetweenButtons(event: KeyboardEvent<HTMLElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key) || !(event.target instanceof HTMLElement)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button[data-backup]')];
  const index = buttons.indexOf(event.target);
  if (index < 0) return;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  buttons[next]?.focus();
}

/** The "Restore from backup" dialog. */
export function BackupsDialog(props: {
  backups: BackupStore;
  store: PlanStore;
  onClose: () => void;
  /** The moment "Today" is judged from (tests). */
  now?: Date;
}) {
  const { backups, store, onClose } = props;
  const planId = store.getState().history.present.id;
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const idPrefix = useId();
  const now = props.now ?? new Date();

  useEffect(() => {
    const load = () => backups.list(planId).then(setList, (e: unknown) => setError(String(e)));
    void load();
    // Turning the personal data off deletes it from backups: list them again.
    return onPersonalBackupChoice((id, on) => {
      if (id === planId && !on) void load();
    });
  }, [backups, planId]);

  const restore = async (backup: BackupInfo) => {
    setRestoring(true);
    try {
      const result = readPlanFile(await backups.read(planId, backup.file));
      if (!result.ok) {
        showAlert('This backup cannot be restored', result.message, result.details);
        return;
      }
      // A copy of the plan as it is now, so the restore can be undone even after a quit.
      const current = store.getState().history.present;
      const safety = await backupBeforeChange(
        planId,
        writePlanFile(current),
        'before-restore',
        backups,
      );
      if (safety.kind === 'failed') {
        showAlert(
          'The backup was not restored',
          `A copy of the plan as it is now could not be saved first, so nothing was changed. ${safety.message}`,
        );
        return;
      }
      // The personal data beside it is read and checked before anything changes.
      const personalText = backup.personal ? await backups.readPersonal(planId, backup.file) : null;
      const personal = personalText === null ? null : readPersonalBackup(personalText, planId);
      if (personal && !personal.ok) {
        showAlert('This backup cannot be restored', personal.message);
        return;
      }
      const when = whenFormat.format(new Date(backup.savedAt));
      const applied = store.getState().dispatch(restoreBackup({ plan: result.plan, when }));
      if (!applied.ok) {
        showAlert('The backup was not restored', applied.reason);
        return;
      }
      let restoredSentence = '';
      if (personal?.ok) {
        try {
          restoredSentence = restoredPersonalSentence(
            await restorePersonalData(planId, personal.content),
          );
        } catch (e) {
          showAlert(
            'The personal data was not restored',
            `The plan was restored from the backup of ${when}, but its learner roster and invitation list could not be stored on this computer: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      }
      notify(`Restored the backup from ${when}. Undo brings back what you had.${restoredSentence}`);
      onClose();
    } catch (e) {
      showAlert('This backup cannot be restored', String(e));
    } finally {
      setRestoring(false);
    }
  };

  const groups = list ? groupBackupsByDay(list, now) : [];

  return (
    <Dialog
      title="Restore from backup"
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <p>
        Upskill Workbench keeps copies of each plan on disk while you work: every minute&rsquo;s
        copy for the last hour, one an hour for two days and one a day for a month, plus the copies
        taken when you quit and before a restore or import. Restoring replaces the plan with the
        copy; you can undo it. Backups hold the plan only, unless you include this plan&rsquo;s
        learner and invitee personal data (below the list); the ones marked &ldquo;with personal
        data&rdquo; then bring back the learner roster and invitation list too.
      </p>
      {error && <p role="alert">The backups could not be listed: {error}</p>}
      {list === null && !error && <p>Looking for backups…</p>}
      {list?.length === 0 && <p>There are no backups of this plan yet.</p>}
      {groups.length > 0 && (
        <div
          className="backup-groups"
          style={{ maxHeight: '50vh', overflowY: 'auto' }}
          onKeyDown={moveBetweenButtons}
        >
          {groups.map((group, groupIndex) => {
            const headingId = `${idPrefix}-day-${groupIndex}`;
            return (
              <div key={group.key} role="group" aria-labelledby={headingId}>
                <h3 id={headingId}>{group.label}</h3>
                <ul className="backup-list">
                  {group.backups.map((backup, index) => {
                    const entryId = `${idPrefix}-${groupIndex}-${index}`;
                    return (
                      <li key={backup.file}>
                        <span id={entryId}>
                          <time dateTime={backup.savedAt}>
                            {timeFormat.format(new Date(backup.savedAt))}
                          </time>
                          {' · '}
                          {BACKUP_REASON_LABELS[backup.reason]}
                          {backup.personal && ' · with personal data'}
                        </span>
                        <span id={`${entryId}-size`} className="plan-card-meta">
                          {formatBackupSize(backup.bytes)}
                        </span>
                        <button
                          type="button"
                          data-backup={backup.file}
                          aria-describedby={`${headingId} ${entryId} ${entryId}-size`}
                          disabled={restoring}
                          onClick={() => void restore(backup)}
                        >
                          Restore
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </div>
      )}
      <PersonalBackupChoice planId={planId} backups={backups} />
    </Dialog>
  );
}
