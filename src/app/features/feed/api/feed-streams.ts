import type { FeedView, NewsIndex, Scope } from '../../../../contract';

/** One list file series that feeds a view: a scope of one topic (or of all topics). */
export interface FeedStream {
  key: string;
  scope: Scope;
  topic: string | undefined;
  /** Articles in the list, as the index counts them. */
  total: number;
}

/**
 * The streams a view merges: each selected topic (or all topics) × each scope shown. Empty lists
 * have no files, so they are left out — except published/all, which always exists.
 */
export function feedStreams(index: NewsIndex, view: Pick<FeedView, 'topics' | 'unpublished'>): FeedStream[] {
  const scopes: Scope[] = view.unpublished ? ['published', 'unpublished'] : ['published'];
  const streams: FeedStream[] = [];
  for (const scope of scopes) {
    if (view.topics.length === 0) {
      const total = scope === 'published' ? index.totals.published : index.totals.unpublished;
      if (total > 0 || scope === 'published') streams.push({ key: `${scope}:*`, scope, topic: undefined, total });
      continue;
    }
    for (const slug of view.topics) {
      const topic = index.topics.find((t) => t.slug === slug);
      const total = topic ? (scope === 'published' ? topic.count : topic.unpublishedCount) : 0;
      if (total > 0) streams.push({ key: `${scope}:${slug}`, scope, topic: slug, total });
    }
  }
  return streams;
}
