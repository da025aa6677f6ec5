/** Shows whether the open plan's edits are on disk. */
import { usePlanState, usePlanStore } from '../store/plan-context';

/** "Saved", "Saving…" or the save error with a retry button. */
export function SaveIndicator() {
  const status = usePlanState((s) => s.saveStatus);
  const store = usePlanStore();
  if (status.state === 'error') {
    return (
      <div className="save-indicator error" role="alert">
        <span title={status.message}>Not saved: {status.message}</span>
        <button type="button" onClick={() => void store.getState().flush()}>
          Try again
        </button>
      </div>
    );
  }
  const text = status.state === 'saved' ? 'All changes saved' : 'Saving…';
  return (
    <div className={`save-indicator ${status.state}`} role="status" aria-live="polite">
      {text}
    </div>
  );
}
