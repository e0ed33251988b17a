import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MSW_WORKER_VERSION, startServiceWorker, type InterceptedRequest, type MockResponse, type RequestListener } from './service-worker-client';

const SCRIPT = 'http://localhost/mockServiceWorker.js';

describe('the service worker this client speaks to', () => {
  it('is the installed msw’s, of the version the protocol was read from', () => {
    const script = readFileSync(new URL('../../public/mockServiceWorker.js', import.meta.url), 'utf8');
    const installed = (JSON.parse(readFileSync(new URL('../../node_modules/msw/package.json', import.meta.url), 'utf8')) as { version: string }).version;
    // An msw upgrade fails this until service-worker-client.ts has been checked against the new worker.
    expect(script).toContain(`const PACKAGE_VERSION = '${MSW_WORKER_VERSION}'`);
    expect(installed).toBe(MSW_WORKER_VERSION);
    // The messages this client relies on are still the worker's.
    for (const type of [
      'KEEPALIVE_REQUEST',
      'INTEGRITY_CHECK_REQUEST',
      'MOCK_ACTIVATE',
      'CLIENT_CLOSED',
      'MOCKING_ENABLED',
      'REQUEST',
      'MOCK_RESPONSE',
      'PASSTHROUGH',
    ])
      expect(script).toContain(`'${type}'`);
  });
});

/** A stand-in for MSW's service worker: answers the page's messages as public/mockServiceWorker.js does. */
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing';
  received: string[] = [];
  readonly scriptURL: string;
  private readonly container: FakeContainer;
  private readonly version: string;
  constructor(scriptURL: string, container: FakeContainer, version = MSW_WORKER_VERSION) {
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

describe('startServiceWorker', () => {
  it('registers the worker, waits for it to activate, checks its version and enables mocking', async () => {
    await startServiceWorker('/mockServiceWorker.js', okListener);
    expect(container.registered).toEqual([SCRIPT]);
    expect(container.started).toBe(true);
    expect(container.worker?.state).toBe('activated');
    expect(container.worker?.received).toEqual(['INTEGRITY_CHECK_REQUEST', 'MOCK_ACTIVATE']);
  });

  it('answers each request on its port with what the listener gives, or lets the network answer it', async () => {
    const seen: InterceptedRequest[] = [];
    await startServiceWorker('/mockServiceWorker.js', (request) => {
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
    await startServiceWorker('/mockServiceWorker.js', (request) =>
      Promise.resolve({ status: request.url.endsWith('/none') ? 204 : 200, statusText: '', headers: [], body: new TextEncoder().encode('x').buffer }),
    );
    const worker = container.worker!;
    expect((await worker.request('http://localhost/api/v1/x', 'HEAD')).data?.body).toBeNull();
    expect((await worker.request('http://localhost/api/v1/none', 'DELETE')).data).toMatchObject({ status: 204, body: null });
    expect(text((await worker.request('http://localhost/api/v1/x', 'GET')).data?.body)).toBe('x');
  });

  it('never leaves a request waiting: a failing listener answers as a network failure (status 0)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startServiceWorker('/mockServiceWorker.js', () => Promise.reject(new Error('boom')));
    const answer = await container.worker!.request('http://localhost/api/v1/x');
    expect(answer).toEqual({ type: 'MOCK_RESPONSE', data: { status: 0, statusText: '', headers: [], body: null } });
  });

  it('ignores messages from another service worker', async () => {
    const listener = vi.fn(okListener);
    await startServiceWorker('/mockServiceWorker.js', listener);
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
    await startServiceWorker('/mockServiceWorker.js', okListener);
    const worker = container.worker!;
    vi.advanceTimersByTime(10_000);
    expect(worker.received.filter((m) => m === 'KEEPALIVE_REQUEST')).toHaveLength(2);
    window.dispatchEvent(new Event('beforeunload'));
    vi.advanceTimersByTime(10_000);
    expect(worker.received.at(-1)).toBe('CLIENT_CLOSED');
    expect(worker.received.filter((m) => m === 'KEEPALIVE_REQUEST')).toHaveLength(2);
  });

  it('reuses a registration the page is served by, and warns when its worker is another msw version’s', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const worker = new FakeWorker(SCRIPT, container, '2.0.0');
    worker.state = 'activated';
    const update = vi.fn(() => Promise.resolve());
    container.registrations.push({ active: worker, installing: null, waiting: null, update });
    container.controller = worker;
    await startServiceWorker('/mockServiceWorker.js', okListener);
    expect(container.registered).toEqual([]);
    expect(update).toHaveBeenCalled();
    expect(worker.received).toContain('MOCK_ACTIVATE');
    expect(warn.mock.calls[0]?.[0]).toContain('msw 2.0.0');
  });

  it('reloads a hard-reloaded page (registered, but not served by the worker), as msw does', async () => {
    const worker = new FakeWorker(SCRIPT, container);
    worker.state = 'activated';
    container.registrations.push({ active: worker, installing: null, waiting: null, update: () => Promise.resolve() });
    const started = vi.fn();
    void startServiceWorker('/mockServiceWorker.js', okListener).then(started);
    await vi.waitFor(() => expect(reload).toHaveBeenCalled());
    expect(started).not.toHaveBeenCalled();
    expect(worker.received).toEqual([]);
  });

  it('says plainly when the browser has no service workers', async () => {
    vi.stubGlobal('navigator', {});
    await expect(startServiceWorker('/mockServiceWorker.js', okListener)).rejects.toThrow(/no service workers/);
  });
});
