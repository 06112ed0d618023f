import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildWithHugo } from '../hugo/run.ts';
import type { BrowserResult } from './browser.ts';
import { parseBuildLog, type BuildLog } from './build-log.ts';
import { dirBytes, firstScreenBytes } from './bytes.ts';
import { REPO_ROOT, runCommand, runInChild, type ChildRun } from './child.ts';
import type { Column } from './columns.ts';
import type { DataBuildResult } from './data-build.ts';
import type { DevResult } from './dev.ts';
import { median } from './median.ts';
import { applies, METRICS, ratio, type SizeResults } from './metrics.ts';
import type { BenchOptions } from './options.ts';
import { settleDisk } from './settle.ts';
import { beginTitleEdit } from './title-edit.ts';
import type { Trash } from './trash.ts';

const VITE_BIN = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const BUILD_TIMEOUT_MS = 10 * 60_000;
const CHILD_TIMEOUT_MS = 30 * 60_000;
// At 100k the dev server's first search index and the one after an edit take minutes each.
const DEV_TIMEOUT_MS = 15 * 60_000;

/** The plugin's own cache folder for a content folder (see cacheDirFor in src/plugin/index.ts). */
function pluginCacheDir(corpusDir: string): string {
  const name = createHash('sha1').update(path.resolve(corpusDir)).digest('hex').slice(0, 12);
  return path.join(REPO_ROOT, 'node_modules', '.cache', 'smartable-news', name);
}

const errorText = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  return /timed out/.test(message) ? 'timed out' : `failed: ${message.split('\n')[0]!.slice(0, 60)}`;
};

export interface ColumnContext {
  options: BenchOptions;
  hugoInstalled: boolean;
  trash: Trash;
  log: (line: string) => void;
}

