import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real BrowserWindow cannot run here; record what Electron would receive.
const created = vi.hoisted(() => ({ options: [] as Record<string, unknown>[] }));
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      created.options.push(options);
    }
    once(): void {}
    on(): void {}
    show(): void {}
  },
  nativeTheme: { shouldUseDarkColors: false },
}));

import { APP_TITLE, createMainWindow, MIN_WINDOW_SIZE } from '../../electron/window';
import {
  APP_ENTRY_URL,
  buildContentSecurityPolicy,
  contentSecurityPolicyDirectives,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isNavigationAllowed,
  openExternalSafely,
  rendererEntryUrl,
  rendererSource,
  windowOpenDecision,
  type RendererSource,
} from '../../electron/security';

const app: RendererSource = { kind: 'app' };
const dev: RendererSource = { kind: 'dev', url: 'http://localhost:5173/' };

describe('main window webPreferences', () => {
  beforeEach(() => {
    created.options.length = 0;
  });

  function preferences(isDev: boolean): Record<string, unknown> {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', isDev });
    const options = created.options.at(-1);
    expect(options).toBeDefined();
    return options?.['webPreferences'] as Record<string, unknown>;
  }

  it('isolates and sandboxes the renderer', () => {
    const prefs = preferences(false);
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
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
    });
    expect(String(prefs['disableBlinkFeatures'])).toContain('Auxclick');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('allows DevTools only in development', () => {
    expect(preferences(false)['devTools']).toBe(false);
    expect(preferences(true)['devTools']).toBe(true);
  });

  it('has the title, a minimum size, and shows only when ready', () => {
    preferences(false);
    const options = created.options.at(-1);
    expect(options).toMatchObject({
      title: APP_TITLE,
      show: false,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
    });
    expect(MIN_WINDOW_SIZE.width).toBeGreaterThanOrEqual(1024);
    expect(MIN_WINDOW_SIZE.height).toBeGreaterThanOrEqual(700);
  });
});

describe('Content-Security-Policy', () => {
  const production = contentSecurityPolicyDirectives(app);

  it('is exactly the agreed production policy', () => {
    expect(buildContentSecurityPolicy(app)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never lets scripts run inline or from strings in production', () => {
    expect(production['script-src']).toEqual(["'self'"]);
    for (const sources of Object.values(production)) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('*');
    }
    expect(production['object-src']).toEqual(["'none'"]);
    expect(production['base-uri']).toEqual(["'none'"]);
    expect(production['frame-ancestors']).toEqual(["'none'"]);
    expect(production['connect-src']).toEqual(["'self'"]);
  });

  it('relaxes only script-src and connect-src for the Vite dev server', () => {
    const development = contentSecurityPolicyDirectives(dev);
    expect(development['connect-src']).toEqual(["'self'", 'ws://localhost:5173']);
    expect(development['script-src']).not.toContain("'unsafe-eval'");
    expect(development['object-src']).toEqual(["'none'"]);
    expect(development['base-uri']).toEqual(["'none'"]);
  });
});

