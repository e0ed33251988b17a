import { act, cleanup, render, screen } from '@testing-library/react';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { AppRouter, createAppMemoryHistory, useNavigationPending, type AppRouteObject } from './app-router';
import { RouteErrorBoundary } from './route-error';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => cleanup());

/** A screen whose code arrives when the test says so. */
function deferredScreen(name: string) {
  let arrive!: () => void;
  let fail!: (error: Error) => void;
  const code = new Promise<{ default: () => ReactNode }>((resolve, reject) => {
    arrive = () => resolve({ default: () => <h1>{name}</h1> });
    fail = reject;
  });
  return { Screen: lazy(() => code), arrive, fail };
}

function Shell() {
  const location = useLocation();
  return (
    <>
      <nav>
        <Link to="/">Home</Link>
        <Link to="/slow">Slow</Link>
      </nav>
      <main aria-busy={useNavigationPending()}>
        <RouteErrorBoundary resetKey={location.key}>
          <Suspense fallback={<p>Loading page</p>}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
    </>
  );
}

function Crash(): ReactNode {
  throw new Error('Boom');
}

function setup(children: AppRouteObject[], path = '/') {
  const history = createAppMemoryHistory(path);
  const routes: AppRouteObject[] = [{ path: '/', element: <Shell />, children }];
  render(<AppRouter history={history} routes={routes} />);
  return history;
}

describe('AppRouter (declarative React Router)', () => {
  it('keeps the old screen while the next one loads, with aria-busy on the page area', async () => {
    const slow = deferredScreen('Slow page');
    const history = setup([
      { index: true, element: <h1>Home page</h1> },
      { path: 'slow', element: <slow.Screen /> },
    ]);
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false');
    await act(async () => history.push('/slow'));
    expect(screen.getByRole('heading', { name: 'Home page' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    await act(async () => slow.arrive());
    expect(await screen.findByRole('heading', { name: 'Slow page' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false');
  });

  it('shows the loading fallback inside the shell for a first screen whose code is not there yet', async () => {
    const slow = deferredScreen('Slow page');
    setup([{ path: 'slow', element: <slow.Screen /> }], '/slow');
    expect(screen.getByText('Loading page')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Home' })).toBeInTheDocument();
    await act(async () => slow.arrive());
    expect(await screen.findByRole('heading', { name: 'Slow page' })).toBeInTheDocument();
  });

  it('runs handle.enter when a navigation enters a route, not when only its search params change', async () => {
    const enter = vi.fn();
    const history = setup([
      { index: true, element: <h1>Home page</h1> },
      { path: 'list', element: <h1>List page</h1>, handle: { enter } },
    ]);
    expect(enter).not.toHaveBeenCalled();
    await act(async () => history.push('/list?q=a'));
    expect(enter).toHaveBeenCalledTimes(1);
    expect(enter.mock.calls[0]![0]).toMatchObject({ pathname: '/list', search: '?q=a' });
    await act(async () => history.replace('/list?q=ab'));
    expect(enter).toHaveBeenCalledTimes(1);
    await act(async () => history.push('/'));
    await act(async () => history.push('/list'));
    expect(enter).toHaveBeenCalledTimes(2);
  });

  it('shows the crash screen inside the shell for a crashed screen, and the next navigation clears it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const history = setup([
      { index: true, element: <h1>Home page</h1> },
      { path: 'crash', element: <Crash /> },
    ]);
    await act(async () => history.push('/crash'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Boom');
    expect(screen.getByRole('link', { name: 'Home' })).toBeInTheDocument();
    await act(async () => history.push('/'));
    expect(await screen.findByRole('heading', { name: 'Home page' })).toBeInTheDocument();
  });

  it('shows the crash screen with Reload when a screen’s code fails to load', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const slow = deferredScreen('Slow page');
    setup([{ path: 'slow', element: <slow.Screen /> }], '/slow');
    await act(async () => slow.fail(new Error('Failed to fetch dynamically imported module')));
    expect(await screen.findByRole('alert')).toHaveTextContent('Failed to fetch dynamically imported module');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });
});
