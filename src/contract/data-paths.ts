import type { Scope, SortKey } from './feed.ts';
import type { StoryRef, StorySortKey } from './story.ts';

/**
 * Where each data file lives, relative to the site root (the app prefixes its base URL).
 * One builder per file kind; the plugin writes exactly these paths and the app fetches them.
 */
export const DATA_ROOT = 'data';

export const dataPaths = {
  /** The first screen's one request: topics, totals and page 1 of the default view. */
  index: () => `${DATA_ROOT}/index.json`,
  providers: () => `${DATA_ROOT}/providers.json`,
  /**
   * One page of one list. `topic` is a topic slug, or undefined for all topics.
   * Lists with no articles have no files; the index's counts say which exist.
   */
  feedPage: (scope: Scope, topic: string | undefined, sort: SortKey, page: number) =>
    `${DATA_ROOT}/feed/${scope}/${topic === undefined ? 'all' : `topic/${topic}`}/${sort}/${page}.json`,
  article: (slug: string) => `${DATA_ROOT}/article/${slug}.json`,
  /** How many stories each story list holds (see `StoryIndex`). */
  stories: () => `${DATA_ROOT}/stories/index.json`,
  /** One page of one story list, as `feedPage`; published/all always exists. */
  storyPage: (scope: Scope, topic: string | undefined, sort: StorySortKey, page: number) =>
    `${DATA_ROOT}/stories/${scope}/${topic === undefined ? 'all' : `topic/${topic}`}/${sort}/${page}.json`,
  /** A story of more than one article: members, coverage, numbers. */
  story: (id: string) => `${DATA_ROOT}/story/${id}.json`,
} as const;

/** The id of an article's story file (`dataPaths.story`), when its story has other members. */
export function storyFileId(article: { story?: StoryRef }): string | undefined {
  return article.story && article.story.members > 1 ? article.story.id : undefined;
}
