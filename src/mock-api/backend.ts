/**
 * The mock API's backend as it runs in the browser, wherever that is (its own Web Worker, see
 * backend-worker.ts): loads the saved state (or the default scenario), applies the QA URL
 * parameters, keeps tabs consistent, and answers requests with the handlers. Nothing here
 * touches the page (no `window`, no DOM): the page's side is browser.ts.
 */
import { getResponse } from 'msw';
import { parseFailureRateText, parseLatencyText, settingsSchema, validate } from '../domain/schemas';
import { holdMessagesUntil, onExternalChange, startCrossTab } from './cross-tab';
import { handlers } from './handlers';
import { resetChaos } from './chaos';
import { damagedDocument, flushPersistence, startPersistence, type StartupNotice } from './persistence';
import { preReadFrom, stateReaderSettled } from './pre-read';
export { stateReaderGone } from './pre-read';
import { buildScenario, isScenarioName, loadScenario } from './scenarios';
import { REBUILDABLE } from './rebuildable';
import { decodeBuild } from '../domain/build-code';
import { SETTINGS_KEY, db, onCommit, setSettings, transact, type Snapshot } from './store';
import { parseClock } from '../domain/clock';
import { setClock } from './handlers/mock-tools';
import type { MockUrlParamName, MockUrlParams } from './url-parameters';
import { problem } from './http';
import { BACKEND_UNAVAILABLE } from './problem-type';

/** A QA URL parameter that could not be applied (the app says so instead of failing silently). */
export interface IgnoredParameter {
  name: MockUrlParamName | 'lang';
  value: string;
}

/** What start-up has to tell the user: a replaced saved state, reset settings, ignored parameters. */
export interface StartupReport {
  notice?: StartupNotice;
  /** The damaged saved data as JSON text, when it was kept (the notice offers it for download). */
  damaged?: string;
  /** The saved latency/failure rate were out of range (a hand-edited or corrupt state) and were reset. */
  settingsReset?: boolean;
  ignored: IgnoredParameter[];
}

/**
 * What the page hears of the backend: `external` after another tab's changes were applied here,
 * and, for this tab's own commits however they were made (the tools page, or a QA suite's own
 * `PUT /_mock/settings` / `POST /_mock/reset`), `settings` when the mock's settings changed (the
 * faults banner shows at once, not after a reload) and `reset` when the whole store was replaced
 * (every screen refreshes).
 */
export type BackendEvent = 'external' | 'settings' | 'reset';

/** A request as it crosses to the backend (a `Request` cannot be posted to a worker). */
export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}
/** The answer as it crosses back. */
export interface WireResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
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
 * Starts the backend: `params` are the QA parameters the page took from its address; `onEvent`
 * hears what the page must refresh (see BackendEvent), from the end of the start on.
 */
/**
 * Settled when the start is done (or failed): until then no request is answered — the service
 * worker can pass one on (a QA suite's own `fetch`, `GET /_mock/health`) before the saved state
 * is loaded, and answering it from the empty store would say "no such record", or lose a write
 * that the loaded state then replaces.
 */
let markStarted!: (ok: boolean) => void;
let started: Promise<boolean> = new Promise<boolean>((resolve) => (markStarted = resolve));

/** `readerPort`: the state reader's side, when the page started one (a reload without `?scenario=`). */
export async function startBackend(params: MockUrlParams, onEvent: (event: BackendEvent) => void, readerPort?: MessagePort): Promise<StartupReport> {
  // `?scenario=` or `?build=` (the scenario builder's link) replaces the saved state, so it is not even read then.
  const scenario = params.scenario ?? null;
  const build = decodeBuild(params.build ?? '');
  // The scenario builder loads only for a build (it is not needed before the first rows otherwise).
  const buildWorld = build ? (await import('./scenario-builder')).buildWorld : undefined;
  if (!build && isScenarioName(scenario)) await loadScenario(scenario);
  const startWith: (() => Snapshot) | undefined =
    build && buildWorld ? () => buildWorld(build) : isScenarioName(scenario) ? () => buildScenario(scenario) : undefined;
  // Listening first, so the write of a fresh scenario is announced to the other tabs too; what the
  // other tabs announce meanwhile is applied once this start is done (and the page listens).
  startCrossTab();
  let crossTabHeld!: () => void;
  holdMessagesUntil(new Promise<void>((resolve) => (crossTabHeld = resolve)));
  try {
    const preRead = readerPort && !startWith ? preReadFrom(readerPort) : undefined;
    if (readerPort && !preRead) readerPort.close();
    const { notice } = await startPersistence({ fallback: () => buildScenario('default'), startWith, scenarios: REBUILDABLE, ...(preRead ? { preRead } : {}) });
    stateReaderSettled();
    if (startWith) resetChaos();
    const settingsReset = checkSavedSettings();
    const ignored = applyUrlParameters(params);
    onExternalChange(() => onEvent('external'));
    onCommit((event) => {
      if (event.source !== 'local') return;
      if (event.reset) onEvent('reset');
      else if (event.keys.includes(SETTINGS_KEY)) onEvent('settings');
    });
    const damaged = notice?.damagedKept ? damagedDocument() : undefined;
    markStarted(true);
    return { ...(notice ? { notice } : {}), ...(damaged !== undefined ? { damaged } : {}), ...(settingsReset ? { settingsReset } : {}), ignored };
  } catch (error) {
    markStarted(false);
    throw error;
  } finally {
    crossTabHeld();
  }
}

/** Tests only: answer requests at once again (a store reset by the test helpers, no start). */
export function assumeStarted(): void {
  started = Promise.resolve(true);
}

/** Answers one request with the mock API's handlers (the same ones the Node tests run). */
export async function respond(wire: WireRequest): Promise<WireResponse> {
  const response = (await started)
    ? await answer(wire)
    : problem(BACKEND_UNAVAILABLE.status, BACKEND_UNAVAILABLE.slug, BACKEND_UNAVAILABLE.title, BACKEND_UNAVAILABLE.detail).toResponse();
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body: await response.arrayBuffer() };
}

async function answer(wire: WireRequest): Promise<Response> {
  try {
    const request = new Request(wire.url, { method: wire.method, headers: wire.headers, body: wire.body });
    // The handlers end with a catch-all for /api/v1; anything else never reaches the backend.
    return (
      (await getResponse(handlers, request)) ??
      problem(404, 'no-such-endpoint', 'Not found', `No endpoint ${wire.method} ${new URL(wire.url).pathname}.`).toResponse()
    );
  } catch (error) {
    return problem(500, 'internal-error', 'Internal error', error instanceof Error ? error.message : String(error)).toResponse();
  }
}

/** Writes what is still queued (the page is going away). */
export function flush(): Promise<void> {
  return flushPersistence();
}
