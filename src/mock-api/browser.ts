/**
 * Starts the mock API in the browser. The backend (store, persistence, cross-tab, handlers) runs
 * in its own Web Worker (backend-worker.ts); this page side registers MSW's service worker with
 * one handler that hands every /api/v1 request to it and returns its answer. The app's requests
 * — and a QA suite's own `fetch('/api/v1/…')` from the page — go through the service worker
 * exactly as before: only where the handlers run has changed (off the main thread, issue 17).
 * The app's bootstrap renders the shell at once, calls `startMockApi()` (the API client holds its
 * requests until it is done) and `onBackendEvent()` to refresh its queries.
 */
import { setupWorker } from 'msw/browser';
import { http } from 'msw';
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { BackendApi } from './backend-worker';
import type { BackendEvent, StartupReport, WireRequest } from './backend';
import { takeMockUrlParameters, type MockUrlParams } from './url-parameters';
import backendWorkerUrl from 'virtual:backend-worker-url';

export type { BackendEvent, IgnoredParameter, StartupReport } from './backend';
export type { StartupNotice } from './persistence';

const listeners = new Set<(event: BackendEvent) => void>();

/**
 * Hears the backend: `external` (another tab's changes were applied), `settings` (the mock's
 * settings changed in this tab), `reset` (the whole store was replaced in this tab). Returns an
 * unsubscribe function.
 */
export function onBackendEvent(listener: (event: BackendEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Statuses whose answers have no body (a `Response` refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/** The one MSW handler of the page: every /api/v1 request, answered by the backend's thread. */
function forwardTo(backend: Remote<BackendApi>) {
  return http.all('*/api/v1/*', async ({ request }) => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    const wire: WireRequest = { method: request.method, url: request.url, headers: [...request.headers], body };
    const answer = await backend.respond(body ? transfer(wire, [body]) : wire);
    const empty = NO_BODY.has(answer.status) || request.method === 'HEAD';
    return new Response(empty ? null : answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  });
}

/**
 * `params`: the QA parameters the bootstrap took from the address before the first render
 * (default: take them now).
 */
export async function startMockApi(params: MockUrlParams = takeMockUrlParameters()): Promise<StartupReport> {
  // A chunk of the page's own build, sharing its modules (scripts/backend-worker-chunk.mjs).
  const thread = new Worker(backendWorkerUrl, { type: 'module', name: 'hosting-panel-backend' });
  const failed = new Promise<never>((_, reject) => {
    thread.addEventListener('error', (event) => reject(new Error(`the backend's worker failed to load${event.message ? `: ${event.message}` : ''}`)), {
      once: true,
    });
  });
  const backend = wrap<BackendApi>(thread);
  // The service worker registers while the backend loads its state: nothing calls the API before both are done.
  const [report] = await Promise.race([
    Promise.all([
      backend.start(
        params,
        proxy((event: BackendEvent) => {
          for (const listener of listeners) listener(event);
        }),
      ),
      setupWorker(forwardTo(backend))
        .start({
          onUnhandledRequest: 'bypass',
          quiet: true,
          serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
        })
        .then(() => performance.mark('hp:worker-ready')),
    ]),
    failed,
  ]);
  // What is still queued is written before the tab goes away (API writes are saved before they answer).
  window.addEventListener('pagehide', () => void backend.flush());
  return report;
}
