import { useInfiniteQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { compareCards, DEFAULT_SORT, type ArticleCard, type FeedPage, type FeedView, type NewsIndex } from '../../../../contract';
import { newsIndexQueryOptions } from '../../../api/get-news-index';
import { feedPageQueryOptions } from './get-feed-page';
import { feedStreams, type FeedStream } from './feed-streams';

/** How far each stream has been consumed: stream key → number of its items already shown. */
export type FeedCursor = Record<string, number>;

export interface MergedPage {
  items: ArticleCard[];
  /** Where the next page starts. */
  cursor: FeedCursor;
  done: boolean;
}

type ViewKey = Pick<FeedView, 'topics' | 'sort' | 'unpublished'>;

function streamPage(client: QueryClient, index: NewsIndex, stream: FeedStream, sort: ViewKey['sort'], page: number): Promise<FeedPage> {
  // Page 1 of the default view ships inside the index: no request.
  if (page === 1 && stream.scope === 'published' && stream.topic === undefined && sort === DEFAULT_SORT) {
    return Promise.resolve(index.firstPage);
  }
  return client.query(feedPageQueryOptions(stream.scope, stream.topic, sort, page));
}

/**
 * The next page of a view: a k-way merge of its streams in `compareCards(sort)` order, an
 * article listed by several streams (several selected topics) shown once. Stream pages are
 * fetched only when the merge reaches them.
 */
export async function loadMergedPage(client: QueryClient, index: NewsIndex, view: ViewKey, cursor: FeedCursor): Promise<MergedPage> {
  const streams = feedStreams(index, view);
  const compare = compareCards(view.sort);
  const pageSize = index.pageSize;
  const position: FeedCursor = { ...cursor };
  const totals = new Map(streams.map((s) => [s.key, s.total]));

  const head = async (stream: FeedStream): Promise<ArticleCard | undefined> => {
    const at = position[stream.key] ?? 0;
    if (at >= (totals.get(stream.key) ?? 0)) return undefined;
    const page = await streamPage(client, index, stream, view.sort, Math.floor(at / pageSize) + 1);
    totals.set(stream.key, page.total);
    return page.items[at % pageSize];
  };

  const items: ArticleCard[] = [];
  while (items.length < pageSize) {
    const heads = await Promise.all(streams.map(head));
    let best: ArticleCard | undefined;
    for (const card of heads) if (card && (!best || compare(card, best) < 0)) best = card;
    if (!best) {
      // Every stream is exhausted (or shorter than counted): stop there.
      for (const stream of streams) totals.set(stream.key, Math.min(totals.get(stream.key) ?? 0, position[stream.key] ?? 0));
      break;
    }
    items.push(best);
    streams.forEach((stream, i) => {
      if (heads[i]?.slug === best.slug) position[stream.key] = (position[stream.key] ?? 0) + 1;
    });
  }
  const done = streams.every((s) => (position[s.key] ?? 0) >= (totals.get(s.key) ?? 0));
  return { items, cursor: position, done };
}

export const feedViewQueryKey = (view: ViewKey) => ['feed', 'view', view.topics.join(','), view.sort, view.unpublished ? 'all' : 'published'] as const;

/** The merged, paged view; `pages` grows with `fetchNextPage` (driven by `pages=` in the URL). */
export function useFeedView(index: NewsIndex | undefined, view: ViewKey) {
  const client = useQueryClient();
  return useInfiniteQuery({
    queryKey: feedViewQueryKey(view),
    // The index is read through the cache, not the render's closure: after a dev update both
    // are refetched together, and the view must merge the new lists with the new counts.
    queryFn: async ({ pageParam }) => loadMergedPage(client, await client.query(newsIndexQueryOptions()), view, pageParam),
    initialPageParam: {} as FeedCursor,
    getNextPageParam: (last: MergedPage) => (last.done ? undefined : last.cursor),
    enabled: index !== undefined,
  });
}
