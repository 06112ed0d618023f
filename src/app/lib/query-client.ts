import { QueryClient } from '@tanstack/react-query';
import { isNotFound } from './fetch-json';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data files only change on rebuild (or on a dev update event, which invalidates).
        staleTime: Infinity,
        gcTime: 30 * 60 * 1000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !isNotFound(error) && failureCount < 2,
      },
    },
  });
}
