import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * The renderer's index.html carries the strict production CSP. The dev server
 * needs an inline React-refresh preamble and a websocket, so in `serve` mode
 * only, the meta tag is dropped (the production build always keeps it).
 */
export function devOnlyRelaxedCsp(): Plugin {
  return {
    name: 'upskill-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
  };
}

/** Compile-time constants for the renderer (the app version for About). */
export function rendererDefines(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return { __APP_VERSION__: JSON.stringify(pkg.version) };
}
