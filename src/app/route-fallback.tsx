import { ListSkeleton } from '../ui/list-skeleton';
import { LoadingState } from '../ui/query-state';

/**
 * The page area while the screen's code loads (the header and navigation are already there):
 * skeleton rows for a list (`handle.list` of the matched route), else the loading state. No h1
 * here: the page brings its own, and a stand-in h1 replaced a moment later by another element
 * would trip any test that found the first one (the page's code is small and comes long before
 * the mock API's data anyway).
 */
export function RouteFallback({ list }: { list: boolean }) {
  return list ? <ListSkeleton /> : <LoadingState />;
}
