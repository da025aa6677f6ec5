/** The app: library or open plan, plus global dialogs, shortcuts and desktop wiring. */
import { visibleText } from '../../shared/visible-text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from './i18n/i18n';
import type { MenuCommand } from '../../shared/ipc';
import { Dialog } from './components/Dialog';
import {
  addOpenedFile,
  createPlan,
  dismissAlert,
  dismissNotice,
  navigate,
  openPlanFile,
  redoLastChange,
  savePlanAsFile,
  settleImportConflict,
  showHelp,
  undoLastChange,
  useWorkbench,
} from './app/workbench';
import { BackupsDialog } from './features/backups/BackupsDialog';
import { flushAndBackUpOnQuit } from './features/backups/backup-triggers';
import { LibraryView } from './features/library/LibraryView';
import { isMac } from './platform/keys';
import type { Platform } from './platform/platform';
import { AboutDialog, ShortcutsDialog } from './shell/HelpDialogs';
import { PlanWorkspace } from './shell/PlanWorkspace';

function NoticeBar() {
  const { t } = useTranslation();
  const notice = useWorkbench((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismissNotice, notice.action ? 10_000 : 5_000);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div className="notice" key={notice.id}>
          <span>{notice.message}</span>
          {notice.action && (
            <button type="button" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          <button
            type="button"
            className="subtle"
            aria-label={t('actions.dismiss')}
            onClick={dismissNotice}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}

/** Words for screen readers only (what an undo or redo changed). */
function Announcer() {
  const announcement = useWorkbench((s) => s.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {announcement}
    </div>
  );
}

function AlertDialog() {
  const { t } = useTranslation(['shell', 'common']);
  const alert = useWorkbench((s) => s.alert);
  if (!alert) return null;
  return (
    <Dialog
      role="alertdialog"
      title={alert.title}
      onClose={dismissAlert}
      actions={
        <button type="button" className="primary" onClick={dismissAlert} data-autofocus>
          {t('common:actions.ok')}
        </button>
      }
    >
      <p>{alert.message}</p>
      {alert.details.length > 0 && (
        <ul className="alert-details">
          {alert.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      <p className="section-note">{t('libraryUnchanged')}</p>
    </Dialog>
  );
}

function QuestionDialog() {
  const { t } = useTranslation(['shell', 'common']);
  const question = useWorkbench((s) => s.question);
  if (!question) return null;
  return (
    <Dialog
      role="alertdialog"
      title={question.title}
      onClose={() => question.answer(false)}
      actions={
        <>
          <button type="button" onClick={() => question.answer(false)} data-autofocus>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => question.answer(true)}>
            {question.confirmLabel}
          </button>
        </>
      }
    >
      <p>{question.message}</p>
      {question.details.length > 0 && (
        <ul className="alert-details">
          {question.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      <p className="section-note">{t('cancelKeepsLibrary')}</p>
    </Dialog>
  );
}

function ConflictDialog() {
  const { t } = useTranslation(['shell', 'common']);
  const conflict = useWorkbench((s) => s.conflict);
  if (!conflict) return null;
  return (
    <Dialog
      title={t('conflict.title')}
      onClose={() => void settleImportConflict('cancel')}
      actions={
        <>
          <button type="button" onClick={() => void settleImportConflict('cancel')}>
            {t('common:actions.cancel')}
          </button>
          <button type="button" onClick={() => void settleImportConflict('keepBoth')}>
            {t('conflict.keepBoth')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void settleImportConflict('replace')}
          >
            {t('conflict.replace')}
          </button>
        </>
      }
    >
      <p>
        {t('conflict.body', { fileName: conflict.plan.name, existingName: conflict.existingName })}
      </p>
    </Dialog>
  );
}

/** The root component. */
export function App({ platform }: { platform: Platform }) {
  const { t } = useTranslation(['shell', 'common']);
  const ready = useWorkbench((s) => s.ready);
  const fatalError = useWorkbench((s) => s.fatalError);
  const route = useWorkbench((s) => s.route);
  const openPlan = useWorkbench((s) => s.openPlan);
  const [showBackups, setShowBackups] = useState(false);
  const helpDialog = useWorkbench((s) => s.help);

  // Menu commands and keyboard shortcuts share one dispatcher.
  useEffect(() => {
    const run = (command: MenuCommand) => {
      const store = useWorkbench.getState().openPlan?.store;
      switch (command) {
        case 'undo':
          undoLastChange();
          break;
        case 'redo':
          redoLastChange();
          break;
        case 'newPlan':
          void createPlan();
          break;
        case 'openFile':
          void openPlanFile();
          break;
        case 'saveAs':
          void savePlanAsFile();
          break;
        case 'showLibrary':
          navigate({ view: 'library' });
          break;
        case 'restoreBackup':
          if (store && platform.backups) setShowBackups(true);
          break;
        case 'about':
        case 'shortcuts':
          showHelp(command);
          break;
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = isMac() ? event.metaKey : event.ctrlKey;
      if (!mod || event.altKey || document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      let command: MenuCommand | null = null;
      if (key === 'z') command = event.shiftKey ? 'redo' : 'undo';
      else if (key === 'y' && !isMac()) command = 'redo';
      else if (key === 'o') command = 'openFile';
      else if (key === 's' && event.shiftKey) command = 'saveAs';
      else if (key === 'n' && platform.kind === 'desktop') command = 'newPlan';
      else if (key === '/') command = 'shortcuts';
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKeyDown, true);
    const unsubscribe = [
      platform.on('menu:command', run),
      platform.on('file:opened', (file) => void addOpenedFile(file)),
      platform.on('app:flush-request', () => {
        const store = useWorkbench.getState().openPlan?.store;
        void flushAndBackUpOnQuit(store, platform.backups).finally(() => platform.flushDone());
      }),
    ];
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      unsubscribe.forEach((off) => off());
    };
  }, [platform]);

  // Keep the window title and the native menu's Undo/Redo in step with the plan.
  useEffect(() => {
    if (!openPlan) {
      platform.setWindowState({
        title: i18n.t('common:appName'),
        edited: false,
        canUndo: false,
        canRedo: false,
      });
      return;
    }
    const sync = () => {
      const { history, saveStatus } = openPlan.store.getState();
      platform.setWindowState({
        title: i18n.t('shell:windowTitle', {
          name: visibleText(history.present.name, i18n.t('shell:untitledPlan')),
        }),
        edited: saveStatus.state !== 'saved',
        canUndo: history.past.length > 0,
        canRedo: history.future.length > 0,
      });
    };
    sync();
    return openPlan.store.subscribe(sync);
  }, [openPlan, platform]);

  // Read by `npm run bench` (startup.tti_ms): the first screen is usable.
  useEffect(() => {
    if (ready && performance.getEntriesByName('upskill:interactive').length === 0) {
      performance.mark('upskill:interactive');
    }
  }, [ready]);

  if (fatalError) {
    return (
      <main className="fatal" role="alert">
        <h1>{t('cannotOpen')}</h1>
        <p>{fatalError}</p>
      </main>
    );
  }
  if (!ready) return <p className="loading">{t('opening')}</p>;

  return (
    <>
      {route.view === 'plan' && openPlan ? (
        <PlanWorkspace store={openPlan.store} section={route.section} />
      ) : (
        <LibraryView />
      )}
      {showBackups && openPlan && platform.backups && (
        <BackupsDialog
          backups={platform.backups}
          store={openPlan.store}
          onClose={() => setShowBackups(false)}
        />
      )}
      {helpDialog === 'about' && (
        <AboutDialog platform={platform.kind} onClose={() => showHelp(null)} />
      )}
      {helpDialog === 'shortcuts' && (
        <ShortcutsDialog platform={platform.kind} onClose={() => showHelp(null)} />
      )}
      <NoticeBar />
      <Announcer />
      <AlertDialog />
      <QuestionDialog />
      <ConflictDialog />
    </>
  );
}
