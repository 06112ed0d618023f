/**
 * At scale the article pages are rendered by worker threads started early in the build (they
 * get the page context only once the data is written). The seeds are too few to use them, so
 * this builds a generated corpus above the threshold and checks every article's page.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from '../../support/build-site.ts';
import { generateCorpus } from '../../../bench/generate/corpus.ts';
import type { ArticleDetail } from '../../../src/contract/article.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'prerender-workers-'));
const outDir = path.join(work, 'dist');
const info: string[] = [];

/** What React's server renderer writes for text: `&`, `<`, `>`, `"` and `'` escaped. */
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

beforeAll(async () => {
  await generateCorpus(path.join(work, 'corpus'), 500, 7);
  process.env.NEWS_DIR = path.join(work, 'corpus');
  delete process.env.NEWS_SITE_URL;
  delete process.env.NEWS_DROP_UNPUBLISHED;
  delete process.env.NEWS_STRICT;
  delete process.env.NEWS_SITE_NAME;
  const logger = createLogger('info');
  logger.info = (message) => void info.push(message);
  logger.warn = () => undefined;
  await buildSite({ root: ROOT, customLogger: logger, build: { outDir, emptyOutDir: true, reportCompressedSize: false } });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

it('renders on more than one thread', () => {
  const line = info.find((l) => l.startsWith('prerender: '));
  expect(line).toMatch(/^prerender: rendered \d+ pages, .*pages on ([2-9]|\d\d) threads\)$/);
});

it('writes a page for every article, with its headline, and hydrating at its own URL', () => {
  const slugs = readdirSync(path.join(outDir, 'data', 'article')).map((f) => f.replace(/\.json$/, ''));
  expect(slugs.length).toBeGreaterThanOrEqual(400);
  // Every article page, and the feed, topic, search and 404 pages.
  expect(info.find((l) => l.startsWith('prerender: '))).toMatch(
    new RegExp(`^prerender: rendered ${slugs.length + 3 + readdirSync(path.join(outDir, 'topic')).length} pages, reused 0 unchanged`),
  );
  for (const slug of slugs) {
    const article = JSON.parse(readFileSync(path.join(outDir, 'data', 'article', `${slug}.json`), 'utf8')) as ArticleDetail;
    const html = readFileSync(path.join(outDir, 'article', slug, 'index.html'), 'utf8');
    expect(html, slug).toContain(`<div id="root" data-url="/article/${slug}">`);
    expect(html, slug).toContain(`>${escapeText(article.title)}</h1>`);
    expect(html, slug).toContain(`<article data-article="${slug}"`);
  }
});
