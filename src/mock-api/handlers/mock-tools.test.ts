// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../state-document';
import { api, exported, setupMockApi } from '../test-helpers';

setupMockApi();

describe('POST /_mock/reset', () => {
  it.each([
    ['default', 8, 25],
    ['empty', 0, 0],
    ['sync-failure', 2, 3],
  ])('resets to %s', async (scenario, customers, subscriptions) => {
    await api('POST', '/customers', { contactName: 'Temp', login: 'temp', password: 'password1' });
    const { status, body } = await api('POST', '/_mock/reset', { scenario });
    expect(status).toBe(200);
    expect(body).toMatchObject({ scenario, counts: { customers, subscriptions } });
    expect((await api('GET', '/customers')).body.total).toBe(customers);
  });

  it('the same scenario yields the same data every time', async () => {
    await api('POST', '/_mock/reset', { scenario: 'default' });
    const first = (await api('GET', '/_mock/state')).body;
    await api('PUT', '/service-plans/plan-0001', { name: 'Changed' });
    await api('POST', '/_mock/reset', { scenario: 'default' });
    expect((await api('GET', '/_mock/state')).body).toEqual(first);
  });

  it('422 for an unknown scenario; the store is untouched', async () => {
    const before = exported();
    const { status, body } = await api('POST', '/_mock/reset', { scenario: 'huge' });
    expect(status).toBe(422);
    expect(body.detail).toContain('default, empty, sync-failure, large');
    expect(exported()).toBe(before);
  });
});

describe('GET|PUT /_mock/state', () => {
  it('exports the whole store with its schema version and imports it back', async () => {
    const { body: state } = await api('GET', '/_mock/state');
    expect(state).toMatchObject({ schemaVersion: SCHEMA_VERSION, scenario: 'default', counters: { customers: 8, plans: 5, subscriptions: 25 } });
    await api('POST', '/_mock/reset', { scenario: 'empty' });
    const imported = await api('PUT', '/_mock/state', state);
    expect(imported.body).toMatchObject({ scenario: 'default', counts: { customers: 8, plans: 5, subscriptions: 25 } });
    expect((await api('GET', '/_mock/state')).body).toEqual(state);
  });

  it('refuses a bad file with the reason and keeps the current data', async () => {
    const { body: state } = await api('GET', '/_mock/state');
    const before = exported();
    expect((await api('PUT', '/_mock/state', '{"schemaVersion": 1, ')).status).toBe(400);
    const shapes = await api('PUT', '/_mock/state', { ...state, customers: [{ id: 'x' }] });
    expect(shapes.status).toBe(422);
    expect(shapes.body.detail).toMatch(/customers\.0/);
    const references = await api('PUT', '/_mock/state', { ...state, customers: [] });
    expect(references.status).toBe(422);
    expect(references.body.detail).toMatch(/ownerId: This record does not exist/);
    expect(references.body.errors).toHaveProperty(['subscriptions.0.ownerId']);
    const newer = await api('PUT', '/_mock/state', { ...state, schemaVersion: SCHEMA_VERSION + 1 });
    expect(newer.status).toBe(422);
    expect(newer.body.detail).toMatch(/schema version/);
    expect((await api('PUT', '/_mock/state', [1, 2])).status).toBe(422);
    expect(exported()).toBe(before);
  });
});

describe('GET|PUT /_mock/settings', () => {
  it('reads and writes latency and failure rate (partial updates keep the other)', async () => {
    expect((await api('GET', '/_mock/settings')).body).toEqual({ latencyMs: 0, failureRate: 0 });
    expect((await api('PUT', '/_mock/settings', { latencyMs: 20 })).body).toEqual({ latencyMs: 20, failureRate: 0 });
    expect((await api('PUT', '/_mock/settings', { failureRate: 2 })).status).toBe(422);
    expect((await api('PUT', '/_mock/settings', { latencyMs: -1 })).status).toBe(422);
    expect((await api('GET', '/_mock/settings')).body).toEqual({ latencyMs: 20, failureRate: 0 });
  });

  it('latency delays the API but never /_mock', async () => {
    await api('PUT', '/_mock/settings', { latencyMs: 600 });
    let started = performance.now();
    await api('GET', '/reseller');
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    started = performance.now();
    await api('GET', '/_mock/settings');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a failure rate of 1 fails every API request with a 503 problem, never /_mock', async () => {
    await api('PUT', '/_mock/settings', { failureRate: 1 });
    const before = exported();
    const failed = await api('POST', '/customers', { contactName: 'A', login: 'aaa', password: 'password1' });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('Content-Type')).toContain('application/problem+json');
    expect(failed.body.title).toBe('Simulated failure');
    expect(exported()).toBe(before);
    expect((await api('GET', '/_mock/state')).status).toBe(200);
    expect((await api('PUT', '/_mock/settings', { failureRate: 0 })).status).toBe(200);
    expect((await api('GET', '/customers')).status).toBe(200);
  });
});

describe('PATCH /_mock/provider', () => {
  it('grants and takes away limits and permissions, toggles oversell', async () => {
    const { status, body, etag } = await api('PATCH', '/_mock/provider', {
      limits: { max_db: -1 },
      permissions: { manage_performance: true, manage_dns: false },
      oversell: false,
    });
    expect(status).toBe(200);
    expect(etag).toBeTruthy();
    expect(body).toMatchObject({ oversell: false, limits: { max_db: -1 }, permissions: { manage_performance: true, manage_dns: false } });
    expect((await api('GET', '/reseller')).body.permissions.manage_dns).toBe(false);
  });

  it('existing subscriptions keep their values until synchronized', async () => {
    const before = (await api('GET', '/subscriptions/sub-00001')).body;
    await api('PATCH', '/_mock/provider', { permissions: { manage_dns: false } });
    expect((await api('GET', '/subscriptions/sub-00001')).body.values).toEqual(before.values);
  });

  it('422 on an unknown key or a bad value; nothing changes', async () => {
    const before = exported();
    expect((await api('PATCH', '/_mock/provider', { limits: { max_planets: 3 } })).status).toBe(422);
    expect((await api('PATCH', '/_mock/provider', { oversell: 'yes' })).status).toBe(422);
    expect(exported()).toBe(before);
  });
});

describe('GET /reseller', () => {
  it('returns the allocation with usage per limit', async () => {
    const { body, etag } = await api('GET', '/reseller');
    expect(etag).toBeTruthy();
    expect(body).toMatchObject({ name: 'Northwind Hosting', oversell: true });
    expect(body.ipPool[0]).toEqual({ address: '203.0.113.10', type: 'shared' });
    expect(body.usage.max_cl).toEqual({ limit: 20, allocated: 8, used: 8, remaining: 12 });
    expect(body.usage.max_dom).toEqual({ limit: 40, allocated: 25, used: 25, remaining: 15 });
    expect(body.usage.disk_space.used).toBeGreaterThan(0);
  });
});

describe('unknown endpoints', () => {
  it('404 problem for any other /api/v1 path', async () => {
    const { status, body } = await api('GET', '/invoices');
    expect(status).toBe(404);
    expect(body.type).toMatch(/no-such-endpoint$/);
  });
});
