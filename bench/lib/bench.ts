import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildWithHugo, hugoVersion } from '../hugo/run.ts';
import type { BrowserResult } from './browser.ts';
import { dirBytes, firstScreenBytes } from './bytes.ts';
import { REPO_ROOT, runCommand, runInChild } from './child.ts';
import { ensureCorpus } from './corpus.ts';
import type { DataBuildResult } from './data-build.ts';
import type { DevResult } from './dev.ts';
import { METRICS, renderMarkdown, renderTable, verdict, type SizeResults } from './metrics.ts';
import type { BenchOptions } from './options.ts';
import { settleDisk } from './settle.ts';
import { Trash } from './trash.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  hugo?: string;
}

export interface BenchResult {
  date: string;
  machine: Machine;
  /** One line describing the machine, as printed. */
  machineLine: string;
  sizes: number[];
  /** Per size: metric key → number (ms, bytes, ratio, count) or why there is none. */
  results: Record<string, SizeResults>;
  /** Per size: metric key → pass/fail against issue 5's target, where one applies. */
  verdicts: Record<string, Record<string, { pass: boolean; target: string }>>;
  /** Supporting detail (individual runs, request lists, file names). */
  details: Record<string, Record<string, unknown>>;
  metrics: { key: string; label: string; unit: string; target: string }[];
  table: string;
  markdown: string;
}

const VITE_BIN = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const BUILD_TIMEOUT_MS = 10 * 60_000;
const CHILD_TIMEOUT_MS = 30 * 60_000;
const DEV_TIMEOUT_MS = 3 * 60_000;

export async function describeMachine(): Promise<Machine> {
  const cpus = os.cpus();
  const hugo = await hugoVersion().catch(() => undefined);
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    ...(hugo ? { hugo } : {}),
  };
}

export function machineLine(m: Machine): string {
  const hugo = m.hugo ? `; ${m.hugo.replace(/\s+BuildDate.*$/, '')}` : '; Hugo not installed';
  return `Machine: ${m.cpu} × ${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(1)} GB RAM, ${m.os}, Node ${m.node}${hugo}`;
}

/** The plugin's own cache folder for a content folder (see cacheDirFor in src/plugin/index.ts). */
function pluginCacheDir(corpusDir: string): string {
  const name = createHash('sha1').update(path.resolve(corpusDir)).digest('hex').slice(0, 12);
  return path.join(REPO_ROOT, 'node_modules', '.cache', 'smartable-news', name);
}

