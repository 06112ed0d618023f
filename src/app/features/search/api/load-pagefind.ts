import { SEARCH_BUNDLE_DIR, SEARCH_FILTERS } from '../../../../contract/search';
import type { PagefindApi } from './pagefind-types';

let loading: Promise<PagefindApi> | undefined;
let failures = 0;

async function load(): Promise<PagefindApi> {
  const basePath = `${import.meta.env.BASE_URL}${SEARCH_BUNDLE_DIR}/`;
  // The browser remembers a module that failed to load: a retry asks for it under a new URL.
  const retry = failures ? `?retry=${failures}` : '';
  const pagefind = (await import(/* @vite-ignore */ `${basePath}pagefind.js${retry}`)) as PagefindApi;
  // Result URLs as indexed (`/article/<slug>`): the app resolves them against its own base.
  await pagefind.options({ basePath, baseUrl: '/' });
  await pagefind.init();
  // Counts per topic come back for filters Pagefind has loaded: load the topic filter alone
  // (a filter-only search for no value), not every filter file as `filters()` would.
  await pagefind.search(null, { filters: { [SEARCH_FILTERS.topic]: { any: [] } } });
  return pagefind;
}

/** The search bundle, loaded once (on first focus of the field or on opening /search); a failure is retried next time. */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    failures++;
    throw error;
  });
  return loading;
}
