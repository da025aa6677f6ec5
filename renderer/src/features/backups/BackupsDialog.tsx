/** Lists the rolling on-disk backups of the open plan and restores one. */
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/ipc';
import { readPlanFile } from '../../../../shared/plan/plan-file';
import { Dialog } from '../../components/Dialog';
import type { BackupStore } from '../../platform/platform';
import type { PlanStore } from '../../store/plan-store';
import { notify, showAlert } from '../../app/workbench';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The "Restore from backup" dialog. */
export function BackupsDialog(props: {
  backups: BackupStore;
  store: PlanStore;
  onClose: () => void;
}) {
  const { backups, store, onClose } = props;
  const planId = store.getState().history.present.id;
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    backups.list(planId).then(setList, (e: unknown) => setError(String(e)));
  }, [backups, planId]);

  const restore = async (backup: BackupInfo) => {
    const result = readPlanFile(await backups.read(planId, backup.file));
    if (!result.ok) {
      showAlert('This backup cannot be restored', result.message, result.details);
      return;
    }
    store.getState().replace({ name: 'Restore backup' }, { ...result.plan, id: planId });
    notify(
      `Restored the backup from ${when.format(new Date(backup.savedAt))}. Undo brings back what you had.`,
    );
    onClose();
  };

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
        Upskill Workbench keeps copies of each plan on disk while you work. Restoring replaces the
        plan with the copy; you can undo it.
      </p>
      {error && <p role="alert">The backups could not be listed: {error}</p>}
      {list === null && !error && <p>Looking for backups…</p>}
      {list?.length === 0 && <p>There are no backups of this plan yet.</p>}
      {list && list.length > 0 && (
        <ul className="backup-list" aria-label="Backups">
          {list.map((b) => (
            <li key={b.file}>
              <span>{when.format(new Date(b.savedAt))}</span>
              <span className="plan-card-meta">{Math.max(1, Math.round(b.bytes / 1024))} KB</span>
              <button type="button" onClick={() => void restore(b)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
