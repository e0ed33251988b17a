import { useMatches } from 'react-router';
import { ListSkeleton } from '../ui/list-skeleton';
import { LoadingState } from '../ui/query-state';

/** What a route may tell the shell before its code has loaded. */
export interface RouteHandle {
  /** The page is a list: its skeleton rows show while the code loads. */
  list?: boolean;
}

/**
 * The page area while the first screen's code loads (the header and navigation are already
 * there): skeleton rows for a list, else the loading state. No h1 here: the page brings its own,
 * and a stand-in h1 replaced a moment later by another element would trip any test that found
 * the first one (the page's code is small and comes long before the mock API's data anyway).
 */
export function RouteFallback() {
  const matches = useMatches();
  const list = matches.some((m) => (m.handle as RouteHandle | undefined)?.list === true);
  return list ? <ListSkeleton /> : <LoadingState />;
}
