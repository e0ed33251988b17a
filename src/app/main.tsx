import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLanguage, initI18n, isLanguage, rememberLanguage } from '../i18n/i18n';
import { createQueryClient, setAppQueryClient } from '../api/query-client';
import { holdRequestsUntil } from '../api/http';
import { takeMockUrlParameters } from '../mock-api/url-parameters';
import { AppProviders, SETTINGS_CHANGED_EVENT, STORE_CHANGED_EVENT } from './providers';
import { AppRouter, createAppHistory } from './app-router';
import { preloadScreens, routes } from './router';
import { startupNotice } from './startup-notice';
import { setSharedStateLink } from './shared-state-prompt';
import { takeStateFragment } from '../ui/state-link';
import './styles.css';

/**
 * Bootstrap: the mock API (MSW over the client-side store) is the product's backend in every
 * build. The shell (navigation, header, the page's skeleton) renders as soon as the strings are
 * there; the mock API starts meanwhile, and the API client holds every request until it is up
 * (`holdRequestsUntil`), so data arrives when it can. This is the only place in the UI that
 * imports the mock backend.
 */
/** `?lang=` picks the language once and is remembered, then leaves the address bar (like ?scenario=). */
function takeLanguageFromUrl(): { name: 'lang'; value: string }[] {
  const url = new URL(window.location.href);
  const lang = url.searchParams.get('lang');
  if (lang === null) return [];
  url.searchParams.delete('lang');
  window.history.replaceState(window.history.state, '', url);
  if (isLanguage(lang)) {
    rememberLanguage(lang);
    return [];
  }
  // SPEC §4: a parameter the app cannot use is named in the start-up notice.
  return [{ name: 'lang', value: lang }];
}

async function bootstrap() {
  // Marks for the benchmark's start-up breakdown (visible in any performance profile).
  performance.mark('hp:boot');
  // The address as opened, before its parameters are taken out below (see startMockApi).
  const openedAt = window.location.href;
  // #state=… (a shared link): taken out of the address now, offered to the user once the app runs.
  setSharedStateLink(takeStateFragment());
  const lang = detectLanguage();
  const ignoredLang = takeLanguageFromUrl();
  // Fetch the first screen's code while the mock API starts (the router reuses the same module).
  preloadScreens(window.location);
  // The mock's QA parameters leave the address before the router reads it (see url-parameters.ts).
  const mockParams = takeMockUrlParameters();
  // The mock API loads and starts alongside the shell; requests wait for it (holdRequestsUntil).
  const backend = import('../mock-api/browser').then(async (mock) => {
    const report = await mock.startMockApi(mockParams, openedAt);
    performance.mark('hp:mock-ready');
    return { mock, report };
  });
  holdRequestsUntil(backend);
  await initI18n(lang);
  const queryClient = createQueryClient();
  setAppQueryClient(queryClient);
  const history = createAppHistory();
  const root = document.getElementById('root');
  if (!root) throw new Error('No #root element');
  // A transition: React renders the first screen in slices, yielding to the browser between them.
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <AppProviders queryClient={queryClient}>
          <AppRouter history={history} routes={routes} />
        </AppProviders>
      </StrictMode>,
    ),
  );
  performance.mark('hp:shell-rendered');

  void backend.then(
    ({ mock, report: { notice, damaged, settingsReset, ignored } }) => {
      // Said on screen, never a white screen or a silent fallback (see StartupNotice).
      startupNotice.setState({
        info: {
          ...(notice
            ? { restored: { code: notice.code, reason: notice.reason, detail: notice.detail, ...(notice.dropped ? { dropped: notice.dropped } : {}) } }
            : {}),
          ...(damaged !== undefined ? { damaged: () => damaged } : {}),
          settingsReset: settingsReset === true,
          ignored: [...ignoredLang, ...ignored],
        },
      });
      // Another tab's changes, or this tab's reset: every screen refreshes. Only the settings
      // query on a settings change: refetching the screens would disturb a form being filled in
      // (a failed load replaces it with its error state).
      mock.onBackendEvent((event) => window.dispatchEvent(new Event(event === 'settings' ? SETTINGS_CHANGED_EVENT : STORE_CHANGED_EVENT)));
    },
    (error: unknown) => console.error('Hosting Panel: the mock API did not start', error),
  );
}

bootstrap().catch((error: unknown) => {
  // Never a white screen: say what failed in plain text.
  const root = document.getElementById('root');
  if (root) {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = `Hosting Panel could not start: ${error instanceof Error ? error.message : String(error)}`;
    root.replaceChildren(p);
  }
  console.error(error);
});
