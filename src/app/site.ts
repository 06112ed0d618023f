/**
 * The site's name, set at build time by the news plugin (its `siteName` option or
 * NEWS_SITE_NAME), so every page can show it without fetching the index.
 */
export const SITE_NAME: string = import.meta.env.NEWS_SITE_NAME || 'News';

/** Whether this build has a search index (the plugin's `search` option, `NEWS_SEARCH=0` turns it off). */
export const SEARCH_ENABLED: boolean = import.meta.env.NEWS_SEARCH !== 'off';
