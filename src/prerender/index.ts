/**
 * `prerenderPlugin()`: at the end of the client build (after the news plugin wrote the data
 * files), renders every article, the feed's first page, each topic's first page and a 404 page
 * to static HTML with the app's own components (react-dom/server), with per-page head tags and
 * the query cache the page was rendered from; then writes Atom feeds, the sitemap and robots.txt.
 *
 * How: a Vite SSR build bundles src/app/server-entry.tsx (and the worker) into a temporary folder
 * under node_modules/.cache; the main thread and worker threads import it and render batches of
 * articles (each thread reads the article's data file from the output and writes its page).
 *
 * Also adds a `vite preview` middleware so deep links resolve to their folders' index.html and
 * unknown paths get 404.html with status 404.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as viteBuild, type Alias, type Plugin, type ResolvedConfig } from 'vite';
import { dataPaths } from '../contract/data-paths.ts';
import type { FeedPage, NewsIndex } from '../contract/feed.ts';
import type { NewsBuild } from '../plugin/build-result.ts';
import type { NewsPluginApi } from '../plugin/index.ts';
import { assemblePage, splitTemplate } from './document.ts';
import { atomFeed, latestPublished, robotsTxt, sitemap } from './feeds.ts';
import { listHead, notFoundHead, pageTitle, topicHref, type SiteInfo } from './head.ts';
import { basename, fileForRoute, renderArticleBatch, type PageContext, type ServerEntry } from './pages.ts';
import { staticHostMiddleware } from './preview.ts';
import { WorkerPool } from '../plugin/worker-pool.ts';
import type { WorkerInit } from './worker.ts';

export interface PrerenderOptions {
  /** Worker threads for article pages. Default: cores − 1 (the main thread renders too); 0 disables. */
  workers?: number;
}

/** Articles per message to a worker. */
const BATCH = 100;
/** Below this many articles, starting workers costs more than it saves. */
const WORKERS_FROM = 400;

let buildCounter = 0;

function here(file: string, root: string): string {
  try {
    const url = new URL(file, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return fileURLToPath(url);
  } catch {
    // Bundled config: fall back to the source tree.
  }
  return path.join(root, 'src', 'prerender', file);
}

/**
 * React Router's package exports resolve to its development build under Node (it chooses by
 * bundler define, not by condition); its production build renders links about twice as fast.
 */
function reactRouterProduction(root: string): Alias[] {
  try {
    const dir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('react-router/package.json'));
    const index = path.join(dir, 'dist', 'production', 'index.mjs');
    const dom = path.join(dir, 'dist', 'production', 'dom-export.mjs');
    if (!existsSync(index) || !existsSync(dom)) return [];
    return [
      { find: /^react-router$/, replacement: index },
      { find: /^react-router\/dom$/, replacement: dom },
    ];
  } catch {
    return [];
  }
}

/** Bundles the server entry and the worker for Node, into a folder of its own. */
async function buildServerBundle(config: ResolvedConfig): Promise<{ dir: string; entry: string; worker: string }> {
  const dir = path.join(config.root, 'node_modules', '.cache', 'smartable-news', `prerender-${process.pid}-${++buildCounter}`);
  await viteBuild({
    configFile: false,
    root: config.root,
    base: config.base,
    mode: config.mode,
    logLevel: 'warn',
    clearScreen: false,
    // Same JSX and TypeScript handling as the app build (Vite's built-in transform).
    resolve: { alias: [...reactRouterProduction(config.root), ...config.resolve.alias] },
    // The constants the client build has (the site name, from the news plugin), or hydration
    // would find different text.
    define: config.define,
    // Bundled (not imported from node_modules at run time) so the production build above is used.
    ssr: { noExternal: ['react-router', 'react-router-dom'] },
    build: {
      ssr: true,
      outDir: dir,
      emptyOutDir: true,
      copyPublicDir: false,
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: {
          'server-entry': path.join(config.root, 'src', 'app', 'server-entry.tsx'),
          'prerender-worker': here('./worker.ts', config.root),
        },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
        // React Router's "use client" directives mean nothing to a server bundle.
        onLog(level, log, handler) {
          if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
        },
      },
    },
  });
  return { dir, entry: path.join(dir, 'server-entry.mjs'), worker: path.join(dir, 'prerender-worker.mjs') };
}

/**
 * Article pages on `workerCount` workers and the main thread, pulling batches from one queue;
 * the main thread joins once `mainReady` settles (it has the other pages to write first).
 */
async function renderArticles(entry: ServerEntry, bundle: { entry: string; worker: string }, ctx: PageContext, slugs: readonly string[], workerCount: number, mainReady: Promise<unknown>): Promise<number> {
  const init: WorkerInit = { serverEntry: pathToFileURL(bundle.entry).href, context: ctx };
  const pool = new WorkerPool(workerCount, { file: bundle.worker, workerData: init });
  try {
    const done = await pool.mapBatches('render', slugs, BATCH, (batch) => renderArticleBatch(entry, ctx, batch), (batch) => batch, mainReady);
    return done.reduce((a, b) => a + b, 0);
  } finally {
    await pool.close();
  }
}

