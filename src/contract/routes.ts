import { DEFAULT_SORT, SORT_KEYS, type SortKey } from './feed.ts';
import { STORY_SORT_KEYS, type StorySortKey } from './story.ts';

/**
 * The feed's view state. The URL is its only home: reload, back/forward and shared links all
 * reproduce the view from these fields.
 */
export interface FeedView {
  /** Selected topic slugs, sorted and unique; an article matches when it has any of them. */
  topics: string[];
  /** `outlets` only in the stories view (`articleSort` reads it for articles). */
  sort: StorySortKey;
  /** One card per story instead of per article (`?view=stories`). */
  stories: boolean;
  /** Include `published: false` articles. */
  unpublished: boolean;
  /** How many pages are loaded (load more raises it). */
  pages: number;
}

export const DEFAULT_VIEW: FeedView = { topics: [], sort: DEFAULT_SORT, stories: false, unpublished: false, pages: 1 };

/** The article order a view asks for (the stories view's `outlets` has no article list). */
export function articleSort(view: Pick<FeedView, 'sort'>): SortKey {
  return view.sort === 'outlets' ? DEFAULT_SORT : view.sort;
}

/** Deep links past this depth are clamped so a crafted URL cannot trigger hundreds of fetches. */
export const MAX_PAGES_IN_URL = 40;

export const routePatterns = {
  feed: '/',
  topic: '/topic/:topic',
  article: '/article/:slug',
} as const;

/** The anchor of an article's story on its page: `/article/<slug>#full-coverage`. */
export const FULL_COVERAGE_ANCHOR = 'full-coverage';

export function articleHref(slug: string): string {
  return `/article/${encodeURIComponent(slug)}`;
}

function normaliseTopics(topics: readonly string[]): string[] {
  return [...new Set(topics.map((t) => t.trim()).filter(Boolean))].sort();
}

/**
 * The canonical URL of a feed view: a single topic gets its own path (`/topic/<slug>`, which
 * also has a prerendered page); defaults are omitted so equal views have equal URLs.
 */
export function feedHref(view: Partial<FeedView> = {}): string {
  const topics = normaliseTopics(view.topics ?? []);
  const params = new URLSearchParams();
  let path = '/';
  if (topics.length === 1) path = `/topic/${encodeURIComponent(topics[0]!)}`;
  else if (topics.length > 1) params.set('topics', topics.join(','));
  if (view.stories) params.set('view', 'stories');
  const sort = view.stories ? view.sort : view.sort && articleSort({ sort: view.sort });
  if (sort && sort !== DEFAULT_SORT) params.set('sort', sort);
  if (view.unpublished) params.set('unpublished', '1');
  if (view.pages && view.pages > 1) params.set('pages', String(Math.min(view.pages, MAX_PAGES_IN_URL)));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Reads a view from a route's `:topic` parameter (if any) and its query string. */
export function parseFeedView(pathTopic: string | undefined, search: string | URLSearchParams): FeedView {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const listed = (params.get('topics') ?? '').split(',');
  const topics = normaliseTopics(pathTopic ? [pathTopic, ...listed] : listed);
  const sortParam = params.get('sort');
  const stories = params.get('view') === 'stories';
  const sorts: readonly string[] = stories ? STORY_SORT_KEYS : SORT_KEYS;
  const sort = sorts.includes(sortParam ?? '') ? (sortParam as StorySortKey) : DEFAULT_SORT;
  const unpublished = params.get('unpublished') === '1';
  const pagesParam = Number.parseInt(params.get('pages') ?? '1', 10);
  const pages = Number.isFinite(pagesParam) ? Math.min(Math.max(pagesParam, 1), MAX_PAGES_IN_URL) : 1;
  return { topics, sort, stories, unpublished, pages };
}
