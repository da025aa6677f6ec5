/** Shows whether the open plan's edits are on disk. */
import { useTranslation } from 'react-i18next';
import { usePlanState, usePlanStore } from '../store/plan-context';

/** "Saved", "Saving…" or the save error with a retry button. */
export function SaveIndicator() {
  const status = usePlanState((s) => s.saveStatus);
  const store = usePlanStore();
  const { t } = useTranslation(['shell', 'common']);
  if (status.state === 'error') {
    return (
      <div className="save-indicator error" role="alert">
        <span title={status.message}>{t('save.notSaved', { message: status.message })}</span>
        <button type="button" onClick={() => void store.getState().flush()}>
          {t('save.tryAgain')}
        </button>
      </div>
    );
  }
  const text = status.state === 'saved' ? t('save.saved') : t('save.saving');
  return (
    <div className={`save-indicator ${status.state}`} role="status" aria-live="polite">
      {text}
    </div>
  );
}
