/**
 * The incremental build gives what a clean build gives, byte for byte, after every kind of
 * change to the content, and after edits, deletions and additions in the output folder.
 *
 * The content changes run the build sequence itself (`buildApp`, the same function `vite build`
 * runs) with the app bundle held fixed, so that each step costs a parse and the pages, not a
 * bundling: the incremental build reuses its output folder and caches, the clean one starts
 * from nothing. The output-folder test runs `vite build` itself.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type ResolvedConfig, type ViteBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/plugin/build-app';
import { resolveOptions } from '../../src/plugin/options';
import { NewsPipeline } from '../../src/plugin/pipeline';
import type { PrerenderApi } from '../../src/prerender/index';
import { buildServerBundle, type ServerBundle } from '../../src/prerender/server-bundle';
import { ROOT } from './support/helpers';
import { buildSeeds, cleanSeedsBuild } from './support/seeds-build';
import { expectSameTree, tree } from './support/trees';

const work = mkdtempSync(join(tmpdir(), 'news-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TEMPLATE = readFileSync(join(ROOT, 'index.html'), 'utf8');
let config: ResolvedConfig;
let bundle: ServerBundle;
let prerender: PrerenderApi;

beforeAll(async () => {
  config = await resolveConfig({ root: ROOT, logLevel: 'silent' }, 'build', 'production', 'production');
  bundle = await buildServerBundle(config);
  const real = config.plugins.find((p) => p.name === 'news:prerender')!.api as PrerenderApi;
  prerender = {
    ...real,
    // buildApp removes the bundle's folder when it is done: each build gets a copy.
    bundleServer: async () => {
      // Under the project, where the bundle's imports of react and friends resolve.
      const dir = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'news-incremental-bundle-'));
      cpSync(bundle.dir, dir, { recursive: true });
      return { ...bundle, dir, entry: join(dir, 'server-entry.mjs'), worker: join(dir, 'prerender-worker.mjs') };
    },
    template: () => TEMPLATE,
  };
}, 60_000);
afterAll(() => rmSync(bundle.dir, { recursive: true, force: true }));

/** One build of `dir` into `outDir` with its caches in `cacheDir`; returns its log. */
async function build(dir: string, outDir: string, cacheDir: string): Promise<string[]> {
  const lines: string[] = [];
  const logger = { ...config.logger, info: (line: string) => lines.push(line), warn: (line: string) => lines.push(`warn: ${line}`) };
  const builder = {
    environments: { client: { config: { build: { outDir, copyPublicDir: false } } } },
    build: async () => ({ output: [] }),
  } as unknown as ViteBuilder;
  const pipeline = new NewsPipeline({ dir, cacheDir, siteName: 'Smartable News Reader', siteUrl: 'http://localhost' });
  await buildApp(builder, {
    config: { ...config, logger, logLevel: 'warn' },
    options: { ...resolveOptions({ dir }, ROOT, {}), siteUrl: 'http://localhost' },
    cacheDir,
    emptyOutDir: true,
    prerender,
    content: () => pipeline.build(),
    closeContent: () => pipeline.close(),
  });
  return lines;
}

const counts = (log: string[]) => {
  const data = /news: data files: (\d+) written, (\d+) unchanged, (\d+) removed/.exec(log.join('\n'));
  const pages = /prerender: rendered (\d+) pages, reused (\d+) unchanged/.exec(log.join('\n'));
  return { written: Number(data?.[1]), unchangedData: Number(data?.[2]), removed: Number(data?.[3]), rendered: Number(pages?.[1]), reused: Number(pages?.[2]) };
};

