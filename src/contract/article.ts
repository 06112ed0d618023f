/**
 * The JSON the plugin emits and the app reads. Both sides import these types; neither
 * re-declares them. Conventions: lists are always arrays (possibly empty), optional scalars are
 * omitted rather than null, dates are ISO 8601 UTC strings, and every URL is http(s).
 */

import type { StoryRef } from './story.ts';

export type ArticleType = 'article' | 'video';

export interface Image {
  url: string;
  width?: number;
  height?: number;
  /** Caption or alt text supplied by the source (rare). */
  title?: string;
}

export interface Provider {
  name: string;
  /** The outlet's domain, e.g. `theintercept.com`. */
  domain?: string;
  /** The outlet's logo (Smartable ships 50×50 images); absent when none is valid. */
  logo?: Image;
}

/** An embed recognised from `featuredContent`; raw HTML never reaches the app. */
export interface Embed {
  provider: 'youtube';
  /** The YouTube video id, shown through youtube-nocookie.com. */
  id: string;
}

/** What a feed card needs: small, repeated in every list the article appears in. */
export interface ArticleCard {
  /** Stable, readable, unique: the article's URL is `/article/<slug>`. */
  slug: string;
  title: string;
  excerpt?: string;
  /** ISO 8601 UTC, e.g. `2020-07-14T19:45:00.000Z`. */
  publishedAt?: string;
  /** The outlet's page: `webUrl`, or `originalUrl` when `webUrl` is absent. */
  url?: string;
  type: ArticleType;
  quality?: number;
  /** Smartable's heat score; `-1` means unranked (not cold). */
  heat: number;
  /** `published: false` articles are outside the default feed. */
  published: boolean;
  /** Absent for a plain-text article whose outlet is unknown: nothing is invented. */
  provider?: Provider;
  /** Topic display names; `topicSlug(name)` gives the URL form. */
  topics: string[];
  /** The lead image, when one with an http(s) URL exists. */
  image?: Image;
  /** Number of related-coverage items (after dedupe). */
  relatedCount: number;
  /** Number of corpus articles whose related coverage cites this one. */
  citedByCount: number;
}

/**
 * One outlet's story in an article's related coverage: what the coverage list shows. A related
 * item's AMP URLs are validated and used to recognise the story (dedupe, in-corpus links) but
 * not emitted; its excerpt and images are not read. With 0-40 items per article they made over
 * half of every article file, and no view shows them.
 */
export interface RelatedItem {
  title: string;
  url: string;
  type: ArticleType;
  provider: Provider;
  quality?: number;
  publishedAt?: string;
  /** Present when this story is itself an article of the corpus: link in-app. */
  slug?: string;
}

/** An article of the corpus that lists this one in its related coverage. */
export interface CitingArticle {
  slug: string;
  title: string;
  provider?: Provider;
  publishedAt?: string;
  /** It is not published: a published article's page does not list it (see `citingInScope`). */
  unpublished?: true;
}

export type BodyBlock =
  { kind: 'paragraph'; text: string } | { kind: 'heading'; text: string } | { kind: 'quote'; text: string } | { kind: 'list-item'; text: string };

/** Everything about one article; fetched only when the article is opened. */
export interface ArticleDetail extends ArticleCard {
  /** Its story, when the story has other members or related stories (see `StoryRef`). */
  story?: StoryRef;
  category?: string;
  updatedAt?: string;
  /** The source's `originalUrl` when it differs from `url`. */
  originalUrl?: string;
  ampUrl?: string;
  cdnAmpUrl?: string;
  images: Image[];
  embed?: Embed;
  /** Plain-text blocks: from the markdown body, or from a matching plain-text file. */
  body: BodyBlock[];
  /** Sorted by quality (desc), then date (newest first); deduplicated. */
  related: RelatedItem[];
  citedBy: CitingArticle[];
}
