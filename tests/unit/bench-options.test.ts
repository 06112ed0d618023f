import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBuildLog } from '../../bench/lib/build-log';
import { generatedColumn, generatedColumns, realColumn } from '../../bench/lib/columns';
import { median } from '../../bench/lib/median';
import { applies, METRICS, ratio, renderMarkdown, renderTable, verdict, type SizeResults } from '../../bench/lib/metrics';
import { DEFAULT_REAL_CORPUS, parseBenchArgs } from '../../bench/lib/options';

const metric = (key: string) => METRICS.find((m) => m.key === key)!;

describe('bench options', () => {
  it('alternates three production and Hugo builds by default, and takes --rounds', () => {
    expect(parseBenchArgs([], '/repo').rounds).toBe(3);
    expect(parseBenchArgs(['--rounds', '5'], '/repo').rounds).toBe(5);
  });

  it('refuses a round count that is not a positive integer', () => {
    expect(() => parseBenchArgs(['--rounds', '0'], '/repo')).toThrow(/--rounds/);
    expect(() => parseBenchArgs(['--rounds', '1.5'], '/repo')).toThrow(/--rounds/);
  });

  it('measures both generator styles by default, and takes --styles', () => {
    expect(parseBenchArgs([], '/repo').styles).toEqual(['plain', 'varied']);
    expect(parseBenchArgs(['--styles', 'varied'], '/repo').styles).toEqual(['varied']);
    expect(parseBenchArgs(['--styles', 'varied, plain,varied'], '/repo').styles).toEqual(['varied', 'plain']);
  });

  it('refuses a style the generator does not have', () => {
    expect(() => parseBenchArgs(['--styles', 'plain,fancy'], '/repo')).toThrow(/--styles: .*fancy/);
  });

  it('measures the real corpus beside the repository unless --skip-real, and takes --real', () => {
    expect(DEFAULT_REAL_CORPUS).toBe(path.join('..', 'shared', 'corpus', 'smartable-power-apps-site', '_news'));
    expect(parseBenchArgs([], '/work/repo').realCorpus).toBe(path.resolve('/work/shared/corpus/smartable-power-apps-site/_news'));
    expect(parseBenchArgs(['--real', '/data/news'], '/work/repo').realCorpus).toBe(path.resolve('/data/news'));
    expect(parseBenchArgs(['--skip-real'], '/work/repo').realCorpus).toBeUndefined();
  });

  it('keeps --sizes, --skip-hugo and --skip-browser', () => {
    const o = parseBenchArgs(['--sizes', '1k,2500', '--skip-hugo', '--skip-browser'], '/repo');
    expect(o.sizes).toEqual([1000, 2500]);
    expect(o.skipHugo).toBe(true);
    expect(o.skipBrowser).toBe(true);
    expect(parseBenchArgs([], '/repo').skipHugo).toBe(false);
  });
});

