import { defineConfig } from 'vitest/config';
import { buildsLastSequencer } from './tests/support/builds-last-sequencer';

// Unit files that run whole builds (in-process or `vite build` children) or the benchmark,
// longest first: they start in this order, after the other unit files.
const BUILDS = [
  'tests/unit/budgets.test.ts',
  'tests/unit/bench-smoke.test.ts',
  'tests/unit/prerender/workers.test.ts',
  'tests/unit/prerender/prerender.test.ts',
];

export default defineConfig({
  test: {
    // Pure and fast tests first: a broken rule shows up before any build or browser starts.
    sequence: { sequencer: buildsLastSequencer(BUILDS) },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 30_000,
          // Vitest's default is one worker fewer than the cores: one on this two-core machine.
          // These files wait on disk, worker threads and child processes much of the time, so
          // a second worker fills both cores.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          fileParallelism: false,
          // One worker runs every file and imports playwright-core, Vite and the helpers once;
          // the files share no state but the servers and the Chromium process of the global setup.
          isolate: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
