// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { api, exported, setupMockApi } from '../test-helpers';

setupMockApi();

const GB = 1024 ** 3;
type Sub = { id: string; syncState: string; values: { resources: Record<string, number> } };

describe('GET /service-plans', () => {
  it('lists plans by kind with subscription counts by sync state', async () => {
    const { body } = await api('GET', '/service-plans?kind=hosting');
    expect(body.total).toBe(3);
    expect(body.items.map((p: { name: string }) => p.name)).toEqual(['Starter', 'Business', 'Premium']);
    for (const plan of body.items) {
      const subs = (await api('GET', `/subscriptions?planId=${plan.id}&pageSize=500`)).body.items as Sub[];
      expect(plan.subscriptionCount).toBe(subs.length);
      for (const state of ['synced', 'unsynced', 'locked'] as const) {
        expect(plan.counts[state]).toBe(subs.filter((s) => s.syncState === state).length);
      }
    }
    const premium = body.items[2];
    expect(premium.counts).toEqual({ synced: 0, unsynced: 4, locked: 0 });
    const addons = (await api('GET', '/service-plans?kind=addon')).body;
    expect(addons.items.map((p: { name: string }) => p.name)).toEqual(['Extra Storage', 'Developer Pack']);
    expect(addons.items[0].subscriptionCount).toBe(2);
  });

  it('searches and sorts; 422 on a bad kind', async () => {
    expect((await api('GET', '/service-plans?q=prem')).body.items.map((p: { name: string }) => p.name)).toEqual(['Premium']);
    const byName = (await api('GET', '/service-plans?sort=name&order=desc')).body.items.map((p: { name: string }) => p.name);
    expect(byName).toEqual(['Starter', 'Premium', 'Extra Storage', 'Developer Pack', 'Business']);
    expect((await api('GET', '/service-plans?sort=subscriptionCount')).status).toBe(200);
    expect((await api('GET', '/service-plans?kind=reseller')).status).toBe(422);
  });
});

