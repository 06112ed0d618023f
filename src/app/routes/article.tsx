import { useParams } from 'react-router-dom';
import { NotFound } from '../components/NotFound';
import { ErrorState } from '../components/StatusViews';
import { useArticle } from '../api/get-article';
import { ArticlePage } from '../features/article/components/ArticlePage';
import { SITE_NAME } from '../site';
import { isNotFound } from '../lib/fetch-json';
import { useDocumentTitle } from '../lib/use-document-title';

/** Slugs are URL-safe ASCII; anything else cannot name a data file. */
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function ArticleSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading article" className="mx-auto max-w-2xl animate-pulse space-y-4">
      <div className="h-4 w-40 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-10 w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-64 w-full rounded-xl bg-slate-200 dark:bg-slate-800" />
      <div className="h-4 w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-4 w-5/6 rounded bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}

/** `/article/:slug` (loaded lazily: the feed's bundle does not carry it). */
export default function ArticleRoute() {
  const { slug = '' } = useParams();
  const valid = SLUG.test(slug);
  const article = useArticle(slug, valid);
  useDocumentTitle(article.data?.title, SITE_NAME);

  if (!valid) return <NotFound />;
  if (article.isPending) return <ArticleSkeleton />;
  if (article.isError) {
    if (isNotFound(article.error)) return <NotFound />;
    return <ErrorState message="This article could not be loaded." onRetry={() => void article.refetch()} />;
  }
  return <ArticlePage article={article.data} />;
}
