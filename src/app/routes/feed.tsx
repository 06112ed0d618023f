import { useParams, useSearchParams } from 'react-router-dom';
import { parseFeedView } from '../../contract';
import { NotFound } from '../components/NotFound';
import { CardSkeletons, ErrorState } from '../components/StatusViews';
import { FeedScreen } from '../features/feed/components/FeedScreen';
import { useNewsIndex } from '../api/get-news-index';

/** `/` and `/topic/:topic`: the view comes from the URL only. */
export function FeedRoute() {
  const { topic } = useParams();
  const [params] = useSearchParams();
  const view = parseFeedView(topic, params);
  const index = useNewsIndex();

  if (index.isPending) {
    return (
      <>
        <div className="mb-6 h-9 w-48 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
        <CardSkeletons />
      </>
    );
  }
  if (index.isError) return <ErrorState message="The news could not be loaded." onRetry={() => void index.refetch()} />;
  if (view.topics.some((slug) => !index.data.topics.some((t) => t.slug === slug))) return <NotFound />;
  return <FeedScreen index={index.data} view={view} />;
}
