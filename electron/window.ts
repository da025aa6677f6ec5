/**
 * The main window. Its webPreferences are written out literally in the
 * `new BrowserWindow({...})` call on purpose: static checkers
 * (electronegativity) can only verify settings they can see there, and the
 * security tests assert the very object Electron receives.
 */
import { BrowserWindow, nativeTheme } from 'electron';

/** The window's title when no plan names it. */
export const APP_TITLE = 'Upskill Workbench';

/** Smallest usable window: the canvases need room for a side panel. */
export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const;

/**
 * The window's ground before the page paints and while it resizes: the
 * canvas colour of the light or dark theme (renderer/src/theme/themes.css),
 * as the computer is set (the app's theme follows it unless chosen in Settings).
 */
export function windowBackground(dark: boolean): string {
  return dark ? '#0f141b' : '#f4f6f9';
}

/** Creates (hidden) the one application window; it shows itself when ready to paint. */
export function createMainWindow(options: { preloadPath: string; isDev: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_TITLE,
    show: false, // avoids a white flash before the first paint
    backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      // No DevTools in the packaged app: they would hand the page's internals to anyone at the keyboard.
      devTools: options.isDev,
    },
  });
  window.once('ready-to-show', () => window.show());
  // The title belongs to 'window:set-state'; the page's <title> must not override it.
  window.on('page-title-updated', (event) => event.preventDefault());
  return window;
}
