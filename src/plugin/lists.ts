import type { ArticleCard } from '../contract/article.ts';
import { dataPaths } from '../contract/data-paths.ts';
import {
  compareCards,
  PAGE_SIZE,
  SORT_KEYS,
  type SortKey,
  type FeedPage,
  type NewsIndex,
  type ProviderIndex,
  type Scope,
  type TopicSummary,
} from '../contract/feed.ts';
import { topicSlug } from '../contract/slug.ts';
import { CARD_EXCERPT_CHARS, cutEnd } from './normalize.ts';
import { compareCodeUnits } from './code-unit-order.ts';
import type { ArticleHead } from './record.ts';

/** The card is what lists repeat: a fixed, small subset of the detail. */
export function toCard(detail: ArticleHead): ArticleCard {
  const card: ArticleCard = { slug: detail.slug, title: detail.title } as ArticleCard;
  if (detail.excerpt) {
    card.excerpt =
      detail.excerpt.length > CARD_EXCERPT_CHARS
        ? `${detail.excerpt.slice(0, cutEnd(detail.excerpt, CARD_EXCERPT_CHARS)).replace(/\s+\S*$/, '')}…`
        : detail.excerpt;
  }
  if (detail.publishedAt) card.publishedAt = detail.publishedAt;
  if (detail.url) card.url = detail.url;
  card.type = detail.type;
  if (detail.quality !== undefined) card.quality = detail.quality;
  card.heat = detail.heat;
  card.published = detail.published;
  if (detail.provider) card.provider = detail.provider;
  card.topics = detail.topics;
  if (detail.image) card.image = detail.image;
  card.relatedCount = detail.relatedCount;
  card.citedByCount = detail.citedByCount;
  return card;
}

export interface SiteOptions {
  siteName: string;
  siteUrl?: string;
}

/** A list of cards in one order, split into pages. */
function pages(cards: readonly ArticleCard[]): FeedPage[] {
  const pageCount = Math.max(1, Math.ceil(cards.length / PAGE_SIZE));
  return Array.from({ length: pageCount }, (_, i) => ({
    page: i + 1,
    pageCount,
    total: cards.length,
    items: cards.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
  }));
}

const COMMA = Buffer.from(',');
const END = Buffer.from(']}');

/**
 * A list page's JSON, as pieces of UTF-8 bytes, exactly as `JSON.stringify(page)` writes it once
 * joined, from each card's bytes: every card is on 6 to 12 list pages (each sort of the feed and
 * of each of its topics), so `cardBytes` can encode a card once for all of them. Bytes, not
 * text, because the text of 10,000 cards is 80 MB at 10k, mostly UTF-16 (curly quotes, dashes):
 * encoding it again for every page, and measuring it, cost the main thread more than the writes.
 * Pieces, not one buffer: a file is written from them in one `writev`, and copying 80 MB of
 * cards into page buffers first took half a second of the main thread.
 */
export function feedPageParts(page: FeedPage, cardBytes: (card: ArticleCard) => Buffer): Buffer[] {
  const parts: Buffer[] = [Buffer.from(feedPageHeader(page))];
  page.items.forEach((card, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(cardBytes(card));
  });
  parts.push(END);
  return parts;
}

/** A feed page's JSON up to its first card. */
export function feedPageHeader(page: FeedPage): string {
  return `{"page":${page.page},"pageCount":${page.pageCount},"total":${page.total},"items":[`;
}

export interface Lists {
  index: NewsIndex;
  providers: ProviderIndex;
  /** Every list page as [data path, page]. */
  feedPages(): Generator<[string, FeedPage]>;
  feedPage(scope: Scope, topic: string | undefined, sort: SortKey, page: number): FeedPage | undefined;
}

