import { spawnSync } from 'node:child_process';

/**
 * Writes every pending file change to disk (`sync`) before a timed step. Linux flushes written
 * data about 30 s after it was written, on the CPUs everyone shares: without this, each step
 * would pay for the hundreds of megabytes the step before it wrote (measured here: Hugo right
 * after `vite build`, and the other way round, each up to several seconds slower).
 */
export function settleDisk(): void {
  // Not on every system (Windows): then there is nothing to settle with, and nothing to fail.
  spawnSync('sync', { stdio: 'ignore' });
}
