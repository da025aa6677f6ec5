import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { devOnlyRelaxedCsp, rendererDefines } from './vite.shared';

// The browser build: the same renderer, served as a plain web page. The
// platform adapter falls back to downloads and file inputs when there is no
// `window.workbench`.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), devOnlyRelaxedCsp()],
  define: rendererDefines(),
  build: {
    outDir: resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
