import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { SortOrder } from './sortable-header';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../domain/limits';

export interface ListDefaults {
  sort: string;
  order?: SortOrder;
  pageSize?: number;
}

/** A list's state as read from a URL's search params (also used to prefetch before render). */
export function readListParams(params: URLSearchParams, defaults: ListDefaults, filterKeys: readonly string[] = []) {
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const pageSize = Math.min(
    MAX_PAGE_SIZE,
    Math.max(1, Number.parseInt(params.get('pageSize') ?? String(defaults.pageSize ?? DEFAULT_PAGE_SIZE), 10) || DEFAULT_PAGE_SIZE),
  );
  const order: SortOrder = params.get('order') === 'desc' ? 'desc' : params.get('order') === 'asc' ? 'asc' : (defaults.order ?? 'asc');
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return { q: params.get('q') ?? '', sort: params.get('sort') ?? defaults.sort, order, page, pageSize, filters };
}

/**
 * A list's search, sort, page and filters live in the URL (STYLE.md), so a list can be
 * bookmarked, shared and restored with Back.
 *
 * Why not nuqs (2.10.2 has a React Router 7 adapter and runs on Node 20): its update queue would
 * merge two quick changes the same way, but it needs its adapter around the app, the tests'
 * `renderApp` and Storybook, and its parsers would restate `readListParams`, which the routes
 * also use to prefetch from a plain URLSearchParams before the screen renders. The one
 * thing it would have removed — refs written during render — is gone anyway: the latest params
 * are kept by `update` itself and re-synced after each render in a layout effect (before any
 * event can call `update` again). Reconsider nuqs if lists grow typed params or debounced search.
 */
export function useListParams(defaults: ListDefaults, filterKeys: readonly string[] = []) {
  const [params, setParams] = useSearchParams();
  // React Router's functional update sees the params of the last render, so two quick changes
  // (clear one filter, then set another) would lose the first: `update` keeps the latest here,
  // and every render with new params (Back, a link) resets it once committed.
  const latest = useRef(params);
  useLayoutEffect(() => {
    latest.current = params;
  }, [params]);
  const state = useMemo(
    () => readListParams(params, { sort: defaults.sort, order: defaults.order, pageSize: defaults.pageSize }, filterKeys),
    [params, defaults.sort, defaults.order, defaults.pageSize, filterKeys],
  );

  const update = useCallback(
    (changes: Record<string, string | number | undefined>, resetPage = true) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (resetPage && !('page' in changes)) next.delete('page');
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );

  return { ...state, update };
}
