import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { devOnlyRelaxedCsp, rendererDefines } from './vite.shared';

// Main and preload are bundled for Node/Electron; the renderer is the same
// React app the browser build serves (see vite.web.config.ts). Every library
// is bundled (externalizeDeps: false), so the packaged app ships no
// node_modules and all packages can stay devDependencies.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload.ts') },
        // A sandboxed preload cannot `require` ESM: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react(), devOnlyRelaxedCsp()],
    define: rendererDefines(),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } } },
  },
});
