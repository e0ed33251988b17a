// @vitest-environment node
/**
 * The sync engine at its edges, through the API as a reseller would try them (SPEC §1.3, §2):
 * order-independent Update & Sync, the exact preview, an honest Customize, expiresAt, bulk
 * If-Match, and bodies that must not be ignored.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api, exported, setupMockApi } from '../test-helpers';

setupMockApi('empty');

const GB = 1024 ** 3;

async function provider(patch: object) {
  expect((await api('PATCH', '/_mock/provider', patch)).status).toBe(200);
}

async function newPlan(name: string, resources: object, kind: 'hosting' | 'addon' = 'hosting'): Promise<string> {
  const { status, body } = await api('POST', '/service-plans', { kind, name, values: { resources } });
  expect(status).toBe(201);
  return body.id;
}

async function newSubscription(domain: string, planId: string | null, addonIds: string[] = []) {
  const { status, body, etag } = await api('POST', '/subscriptions', { domain, ownerId: null, planId, addonIds });
  expect(status, JSON.stringify(body)).toBe(201);
  return { ...body, etag } as { id: string; etag: string; syncState: string; values: { resources: Record<string, number> } };
}

const get = async (id: string) => (await api('GET', `/subscriptions/${id}`)).body;
const disk = async (id: string) => (await get(id)).values.resources.disk_space as number;

describe('Update & Sync with overselling off', () => {
  it('leaves every subscription Synced when all fit, whoever held what before', async () => {
    await provider({ oversell: false, limits: { disk_space: 60 * GB } });
    const other = await newPlan('Other', { disk_space: 40 * GB });
    const plan = await newPlan('Edge', { disk_space: 40 * GB });
    const c = await newSubscription('c.example.com', other);
    // The older one is clamped to 20 GB while c holds 40; once c is gone, the younger gets 40.
    const a = await newSubscription('a.example.com', plan);
    expect(a.values.resources.disk_space).toBe(20 * GB);
    expect((await api('DELETE', `/subscriptions/${c.id}`)).status).toBe(200);
    const b = await newSubscription('b.example.com', plan);
    expect(b.values.resources.disk_space).toBe(40 * GB);

    const { status, body } = await api('PUT', `/service-plans/${plan}`, { values: { resources: { disk_space: 30 * GB } } });
    expect(status).toBe(200);
    expect(body.report).toEqual({ synced: 2, unsynced: 0, locked: 0, unsyncedIds: [], overused: [] });
    expect([await disk(a.id), await disk(b.id)]).toEqual([30 * GB, 30 * GB]);
  });

  it('serves the oldest first when they cannot all fit', async () => {
    await provider({ oversell: false, limits: { disk_space: 50 * GB } });
    const plan = await newPlan('Edge', { disk_space: 20 * GB });
    const a = await newSubscription('a.example.com', plan);
    const b = await newSubscription('b.example.com', plan);
    const { body } = await api('PUT', `/service-plans/${plan}`, { values: { resources: { disk_space: 30 * GB } } });
    expect(body.report).toMatchObject({ synced: 1, unsynced: 1, unsyncedIds: [b.id] });
    expect([await disk(a.id), await disk(b.id)]).toEqual([30 * GB, 20 * GB]);
  });
});

describe('POST /service-plans/:id/preview', () => {
  it('names exactly the subscriptions the save leaves Unsynced, shared limits and add-ons included, and changes nothing', async () => {
    await provider({ oversell: false, limits: { disk_space: 100 * GB } });
    const plan = await newPlan('Edge', { disk_space: 20 * GB });
    const addon = await newPlan('More disk', { disk_space: 30 * GB }, 'addon');
    const a = await newSubscription('a.example.com', plan, [addon]);
    const b = await newSubscription('b.example.com', plan);
    const before = exported();
    const edit = { values: { resources: { disk_space: 40 * GB } } };
    const preview = await api('POST', `/service-plans/${plan}/preview`, edit);
    expect(preview.status).toBe(200);
    expect(exported()).toBe(before);
    // a wants 40 + 30 = 70 GB and gets it (oldest); b wants 40 and gets the 30 that remain.
    expect(preview.body.report).toMatchObject({ synced: 1, unsynced: 1, unsyncedIds: [b.id] });
    expect(preview.body.unsynced).toEqual([{ id: b.id, domain: 'b.example.com' }]);
    const save = await api('PUT', `/service-plans/${plan}`, edit);
    expect(save.body.report).toEqual(preview.body.report);
    expect(a.id).not.toBe(b.id);
  });

  it('equals the save for arbitrary edits (property)', async () => {
    await provider({ oversell: false, limits: { disk_space: 100 * GB, max_db: 10 } });
    const plan = await newPlan('Edge', { disk_space: 10 * GB, max_db: 1 });
    const addon = await newPlan('More', { disk_space: 5 * GB }, 'addon');
    for (let i = 0; i < 4; i++) await newSubscription(`s${i}.example.com`, plan, i % 2 ? [addon] : []);
    const base = exported();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -1, max: 60 }), fc.integer({ min: -1, max: 6 }), fc.boolean(), async (diskGb, dbs, oversell) => {
        await api('PUT', '/_mock/state', JSON.parse(base));
        await provider({ oversell });
        const edit = { values: { resources: { disk_space: diskGb === -1 ? -1 : diskGb * GB, max_db: dbs } } };
        const preview = (await api('POST', `/service-plans/${plan}/preview`, edit)).body.report;
        const saved = (await api('PUT', `/service-plans/${plan}`, edit)).body.report;
        expect(preview).toEqual(saved);
      }),
      { numRuns: 15 },
    );
  });

  it('answers like the save on bad input: 404, 412, 422', async () => {
    const plan = await newPlan('Edge', { disk_space: 10 * GB });
    expect((await api('POST', '/service-plans/nope/preview', { values: {} })).status).toBe(404);
    expect((await api('POST', `/service-plans/${plan}/preview`, { values: {} }, { 'If-Match': 'W/"999"' })).status).toBe(412);
    expect((await api('POST', `/service-plans/${plan}/preview`, { values: { resources: { disk_space: 'x' } } })).status).toBe(422);
    expect((await api('POST', `/service-plans/${plan}/preview`, '{')).status).toBe(400);
  });
});

describe('Customize (PUT /subscriptions/:id/values)', () => {
  it('refuses a value beyond what is available at its field, naming the available value, and changes nothing', async () => {
    await provider({ oversell: true, limits: { disk_space: 500 * GB } });
    const s = await newSubscription('a.example.com', await newPlan('Edge', { disk_space: 10 * GB }));
    const before = exported();
    const { status, headers, body } = await api('PUT', `/subscriptions/${s.id}/values`, { resources: { disk_space: 1024 * GB } });
    expect(status).toBe(422);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(body.issues).toEqual([{ path: 'resources.disk_space', code: 'beyond_available', params: { available: 500 * GB, key: 'disk_space' } }]);
    expect(body.errors['resources.disk_space'][0]).toContain('500 GB');
    expect(exported()).toBe(before);
  });

  it('refuses a permission the reseller lacks', async () => {
    await provider({ permissions: { manage_crontab: false } });
    const s = await newSubscription('a.example.com', await newPlan('Edge', {}));
    const { status, body } = await api('PUT', `/subscriptions/${s.id}/values`, { permissions: { manage_crontab: true } });
    expect(status).toBe(422);
    expect(body.issues).toEqual([{ path: 'permissions.manage_crontab', code: 'not_available' }]);
  });

  it('never changes untouched values, even after the provider lowered a limit below them', async () => {
    await provider({ oversell: false, limits: { disk_space: 60 * GB } });
    const s = await newSubscription('a.example.com', await newPlan('Edge', { disk_space: 40 * GB }));
    await provider({ limits: { disk_space: 1 * GB } });
    const { status, body } = await api('PUT', `/subscriptions/${s.id}/values`, { php: { memory_limit: '512M' } });
    expect(status).toBe(200);
    expect(body.values.resources.disk_space).toBe(40 * GB);
    expect(body.values.php.memory_limit).toBe('512M');
    expect(body.syncState).toBe('locked');
  });

  it('an empty change, or the current values again, does not lock and keeps the ETag', async () => {
    const s = await newSubscription('a.example.com', await newPlan('Edge', { disk_space: 10 * GB }));
    for (const patch of [{}, { resources: { disk_space: 10 * GB } }, { resources: {}, php: {} }]) {
      const r = await api('PUT', `/subscriptions/${s.id}/values`, patch);
      expect(r.status).toBe(200);
      expect(r.body.syncState).toBe('synced');
      expect(r.etag).toBe(s.etag);
    }
  });
});

describe('expiresAt follows expiration', () => {
  it('after a create, a Customize, an Update & Sync, a Change Plan and an Unlock and Sync', async () => {
    const plan = await newPlan('Dated', { expiration: '2027-01-31' });
    const undated = await newPlan('Undated', {});
    const s = await newSubscription('a.example.com', plan);
    expect(s).toMatchObject({ expiresAt: '2027-01-31' });
    await api('PUT', `/service-plans/${plan}`, { values: { resources: { expiration: '2027-06-30' } } });
    expect((await get(s.id)).expiresAt).toBe('2027-06-30');
    const customized = await api('PUT', `/subscriptions/${s.id}/values`, { resources: { expiration: '2028-01-01' } });
    expect(customized.body).toMatchObject({ expiresAt: '2028-01-01', syncState: 'locked' });
    await api('POST', `/subscriptions/${s.id}/unlock-and-sync`);
    expect((await get(s.id)).expiresAt).toBe('2027-06-30');
    await api('POST', '/subscriptions/bulk', { action: 'change-plan', ids: [s.id], planId: undated });
    expect((await get(s.id)).expiresAt).toBeNull();
  });
});

describe('POST /subscriptions/bulk with per-id ETags', () => {
  it('refuses the stale ids with 412 and applies the rest', async () => {
    const plan = await newPlan('Edge', {});
    const a = await newSubscription('a.example.com', plan);
    const b = await newSubscription('b.example.com', plan);
    // Another tab customizes a: the ETag this tab holds for it is now stale.
    await api('PUT', `/subscriptions/${a.id}/values`, { resources: { max_db: 3 } });
    const { status, body } = await api('POST', '/subscriptions/bulk', {
      action: 'change-plan',
      ids: [a.id, b.id],
      planId: plan,
      etags: { [a.id]: a.etag, [b.id]: b.etag },
    });
    expect(status).toBe(200);
    expect(body.results).toEqual([expect.objectContaining({ id: a.id, ok: false, status: 412 }), { id: b.id, ok: true, syncState: 'synced' }]);
    expect((await get(a.id)).syncState).toBe('locked');
    for (const action of ['suspend', 'activate', 'remove', 'sync']) {
      const r = await api('POST', '/subscriptions/bulk', { action, ids: [a.id], etags: { [a.id]: a.etag } });
      expect(r.body.results[0], action).toMatchObject({ ok: false, status: 412 });
    }
  });

  it('gives the same outcome whatever order the ids are in (Change Plan, overselling off)', async () => {
    await provider({ oversell: false, limits: { disk_space: 60 * GB } });
    const small = await newPlan('Small', { disk_space: 20 * GB });
    const big = await newPlan('Big', { disk_space: 30 * GB });
    const subs: Array<{ id: string }> = [];
    for (let i = 0; i < 3; i++) subs.push(await newSubscription(`s${i}.example.com`, small));
    const base = exported();
    const outcome = async (ids: string[]) => {
      await api('PUT', '/_mock/state', JSON.parse(base));
      await api('POST', '/subscriptions/bulk', { action: 'change-plan', ids, planId: big });
      return Promise.all(subs.map((s) => disk(s.id)));
    };
    const forward = await outcome([subs[0]!.id, subs[1]!.id]);
    const backward = await outcome([subs[1]!.id, subs[0]!.id]);
    expect(backward).toEqual(forward);
    expect(forward).toEqual([30 * GB, 10 * GB, 20 * GB]);
  });
});

describe('bodies that must not be ignored', () => {
  it('refuses planId null with add-ons (create and bulk Change Plan) instead of dropping them', async () => {
    const addon = await newPlan('More', { disk_space: GB }, 'addon');
    const create = await api('POST', '/subscriptions', { domain: 'x.example.com', ownerId: null, planId: null, addonIds: [addon] });
    expect(create.status).toBe(422);
    expect(create.body.issues).toEqual([{ path: 'addonIds', code: 'custom_has_no_addons' }]);
    const s = await newSubscription('a.example.com', await newPlan('Edge', {}));
    const before = exported();
    const bulk = await api('POST', '/subscriptions/bulk', { action: 'change-plan', ids: [s.id], planId: null, addonIds: [addon] });
    expect(bulk.status).toBe(422);
    expect(exported()).toBe(before);
  });

  it('suspend, activate and clone refuse a malformed body (400) or one with content (422)', async () => {
    const plan = await newPlan('Edge', {});
    const s = await newSubscription('a.example.com', plan);
    const cus = await api('POST', '/customers', { contactName: 'Ann', login: 'ann', password: 'secret-123', email: 'ann@example.com' });
    expect(cus.status).toBe(201);
    const paths = [
      `/subscriptions/${s.id}/suspend`,
      `/subscriptions/${s.id}/activate`,
      `/customers/${cus.body.id}/suspend`,
      `/customers/${cus.body.id}/activate`,
      `/service-plans/${plan}/clone`,
    ];
    const before = exported();
    for (const path of paths) {
      expect((await api('POST', path, '{"status":')).status, path).toBe(400);
      expect((await api('POST', path, '[1]')).status, path).toBe(422);
      expect((await api('POST', path, { status: 'active' })).status, path).toBe(422);
    }
    expect(exported()).toBe(before);
    expect((await api('POST', paths[0]!, {})).status).toBe(200);
    expect((await api('POST', paths[4]!)).status).toBe(201);
  });
});
