interface ImportMetaEnv {
  /** Defined by the news plugin (`src/plugin/index.ts`). */
  readonly NEWS_SITE_NAME: string;
  /** `'on'` unless the build was made without a search index (`NEWS_SEARCH=0`). */
  readonly NEWS_SEARCH: 'on' | 'off';
}
