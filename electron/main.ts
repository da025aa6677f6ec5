/**
 * Electron main process entry: wires the window, the app:// protocol, the
 * security policy, IPC handlers, menu, recent files, backups, close flow and
 * files handed over by the operating system. The logic lives in the small
 * modules next to this file; this one only connects them.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { IpcEvents } from '../shared/ipc';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol';
import { createBackupStore } from './backups';
import { createFlushCoordinator, guardWindowClose } from './close-guard';
import { parseCommandLine } from './command-line';
import { registerIpcHandlers } from './ipc-handlers';
import { createSenderCheck, createTypedIpcMain, type IpcPayload } from './ipc-main';
import { buildMenuTemplate, MenuItemId } from './menu';
import { readPlanFile } from './plan-files';
import { createRecentFiles } from './recent-files';
import {
  buildContentSecurityPolicy,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  openExternalSafely,
  rendererEntryUrl,
  rendererSource,
} from './security';
import { APP_TITLE, createMainWindow } from './window';

const APP_USER_MODEL_ID = 'org.upskillworkbench.app';

// Must happen before 'ready': privileged schemes cannot be added later.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const isDev = !app.isPackaged;
const source = rendererSource(process.env, app.isPackaged);
const launch = { defaultApp: process.defaultApp === true, cwd: process.cwd() };

type WindowState = IpcPayload<'window:set-state'>;
const CLEAN_STATE: WindowState = {
  title: APP_TITLE,
  edited: false,
  canUndo: false,
  canRedo: false,
};

let mainWindow: BrowserWindow | null = null;
let windowState: WindowState = CLEAN_STATE;
let quitting = false;
let rendererLoaded = false;
const commandLine = parseCommandLine(process.argv, launch);
/** Plan files the OS handed us before the renderer could take them. */
const pendingFiles: string[] = [...commandLine.planFiles];

/** Sends an event to the page; false when there is no page to receive it. */
function sendToRenderer<E extends keyof IpcEvents>(event: E, payload: IpcEvents[E]): boolean {
  const contents = mainWindow?.webContents;
  if (!contents || contents.isDestroyed()) return false;
  contents.send(event, payload);
  return true;
}

const openLink = (url: string): Promise<boolean> => openExternalSafely(shell, url);

const coordinator = createFlushCoordinator({
  requestFlush: () => {
    if (!sendToRenderer('app:flush-request', undefined)) throw new Error('The window is gone.');
  },
});

let recentFiles: ReturnType<typeof createRecentFiles> | null = null;

function rebuildMenu(): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    isDev,
    appName: app.name,
    recentFiles: recentFiles?.list() ?? [],
    canUndo: windowState.canUndo,
    canRedo: windowState.canRedo,
    send: (command) => void sendToRenderer('menu:command', command),
    openRecent: (path) => void openRecent(path),
    clearRecent: () => void recentFiles?.clear().catch(() => undefined),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function applyWindowState(state: WindowState): void {
  windowState = state;
  const window = mainWindow;
  if (!window || window.isDestroyed()) return;
  window.setTitle(state.title.trim() || APP_TITLE);
  if (process.platform === 'darwin') window.setDocumentEdited(state.edited);
  const menu = Menu.getApplicationMenu();
  const undo = menu?.getMenuItemById(MenuItemId.undo);
  const redo = menu?.getMenuItemById(MenuItemId.redo);
  if (undo) undo.enabled = state.canUndo;
  if (redo) redo.enabled = state.canRedo;
}

