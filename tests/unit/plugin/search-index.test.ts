import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDetail } from '../../../src/contract/article';
import type { NewsBuild } from '../../../src/plugin/build-result';
import { articleKeys } from '../../../src/plugin/emit';
import { FileIndex } from '../../../src/plugin/file-index';
import { buildNewsData } from '../../../src/plugin/pipeline';
import { indexRecords, isShippedBundleFile, searchRecord, searchRecords, writeSearchIndex } from '../../../src/plugin/search-index';

const SEEDS = path.resolve(__dirname, '../../../seeds');

const detail = (over: Partial<ArticleDetail> = {}): ArticleDetail => ({
  slug: 'a-story',
  title: 'Courts & Cameras',
  excerpt: 'An excerpt.',
  publishedAt: '2020-06-11T17:01:00.000Z',
  type: 'video',
  heat: 57,
  quality: 12,
  published: true,
  provider: { name: 'The Verge', domain: 'TheVerge.com' },
  topics: ['Facial Recognition', 'AI'],
  relatedCount: 1,
  citedByCount: 0,
  images: [],
  body: [
    { kind: 'heading', text: 'A heading' },
    { kind: 'paragraph', text: 'A paragraph.' },
  ],
  related: [{ title: 'Other outlet headline', url: 'https://other.example/x', type: 'article', provider: { name: 'Other' } }],
  citedBy: [],
  ...over,
});

describe('searchRecord', () => {
  it('indexes headline, excerpt, body, outlet and topics; not related coverage', () => {
    expect(searchRecord(detail())).toEqual({
      url: '/article/a-story',
      content: 'Courts & Cameras\nAn excerpt.\nA heading\nA paragraph.\nThe Verge\nFacial Recognition\nAI',
      language: 'unknown',
      meta: { title: 'Courts & Cameras' },
      filters: { topic: ['facial-recognition', 'ai'], type: ['video'], source: ['theverge.com'], day: ['2020-06-11'] },
      sort: { heat: '57', quality: '12', date: String(Date.UTC(2020, 5, 11, 17, 1)) },
    });
  });

  it('marks only unpublished articles, and gives missing sort values the values that sort last', () => {
    const { quality: _q, publishedAt: _p, provider: _v, ...rest } = detail({ published: false, heat: -1, topics: [], body: [], excerpt: '' });
    const record = searchRecord(rest as ArticleDetail);
    expect(record.filters).toEqual({ topic: [], type: ['video'], unpublished: ['true'] });
    expect(record.sort).toEqual({ heat: '-1', quality: '-1', date: '0' });
    expect(record.content).toBe('Courts & Cameras');
  });
});

describe('isShippedBundleFile', () => {
  it('ships what pagefind.js loads, not Pagefind’s own UIs or stemming wasm', () => {
    for (const file of [
      'pagefind.js',
      'pagefind-worker.js',
      'pagefind-entry.json',
      'wasm.unknown.pagefind',
      'pagefind.unknown_0a1b2c.pf_meta',
      'index/unknown_1a2b3c4.pf_index',
      'fragment/unknown_1a2b3c4.pf_fragment',
      'filter/unknown_1a2b3c4.pf_filter',
    ])
      expect(isShippedBundleFile(file), file).toBe(true);
    for (const file of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-highlight.js', 'wasm.en.pagefind', 'playground/index.html'])
      expect(isShippedBundleFile(file), file).toBe(false);
  });
});

describe('writeSearchIndex', () => {
  let build: NewsBuild;
  let keys: Map<string, string>;
  let root: string;
  let out: string;
  let cache: string;
  const load = () => FileIndex.load(cache, out, () => undefined);
  const bundleFiles = () =>
    readdirSync(path.join(out, 'pagefind'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();
  const later = () => new Promise((resolve) => setTimeout(resolve, 25));

  beforeAll(async () => {
    build = await buildNewsData({ dir: SEEDS });
    keys = articleKeys(build, 'code');
  });
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'search-index-'));
    out = path.join(root, 'dist');
    cache = path.join(root, 'cache');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes one fragment per article and reuses the whole index while nothing changed', async () => {
    expect((await searchRecords(build)).map((r) => r.url)).toHaveLength(4);
    const first = load();
    const made = await writeSearchIndex(build, out, first, keys);
    expect(made).toMatchObject({ reused: false, written: made.files });
    expect(bundleFiles().filter((f) => f.startsWith('pagefind/fragment/'))).toHaveLength(4);
    expect(bundleFiles()).toHaveLength(made.files);
    await first.save();
    await later();

    const again = load();
    expect(await writeSearchIndex(build, out, again, keys)).toEqual({ files: made.files, written: 0, bytes: 0, reused: true });
    expect(bundleFiles().every((f) => again.produced(f))).toBe(true);
  });

  it('sends records in batches and gets the same files as sending them one at a time', async () => {
    const records = await searchRecords(build);
    const files = (list: { path: string; content: Uint8Array }[]) => list.map((f) => [f.path, Buffer.from(f.content).toString('base64')]).sort();
    expect(files(await indexRecords(records, 3))).toEqual(files(await indexRecords(records, 1)));
  });

  it('indexes again when an article changed, writing only files whose bytes differ', async () => {
    const first = load();
    const made = await writeSearchIndex(build, out, first, keys);
    await first.save();
    await later();
    const changed = new Map(keys);
    const slug = build.articles[0]!.head.slug;
    changed.set(slug, 'another key');
    const next = load();
    const result = await writeSearchIndex(build, out, next, changed);
    // Same text, so the same files: the key changed, the bytes did not.
    expect(result).toMatchObject({ reused: false, files: made.files, written: 0 });
  });

  it('rewrites a bundle file edited or deleted in the output, and only that file', async () => {
    const first = load();
    await writeSearchIndex(build, out, first, keys);
    await first.save();
    const files = bundleFiles();
    const fragment = files.find((f) => f.startsWith('pagefind/fragment/'))!;
    const original = readFileSync(path.join(out, fragment));
    await later();
    writeFileSync(path.join(out, fragment), 'hand edit');
    rmSync(path.join(out, 'pagefind', 'pagefind.js'));

    const next = load();
    const result = await writeSearchIndex(build, out, next, keys);
    expect(result).toMatchObject({ reused: false, written: 2 });
    expect(readFileSync(path.join(out, fragment)).equals(original)).toBe(true);
    expect(bundleFiles()).toEqual(files);
  });
});
