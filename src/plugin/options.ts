import path from 'node:path';
import { DEFAULT_SITE_NAME } from './pipeline.ts';

export interface NewsPluginOptions {
  /** Content folder. Default: `NEWS_DIR`, else `seeds` (relative to the Vite root). */
  dir?: string;
  /** Drop `published: false` articles from the output. Default: `NEWS_DROP_UNPUBLISHED=1`, else false. */
  dropUnpublished?: boolean;
  /** Fail the build when any file has an error. Default: `NEWS_STRICT=1`, else false. */
  strict?: boolean;
  /** Site name for titles and feeds. Default: `NEWS_SITE_NAME`, else "Smartable News Reader". */
  siteName?: string;
  /** Public base URL for canonical links. Default: `NEWS_SITE_URL`, else none. */
  siteUrl?: string;
  /** Build the search index (Pagefind). Default: off when `NEWS_SEARCH=0`, else on. */
  search?: boolean;
}

export interface ResolvedOptions {
  dir: string;
  dropUnpublished: boolean;
  strict: boolean;
  siteName: string;
  siteUrl?: string;
  search: boolean;
}

const flag = (value: string | undefined) => value === '1' || value === 'true';

export function resolveOptions(options: NewsPluginOptions, root: string, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  const siteUrl = (options.siteUrl ?? env.NEWS_SITE_URL)?.replace(/\/+$/, '');
  return {
    dir: path.resolve(root, options.dir ?? env.NEWS_DIR ?? 'seeds'),
    dropUnpublished: options.dropUnpublished ?? flag(env.NEWS_DROP_UNPUBLISHED),
    strict: options.strict ?? flag(env.NEWS_STRICT),
    siteName: options.siteName ?? env.NEWS_SITE_NAME ?? DEFAULT_SITE_NAME,
    ...(siteUrl ? { siteUrl } : {}),
    search: options.search ?? !(env.NEWS_SEARCH === '0' || env.NEWS_SEARCH === 'false'),
  };
}
