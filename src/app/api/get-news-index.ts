import { queryOptions, useQuery } from '@tanstack/react-query';
import { dataPaths, type NewsIndex } from '../../contract';
import { fetchJson } from '../lib/fetch-json';

export const newsIndexQueryOptions = () =>
  queryOptions({
    queryKey: ['news', 'index'],
    queryFn: ({ signal }) => fetchJson<NewsIndex>(dataPaths.index(), signal),
  });

export function useNewsIndex() {
  return useQuery(newsIndexQueryOptions());
}
