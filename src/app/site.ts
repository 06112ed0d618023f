/**
 * The site's name, set at build time by the news plugin (its `siteName` option or
 * NEWS_SITE_NAME), so every page can show it without fetching the index.
 */
export const SITE_NAME: string = import.meta.env.NEWS_SITE_NAME || 'News';
