// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { api, exported, setupMockApi } from '../test-helpers';

setupMockApi();

type Item = {
  id: string;
  domain: string;
  syncState: string;
  status: string;
  ownerId: string | null;
  planId: string | null;
  ownerName: string;
  planName: string | null;
  createdAt: string;
};
const items = async (query: string): Promise<Item[]> => (await api('GET', `/subscriptions?pageSize=500&${query}`)).body.items;
const byDomain = async (domain: string): Promise<Item> => (await items(`q=${domain}`)).find((s) => s.domain === domain)!;

describe('GET /subscriptions', () => {
  it('lists 25 with syncState, planName, ownerName and an etag, sorted by domain', async () => {
    const { body } = await api('GET', '/subscriptions');
    expect(body).toMatchObject({ total: 25, page: 1, pageSize: 25 });
    const domains = body.items.map((s: Item) => s.domain);
    expect(domains).toEqual([...domains].sort());
    const own = body.items.find((s: Item) => s.domain === 'northwind-hosting.com');
    expect(own).toMatchObject({ ownerId: null, ownerName: 'Northwind Hosting', planName: 'Premium', syncState: 'unsynced', etag: expect.any(String) });
    const custom = body.items.find((s: Item) => s.domain === 'atlastravel.com');
    expect(custom).toMatchObject({ planId: null, planName: null, syncState: 'custom', addonIds: [] });
  });

  it('filters by customerId, planId (plan or add-on), sync, status and q', async () => {
    expect((await items('customerId=cus-0002')).map((s) => s.domain).sort()).toEqual([
      'schneider-consulting.com',
      'schneider-consulting.de',
      'schneider-it.eu',
    ]);
    expect((await items('planId=plan-0004')).map((s) => s.domain).sort()).toEqual(['haddad-photo.com', 'shop.martin-bakery.fr']);
    for (const sync of ['synced', 'unsynced', 'locked', 'custom']) {
      const found = await items(`sync=${sync}`);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((s) => s.syncState === sync)).toBe(true);
    }
    const suspended = await items('status=suspended');
    expect(suspended.length).toBeGreaterThan(0);
    expect(suspended.every((s) => s.status === 'suspended')).toBe(true);
    // q matches the domain or the subscriber's name, accents ignored.
    expect((await items('q=BAKERY')).map((s) => s.domain).sort()).toEqual(['bakery-events.fr', 'martin-bakery.fr', 'shop.martin-bakery.fr']);
    expect((await items('q=grainne')).map((s) => s.domain).sort()).toEqual(['dublin-legal-aid.org', 'obrien-law.ie']);
    expect((await items('q=northwind hosting')).every((s) => s.ownerId === null)).toBe(true);
    expect((await items('customerId=cus-0004&sync=unsynced')).map((s) => s.domain)).toEqual(['pacific-imports.co.uk']);
  });

  it('sorts by every column in both orders', async () => {
    const asc = await items('sort=subscriber');
    expect(asc[0]!.ownerName).toBe('Alice Martin');
    const desc = await items('sort=subscriber&order=desc');
    expect(desc[0]!.ownerName).toBe('Northwind Hosting');
    const byCreated = await items('sort=createdAt&order=desc');
    expect(byCreated[0]!.domain).toBe('schneider-it.eu');
    const byPlan = await items('sort=plan');
    expect(byPlan[0]!.planName).toBe('Business');
    expect(byPlan.at(-1)!.planName).toBeNull();
    const bySync = await items('sort=syncState');
    expect(bySync[0]!.syncState).toBe('synced');
    expect(bySync.at(-1)!.syncState).toBe('custom');
    expect((await items('sort=status'))[0]!.status).toBe('active');
  });

  it('pages up to 500 and refuses more', async () => {
    const page2 = await api('GET', '/subscriptions?pageSize=10&page=3');
    expect(page2.body.items).toHaveLength(5);
    expect((await api('GET', '/subscriptions?pageSize=501')).status).toBe(422);
    expect((await api('GET', '/subscriptions?sort=price')).status).toBe(422);
    expect((await api('GET', '/subscriptions?sync=maybe')).status).toBe(422);
    expect((await api('GET', '/subscriptions?page=99')).body).toMatchObject({ items: [], total: 25 });
  });
});

