import { QueryClient, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './http';

/** Retry only what may succeed on a second try: network failures and 5xx (e.g. simulated faults). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof ApiError) return error.status === 0 || error.status >= 500;
  return false;
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(250 * 2 ** attempt, 2000),
        staleTime: 5_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** The app's client, once the bootstrap made it: routes prefetch into it (`handle.enter`). */
let appClient: QueryClient | undefined;

export function setAppQueryClient(client: QueryClient | undefined) {
  appClient = client;
}

/**
 * Starts a query before its screen renders (from a route's `handle.enter`), so the request and the first
 * render overlap; the screen's own useQuery then finds it in flight. Does nothing in tests.
 */
export function prefetch<T, K extends QueryKey>(options: FetchQueryOptions<T, Error, T, K>) {
  void appClient?.prefetchQuery(options);
}