/** Everything one column of the table measures on the corpus in `dir`; every step in a fresh process. */
export async function measureColumn(
  column: Column,
  dir: string,
  { options, hugoInstalled, trash, log }: ColumnContext,
): Promise<{ row: SizeResults; details: Record<string, unknown> }> {
  const row: SizeResults = {};
  const details: Record<string, unknown> = {};
  const work = options.cacheRoot;
  const tag = `[${column.label}]`;
  const attempt = async (what: string, fn: () => Promise<void>, keys: string[]): Promise<boolean> => {
    const t0 = performance.now();
    log(`${tag} ${what}…`);
    try {
      await fn();
      log(`${tag} ${what} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return true;
    } catch (error) {
      log(`${tag} ${what} FAILED: ${(error as Error).message}`);
      for (const k of keys) row[k] ??= errorText(error);
      details[`${what} error`] = (error as Error).message;
      return false;
    }
  };
  row.sourceBytes = (await dirBytes(dir, (name) => name.startsWith('.bench-'))).bytes;

  const dist = path.join(work, `dist-${column.id}`);
  const cache = pluginCacheDir(dir);
  /** `vite build` into `dist`, as `npm run build` does (its log at the default level: the summary lines are info). */
  const viteBuild = async (env: Record<string, string> = {}, outDir = dist): Promise<ChildRun> => {
    settleDisk();
    const run = await runCommand(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir'], {
      env: { ...process.env, NEWS_DIR: dir, ...env },
      timeoutMs: BUILD_TIMEOUT_MS,
    });
    if (run.timedOut) throw new Error(`vite build timed out after ${BUILD_TIMEOUT_MS / 60_000} min`);
    if (run.code !== 0) throw new Error(`vite build exited with ${run.code}: ${(run.stderr || run.stdout).trim().split('\n').slice(-5).join(' | ')}`);
    return run;
  };
  const logOf = (run: ChildRun): BuildLog => parseBuildLog(`${run.stdout}\n${run.stderr}`);

  // (1) Cold `vite build` (the plugin's cache for this corpus and the last output moved aside
  // first, so that nothing is deleted inside the timing: vite finds no folder to empty, as
  // Hugo finds no destination), and (2) Hugo on the same corpus. Where both run they
  // alternate, `rounds` times each, and the table has each one's median: identical builds on
  // this machine vary by ±2 s, so one sample each decided the comparison by chance.
  const hugoSkipped = options.skipHugo
    ? 'skipped'
    : !hugoInstalled
      ? 'not installed'
      : column.size >= 100_000 && !options.hugo100k
        ? 'skipped (memory)'
        : undefined;
  if (hugoSkipped) row.hugoMs = row.hugoCpuMs = hugoSkipped;
  const rounds = hugoSkipped ? 1 : options.rounds;
  const prodRuns: { ms: number; cpuMs?: number; log: BuildLog }[] = [];
  // The same cold build without the search index, alternating with the others: what the index adds.
  const measureNoSearch = column.size < 100_000;
  if (!measureNoSearch) row.noSearchBuildMs = 'skipped (100k)';
  const noSearchRuns: { ms: number }[] = [];
  const hugoRuns: { ms: number; cpuMs?: number }[] = [];
  let distReady = false;
  for (let round = 1; round <= rounds; round++) {
    const of = rounds > 1 ? ` (${round} of ${rounds})` : '';
    // First, so that the cold build with the index leaves the plugin cache the warm builds use.
    if (measureNoSearch) {
      await attempt(
        `cold vite build without search${of}`,
        async () => {
          const out = path.join(work, `dist-nosearch-${column.id}`);
          await trash.discard(cache);
          await trash.discard(out);
          const run = await viteBuild({ NEWS_SEARCH: '0' }, out);
          noSearchRuns.push({ ms: run.ms });
          await trash.discard(out);
        },
        ['noSearchBuildMs'],
      );
    }
    const built = await attempt(
      `cold vite build${of}`,
      async () => {
        await trash.discard(cache);
        await trash.discard(dist);
        distReady = false;
        const run = await viteBuild();
        prodRuns.push({ ms: run.ms, ...(run.cpuMs === undefined ? {} : { cpuMs: run.cpuMs }), log: logOf(run) });
        distReady = true;
        if (!existsSync(cache) && !details.cacheNote) {
          details.cacheNote = `no plugin cache at ${cache} after a build: the bench may not clear the real one before "cold" builds`;
          log(`${tag} WARNING: ${details.cacheNote as string}`);
        }
      },
      ['prodBuildMs', 'prodCpuMs'],
    );
    let hugoFailed = false;
    if (!hugoSkipped) {
      hugoFailed = !(await attempt(
        `hugo${of}`,
        async () => {
          const out = path.join(work, `hugo-${column.id}`);
          await trash.discard(out);
          settleDisk();
          const hugo = await buildWithHugo(dir, out);
          await trash.discard(out);
          if (!hugo) throw new Error('hugo not installed');
          hugoRuns.push({ ms: hugo.ms, ...(hugo.cpuMs === undefined ? {} : { cpuMs: hugo.cpuMs }) });
          details.hugoPages = hugo.pages;
        },
        ['hugoMs', 'hugoCpuMs'],
      ));
    }
    // A failed build ends the rounds (Hugo still runs in this one, for the table).
    if (!built || hugoFailed) break;
  }
  const medianOf = (runs: { ms: number; cpuMs?: number }[], key: 'ms' | 'cpuMs') =>
    runs.length < rounds ? undefined : runs.every((r) => r[key] !== undefined) ? median(runs.map((r) => r[key]!)) : 'n/a';
  const setMedian = (key: string, runs: { ms: number; cpuMs?: number }[], of: 'ms' | 'cpuMs') => {
    const value = medianOf(runs, of);
    if (value !== undefined) row[key] ??= value;
  };
  setMedian('prodBuildMs', prodRuns, 'ms');
  setMedian('prodCpuMs', prodRuns, 'cpuMs');
  if (measureNoSearch) setMedian('noSearchBuildMs', noSearchRuns, 'ms');
  details.noSearchRuns = noSearchRuns;
  if (!hugoSkipped) {
    setMedian('hugoMs', hugoRuns, 'ms');
    setMedian('hugoCpuMs', hugoRuns, 'cpuMs');
  }
  details.prodBuildRuns = prodRuns;
  if (!hugoSkipped) details.hugoRuns = hugoRuns;

  // (3) Warm `vite build`, nothing changed: again on the last build's output and cache, nothing
  // moved aside, `rounds` times (each on the one before).
  const warmRuns: number[] = [];
  if (distReady) {
    for (let round = 1; round <= rounds && distReady; round++) {
      const of = rounds > 1 ? ` (${round} of ${rounds})` : '';
      distReady = await attempt(
        `warm vite build${of}`,
        async () => {
          const run = await viteBuild();
          warmRuns.push(run.ms);
          details.warmLog = logOf(run);
        },
        ['warmProdMs', 'warmPages'],
      );
    }
    if (warmRuns.length === rounds) {
      row.warmProdMs = median(warmRuns);
      row.warmPages = (details.warmLog as BuildLog).prerender?.rendered ?? 'n/a';
    }
    details.warmProdRuns = warmRuns;
  } else row.warmProdMs = row.warmPages = 'no build';

  // (4) One article's title changed (every other byte of its file kept), then `vite build`:
  // `rounds` times, each a new title, so that each build has exactly one changed file. Never
  // on the real corpus, which is not the bench's to change.
  const changeKeys = ['changedProdMs', 'changedPages', 'changedDataFiles'];
  if (column.style !== 'real') {
    if (distReady) {
      const changedRuns: { ms: number; log: BuildLog }[] = [];
      await attempt(
        'one title changed, vite build',
        async () => {
          const edit = await beginTitleEdit(dir);
          details.changedFile = path.relative(dir, edit.file);
          try {
            for (let round = 1; round <= rounds; round++) {
              await edit.write(` (bench edit ${round})`);
              // A build that fails leaves no output to measure in the browser.
              distReady = false;
              const run = await viteBuild();
              distReady = true;
              changedRuns.push({ ms: run.ms, log: logOf(run) });
            }
          } finally {
            await edit.restore();
          }
          row.changedProdMs = median(changedRuns.map((r) => r.ms));
          const last = changedRuns.at(-1)!.log;
          row.changedPages = last.prerender?.rendered ?? 'n/a';
          row.changedDataFiles = last.dataFiles?.written ?? 'n/a';
        },
        changeKeys,
      );
      details.changedRuns = changedRuns;
    } else for (const k of changeKeys) row[k] = 'no build';
  }

  // The search bundle the last build wrote (Pagefind's files are gzipped already).
  if (distReady) {
    await attempt(
      'search index size',
      async () => {
        const bundle = await dirBytes(path.join(dist, 'pagefind'));
        row.searchIndexFiles = bundle.files;
        row.searchIndexBytes = bundle.bytes;
      },
      ['searchIndexFiles', 'searchIndexBytes'],
    );
  } else row.searchIndexFiles = row.searchIndexBytes = 'no build';

  // (5) First-screen bytes, of the last build.
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
  } else for (const k of firstScreenKeys) row[k] ??= 'no build';
  // The plugin's cache is not part of the build output; leave node_modules as it was.
  await trash.discard(cache);

  // (6) Cold and (7) warm data builds, each in a fresh process; the warm one over the cold
  // one's output, as a rebuild with nothing changed finds it. After the production builds, so
  // that the files the data builds delete (ext4 then skips their inodes for a while: see
  // Trash) are not deleted just before a timed `vite build`.
  const cacheDir = path.join(work, `pipeline-cache-${column.id}`);
  const dataOut = path.join(work, `data-${column.id}`);
  await attempt(
    'cold data build',
    async () => {
      await trash.discard(cacheDir);
      await trash.discard(dataOut);
      await mkdir(cacheDir, { recursive: true });
      settleDisk();
      const cold = await runInChild<DataBuildResult>('data-build', { dir, cacheDir, outDir: dataOut }, { timeoutMs: CHILD_TIMEOUT_MS });
      row.coldBuildMs = cold.totalMs;
      row.coldPeakRssBytes = cold.peakRssBytes;
      details.cold = cold;
      row.dataBytes = (await dirBytes(path.join(dataOut, 'data'))).bytes;
      row.dataOverSource = row.dataBytes / (row.sourceBytes as number);
    },
    ['coldBuildMs', 'coldPeakRssBytes', 'dataBytes', 'dataOverSource'],
  );
  await attempt(
    'warm data build',
    async () => {
      settleDisk();
      const warm = await runInChild<DataBuildResult>('data-build', { dir, cacheDir, outDir: dataOut, keepOut: true }, { timeoutMs: CHILD_TIMEOUT_MS });
      row.warmBuildMs = warm.totalMs;
      details.warm = warm;
    },
    ['warmBuildMs'],
  );
  await trash.discard(dataOut);

  const setRatio = (key: string, a: string, b: string) => {
    const value = ratio(row[a], row[b]);
    if (value !== undefined) row[key] = value;
  };
  setRatio('prodOverHugo', 'prodBuildMs', 'hugoMs');
  setRatio('prodCpuOverHugo', 'prodCpuMs', 'hugoCpuMs');
  setRatio('hugoOverWarmProd', 'hugoMs', 'warmProdMs');
  setRatio('hugoOverCold', 'hugoMs', 'coldBuildMs');
  setRatio('searchBuildRatio', 'prodBuildMs', 'noSearchBuildMs');

  // (8) Dev and (9) browser: the plain style only (the app is the same whichever style).
  const browserMetrics = METRICS.filter((m) => m.needs === 'browser' && applies(m, column));
  if (browserMetrics.length === 0) {
    // Nothing to measure in this column.
  } else if (options.skipBrowser) {
    for (const m of browserMetrics) row[m.key] = 'skipped';
  } else {
    await attempt(
      'dev edit',
      async () => {
        const runDev = () => runInChild<DevResult>('dev', { root: REPO_ROOT, dir, port: 5300 }, { timeoutMs: DEV_TIMEOUT_MS });
        // One retry: a dev server restart (a config or plugin file saved meanwhile) loses the edit.
        const dev = await runDev().catch((error: Error) => {
          log(`${tag} dev edit: retrying after ${error.message.split('\n').slice(0, 2).join(' ')}`);
          return runDev();
        });
        row.devEditMs = dev.editVisibleMs;
        row.devEditMaxMs = dev.editSlowestMs;
        row.devSearchMs = dev.searchUpdatedMs;
        details.dev = dev;
      },
      ['devEditMs', 'devEditMaxMs', 'devSearchMs'],
    );
    await trash.discard(cache);
    const keys = browserMetrics.map((m) => m.key).filter((k) => k !== 'devEditMs' && k !== 'devEditMaxMs' && k !== 'devSearchMs');
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
            searchFirstQueryGzip: b.search.firstQueryGzip,
            searchKeystrokeGzip: b.search.keystrokeMaxGzip,
            searchMs: b.search.queryMs,
            searchMaxMs: b.search.queryMaxMs,
            searchCardMs: b.search.cardMs,
            searchCardMaxMs: b.search.cardMaxMs,
          });
          if (b.loadMores < 20) details.loadMoreNote = `only ${b.loadMores} load-mores possible`;
          details.browser = b;
        },
        keys,
      );
    } else for (const k of keys) row[k] ??= 'no build';
  }
  await trash.discard(dist);
  return { row, details };
}
