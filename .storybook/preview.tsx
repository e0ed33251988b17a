import { useState } from 'react';
import type { Decorator, Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from '../src/api/query-client';
import { AppProviders } from '../src/app/providers';
import { initI18n, isLanguage, loadNamespaces, NAMESPACES } from '../src/i18n/i18n';
import { announcer } from '../src/ui/announcer';
import { handlers, resetMockApi, type MockSettings, type ScenarioName } from './mock-api';
import '../src/app/styles.css';

/**
 * Story parameters of this catalogue (all optional):
 * - `scenario`: the mock data the story starts from ('default', 'empty', 'sync-failure', 'large');
 * - `mockSettings`: `{ latencyMs, failureRate }` (faults on), like the Prototype tools page;
 * - `appRouter: true`: the story renders the whole app with its own router (screens), so no
 *   MemoryRouter is added around it.
 * The toolbar's Language (globals.locale) switches English / French.
 */
declare module '@storybook/react-vite' {
  interface Parameters {
    scenario?: ScenarioName;
    mockSettings?: Partial<MockSettings>;
    appRouter?: boolean;
  }
}

/** The app's own handlers, started once as the worker's initial handlers (they survive the addon's reset between stories). */
async function startMockWorker() {
  const worker = setupWorker(...handlers);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: './mockServiceWorker.js' } });
  return worker;
}

const withApp: Decorator = (Story, { parameters }) => {
  // One query client per rendered story: no cache shared between stories.
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProviders queryClient={queryClient}>
      {parameters.appRouter ? (
        <Story />
      ) : (
        <MemoryRouter>
          <Story />
        </MemoryRouter>
      )}
    </AppProviders>
  );
};

const preview: Preview = {
  parameters: {
    layout: 'padded',
    viewport: {
      options: {
        phone: { name: 'Phone (320 px)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        tablet: { name: 'Tablet (768 px)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
        desktop: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
  },
  globalTypes: {
    locale: {
      description: 'Interface language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  loaders: [
    mswLoader(startMockWorker),
    async ({ parameters, globals }) => {
      resetMockApi(parameters.scenario ?? 'default', parameters.mockSettings);
      announcer.getState().clear();
      await initI18n(isLanguage(globals.locale) ? globals.locale : 'en');
      // Every namespace: a component story renders without the route that loads its strings.
      await loadNamespaces(NAMESPACES);
      return {};
    },
  ],
  decorators: [withApp],
};

export default preview;
