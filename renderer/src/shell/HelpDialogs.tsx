/** About Upskill Workbench, and the list of keyboard shortcuts. */
import { PLAN_SCHEMA_VERSION } from '../../../shared/plan/schema';
import { useWorkbench } from '../app/workbench';
import { Dialog } from '../components/Dialog';
import { isMac } from '../platform/keys';

/** Keyboard shortcuts, with the platform's modifier key. */
function shortcutList(platform: 'desktop' | 'browser') {
  const mod = isMac() ? '⌘' : 'Ctrl';
  return [
    { keys: `${mod}+Z`, action: 'Undo the last change to the plan' },
    { keys: isMac() ? '⇧⌘Z' : 'Ctrl+Shift+Z or Ctrl+Y', action: 'Redo' },
    { keys: `${mod}+O`, action: 'Open a plan file' },
    { keys: isMac() ? '⇧⌘S' : 'Ctrl+Shift+S', action: 'Save the open plan as a file' },
    ...(platform === 'desktop' ? [{ keys: `${mod}+N`, action: 'New blank plan' }] : []),
    { keys: `${mod}+/`, action: 'Show these shortcuts' },
    { keys: 'F2 or Enter', action: 'Theory of change: rename the selected element' },
    { keys: 'L', action: 'Theory of change: link the selected element to another' },
    { keys: `${mod}+C / ${mod}+V`, action: 'Theory of change: copy and paste elements' },
    { keys: 'Arrow keys', action: 'Move the selected element or stakeholder card' },
    { keys: 'Shift+Arrow keys', action: 'Stakeholder matrix: move in bigger steps' },
    { keys: 'Delete', action: 'Delete the selected element or link' },
    { keys: 'Tab / Shift+Tab', action: 'Move between fields and buttons' },
    { keys: 'Escape', action: 'Close a dialog' },
  ];
}

/** The keyboard shortcuts dialog. */
export function ShortcutsDialog(props: { platform: 'desktop' | 'browser'; onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={props.onClose}
      actions={
        <button type="button" className="primary" onClick={props.onClose}>
          Close
        </button>
      }
    >
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {shortcutList(props.platform).map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
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
  const persistent = useWorkbench((s) => s.storagePersistent);
  return (
    <Dialog
      title="About Upskill Workbench"
      onClose={props.onClose}
      actions={
        <button type="button" className="primary" onClick={props.onClose}>
          Close
        </button>
      }
    >
      <p>
        Version {__APP_VERSION__} (
        {props.platform === 'desktop' ? 'desktop app' : 'browser version'}
        ), plan file format {PLAN_SCHEMA_VERSION}.
      </p>
      <p>
        Plan, launch and run digital-first workforce development programs. Your plans are stored
        only on this computer and never sent anywhere; save a plan as a file to share it.
      </p>
      <p data-testid="storage-persistence">
        {persistent === true
          ? 'Storage: persistent — your plans are kept even when the disk runs low on space.'
          : persistent === false
            ? 'Storage: not persistent — when the disk runs low on space, the system may clear the library. Save important plans as files.'
            : 'Storage: checking whether your plans are stored persistently…'}
      </p>
    </Dialog>
  );
}
