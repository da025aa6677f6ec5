/** Serves the built browser version (dist-web/) on a free local port. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';

const root = join(import.meta.dirname, '..', '..');

/**
 * Starts a static server for the browser build; returns its URL and a stop
 * function. E2E_DIST_DIR points at another build folder (parallel work).
 */
export async function serveBrowserBuild(): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = process.env.E2E_DIST_DIR ?? join(root, 'dist-web');
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`${outDir} has no build: run \`npm run build:web\` first.`);
  }
  const server = await preview({
    configFile: false,
    root,
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address.');
  return { url, close: () => server.close() };
}
