import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { feedHref, storyId, type FeedView } from '../../../../contract';
import { CardSkeletons, EmptyState, ErrorState } from '../../../components/StatusViews';
import { useStoryView } from '../api/get-story-view';
import { StoryCardView } from './StoryCardView';

/** The stories view: one card per story, as deep as `pages=` asks, with load more. */
export function StoryResults({ view }: { view: FeedView }) {
  const feed = useStoryView(view);
  const navigate = useNavigate();
  const loaded = feed.data?.pages.length ?? 0;
  const { hasNextPage, isFetching, isError, fetchNextPage } = feed;

  useEffect(() => {
    if (loaded > 0 && loaded < view.pages && hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [loaded, view.pages, hasNextPage, isFetching, isError, fetchNextPage]);

  if (feed.isPending) return <CardSkeletons />;
  if (feed.isError && !feed.data) return <ErrorState message="The stories could not be loaded." onRetry={() => void feed.refetch()} />;

  const pages = feed.data.pages.slice(0, view.pages);
  const stories = pages.flatMap((page) => page.items);
  const more = feed.data.pages.length > pages.length || hasNextPage;
  if (stories.length === 0) {
    return (
      <EmptyState title="No stories match">
        <Link to={feedHref({ sort: view.sort, stories: true })} className="btn">
          Clear filters
        </Link>
      </EmptyState>
    );
  }
  return (
    <>
      <ul aria-label="Stories" className="space-y-4">
        {stories.map((story) => (
          <li key={storyId(story)}>
            <StoryCardView story={story} allMembers={view.unpublished} />
          </li>
        ))}
      </ul>
      {feed.isFetchNextPageError && <ErrorState message="More stories could not be loaded." onRetry={() => void fetchNextPage()} />}
      {more && !feed.isFetchNextPageError && (
        <div className="mt-4 flex justify-center">
          <button
            type="button"
            className="btn"
            aria-describedby="load-more-status"
            onClick={() => {
              if (!feed.isFetchingNextPage) void navigate(feedHref({ ...view, pages: pages.length + 1 }), { replace: true });
            }}
          >
            Load more
          </button>
        </div>
      )}
      <p id="load-more-status" role="status" className="mt-2 text-center text-sm text-slate-600 dark:text-slate-300">
        {feed.isFetchingNextPage ? 'Loading more stories…' : more ? `Showing ${stories.length} stories` : `All ${stories.length} stories shown`}
      </p>
    </>
  );
}
