import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate/corpus';
import { runBench, type BenchResult } from '../../bench/lib/bench';
import type { BuildLog } from '../../bench/lib/build-log';
import { applies, METRICS } from '../../bench/lib/metrics';
import { EDIT_JOURNAL } from '../../bench/lib/title-edit';

// A smoke run of `npm run bench` on a tiny corpus of the varied style, without Hugo, Chromium
// and the real corpus (each column costs three `vite build`s), so the benchmark cannot rot.
// Every measurement still runs in its own child process.
let work: string;
let result: BenchResult;
let out: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'bench-smoke-'));
  out = path.join(work, 'result.json');
  result = await runBench({
    sizes: [200],
    styles: ['varied'],
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

const BUILD_LOG_ROWS = ['warmPages', 'changedPages', 'changedDataFiles'];

describe('bench smoke run (200 varied articles, no Hugo, no browser, no real corpus)', () => {
  it('has one column, for the generated corpus', () => {
    expect(result.columns.map((c) => c.id)).toEqual(['200-varied']);
  });

  it('measures every metric that needs neither Hugo nor a browser as a positive number, where it applies', () => {
    for (const column of result.columns) {
      const row = result.results[column.id]!;
      const expected = METRICS.filter((m) => !m.needs && applies(m, column) && !BUILD_LOG_ROWS.includes(m.key)).map((m) => m.key);
      expect(expected.length).toBeGreaterThan(12);
      for (const key of expected) {
        const value = row[key];
        expect(typeof value, `${column.id} ${key} = ${String(value)}`).toBe('number');
        expect(value as number, key).toBeGreaterThan(0);
        expect(Number.isFinite(value), key).toBe(true);
      }
    }
  });

  it("takes the re-rendered pages and written data files from the warm and changed builds' logs, or says n/a", () => {
    const row = result.results['200-varied']!;
    const runs = result.details['200-varied']!.changedRuns as { ms: number; log: BuildLog }[];
    expect(runs).toHaveLength(1);
    expect(row.changedPages).toBe(runs[0]!.log.prerender?.rendered ?? 'n/a');
    expect(row.changedDataFiles).toBe(runs[0]!.log.dataFiles?.written ?? 'n/a');
    expect(row.warmPages).toBe((result.details['200-varied']!.warmLog as BuildLog).prerender?.rendered ?? 'n/a');
  });

  it('puts the changed file back, byte for byte', async () => {
    const dir = path.join(work, 'corpus-200-varied');
    const changed = result.details['200-varied']!.changedFile as string;
    expect(changed).toMatch(/\.md$/);
    const fresh = path.join(work, 'fresh');
    await generateCorpus(fresh, 200, 1, 'varied');
    expect((await readFile(path.join(dir, changed))).equals(await readFile(path.join(fresh, changed)))).toBe(true);
    expect(existsSync(path.join(dir, EDIT_JOURNAL))).toBe(false);
  });

  it('counts the CPU time of the build process tree: no more than its wall time on every core', () => {
    for (const column of result.columns) {
      const row = result.results[column.id]!;
      const cpu = row.prodCpuMs as number;
      const wall = row.prodBuildMs as number;
      // A vite build takes seconds of CPU whatever the load: a few ms would mean the wrong process was counted.
      expect(cpu, column.id).toBeGreaterThan(1000);
      expect(cpu, column.id).toBeLessThanOrEqual(wall * result.machine.cores + 20);
    }
  });

  it('marks the skipped metrics as skipped where they apply, and leaves the others out', () => {
    for (const column of result.columns) {
      const row = result.results[column.id]!;
      for (const m of METRICS.filter((m) => m.needs)) {
        if (applies(m, column)) expect(row[m.key], `${column.id} ${m.key}`).toBe('skipped');
        else expect(row[m.key], `${column.id} ${m.key}`).toBeUndefined();
      }
    }
  });

  it('writes the same result as JSON, with the machine and one table row per metric', async () => {
    const json = JSON.parse(await readFile(out, 'utf8')) as BenchResult;
    expect(json.results).toEqual(result.results);
    expect(json.machine.cores).toBeGreaterThan(0);
    expect(json.machineLine).toMatch(/cores/);
    const lines = json.table.split('\n');
    expect(lines).toHaveLength(METRICS.length + 2);
    expect(lines[0]).toMatch(/Target +200 varied$/);
    expect(json.markdown.split('\n')).toHaveLength(METRICS.length + 2);
  });

  it('reports sizes that are consistent with each other', () => {
    for (const column of result.columns) {
      const row = result.results[column.id]!;
      expect(row.dataOverSource).toBeCloseTo((row.dataBytes as number) / (row.sourceBytes as number), 6);
      expect(row.firstScreenJsGzip as number).toBeLessThan(row.firstScreenGzip as number);
      expect(row.indexJsonGzip as number).toBeLessThan(row.firstScreenGzip as number);
    }
  });
});
