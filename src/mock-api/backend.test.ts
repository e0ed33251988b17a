/**
 * The backend's side of the page ↔ worker hand-over (backend.ts): a request crosses as plain data
 * and is answered by the same handlers as anywhere else, bodies and headers intact.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { assumeStarted, respond, type WireRequest } from './backend';
import { resetStore } from './node';
import { buildScenario } from './scenarios';

const decode = (body: ArrayBuffer) => JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
const wire = (method: string, path: string, body?: unknown, headers: [string, string][] = []): WireRequest => ({
  method,
  url: `http://localhost/api/v1${path}`,
  headers: body === undefined ? headers : [['Content-Type', 'application/json'], ...headers],
  body: body === undefined ? null : (new TextEncoder().encode(JSON.stringify(body)).buffer as ArrayBuffer),
});

describe('respond', () => {
  beforeEach(() => {
    resetStore('default');
    assumeStarted();
  });

  it('answers a read with the handlers: status, headers and body as they made them', async () => {
    const answer = await respond(wire('GET', '/customers/cus-0001'));
    expect(answer.status).toBe(200);
    expect(new Map(answer.headers).get('etag')).toMatch(/^W\/"\d+"$/);
    expect(decode(answer.body)).toMatchObject({ id: 'cus-0001' });
  });

  it('carries a write body and its If-Match across, and a stale one is refused with 412', async () => {
    const read = await respond(wire('GET', '/customers/cus-0002'));
    const etag = new Map(read.headers).get('etag')!;
    const saved = await respond(wire('PATCH', '/customers/cus-0002', { city: 'Potsdam' }, [['If-Match', etag]]));
    expect(saved.status).toBe(200);
    expect(decode(saved.body)).toMatchObject({ city: 'Potsdam' });
    const stale = await respond(wire('PATCH', '/customers/cus-0002', { city: 'Nowhere' }, [['If-Match', etag]]));
    expect(stale.status).toBe(412);
    expect(new Map(stale.headers).get('content-type')).toBe('application/problem+json');
  });

  it('answers a path no endpoint has with a 404 problem, never nothing', async () => {
    const answer = await respond(wire('GET', '/nowhere'));
    expect(answer.status).toBe(404);
    expect(decode(answer.body)).toMatchObject({ type: expect.stringMatching(/no-such-endpoint$/) });
  });
});

describe('before the start is done', () => {
  it('holds a request until the saved state is loaded, then answers it from that state', async () => {
    vi.resetModules();
    const backend = await import('./backend');
    const early = backend.respond(wire('GET', '/customers?pageSize=1'));
    let answered = false;
    void early.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    await backend.startBackend({ scenario: 'sync-failure' }, () => undefined);
    const answer = await early;
    expect(answer.status).toBe(200);
    // The scenario the start chose, not whatever the store held before.
    expect(decode(answer.body).total).toBe(buildScenario('sync-failure').customers.length);
  });
});
