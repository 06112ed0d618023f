import { queryOptions } from '@tanstack/react-query';
import { dataPaths, type FeedPage, type Scope, type SortKey } from '../../../../contract';
import { fetchJson } from '../../../lib/fetch-json';

/** One page file of one (scope, topic, sort) list. */
export const feedPageQueryOptions = (scope: Scope, topic: string | undefined, sort: SortKey, page: number) =>
  queryOptions({
    queryKey: ['feed', 'page', scope, topic ?? '*', sort, page],
    queryFn: ({ signal }) => fetchJson<FeedPage>(dataPaths.feedPage(scope, topic, sort, page), signal),
  });