describe('renderer source and app origin', () => {
  it('honours ELECTRON_RENDERER_URL only in unpackaged runs', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(rendererSource(env, false)).toEqual({ kind: 'dev', url: 'http://localhost:5173' });
    expect(rendererSource(env, true)).toEqual({ kind: 'app' });
    expect(rendererSource({}, false)).toEqual({ kind: 'app' });
    expect(rendererEntryUrl(app)).toBe(APP_ENTRY_URL);
  });

  it('recognises only our own origin', () => {
    expect(isAppUrl('app://upskill/index.html', app)).toBe(true);
    expect(isAppUrl('app://upskill/index.html#/plans/1', app)).toBe(true);
    expect(isAppUrl('app://evil/index.html', app)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('https://upskill/', app)).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('app://upskill/index.html', dev)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('allows navigation only within the app', () => {
    expect(isNavigationAllowed('app://upskill/index.html', app)).toBe(true);
    expect(isNavigationAllowed('https://example.org/', app)).toBe(false);
    expect(isNavigationAllowed('file:///C:/Windows/system.ini', app)).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', app)).toBe(false);
  });

  it('never opens a new Electron window; safe links go to the browser', () => {
    expect(windowOpenDecision('https://example.org/')).toEqual({
      action: 'deny',
      openExternally: true,
    });
    expect(windowOpenDecision('mailto:team@example.org')).toEqual({
      action: 'deny',
      openExternally: true,
    });
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://upskill/x',
      'smb://h/s',
    ]) {
      expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: false });
    }
  });

  class FakeContents extends EventEmitter {
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.openHandler = handler;
    }
  }

  function harden(source: RendererSource) {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as unknown as WebContents, {
      source,
      openLink: (url) => opened.push(url),
    });
    const navigate = (name: string, url: string): boolean => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit(name, event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { contents, opened, navigate };
  }

  it('blocks will-navigate and will-redirect away from the app', () => {
    const { navigate } = harden(app);
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///home/user/.ssh/id_rsa')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'app://upskill/index.html')).toBe(false);
  });

  it('uses the dev server origin in development', () => {
    const { navigate } = harden(dev);
    expect(navigate('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(navigate('will-navigate', 'http://localhost:8080/')).toBe(true);
  });

  it('refuses every <webview>', () => {
    const { navigate } = harden(app);
    expect(navigate('will-attach-webview', 'app://upskill/index.html')).toBe(true);
  });

  it('denies window.open and hands only safe URLs to the browser', () => {
    const { contents, opened } = harden(app);
    expect(contents.openHandler?.({ url: 'https://example.org/help' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://upskill/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/help']);
  });
});

describe('openExternal scheme filter', () => {
  it('opens http, https and mailto only', async () => {
    const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
    expect(await openExternalSafely(shell, 'https://example.org/')).toBe(true);
    expect(await openExternalSafely(shell, 'http://example.org/')).toBe(true);
    expect(await openExternalSafely(shell, 'mailto:someone@example.org')).toBe(true);
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'vscode://file/x',
      'app://upskill/index.html',
      '',
      'example.org',
    ]) {
      expect(await openExternalSafely(shell, url)).toBe(false);
    }
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.org/',
      'http://example.org/',
      'mailto:someone@example.org',
    ]);
  });

  it('reports false when the operating system has no handler', async () => {
    const shell = {
      openExternal: vi.fn(async () => {
        throw new Error('no application');
      }),
    };
    expect(await openExternalSafely(shell, 'mailto:x@example.org')).toBe(false);
  });
});

describe('session hardening', () => {
  function fakeSession() {
    const captured: {
      request?: (contents: unknown, permission: string, callback: (ok: boolean) => void) => void;
      check?: () => boolean;
      device?: () => boolean;
      beforeRequest?: {
        filter: { urls: string[] };
        listener: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
      };
      headers?: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (r: { responseHeaders: Record<string, string[]> }) => void,
      ) => void;
    } = {};
    const session = {
      setPermissionRequestHandler: (handler: typeof captured.request) =>
        (captured.request = handler),
      setPermissionCheckHandler: (handler: typeof captured.check) => (captured.check = handler),
      setDevicePermissionHandler: (handler: typeof captured.device) => (captured.device = handler),
      webRequest: {
        onBeforeRequest: (
          filter: { urls: string[] },
          listener: NonNullable<typeof captured.beforeRequest>['listener'],
        ) => (captured.beforeRequest = { filter, listener }),
        onHeadersReceived: (listener: typeof captured.headers) => (captured.headers = listener),
      },
    };
    return { session: session as unknown as Session, captured };
  }

  it('denies every permission request and check', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, app);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      captured.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(captured.check?.()).toBe(false);
    expect(captured.device?.()).toBe(false);
  });

  it('cancels all network requests in production, allows only the dev server in development', () => {
    const production = fakeSession();
    hardenSession(production.session, app);
    const decide = (captured: typeof production.captured, url: string): boolean => {
      let cancel = false;
      captured.beforeRequest?.listener({ url }, (result) => (cancel = result.cancel));
      return cancel;
    };
    expect(decide(production.captured, 'https://tracker.example/pixel.gif')).toBe(true);
    expect(decide(production.captured, 'http://localhost:5173/')).toBe(true);

    const development = fakeSession();
    hardenSession(development.session, dev);
    expect(decide(development.captured, 'http://localhost:5173/src/main.tsx')).toBe(false);
    expect(decide(development.captured, 'ws://localhost:5173/')).toBe(false);
    expect(decide(development.captured, 'https://cdn.example/lib.js')).toBe(true);
  });

  it('adds the CSP header to responses', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, app);
    let headers: Record<string, string[]> = {};
    captured.headers?.(
      { url: 'app://upskill/index.html', responseHeaders: { 'Content-Type': ['text/html'] } },
      (result) => (headers = result.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([buildContentSecurityPolicy(app)]);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });
});
