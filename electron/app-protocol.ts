/**
 * Serves the built renderer from `app://upskill/` instead of file://. A
 * file:// page shares its origin with every file on disk; a custom standard
 * scheme gives the app its own origin (for IndexedDB and CSP 'self') and
 * lets us attach the CSP header to every response we serve.
 */
import { promises as fs } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { errorCode } from './atomic-write';
import { APP_HOST, APP_SCHEME } from './security';

/** Registration of our scheme; must be passed to protocol.registerSchemesAsPrivileged before app ready. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  // standard: a real origin (storage, relative URLs); secure: treated like https.
  // No bypassCSP, no service workers.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The MIME type we serve a renderer asset with (module scripts need an exact JS type). */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// request URL to a file inside `rootDir`, or null when the URL
 * is not ours or would escape the folder (`..`, encoded separators, NUL).
 * Extensionless paths fall back to index.html so client-side routes reload.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname === '/' || extname(pathname) === '') pathname = '/index.html';
  const root = resolve(rootDir);
  const file = resolve(root, `.${pathname}`);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return null;
  }
  return file;
}

/** Builds the app:// request handler (exported for tests; Electron calls it per request). */
export function createAppProtocolHandler(options: {
  rootDir: string;
  contentSecurityPolicy: string;
}): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const file = resolveAppAsset(options.rootDir, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch (error) {
      const missing = errorCode(error) === 'ENOENT' || errorCode(error) === 'EISDIR';
      return new Response(missing ? 'Not found' : 'Unreadable', { status: missing ? 404 : 500 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': options.contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Installs the app:// handler on a session's protocol object. */
export function registerAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  options: { rootDir: string; contentSecurityPolicy: string },
): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
