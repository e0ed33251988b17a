import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SW_PROTOCOL_VERSION, startServiceWorker, type InterceptedRequest, type MockResponse, type RequestListener } from './service-worker-client';

const SCRIPT = 'http://localhost/hosting-panel-sw.js';
const WORKER_SCRIPT = readFileSync(new URL('../../public/hosting-panel-sw.js', import.meta.url), 'utf8');

/** A page or a Web Worker the service worker sees, with the messages posted to it. */
interface FakeClient {
  id: string;
  frameType: string;
  messages: { data: { type: string; payload?: InterceptedRequest }; ports: MessagePort[] }[];
  postMessage(data: unknown, transfer?: Transferable[]): void;
}

/** Runs public/hosting-panel-sw.js against a fake `self`: its listeners, and the clients it sees. */
function loadWorker() {
  const listeners = new Map<string, (event: unknown) => void>();
  const clients = new Map<string, FakeClient>();
  const fetched: string[] = [];
  const self = {
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    skipWaiting: () => undefined,
    clients: { get: (id: string) => Promise.resolve(clients.get(id)), claim: () => Promise.resolve() },
  };
  const fakeFetch = (request: Request) => {
    fetched.push(request.url);
    return Promise.resolve(new Response('from the network'));
  };
  new Function('self', 'fetch', WORKER_SCRIPT)(self, fakeFetch);
  const client = (id: string, frameType = 'top-level'): FakeClient => {
    const c: FakeClient = {
      id,
      frameType,
      messages: [],
      postMessage(data, transfer = []) {
        c.messages.push({ data: data as FakeClient['messages'][number]['data'], ports: transfer.filter((t): t is MessagePort => t instanceof MessagePort) });
      },
    };
    clients.set(id, c);
    return c;
  };
  const message = (from: FakeClient, data: string) => listeners.get('message')!({ source: from, data });
  /** Dispatches a fetch; resolves with the answer when the worker took it (undefined: the network's, untouched). */
  const fetchFrom = (clientId: string, url: string, init: RequestInit = {}) => {
    let answered: Promise<Response> | undefined;
    const request = new Request(url, init);
    listeners.get('fetch')!({ request, clientId, respondWith: (r: Promise<Response>) => (answered = r) });
    return answered;
  };
  return { clients, fetched, client, message, fetchFrom, remove: (id: string) => clients.delete(id) };
}

/** Answers the next REQUEST posted to `page` with `status` (a page's MOCK_RESPONSE). */
async function answerNext(page: FakeClient, status = 200) {
  await vi.waitFor(() => expect(page.messages.some((m) => m.data.type === 'REQUEST')).toBe(true));
  const index = page.messages.findIndex((m) => m.data.type === 'REQUEST');
  const [request] = page.messages.splice(index, 1);
  request!.ports[0]!.postMessage({ type: 'MOCK_RESPONSE', data: { status, statusText: 'OK', headers: [['x-answered-by', page.id]], body: null } });
  return request!.data.payload!;
}

