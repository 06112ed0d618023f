/**
 * `prerenderPlugin()`: the build's page phase, run by the news plugin's build sequence
 * (src/plugin/build-app.ts) after the data files: every article, the feed's first page, each
 * topic's first page and a 404 page rendered to static HTML with the app's own components
 * (react-dom/server), with per-page head tags and the query cache the page was rendered from;
 * then Atom feeds, the sitemap and robots.txt (src/prerender/site-pages.ts). The server entry is
 * bundled for Node by its own Vite build beside the app's (server-bundle.ts).
 *
 * The client build's index.html is the pages' template: this plugin takes it out of the bundle
 * (the feed's prerendered page is written in its place, only when it changed).
 *
 * Also adds a `vite preview` middleware so deep links resolve to their folders' index.html and
 * unknown paths get 404.html with status 404.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { buildServerBundle, serverBundleAt, type ServerBundle } from './server-bundle.ts';
import { planPages, renderPages, type PagePlan, type SitePagesInput, type SitePagesResult } from './site-pages.ts';
import { staticHostMiddleware } from './preview.ts';

export interface PrerenderOptions {
  /** Worker threads for article pages. Default: cores − 1 (the main thread renders too); 0 disables. */
  workers?: number;
}

/** What the news plugin's build sequence calls (found as this plugin's `api`). */
export interface PrerenderApi {
  bundleServer: typeof buildServerBundle;
  /** A server bundle kept from an earlier build. */
  serverBundleAt: typeof serverBundleAt;
  /** The client build's index.html, once that build has generated it. */
  template(): string | undefined;
  planPages(input: Omit<SitePagesInput, 'workers'>): PagePlan;
  renderPages(input: Omit<SitePagesInput, 'workers'>, plan: PagePlan): Promise<SitePagesResult>;
}

export type { ServerBundle, SitePagesResult };

export function prerenderPlugin(options: PrerenderOptions = {}): Plugin {
  let template: string | undefined;
  const withWorkers = (input: Omit<SitePagesInput, 'workers'>): SitePagesInput => ({
    ...input,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
  const api: PrerenderApi = {
    bundleServer: buildServerBundle,
    serverBundleAt,
    template: () => template,
    planPages: (input) => planPages(withWorkers(input)),
    renderPages: (input, plan) => renderPages(withWorkers(input), plan),
  };
  return {
    name: 'news:prerender',
    api,
    configurePreviewServer(server) {
      const outDir = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(staticHostMiddleware(outDir, server.config.base));
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (this.environment.name !== 'client') return;
        const html = bundle['index.html'];
        if (html?.type !== 'asset') return;
        template = typeof html.source === 'string' ? html.source : Buffer.from(html.source).toString('utf8');
        delete bundle['index.html'];
      },
    },
  };
}
