/**
 * Starts the mock API in the browser. The backend (store, persistence, cross-tab, handlers) runs
 * in its own Web Worker (backend-worker.ts); this page side registers the mock API's service
 * worker (public/hosting-panel-sw.js) with one handler that hands every /api/v1 request to it
 * and returns its answer. The app's requests
 * — and a QA suite's own `fetch('/api/v1/…')` from the page — go through the service worker
 * exactly as before: only where the handlers run has changed (off the main thread, issue 17).
 * The app's bootstrap renders the shell at once, calls `startMockApi()` (the API client holds its
 * requests until it is done) and `onBackendEvent()` to refresh its queries.
 */
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { BackendApi } from './backend-worker';
import type { BackendEvent, StartupReport, WireRequest, WireResponse } from './backend';
import { takeMockUrlParameters, type MockUrlParams } from './url-parameters';
import { SERVICE_WORKER_SCRIPT, startServiceWorker, type InterceptedRequest, type MockResponse } from './service-worker-client';
import { BACKEND_UNAVAILABLE, PROBLEM_TYPE_BASE } from './problem-type';
import backendWorkerUrl from 'virtual:backend-worker-url';

export type { BackendEvent, IgnoredParameter, StartupReport } from './backend';
export type { StartupNotice } from './persistence';

declare global {
  interface Window {
    /** The state reader index.html's first script started (scripts/early-start.mjs); taken by startMockApi. */
    __hostingPanelEarly?:
      { backend?: Worker; backendError?: string; readerPort?: MessagePort; readerFailed?: boolean; onReaderFailed?: () => void } | undefined;
  }
}

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

/** The requests the backend answers: any whose path holds /api/v1/, on any origin (as the page's MSW handler matched before). */
const API_PATH = /\/api\/v1\//;

/** The backend stopped or never started: the answer docs/api.md gives for that. */
function unavailable(): MockResponse {
  const { status, slug, title, detail } = BACKEND_UNAVAILABLE;
  const body = new TextEncoder().encode(JSON.stringify({ type: PROBLEM_TYPE_BASE + slug, title, status, detail })).buffer;
  return { status, statusText: 'Service Unavailable', headers: [['content-type', 'application/problem+json']], body };
}

/**
 * Every /api/v1 request the service worker intercepts, answered by the backend's thread;
 * anything else goes to the network. Once the thread has failed (`down`), the answer is 503.
 */
function forwardTo(backend: Remote<BackendApi>, down: Promise<never>) {
  return (request: InterceptedRequest): Promise<MockResponse> | undefined => {
    if (!API_PATH.test(new URL(request.url).pathname)) return undefined;
    const bodyless = request.method === 'GET' || request.method === 'HEAD';
    const body = bodyless || !request.body ? null : request.body;
    const wire: WireRequest = { method: request.method, url: request.url, headers: Object.entries(request.headers), body };
    const answer: Promise<WireResponse> = backend.respond(body ? transfer(wire, [body]) : wire);
    return Promise.race([answer, down]).catch(unavailable);
  };
}

/**
 * Starts the state reader (state-reader.ts), which reads the saved state on its own thread
 * while the backend's worker loads; returns the port the backend hears it on. `gone`: the reader
 * failed (to load, or later), so the backend must not wait for it.
 */
function startStateReader(gone: () => void): MessagePort | undefined {
  try {
    const reader = new Worker(new URL('./state-reader.ts', import.meta.url), { type: 'module', name: 'hosting-panel-state-reader' });
    reader.addEventListener('error', gone, { once: true });
    const channel = new MessageChannel();
    reader.postMessage(null, [channel.port1]);
    return channel.port2;
  } catch {
    return undefined;
  }
}

/**
 * `params`: the QA parameters the bootstrap took from the address before the first render
 * (default: take them now). `openedAt`: the address as the page was opened, parameters included
 * (a page that must reload to be served by the service worker goes back to it).
 */
export async function startMockApi(params?: MockUrlParams, openedAt: string = location.href): Promise<StartupReport> {
  params ??= takeMockUrlParameters();
  // A chunk of the page's own build, sharing its modules (scripts/backend-worker-chunk.mjs).
  const thread = new Worker(backendWorkerUrl, { type: 'module', name: 'hosting-panel-backend' });
  // The worker failing to load, or failing later: requests then get 503 instead of waiting forever.
  const down = new Promise<never>((_, reject) => {
    thread.addEventListener('error', (event) => reject(new Error(`the backend's worker failed${event.message ? `: ${event.message}` : ''}`)), {
      once: true,
    });
  });
  down.catch(() => undefined);
  const backend = wrap<BackendApi>(thread);
  const readerGone = () => void backend.readerGone();
  // Started by index.html's first script when it could (scripts/early-start.mjs), else here.
  const early = window.__hostingPanelEarly;
  window.__hostingPanelEarly = undefined;
  let reader: MessagePort | undefined;
  if (early?.readerPort) {
    if (!early.readerFailed) reader = early.readerPort;
    early.onReaderFailed = readerGone;
  } else if (params.scenario === undefined && params.build === undefined) reader = startStateReader(readerGone);
  // The service worker registers while the backend loads its state: nothing calls the API before both are done.
  const [report] = await Promise.race([
    Promise.all([
      backend.start(
        params,
        proxy((event: BackendEvent) => {
          for (const listener of listeners) listener(event);
        }),
        ...(reader ? [transfer(reader, [reader])] : []),
      ),
      startServiceWorker(`${import.meta.env.BASE_URL}${SERVICE_WORKER_SCRIPT}`, forwardTo(backend, down), openedAt).then(() =>
        performance.mark('hp:worker-ready'),
      ),
    ]),
    down,
  ]);
  // What is still queued is written before the tab goes away (API writes are saved before they answer).
  window.addEventListener('pagehide', () => void backend.flush());
  return report;
}