describe('the service worker (public/hosting-panel-sw.js)', () => {
  it('speaks the version and the messages this client relies on', () => {
    expect(WORKER_SCRIPT).toContain(`const PROTOCOL_VERSION = '${SW_PROTOCOL_VERSION}'`);
    for (const type of ['KEEPALIVE_REQUEST', 'INTEGRITY_CHECK_REQUEST', 'MOCK_ACTIVATE', 'CLIENT_CLOSED', 'MOCKING_ENABLED', 'REQUEST', 'MOCK_RESPONSE'])
      expect(WORKER_SCRIPT).toContain(`'${type}'`);
    const sw = loadWorker();
    const page = sw.client('a');
    sw.message(page, 'INTEGRITY_CHECK_REQUEST');
    sw.message(page, 'MOCK_ACTIVATE');
    expect(page.messages.map((m) => m.data)).toEqual([
      { type: 'INTEGRITY_CHECK_RESPONSE', payload: { packageVersion: SW_PROTOCOL_VERSION } },
      { type: 'MOCKING_ENABLED', payload: { client: { id: 'a', frameType: 'top-level' } } },
    ]);
  });

  it('hands each API request to the page that made it, never to another tab', async () => {
    const sw = loadWorker();
    const first = sw.client('first');
    const second = sw.client('second');
    sw.message(first, 'MOCK_ACTIVATE');
    sw.message(second, 'MOCK_ACTIVATE');
    first.messages.length = 0;
    second.messages.length = 0;
    const fromSecond = sw.fetchFrom('second', 'http://localhost/api/v1/_mock/settings');
    const fromFirst = sw.fetchFrom('first', 'http://localhost/api/v1/customers', { method: 'POST', body: '{"login":"x"}' });
    expect((await answerNext(second)).url).toBe('http://localhost/api/v1/_mock/settings');
    const posted = await answerNext(first, 201);
    expect(posted.method).toBe('POST');
    expect(text(posted.body)).toBe('{"login":"x"}');
    expect((await fromSecond!).headers.get('x-answered-by')).toBe('second');
    expect((await fromFirst!).status).toBe(201);
    expect(first.messages).toEqual([]);
    expect(second.messages).toEqual([]);
  });

  it('leaves to the network what is not a started page’s API request', async () => {
    const sw = loadWorker();
    const page = sw.client('page');
    sw.client('backend-worker', 'none');
    // Before MOCK_ACTIVATE: not handled (a page whose mock API is still starting, or none at all).
    expect(sw.fetchFrom('page', 'http://localhost/api/v1/_mock/health')).toBeUndefined();
    sw.message(page, 'MOCK_ACTIVATE');
    expect(sw.fetchFrom('page', 'http://localhost/assets/index.js')).toBeUndefined();
    // A Web Worker's own requests (its module scripts): never handed to a page.
    expect(sw.fetchFrom('backend-worker', 'http://localhost/assets/sync-engine.js')).toBeUndefined();
    expect(sw.fetchFrom('backend-worker', 'http://localhost/api/v1/reseller')).toBeUndefined();
    expect(sw.fetchFrom('', 'http://localhost/api/v1/reseller')).toBeUndefined();
    // After CLIENT_CLOSED (the page is unloading): its requests are no longer handed to it…
    sw.message(page, 'CLIENT_CLOSED');
    expect(sw.fetchFrom('page', 'http://localhost/api/v1/reseller')).toBeUndefined();
    // …until its keep-alive says it is still there (a navigation cancelled, a worker restarted).
    sw.message(page, 'KEEPALIVE_REQUEST');
    const answered = sw.fetchFrom('page', 'http://localhost/api/v1/reseller');
    await answerNext(page);
    expect((await answered!).status).toBe(200);
  });

  it('answers a network failure for a page gone meanwhile, and passes a PASSTHROUGH on to the network', async () => {
    const sw = loadWorker();
    const page = sw.client('page');
    sw.message(page, 'MOCK_ACTIVATE');
    sw.remove('page');
    expect((await sw.fetchFrom('page', 'http://localhost/api/v1/reseller')!).type).toBe('error');
    const back = sw.client('back');
    sw.message(back, 'MOCK_ACTIVATE');
    const answered = sw.fetchFrom('back', 'http://localhost/api/v1/reseller');
    await vi.waitFor(() => expect(back.messages.some((m) => m.data.type === 'REQUEST')).toBe(true));
    back.messages.find((m) => m.data.type === 'REQUEST')!.ports[0]!.postMessage({ type: 'PASSTHROUGH' });
    expect(await (await answered!).text()).toBe('from the network');
    expect(sw.fetched).toEqual(['http://localhost/api/v1/reseller']);
  });
});

/** A stand-in for the service worker, for the page's side: answers the page's messages as public/hosting-panel-sw.js does. */
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing';
  received: string[] = [];
  readonly scriptURL: string;
  private readonly container: FakeContainer;
  private readonly version: string;
  constructor(scriptURL: string, container: FakeContainer, version = SW_PROTOCOL_VERSION) {
    super();
    this.scriptURL = scriptURL;
    this.container = container;
    this.version = version;
  }
  activate() {
    this.state = 'activated';
    this.dispatchEvent(new Event('statechange'));
  }
  postMessage(message: string) {
    this.received.push(message);
    if (message === 'INTEGRITY_CHECK_REQUEST') this.send({ type: 'INTEGRITY_CHECK_RESPONSE', payload: { packageVersion: this.version, checksum: 'x' } });
    if (message === 'MOCK_ACTIVATE') this.send({ type: 'MOCKING_ENABLED', payload: { client: { id: 'c1', frameType: 'top-level' } } });
  }
  /** As the worker's `sendToClient`: a message and a port, resolved with the first answer. */
  send(message: unknown, from: ServiceWorker = this as unknown as ServiceWorker): Promise<{ type: string; data?: MockResponse }> {
    const channel = new MessageChannel();
    const answered = new Promise<{ type: string; data?: MockResponse }>((resolve) => {
      channel.port1.onmessage = (event: MessageEvent<{ type: string; data?: MockResponse }>) => {
        channel.port1.close();
        resolve(event.data);
      };
    });
    queueMicrotask(() => this.container.deliver(message, from, channel.port2));
    return answered;
  }
  /** A `REQUEST` message, as the worker sends one per intercepted request. */
  request(url: string, method = 'GET', body: ArrayBuffer | null = new ArrayBuffer(0)) {
    const payload: InterceptedRequest = { id: 'r1', url, method, headers: { accept: 'application/json' }, body };
    return this.send({ type: 'REQUEST', payload });
  }
}

