import type { ArticleDetail } from '../../../../contract';
import { useInAppLinks } from '../../../lib/use-in-app-links';
import { ArticleView } from './ArticleView';

/** What `/article/:slug` shows once its data is in: a way back, then the article. */
export function ArticlePage({ article }: { article: ArticleDetail }) {
  const home = useInAppLinks();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mx-auto mb-4 max-w-2xl text-sm">
        <a href={home.href('/')} data-in-app="" onClick={home.onClick} className="link">
          <span aria-hidden="true">← </span>All stories
        </a>
      </nav>
      <ArticleView article={article} />
    </>
  );
}
