import type { ReactNode } from 'react';
import type { ArticleCard } from '../../contract';
import { ProviderName } from './ProviderBadge';
import { TimeAgo } from './TimeAgo';

/**
 * The line above a headline (a card's, a story's lead's, an article page's): outlet · time, the
 * video and unpublished badges, then any other badges the caller adds.
 */
export function ArticleMeta({ item, children }: { item: Pick<ArticleCard, 'provider' | 'publishedAt' | 'type' | 'published'>; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
      <ProviderName provider={item.provider} />
      {item.provider && item.publishedAt && <span aria-hidden="true">·</span>}
      <TimeAgo iso={item.publishedAt} />
      {item.type === 'video' && (
        <span className="badge badge-video">
          <span aria-hidden="true">▶ </span>Video
        </span>
      )}
      {!item.published && <span className="badge badge-unpublished">Unpublished</span>}
      {children}
    </div>
  );
}
