import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { rendererDefines } from './vite.shared';

// Unit and component files run two at a time (the CI machine has 2 cores; each LibreOffice
// test uses its own profile), then the end-to-end files, two at a time too, on their own
// (sequence.groupOrder), so a Chromium test never shares the machine with a unit test's LibreOffice run.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // A hang guard, not a speed check (speed lives in npm run bench): property tests and
          // exports share 2 cores with LibreOffice here, and took over the default 5 s.
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
          include: ['test/unit/**/*.test.ts', 'test/security/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        define: rendererDefines(),
        test: {
          name: 'component',
          environment: 'jsdom',
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
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
          // Two files at a time, each with its own Chromium (and LibreOffice profile): one at a time
          // the e2e files took 11 of CI's 19 minutes.
          fileParallelism: true,
          // One retry: with two Chromiums on 2 cores, a canvas click in manage-reviews once went
          // unseen (passed in the run before); a test that fails twice still fails.
          retry: 1,
          sequence: { groupOrder: 1 },
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
