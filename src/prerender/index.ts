/**
 * `prerenderPlugin()`: at the end of the client build (after the news plugin wrote the data
 * files), renders every article, the feed's first page, each topic's first page and a 404 page
 * to static HTML with the app's own components (react-dom/server), with per-page head tags and
 * the query cache the page was rendered from; then writes Atom feeds, the sitemap and robots.txt.
 *
 * How: a Vite SSR build bundles src/app/server-entry.tsx (and the worker) into a temporary folder
 * under node_modules/.cache; the main thread and worker threads import it and render batches of
 * articles (each thread reads the article's data file and writes its page).
 * The work starts early, not when the bundle closes. The server bundle is built and the workers
 * started in `buildStart` (which Vite runs after the news plugin's, once the content is parsed):
 * a worker takes most of a second to load React, which then overlaps the app's bundling. The
 * news plugin writes the data files meanwhile too (into its cache); the workers start on the
 * articles as soon as the app's files are written, reading that copy while the main thread links
 * it into the output and closes the bundle; it joins them after the other pages.
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
import { removeOrphanedPrerenderFolders } from '../plugin/cache-cleanup.ts';
import { deferred } from '../plugin/deferred.ts';
import { createProgress, type Progress } from '../plugin/progress.ts';
import { WorkerPool } from '../plugin/worker-pool.ts';
import type { WorkerInit } from './worker.ts';

export interface PrerenderOptions {
  /** Worker threads for article pages. Default: cores − 1 (the main thread renders too); 0 disables. */
  workers?: number;
}

/** Articles per message to a worker (about 25 ms of work). */
const BATCH = 50;
/**
 * Batches queued at each worker. The workers start while the main thread still closes the
 * bundle and renders the other pages, with stretches of synchronous work during which it hands
 * out no batch: with two queued, the workers sat idle then.
 */
const IN_FLIGHT = 6;
/** Below this many articles, starting workers costs more than it saves. */
const WORKERS_FROM = 400;

let buildCounter = 0;

/** Vite prints info lines (and so progress) unless its logLevel is 'warn', 'error' or 'silent'. */
function logsInfo(config: ResolvedConfig): boolean {
  return config.logLevel === undefined || config.logLevel === 'info';
}

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
  // Builds killed part-way never removed theirs.
  await removeOrphanedPrerenderFolders(path.dirname(dir));
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

/** The article pages' part of a build, begun before the bundle closes (see the module comment). */
interface ArticleRender {
  bundle: { dir: string; entry: string; worker: string };
  pool: WorkerPool;
  workerCount: number;
  /** The page context and the article pages in progress; undefined when there is no data to render. */
  /** `progress`: the article pages' progress line, cleared before anything else is logged. */
  pages?: { ctx: PageContext; build: NewsBuild; done: Promise<number>; progress: Progress };
}

/**
 * Bundles the server entry; once the news plugin has the content (so the number of articles is
 * known) starts the workers, which load the bundle meanwhile; once the app's files are written
 * (index.html is the pages' template) and the data files are readable, hands the workers the articles.
 * The main thread joins when `mainEntry` settles (closeBundle, after the other pages).
 */
async function startArticleRender(config: ResolvedConfig, news: NewsPluginApi, workers: number | undefined, mainEntry: Promise<ServerEntry>): Promise<ArticleRender> {
  const bundle = await buildServerBundle(config);
  const build = await news.whenBuilt();
  const articles = build?.cards.length ?? 0;
  const workerCount = articles >= WORKERS_FROM ? (workers ?? Math.min(Math.max(availableParallelism() - 1, 1), 7)) : 0;
  const init: WorkerInit = { serverEntry: pathToFileURL(bundle.entry).href };
  const pool = new WorkerPool(workerCount, { file: bundle.worker, workerData: init });
  const data = build && (await news.whenDataReadable());
  if (!build || !data) return { bundle, pool, workerCount };
  const { outDir, dataDir } = data;

  const index: NewsIndex = build.index;
  const siteUrl = index.site.url ?? news.getOptions()?.siteUrl;
  const site: SiteInfo = { name: index.site.name, ...(siteUrl ? { url: siteUrl } : {}) };
  // Read before anything overwrites index.html with the prerendered feed.
  const template = splitTemplate(await readFile(path.join(outDir, 'index.html'), 'utf8'));
  const ctx: PageContext = { outDir, dataDir, base: config.base, site, index, template };
  const slugs = build.cards.map((c) => c.slug);
  const progress = createProgress('prerender: rendered', 'article pages', { quiet: !logsInfo(config) });
  const done = (async () => {
    await pool.broadcast('context', ctx);
    const local = async (batch: string[]) => renderArticleBatch(await mainEntry, ctx, batch);
    try {
      const counts = await pool.mapBatches('render', slugs, BATCH, local, (batch) => batch, mainEntry, IN_FLIGHT, (n, total) => progress.update(n, total));
      return counts.reduce((a, b) => a + b, 0);
    } finally {
      progress.finish();
    }
  })();
  // Awaited by closeBundle; until then a failure must not count as unhandled.
  done.catch(() => undefined);
  return { bundle, pool, workerCount, pages: { ctx, build, done, progress } };
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
  let failed = false;
  let run: { started: number; render: Promise<ArticleRender>; mainEntry: ReturnType<typeof deferred<ServerEntry>> } | undefined;

  const stop = async () => {
    const render = await run?.render.catch(() => undefined);
    run = undefined;
    if (!render) return;
    await render.pool.close();
    await rm(render.bundle.dir, { recursive: true, force: true });
  };

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
    buildStart() {
      if (config.command !== 'build' || config.build.ssr || !news) return;
      failed = false;
      const mainEntry = deferred<ServerEntry>();
      // Not awaited: the build goes on meanwhile. A failure is reported by closeBundle.
      run = { started: performance.now(), render: startArticleRender(config, news, options.workers, mainEntry.promise), mainEntry };
      run.render.catch(() => undefined);
    },
    async buildEnd(error) {
      if (!error) return;
      // A failed build is not prerendered; closeBundle finds nothing to do.
      failed = true;
      await stop();
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (config.command !== 'build' || config.build.ssr || failed) return;
        if (!run) {
          config.logger.warn('prerender: no news build found (is newsPlugin() before prerenderPlugin()?); skipped');
          return;
        }
        const closing = performance.now();
        try {
          const { bundle, pages, workerCount } = await run.render;
          if (!pages) {
            config.logger.warn('prerender: the news plugin wrote no data; skipped');
            return;
          }
          const entry = (await import(pathToFileURL(bundle.entry).href)) as ServerEntry;
          // The workers are on the articles already; this thread writes the other pages, then joins them.
          const others = writeOtherPages(entry, pages.ctx, pages.build, (message) => {
            pages.progress.finish();
            config.logger.warn(message);
          });
          void others.then(() => run?.mainEntry.resolve(entry), () => undefined);
          const [articles, otherPages] = await Promise.all([pages.done, others]);

          const ms = (t: number) => Math.round(t);
          config.logger.info(
            `prerender: ${articles} article pages + ${otherPages} other pages, ${ms(performance.now() - closing)} ms after the bundle closed ` +
              `(server bundle and workers started ${ms(closing - run.started)} ms before; pages on ${workerCount + 1} thread${workerCount ? 's' : ''})`,
          );
        } finally {
          await stop();
        }
      },
    },
  };
}