describe('POST /subscriptions', () => {
  it('creates with defaults: first shared IP, system user from the domain, no password returned', async () => {
    const { status, body, etag, headers } = await api('POST', '/subscriptions', {
      domain: 'New-Shop.Example.COM',
      ownerId: 'cus-0006',
      planId: 'plan-0001',
      password: 'secret-secret',
    });
    expect(status).toBe(201);
    expect(etag).toBeTruthy();
    expect(headers.get('Location')).toBe(`/api/v1/subscriptions/${body.id}`);
    expect(body).toMatchObject({
      id: 'sub-00026',
      domain: 'new-shop.example.com',
      ipAddress: '203.0.113.10',
      systemUser: 'new-shop_example',
      syncState: 'synced',
      status: 'active',
      websites: ['new-shop.example.com'],
      planName: 'Starter',
      ownerName: 'Farid Haddad',
    });
    expect(body).not.toHaveProperty('password');
  });

  it('the reseller’s own (ownerId null), custom (planId null), with add-ons, and Unsynced when the plan offers too much', async () => {
    const own = await api('POST', '/subscriptions', { domain: 'lab.northwind-hosting.com', ownerId: null, planId: null });
    expect(own.body).toMatchObject({ ownerId: null, syncState: 'custom', ownerName: 'Northwind Hosting' });
    const addons = await api('POST', '/subscriptions', {
      domain: 'addons.example.net',
      ownerId: 'cus-0001',
      planId: 'plan-0001',
      addonIds: ['plan-0004'],
      ipAddress: '203.0.113.20',
    });
    expect(addons.body).toMatchObject({ addonIds: ['plan-0004'], addonNames: ['Extra Storage'], ipAddress: '203.0.113.20' });
    const premium = await api('POST', '/subscriptions', { domain: 'premium.example.net', ownerId: 'cus-0001', planId: 'plan-0003' });
    expect(premium.body.syncState).toBe('unsynced');
  });

  it('409 on a duplicate domain (any case) or system user; 422 on bad references — nothing created', async () => {
    const before = exported();
    const dup = await api('POST', '/subscriptions', { domain: 'MARTIN-BAKERY.FR', ownerId: null, planId: null });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toHaveProperty('domain');
    expect((await api('POST', '/subscriptions', { domain: 'x.example.net', ownerId: null, planId: null, systemUser: 'martin-bakery' })).status).toBe(409);
    const refs = await api('POST', '/subscriptions', {
      domain: 'x.example.net',
      ownerId: 'cus-0404',
      planId: 'plan-0004',
      addonIds: ['plan-0001'],
      ipAddress: '10.0.0.1',
    });
    expect(refs.status).toBe(422);
    expect(Object.keys(refs.body.errors).sort()).toEqual(['addonIds.0', 'ipAddress', 'ownerId', 'planId']);
    const invalid = await api('POST', '/subscriptions', { domain: 'not a domain', ownerId: null });
    expect(invalid.status).toBe(422);
    expect(invalid.body.issues).toContainEqual({ path: 'domain', code: 'invalid_domain' });
    expect(invalid.body.issues).toContainEqual({ path: 'planId', code: 'required' });
    expect(exported()).toBe(before);
  });

  it('409 when the reseller reached max_dom', async () => {
    await api('PATCH', '/_mock/provider', { limits: { max_dom: 25 } });
    const before = exported();
    const full = await api('POST', '/subscriptions', { domain: 'one-more.example.net', ownerId: null, planId: 'plan-0001' });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ limit: 'max_dom', allocated: 25 });
    expect(exported()).toBe(before);
  });
});

describe('GET|DELETE /subscriptions/:id', () => {
  it('GET with ETag; 404', async () => {
    const { body, etag } = await api('GET', '/subscriptions/sub-00006');
    expect(body).toMatchObject({ domain: 'pacific-imports.co.uk', syncState: 'unsynced' });
    expect(etag).toBeTruthy();
    expect((await api('GET', '/subscriptions/sub-99999')).status).toBe(404);
  });

  it('DELETE removes it with its websites; 412 on a stale ETag; 404 after', async () => {
    const before = exported();
    expect((await api('DELETE', '/subscriptions/sub-00006', undefined, { 'If-Match': 'W/"0"' })).status).toBe(412);
    expect(exported()).toBe(before);
    const { etag } = await api('GET', '/subscriptions/sub-00006');
    const removed = await api('DELETE', '/subscriptions/sub-00006', undefined, { 'If-Match': etag! });
    expect(removed.body).toEqual({ id: 'sub-00006', removed: { subscriptions: 1, websites: 3 } });
    expect((await api('GET', '/subscriptions/sub-00006')).status).toBe(404);
    expect((await api('DELETE', '/subscriptions/sub-00006')).status).toBe(404);
  });
});

