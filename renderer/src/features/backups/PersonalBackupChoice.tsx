/**
 * "Include learner and invitee personal data in this computer's backups":
 * the per-plan opt-in (off by default), shown where the roster and the
 * invitation list are imported and in the Restore from backup dialog, with
 * what it means. The browser version keeps no backups: there it only says so.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify, showAlert } from '../../app/workbench';
import { personalBackupIncluded } from '../../db/personal-backup';
import { detectPlatform, type BackupStore } from '../../platform/platform';
import { choosePersonalBackup, onPersonalBackupChoice } from './personal-backup';
import './personal-backup.css';

/** Where personal data stands with backups on this computer, for the notes that explain it. */
export type PersonalBackupState = 'noBackups' | 'excluded' | 'included';

/** The sentence about backups in the personal-data notes of the roster and invitation list. */
export function backupSentence(state: PersonalBackupState): string {
  switch (state) {
    case 'noBackups':
      return 'The browser version keeps no backups, so it is in none.';
    case 'excluded':
      return 'It is not in this computer’s backups either, unless you include it (“Include learner and invitee personal data in this computer’s backups”).';
    case 'included':
      return 'You chose to include it in this computer’s backups: a file beside each backup of the plan (never inside the plan backup) keeps it.';
  }
}

/** The opt-in's state for a plan (loading: null), following every change of the choice. */
export function usePersonalBackupState(
  planId: string,
  backups: BackupStore | null,
): PersonalBackupState | null {
  const [state, setState] = useState<{ planId: string; on: boolean } | null>(null);
  useEffect(() => {
    if (!backups) return;
    let live = true;
    void personalBackupIncluded(planId).then(
      (on) => live && setState({ planId, on }),
      () => live && setState({ planId, on: false }),
    );
    const stop = onPersonalBackupChoice((id, on) => {
      if (id === planId) setState({ planId, on });
    });
    return () => {
      live = false;
      stop();
    };
  }, [planId, backups]);
  if (!backups) return 'noBackups';
  if (state?.planId !== planId) return null;
  return state.on ? 'included' : 'excluded';
}

/** The platform's backups, once per component (null in the browser version). */
export function usePlatformBackups(): BackupStore | null {
  const [backups] = useState(() => detectPlatform().backups);
  return backups;
}

/** The checkbox with its explanation; in the browser, a note that there are no backups. */
export function PersonalBackupChoice(props: {
  planId: string;
  backups: BackupStore | null;
  /** Said in the browser version, where there are no backups (omit to say nothing). */
  browserNote?: string;
}) {
  const { planId, backups } = props;
  const { t } = useTranslation('backups');
  const state = usePersonalBackupState(planId, backups);
  // The box shows the choice at once; it is stored (and the backups follow) meanwhile.
  const [pending, setPending] = useState<boolean | null>(null);
  const hintId = useId();
  if (!backups) {
    return props.browserNote ? <p className="section-note">{props.browserNote}</p> : null;
  }
  const change = async (on: boolean) => {
    setPending(on);
    try {
      const deleted = await choosePersonalBackup(planId, on, backups);
      notify(
        on
          ? t('personal.on')
          : deleted > 0
            ? t('personal.offDeleted', { count: deleted })
            : t('personal.off'),
      );
    } catch (error) {
      showAlert(
        t('personal.stillTitle'),
        t('personal.stillBody', { error: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setPending(null);
    }
  };
  return (
    <div className="personal-backup-choice">
      <label>
        <input
          type="checkbox"
          checked={pending ?? state === 'included'}
          disabled={state === null || pending !== null}
          aria-describedby={hintId}
          onChange={(event) => void change(event.target.checked)}
        />{' '}
        {t('personal.label')}
      </label>
      <p className="field-hint" id={hintId}>
        {t('personal.hint')}
      </p>
    </div>
  );
}
