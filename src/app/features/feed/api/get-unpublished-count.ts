import { useQueries } from '@tanstack/react-query';
import type { NewsIndex } from '../../../../contract';
import { feedPageQueryOptions } from './get-feed-page';

/**
 * Unpublished articles in the selected topic set. One topic (or all) reads the index; several
 * topics need the union, so when each list fits on one page those pages are read and their
 * slugs counted once. Returns undefined while unknown.
 */
export function useUnpublishedCount(index: NewsIndex | undefined, topics: string[]): number | undefined {
  const lists = (index?.topics ?? []).filter((t) => topics.includes(t.slug) && t.unpublishedCount > 0);
  const needsUnion = topics.length > 1 && lists.length > 1 && lists.every((t) => t.unpublishedCount <= (index?.pageSize ?? 0));
  const pages = useQueries({
    queries: (needsUnion ? lists : []).map((t) => feedPageQueryOptions('unpublished', t.slug, 'heat', 1)),
  });
  if (!index) return undefined;
  if (topics.length === 0) return index.totals.unpublished;
  const sum = lists.reduce((total, t) => total + t.unpublishedCount, 0);
  if (needsUnion && !pages.some((p) => p.isError)) {
    if (pages.some((p) => !p.data)) return undefined;
    return new Set(pages.flatMap((p) => p.data!.items.map((c) => c.slug))).size;
  }
  return sum;
}
