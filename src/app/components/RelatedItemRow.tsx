import { articleHref, safeHttpUrl, type RelatedItem } from '../../contract';
import { ProviderLogo } from './ProviderBadge';
import { TimeAgo } from './TimeAgo';

/**
 * One outlet's story: in-app when it is an article of the corpus (`inAppHref` from the list's
 * `useInAppLinks`, which handles the click), else the outlet in a new tab.
 */
export function RelatedItemRow({ item, inAppHref }: { item: RelatedItem; inAppHref: (appPath: string) => string }) {
  const external = safeHttpUrl(item.url);
  const headline = item.slug ? (
    <a href={inAppHref(articleHref(item.slug))} data-in-app="" className="headline-link">
      {item.title}
    </a>
  ) : external ? (
    <a href={external} target="_blank" rel="noopener noreferrer" className="headline-link">
      {item.title}
    </a>
  ) : (
    <span>{item.title}</span>
  );
  return (
    <li>
      <ProviderLogo provider={item.provider} size={24} />
      <p className="coverage-title">{headline}</p>
      <p className="coverage-meta">
        <span>{item.provider.name}</span>
        {/* No exact date on hover here: the article's own date has it, and formatting one
            per row was a third of the cost of prerendering a row. */}
        <TimeAgo iso={item.publishedAt} exact={false} />
        {item.quality !== undefined && <span>{`Quality ${item.quality}`}</span>}
        {item.slug && <span className="badge badge-inapp">On this site</span>}
      </p>
    </li>
  );
}
