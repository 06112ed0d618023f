import { Link } from 'react-router-dom';
import { feedHref, type FeedView, type NewsIndex } from '../../../../contract';
import { CardSkeletons, EmptyState, ErrorState } from '../../../components/StatusViews';
import { LoadMore, useUrlPages } from './LoadMore';
import { useFeedView } from '../api/get-feed-view';
import { ArticleList } from './ArticleList';

/** The merged list of a view, as deep as `pages=` asks, with load more. */
export function FeedResults({ index, view }: { index: NewsIndex; view: FeedView }) {
  const feed = useFeedView(index, view);
  useUrlPages(feed, view.pages);

  if (feed.isPending) return <CardSkeletons />;
  if (feed.isError && !feed.data) {
    return <ErrorState message="The articles could not be loaded." onRetry={() => void feed.refetch()} />;
  }

  const pages = feed.data.pages.slice(0, view.pages);
  const cards = pages.flatMap((page) => page.items);
  const more = feed.data.pages.length > pages.length || feed.hasNextPage;

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
      <LoadMore feed={feed} view={view} shown={cards.length} shownPages={pages.length} more={more} noun="articles" />
    </>
  );
}
