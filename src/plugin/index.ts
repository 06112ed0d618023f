import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import type { PrerenderApi } from '../prerender/index.ts';
import { NEWS_UPDATE_EVENT, type NewsUpdatePayload } from '../contract/dev-events.ts';
import { buildApp } from './build-app.ts';
import { dataMiddleware, DevBuilds } from './dev-server.ts';
import { DevSearchIndex } from './dev-search.ts';
import { markUsed, pruneContentCaches } from './cache-cleanup.ts';
import { isContentFile } from './load.ts';
import { resolveOptions, type NewsPluginOptions, type ResolvedOptions } from './options.ts';
import { NewsPipeline } from './pipeline.ts';
import type { ContentListing } from './up-to-date.ts';
import { createProgress, type Progress } from './progress.ts';
import { reportLines } from './report.ts';

export type { NewsPluginOptions } from './options.ts';

/** One cache folder per content folder, where Vite keeps its own caches. */
function cacheDirFor(root: string, options: ResolvedOptions): string {
  const name = createHash('sha1').update(options.dir).digest('hex').slice(0, 12);
  return path.join(root, 'node_modules', '.cache', 'smartable-news', name);
}

/** Marks this content folder's cache used and removes caches no build used for long. */
async function tidyCaches(cacheDir: string, warn: (line: string) => void): Promise<void> {
  try {
    await markUsed(cacheDir);
    // Versions before the output index staged data files there; nothing reads it now.
    await rm(path.join(cacheDir, 'output'), { recursive: true, force: true });
    await pruneContentCaches(path.dirname(cacheDir), cacheDir);
  } catch (error) {
    // A cache that cannot be tidied costs disk space, not the build.
    warn(`news: could not tidy the cache in ${path.dirname(cacheDir)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The content pipeline as two Vite plugins sharing one state: `news:build` parses the content
 * folder and writes the data files into the build output; `news:dev` serves the same files from
 * memory and pushes an update event when a content file changes.
 */
export function newsPlugin(userOptions: NewsPluginOptions = {}): Plugin[] {
  let options: ResolvedOptions | undefined;
  let pipeline: NewsPipeline | undefined;
  let config: ResolvedConfig | undefined;
  /** The build's emptyOutDir as the user set it (or Vite's default); see `config` below. */
  let emptyOutDir: boolean | null | undefined;
  /** Shown while a build (not the dev server) parses. */
  let parseProgress: Progress | undefined;

  const runPipeline = async (log: (line: string) => void, changed?: string[], listing?: ContentListing) => {
    const pipelineOptions = {
      dir: options!.dir,
      dropUnpublished: options!.dropUnpublished,
      siteName: options!.siteName,
      ...(options!.siteUrl ? { siteUrl: options!.siteUrl } : {}),
      cacheDir: cacheDirFor(config!.root, options!),
      watch: config!.command === 'serve',
      // PipelineOptions.onProgress: called as the parse workers finish batches.
      onProgress: (done: number, total: number) => parseProgress?.update(done, total),
    };
    pipeline ??= new NewsPipeline(pipelineOptions);
    const build = await pipeline.build(changed, listing);
    for (const line of reportLines(build)) log(line);
    return build;
  };

  const configResolved = (resolved: ResolvedConfig) => {
    config = resolved;
    options = resolveOptions(userOptions, resolved.root);
  };

  const buildPlugin: Plugin = {
    name: 'news:build',
    apply: 'build',
    config(userConfig) {
      // Vite would empty the output folder before writing; the build sequence keeps the files
      // that did not change and removes the rest at the end instead (see build-app.ts).
      emptyOutDir = userConfig.build?.emptyOutDir;
      return { build: { emptyOutDir: false } };
    },
    configResolved,
    async buildApp(builder) {
      const root = config!.root;
      const outDir = path.resolve(root, builder.environments.client?.config.build.outDir ?? 'dist');
      const cacheDir = cacheDirFor(root, options!);
      const tidying = tidyCaches(cacheDir, (line) => config!.logger.warn(line));
      const infoShown = config!.logLevel === undefined || config!.logLevel === 'info';
      const prerender = config!.plugins.find((p) => p.name === 'news:prerender')?.api as PrerenderApi | undefined;
      await buildApp(builder, {
        config: config!,
        options: options!,
        cacheDir,
        // As Vite decides: when not set, only an output folder inside the project is emptied.
        emptyOutDir: emptyOutDir ?? !path.relative(root, outDir).startsWith('..'),
        prerender,
        reuseBundles: true,
        content: async (listing) => {
          parseProgress = createProgress('news: parsed', 'files', { quiet: !infoShown });
          try {
            return await runPipeline(
              (line) => {
                parseProgress?.finish();
                config!.logger.info(line);
              },
              undefined,
              listing,
            );
          } finally {
            parseProgress?.finish();
            parseProgress = undefined;
            await tidying;
          }
        },
        closeContent: async () => {
          await pipeline?.close();
        },
      });
    },
  };

  const devPlugin: Plugin = {
    name: 'news:dev',
    apply: 'serve',
    configResolved,
    async configureServer(server: ViteDevServer) {
      const logger = server.config.logger;
      const log = (line: string) => logger.info(line, { timestamp: true });
      const dir = options!.dir;
      void tidyCaches(cacheDirFor(config!.root, options!), (line) => logger.warn(line));
      const overlay = (error: Error) =>
        server.ws.send({
          type: 'error',
          err: {
            message: `news: building ${dir} failed: ${error.message}. The last good build is served until a rebuild succeeds.`,
            stack: '',
            plugin: 'news:dev',
            id: dir,
          },
        });
      const search = new DevSearchIndex(log, (line) => logger.warn(line, { timestamp: true }));
      const builds = new DevBuilds(dir, {
        run: async (changed) => {
          const build = await runPipeline(log, changed);
          if (options!.search) search.update(build);
          return build;
        },
        onFailure: (error) => {
          logger.error(`news: build failed (${error.message}); serving the last good build`, { timestamp: true });
          overlay(error);
        },
        onFolderBack: () => server.watcher.add(dir),
        onRecovered: () => {
          log('news: content folder readable again; rebuilt');
          // An empty update closes Vite's error overlay.
          server.ws.send({ type: 'update', updates: [] });
        },
        onUpdated: () => {
          const payload: NewsUpdatePayload = { changed: ['data/'] };
          server.ws.send({ type: 'custom', event: NEWS_UPDATE_EVENT, data: payload });
        },
      });
      // A page opened while the content is broken learns why too.
      server.ws.on('connection', () => {
        if (builds.error) overlay(builds.error);
      });
      const base = server.config.base.replace(/\/?$/, '/');
      server.middlewares.use(dataMiddleware(base, () => builds.current()));
      server.middlewares.use(search.middleware(base));

      // Changes arrive in bursts (editors write twice, git checks out many files): coalesce.
      let timer: NodeJS.Timeout | undefined;
      const pending = new Set<string>();
      const onChange = (file: string) => {
        if (!isContentFile(file) || !path.resolve(file).startsWith(dir + path.sep)) return;
        pending.add(path.resolve(file));
        clearTimeout(timer);
        timer = setTimeout(() => {
          const changed = [...pending];
          pending.clear();
          void builds.rebuild(changed);
        }, 10);
      };
      server.httpServer?.once('close', () => {
        builds.close();
        search.close();
        void pipeline?.close().catch(() => undefined);
      });
      server.watcher.add(dir);
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
      // The folder itself went away (moved, deleted): fail now, and wait for it to come back.
      server.watcher.on('unlinkDir', (folder: string) => {
        if (path.resolve(folder) === dir) void builds.rebuild();
      });
    },
  };

  // The app shows the site name on every page without fetching the index for it.
  const sitePlugin: Plugin = {
    name: 'news:site',
    config(userConfig) {
      const { siteName, search } = resolveOptions(userOptions, userConfig.root ?? process.cwd());
      return { define: { 'import.meta.env.NEWS_SITE_NAME': JSON.stringify(siteName), 'import.meta.env.NEWS_SEARCH': JSON.stringify(search ? 'on' : 'off') } };
    },
  };

  return [sitePlugin, buildPlugin, devPlugin];
}
