import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBench, type BenchResult } from '../../bench/lib/bench';
import { METRICS } from '../../bench/lib/metrics';

// A smoke run of `npm run bench` on a tiny corpus, without Hugo and Chromium, so the
// benchmark cannot rot. Every measurement still runs in its own child process.
let work: string;
let result: BenchResult;
let out: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'bench-smoke-'));
  out = path.join(work, 'result.json');
  result = await runBench({
    sizes: [200],
    skipHugo: true,
    skipBrowser: true,
    hugo100k: false,
    out,
    markdown: false,
    seed: 1,
    rounds: 3,
    cacheRoot: work,
    log: () => undefined,
  });
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('bench smoke run (200 articles, no Hugo, no browser)', () => {
  it('measures every metric that needs neither Hugo nor a browser as a positive number', () => {
    const row = result.results['200']!;
    const expected = METRICS.filter((m) => !m.needs).map((m) => m.key);
    expect(expected.length).toBeGreaterThan(8);
    for (const key of expected) {
      const value = row[key];
      expect(typeof value, `${key} = ${String(value)}`).toBe('number');
      expect(value as number, key).toBeGreaterThan(0);
      expect(Number.isFinite(value), key).toBe(true);
    }
  });

  it('marks the skipped metrics as skipped rather than leaving them out', () => {
    const row = result.results['200']!;
    for (const m of METRICS.filter((m) => m.needs)) expect(row[m.key], m.key).toBe('skipped');
  });

  it('writes the same result as JSON, with the machine and one table row per metric', async () => {
    const json = JSON.parse(await readFile(out, 'utf8')) as BenchResult;
    expect(json.results).toEqual(result.results);
    expect(json.machine.cores).toBeGreaterThan(0);
    expect(json.machineLine).toMatch(/cores/);
    const lines = json.table.split('\n');
    expect(lines).toHaveLength(METRICS.length + 2);
    expect(lines[0]).toContain('200 articles');
    expect(json.markdown.split('\n')).toHaveLength(METRICS.length + 2);
  });

  it('reports sizes that are consistent with each other', () => {
    const row = result.results['200']!;
    expect(row.dataOverSource).toBeCloseTo((row.dataBytes as number) / (row.sourceBytes as number), 6);
    expect(row.firstScreenJsGzip as number).toBeLessThan(row.firstScreenGzip as number);
    expect(row.indexJsonGzip as number).toBeLessThan(row.firstScreenGzip as number);
  });
});
