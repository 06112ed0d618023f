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

/** How many pages a list of `total` cards has (an empty list has one, empty). */
export function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** Page `n` (from 1) of a list of cards (articles' or stories') in one order. */
export function pageOf<T>(cards: readonly T[], n: number): { page: number; pageCount: number; total: number; items: T[] } {
  return { page: n, pageCount: pageCountOf(cards.length), total: cards.length, items: cards.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE) };
}

/** A list of cards in one order, split into pages. */
function pages(cards: readonly ArticleCard[]): FeedPage[] {
  return Array.from({ length: pageCountOf(cards.length) }, (_, i) => pageOf(cards, i + 1));
}

/** A page of a list (`FeedPage`, `StoryPage`): its JSON is this header, then its cards. */
interface ListPage<T> {
  page: number;
  pageCount: number;
  total: number;
  items: readonly T[];
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
export function feedPageParts<T>(page: ListPage<T>, cardBytes: (card: T) => Buffer): Buffer[] {
  const parts: Buffer[] = [Buffer.from(feedPageHeader(page))];
  page.items.forEach((card, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(cardBytes(card));
  });
  parts.push(END);
  return parts;
}

/** A feed page's JSON up to its first card. */
export function feedPageHeader(page: ListPage<unknown>): string {
  return `{"page":${page.page},"pageCount":${page.pageCount},"total":${page.total},"items":[`;
}

export interface Lists {
  index: NewsIndex;
  providers: ProviderIndex;
  /** Every list page as [data path, page]. */
  feedPages(): Generator<[string, FeedPage]>;
  feedPage(scope: Scope, topic: string | undefined, sort: SortKey, page: number): FeedPage | undefined;
}

type Members = Record<Scope, ArticleCard[]>;
type TopicGroups = Map<string, { name: string; cards: Members }>;

/** Topic names that slug alike ("AI", "A.I.") share one list, under the first name seen. */
function groupTopics(cards: readonly ArticleCard[]): TopicGroups {
  const topics: TopicGroups = new Map();
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
  return topics;
}

/** One sorted list: a scope's cards, or a topic's in one scope, in one order. */
interface SortedList {
  scope: Scope;
  topic: string | undefined;
  sort: SortKey;
  cards: ArticleCard[];
}

const listKey = (scope: Scope, topic: string | undefined, sort: SortKey) => `${scope}/${topic ?? ''}/${sort}`;

/**
 * The lists of one build's cards, each sorted on first use. Every order is computed once over
 * all cards; every list is a subsequence of it, so each is put in order by position instead of
 * being compared again. Nothing here changes after it is made: a later build shares what it can.
 */
class CardLists implements Lists {
  readonly index: NewsIndex;
  private groups?: TopicGroups;

  constructor(
    readonly cards: readonly ArticleCard[],
    /** Everything in the index but its first page. */
    readonly summary: Omit<NewsIndex, 'firstPage'>,
    readonly providers: ProviderIndex,
    /** Every card in each order computed so far. */
    readonly orders: Map<SortKey, ArticleCard[]>,
    readonly sortedLists: Map<string, SortedList>,
    groups?: TopicGroups,
  ) {
    if (groups) this.groups = groups;
    this.index = { ...summary, firstPage: pageOf(this.sorted('published', undefined, 'heat')!, 1) };
  }

  private ranks = new Map<SortKey, Map<ArticleCard, number>>();

  get topics(): TopicGroups {
    return (this.groups ??= groupTopics(this.cards));
  }

  private order(sort: SortKey): ArticleCard[] {
    let order = this.orders.get(sort);
    if (!order) this.orders.set(sort, (order = [...this.cards].sort(compareCards(sort))));
    return order;
  }

  sorted(scope: Scope, topic: string | undefined, sort: SortKey): ArticleCard[] | undefined {
    const key = listKey(scope, topic, sort);
    const known = this.sortedLists.get(key);
    if (known) return known.cards;
    let cards: ArticleCard[];
    if (topic === undefined) {
      // A scope's list is the whole order less the other scope's cards.
      cards = this.order(sort).filter((card) => card.published === (scope === 'published'));
      // published/all always exists (it is the default view); other empty lists have no files.
      if (cards.length === 0 && scope !== 'published') return undefined;
    } else {
      const members = this.topics.get(topic)?.cards[scope];
      if (!members?.length) return undefined;
      let position = this.ranks.get(sort);
      if (!position) this.ranks.set(sort, (position = new Map(this.order(sort).map((card, i) => [card, i]))));
      cards = [...members].sort((a, b) => position.get(a)! - position.get(b)!);
    }
    this.sortedLists.set(key, { scope, topic, sort, cards });
    return cards;
  }

  *feedPages(): Generator<[string, FeedPage]> {
    for (const scope of ['published', 'unpublished'] as const) {
      for (const topic of [undefined, ...this.topics.keys()]) {
        for (const sort of SORT_KEYS) {
          const list = this.sorted(scope, topic, sort);
          if (list) for (const page of pages(list)) yield [dataPaths.feedPage(scope, topic, sort, page.page), page];
        }
      }
    }
  }

