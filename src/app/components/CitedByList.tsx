import { articleHref, type ArticleDetail, type CitingArticle } from '../../contract';
import { ProviderLogo } from './ProviderBadge';
import { TimeAgo } from './TimeAgo';
import { useInAppLinks } from '../lib/use-in-app-links';

/**
 * The citing articles an article's page lists: a published article's only the published ones
 * (as its Full coverage counts its story's published members only), an unpublished one's all.
 */
export function citingInScope(article: Pick<ArticleDetail, 'published' | 'citedBy'>): CitingArticle[] {
  return article.published ? article.citedBy.filter((c) => !c.unpublished) : article.citedBy;
}

/** Articles of the corpus that cite this one in their related coverage. */
export function CitedByList({ items }: { items: CitingArticle[] }) {
  const { href, onClick } = useInAppLinks();
  return (
    <ul className="coverage-list" onClick={onClick}>
      {items.map((item) => (
        <li key={item.slug}>
          <ProviderLogo provider={item.provider} size={24} />
          <p className="coverage-title">
            <a href={href(articleHref(item.slug))} data-in-app="" className="headline-link">
              {item.title}
            </a>
          </p>
          <p className="coverage-meta">
            {item.provider && <span>{item.provider.name}</span>}
            <TimeAgo iso={item.publishedAt} exact={false} />
          </p>
        </li>
      ))}
    </ul>
  );
}
