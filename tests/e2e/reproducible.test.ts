/**
 * Two builds of the same folder write the same bytes, every file; a build killed part-way
 * (SIGKILL: no cleanup runs) leaves nothing that makes the next build differ, and its temporary
 * folder is removed by that next build.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/helpers';

const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const CACHE_ROOT = join(ROOT, 'node_modules', '.cache', 'smartable-news');
const work = mkdtempSync(join(tmpdir(), 'news-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const env: NodeJS.ProcessEnv = { ...process.env, NEWS_DIR: join(ROOT, 'seeds'), NEWS_SITE_URL: 'http://localhost', FORCE_COLOR: '0', NODE_ENV: 'production' };
delete env.NEWS_DROP_UNPUBLISHED;
delete env.NEWS_STRICT;

/** Runs `vite build --outDir outDir`; with `killOn`, SIGKILLs it when its output matches. */
function build(outDir: string, killOn?: RegExp): Promise<{ pid: number; killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let killed = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (killOn && !killed && killOn.test(output)) {
        killed = child.kill('SIGKILL');
      }
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

/** Every file under `dir`, as relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(relative(dir, file), readFileSync(file));
  }
  return files;
}

function expectSameTree(a: string, b: string) {
  const left = tree(a);
  const right = tree(b);
  expect([...right.keys()].sort()).toEqual([...left.keys()].sort());
  const differing = [...left].filter(([file, bytes]) => !bytes.equals(right.get(file)!)).map(([file]) => file);
  expect(differing).toEqual([]);
}

describe('reproducible builds', () => {
  const clean = join(work, 'clean');

  it('two builds of the seeds give byte-identical trees', async () => {
    const again = join(work, 'again');
    await build(clean);
    await build(again);
    expect(tree(clean).size).toBeGreaterThan(20);
    expect(tree(clean).has('topic/ai/index.html')).toBe(true);
    expectSameTree(clean, again);
  }, 120_000);

  it('a build killed part-way, then built again into the same folder, gives the clean output', async () => {
    const killedDir = join(work, 'killed');
    // Killed once the data files are written, while the pages are being rendered.
    const killed = await build(killedDir, /news: data files: \d+ written/);
    expect(killed.killed).toBe(true);
    expect(existsSync(join(CACHE_ROOT, `prerender-${killed.pid}-1`))).toBe(true);
    await build(killedDir);
    expectSameTree(clean, killedDir);
    // The next build removed the killed one's temporary folder.
    expect(readdirSync(CACHE_ROOT).filter((name) => name.startsWith(`prerender-${killed.pid}-`))).toEqual([]);
  }, 120_000);
});
