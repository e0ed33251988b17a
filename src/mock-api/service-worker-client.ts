/**
 * The page's side of MSW's service worker (public/mockServiceWorker.js, which `msw init` writes
 * and msw's install script keeps in step with the installed msw). That worker intercepts the
 * page's requests and asks the page for each answer; msw's own page client (`setupWorker` from
 * `msw/browser`) is 23 KB gzipped before the first rows — fallback interceptors for browsers
 * without service workers, a WebSocket interceptor, life-cycle events, logging, handler
 * matching — and here the handlers run in another thread anyway (backend-worker.ts). So the page
 * speaks the worker's message protocol itself, as `setupWorker` does in msw 2.15
 * (src/browser/sources/service-worker-source.ts), and nothing more:
 *
 * - register the worker (or reuse its registration), wait until it is activated;
 * - `INTEGRITY_CHECK_REQUEST` → `INTEGRITY_CHECK_RESPONSE`: the worker's msw version, warned
 *   about when it is not the one this client was written for (a stale registration);
 * - `MOCK_ACTIVATE` → `MOCKING_ENABLED`: from then on the worker sends this page a `REQUEST`
 *   message per request, with a port to answer on: `MOCK_RESPONSE` (status, headers, body) or
 *   `PASSTHROUGH` (the network answers, as msw's `onUnhandledRequest: 'bypass'`);
 * - `KEEPALIVE_REQUEST` every 5 s: a stopped service worker forgets which pages it serves;
 * - `CLIENT_CLOSED` before the page unloads (the worker unregisters itself with its last page).
 *
 * service-worker-client.test.ts checks the worker script still has the version this protocol was
 * read from: upgrading msw fails it until this file has been checked against the new worker.
 */

/** The msw version whose service worker this client speaks to (public/mockServiceWorker.js). */
export const MSW_WORKER_VERSION = '2.15.0';

/** A request as the service worker sends it (its `serializeRequest`). */
export interface InterceptedRequest {
  id: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: ArrayBuffer | null;
}

/** An answer to hand back; `body` is transferred. */
export interface MockResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** Answers one intercepted request, or `undefined` to let the network answer it. */
export type RequestListener = (request: InterceptedRequest) => Promise<MockResponse> | undefined;

interface WorkerMessage {
  type: string;
  payload?: unknown;
}

const isMessage = (data: unknown): data is WorkerMessage => typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';

/**
 * Registers the service worker at `scriptUrl` and has it pass every request of this page to
 * `onRequest`. Resolves once mocking is enabled. Never resolves when the page has to reload
 * first (a hard reload bypasses the service worker, as msw does: the page reloads itself).
 */
export async function startServiceWorker(scriptUrl: string, onRequest: RequestListener): Promise<void> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) {
    throw new Error('This browser cannot run the mock API: it has no service workers here (they need https or localhost, and no private-mode block).');
  }
  const url = new URL(scriptUrl, location.href).href;
  const ours = (worker: ServiceWorker | null | undefined): worker is ServiceWorker => worker?.scriptURL === url;
  const existing = (await container.getRegistrations()).find((r) => [r.active, r.installing, r.waiting].some(ours));
  if (existing && !container.controller) {
    // A hard reload: the page is not served by the worker, and would never be. msw reloads too.
    location.reload();
    return new Promise<void>(() => undefined);
  }
  let registration = existing;
  if (registration) void registration.update().catch(() => undefined);
  else {
    try {
      registration = await container.register(url);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`The mock API's service worker (${url}) could not be registered: ${detail}`, { cause: error });
    }
  }
  const worker = [registration.active, registration.installing, registration.waiting].find(ours);
  if (!worker) throw new Error(`The mock API's service worker (${url}) is not in its registration.`);
  if (worker.state !== 'activated') {
    await new Promise<void>((resolve) => {
      const check = () => {
        if (worker.state !== 'activated') return;
        worker.removeEventListener('statechange', check);
        resolve();
      };
      worker.addEventListener('statechange', check);
      check();
    });
  }

  // The worker's one-off answers (integrity, activation), by message type.
  const awaited = new Map<string, (payload: unknown) => void>();
  const next = (type: string) => new Promise<unknown>((resolve) => awaited.set(type, resolve));
  container.addEventListener('message', (event: MessageEvent<unknown>) => {
    const source = event.source as ServiceWorker | null;
    if (source && !ours(source)) return;
    const data = event.data;
    if (!isMessage(data)) return;
    const port = event.ports[0];
    if (data.type === 'REQUEST' && port) {
      answer(port, data.payload as InterceptedRequest, onRequest);
    } else if (data.type === 'RESPONSE') {
      // The worker's copy of a response, for msw's life-cycle events: nobody reads it here, so
      // its stream is cancelled (an unread branch of a tee keeps the whole body in memory).
      const body = (data.payload as { response?: { body?: unknown } } | undefined)?.response?.body;
      if (body instanceof ReadableStream) void body.cancel().catch(() => undefined);
    } else {
      const resolve = awaited.get(data.type);
      awaited.delete(data.type);
      resolve?.(data.payload);
    }
  });
  container.startMessages();
  // To the worker that controls the page when it is ours (it may be a newer version than `worker`).
  const post = (message: string) => (ours(container.controller) ? container.controller : worker).postMessage(message);

  const integrity = next('INTEGRITY_CHECK_RESPONSE');
  post('INTEGRITY_CHECK_REQUEST');
  const { packageVersion } = ((await integrity) ?? {}) as { packageVersion?: unknown };
  if (packageVersion !== MSW_WORKER_VERSION) {
    console.warn(
      `Hosting Panel: the registered mock service worker is msw ${String(packageVersion)}'s, this page speaks to msw ${MSW_WORKER_VERSION}'s. Reload the page to update it.`,
    );
  }
  const keepAlive = setInterval(() => post('KEEPALIVE_REQUEST'), 5_000);
  window.addEventListener('beforeunload', () => {
    if (worker.state !== 'redundant') post('CLIENT_CLOSED');
    clearInterval(keepAlive);
  });
  const enabled = next('MOCKING_ENABLED');
  post('MOCK_ACTIVATE');
  await enabled;
}

/** Statuses whose answers have no body (a `Response` refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

function answer(port: MessagePort, request: InterceptedRequest, onRequest: RequestListener) {
  let pending: Promise<MockResponse> | undefined;
  try {
    pending = onRequest(request);
  } catch (error) {
    pending = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  if (!pending) {
    port.postMessage({ type: 'PASSTHROUGH' });
    return;
  }
  pending.then(
    (response) => {
      const body = NO_BODY.has(response.status) || request.method === 'HEAD' ? null : response.body;
      port.postMessage(
        { type: 'MOCK_RESPONSE', data: { status: response.status, statusText: response.statusText, headers: response.headers, body } },
        body ? [body] : [],
      );
    },
    (error: unknown) => {
      // Never a request left hanging: a listener that fails answers as a network failure would
      // (status 0 is the worker's `Response.error()`); browser.ts's answers its own failures.
      console.error('Hosting Panel: a mock API request failed', error);
      port.postMessage({ type: 'MOCK_RESPONSE', data: { status: 0, statusText: '', headers: [], body: null } });
    },
  );
}
