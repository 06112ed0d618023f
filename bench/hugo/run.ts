/**
 * Times Hugo building a Smartable corpus with the minimal site in this folder (issue 5).
 * `buildWithHugo` returns undefined when Hugo is not installed (set HUGO=/path/to/hugo to pick
 * a binary). `pages` is what Hugo reports: pages plus paginator pages (HTML files written,
 * not counting the `page/1/` alias redirects). `cpuMs` is Hugo's user + system time (all its
 * threads; Hugo starts no processes of its own), where /proc tells it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuBetween, endedChildrenCpuMs } from '../lib/child-cpu.ts';

const SITE_DIR = path.dirname(fileURLToPath(import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? resolve(undefined) : reject(err)));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Hugo's version line, or undefined when Hugo is not installed. */
export async function hugoVersion(): Promise<string | undefined> {
  const r = await run(process.env.HUGO || 'hugo', ['version'], process.env);
  return r && r.code === 0 ? r.stdout.trim() : undefined;
}

/**
 * Builds `corpusDir` (a Smartable corpus; `.txt` plain-text files are ignored) into `outDir`
 * with Hugo. `outDir` is emptied first so every run is a cold build. Throws if Hugo fails.
 */
export async function buildWithHugo(corpusDir: string, outDir: string): Promise<{ ms: number; cpuMs?: number; pages: number } | undefined> {
  const hugo = process.env.HUGO || 'hugo';
  const dest = path.resolve(outDir);
  await rm(dest, { recursive: true, force: true });
  // Keep Hugo's resources/ and build lock out of the source tree.
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'hugo-bench-'));
  const env = { ...process.env, HUGO_RESOURCEDIR: path.join(scratch, 'resources') };
  const args = [
    '--source',
    SITE_DIR,
    '--contentDir',
    path.resolve(corpusDir),
    '--destination',
    dest,
    '--cacheDir',
    path.join(scratch, 'cache'),
    '--noBuildLock',
  ];
  try {
    const cpu0 = endedChildrenCpuMs();
    const t0 = performance.now();
    const r = await run(hugo, args, env);
    const ms = performance.now() - t0;
    const cpuMs = cpuBetween(cpu0, endedChildrenCpuMs());
    if (!r) return undefined;
    if (r.code !== 0) throw new Error(`hugo exited with ${r.code}:\n${r.stderr || r.stdout}`);
    const count = (label: string) => Number(new RegExp(`^\\s*${label}\\s*\\|\\s*(\\d+)`, 'm').exec(r.stdout)?.[1] ?? 0);
    return { ms, ...(cpuMs === undefined ? {} : { cpuMs }), pages: count('Pages') + count('Paginator pages') };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// Direct use: npx tsx bench/hugo/run.ts <corpusDir> <outDir>
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [corpus, out] = process.argv.slice(2);
  if (!corpus || !out) {
    console.error('usage: tsx bench/hugo/run.ts <corpusDir> <outDir>');
    process.exit(2);
  }
  const result = await buildWithHugo(corpus, out);
  if (!result) {
    console.error('hugo is not installed');
    process.exit(1);
  }
  const cpu = result.cpuMs === undefined ? '' : ` (CPU ${(result.cpuMs / 1000).toFixed(2)} s)`;
  console.log(`hugo: ${result.pages} pages in ${(result.ms / 1000).toFixed(2)} s${cpu}`);
}
