import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { feedHref, type FeedView, type NewsIndex } from '../../../../contract';
import { CardSkeletons, EmptyState, ErrorState } from '../../../components/StatusViews';
import { useFeedView } from '../api/get-feed-view';
import { ArticleList } from './ArticleList';

/** The merged list of a view, as deep as `pages=` asks, with load more. */
export function FeedResults({ index, view }: { index: NewsIndex; view: FeedView }) {
  const feed = useFeedView(index, view);
  const navigate = useNavigate();
  const loaded = feed.data?.pages.length ?? 0;
  const { hasNextPage, isFetching, isError, fetchNextPage } = feed;

  // The URL says how many pages to show; fetch until there are that many (or no more).
  useEffect(() => {
    if (loaded > 0 && loaded < view.pages && hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [loaded, view.pages, hasNextPage, isFetching, isError, fetchNextPage]);

  if (feed.isPending) return <CardSkeletons />;
  if (feed.isError && !feed.data) {
    return <ErrorState message="The articles could not be loaded." onRetry={() => void feed.refetch()} />;
  }

  const pages = feed.data.pages.slice(0, view.pages);
  const cards = pages.flatMap((page) => page.items);
  const more = feed.data.pages.length > pages.length || hasNextPage;

  if (cards.length === 0) {
    return (
      <EmptyState title="No articles match">
        <Link to={feedHref({ sort: view.sort })} className="btn">
          Clear filters
        </Link>
      </EmptyState>
    );
  }

  return (
    <>
      <ArticleList cards={cards} />
      {feed.isFetchNextPageError && <ErrorState message="More articles could not be loaded." onRetry={() => void fetchNextPage()} />}
      {more && !feed.isFetchNextPageError && (
        <div className="mt-2 flex justify-center">
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
        {feed.isFetchingNextPage ? 'Loading more articles…' : more ? `Showing ${cards.length} articles` : `All ${cards.length} articles shown`}
      </p>
    </>
  );
}
