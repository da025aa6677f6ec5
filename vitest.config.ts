import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { rendererDefines } from './vite.shared';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/security/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        define: rendererDefines(),
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.{ts,tsx}'],
          setupFiles: ['test/component/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          // A busy 2-core machine can take more than the default second to
          // settle a UI change; polls still end as soon as they pass.
          expect: { poll: { timeout: 5_000 } },
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
