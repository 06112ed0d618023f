import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dataPaths } from '../../../src/contract/data-paths';
import { writeDataFiles } from '../../../src/plugin/emit';
import { buildNewsData } from '../../../src/plugin/pipeline';
import { sharedCorpusDir } from '../../support/shared-corpus';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = sharedCorpusDir();

describe('the real corpus (../shared/corpus)', () => {
  it('builds with zero errors; videos expose their YouTube embed; items without webUrl use originalUrl', async () => {
    const build = await buildNewsData({ dir: CORPUS });
    const articles = await Promise.all(build.articles.map(async (a) => (await build.readArticle(a.head.slug))!));
    expect(build.files).toBe(77);
    expect(build.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(build.articles).toHaveLength(77);
    const raw = await Promise.all((await readdir(CORPUS)).map(async (f) => [f, await readFile(path.join(CORPUS, f), 'utf8')] as const));
    const articleOf = (file: string) => articles.find((a) => build.bySlug.get(a.slug)?.file === file)!;
    const videos = articles.filter((a) => a.type === 'video');
    const featured = raw.filter(([, text]) => /^featuredContent:/m.test(text)).map(([file]) => articleOf(file));
    expect(videos).toHaveLength(8);
    expect(featured).toHaveLength(9);
    for (const item of new Set([...videos, ...featured])) {
      expect(item.embed, item.slug).toMatchObject({ provider: 'youtube', id: expect.stringMatching(/^[\w-]{11}$/) });
    }
    const withoutWebUrl = raw.filter(([, text]) => !/^webUrl:/m.test(text));
    expect(withoutWebUrl.length).toBeGreaterThan(0);
    for (const [file, text] of withoutWebUrl) {
      const original = /^originalUrl:\s*"?([^"\r\n]+)"?/m.exec(text)?.[1];
      const article = articleOf(file);
      expect(article.url, file).toBe(new URL(original!).href);
    }
  });

  it('writes byte-identical data files twice, with cards small enough for every list page', async () => {
    const [a, b] = await Promise.all([mkdtemp(path.join(tmpdir(), 'news-a-')), mkdtemp(path.join(tmpdir(), 'news-b-'))]);
    try {
      await writeDataFiles(await buildNewsData({ dir: CORPUS }), a);
      const cacheDir = path.join(b, '.cache');
      const first = await writeDataFiles(await buildNewsData({ dir: CORPUS, cacheDir, workerThreshold: 10 }), path.join(b, 'first'));
      expect(first.written).toBe(first.files);
      // Unchanged content: the second build reuses parsed records and details; a folder without a manifest gets every file.
      const second = await writeDataFiles(await buildNewsData({ dir: CORPUS, cacheDir }), b);
      expect([second.written, second.unchanged]).toEqual([first.files, 0]);
      const files = (await readdir(path.join(a, 'data'), { recursive: true })).sort();
      expect((await readdir(path.join(b, 'data'), { recursive: true })).sort()).toEqual(files);
      expect(files.length).toBeGreaterThan(100);
      for (const file of files) {
        if (!file.endsWith('.json')) continue;
        expect(await readFile(path.join(b, 'data', file), 'utf8'), file).toBe(await readFile(path.join(a, 'data', file), 'utf8'));
      }
      const index = await readFile(path.join(a, dataPaths.index()), 'utf8');
      expect(Buffer.byteLength(index)).toBeLessThan(40_000);
    } finally {
      await Promise.all([rm(a, { recursive: true }), rm(b, { recursive: true })]);
    }
  });
});

describe("the dev server's on-demand data files", () => {
  // Written list pages are assembled from each card's bytes (feedPageBytes); served ones are
  // JSON.stringify of the page: this compares the two on every page.
  it('are the same bytes as the written ones, and unknown paths have none', async () => {
    const build = await buildNewsData({ dir: CORPUS });
    const all = await build.allDataFiles();
    expect(all.length).toBeGreaterThan(100);
    for (const [file, json] of all) expect(await build.dataFile(file), file).toBe(json);
    for (const missing of ['data/feed/published/topic/nope/heat/1.json', 'data/feed/published/all/heat/99.json', 'data/article/nope.json', 'data/other.json']) {
      expect(await build.dataFile(missing)).toBeUndefined();
    }
  });
});

describe('npm run check', () => {
  const run = promisify(execFile);
  const check = (...args: string[]) =>
    run('npx', ['tsx', 'src/plugin/cli/check.ts', ...args], { cwd: ROOT }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );

  it('passes the seeds and reports a summary', async () => {
    const { code, out } = await check('seeds');
    expect(code).toBe(0);
    expect(out).toContain('5 files checked: 0 errors, 0 warnings; 4 articles');
  });

  it('fails on a folder with errors and lists every problem with file and line', async () => {
    const { code, out } = await check('tests/fixtures/bad');
    expect(code).toBe(1);
    expect(out).toMatch(/broken-yaml\.md:\d+:\d+: error yaml-syntax/);
    expect(out).toMatch(/unterminated\.md:1: error unterminated-front-matter/);
    expect(out).toMatch(/javascript-link\.md:\d+: warning unsafe-url \[webUrl\]/);
    expect(out).toMatch(/\d+ files checked: [1-9]\d* errors?, [1-9]\d* warnings?/);
  });
});