describe('POST /service-plans', () => {
  it('creates a plan from partial values', async () => {
    const { status, body, etag } = await api('POST', '/service-plans', { kind: 'hosting', name: 'Agency', values: { resources: { disk_space: 200 * GB } } });
    expect(status).toBe(201);
    expect(etag).toBeTruthy();
    expect(body).toMatchObject({ id: 'plan-0006', kind: 'hosting', name: 'Agency', subscriptionCount: 0 });
    expect(body.values.resources.disk_space).toBe(200 * GB);
    expect(body.values.permissions.manage_dns).toBe(false);
  });

  it('409 on a name taken within the kind (any case); the same name in the other kind is fine', async () => {
    const before = exported();
    const dup = await api('POST', '/service-plans', { kind: 'hosting', name: 'starter' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toHaveProperty('name');
    expect(exported()).toBe(before);
    expect((await api('POST', '/service-plans', { kind: 'addon', name: 'Starter' })).status).toBe(201);
  });

  it('422 on bad values; 400 on malformed JSON', async () => {
    const bad = await api('POST', '/service-plans', { kind: 'hosting', name: 'X', values: { resources: { disk_space: -5, nope: 1 } } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['values.resources.disk_space', 'values.resources.nope']);
    expect((await api('POST', '/service-plans', '{')).status).toBe(400);
  });
});

describe('GET|PUT|DELETE /service-plans/:id', () => {
  it('GET with ETag; 404', async () => {
    const { body, etag } = await api('GET', '/service-plans/plan-0002');
    expect(body.name).toBe('Business');
    expect(etag).toBeTruthy();
    expect((await api('GET', '/service-plans/plan-0404')).status).toBe(404);
  });

  it('PUT is Update & Sync: unlocked subscriptions follow, locked ones are skipped and counted', async () => {
    const before = (await api('GET', '/subscriptions?planId=plan-0002&pageSize=500')).body.items as Sub[];
    const locked = before.filter((s) => s.syncState === 'locked');
    expect(locked.length).toBeGreaterThan(0);
    const { status, body } = await api('PUT', '/service-plans/plan-0002', { name: 'Business 2026', values: { resources: { disk_space: 30 * GB } } });
    expect(status).toBe(200);
    expect(body.plan).toMatchObject({ name: 'Business 2026' });
    expect(body.plan.values.resources.disk_space).toBe(30 * GB);
    expect(body.plan.values.resources.max_box).toBe(50); // partial values are merged
    expect(body.report.locked).toBe(locked.length);
    expect(body.report.synced + body.report.unsynced + body.report.locked).toBe(before.length);
    const after = (await api('GET', '/subscriptions?planId=plan-0002&pageSize=500')).body.items as Sub[];
    for (const s of after) {
      const old = before.find((b) => b.id === s.id)!;
      if (old.syncState === 'locked') expect(s).toEqual(expect.objectContaining({ values: old.values, syncState: 'locked' }));
      else expect(s.values.resources.disk_space).toBeGreaterThanOrEqual(30 * GB); // plus add-ons
    }
  });

  it('PUT granting what the reseller lacks leaves subscriptions Unsynced and reports them', async () => {
    const { body } = await api('PUT', '/service-plans/plan-0001', { values: { permissions: { manage_performance: true } } });
    expect(body.report.synced).toBe(0);
    expect(body.report.unsynced).toBe(body.report.unsyncedIds.length);
    expect(body.report.unsynced).toBeGreaterThan(0);
    const unsynced = (await api('GET', '/subscriptions?planId=plan-0001&sync=unsynced')).body.total;
    expect(unsynced).toBe(body.report.unsynced);
  });

  it('PUT: 412 on a stale If-Match, 409 on a taken name, 422 on bad values, 404 — each changing nothing', async () => {
    const { etag } = await api('GET', '/service-plans/plan-0001');
    await api('PUT', '/service-plans/plan-0001', { values: { php: { memory_limit: '256M' } } });
    const before = exported();
    expect((await api('PUT', '/service-plans/plan-0001', { name: 'X' }, { 'If-Match': etag! })).status).toBe(412);
    expect((await api('PUT', '/service-plans/plan-0001', { name: 'Premium' })).status).toBe(409);
    expect((await api('PUT', '/service-plans/plan-0001', { values: { hosting: { shell: '/bin/zsh' } } })).status).toBe(422);
    expect((await api('PUT', '/service-plans/plan-0404', { name: 'X' })).status).toBe(404);
    expect(exported()).toBe(before);
  });

  it('DELETE refuses a plan in use with 409 naming the count; removes an unused one', async () => {
    const before = exported();
    const inUse = await api('DELETE', '/service-plans/plan-0001');
    expect(inUse.status).toBe(409);
    expect(inUse.body.subscriptionCount).toBeGreaterThan(0);
    expect(inUse.body.detail).toContain(`${inUse.body.subscriptionCount} subscriptions`);
    expect((await api('DELETE', '/service-plans/plan-0004')).status).toBe(409); // an add-on in use
    expect(exported()).toBe(before);
    const created = await api('POST', '/service-plans', { kind: 'addon', name: 'Unused' });
    expect((await api('DELETE', `/service-plans/${created.body.id}`)).status).toBe(204);
    expect((await api('GET', `/service-plans/${created.body.id}`)).status).toBe(404);
    expect((await api('DELETE', '/service-plans/plan-0404')).status).toBe(404);
  });
});

describe('POST /service-plans/:id/clone', () => {
  it('copies a plan under a unique "Copy of" name', async () => {
    const first = await api('POST', '/service-plans/plan-0003/clone');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'Copy of Premium', kind: 'hosting', subscriptionCount: 0 });
    const original = (await api('GET', '/service-plans/plan-0003')).body;
    expect(first.body.values).toEqual(original.values);
    expect((await api('POST', '/service-plans/plan-0003/clone')).body.name).toBe('Copy of Premium (2)');
    expect((await api('POST', '/service-plans/plan-0404/clone')).status).toBe(404);
  });
});