class FakeContainer extends EventTarget {
  controller: FakeWorker | null = null;
  registrations: { active: FakeWorker | null; installing: FakeWorker | null; waiting: FakeWorker | null; update: () => Promise<void> }[] = [];
  registered: string[] = [];
  started = false;
  worker: FakeWorker | undefined;
  getRegistrations() {
    return Promise.resolve(this.registrations);
  }
  register(url: string) {
    this.registered.push(url);
    const worker = (this.worker = new FakeWorker(url, this));
    const registration = { active: null, installing: worker, waiting: null, update: () => Promise.resolve() };
    this.registrations.push(registration);
    setTimeout(() => {
      worker.activate();
      this.controller = worker;
    }, 0);
    return Promise.resolve(registration);
  }
  startMessages() {
    this.started = true;
  }
  deliver(data: unknown, source: unknown, port: MessagePort) {
    const event = new MessageEvent('message', { data, ports: [port] });
    Object.defineProperty(event, 'source', { value: source });
    this.dispatchEvent(event);
  }
}

let container: FakeContainer;
let reload: ReturnType<typeof vi.fn>;

beforeEach(() => {
  container = new FakeContainer();
  reload = vi.fn();
  vi.stubGlobal('navigator', { serviceWorker: container });
  vi.stubGlobal('location', { href: 'http://localhost/subscriptions', reload });
  vi.stubGlobal('window', new EventTarget());
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const text = (body: ArrayBuffer | null | undefined) => (body ? new TextDecoder().decode(body) : null);
const okListener: RequestListener = (request) =>
  Promise.resolve({
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    body: new TextEncoder().encode(`{"url":"${request.url}"}`).buffer,
  });

/** An activated worker of ours, registered, that does not serve this page (no controller). */
function registeredButNotServing() {
  const worker = new FakeWorker(SCRIPT, container);
  worker.state = 'activated';
  container.registrations.push({ active: worker, installing: null, waiting: null, update: () => Promise.resolve() });
  return worker;
}

describe('startServiceWorker', () => {
  it('registers the worker, waits for it to activate, checks its version and enables mocking', async () => {
    await startServiceWorker('/hosting-panel-sw.js', okListener);
    expect(container.registered).toEqual([SCRIPT]);
    expect(container.started).toBe(true);
    expect(container.worker?.state).toBe('activated');
    expect(container.worker?.received).toEqual(['INTEGRITY_CHECK_REQUEST', 'MOCK_ACTIVATE']);
  });

  it('answers each request on its port with what the listener gives, or lets the network answer it', async () => {
    const seen: InterceptedRequest[] = [];
    await startServiceWorker('/hosting-panel-sw.js', (request) => {
      seen.push(request);
      return request.url.includes('/api/') ? okListener(request) : undefined;
    });
    const worker = container.worker!;
    const mocked = await worker.request('http://localhost/api/v1/customers?page=2');
    expect(mocked.type).toBe('MOCK_RESPONSE');
    expect(mocked.data).toMatchObject({ status: 200, statusText: 'OK', headers: [['content-type', 'application/json']] });
    expect(text(mocked.data?.body)).toBe('{"url":"http://localhost/api/v1/customers?page=2"}');
    expect(seen[0]).toMatchObject({ method: 'GET', headers: { accept: 'application/json' } });
    expect(await worker.request('http://localhost/assets/app.js')).toEqual({ type: 'PASSTHROUGH' });
  });

  it('sends no body where a response may not have one (HEAD, 204)', async () => {
    await startServiceWorker('/hosting-panel-sw.js', (request) =>
      Promise.resolve({ status: request.url.endsWith('/none') ? 204 : 200, statusText: '', headers: [], body: new TextEncoder().encode('x').buffer }),
    );
    const worker = container.worker!;
    expect((await worker.request('http://localhost/api/v1/x', 'HEAD')).data?.body).toBeNull();
    expect((await worker.request('http://localhost/api/v1/none', 'DELETE')).data).toMatchObject({ status: 204, body: null });
    expect(text((await worker.request('http://localhost/api/v1/x', 'GET')).data?.body)).toBe('x');
  });

  it('never leaves a request waiting: a failing listener answers as a network failure (status 0)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startServiceWorker('/hosting-panel-sw.js', () => Promise.reject(new Error('boom')));
    const answer = await container.worker!.request('http://localhost/api/v1/x');
    expect(answer).toEqual({ type: 'MOCK_RESPONSE', data: { status: 0, statusText: '', headers: [], body: null } });
  });

  it('ignores messages from another service worker', async () => {
    const listener = vi.fn(okListener);
    await startServiceWorker('/hosting-panel-sw.js', listener);
    const other = new FakeWorker('http://localhost/other-sw.js', container);
    const answered = vi.fn();
    void container
      .worker!.send({ type: 'REQUEST', payload: { id: 'r', url: 'http://localhost/api/v1/x', method: 'GET', headers: {}, body: null } }, other as never)
      .then(answered);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(listener).not.toHaveBeenCalled();
    expect(answered).not.toHaveBeenCalled();
  });

  it('keeps the worker alive every 5 s and says goodbye before the page unloads', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await startServiceWorker('/hosting-panel-sw.js', okListener);
    const worker = container.worker!;
    vi.advanceTimersByTime(10_000);
    expect(worker.received.filter((m) => m === 'KEEPALIVE_REQUEST')).toHaveLength(2);
    window.dispatchEvent(new Event('beforeunload'));
    vi.advanceTimersByTime(10_000);
    expect(worker.received.at(-1)).toBe('CLIENT_CLOSED');
    expect(worker.received.filter((m) => m === 'KEEPALIVE_REQUEST')).toHaveLength(2);
  });

  it('reuses a registration the page is served by, and warns when its worker is another protocol version’s', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const worker = new FakeWorker(SCRIPT, container, 'hosting-panel-0');
    worker.state = 'activated';
    const update = vi.fn(() => Promise.resolve());
    container.registrations.push({ active: worker, installing: null, waiting: null, update });
    container.controller = worker;
    await startServiceWorker('/hosting-panel-sw.js', okListener);
    expect(container.registered).toEqual([]);
    expect(update).toHaveBeenCalled();
    expect(worker.received).toContain('MOCK_ACTIVATE');
    expect(warn.mock.calls[0]?.[0]).toContain('protocol hosting-panel-0');
  });

  it('reloads a hard-reloaded page (registered, but not served by the worker), as msw does', async () => {
    const worker = registeredButNotServing();
    const started = vi.fn();
    void startServiceWorker('/hosting-panel-sw.js', okListener).then(started);
    await vi.waitFor(() => expect(reload).toHaveBeenCalled());
    expect(started).not.toHaveBeenCalled();
    expect(worker.received).toEqual([]);
  });

  it('reloads to the address the page was opened at, its parameters included', async () => {
    registeredButNotServing();
    const address = { href: 'http://localhost/tools', reload };
    vi.stubGlobal('location', address);
    vi.stubGlobal('history', { state: null, replaceState: (_state: unknown, _title: string, url: string) => (address.href = url) });
    let reloadedAt = '';
    reload.mockImplementation(() => (reloadedAt = address.href));
    void startServiceWorker('/hosting-panel-sw.js', okListener, 'http://localhost/tools?scenario=default&latency=250#state=abc');
    await vi.waitFor(() => expect(reload).toHaveBeenCalled());
    expect(reloadedAt).toBe('http://localhost/tools?scenario=default&latency=250#state=abc');
  });

  it('says plainly when the browser has no service workers', async () => {
    vi.stubGlobal('navigator', {});
    await expect(startServiceWorker('/hosting-panel-sw.js', okListener)).rejects.toThrow(/no service workers/);
  });
});
