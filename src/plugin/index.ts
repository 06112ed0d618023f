import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { NEWS_UPDATE_EVENT, type NewsUpdatePayload } from '../contract/dev-events.ts';
import type { NewsBuild } from './build-result.ts';
import { deferred } from './deferred.ts';
import { dataMiddleware, DevBuilds } from './dev-server.ts';
import { markUsed, pruneContentCaches } from './cache-cleanup.ts';
import { countBySeverity } from './diagnostics.ts';
import { prepareDataFiles, writeDataFiles, type PreparedData } from './emit.ts';
import { isContentFile } from './load.ts';
import { resolveOptions, type NewsPluginOptions, type ResolvedOptions } from './options.ts';
import { NewsPipeline } from './pipeline.ts';
import { createProgress, type Progress } from './progress.ts';
import { reportLines } from './report.ts';

export type { NewsPluginOptions } from './options.ts';

/** What other plugins (the prerenderer) read from the news plugin. */
export interface NewsPluginApi {
  getBuild(): NewsBuild | undefined;
  getOptions(): ResolvedOptions | undefined;
  /**
   * Settles when this build's content is parsed and linked (undefined if that failed): the
   * prerenderer starts its workers then, while the app is still being bundled.
   */
  whenBuilt(): Promise<NewsBuild | undefined>;
  /**
   * Settles once the app's files are in the output folder and every data file of this build is
   * in a folder (`dataDir`: the cache's copy, being linked into `outDir` meanwhile, or `outDir`),
   * before the bundle closes: the prerenderer's workers start on the article pages then.
   * Undefined if writing failed or was skipped.
   */
  whenDataReadable(): Promise<DataLocation | undefined>;
}

export interface DataLocation {
  outDir: string;
  /** Holds `data/…` as `outDir` will: the same files. */
  dataDir: string;
}

/** One cache folder per content folder, where Vite keeps its own caches. */
function cacheDirFor(root: string, options: ResolvedOptions): string {
  const name = createHash('sha1').update(options.dir).digest('hex').slice(0, 12);
  return path.join(root, 'node_modules', '.cache', 'smartable-news', name);
}

/** Marks this content folder's cache used and removes caches no build used for long. */
async function tidyCaches(cacheDir: string, warn: (line: string) => void): Promise<void> {
  try {
    await markUsed(cacheDir);
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
  let build: NewsBuild | undefined;
  let config: ResolvedConfig | undefined;
  let built: Promise<NewsBuild | undefined> = Promise.resolve(undefined);
  let dataReadable = deferred<DataLocation | undefined>();
  /** This build's data files being made in the cache, from the end of `buildStart`. */
  let prepared: Promise<PreparedData | undefined> | undefined;
  /** Shown while a build (not the dev server) parses. */
  let parseProgress: Progress | undefined;
  const api: NewsPluginApi = {
    getBuild: () => build,
    getOptions: () => options,
    whenBuilt: () => built,
    whenDataReadable: () => dataReadable.promise,
  };

  const runPipeline = async (log: (line: string) => void, changed?: string[]) => {
    const pipelineOptions = {
      dir: options!.dir,
      dropUnpublished: options!.dropUnpublished,
      siteName: options!.siteName,
      ...(options!.siteUrl ? { siteUrl: options!.siteUrl } : {}),
      cacheDir: cacheDirFor(config!.root, options!),
      // PipelineOptions.onProgress: called as the parse workers finish batches.
      onProgress: (done: number, total: number) => parseProgress?.update(done, total),
    };
    pipeline ??= new NewsPipeline(pipelineOptions);
    build = await pipeline.build(changed);
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
    api,
    configResolved,
    async buildStart() {
      if (config?.build.ssr) return;
      dataReadable = deferred();
      const tidying = tidyCaches(cacheDirFor(config!.root, options!), (line) => config!.logger.warn(line));
      const infoShown = config!.logLevel === undefined || config!.logLevel === 'info';
      parseProgress = createProgress('news: parsed', 'files', { quiet: !infoShown });
      const running = runPipeline((line) => {
        parseProgress?.finish();
        config!.logger.info(line);
      });
      built = running.catch(() => undefined);
      const result = await running.finally(() => {
        parseProgress?.finish();
        parseProgress = undefined;
        return tidying;
      });
      const { errors } = countBySeverity(result.diagnostics);
      if (options!.strict && errors > 0) this.error(`news: ${errors} content error(s) in ${options!.dir} (strict mode)`);
      // Not awaited: the data files are written while Vite bundles the app (the worker pool
      // had nothing to do then), and writeBundle only links them into the output.
      prepared = prepareDataFiles(result);
      prepared.catch(() => undefined);
    },
    async buildEnd(error) {
      if (!error) return;
      // No data will be written: nobody may wait for it, and no write may outlive the build.
      dataReadable.resolve(undefined);
      await prepared?.catch(() => undefined);
      prepared = undefined;
    },
    async writeBundle(outputOptions) {
      if (config?.build.ssr) return;
      try {
        if (!build) return;
        const outDir = outputOptions.dir ?? path.resolve(config!.root, config!.build.outDir);
        const started = performance.now();
        const written = await writeDataFiles(build, outDir, (dataDir) => dataReadable.resolve({ outDir, dataDir }), prepared);
        prepared = undefined;
        // The worker threads are done; the prerenderer starts its own.
        await pipeline?.close();
        const files = `${written.files} data files (${(written.bytes / 1e6).toFixed(1)} MB)`;
        const ms = `${Math.round(performance.now() - started)} ms`;
        const where = build.outputCacheDir ? ' while the app was bundled; moved them into the output' : '';
        config!.logger.info(`news: wrote ${files}${where} in ${ms}`);
        // Details that failed verification while being written were parsed again from source.
        for (const warning of build.cacheWarnings.splice(0)) config!.logger.warn(warning);
      } finally {
        // Nothing was written (no build, or writing failed): nobody may wait for it. A promise
        // settles once, so after a write this changes nothing.
        dataReadable.resolve(undefined);
      }
    },
  };

  const devPlugin: Plugin = {
    name: 'news:dev',
    apply: 'serve',
    api,
    configResolved,
    async configureServer(server: ViteDevServer) {
      const logger = server.config.logger;
      const log = (line: string) => logger.info(line, { timestamp: true });
      const dir = options!.dir;
      void tidyCaches(cacheDirFor(config!.root, options!), (line) => logger.warn(line));
      const overlay = (error: Error) =>
        server.ws.send({
          type: 'error',
          err: { message: `news: building ${dir} failed: ${error.message}. The last good build is served until a rebuild succeeds.`, stack: '', plugin: 'news:dev', id: dir },
        });
      const builds = new DevBuilds(dir, {
        run: (changed) => runPipeline(log, changed),
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
      const { siteName } = resolveOptions(userOptions, userConfig.root ?? process.cwd());
      return { define: { 'import.meta.env.NEWS_SITE_NAME': JSON.stringify(siteName) } };
    },
  };

  return [sitePlugin, buildPlugin, devPlugin];
}
