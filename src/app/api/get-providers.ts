import { queryOptions, useQuery } from '@tanstack/react-query';
import { dataPaths, type ProviderIndex } from '../../contract';
import { fetchJson } from '../lib/fetch-json';

export const providersQueryOptions = () =>
  queryOptions({
    queryKey: ['news', 'providers'],
    queryFn: ({ signal }) => fetchJson<ProviderIndex>(dataPaths.providers(), signal),
  });

export function useProviders() {
  return useQuery(providersQueryOptions());
}
