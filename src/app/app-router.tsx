import { createContext, startTransition, useContext, useLayoutEffect, useMemo, useRef, useState, useTransition } from 'react';
import {
  matchRoutes,
  Router,
  UNSAFE_createBrowserHistory as createBrowserHistory,
  UNSAFE_createMemoryHistory as createMemoryHistory,
  useRoutes,
  type Location,
  type NavigationType,
  type Navigator,
  type RouteObject,
} from 'react-router';

/**
 * React Router in declarative mode (no data router: its loaders, actions and fetchers are ~16 KB
 * gzip the panel does not use). This is `<BrowserRouter>`/`<MemoryRouter>` plus two things the
 * data router gave: whether a navigation is still pending (the shell's `aria-busy`), and a hook
 * when a navigation enters a route (`handle.enter`, e.g. to prefetch the first screen's data).
 */

/** What a route may tell the app before its screen renders. */
export interface AppRouteHandle {
  /** The page is a list: its skeleton rows show while its code loads. */
  list?: boolean;
  /**
   * Runs when a navigation enters the route (not when only its search params change, like
   * typing in Search), before the screen renders; nothing waits for it.
   */
  enter?: (location: Location) => void;
  /** Fetches the screen's code ahead of its first render. */
  preload?: () => Promise<unknown>;
}

export type AppRouteObject = RouteObject & { handle?: AppRouteHandle; children?: AppRouteObject[] };

/** The part of a history the router needs (the browser's, or a memory one in tests and stories). */
export interface AppHistory extends Navigator {
  readonly action: NavigationType;
  readonly location: Location;
  listen(listener: (update: { action: NavigationType; location: Location }) => void): () => void;
}

/** The address bar's history, as `<BrowserRouter>` makes it (`v5Compat`: every push and replace is heard). */
export function createAppHistory(): AppHistory {
  return createBrowserHistory({ v5Compat: true });
}

/** A history in memory starting at `path` (tests, stories), as `<MemoryRouter>` makes it. */
export function createAppMemoryHistory(path: string): AppHistory {
  return createMemoryHistory({ initialEntries: [path], v5Compat: true });
}

const NavigationPending = createContext(false);

/** True while a navigation to another screen is pending (its code or strings load; the old screen stays meanwhile). */
export function useNavigationPending() {
  return useContext(NavigationPending);
}

/** The routes newly matched at `next` (not matched the same way at `previous`) hear `enter`. */
function enterRoutes(routes: AppRouteObject[], next: Location, previous: Location | undefined) {
  const before = new Set((previous && matchRoutes(routes, previous)?.map((m) => m.route)) ?? []);
  for (const match of matchRoutes(routes, next) ?? []) {
    const route = match.route as AppRouteObject;
    if (!before.has(route)) route.handle?.enter?.(next);
  }
}

function RouteTable({ routes }: { routes: AppRouteObject[] }) {
  return useRoutes(routes);
}

/**
 * Renders `routes` at `history`'s location. Each location update is a transition, as in
 * `<BrowserRouter>`: while a new screen suspends (its code, its strings) the old one stays, and
 * `useNavigationPending()` is true. Only a change of pathname is tracked as pending: a search-param
 * change (each keystroke in Search) re-renders the same screen, and re-rendering the shell twice per
 * keystroke for an `aria-busy` nobody would see would be waste.
 */
export function AppRouter({ history, routes }: { history: AppHistory; routes: AppRouteObject[] }) {
  const [state, setState] = useState(() => ({ action: history.action, location: history.location }));
  const [pending, startPendingTransition] = useTransition();
  const entered = useRef<Location | undefined>(undefined);
  useLayoutEffect(() => {
    // The first location enters its routes once (StrictMode runs effects twice).
    if (entered.current === undefined) {
      entered.current = history.location;
      enterRoutes(routes, history.location, undefined);
    }
    return history.listen((update) => {
      const previous = entered.current;
      entered.current = update.location;
      enterRoutes(routes, update.location, previous);
      const transition = previous?.pathname === update.location.pathname ? startTransition : startPendingTransition;
      transition(() => setState(update));
    });
  }, [history, routes]);
  // The routed tree depends on the location only: a change of `pending` re-renders its readers.
  const tree = useMemo(
    () => (
      <Router location={state.location} navigationType={state.action} navigator={history}>
        <RouteTable routes={routes} />
      </Router>
    ),
    [state, history, routes],
  );
  return <NavigationPending value={pending}>{tree}</NavigationPending>;
}
