import { readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site';
import { dirBytes, firstScreenBytes, gzipSize, type FirstScreen } from '../../bench/lib/bytes';
import { REPO_ROOT } from '../../bench/lib/child';
import { ensureCorpus } from '../../bench/lib/corpus';
import { writeDataFiles } from '../../src/plugin/emit';
import { NewsPipeline } from '../../src/plugin/pipeline';

// Issue 5's byte budgets on a production build of a generated 10k corpus. Sizes are
// deterministic (same corpus, same code → same bytes), so these are exact checks, not timings.
const SIZE = 10_000;
const KB = 1024;
const work = path.join(REPO_ROOT, '.cache', 'budgets');
const corpusDir = path.join(work, `corpus-${SIZE}`);
const distDir = path.join(work, `dist-${SIZE}`);
let seedsOut: string;
let sourceBytes: number;
let first: FirstScreen;
let seedsIndexGzip: number;

beforeAll(async () => {
  sourceBytes = (await ensureCorpus(corpusDir, SIZE, 1)).bytes;
  const previous = process.env.NEWS_DIR;
  const previousEnv = process.env.NODE_ENV;
  process.env.NEWS_DIR = corpusDir;
  // Vitest sets NODE_ENV=test, which would bundle React's development build.
  process.env.NODE_ENV = 'production';
  try {
    await buildSite({
      root: REPO_ROOT,
      configFile: path.join(REPO_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: distDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.NEWS_DIR;
    else process.env.NEWS_DIR = previous;
    if (previousEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousEnv;
  }
  first = await firstScreenBytes(distDir);

  // A small corpus's index, for comparison (data only, no app build). Not the seeds: they hold
  // fewer articles than one page, so their index is smaller for a reason unrelated to scale.
  const small = await ensureCorpus(path.join(work, 'corpus-1000'), 1000, 1);
  seedsOut = path.join(os.tmpdir(), `budgets-small-${process.pid}`);
  await writeDataFiles(await new NewsPipeline({ dir: small.dir }).build(), seedsOut);
  seedsIndexGzip = gzipSize(await readFile(path.join(seedsOut, 'data', 'index.json')));
}, 300_000);

afterAll(async () => {
  if (seedsOut) await rm(seedsOut, { recursive: true, force: true });
});

describe(`byte budgets on a ${SIZE / 1000}k-article production build`, () => {
  it('first screen (HTML + JS + CSS + data/index.json, gzip) is under 150 KB', () => {
    expect(first.files).toContain('index.html');
    expect(first.files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(first.total, JSON.stringify(first)).toBeLessThan(150 * KB);
  });

  it('first-screen JS (entry, its module preloads; no lazy chunks) is under 110 KB gzip', () => {
    expect(first.js, first.files.join(', ')).toBeLessThan(110 * KB);
  });

  it("data/index.json does not grow with the corpus: within 2× of a 1k corpus's (gzip)", () => {
    expect(first.data).toBeLessThan(2 * seedsIndexGzip);
    expect(first.data).toBeLessThan(50 * KB);
  });

  it('every feed page file is under 50 KB gzip', async () => {
    const feedDir = path.join(distDir, 'data', 'feed');
    const entries = await readdir(feedDir, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => path.join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(100);
    const over: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file);
      if (bytes.length < 50 * KB) continue; // gzip never makes JSON this size bigger
      // Fast level first: if it fits, the default level (smaller) fits too.
      if (gzipSync(bytes, { level: constants.Z_BEST_SPEED }).length < 50 * KB) continue;
      const size = gzipSize(bytes);
      if (size >= 50 * KB) over.push(`${path.relative(distDir, file)}: ${(size / KB).toFixed(1)} KB`);
    }
    expect(over).toEqual([]);
  });

  it('data output is under twice the size of the source files', async () => {
    const data = await dirBytes(path.join(distDir, 'data'));
    expect(data.bytes / sourceBytes).toBeLessThan(2);
  });
});
