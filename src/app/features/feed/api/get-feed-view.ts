import { useInfiniteQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { articleSort, compareCards, DEFAULT_SORT, type ArticleCard, type FeedPage, type FeedView, type NewsIndex, type SortKey } from '../../../../contract';
import { mergeStreams, type FeedCursor, type MergedPage } from './merge-streams';
import { newsIndexQueryOptions } from '../../../api/get-news-index';
import { feedPageQueryOptions } from './get-feed-page';
import { feedStreams, type FeedStream } from './feed-streams';

type ViewKey = Pick<FeedView, 'topics' | 'sort' | 'unpublished'>;

function streamPage(client: QueryClient, index: NewsIndex, stream: FeedStream, sort: SortKey, page: number): Promise<FeedPage> {
  // Page 1 of the default view ships inside the index: no request.
  if (page === 1 && stream.scope === 'published' && stream.topic === undefined && sort === DEFAULT_SORT) {
    return Promise.resolve(index.firstPage);
  }
  return client.query(feedPageQueryOptions(stream.scope, stream.topic, sort, page));
}

/** The next page of an articles view (see `mergeStreams`). */
export function loadMergedPage(client: QueryClient, index: NewsIndex, view: ViewKey, cursor: FeedCursor): Promise<MergedPage<ArticleCard>> {
  const sort = articleSort(view);
  return mergeStreams(
    {
      streams: feedStreams(index, view),
      pageSize: index.pageSize,
      page: (stream, page) => streamPage(client, index, stream, sort, page),
      compare: compareCards(sort),
      id: (card) => card.slug,
    },
    cursor,
  );
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
    getNextPageParam: (last: MergedPage<ArticleCard>) => (last.done ? undefined : last.cursor),
    enabled: index !== undefined,
  });
}
