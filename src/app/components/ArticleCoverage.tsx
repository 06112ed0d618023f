import type { ArticleDetail } from '../../contract';
import { FullCoverage } from '../features/coverage/FullCoverage';

/**
 * The article page's "Full coverage" section. It is a feature of its own (src/app/features/coverage),
 * and one feature may not import another, so the article feature reaches it through here, as
 * Layout composes the header's features.
 */
export function ArticleCoverage({ article }: { article: ArticleDetail }) {
  return <FullCoverage article={article} />;
}
