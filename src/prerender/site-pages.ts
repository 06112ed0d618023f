/**
 * The prerender phase: every article page, the feed's first page, each topic's first page and
 * a 404 page, rendered with the app's own components, then the Atom feeds, the sitemap and
 * robots.txt. Each output file has a key of everything it is made from (see FileIndex):
 * a file whose key and bytes on disk are unchanged since the last build is not made again.
 * An article page is made from its article's data file (its key) and, when its story has other
 * members, the story's data file (its key), the page template (the
 * client build's index.html, which names the app's hashed assets), the server bundle, the site
 * and the base path; list pages from the index and their first feed page too.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataPaths } from '../contract/data-paths.ts';
import type { FeedPage } from '../contract/feed.ts';
import { articleHref } from '../contract/routes.ts';
import { SEARCH_PATH } from '../contract/search.ts';
import type { NewsBuild } from '../plugin/build-result.ts';
import type { StoryGroup } from '../plugin/stories/cluster.ts';
import { FileIndex, outputKey } from '../plugin/file-index.ts';
import { createProgress } from '../plugin/progress.ts';
import { WorkerPool } from '../plugin/worker-pool.ts';
import { assemblePage, splitTemplate } from './document.ts';
import { atomFeed, FEED_SIZE, latestPublished, robotsTxt, sitemap, storiesFeed } from './feeds.ts';
import { listHead, notFoundHead, pageTitle, searchHead, STORIES_FEED_PATH, topicHref, type SiteInfo } from './head.ts';
import { basename, fileForRoute, renderArticleBatch, type PageContext, type RenderOutput, type ServerEntry } from './pages.ts';
import type { ServerBundle } from './server-bundle.ts';
import type { RenderTasks, WorkerInit } from './worker.ts';

/** Articles per message to a worker (about 25 ms of work). */
const BATCH = 50;
/** Batches queued at each worker, so none waits while the main thread renders too. */
const IN_FLIGHT = 6;
/** Below this many pages to render, starting workers costs more than it saves. */
const WORKERS_FROM = 400;

export interface SitePagesInput {
  build: NewsBuild;
  outDir: string;
  /** Vite's base path, with its trailing slash. */
  base: string;
  siteUrl: string | undefined;
  /** The client build's index.html. */
  template: string;
  bundle: ServerBundle;
  manifest: FileIndex;
  /** Each article's data key (see `articleKey`), by slug. */
  articleKeys: Map<string, string>;
  /** Worker threads for article pages; default cores − 1. */
  workers?: number;
  /** Progress lines shown. */
  showProgress: boolean;
  warn(line: string): void;
}

export interface SitePagesResult {
  rendered: number;
  reused: number;
  /** Feeds, sitemap and robots.txt written and left unchanged. */
  files: { written: number; unchanged: number };
  threads: number;
}

/** Where a route's page is, relative to the output folder (`/`-separated). */
function pageFile(outDir: string, route: string): string {
  return path
    .relative(outDir, route === '/' ? path.join(outDir, 'index.html') : fileForRoute(outDir, route))
    .split(path.sep)
    .join('/');
}

export interface PagePlan {
  /** Article slugs whose page must be made. */
  articles: string[];
  reusedArticles: number;
  /** Starts the workers early (they load React while the data files are written); none for few pages. */
  pool: WorkerPool<RenderTasks> | undefined;
  workers: number;
  ctx: PageContext;
  pagesKey: string;
  /** Each article page's key: the pages' key, its article's data key and its story file's key. */
  pageKeys: Map<string, string>;
}

/** Which article pages are out of date; starts the render workers when there are many. */
export function planPages(input: SitePagesInput): PagePlan {
  const { build, outDir, base, bundle, manifest } = input;
  const index = build.index;
  const siteUrl = index.site.url ?? input.siteUrl;
  const site: SiteInfo = { name: index.site.name, ...(siteUrl ? { url: siteUrl } : {}) };
  const ctx: PageContext = { outDir, dataDir: outDir, base, site, index, template: splitTemplate(input.template) };
  const pagesKey = outputKey(bundle.hash, input.template, JSON.stringify(site), base);
  // A page shows its article and, when the story has other members, the story's file too
  // (keyed once per story, not once per member).
  const pageKeys = new Map<string, string>();
  const storyKeys = new Map<StoryGroup, string>();
  const articles: string[] = [];
  for (const card of build.cards) {
    const story = build.storyOf(card.slug);
    let storyKey = '';
    if (story && story.members.length > 1) {
      storyKey = storyKeys.get(story) ?? build.storyKey(story, '', input.articleKeys);
      storyKeys.set(story, storyKey);
    }
    const key = outputKey(pagesKey, input.articleKeys.get(card.slug)!, storyKey);
    pageKeys.set(card.slug, key);
    if (!manifest.isCurrent(pageFile(outDir, articleHref(card.slug)), key)) articles.push(card.slug);
  }
  const workers = articles.length >= WORKERS_FROM ? (input.workers ?? Math.min(Math.max(availableParallelism() - 1, 1), 7)) : 0;
  const init: WorkerInit = { serverEntry: pathToFileURL(bundle.entry).href };
  const pool = workers > 0 ? new WorkerPool<RenderTasks>(workers, { file: bundle.worker, workerData: init }) : undefined;
  return { articles, reusedArticles: build.cards.length - articles.length, pool, workers, ctx, pagesKey, pageKeys };
}

