import { queryOptions, useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  compareStories,
  dataPaths,
  PAGE_SIZE,
  storyId,
  type FeedView,
  type Scope,
  type StoryCard,
  type StoryIndex,
  type StoryPage,
  type StorySortKey,
} from '../../../../contract';
import { fetchJson } from '../../../lib/fetch-json';
import { mergeStreams, type FeedCursor, type MergedPage } from './merge-streams';

export const storyIndexQueryOptions = () =>
  queryOptions({
    queryKey: ['stories', 'index'],
    queryFn: ({ signal }) => fetchJson<StoryIndex>(dataPaths.stories(), signal),
  });

export const storyPageQueryOptions = (scope: Scope, topic: string | undefined, sort: StorySortKey, page: number) =>
  queryOptions({
    queryKey: ['stories', 'page', scope, topic ?? '*', sort, page],
    queryFn: ({ signal }) => fetchJson<StoryPage>(dataPaths.storyPage(scope, topic, sort, page), signal),
  });

interface StoryStream {
  key: string;
  scope: Scope;
  topic: string | undefined;
  total: number;
}

type ViewKey = Pick<FeedView, 'topics' | 'sort' | 'unpublished'>;

/** The story lists a view merges: each selected topic (or all) × each scope shown; empty lists have no files. */
export function storyStreams(index: StoryIndex, view: Pick<FeedView, 'topics' | 'unpublished'>): StoryStream[] {
  const scopes: Scope[] = view.unpublished ? ['published', 'unpublished'] : ['published'];
  const streams: StoryStream[] = [];
  for (const scope of scopes) {
    if (view.topics.length === 0) {
      const total = index.totals[scope];
      if (total > 0 || scope === 'published') streams.push({ key: `${scope}:*`, scope, topic: undefined, total });
      continue;
    }
    for (const slug of view.topics) {
      const total = index.topics[slug]?.[scope] ?? 0;
      if (total > 0) streams.push({ key: `${scope}:${slug}`, scope, topic: slug, total });
    }
  }
  return streams;
}

/**
 * The next page of a stories view. With unpublished shown, a story that also has unpublished
 * members is read from the unpublished lists (over all its members), not the published ones.
 */
export function loadStoryPage(client: QueryClient, index: StoryIndex, view: ViewKey, cursor: FeedCursor): Promise<MergedPage<StoryCard>> {
  return mergeStreams(
    {
      streams: storyStreams(index, view),
      pageSize: PAGE_SIZE,
      page: (stream, page) => client.query(storyPageQueryOptions(stream.scope, stream.topic, view.sort, page)),
      compare: compareStories(view.sort),
      id: storyId,
      skip: (card, stream) => view.unpublished && stream.scope === 'published' && card.mixed === true,
    },
    cursor,
  );
}

export function useStoryIndex(enabled = true) {
  return useQuery({ ...storyIndexQueryOptions(), enabled });
}

/** The merged, paged stories view, like `useFeedView`. */
export function useStoryView(view: ViewKey) {
  const client = useQueryClient();
  return useInfiniteQuery({
    queryKey: ['stories', 'view', view.topics.join(','), view.sort, view.unpublished ? 'all' : 'published'],
    queryFn: async ({ pageParam }) => loadStoryPage(client, await client.query(storyIndexQueryOptions()), view, pageParam),
    initialPageParam: {} as FeedCursor,
    getNextPageParam: (last: MergedPage<StoryCard>) => (last.done ? undefined : last.cursor),
  });
}