/** The middle value (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const errorText = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  return /timed out/.test(message) ? 'timed out' : `failed: ${message.split('\n')[0]!.slice(0, 60)}`;
};

async function measureSize(size: number, options: BenchOptions, hugoInstalled: boolean, trash: Trash, log: (line: string) => void): Promise<{ row: SizeResults; details: Record<string, unknown> }> {
  const row: SizeResults = {};
  const details: Record<string, unknown> = {};
  const work = options.cacheRoot;
  const attempt = async (what: string, fn: () => Promise<void>, keys: string[]) => {
    const t0 = performance.now();
    log(`[${size}] ${what}…`);
    try {
      await fn();
      log(`[${size}] ${what} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      log(`[${size}] ${what} FAILED: ${(error as Error).message}`);
      for (const k of keys) row[k] ??= errorText(error);
      details[`${what} error`] = (error as Error).message;
    }
  };

  const corpus = await ensureCorpus(path.join(work, `corpus-${size}`), size, options.seed);
  log(`[${size}] corpus ${corpus.generated ? 'generated' : 'reused'}: ${corpus.dir}`);
  row.sourceBytes = (await dirBytes(corpus.dir, (name) => name.startsWith('.bench-'))).bytes;

  // (1) cold and (2) warm data builds, each in a fresh process.
  const cacheDir = path.join(work, `pipeline-cache-${size}`);
  const dataOut = path.join(work, `data-${size}`);
  await attempt(
    'cold data build',
    async () => {
      await trash.discard(cacheDir);
      await trash.discard(dataOut);
      await mkdir(cacheDir, { recursive: true });
      settleDisk();
      const cold = await runInChild<DataBuildResult>('data-build', { dir: corpus.dir, cacheDir, outDir: dataOut }, { timeoutMs: CHILD_TIMEOUT_MS });
      row.coldBuildMs = cold.totalMs;
      row.coldPeakRssBytes = cold.peakRssBytes;
      details.cold = cold;
      // (3) output bytes vs source bytes.
      row.dataBytes = (await dirBytes(path.join(dataOut, 'data'))).bytes;
      row.dataOverSource = row.dataBytes / (row.sourceBytes as number);
    },
    ['coldBuildMs', 'coldPeakRssBytes', 'dataBytes', 'dataOverSource'],
  );
  await attempt(
    'warm data build',
    async () => {
      // The child empties its output folder first. Moved aside here instead, so that the cold
      // build's files (13,000 at 10k) are not deleted seconds before the timed production
      // build: ext4 then skips the freed inodes for a minute or more (see Trash).
      await trash.discard(dataOut);
      settleDisk();
      const warm = await runInChild<DataBuildResult>('data-build', { dir: corpus.dir, cacheDir, outDir: dataOut }, { timeoutMs: CHILD_TIMEOUT_MS });
      row.warmBuildMs = warm.totalMs;
      details.warm = warm;
    },
    ['warmBuildMs'],
  );
  await trash.discard(dataOut);

  // (4) full production build, cold (the plugin's cache for this corpus and the last output
  // moved aside first, so that nothing is deleted inside the timing: vite build --emptyOutDir
  // finds no folder to empty, as Hugo finds no destination), and (5) Hugo on the same corpus.
  // Where both run they alternate, `rounds` times each, and the table has each one's median:
  // identical builds on this machine vary by ±2 s, so one sample each decided the comparison
  // by chance. Every sample is in the details.
  const hugoSkipped = options.skipHugo ? 'skipped' : !hugoInstalled ? 'not installed' : size >= 100_000 && !options.hugo100k ? 'skipped (memory)' : undefined;
  if (hugoSkipped) row.hugoMs = hugoSkipped;
  const rounds = hugoSkipped ? 1 : options.rounds;
  const dist = path.join(work, `dist-${size}`);
  const prodRuns: number[] = [];
  const hugoRuns: number[] = [];
  let distReady = false;
  for (let round = 1; round <= rounds; round++) {
    const of = rounds > 1 ? ` (${round} of ${rounds})` : '';
    const built = prodRuns.length;
    await attempt(
      `vite build${of}`,
      async () => {
        await trash.discard(pluginCacheDir(corpus.dir));
        await trash.discard(dist);
        distReady = false;
        settleDisk();
        const run = await runCommand(process.execPath, [VITE_BIN, 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
          env: { ...process.env, NEWS_DIR: corpus.dir },
          timeoutMs: BUILD_TIMEOUT_MS,
        });
        if (run.timedOut) {
          row.prodBuildMs = `> ${BUILD_TIMEOUT_MS / 60_000} min, stopped`;
          return;
        }
        if (run.code !== 0) throw new Error(`vite build exited with ${run.code}: ${(run.stderr || run.stdout).trim().split('\n').slice(-5).join(' | ')}`);
        prodRuns.push(run.ms);
        distReady = true;
        // The plugin's cache is not part of the build output; leave node_modules as it was.
        await trash.discard(pluginCacheDir(corpus.dir));
      },
      ['prodBuildMs'],
    );
    // A failed or stopped build ends the rounds (Hugo still runs in this one, for the table).
    const buildFailed = prodRuns.length === built;
    let hugoFailed = false;
    if (!hugoSkipped) {
      const measured = hugoRuns.length;
      await attempt(
        `hugo${of}`,
        async () => {
          const out = path.join(work, `hugo-${size}`);
          await trash.discard(out);
          settleDisk();
          const hugo = await buildWithHugo(corpus.dir, out);
          await trash.discard(out);
          if (!hugo) throw new Error('hugo not installed');
          hugoRuns.push(hugo.ms);
          details.hugoPages = hugo.pages;
        },
        ['hugoMs'],
      );
      hugoFailed = hugoRuns.length === measured;
    }
    if (buildFailed || hugoFailed) break;
  }
  if (prodRuns.length === rounds) row.prodBuildMs = median(prodRuns);
  if (!hugoSkipped && hugoRuns.length === rounds) row.hugoMs = median(hugoRuns);
  details.prodBuildRuns = prodRuns;
  if (!hugoSkipped) details.hugoRuns = hugoRuns;
  // (6) first-screen bytes, of the last build.
  const firstScreenKeys = ['firstScreenGzip', 'firstScreenJsGzip', 'indexJsonGzip'];
  if (distReady) {
    await attempt(
      'first-screen bytes',
      async () => {
        const first = await firstScreenBytes(dist);
        row.firstScreenGzip = first.total;
        row.firstScreenJsGzip = first.js;
        row.indexJsonGzip = first.data;
        details.firstScreen = first;
      },
      firstScreenKeys,
    );
  } else {
    for (const k of firstScreenKeys) row[k] ??= 'no build';
  }
  const hugoMs = row.hugoMs;
  const cold = row.coldBuildMs;
  if (typeof hugoMs === 'number' && typeof cold === 'number') row.hugoOverCold = hugoMs / cold;
  else if (typeof hugoMs === 'string') row.hugoOverCold = hugoMs;

  // (7) dev and (8) browser.
  if (options.skipBrowser) {
    for (const m of METRICS) if (m.needs === 'browser') row[m.key] = 'skipped';
  } else {
    await attempt(
      'dev edit',
      async () => {
        const runDev = () => runInChild<DevResult>('dev', { root: REPO_ROOT, dir: corpus.dir, port: 5300 }, { timeoutMs: DEV_TIMEOUT_MS });
        // One retry: a dev server restart (a config or plugin file saved meanwhile) loses the edit.
        const dev = await runDev().catch((error: Error) => {
          log(`[${size}] dev edit: retrying after ${error.message.split('\n').slice(0, 2).join(' ')}`);
          return runDev();
        });
        row.devEditMs = dev.editVisibleMs;
        details.dev = dev;
      },
      ['devEditMs'],
    );
    if (distReady) {
      await attempt(
        'browser',
        async () => {
          const b = await runInChild<BrowserResult>('browser', { root: REPO_ROOT, distDir: dist, port: 4300 }, { timeoutMs: CHILD_TIMEOUT_MS });
          Object.assign(row, {
            firstCardMs: b.firstCardMs,
            topicMs: b.topicMs,
            sortMs: b.sortMs,
            loadMoreMs: b.loadMoreMs,
            loadMoreMaxMs: b.loadMoreMaxMs,
            maxDataRequestGzip: b.maxDataRequestGzip,
            domNodes: b.domNodes,
            jsHeapBytes: b.jsHeapBytes,
          });
          if (b.loadMores < 20) details.loadMoreNote = `only ${b.loadMores} load-mores possible`;
          details.browser = b;
        },
        ['firstCardMs', 'topicMs', 'sortMs', 'loadMoreMs', 'loadMoreMaxMs', 'maxDataRequestGzip', 'domNodes', 'jsHeapBytes'],
      );
    } else {
      for (const m of METRICS) if (m.needs === 'browser' && m.key !== 'devEditMs') row[m.key] ??= 'no build';
    }
  }
  return { row, details };
}

/** Runs the whole benchmark; writes the JSON to `options.out` and returns it. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  await mkdir(options.cacheRoot, { recursive: true });
  const machine = await describeMachine();
  const results: Record<string, SizeResults> = {};
  const details: Record<string, Record<string, unknown>> = {};
  const verdicts: BenchResult['verdicts'] = {};
  const trash = new Trash(path.join(options.cacheRoot, '.trash'));
  try {
    for (const size of options.sizes) {
      const measured = await measureSize(size, options, machine.hugo !== undefined, trash, log);
      results[size] = measured.row;
      details[size] = measured.details;
      verdicts[size] = {};
      for (const m of METRICS) {
        const v = verdict(m, size, measured.row);
        if (v) verdicts[size]![m.key] = v;
      }
    }
  } finally {
    await trash.empty();
  }
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine,
    machineLine: machineLine(machine),
    sizes: options.sizes,
    results,
    verdicts,
    details,
    metrics: METRICS.map(({ key, label, unit, target }) => ({ key, label, unit, target })),
    table: renderTable(options.sizes, results),
    markdown: renderMarkdown(options.sizes, results),
  };
  await mkdir(path.dirname(options.out), { recursive: true });
  await writeFile(options.out, JSON.stringify(result, null, 2) + '\n');
  return result;
}
