import type { ArticleType } from './article.ts';

/**
 * Search: the index the plugin writes with Pagefind (one record per article) and the view the app
 * reads from `/search?…`. Filter and sort names are shared so both sides spell them once.
 */

/** The Pagefind bundle's folder under the site root (`pagefind.js`, its wasm, index, fragments). */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Indexed without a stemmer: a word matches every word that starts with it ("elect" finds
 * "election" and "electric"; "elections" does not find "election"), so results are predictable
 * and a plain scan of the text gives the same set. (Pagefind itself, when no indexed word starts
 * with a query word, falls back to the longest indexed word the query word starts with; the
 * app's engine detects that and finds nothing instead.)
 */
export const SEARCH_LANGUAGE = 'unknown';

/** Filter names in the index; every article has each (a topic-less article has no `topic` values). */
export const SEARCH_FILTERS = {
  /** Topic slugs (`topicSlug(name)`), as in feed URLs. */
  topic: 'topic',
  /** The outlet's domain, e.g. `theintercept.com`; absent for an unknown outlet. */
  source: 'source',
  type: 'type',
  /**
   * `'true'` on `published: false` articles only (published ones have no value): they are found
   * only when the reader asks, by filtering with `{ unpublished: { none: ['true'] } }` otherwise.
   * A value on every article would make every query load a filter file listing every page.
   */
  unpublished: 'unpublished',
  /** The publication day, `YYYY-MM-DD` (UTC); absent for an undated article. */
  day: 'day',
} as const;

/**
 * Sort keys in the index, all numeric strings: heat (`-1` unranked sorts last), quality (`-1`
 * when absent) and the publication time in ms since the epoch (`0` when undated).
 */
export const SEARCH_SORT_KEYS = { heat: 'heat', quality: 'quality', newest: 'date' } as const;

export const SEARCH_SORTS = ['relevance', 'heat', 'quality', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const DEFAULT_SEARCH_SORT: SearchSort = 'relevance';

/** Longer queries are searched on their first this many characters (and shown whole). */
export const MAX_SEARCHED_QUERY_LENGTH = 200;

/** The search view's state; the URL (`/search?…`) is its only home. */
export interface SearchView {
  /** What the reader typed, as typed (trimmed). */
  q: string;
  /** Topic slugs, sorted and unique; an article matches when it has any of them. */
  topics: string[];
  /** An outlet's domain. */
  source?: string;
  type?: ArticleType;
  /** Inclusive publication-day bounds, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  /** Include `published: false` articles. */
  unpublished: boolean;
  sort: SearchSort;
}

export const DEFAULT_SEARCH_VIEW: SearchView = { q: '', topics: [], unpublished: false, sort: DEFAULT_SEARCH_SORT };

export const SEARCH_PATH = '/search';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: string | null): string | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : value;
}

/** Canonical URL of a search view: defaults omitted, topics sorted, so equal views have equal URLs. */
export function searchHref(view: Partial<SearchView> = {}): string {
  const params = new URLSearchParams();
  const q = (view.q ?? '').trim();
  if (q) params.set('q', q);
  const topics = [...new Set((view.topics ?? []).map((t) => t.trim()).filter(Boolean))].sort();
  if (topics.length) params.set('topics', topics.join(','));
  if (view.source) params.set('source', view.source);
  if (view.type) params.set('type', view.type);
  if (view.from && validDay(view.from)) params.set('from', view.from);
  if (view.to && validDay(view.to)) params.set('to', view.to);
  if (view.unpublished) params.set('unpublished', '1');
  if (view.sort && view.sort !== DEFAULT_SEARCH_SORT) params.set('sort', view.sort);
  const query = params.toString();
  return query ? `${SEARCH_PATH}?${query}` : SEARCH_PATH;
}

/** Reads a search view from a query string; unknown or malformed values fall back to defaults. */
export function parseSearchView(search: string | URLSearchParams): SearchView {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const topics = [
    ...new Set(
      (params.get('topics') ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].sort();
  const sortParam = params.get('sort') ?? '';
  const sort = (SEARCH_SORTS as readonly string[]).includes(sortParam) ? (sortParam as SearchSort) : DEFAULT_SEARCH_SORT;
  const typeParam = params.get('type');
  const view: SearchView = { q: (params.get('q') ?? '').trim(), topics, unpublished: params.get('unpublished') === '1', sort };
  const source = (params.get('source') ?? '').trim().toLowerCase();
  if (source) view.source = source;
  if (typeParam === 'article' || typeParam === 'video') view.type = typeParam;
  const from = validDay(params.get('from'));
  const to = validDay(params.get('to'));
  if (from) view.from = from;
  if (to) view.to = to;
  return view;
}
