/**
 * `vite build` of the seeds in a child process, as the global setup runs it (same environment),
 * for the tests that compare builds; and that setup's own build of the seeds, as the clean
 * reference those tests compare with, so that they need not make another.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ROOT } from './helpers';

const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const env: NodeJS.ProcessEnv = { ...process.env, NEWS_DIR: join(ROOT, 'seeds'), NEWS_SITE_URL: 'http://localhost', FORCE_COLOR: '0', NODE_ENV: 'production' };
delete env.NEWS_DROP_UNPUBLISHED;
delete env.NEWS_STRICT;

export interface SeedsBuild {
  pid: number;
  killed: boolean;
  output: string;
}

/** Runs `vite build --outDir outDir` on the seeds; with `killOn`, SIGKILLs it when its output matches. */
export function buildSeeds(outDir: string, killOn?: RegExp): Promise<SeedsBuild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let killed = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (killOn && !killed && killOn.test(output)) killed = child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (killed || code === 0) resolve({ pid: child.pid!, killed, output });
      else reject(new Error(`vite build exited ${code}:\n${output}`));
    });
  });
}

/**
 * A clean build of the seeds with the current code: the global setup's (its environment is the
 * one above unless NEWS_SITE_URL is set for the run), or, when that may be an older build kept by
 * `E2E_REUSE_BUILD=1` or was made for another site URL, a new one in `fallbackDir`.
 */
export async function cleanSeedsBuild(fallbackDir: string): Promise<string> {
  const sameEnv = (process.env.NEWS_SITE_URL ?? 'http://localhost') === 'http://localhost';
  if (process.env.E2E_REUSE_BUILD !== '1' && sameEnv) return inject('seedsOut');
  await buildSeeds(fallbackDir);
  return fallbackDir;
}
