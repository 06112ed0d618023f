/**
 * Renders pages with the SSR bundle's `renderPage` and writes them. Shared by the main thread
 * and the worker threads (the worker is bundled with the SSR build, so both run this code).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleDetail } from '../contract/article.ts';
import { dataPaths, storyFileId } from '../contract/data-paths.ts';
import type { FeedPage, NewsIndex, Scope, SortKey } from '../contract/feed.ts';
import type { StoryDetail } from '../contract/story.ts';
import { articleHref } from '../contract/routes.ts';
import { assemblePage, type PageTemplate } from './document.ts';
import { articleHead, type SiteInfo } from './head.ts';

/** What src/app/server-entry.tsx exports (declared here so Node-side code need not type-check the app). */
export interface RenderInput {
  url: string;
  basename: string;
  index: NewsIndex;
  article?: ArticleDetail;
  story?: StoryDetail;
  feedPages?: { scope: Scope; topic: string | undefined; sort: SortKey; page: number; data: FeedPage }[];
}
export interface RenderOutput {
  html: string;
  state: string;
}
export interface ServerEntry {
  renderPage(input: RenderInput): Promise<RenderOutput>;
}

/** Everything a thread needs to render article pages; plain data, so it crosses to workers. */
export interface PageContext {
  /** Where pages are written. */
  outDir: string;
  /** Where the data files are read: `outDir`, or the news plugin's cache copy being linked into it. */
  dataDir: string;
  /** Vite's base path, with its trailing slash (`/`). */
  base: string;
  site: SiteInfo;
  index: NewsIndex;
  template: PageTemplate;
}

export function basename(base: string): string {
  return base.replace(/\/$/, '');
}

/** Where a route's HTML file goes: `/article/x` → `<outDir>/article/x/index.html`. */
export function fileForRoute(outDir: string, routePath: string): string {
  return path.join(outDir, ...routePath.split('/').filter(Boolean).map(decodeURIComponent), 'index.html');
}

/** `story`: the article's story file, when the story has other members (else the page makes it from the article). */
export async function renderArticlePage(entry: ServerEntry, ctx: PageContext, article: ArticleDetail, story?: StoryDetail): Promise<string> {
  const url = articleHref(article.slug);
  const { html, state } = await entry.renderPage({ url, basename: basename(ctx.base), index: ctx.index, article, ...(story ? { story } : {}) });
  return assemblePage(ctx.template, { head: articleHead(article, ctx.site, ctx.base), html, state, hydrateAt: basename(ctx.base) + url });
}

/** A page's folder: one plain mkdir (its parent is there but for the first page), not a recursive one. */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') mkdirSync(dir, { recursive: true });
    else if (code !== 'EEXIST') throw error;
  }
}

/**
 * Renders and writes the pages of these articles, reading each one's data file and its story's
 * (from `dataDir`, complete before the bundle closes). All file work is synchronous:
 * every core is already rendering (the main thread and one worker per other core), so handing
 * writes to libuv's thread pool only queued them behind the renders and left threads waiting
 * for them at the end of each batch.
 */
export async function renderArticleBatch(entry: ServerEntry, ctx: PageContext, slugs: readonly string[]): Promise<number> {
  for (const slug of slugs) {
    const article = JSON.parse(readFileSync(path.join(ctx.dataDir, dataPaths.article(slug)), 'utf8')) as ArticleDetail;
    const shared = storyFileId(article);
    const story = shared === undefined ? undefined : (JSON.parse(readFileSync(path.join(ctx.dataDir, dataPaths.story(shared)), 'utf8')) as StoryDetail);
    const page = await renderArticlePage(entry, ctx, article, story);
    const file = fileForRoute(ctx.outDir, articleHref(article.slug));
    makeFolder(path.dirname(file));
    writeFileSync(file, page);
  }
  return slugs.length;
}