describe('median', () => {
  it('is the middle sample, whatever the order', () => {
    expect(median([15.3, 12.1, 13.8])).toBe(13.8);
    expect(median([7])).toBe(7);
  });

  it('is the mean of the middle two for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('build log summary lines', () => {
  const log = [
    'vite v8.0.0 building client environment for production...',
    '✓ 212 modules transformed.',
    'dist/index.html                 1.43 kB │ gzip:  0.70 kB',
    'news: data files: 3 written, 13,004 unchanged, 0 removed',
    '✓ built in 2.31s',
    'prerender: NEWS_SITE_URL is not set: pages have no canonical/og:url and no sitemap.xml is written',
    '\x1b[32mprerender: rendered 7 pages, reused 10339 unchanged\x1b[39m\r',
  ].join('\n');

  it('reads the prerenderer and the data files lines, with thousands separators and colour codes', () => {
    expect(parseBuildLog(log)).toEqual({
      prerender: { rendered: 7, reused: 10339 },
      dataFiles: { written: 3, unchanged: 13004, removed: 0 },
    });
  });

  it('gives nothing for a line that is absent, without failing', () => {
    const before = 'prerender: 4 article pages + 6 other pages, 961 ms after the bundle closed\nnews: wrote 13 files in 20 ms';
    expect(parseBuildLog(before)).toEqual({});
    expect(parseBuildLog('')).toEqual({});
  });

  it('gives nothing for a summary printed twice (which one would be this build?)', () => {
    const twice = 'prerender: rendered 1 page, reused 9 unchanged\nprerender: rendered 2 pages, reused 8 unchanged\n';
    expect(parseBuildLog(twice)).toEqual({});
    expect(parseBuildLog('prerender: rendered 1 page, reused 9 unchanged').prerender).toEqual({ rendered: 1, reused: 9 });
  });
});

describe('bench columns and rows', () => {
  it('has one column per size and style, in size order, then the real corpus', () => {
    expect(generatedColumns({ sizes: [1000, 10000], styles: ['plain', 'varied'] }).map((c) => [c.id, c.label])).toEqual([
      ['1000-plain', '1k plain'],
      ['1000-varied', '1k varied'],
      ['10000-plain', '10k plain'],
      ['10000-varied', '10k varied'],
    ]);
    expect(realColumn(77)).toEqual({ id: 'real', label: 'real corpus', size: 77, style: 'real' });
  });

  it('measures browser rows in the plain style only, and never edits the real corpus', () => {
    const plain = generatedColumn(1000, 'plain');
    const varied = generatedColumn(1000, 'varied');
    const real = realColumn(77);
    expect([plain, varied, real].map((c) => applies(metric('topicMs'), c))).toEqual([true, false, false]);
    expect([plain, varied, real].map((c) => applies(metric('devEditMs'), c))).toEqual([true, false, false]);
    expect([plain, varied, real].map((c) => applies(metric('changedProdMs'), c))).toEqual([true, true, false]);
    expect([plain, varied, real].map((c) => applies(metric('warmProdMs'), c))).toEqual([true, true, true]);
    for (const m of METRICS.filter((m) => m.needs === 'browser')) expect(m.on, m.key).toBe('plain');
  });

  it('divides two numbers, and passes on why there is no number', () => {
    expect(ratio(3000, 1500)).toBe(2);
    expect(ratio('skipped', 1500)).toBe('skipped');
    expect(ratio(3000, 'failed: x')).toBe('failed: x');
    expect(ratio(3000, 0)).toBe('n/a');
    expect(ratio(undefined, 2)).toBeUndefined();
  });

  it("checks issue 16's targets at 10k", () => {
    const at = (key: string, value: number, size = 10000) => verdict(metric(key), size, { [key]: value });
    expect(at('prodOverHugo', 1.0)).toEqual({ pass: true, target: '≤ 1.0×' });
    expect(at('prodOverHugo', 1.16)?.pass).toBe(false);
    expect(at('prodCpuOverHugo', 1.29)?.pass).toBe(true);
    expect(at('prodCpuOverHugo', 1.7)).toEqual({ pass: false, target: '≤ 1.3×' });
    expect(at('warmProdMs', 2900)?.pass).toBe(true);
    expect(at('warmProdMs', 11_100)).toEqual({ pass: false, target: '< 3 s' });
    expect(at('warmPages', 0)).toEqual({ pass: true, target: 'none' });
    expect(at('warmPages', 10345, 1000)?.pass).toBe(false);
    expect(at('hugoOverWarmProd', 5)?.pass).toBe(true);
    expect(at('hugoOverWarmProd', 1.4)?.pass).toBe(false);
    expect(at('changedProdMs', 3900)?.pass).toBe(true);
    expect(at('changedProdMs', 4000)?.pass).toBe(false);
    expect(at('warmBuildMs', 499)?.pass).toBe(true);
    expect(at('warmBuildMs', 2140)?.pass).toBe(false);
    expect(at('devEditMs', 99)?.pass).toBe(true);
    expect(at('devEditMs', 507)).toEqual({ pass: false, target: '< 100 ms' });
    expect(at('devEditMs', 290, 100000)).toEqual({ pass: true, target: '< 300 ms' });
    expect(at('devEditMs', 6407, 100000)?.pass).toBe(false);
    expect(at('coldPeakRssBytes', 1.6 * 2 ** 30, 100000)?.pass).toBe(false);
  });

  it('states the 10k targets at 10k only, and the ratios from 10k up', () => {
    const at = (key: string, value: number, size: number) => verdict(metric(key), size, { [key]: value });
    expect(at('warmProdMs', 2900, 1000)).toBeUndefined();
    expect(at('warmProdMs', 29000, 100000)).toBeUndefined();
    expect(at('prodOverHugo', 3, 77)).toBeUndefined();
    expect(at('prodOverHugo', 0.9, 100000)?.pass).toBe(true);
  });

  it('renders a column per size and style with the marks, and "n/a" or "–" where nothing was measured', () => {
    const columns = [generatedColumn(10000, 'plain'), generatedColumn(10000, 'varied'), realColumn(77)];
    const results: Record<string, SizeResults> = {
      '10000-plain': { prodBuildMs: 9000, hugoMs: 12000, prodOverHugo: 0.75, warmProdMs: 2500, warmPages: 0, changedPages: 7, devEditMs: 80 },
      '10000-varied': { prodBuildMs: 13000, hugoMs: 12000, prodOverHugo: 13 / 12, warmProdMs: 3100, changedPages: 'n/a' },
      real: { prodBuildMs: 2100, hugoMs: 150, prodOverHugo: 14, warmProdMs: 1800 },
    };
    const table = renderTable(columns, results).split('\n');
    expect(table).toHaveLength(METRICS.length + 2);
    expect(table[0]).toMatch(/^Metric +Target +10k plain +10k varied +real corpus$/);
    const line = (label: string) => table.find((l) => l.startsWith(label))!;
    expect(line('vite build / Hugo (wall)')).toMatch(/0\.75× ✓ +1\.08× ✗ +14\.00×$/);
    expect(line('Warm vite build, nothing changed')).toMatch(/< 3 s at 10k +2\.50 s ✓ +3\.10 s ✗ +1\.80 s$/);
    expect(line('Warm vite build: pages re-rendered')).toMatch(/none \(build log\) +0 ✓ +– +–$/);
    expect(line('One title changed: pages re-rendered')).toMatch(/ 7 +n\/a +–$/);
    expect(line('Dev: saved edit visible')).toMatch(/80 ms ✓ +– +–$/);
    const md = renderMarkdown(columns, results).split('\n');
    expect(md[0]).toBe('| Metric | Target | 10k plain | 10k varied | real corpus |');
    expect(md[1]).toBe('| --- | --- | ---: | ---: | ---: |');
    expect(md).toContain('| Cold vite build (data, app, every page) | median of alternating runs | 9.00 s | 13.0 s | 2.10 s |');
  });
});
