import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { feedHref, type FeedView } from '../../../../contract';
import { ErrorState } from '../../../components/StatusViews';

interface PagedQuery {
  data?: { pages: unknown[] };
  hasNextPage: boolean;
  isFetching: boolean;
  isError: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The URL says how many pages to show; fetch until there are that many (or no more). */
export function useUrlPages(feed: PagedQuery, pages: number): void {
  const loaded = feed.data?.pages.length ?? 0;
  const { hasNextPage, isFetching, isError, fetchNextPage } = feed;
  useEffect(() => {
    if (loaded > 0 && loaded < pages && hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [loaded, pages, hasNextPage, isFetching, isError, fetchNextPage]);
}

/** "Load more" (raising `pages=` in the URL), its error and its status line, for a list of `noun`. */
export function LoadMore({
  feed,
  view,
  shown,
  shownPages,
  more,
  noun,
}: {
  feed: PagedQuery;
  view: FeedView;
  shown: number;
  shownPages: number;
  more: boolean;
  noun: string;
}) {
  const navigate = useNavigate();
  return (
    <>
      {feed.isFetchNextPageError && <ErrorState message={`More ${noun} could not be loaded.`} onRetry={() => void feed.fetchNextPage()} />}
      {more && !feed.isFetchNextPageError && (
        <div className="mt-2 flex justify-center">
          <button
            type="button"
            className="btn"
            aria-describedby="load-more-status"
            onClick={() => {
              if (!feed.isFetchingNextPage) void navigate(feedHref({ ...view, pages: shownPages + 1 }), { replace: true });
            }}
          >
            Load more
          </button>
        </div>
      )}
      <p id="load-more-status" role="status" className="mt-2 text-center text-sm text-slate-600 dark:text-slate-300">
        {feed.isFetchingNextPage ? `Loading more ${noun}…` : more ? `Showing ${shown} ${noun}` : `All ${shown} ${noun} shown`}
      </p>
    </>
  );
}