/** The feed, each topic's first page, the 404 page, the Atom feeds, the sitemap and robots.txt. */
async function writeOtherPages(entry: ServerEntry, ctx: PageContext, build: NewsBuild, warn: (message: string) => void): Promise<number> {
  const { outDir, base, site, index } = ctx;
  const readData = async (dataPath: string): Promise<string | undefined> =>
    (await build.dataFile(dataPath)) ?? (await readFile(path.join(outDir, dataPath), 'utf8').catch(() => undefined));
  const lists: [string, string, Awaited<ReturnType<ServerEntry['renderPage']>>][] = [];
  lists.push(['/', listHead(index, site, undefined, base), await entry.renderPage({ url: '/', basename: basename(base), index })]);
  for (const topic of index.topics) {
    const url = topicHref(topic.slug);
    const feedPages = [];
    if (topic.count > 0) {
      const json = await readData(dataPaths.feedPage('published', topic.slug, 'heat', 1));
      if (json) feedPages.push({ scope: 'published' as const, topic: topic.slug, sort: 'heat' as const, page: 1, data: JSON.parse(json) as FeedPage });
    }
    lists.push([url, listHead(index, site, topic, base), await entry.renderPage({ url, basename: basename(base), index, feedPages })]);
  }
  for (const [url, head, { html, state }] of lists) {
    const hydrateAt = (basename(base) + url).replace(/\/+$/, '') || '/';
    await write(url === '/' ? path.join(outDir, 'index.html') : fileForRoute(outDir, url), assemblePage(ctx.template, { head, html, state, hydrateAt }));
  }
  // Rendered for no URL in particular: served for every unknown path, it never hydrates.
  const notFound = await entry.renderPage({ url: '/404', basename: basename(base), index });
  await write(path.join(outDir, '404.html'), assemblePage(ctx.template, { head: notFoundHead(site), ...notFound, hydrateAt: '' }));

  // Feeds, sitemap, robots.txt: published articles only.
  const latest = latestPublished(build.cards);
  await write(path.join(outDir, 'feed.xml'), atomFeed(site, { title: pageTitle('Top stories', site), pagePath: '/', feedPath: '/feed.xml', cards: latest.get('')! }, base));
  for (const topic of index.topics) {
    const pagePath = topicHref(topic.slug);
    const spec = { title: pageTitle(topic.name, site), pagePath, feedPath: `${pagePath}/feed.xml`, cards: latest.get(topic.slug) ?? [] };
    await write(path.join(outDir, 'topic', topic.slug, 'feed.xml'), atomFeed(site, spec, base));
  }
  if (site.url) await write(path.join(outDir, 'sitemap.xml'), sitemap(site.url, index, build.cards));
  else warn('prerender: NEWS_SITE_URL is not set: pages have no canonical/og:url and no sitemap.xml is written');
  await write(path.join(outDir, 'robots.txt'), robotsTxt(site.url));
  return lists.length + 1;
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

export function prerenderPlugin(options: PrerenderOptions = {}): Plugin {
  let config: ResolvedConfig;
  let news: NewsPluginApi | undefined;

  return {
    name: 'news:prerender',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
      news = resolved.plugins.find((p) => p.name === 'news:build')?.api as NewsPluginApi | undefined;
    },
    configurePreviewServer(server) {
      const outDir = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(staticHostMiddleware(outDir, server.config.base));
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (config.command !== 'build' || config.build.ssr) return;
        const build = news?.getBuild();
        if (!build) {
          config.logger.warn('prerender: no news build found (is newsPlugin() before prerenderPlugin()?); skipped');
          return;
        }
        const started = performance.now();
        const outDir = path.resolve(config.root, config.build.outDir);
        const index: NewsIndex = build.index;
        const siteUrl = index.site.url ?? news?.getOptions()?.siteUrl;
        const site: SiteInfo = { name: index.site.name, ...(siteUrl ? { url: siteUrl } : {}) };
        const base = config.base;
        const ctx: PageContext = { outDir, base, site, index, template: splitTemplate(await readFile(path.join(outDir, 'index.html'), 'utf8')) };

        const bundle = await buildServerBundle(config);
        const bundled = performance.now();
        try {
          const entry = (await import(pathToFileURL(bundle.entry).href)) as ServerEntry;
          // The template is read already (ctx), so index.html can be overwritten at any time: the
          // main thread writes the other pages while the workers start on the articles.
          const others = writeOtherPages(entry, ctx, build, (message) => config.logger.warn(message));
          const slugs = build.cards.map((c) => c.slug);
          const workerCount = slugs.length >= WORKERS_FROM ? (options.workers ?? Math.min(Math.max(availableParallelism() - 1, 1), 7)) : 0;
          const articles = await renderArticles(entry, bundle, ctx, slugs, workerCount, others);
          const otherPages = await others;
          const pagesDone = performance.now();

          const ms = (t: number) => Math.round(t);
          config.logger.info(
            `prerender: ${articles} article pages + ${otherPages} other pages in ${ms(performance.now() - started)} ms ` +
              `(server bundle ${ms(bundled - started)} ms, pages ${ms(pagesDone - bundled)} ms on ${workerCount + 1} thread${workerCount ? 's' : ''})`,
          );
        } finally {
          await rm(bundle.dir, { recursive: true, force: true });
        }
      },
    },
  };
}
