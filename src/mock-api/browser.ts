/**
 * Starts the mock API in the browser: loads the saved state (or the default scenario), applies
 * the QA URL parameters, starts the service worker and keeps tabs consistent. The app's
 * bootstrap calls `startMockApi()` before the first render and `onExternalChange()` to refresh
 * its queries when another tab writes.
 */
import { setupWorker } from 'msw/browser';
import { settingsSchema, validate } from '../domain/schemas';
import { startCrossTab } from './cross-tab';
import { handlers } from './handlers';
import { resetToScenario } from './handlers/mock-tools';
import { flushPersistence, startPersistence, type StartupNotice } from './persistence';
import { buildScenario, isScenarioName } from './scenarios';
import { db, setSettings } from './store';

export { onExternalChange } from './cross-tab';
export type { StartupNotice } from './persistence';

const URL_PARAMS = ['scenario', 'latency', 'failureRate'] as const;

/** `?scenario=`, `?latency=`, `?failureRate=` (SPEC §4), then removed from the address bar. */
function applyUrlParameters(): void {
  const url = new URL(window.location.href);
  const params = url.searchParams;
  const scenario = params.get('scenario');
  if (scenario !== null) {
    if (isScenarioName(scenario)) resetToScenario(scenario);
    else console.warn(`Hosting Panel: unknown scenario "${scenario}" ignored`);
  }
  const latency = params.get('latency');
  const failureRate = params.get('failureRate');
  if (latency !== null || failureRate !== null) {
    const wanted = {
      ...db().settings,
      ...(latency !== null ? { latencyMs: Number(latency) } : {}),
      ...(failureRate !== null ? { failureRate: Number(failureRate) } : {}),
    };
    const checked = validate(settingsSchema, wanted);
    if (checked.ok) setSettings(checked.value);
    else console.warn('Hosting Panel: ignored latency/failureRate', checked.issues);
  }
  if (URL_PARAMS.some((name) => params.has(name))) {
    for (const name of URL_PARAMS) params.delete(name);
    window.history.replaceState(window.history.state, '', url);
  }
}

export async function startMockApi(): Promise<{ notice?: StartupNotice }> {
  const { notice } = await startPersistence({ fallback: () => buildScenario('default') });
  startCrossTab();
  applyUrlParameters();
  // What is still queued is written before the tab goes away.
  window.addEventListener('pagehide', () => void flushPersistence());
  await setupWorker(...handlers).start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  return notice ? { notice } : {};
}
