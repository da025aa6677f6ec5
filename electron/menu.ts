/**
 * The native application menu as a template built from plain inputs, so tests
 * can inspect every item without Electron. Document commands are forwarded to
 * the renderer, which owns the plan and its undo history.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc';

/** Menu item ids we update in place (undo/redo enabled state). */
export const MenuItemId = { undo: 'undo', redo: 'redo' } as const;

/** Everything the menu shows or does. */
export type MenuContext = {
  platform: NodeJS.Platform;
  isDev: boolean;
  appName: string;
  recentFiles: readonly string[];
  canUndo: boolean;
  canRedo: boolean;
  /** Forward a command to the renderer ('menu:command'). */
  send: (command: MenuCommand) => void;
  openRecent: (path: string) => void;
  clearRecent: () => void;
};

/** Builds the application menu template for one platform. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const { platform, appName, send } = context;
  const isMac = platform === 'darwin';
  // '&' marks a keyboard mnemonic on Windows/Linux; macOS has none, so drop it there.
  const mnemonic = (label: string): string => (isMac ? label.replace(/&/g, '') : label);

  // registerAccelerator: false — the shortcut is shown but its keystroke goes
  // to the page, whose own handler decides (text field vs. plan undo). With
  // the accelerator registered, undo would run twice or steal text-field undo.
  // (macOS ignores this option; there the page sees the key first and the
  // menu only fires when the page leaves the key unhandled.)
  const command = (
    label: string,
    commandName: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => send(commandName),
  });

  const recentItems: MenuItemConstructorOptions[] =
    context.recentFiles.length > 0
      ? context.recentFiles.map((path) => ({
          // '&' would become a mnemonic; '&&' shows a literal ampersand.
          label: isMac ? path : path.replace(/&/g, '&&'),
          click: () => context.openRecent(path),
        }))
      : [{ label: 'No Recent Plans', enabled: false }];

  const fileMenu: MenuItemConstructorOptions = {
    label: mnemonic('&File'),
    submenu: [
      command('New Plan', 'newPlan', 'CmdOrCtrl+N'),
      command('Open…', 'openFile', 'CmdOrCtrl+O'),
      {
        label: 'Open Recent',
        submenu: [
          ...recentItems,
          { type: 'separator' },
          {
            label: 'Clear Recent',
            enabled: context.recentFiles.length > 0,
            click: () => context.clearRecent(),
          },
        ],
      },
      command('Plan Library', 'showLibrary'),
      { type: 'separator' },
      command('Save As…', 'saveAs', 'Shift+CmdOrCtrl+S'),
      command('Restore from Backup…', 'restoreBackup'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: platform === 'win32' ? 'E&xit' : '&Quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: mnemonic('&Edit'),
    submenu: [
      {
        ...command('Undo', 'undo', 'CmdOrCtrl+Z'),
        id: MenuItemId.undo,
        enabled: context.canUndo,
      },
      {
        // Windows users expect Ctrl+Y; the page accepts both shortcuts everywhere.
        ...command('Redo', 'redo', platform === 'win32' ? 'CmdOrCtrl+Y' : 'Shift+CmdOrCtrl+Z'),
        id: MenuItemId.redo,
        enabled: context.canRedo,
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: mnemonic('&View'),
    submenu: [
      // Reload would discard unsaved renderer state, devtools expose internals:
      // development builds only.
      ...(context.isDev
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const about = command(`About ${appName}`, 'about');

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: mnemonic('&Help'),
    submenu: [
      // macOS lists About in the app menu instead.
      ...(isMac ? [] : [about, { type: 'separator' as const }]),
      command('Keyboard Shortcuts', 'shortcuts'),
    ],
  };

  const template: MenuItemConstructorOptions[] = [
    fileMenu,
    editMenu,
    viewMenu,
    { role: 'windowMenu' },
    helpMenu,
  ];
  if (isMac) {
    template.unshift({
      label: appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  return template;
}
