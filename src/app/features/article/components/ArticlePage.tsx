import { Link } from 'react-router-dom';
import type { ArticleDetail } from '../../../../contract';
import { ArticleView } from './ArticleView';

/** What `/article/:slug` shows once its data is in: a way back, then the article. */
export function ArticlePage({ article }: { article: ArticleDetail }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mx-auto mb-4 max-w-2xl text-sm">
        <Link to="/" className="link">
          <span aria-hidden="true">← </span>All stories
        </Link>
      </nav>
      <ArticleView article={article} />
    </>
  );
}
