interface ImportMetaEnv {
  /** Defined by the news plugin (`src/plugin/index.ts`). */
  readonly NEWS_SITE_NAME: string;
}
