/**
 * The security policy of the desktop shell: which URLs are "the app", the
 * Content-Security-Policy, navigation / window.open rules, permission denial
 * and the openExternal scheme filter. The renderer is treated as a web page
 * that may one day be compromised; everything here limits what it can reach.
 */
import type { HandlerDetails, Session, Shell, WebContents } from 'electron';
import { isSafeExternalUrl } from '../shared/ipc';

/** Scheme and host the packaged renderer is served from (see app-protocol.ts). */
export const APP_SCHEME = 'app';
/** Host part of the app's own origin. */
export const APP_HOST = 'upskill';
/** The URL the main window loads in production. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Where the renderer comes from: our custom protocol, or the electron-vite dev server. */
export type RendererSource = { kind: 'app' } | { kind: 'dev'; url: string };

/** Picks the renderer source: ELECTRON_RENDERER_URL is only honoured in unpackaged runs. */
export function rendererSource(env: NodeJS.ProcessEnv, isPackaged: boolean): RendererSource {
  const url = env['ELECTRON_RENDERER_URL'];
  return !isPackaged && url ? { kind: 'dev', url } : { kind: 'app' };
}

/** The URL to load into the main window. */
export function rendererEntryUrl(source: RendererSource): string {
  return source.kind === 'dev' ? source.url : APP_ENTRY_URL;
}

/** True when `url` belongs to the app itself (same origin as the renderer we load). */
export function isAppUrl(url: string, source: RendererSource): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (source.kind === 'dev') {
    const dev = new URL(source.url);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === dev.origin
    );
  }
  // Node reports origin "null" for custom schemes, so compare the parts.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** CSP directives as name → sources, so tests can inspect them one by one. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/** The Content-Security-Policy directives for production, or for the Vite dev server. */
export function contentSecurityPolicyDirectives(source: RendererSource): CspDirectives {
  const production: CspDirectives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // React and React Flow set inline style attributes; scripts stay strict.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  if (source.kind === 'app') return production;
  const dev = new URL(source.url);
  const socket = `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`;
  return {
    ...production,
    // Development only: Vite's React Refresh preamble is an inline script and
    // hot reload talks over a WebSocket. Never used for the packaged app.
    'script-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", socket],
  };
}

/** The Content-Security-Policy header value for a renderer source. */
export function buildContentSecurityPolicy(source: RendererSource): string {
  return Object.entries(contentSecurityPolicyDirectives(source))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** True when the renderer may navigate its own frame to `url` (only within the app). */
export function isNavigationAllowed(url: string, source: RendererSource): boolean {
  return isAppUrl(url, source);
}

/** What to do with a window.open / target=_blank: never a new Electron window. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

/**
 * The single place the app hands a URL to the operating system: only
 * http, https and mailto, so a page can never launch `file:`, `smb:` or
 * custom-protocol handlers.
 */
export async function openExternalSafely(
  shell: Pick<Shell, 'openExternal'>,
  url: string,
): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch {
    return false; // no browser or mail client registered for the scheme
  }
}

/** Applies navigation, popup and <webview> lockdown to one WebContents. */
export function hardenWebContents(
  contents: WebContents,
  options: { source: RendererSource; openLink: (url: string) => void },
): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url, options.source)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, options.source)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    // webviewTag is off; refusing here as well covers any future window that forgets it.
    event.preventDefault();
  });
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    const decision = windowOpenDecision(details.url);
    if (decision.openExternally) options.openLink(details.url);
    return { action: decision.action };
  });
}

/**
 * Session-wide defences: every permission request (camera, notifications,
 * geolocation, …) denied, no network outside the app, CSP on every response.
 */
export function hardenSession(session: Session, source: RendererSource): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  // The app is offline-first: the only network origin it may touch is the dev server.
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => {
      const devServer = source.kind === 'dev' ? new URL(source.url).host : null;
      callback({ cancel: devServer === null || new URL(details.url).host !== devServer });
    },
  );

  const csp = buildContentSecurityPolicy(source);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
    });
  });
}
