/**
 * `vite build` as one readable sequence (the news plugin's `buildApp` hook):
 *
 *   1. parse and link the content        ┐ side by side: the bundlers run in their own
 *      bundle the app (Vite's client)     │ threads while the parse workers read files
 *      bundle the server entry (for Node) ┘
 *   2. write the data files that changed (while the bundles finish)
 *   3. render the pages that changed (workers start during 2)
 *   4. remove what this build did not make; save the output manifest
 *
 * Every output file has a key of its inputs in the output manifest; steps 2 and 3 skip a file
 * whose key is unchanged and whose bytes on disk were not touched since (see FileIndex).
 */
import path from 'node:path';
import type { ResolvedConfig, ViteBuilder } from 'vite';
import type { PrerenderApi } from '../prerender/index.ts';
import { startBundles } from './app-bundles.ts';
import type { NewsBuild } from './build-result.ts';
import { codeKey } from './code-key.ts';
import { countBySeverity, escapeForLog } from './diagnostics.ts';
import { articleKeys, writeDataFiles } from './emit.ts';
import { FileIndex } from './file-index.ts';
import { PhaseTimer } from './phase-timer.ts';
import type { ResolvedOptions } from './options.ts';
import { removeFiles, removeFilesNotKept } from './prune-output.ts';
import { writeSearchIndex } from './search-index.ts';
import { BuildStamp, checkUpToDate, stampedContent, type ContentListing } from './up-to-date.ts';

export interface BuildAppInput {
  config: ResolvedConfig;
  options: ResolvedOptions;
  /** Where the content's caches are; the output manifest goes there too. */
  cacheDir: string;
  /** Whether the output folder is to hold only this build's files (Vite's emptyOutDir, which this takes over). */
  emptyOutDir: boolean;
  /** Parses and links the content, printing its report. */
  content(listing?: ContentListing): Promise<NewsBuild>;
  /** Stops the parse workers. */
  closeContent(): Promise<void>;
  prerender: PrerenderApi | undefined;
  /** Keep the bundles and reuse them while nothing they were made from changes (see bundle-cache.ts). */
  reuseBundles?: boolean;
}

const seconds = (ms: number) => `${Math.round(ms)} ms`;

const strictFailure = (errors: number, dir: string) => new Error(`news: ${errors} content error(s) in ${dir} (strict mode)`);

/** The build's two summary lines (the bench and the tests read them), said the same way by a build that only checked. */
const dataFilesLine = (written: number, unchanged: number, removed: number, detail?: string) =>
  `news: data files: ${written} written, ${unchanged} unchanged, ${removed} removed${detail ? ` (${detail})` : ''}`;
const pagesLine = (rendered: number, reused: number, siteWritten: number, siteUnchanged: number, detail?: string) =>
  `prerender: rendered ${rendered} pages, reused ${reused} unchanged; feeds, sitemap and robots.txt: ${siteWritten} written, ${siteUnchanged} unchanged${detail ? ` (${detail})` : ''}`;

