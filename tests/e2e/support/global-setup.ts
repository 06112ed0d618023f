/**
 * Vitest globalSetup for the `e2e` project: builds the app once per corpus (seeds, the hostile
 * fixtures, the real Smartable corpus), serves each build with `vite preview` on a free port,
 * and hands the base URLs to the tests through `provide`/`inject`.
 *
 * Builds run one after the other (the machine has two cores). `E2E_REUSE_BUILD=1` skips a build
 * whose output folder already holds an index.html (handy while iterating on tests only).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { sharedCorpusDir } from '../../support/shared-corpus';
import { assertChromium, startChromiumServer } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Each corpus's base URL (see `CORPORA`). */
    corpusUrls: Record<CorpusName, string>;
    /** Absolute folder of each build (to read the emitted JSON). */
    corpusOuts: Record<CorpusName, string>;
    /** The seeds' build folder (`corpusOuts.seeds`). */
    seedsOut: string;
    /** The shared Chromium's WebSocket endpoint (see startChromiumServer). */
    chromiumWs: string;
  }
}

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

export const CORPORA = {
  seeds: join(ROOT, 'seeds'),
  hostile: join(ROOT, 'tests', 'fixtures', 'hostile'),
  // A story of a published and an unpublished article (whose lead is the unpublished one), and one other.
  mixed: join(ROOT, 'tests', 'fixtures', 'mixed-story'),
  // The real Smartable corpus, next to the checkout (see sharedCorpusDir for elsewhere).
  corpus: sharedCorpusDir(),
} as const;
export type CorpusName = keyof typeof CORPORA;

function outDir(name: CorpusName): string {
  return join(ROOT, '.cache', 'e2e', name);
}

function viteEnv(name: CorpusName): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEWS_DIR: CORPORA[name],
    NEWS_SITE_URL: process.env.NEWS_SITE_URL ?? 'http://localhost',
    FORCE_COLOR: '0',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    NODE_ENV: 'production',
  };
  // The tests need the unpublished articles in the build, and a lenient build of hostile input.
  delete env.NEWS_DROP_UNPUBLISHED;
  delete env.NEWS_STRICT;
  return env;
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}

async function build(name: CorpusName): Promise<void> {
  const out = outDir(name);
  if (process.env.E2E_REUSE_BUILD === '1' && existsSync(join(out, 'index.html'))) return;
  if (!existsSync(CORPORA[name])) {
    throw new Error(`e2e: corpus folder for "${name}" not found: ${CORPORA[name]}${name === 'corpus' ? ' (set SMARTABLE_CORPUS_DIR)' : ''}`);
  }
  const started = Date.now();
  await new Promise<void>((resolveBuild, reject) => {
    const child = spawn(process.execPath, [VITE_BIN, 'build', '--outDir', out, '--emptyOutDir'], {
      cwd: ROOT,
      env: viteEnv(name),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolveBuild();
      else reject(new Error(`e2e: \`NEWS_DIR=${CORPORA[name]} vite build --outDir ${out}\` exited with ${code}:\n${tail(output)}`));
    });
  });
  if (!existsSync(join(out, 'index.html'))) throw new Error(`e2e: build of "${name}" wrote no index.html in ${out}`);
  console.log(`e2e: built ${name} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`e2e: vite preview exited with ${child.exitCode}:\n${tail(output())}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`e2e: vite preview did not answer at ${url} within ${timeoutMs} ms:\n${tail(output())}`);
}

async function serve(name: CorpusName): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [VITE_BIN, 'preview', '--outDir', outDir(name), '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    env: viteEnv(name),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(`${url}/`, child, () => output);
  return { url, child };
}

function kill(child: ChildProcess): void {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // the process group: vite and anything it spawned
  } catch {
    child.kill('SIGTERM');
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromium();
  if (!existsSync(VITE_BIN)) throw new Error(`e2e: ${VITE_BIN} not found: run \`npm ci\` first.`);

  const names = Object.keys(CORPORA) as CorpusName[];
  for (const name of names) await build(name); // sequential on purpose

  const servers: ChildProcess[] = [];
  let chromium: Awaited<ReturnType<typeof startChromiumServer>> | undefined;
  const teardown = async () => {
    for (const child of servers) kill(child);
    await chromium?.close();
  };
  try {
    chromium = await startChromiumServer();
    project.provide('chromiumWs', chromium.wsEndpoint());
    const urls = {} as Record<CorpusName, string>;
    const outs = {} as Record<CorpusName, string>;
    for (const name of names) {
      const { url, child } = await serve(name);
      servers.push(child);
      urls[name] = url;
      outs[name] = outDir(name);
    }
    project.provide('corpusUrls', urls);
    project.provide('corpusOuts', outs);
    project.provide('seedsOut', outs.seeds);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