  /** One page, computing only its own list (the dev server asks for a few pages at a time). */
  feedPage(scope: Scope, topic: string | undefined, sort: SortKey, page: number): FeedPage | undefined {
    const list = this.sorted(scope, topic, sort);
    if (!list || page < 1 || page > pageCountOf(list.length)) return undefined;
    return pageOf(list, page);
  }
}

export function buildLists(cards: readonly ArticleCard[], site: SiteOptions): Lists {
  let published = 0;
  for (const card of cards) if (card.published) published++;
  const topics = groupTopics(cards);
  const summaries: TopicSummary[] = [...topics]
    .map(([slug, t]) => ({ slug, name: t.name, count: t.cards.published.length, unpublishedCount: t.cards.unpublished.length }))
    .sort((a, b) => b.count - a.count || b.unpublishedCount - a.unpublishedCount || compareCodeUnits(a.name, b.name) || compareCodeUnits(a.slug, b.slug));

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
  const summary: Omit<NewsIndex, 'firstPage'> = {
    formatVersion: 1,
    site: site.siteUrl ? { name: site.siteName, url: site.siteUrl } : { name: site.siteName },
    pageSize: PAGE_SIZE,
    totals: { published, unpublished: cards.length - published, providers: providerCounts.size },
    topics: summaries,
  };
  const providers: ProviderIndex = {
    providers: [...providerCounts.values()].sort((a, b) => b.count - a.count || compareCodeUnits(a.name, b.name)),
  };
  return new CardLists(cards, summary, providers, new Map(), new Map(), topics);
}

const sameTopics = (a: ArticleCard, b: ArticleCard) => a.topics.length === b.topics.length && a.topics.every((name, i) => name === b.topics[i]);

/**
 * `buildLists(cards)` made from the last build's lists, when `replaced` (each card of `previous`
 * that changed, with the card now in its place) leaves every list's membership and count as it
 * was: the same scope, topics and outlet. The index's counts are the last ones; each list sorted
 * so far gets its replaced cards moved (`replaceSorted`); the rest is made on first use, as in
 * any build. Undefined when a change moves a card between lists: build them from scratch then.
 */
export function updateLists(previous: Lists, cards: readonly ArticleCard[], replaced: readonly (readonly [ArticleCard, ArticleCard])[]): Lists | undefined {
  if (!(previous instanceof CardLists) || previous.cards.length !== cards.length) return undefined;
  for (const [before, after] of replaced) {
    if (before.published !== after.published || !sameTopics(before, after)) return undefined;
    if (before.provider?.name !== after.provider?.name || before.provider?.domain !== after.provider?.domain) return undefined;
  }
  const slugs = new Map<string, string>();
  const inTopic = (card: ArticleCard, topic: string) =>
    card.topics.some((name) => {
      let slug = slugs.get(name);
      if (slug === undefined) slugs.set(name, (slug = topicSlug(name)));
      return slug === topic;
    });
  const update = (list: ArticleCard[], sort: SortKey, belongs: (card: ArticleCard) => boolean) => {
    const moved = replaced.filter(([before]) => belongs(before));
    return moved.length ? replaceSorted(list, moved, compareCards(sort)) : list;
  };
  const orders = new Map([...previous.orders].map(([sort, order]) => [sort, update(order, sort, () => true)]));
  const sortedLists = new Map(
    [...previous.sortedLists].map(([key, list]) => {
      const scope = (card: ArticleCard) => card.published === (list.scope === 'published');
      const belongs = list.topic === undefined ? scope : (card: ArticleCard) => scope(card) && inTopic(card, list.topic!);
      return [key, { ...list, cards: update(list.cards, list.sort, belongs) }];
    }),
  );
  return new CardLists(cards, previous.summary, previous.providers, orders, sortedLists);
}

/**
 * A copy of `list` (sorted by `compare`) with each pair's first card replaced by its second, at
 * the second's place: both found by binary search, so a few changed cards cost no sort. It
 * equals sorting the replaced list when `compare` orders every two distinct cards
 * (`compareCards` does: slugs are unique).
 */
export function replaceSorted(
  list: readonly ArticleCard[],
  replaced: readonly (readonly [ArticleCard, ArticleCard])[],
  compare: (a: ArticleCard, b: ArticleCard) => number,
): ArticleCard[] {
  const result = [...list];
  const place = (card: ArticleCard) => {
    let low = 0;
    let high = result.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(result[middle]!, card) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  for (const [before, after] of replaced) {
    let at = place(before);
    // Only a `compare` that is not a total order can miss it; find it by identity then.
    if (result[at] !== before) at = result.indexOf(before);
    if (at < 0) throw new Error(`replaceSorted: ${before.slug} is not in the list`);
    result.splice(at, 1);
    result.splice(place(after), 0, after);
  }
  return result;
}
