/**
 * The page's side of the mock API's service worker (public/hosting-panel-sw.js). That worker
 * intercepts the page's /api/v1 requests and asks the page for each answer. Its protocol is
 * msw 2.15's (src/browser/sources/service-worker-source.ts), minus what the panel never uses
 * (msw's own page client, `setupWorker`, was 23 KB gzipped before the first rows — fallback
 * interceptors, a WebSocket interceptor, life-cycle events, logging — and here the handlers run
 * in another thread anyway: backend-worker.ts), and the worker hands a request to the page that
 * made it, never to another tab (see the worker's header):
 *
 * - register the worker (or reuse its registration), wait until it is activated;
 * - `INTEGRITY_CHECK_REQUEST` → `INTEGRITY_CHECK_RESPONSE`: the worker's protocol version,
 *   warned about when it is not the one this client speaks (a stale registration);
 * - `MOCK_ACTIVATE` → `MOCKING_ENABLED`: from then on the worker sends this page a `REQUEST`
 *   message per API request, with a port to answer on: `MOCK_RESPONSE` (status, headers, body)
 *   or `PASSTHROUGH` (the network answers);
 * - `KEEPALIVE_REQUEST` every 5 s: a service worker the browser stopped forgets which pages it
 *   serves, and the keep-alive tells it again;
 * - `CLIENT_CLOSED` before the page unloads.
 *
 * service-worker-client.test.ts checks the worker script speaks this version and these messages.
 */

/** The protocol version of the service worker this client speaks to (public/hosting-panel-sw.js). */
export const SW_PROTOCOL_VERSION = 'hosting-panel-1';

/** Where the service worker is, under the app's base URL. */
export const SERVICE_WORKER_SCRIPT = 'hosting-panel-sw.js';

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
 * `openedAt`: the address the page was opened at, before the bootstrap took its parameters
 * (`?scenario=`, `?latency=`, `#state=`…) out of it; the reload goes back to it, so that they
 * apply on the page that stays.
 */
export async function startServiceWorker(scriptUrl: string, onRequest: RequestListener, openedAt?: string): Promise<void> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) {
    throw new Error('This browser cannot run the mock API: it has no service workers here (they need https or localhost, and no private-mode block).');
  }
  const url = new URL(scriptUrl, location.href).href;
  const ours = (worker: ServiceWorker | null | undefined): worker is ServiceWorker => worker?.scriptURL === url;
  const existing = (await container.getRegistrations()).find((r) => [r.active, r.installing, r.waiting].some(ours));
  if (existing && !container.controller) {
    // A hard reload, or a page opened while the worker was still activating: the page is not
    // served by the worker, and would never be. msw reloads too — here back to the address as
    // opened, or the reloaded page would start without its `?scenario=`, `?latency=`, `#state=`.
    if (openedAt !== undefined && openedAt !== location.href) history.replaceState(history.state, '', openedAt);
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
  if (packageVersion !== SW_PROTOCOL_VERSION) {
    console.warn(
      `Hosting Panel: the registered mock service worker speaks protocol ${String(packageVersion)}, this page speaks ${SW_PROTOCOL_VERSION}. Reload the page to update it.`,
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