export function buildLists(cards: readonly ArticleCard[], site: SiteOptions): Lists {
  const byScope: Record<Scope, ArticleCard[]> = { published: [], unpublished: [] };
  for (const card of cards) byScope[card.published ? 'published' : 'unpublished'].push(card);

  // Topic names that slug alike ("AI", "A.I.") share one list, under the first name seen.
  const topics = new Map<string, { name: string; cards: Record<Scope, ArticleCard[]> }>();
  // A corpus has a few dozen topic names on ten thousand cards: each is slugged once.
  const slugs = new Map<string, string>();
  for (const card of cards) {
    for (const name of card.topics) {
      let slug = slugs.get(name);
      if (slug === undefined) slugs.set(name, (slug = topicSlug(name)));
      let topic = topics.get(slug);
      if (!topic) topics.set(slug, (topic = { name, cards: { published: [], unpublished: [] } }));
      const list = topic.cards[card.published ? 'published' : 'unpublished'];
      if (list[list.length - 1] !== card) list.push(card);
    }
  }

  const summaries: TopicSummary[] = [...topics]
    .map(([slug, t]) => ({ slug, name: t.name, count: t.cards.published.length, unpublishedCount: t.cards.unpublished.length }))
    .sort((a, b) => b.count - a.count || b.unpublishedCount - a.unpublishedCount || compareCodeUnits(a.name, b.name) || compareCodeUnits(a.slug, b.slug));

  // Each order is computed once over all cards (on first use); every list is a subsequence of
  // it, so each list is put in order by position instead of being compared again.
  const ranks = new Map<SortKey, Map<ArticleCard, number>>();
  const rankOf = (sort: SortKey) => {
    let rank = ranks.get(sort);
    if (!rank) {
      rank = new Map([...cards].sort(compareCards(sort)).map((card, i) => [card, i]));
      ranks.set(sort, rank);
    }
    return rank;
  };
  const sortedLists = new Map<string, ArticleCard[]>();
  const sorted = (scope: Scope, topic: string | undefined, sort: SortKey): ArticleCard[] | undefined => {
    const key = `${scope}/${topic ?? ''}/${sort}`;
    let list = sortedLists.get(key);
    if (!list) {
      const members = topic === undefined ? byScope[scope] : topics.get(topic)?.cards[scope];
      // published/all always exists (it is the default view); other empty lists have no files.
      if (!members || (members.length === 0 && !(scope === 'published' && topic === undefined))) return undefined;
      const position = rankOf(sort);
      list = [...members].sort((a, b) => position.get(a)! - position.get(b)!);
      sortedLists.set(key, list);
    }
    return list;
  };
  const firstPage = pages(sorted('published', undefined, 'heat')!)[0]!;

  const providerCounts = new Map<string, { name: string; domain?: string; count: number }>();
  for (const card of cards) {
    if (!card.provider) continue;
    const entry = providerCounts.get(card.provider.name) ?? {
      name: card.provider.name,
      ...(card.provider.domain ? { domain: card.provider.domain } : {}),
      count: 0,
    };
    entry.count++;
    providerCounts.set(card.provider.name, entry);
  }

  const index: NewsIndex = {
    formatVersion: 1,
    site: site.siteUrl ? { name: site.siteName, url: site.siteUrl } : { name: site.siteName },
    pageSize: PAGE_SIZE,
    totals: { published: byScope.published.length, unpublished: byScope.unpublished.length, providers: providerCounts.size },
    topics: summaries,
    firstPage,
  };
  const providers: ProviderIndex = {
    providers: [...providerCounts.values()].sort((a, b) => b.count - a.count || compareCodeUnits(a.name, b.name)),
  };

  function* feedPages(): Generator<[string, FeedPage]> {
    for (const scope of ['published', 'unpublished'] as const) {
      for (const topic of [undefined, ...topics.keys()]) {
        for (const sort of SORT_KEYS) {
          const list = sorted(scope, topic, sort);
          if (list) for (const page of pages(list)) yield [dataPaths.feedPage(scope, topic, sort, page.page), page];
        }
      }
    }
  }

  /** One page, computing only its own list (the dev server asks for a few pages at a time). */
  function feedPage(scope: Scope, topic: string | undefined, sort: SortKey, page: number): FeedPage | undefined {
    const list = sorted(scope, topic, sort);
    if (!list || page < 1) return undefined;
    return pages(list)[page - 1];
  }
  return { index, providers, feedPages, feedPage };
}