/** Renders what the plan found out of date (once the data files are written), then the other pages and files. */
export async function renderPages(input: SitePagesInput, plan: PagePlan): Promise<SitePagesResult> {
  const { build, outDir, manifest } = input;
  const { ctx, pagesKey, pool } = plan;
  let entry: Promise<ServerEntry> | undefined;
  const loadEntry = () => (entry ??= import(pathToFileURL(input.bundle.entry).href) as Promise<ServerEntry>);
  try {
    const progress = createProgress('prerender: rendered', 'article pages', { quiet: !input.showProgress });
    // This thread makes the other pages while the workers start on the articles, then joins them.
    const others = otherPages(loadEntry, ctx, build, manifest, pagesKey);
    const othersSettled = others.catch(() => undefined);
    const articles = (async () => {
      if (plan.articles.length === 0) return;
      const local = async (batch: string[]) => renderArticleBatch(await loadEntry(), ctx, batch);
      if (!pool) return void (await local(plan.articles));
      await pool.broadcast('context', ctx);
      await pool.mapBatches(
        'render',
        plan.articles,
        BATCH,
        local,
        (batch) => batch,
        othersSettled,
        IN_FLIGHT,
        (n, total) => progress.update(n, total),
      );
    })();
    const [, listPages] = await Promise.all([articles.finally(() => progress.finish()), others]);
    for (const slug of plan.articles) manifest.wrote(pageFile(outDir, articleHref(slug)), plan.pageKeys.get(slug)!);
    const files = await feedFiles(ctx, build, manifest, input.warn);
    return {
      rendered: plan.articles.length + listPages.rendered,
      reused: plan.reusedArticles + listPages.reused,
      files,
      threads: plan.workers + 1,
    };
  } finally {
    await pool?.close();
  }
}

/** The feed, each topic's first page, the search page and the 404 page, each made again only when its inputs changed. */
async function otherPages(loadEntry: () => Promise<ServerEntry>, ctx: PageContext, build: NewsBuild, manifest: FileIndex, pagesKey: string) {
  const { outDir, base, site, index } = ctx;
  const indexJson = JSON.stringify(index);
  let rendered = 0;
  let reused = 0;
  const page = async (file: string, key: string, render: (entry: ServerEntry) => Promise<[head: string, out: RenderOutput, hydrateAt: string]>) => {
    if (manifest.isCurrent(file, key)) return void reused++;
    const [head, { html, state }, hydrateAt] = await render(await loadEntry());
    await write(path.join(outDir, file), assemblePage(ctx.template, { head, html, state, hydrateAt }));
    manifest.wrote(file, key);
    rendered++;
  };
  const hydrateAt = (url: string) => (basename(base) + url).replace(/\/+$/, '') || '/';
  await page(pageFile(outDir, '/'), outputKey(pagesKey, indexJson), async (entry) => [
    listHead(index, site, undefined, base),
    await entry.renderPage({ url: '/', basename: basename(base), index }),
    hydrateAt('/'),
  ]);
  for (const topic of index.topics) {
    const url = topicHref(topic.slug);
    const json = topic.count > 0 ? await build.dataFile(dataPaths.feedPage('published', topic.slug, 'heat', 1)) : undefined;
    await page(pageFile(outDir, url), outputKey(pagesKey, indexJson, json ?? ''), async (entry) => {
      const feedPages = json ? [{ scope: 'published' as const, topic: topic.slug, sort: 'heat' as const, page: 1, data: JSON.parse(json) as FeedPage }] : [];
      return [listHead(index, site, topic, base), await entry.renderPage({ url, basename: basename(base), index, feedPages }), hydrateAt(url)];
    });
  }
  // The search view with no query: what a reader without JavaScript sees (it says search needs it).
  await page(pageFile(outDir, SEARCH_PATH), outputKey(pagesKey, indexJson, 'search'), async (entry) => [
    searchHead(site),
    await entry.renderPage({ url: SEARCH_PATH, basename: basename(base), index }),
    hydrateAt(SEARCH_PATH),
  ]);
  // Rendered for no URL in particular: served for every unknown path, it never hydrates.
  await page('404.html', outputKey(pagesKey, indexJson, '404'), async (entry) => [
    notFoundHead(site),
    await entry.renderPage({ url: '/404', basename: basename(base), index }),
    '',
  ]);
  return { rendered, reused };
}

/** Atom feeds (articles, and stories), the sitemap and robots.txt (published articles only), written when their bytes change. */
async function feedFiles(ctx: PageContext, build: NewsBuild, manifest: FileIndex, warn: (line: string) => void) {
  const { outDir, base, site, index } = ctx;
  let written = 0;
  let unchanged = 0;
  const put = async (file: string, text: string) => {
    const key = outputKey(text);
    if (manifest.isCurrent(file, key)) return void unchanged++;
    await write(path.join(outDir, file), text);
    manifest.wrote(file, key);
    written++;
  };
  const latest = latestPublished(build.cards);
  await put('feed.xml', atomFeed(site, { title: pageTitle('Top stories', site), pagePath: '/', feedPath: '/feed.xml', cards: latest.get('')! }, base));
  for (const topic of index.topics) {
    const pagePath = topicHref(topic.slug);
    const spec = { title: pageTitle(topic.name, site), pagePath, feedPath: `${pagePath}/feed.xml`, cards: latest.get(topic.slug) ?? [] };
    await put(`topic/${topic.slug}/feed.xml`, atomFeed(site, spec, base));
  }
  const stories = (await build.storyLists()).sorted('published', undefined, 'newest') ?? [];
  await put(STORIES_FEED_PATH.slice(1), storiesFeed(site, stories.slice(0, FEED_SIZE), base));
  if (site.url) await put('sitemap.xml', sitemap(site.url, index, build.cards));
  else warn('prerender: NEWS_SITE_URL is not set: pages have no canonical/og:url and no sitemap.xml is written');
  await put('robots.txt', robotsTxt(site.url));
  return { written, unchanged };
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}