async function showFileProblem(message: string, detail?: string): Promise<void> {
  const options = {
    type: 'warning' as const,
    title: APP_TITLE,
    message,
    ...(detail ? { detail } : {}),
  };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

/** Reads a plan file (size-checked) and hands it to the renderer as 'file:opened'. */
async function deliverPlanFile(path: string): Promise<void> {
  const result = await readPlanFile(path);
  if (result.kind === 'opened') {
    if (!sendToRenderer('file:opened', result)) {
      pendingFiles.push(path); // window gone (e.g. closed on macOS): deliver to the next one
      return;
    }
    await recentFiles?.add(path).catch(() => undefined);
  } else if (result.kind === 'error') {
    await showFileProblem(`Could not open ${basename(path)}.`, result.message);
  }
}

async function openRecent(path: string): Promise<void> {
  if (!existsSync(path)) {
    await recentFiles?.remove(path).catch(() => undefined);
    await showFileProblem(
      `${basename(path)} could not be found.`,
      'It may have been moved, renamed or deleted, so it was removed from Open Recent.',
    );
    return;
  }
  await deliverPlanFile(path);
}

function openFromOperatingSystem(paths: readonly string[]): void {
  pendingFiles.push(...paths);
  deliverPendingFiles();
}

function deliverPendingFiles(): void {
  if (!rendererLoaded || !mainWindow) return;
  for (const path of pendingFiles.splice(0)) void deliverPlanFile(path);
}

function createWindow(): void {
  const window = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    isDev,
  });
  mainWindow = window;
  rendererLoaded = false;
  guardWindowClose(window, {
    isEdited: () => windowState.edited,
    // A loaded page is always asked, so every quit leaves a 'quit' backup of the open plan.
    askRenderer: () => rendererLoaded && mainWindow === window,
    coordinator,
    isQuitting: () => quitting,
    quit: () => app.quit(),
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    windowState = CLEAN_STATE;
  });
  window.webContents.on('did-start-loading', () => {
    rendererLoaded = false;
  });
  // The preload buffers 'file:opened' until the page subscribes, so "loaded" is early enough.
  window.webContents.on('did-finish-load', () => {
    rendererLoaded = true;
    deliverPendingFiles();
  });
  void window.loadURL(rendererEntryUrl(source));
}

async function start(): Promise<void> {
  // Registered before any window exists so every WebContents is hardened.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { source, openLink: (url) => void openLink(url) });
  });
  // macOS delivers double-clicked files this way, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOperatingSystem([path]);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFromOperatingSystem(parseCommandLine(argv, { ...launch, cwd: workingDirectory }).planFiles);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  hardenSession(session.defaultSession, source);
  if (source.kind === 'app') {
    registerAppProtocol(protocol, {
      rootDir: join(import.meta.dirname, '../renderer'),
      contentSecurityPolicy: buildContentSecurityPolicy(source),
    });
  }

  const userData = app.getPath('userData');
  recentFiles = createRecentFiles(join(userData, 'recent-files.json'), {
    // The OS recent-documents list exists on macOS and Windows only.
    ...(process.platform === 'linux' ? {} : { os: app }),
    onChange: () => rebuildMenu(),
  });
  await recentFiles.load();
  const recent = recentFiles;

  registerIpcHandlers(
    createTypedIpcMain(
      ipcMain,
      createSenderCheck({
        trustedContents: () => mainWindow?.webContents,
        isAppUrl: (url) => isAppUrl(url, source),
      }),
    ),
    {
      platform: process.platform,
      showOpenDialog: (options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
      defaultSaveFolder: () => app.getPath('documents'),
      recentFiles: recent,
      backups: createBackupStore(join(userData, 'backups')),
      applyWindowState,
      openLink,
      flushDone: () => coordinator.done(),
    },
  );

  rebuildMenu();
  createWindow();
}

/**
 * Headless export (`--docx`/`--xlsx` flags): no window and no single-instance
 * lock (it may run while the app is open); prints one line and exits.
 */
async function exportAndExit(parsed: NonNullable<typeof commandLine.export>): Promise<void> {
  const { runHeadlessExport } = await import('./export-headless');
  const outcome = await runHeadlessExport(parsed);
  (outcome.code === 0 ? console.log : console.error)(outcome.message);
  app.exit(outcome.code);
}

if (commandLine.export) {
  void exportAndExit(commandLine.export);
} else if (app.requestSingleInstanceLock()) {
  // One app instance: a second launch (e.g. double-clicking a plan) hands its
  // files to the running one via 'second-instance' and exits.
  void start();
} else {
  app.quit();
}
