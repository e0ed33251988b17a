import { LoadingState } from './query-state';
import './list-skeleton.css';

/**
 * A list while its first page loads (the mock API may still be starting): the loading state for
 * everyone (it is what screen readers and tests read), then grey rows of a table row's height,
 * hidden from assistive technology, so the page has its shape before the data comes.
 */
export function ListSkeleton({ rows = 10 }: { rows?: number }) {
  const count = Math.max(1, Math.min(rows, 25));
  return (
    <div className="list-skeleton">
      <LoadingState />
      <div className="list-skeleton__rows" aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <div key={i} className="list-skeleton__row" />
        ))}
      </div>
    </div>
  );
}
