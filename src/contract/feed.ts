import type { ArticleCard } from './article.ts';
import { rankBy } from './rank.ts';

export const SORT_KEYS = ['heat', 'quality', 'newest'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const DEFAULT_SORT: SortKey = 'heat';

/** Articles per feed page, in every list file. */
export const PAGE_SIZE = 25;

/**
 * Lists are split by scope so that no article is stored twice per sort: the app merges the
 * `unpublished` stream into the `published` one when the reader asks to see both.
 */
export type Scope = 'published' | 'unpublished';

/** One list file: a page of a (scope, topic, sort) list. */
export interface FeedPage {
  /** 1-based. */
  page: number;
  pageCount: number;
  /** Articles in the whole list. */
  total: number;
  items: ArticleCard[];
}

export interface TopicSummary {
  slug: string;
  name: string;
  /** Published articles with this topic. */
  count: number;
  /** Unpublished articles with this topic (0 when the build drops them). */
  unpublishedCount: number;
}

/** `data/index.json`: the only request the first screen needs. */
export interface NewsIndex {
  formatVersion: 1;
  site: { name: string; url?: string };
  pageSize: number;
  totals: { published: number; unpublished: number; providers: number };
  /** Sorted by count (desc), then name. */
  topics: TopicSummary[];
  /** Page 1 of the default view: published, all topics, sorted by heat. */
  firstPage: FeedPage;
}

export interface ProviderSummary {
  name: string;
  domain?: string;
  count: number;
}

/** `data/providers.json`. */
export interface ProviderIndex {
  providers: ProviderSummary[];
}

/** Heat `-1` (unranked) sorts after every ranked article. */
function heatRank(card: ArticleCard): number {
  return card.heat < 0 ? -Infinity : card.heat;
}

/**
 * Dates are ISO 8601 UTC strings of one fixed form (`toISOString`), so they order as strings;
 * sorting 100,000 cards must not parse two dates per comparison. Undated sorts last.
 */
function time(card: ArticleCard): string {
  return card.publishedAt ?? '';
}

/**
 * The one ordering used by the plugin (to write list files) and the app (to merge streams).
 * Ties always end on the slug, so every order is total and deterministic.
 */
export function compareCards(sort: SortKey): (a: ArticleCard, b: ArticleCard) => number {
  const slug = (c: ArticleCard) => c.slug;
  const quality = (c: ArticleCard) => c.quality ?? -Infinity;
  switch (sort) {
    case 'heat':
      return rankBy(slug, heatRank, quality, time);
    case 'quality':
      return rankBy(slug, quality, heatRank, time);
    case 'newest':
      return rankBy(slug, time, quality);
  }
}
