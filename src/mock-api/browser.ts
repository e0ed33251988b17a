/**
 * Starts the mock API in the browser: loads the saved state (or the default scenario), applies
 * the QA URL parameters, starts the service worker and keeps tabs consistent. The app's
 * bootstrap renders the shell at once, calls `startMockApi()` (the API client holds its requests
 * until it is done) and `onExternalChange()` to refresh its queries when another tab writes.
 */
import { setupWorker } from 'msw/browser';
import { parseFailureRateText, parseLatencyText, settingsSchema, validate } from '../domain/schemas';
import { holdMessagesUntil, startCrossTab } from './cross-tab';
import { handlers } from './handlers';
import { resetChaos } from './chaos';
import { flushPersistence, startPersistence, type StartupNotice } from './persistence';
import { buildScenario, isScenarioName } from './scenarios';
import { buildWorld, REBUILDABLE } from './scenario-builder';
import { decodeBuild } from '../domain/build-code';
import { SETTINGS_KEY, db, onCommit, setSettings, transact, type Snapshot } from './store';
import { parseClock } from '../domain/clock';
import { setClock } from './handlers/mock-tools';
import { takeMockUrlParameters, type MockUrlParamName, type MockUrlParams } from './url-parameters';

export { onExternalChange } from './cross-tab';

/**
 * In this tab, however it was done (the tools page, or a QA suite's own `PUT /_mock/settings` /
 * `POST /_mock/reset`): `settings` when the mock's settings changed (the faults banner shows at
 * once, not after a reload), `reset` when the whole store was replaced (every screen refreshes).
 */
export function onSettingsOrReset(listener: (what: 'settings' | 'reset') => void): () => void {
  return onCommit((event) => {
    if (event.source !== 'local') return;
    if (event.reset) listener('reset');
    else if (event.keys.includes(SETTINGS_KEY)) listener('settings');
  });
}
export { damagedDocument } from './persistence';
export type { StartupNotice } from './persistence';

/** A QA URL parameter that could not be applied (the app says so instead of failing silently). */
export interface IgnoredParameter {
  name: MockUrlParamName | 'lang';
  value: string;
}

/** What start-up has to tell the user: a replaced saved state, reset settings, ignored parameters. */
export interface StartupReport {
  notice?: StartupNotice;
  /** The saved latency/failure rate were out of range (a hand-edited or corrupt state) and were reset. */
  settingsReset?: boolean;
  ignored: IgnoredParameter[];
}

/** `?scenario=`, `?build=`, `?latency=`, `?failureRate=`, `?now=` (SPEC §4), taken from the address at start-up. */
function applyUrlParameters(params: MockUrlParams): IgnoredParameter[] {
  const ignored: IgnoredParameter[] = [];
  const { scenario, build, latency, failureRate, now } = params;
  if (build !== undefined && decodeBuild(build) === undefined) ignored.push({ name: 'build', value: build });
  // A good ?build= wins over ?scenario= (both replace all the data): the scenario is named as ignored.
  if (scenario !== undefined && (!isScenarioName(scenario) || (build !== undefined && decodeBuild(build) !== undefined)))
    ignored.push({ name: 'scenario', value: scenario });
  // Each one on its own, so a bad ?failureRate= does not also drop a good ?latency=. The same
  // parser as the tools form: what the form refuses (`0x10`, `1e3`) is refused here too.
  if (latency !== undefined) {
    const latencyMs = parseLatencyText(latency);
    if (latencyMs !== undefined) setSettings({ ...db().settings, latencyMs });
    else ignored.push({ name: 'latency', value: latency });
  }
  if (failureRate !== undefined) {
    const rate = parseFailureRateText(failureRate);
    if (rate !== undefined) setSettings({ ...db().settings, failureRate: rate });
    else ignored.push({ name: 'failureRate', value: failureRate });
  }
  // ?now=ISO sets the mock clock (SPEC §1.6, §4), applying expirations as PUT /_mock/clock does.
  if (now !== undefined) {
    const at = parseClock(now);
    if (at === undefined) ignored.push({ name: 'now', value: now });
    else transact((tx) => setClock(tx, at));
  }
  if (ignored.length > 0) console.warn('Hosting Panel: URL parameters ignored', ignored);
  return ignored;
}

/**
 * Saved settings are only type-checked on load; an out-of-range latency (say 1e12 ms) would leave
 * every screen loading for ever, so anything the schema refuses goes back to no faults.
 */
function checkSavedSettings(): boolean {
  if (validate(settingsSchema, db().settings).ok) return false;
  setSettings({ latencyMs: 0, failureRate: 0 });
  return true;
}

/**
 * `params`: the QA parameters the bootstrap took from the address before the first render
 * (default: take them now).
 */
export async function startMockApi(params: MockUrlParams = takeMockUrlParameters()): Promise<StartupReport> {
  // `?scenario=` or `?build=` (the scenario builder's link) replaces the saved state, so it is not even read then.
  const scenario = params.scenario ?? null;
  const build = decodeBuild(params.build ?? '');
  const startWith = build ? () => buildWorld(build) : isScenarioName(scenario) ? () => buildScenario(scenario) : undefined;
  // Listening first, so the write of a fresh scenario is announced to the other tabs too; what the
  // other tabs announce meanwhile is applied once this start is done (and the app listens).
  startCrossTab();
  let started!: () => void;
  holdMessagesUntil(new Promise<void>((resolve) => (started = resolve)));
  try {
    return await startBackend(params, startWith);
  } finally {
    started();
  }
}

async function startBackend(params: MockUrlParams, startWith: (() => Snapshot) | undefined): Promise<StartupReport> {
  // The service worker registers while the saved state loads: nothing calls the API before both are done.
  const [{ notice }] = await Promise.all([
    startPersistence({ fallback: () => buildScenario('default'), startWith, scenarios: REBUILDABLE }).then((started) => {
      if (startWith) resetChaos();
      performance.mark('hp:store-ready');
      return started;
    }),
    setupWorker(...handlers)
      .start({
        onUnhandledRequest: 'bypass',
        quiet: true,
        serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
      })
      .then(() => performance.mark('hp:worker-ready')),
  ]);
  const settingsReset = checkSavedSettings();
  const ignored = applyUrlParameters(params);
  // What is still queued is written before the tab goes away.
  window.addEventListener('pagehide', () => void flushPersistence());
  return { ...(notice ? { notice } : {}), ...(settingsReset ? { settingsReset } : {}), ignored };
}
