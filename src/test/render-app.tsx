/**
 * Integration-test harness (STYLE.md: "renderApp"): renders whole routes of the app against the
 * real mock handlers (msw/node), reset to a scenario, in a chosen language.
 */
import { act, cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { routes } from '../app/router';
import { AppRouter, createAppMemoryHistory } from '../app/app-router';
import { AppProviders } from '../app/providers';
import { initI18n } from '../i18n/i18n';
import { announcer } from '../ui/announcer';
import { server, resetStore } from '../mock-api/node';

export type Scenario = 'default' | 'empty' | 'sync-failure' | 'large';

/** Call once at the top of a component test file: real handlers, unmounted between tests. */
export function setupMockServer() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    server.resetHandlers();
    announcer.getState().clear();
  });
  afterAll(() => server.close());
}

export async function renderApp(path: string, { scenario = 'default', lang = 'en' }: { scenario?: Scenario; lang?: 'en' | 'fr' } = {}) {
  await resetStore(scenario);
  await initI18n(lang);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } } });
  const history = createAppMemoryHistory(path);
  // What tests read of the router: the address (`state.location`), and a way to go elsewhere.
  const router = {
    state: {
      get location() {
        return history.location;
      },
    },
    navigate: async (to: string) => {
      await act(async () => history.push(to));
    },
  };
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <AppRouter history={history} routes={routes} />
    </AppProviders>,
  );
  return { ...view, user, router, queryClient };
}