export async function buildApp(builder: ViteBuilder, input: BuildAppInput): Promise<void> {
  const { config, options, prerender } = input;
  const client = builder.environments.client;
  if (!client) throw new Error('news: the build has no client environment');
  const logger = config.logger;
  const outDir = path.resolve(config.root, client.config.build.outDir);
  const manifest = FileIndex.load(input.cacheDir, outDir, (line) => logger.warn(line));
  const code = codeKey(config.root, { dropUnpublished: options.dropUnpublished, siteName: options.siteName, siteUrl: options.siteUrl, search: options.search });
  const started = performance.now();
  const timing = new PhaseTimer();
  const finish = () => {
    timing.mark('tidy');
    timing.report();
    logger.info(`news: built in ${seconds(performance.now() - started)}`);
  };

  // 1. The content, the app and the server entry, side by side.
  const bundles = startBundles({
    builder,
    config,
    prerender,
    outDir,
    manifest,
    cacheDir: input.reuseBundles ? input.cacheDir : undefined,
    warn: (line) => logger.warn(line),
  });
  const app = bundles.client;
  const server = bundles.server;
  const stamp = input.reuseBundles ? BuildStamp.load(input.cacheDir, outDir) : undefined;
  let listing: ContentListing | undefined;
  if (stamp) {
    try {
      // Only when both bundles are kept does waiting for them cost nothing.
      const check = await checkUpToDate(stamp, {
        codeKey: code,
        dir: options.dir,
        manifest,
        bundles: async () => ((await bundles.reused) ? (await Promise.all([app, server]), bundles.used()) : undefined),
      });
      timing.mark('up-to-date check');
      listing = check.listing;
      const last = check.last;
      if (last) {
        if (options.strict && last.errors > 0) throw strictFailure(last.errors, options.dir);
        for (const line of last.report) logger.info(escapeForLog(line));
        const removed = await removeFilesNotKept(outDir, input.emptyOutDir ? '' : 'data', (file) => manifest.produced(file));
        logger.info(`news: nothing changed since the last build (${listing!.state.files} content files, ${last.outputFiles} output files checked)`);
        logger.info(dataFilesLine(0, last.dataFiles, removed));
        logger.info(pagesLine(0, last.pages, 0, last.siteFiles));
        finish();
        return;
      }
    } catch (error) {
      await bundles.dispose();
      throw error;
    }
  }
  const content = input.content(listing);
  const settled = Promise.allSettled([content, app, server]);
  try {
    const build = await content.catch(async (error: unknown) => {
      await settled;
      throw error;
    });
    timing.mark('content');
    const { errors } = countBySeverity(build.diagnostics);
    if (options.strict && errors > 0) {
      await settled;
      throw strictFailure(errors, options.dir);
    }

    // 2. The data files, while the bundles finish (and the search index is made; see 3).
    const keys = articleKeys(build, code);
    timing.mark('article keys');
    // The search index, in Pagefind's own process, while the data files and the pages are made.
    const searchStarted = performance.now();
    const search = options.search ? writeSearchIndex(build, outDir, manifest, keys) : undefined;
    search?.catch(() => undefined);
    const dataStarted = performance.now();
    let dataMs = 0;
    const data = writeDataFiles(build, outDir, { manifest, codeKey: code, articleKeys: keys }).finally(() => (dataMs = performance.now() - dataStarted));
    data.catch(() => undefined);
    const [appOutput, bundle] = await Promise.all([app, server]).catch(async (error: unknown) => {
      await data.catch(() => undefined);
      throw error;
    });
    timing.mark('bundles');
    if (appOutput.reused) logger.info(`news: app bundles unchanged since the last build: reused (${appOutput.files.length} files)`);
    const template = appOutput.template;
    const pageInput =
      prerender && bundle && template
        ? {
            build,
            outDir,
            base: config.base,
            siteUrl: options.siteUrl,
            template,
            bundle,
            manifest,
            articleKeys: keys,
            showProgress: logsInfo(config),
            warn: (line: string) => logger.warn(line),
          }
        : undefined;
    // The render workers load the server bundle while the data files are written.
    const plan = pageInput && prerender!.planPages(pageInput);
    let written;
    try {
      written = await data;
    } catch (error) {
      await plan?.pool?.close();
      throw error;
    }
    timing.mark('data');
    const removedData = await removeFilesNotKept(outDir, 'data', (file) => manifest.produced(file));
    logger.info(dataFilesLine(written.written, written.unchanged, removedData, `${(written.bytes / 1e6).toFixed(1)} MB written, ${seconds(dataMs)}`));
    for (const warning of build.cacheWarnings.splice(0)) logger.warn(warning);

    // 3. The pages; then the search index is awaited.
    let counts = { pages: 0, siteFiles: 0 };
    if (pageInput && plan) {
      const pagesStarted = performance.now();
      const pages = await prerender!.renderPages(pageInput, plan);
      counts = { pages: pages.rendered + pages.reused, siteFiles: pages.files.written + pages.files.unchanged };
      const threads = `pages on ${pages.threads} thread${pages.threads > 1 ? 's' : ''}`;
      logger.info(
        pagesLine(pages.rendered, pages.reused, pages.files.written, pages.files.unchanged, `${seconds(performance.now() - pagesStarted)}, ${threads}`),
      );
    } else if (prerender) {
      logger.warn('prerender: the client build has no index.html to use as the page template; no pages were rendered');
    }

    timing.mark('pages');
    const searched = await search;
    timing.mark('search index');
    // Only now: the index read every stored detail, and one that failed verification is dropped
    // from the parse cache, which closing the content saves.
    await input.closeContent();
    if (searched)
      logger.info(
        searched.reused
          ? `search: index unchanged since the last build: reused (${searched.files} files)`
          : `search: indexed ${build.articles.length} articles: ${searched.files} files, ${searched.written} written (${(searched.bytes / 1e6).toFixed(1)} MB), ${seconds(performance.now() - searchStarted)}`,
      );
    // 4. Only this build's files stay.
    await bundles.keep();
    const fromVite = new Set(appOutput.files);
    const keep = (file: string) => manifest.produced(file) || fromVite.has(file);
    const removed = input.emptyOutDir
      ? await removeFilesNotKept(outDir, '', keep)
      : await removeFiles(
          outDir,
          manifest.stale().filter((file) => !keep(file)),
        );
    if (removed > 0) logger.info(`news: removed ${removed} files of earlier builds from ${path.relative(config.root, outDir) || '.'}`);
    await manifest.save();
    const stamped = stampedContent(build);
    if (stamp && stamped)
      await stamp.save({ ...stamped, codeKey: code, bundles: bundles.used(), dataFiles: written.written + written.unchanged, ...counts }, outDir, manifest);
    finish();
  } finally {
    await bundles.dispose();
  }
}

/** Vite prints info lines (and so progress) unless its logLevel is 'warn', 'error' or 'silent'. */
function logsInfo(config: ResolvedConfig): boolean {
  return config.logLevel === undefined || config.logLevel === 'info';
}
