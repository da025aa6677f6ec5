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
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BackupReason } from '../../../../shared/backups/backup-files';
import { restoreBackup } from '../../../../shared/commands/restore-backup';
import type { BackupInfo } from '../../../../shared/ipc';
import { readPersonalBackup } from '../../../../shared/backups/personal-backup';
import { readPlanFile, writePlanFile } from '../../../../shared/plan/plan-file';
import { restorePersonalData, type RestoredPersonalData } from '../../db/personal-backup';
import { Dialog } from '../../components/Dialog';
import type { BackupStore } from '../../platform/platform';
import type { PlanStore } from '../../store/plan-store';
import { notify, showAlert } from '../../app/workbench';
import { useFormat } from '../../i18n/i18n';
import { backupBeforeChange } from './backup-triggers';
import { PersonalBackupChoice } from './PersonalBackupChoice';
import { onPersonalBackupChoice } from './personal-backup';

type BackupsT = TFunction<'backups'>;

/** What the notice says about the personal data a restore brought back ('' when none did). */
export function restoredPersonalSentence(t: BackupsT, restored: RestoredPersonalData): string {
  const { learners, invitees } = restored;
  if (learners === null && invitees === null) return '';
  const which =
    learners !== null && invitees !== null ? 'both' : learners !== null ? 'learners' : 'invitees';
  return t('restore.personalBack', { which, learners: learners ?? 0, invitees: invitees ?? 0 });
}

/** How each reason reads in the list. */
export function backupReasonLabel(t: BackupsT, reason: BackupReason): string {
  return t(`reasons.${reason}`);
}

/** The user's calendar day of a moment, as a sortable key. */
function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** "Today", "Yesterday" or the full date (in `locale`), in the user's time zone. */
export function dayLabel(t: BackupsT, locale: string, date: Date, now: Date): string {
  if (dayKey(date) === dayKey(now)) return t('dialog.today');
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return t('dialog.yesterday');
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(date);
}

/** A file size for people: "12 KB", "4.4 MB" (numbers in `locale`). */
export function formatBackupSize(t: BackupsT, locale: string, bytes: number): string {
  if (bytes < 1024 * 1024)
    return t('size.kb', {
      size: new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024))),
    });
  const mb = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return t('size.mb', { size: mb.format(bytes / (1024 * 1024)) });
}

type DayGroup = { key: string; label: string; backups: BackupInfo[] };

/** Backups newest first, in groups by the user's calendar day (`label` names a day). */
export function groupBackupsByDay(
  backups: readonly BackupInfo[],
  now: Date,
  label: (date: Date, now: Date) => string,
): DayGroup[] {
  const sorted = [...backups].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const groups: DayGroup[] = [];
  for (const backup of sorted) {
    const date = new Date(backup.savedAt);
    const key = dayKey(date);
    const last = groups.at(-1);
    if (last?.key === key) last.backups.push(backup);
    else groups.push({ key, label: label(date, now), backups: [backup] });
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
  const { t } = useTranslation('backups');
  const { locale } = useFormat();
  const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const whenFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
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
        showAlert(t('restore.cannot'), result.message, result.details);
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
        showAlert(t('restore.notRestored'), t('restore.safetyFailed', { message: safety.message }));
        return;
      }
      // The personal data beside it is read and checked before anything changes.
      const personalText = backup.personal ? await backups.readPersonal(planId, backup.file) : null;
      const personal = personalText === null ? null : readPersonalBackup(personalText, planId);
      if (personal && !personal.ok) {
        showAlert(t('restore.cannot'), personal.message);
        return;
      }
      const when = whenFormat.format(new Date(backup.savedAt));
      const applied = store.getState().dispatch(restoreBackup({ plan: result.plan, when }));
      if (!applied.ok) {
        showAlert(t('restore.notRestored'), applied.reason);
        return;
      }
      let restoredSentence = '';
      if (personal?.ok) {
        try {
          restoredSentence = restoredPersonalSentence(
            t,
            await restorePersonalData(planId, personal.content),
          );
        } catch (e) {
          showAlert(
            t('restore.personalNotRestored'),
            t('restore.personalFailed', {
              when,
              error: e instanceof Error ? e.message : String(e),
            }),
          );
        }
      }
      const done = t('restore.done', { when });
      notify(restoredSentence ? `${done} ${restoredSentence}` : done);
      onClose();
    } catch (e) {
      showAlert(t('restore.cannot'), String(e));
    } finally {
      setRestoring(false);
    }
  };

  const dayHeadingId = (index: number) => `${idPrefix}-day-${index}`;
  const groups = list
    ? groupBackupsByDay(list, now, (date, today) => dayLabel(t, locale, date, today))
    : [];

  return (
    <Dialog
      title={t('dialog.title')}
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose}>
          {t('dialog.close')}
        </button>
      }
    >
      <p>{t('dialog.about')}</p>
      {error && <p role="alert">{t('dialog.listFailed', { error })}</p>}
      {list === null && !error && <p>{t('dialog.looking')}</p>}
      {list?.length === 0 && <p>{t('dialog.none')}</p>}
      {groups.length > 0 && (
        <div
          className="backup-groups"
          style={{ maxHeight: '50vh', overflowY: 'auto' }}
          onKeyDown={moveBetweenButtons}
        >
          {groups.map((group, groupIndex) => {
            const headingId = dayHeadingId(groupIndex);
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
                          {backupReasonLabel(t, backup.reason)}
                          {backup.personal && t('dialog.withPersonal')}
                        </span>
                        <span id={`${entryId}-size`} className="plan-card-meta">
                          {formatBackupSize(t, locale, backup.bytes)}
                        </span>
                        <button
                          type="button"
                          data-backup={backup.file}
                          aria-describedby={`${headingId} ${entryId} ${entryId}-size`}
                          disabled={restoring}
                          onClick={() => void restore(backup)}
                        >
                          {t('dialog.restore')}
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