describe('incremental builds equal clean builds', () => {
  const content = join(work, 'news');
  const out = join(work, 'dist');
  const cache = join(work, 'cache');
  let step = 0;
  /** An incremental build, then a clean one of the same content; their trees must match. */
  async function expectClean() {
    const log = await build(content, out, cache);
    const clean = join(work, `clean-${++step}`);
    await build(content, clean, join(work, `clean-cache-${step}`));
    expectSameTree(clean, out, `after step ${step}`);
    rmSync(clean, { recursive: true, force: true });
    return counts(log);
  }
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(content, file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    expect(after, `the edit of ${file} changes it`).not.toBe(before);
    writeFileSync(path, after);
  };
  const original002 = readFileSync(join(ROOT, 'seeds', '002_f5098144ecc78018.txt'), 'utf8');
  const url001 = /^webUrl: "(.*)"$/m.exec(readFileSync(join(ROOT, 'seeds', '001_b6f788767d3a8fd8.txt'), 'utf8'))![1]!;

  beforeAll(() => cpSync(join(ROOT, 'seeds'), content, { recursive: true }));

  it('a first build, then one with nothing changed that writes and renders nothing', async () => {
    const first = await expectClean();
    // 30 article and feed files, the story index, 32 story list pages and the story of 001 and 002.
    expect(first.written).toBe(64);
    const again = counts(await build(content, out, cache));
    expect(again).toEqual({ written: 0, unchangedData: 64, removed: 0, rendered: 0, reused: 11 });
  }, 60_000);

  it('after a title is edited', async () => {
    edit('002_f5098144ecc78018.txt', (t) => t.replace(/^title: .*$/m, 'title: "Fast Company, edited: no police facial recognition"'));
    const c = await expectClean();
    expect(c.rendered).toBeLessThan(11);
  }, 60_000);

  it('after a heat changes', async () => {
    edit('000_ceed0cb3b1ce101b.txt', (t) => t.replace(/^heat: .*$/m, 'heat: 7'));
    await expectClean();
  }, 60_000);

  it('after a related item pointing into the corpus is added, then removed', async () => {
    edit('002_f5098144ecc78018.txt', (t) =>
      t.replace(
        /^related:\n/m,
        `related:\n  - title: "Microsoft won’t sell facial recognition technology to police"\n    publishedDateTime: 2020-06-11T18:51:00Z\n    webUrl: "${url001}"\n    type: article\n    provider:\n      name: Digital Trends\n      domain: digitaltrends.com\n`,
      ),
    );
    await expectClean();
    writeFileSync(
      join(content, '002_f5098144ecc78018.txt'),
      original002.replace(/^title: .*$/m, 'title: "Fast Company, edited: no police facial recognition"'),
    );
    await expectClean();
  }, 60_000);

  it('after a file is deleted', async () => {
    unlinkSync(join(content, '004_01f274f29409431b.txt'));
    const c = await expectClean();
    expect(c.removed).toBeGreaterThan(0);
  }, 60_000);

  it('after a plain-text body is added for an article', async () => {
    writeFileSync(
      join(content, '005_body.txt'),
      'Fast Company, edited: no police facial recognition\n\nA first paragraph of the body, from a plain-text file.\n\nA second one.\n',
    );
    await expectClean();
    expect(
      tree(out).get(
        join(
          'data',
          'article',
          (await readdir(join(out, 'data', 'article'))).find((f) => readFileSync(join(out, 'data', 'article', f), 'utf8').includes('A second one.'))!,
        ),
      ),
    ).toBeDefined();
  }, 60_000);
});

describe('the output folder edited by hand', () => {
  it('edits, deletions and additions in dist/ are undone by the next build, as a clean build makes it', async () => {
    const dist = join(work, 'vite-dist');
    const clean = await cleanSeedsBuild(join(work, 'vite-clean'));
    cpSync(clean, dist, { recursive: true });
    // The copy has no index yet: build once so the next build has something to trust.
    await buildSeeds(dist);
    // Nothing changed since: the build only checks (content stats, output stats, bundles).
    const { output: again } = await buildSeeds(dist);
    expect(again).toMatch(/news: nothing changed since the last build \(5 content files, \d+ output files checked\)/);
    expect(again).toMatch(/prerender: rendered 0 pages, reused 11 unchanged/);
    expectSameTree(clean, dist);
    const files = [...tree(dist).keys()];
    const article = files.find((f) => f.startsWith(join('data', 'article')))!;
    const page = files.find((f) => f.startsWith('article') && f.endsWith('index.html'))!;
    const asset = files.find((f) => f.startsWith('assets') && f.endsWith('.js'))!;
    const style = files.find((f) => f.startsWith('assets') && f.endsWith('.css'))!;
    const fragment = files.find((f) => f.startsWith(join('pagefind', 'fragment')))!;
    truncateSync(join(dist, 'data', 'index.json'), 0);
    writeFileSync(join(dist, article), '{"title":"PWND"}');
    writeFileSync(join(dist, page), '<title>PWND</title>');
    unlinkSync(join(dist, 'topic', 'ai', 'index.html'));
    unlinkSync(join(dist, asset));
    // The app's bundles are reused from the cache by then: their files in dist/ are not trusted either.
    writeFileSync(join(dist, style), 'body{display:none}');
    writeFileSync(join(dist, fragment), 'PWND');
    writeFileSync(join(dist, 'data', 'extra.json'), '{}');
    writeFileSync(join(dist, 'article', 'stray.html'), 'stray');
    const { output: log } = await buildSeeds(dist);
    expect(log).not.toMatch(/nothing changed/);
    expect(log).toMatch(/news: data files: 2 written, 62 unchanged, 1 removed/);
    expect(log).toMatch(/prerender: rendered 2 pages, reused 9 unchanged/);
    // The search index is made again (Pagefind has no partial update); only the edited file is written.
    expect(log).toMatch(/search: indexed 4 articles: \d+ files, 1 written/);
    expect(log).toMatch(/news: app bundles unchanged since the last build: reused/);
    expectSameTree(clean, dist);
  }, 120_000);
});
