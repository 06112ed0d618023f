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
        // One quick retry for a flaky network; a static file that is missing stays missing, and
        // the reader should see "Retry" within a second or two, not after a long backoff.
        retry: (failureCount, error) => !isNotFound(error) && failureCount < 1,
        retryDelay: 600,
      },
    },
  });
}
