/** About Upskill Workbench, and the list of keyboard shortcuts. */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { PLAN_SCHEMA_VERSION } from '../../../shared/plan/schema';
import { useWorkbench } from '../app/workbench';
import { Dialog } from '../components/Dialog';
import { isMac } from '../platform/keys';

/** Keyboard shortcuts, with the platform's modifier key. */
function shortcutList(platform: 'desktop' | 'browser', t: TFunction<['shell', 'common']>) {
  const mod = isMac() ? '⌘' : 'Ctrl';
  return [
    { keys: `${mod}+Z`, action: t('shortcuts.undo') },
    { keys: isMac() ? '⇧⌘Z' : t('shortcuts.redoKeys'), action: t('shortcuts.redo') },
    { keys: `${mod}+O`, action: t('shortcuts.open') },
    { keys: isMac() ? '⇧⌘S' : 'Ctrl+Shift+S', action: t('shortcuts.saveAs') },
    ...(platform === 'desktop' ? [{ keys: `${mod}+N`, action: t('shortcuts.newPlan') }] : []),
    { keys: `${mod}+/`, action: t('shortcuts.show') },
    { keys: t('shortcuts.renameKeys'), action: t('shortcuts.rename') },
    { keys: 'L', action: t('shortcuts.link') },
    { keys: `${mod}+C / ${mod}+V`, action: t('shortcuts.copyPaste') },
    { keys: t('shortcuts.arrowKeys'), action: t('shortcuts.move') },
    { keys: t('shortcuts.shiftArrowKeys'), action: t('shortcuts.moveMore') },
    { keys: t('shortcuts.deleteKey'), action: t('shortcuts.delete') },
    { keys: t('shortcuts.tabKeys'), action: t('shortcuts.tab') },
    { keys: t('shortcuts.escapeKey'), action: t('shortcuts.escape') },
  ];
}

/** The keyboard shortcuts dialog. */
export function ShortcutsDialog(props: { platform: 'desktop' | 'browser'; onClose: () => void }) {
  const { t } = useTranslation(['shell', 'common']);
  return (
    <Dialog
      title={t('shortcuts.title')}
      onClose={props.onClose}
      actions={
        <button type="button" className="primary" onClick={props.onClose}>
          {t('common:actions.close')}
        </button>
      }
    >
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {shortcutList(props.platform, t).map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd dir="ltr">{s.keys}</kbd>
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

/** The About dialog. */
export function AboutDialog(props: { platform: 'desktop' | 'browser'; onClose: () => void }) {
  const { t } = useTranslation(['shell', 'common']);
  const persistent = useWorkbench((s) => s.storagePersistent);
  return (
    <Dialog
      title={t('about.title')}
      onClose={props.onClose}
      actions={
        <button type="button" className="primary" onClick={props.onClose}>
          {t('common:actions.close')}
        </button>
      }
    >
      <p>
        {t('about.version', {
          version: __APP_VERSION__,
          platform: props.platform,
          format: PLAN_SCHEMA_VERSION,
        })}
      </p>
      <p>{t('about.what')}</p>
      <p data-testid="storage-persistence">
        {persistent === true
          ? t('about.persistent')
          : persistent === false
            ? t('about.notPersistent')
            : t('about.checking')}
      </p>
    </Dialog>
  );
}