describe('PUT /subscriptions/:id/values (Customize)', () => {
  it('merges the patch and locks the subscription', async () => {
    const { body } = await api('PUT', '/subscriptions/sub-00001/values', { resources: { max_box: 12 }, hosting: { php_handler_id: 'plesk-php82-fpm' } });
    expect(body.syncState).toBe('locked');
    expect(body.values.resources.max_box).toBe(12);
    expect(body.values.resources.max_db).toBe(2);
    expect(body.values.hosting.php_handler_id).toBe('plesk-php82-fpm');
  });

  it('422 on a bad patch, 412 on a stale ETag, 404 — nothing changes', async () => {
    const before = exported();
    const bad = await api('PUT', '/subscriptions/sub-00001/values', { resources: { max_box: 'many' }, colour: 'red' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['colour', 'resources.max_box']);
    expect((await api('PUT', '/subscriptions/sub-00001/values', { php: {} }, { 'If-Match': 'W/"1"' })).status).toBe(412);
    expect((await api('PUT', '/subscriptions/sub-77777/values', {})).status).toBe(404);
    expect((await api('PUT', '/subscriptions/sub-00001/values', '[')).status).toBe(400);
    expect(exported()).toBe(before);
  });
});

describe('POST /subscriptions/:id/sync and /unlock-and-sync', () => {
  it('sync on an unsynced subscription with conflicts changes nothing and lists them per website', async () => {
    const before = exported();
    const { body } = await api('POST', '/subscriptions/sub-00006/sync');
    expect(body.outcome).toBe('conflicts');
    const domains = new Set(body.conflicts.map((c: { domain: string }) => c.domain));
    expect(domains).toEqual(new Set(['pacific-imports.co.uk', 'shop.pacific-imports.co.uk', 'pacific-imports.com']));
    expect(exported()).toBe(before);
  });

  it('sync of a synced subscription stays synced; locked and custom ones are refused with 409', async () => {
    expect((await api('POST', '/subscriptions/sub-00001/sync', {})).body).toMatchObject({ outcome: 'synced', conflicts: [] });
    const before = exported();
    const locked = await byDomain('schneider-consulting.com');
    const refused = await api('POST', `/subscriptions/${locked.id}/sync`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/Unlock and Sync/);
    const custom = await byDomain('atlastravel.com');
    expect((await api('POST', `/subscriptions/${custom.id}/sync`)).status).toBe(409);
    expect((await api('POST', '/subscriptions/sub-00001/sync', { accept: 'everything' })).status).toBe(422);
    expect((await api('POST', '/subscriptions/sub-00404/sync')).status).toBe(404);
    expect(exported()).toBe(before);
  });

  it('unlock-and-sync discards the customization; refused when not locked', async () => {
    const locked = await byDomain('schneider-consulting.com');
    const { body } = await api('POST', `/subscriptions/${locked.id}/unlock-and-sync`);
    expect(body.outcome).toBe('synced');
    expect(body.subscription.syncState).toBe('synced');
    expect(body.subscription.values.resources.max_box).toBe(50);
    expect((await api('POST', `/subscriptions/${locked.id}/unlock-and-sync`)).status).toBe(409);
  });

  it('unlock-and-sync with conflicts changes nothing; with accept it unlocks and takes what is available', async () => {
    const { body: customized } = await api('PUT', '/subscriptions/sub-00006/values', { resources: { max_box: 7 } });
    expect(customized.syncState).toBe('locked');
    const before = exported();
    const failed = await api('POST', '/subscriptions/sub-00006/unlock-and-sync');
    expect(failed.body.outcome).toBe('conflicts');
    expect(exported()).toBe(before);
    const ok = await api('POST', '/subscriptions/sub-00006/unlock-and-sync', { accept: 'available' });
    expect(ok.body.subscription).toMatchObject({ syncState: 'unsynced', locked: false });
    expect(ok.body.subscription.values.resources.max_box).toBe(200);
  });
});

describe('POST /subscriptions/:id/suspend|activate', () => {
  it('changes the status, never the sync state', async () => {
    const locked = await byDomain('schneider-consulting.com');
    const suspended = await api('POST', `/subscriptions/${locked.id}/suspend`);
    expect(suspended.body).toMatchObject({ status: 'suspended', syncState: 'locked' });
    const active = await api('POST', `/subscriptions/${locked.id}/activate`);
    expect(active.body).toMatchObject({ status: 'active', syncState: 'locked' });
    expect((await api('POST', '/subscriptions/sub-00404/suspend')).status).toBe(404);
  });
});

describe('POST /subscriptions/bulk', () => {
  it('each id succeeds or fails alone', async () => {
    const { status, body } = await api('POST', '/subscriptions/bulk', { action: 'sync', ids: ['sub-00001', 'sub-00006', 'sub-00404', 'sub-00011'] });
    expect(status).toBe(200);
    const [ok, conflicts, missing, custom] = body.results;
    expect(ok).toEqual({ id: 'sub-00001', ok: true, syncState: 'synced' });
    expect(conflicts).toMatchObject({ id: 'sub-00006', ok: false, status: 409, title: 'Synchronization failed' });
    expect(conflicts.conflicts.length).toBeGreaterThan(0);
    expect(missing).toMatchObject({ id: 'sub-00404', ok: false, status: 404 });
    expect(custom).toMatchObject({ id: 'sub-00011', ok: false, status: 409 });
  });

  it('change-plan: to another plan (unlocks) or to none (Custom)', async () => {
    const locked = await byDomain('schneider-consulting.com');
    const { body } = await api('POST', '/subscriptions/bulk', {
      action: 'change-plan',
      ids: [locked.id, 'sub-00001'],
      planId: 'plan-0002',
      addonIds: ['plan-0005'],
    });
    expect(body.results).toEqual([
      { id: locked.id, ok: true, syncState: 'synced' },
      { id: 'sub-00001', ok: true, syncState: 'synced' },
    ]);
    expect((await api('GET', '/subscriptions/sub-00001')).body).toMatchObject({ planName: 'Business', addonIds: ['plan-0005'] });
    const custom = await api('POST', '/subscriptions/bulk', { action: 'change-plan', ids: ['sub-00001'], planId: null });
    expect(custom.body.results).toEqual([{ id: 'sub-00001', ok: true, syncState: 'custom' }]);
    expect((await api('GET', '/subscriptions/sub-00001')).body.addonIds).toEqual([]);
  });

  it('change-subscriber, suspend, activate, remove', async () => {
    const moved = await api('POST', '/subscriptions/bulk', { action: 'change-subscriber', ids: ['sub-00001', 'sub-00002'], ownerId: 'cus-0007' });
    expect(moved.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect((await items('customerId=cus-0007')).map((s) => s.id)).toEqual(expect.arrayContaining(['sub-00001', 'sub-00002']));
    const toReseller = await api('POST', '/subscriptions/bulk', { action: 'change-subscriber', ids: ['sub-00001'], ownerId: null });
    expect(toReseller.body.results[0].ok).toBe(true);
    expect((await api('GET', '/subscriptions/sub-00001')).body.ownerName).toBe('Northwind Hosting');
    await api('POST', '/subscriptions/bulk', { action: 'suspend', ids: ['sub-00001', 'sub-00002'] });
    expect((await items('status=suspended')).map((s) => s.id)).toEqual(expect.arrayContaining(['sub-00001', 'sub-00002']));
    await api('POST', '/subscriptions/bulk', { action: 'activate', ids: ['sub-00001'] });
    expect((await api('GET', '/subscriptions/sub-00001')).body.status).toBe('active');
    const removed = await api('POST', '/subscriptions/bulk', { action: 'remove', ids: ['sub-00001', 'sub-00404'] });
    expect(removed.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
    expect((await api('GET', '/subscriptions')).body.total).toBe(24);
  });

  it('422 for bad parameters (the whole request), nothing changes', async () => {
    const before = exported();
    expect((await api('POST', '/subscriptions/bulk', { action: 'change-plan', ids: ['sub-00001'] })).body.errors).toHaveProperty('planId');
    expect((await api('POST', '/subscriptions/bulk', { action: 'change-plan', ids: ['sub-00001'], planId: 'plan-0404' })).status).toBe(422);
    expect((await api('POST', '/subscriptions/bulk', { action: 'change-subscriber', ids: ['sub-00001'], ownerId: 'cus-0404' })).status).toBe(422);
    expect((await api('POST', '/subscriptions/bulk', { action: 'explode', ids: ['sub-00001'] })).status).toBe(422);
    expect((await api('POST', '/subscriptions/bulk', { action: 'remove', ids: [] })).status).toBe(422);
    expect((await api('POST', '/subscriptions/bulk', 'nope')).status).toBe(400);
    expect(exported()).toBe(before);
  });
});
