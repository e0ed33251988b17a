// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { api, setupMockApi } from '../test-helpers';

setupMockApi();

const GB = 1024 ** 3;
type Site = { name: string; kind: string; parent: string | null; aliases: string[]; usage: { disk_space: number; max_traffic: number } };
const idOf = async (domain: string): Promise<string> =>
  (await api('GET', `/subscriptions?q=${domain}&pageSize=500`)).body.items.find((s: { domain: string }) => s.domain === domain).id;
const sub = async (id: string) => (await api('GET', `/subscriptions/${id}`)).body;
/** Gives a subscription small limits of its own (a Customize). */
const limits = (id: string, resources: Record<string, number | string>) => api('PUT', `/subscriptions/${id}/values`, { resources });

describe('GET /subscriptions/:id/websites', () => {
  it('lists domains, subdomains and aliases with their usage, main domain first', async () => {
    const id = await idOf('pacific-imports.co.uk');
    const { status, body, etag } = await api('GET', `/subscriptions/${id}/websites`);
    expect(status).toBe(200);
    expect(etag).toMatch(/^W\//);
    const items = body.items as Site[];
    expect(items.map((w) => [w.name, w.kind, w.parent])).toEqual([
      ['pacific-imports.co.uk', 'domain', null],
      ['shop.pacific-imports.co.uk', 'subdomain', 'pacific-imports.co.uk'],
      ['pacific-imports.com', 'domain', null],
    ]);
    expect(items[0]!.aliases).toEqual(['pacific-imports.uk']);
    expect(items[2]!.aliases).toEqual(['pacificimports.com']);
    const s = await sub(id);
    expect(s.usage.disk_space).toBe(items.reduce((n, w) => n + w.usage.disk_space, 0));
    expect(s.usage).toMatchObject({ max_site: 2, max_subdom: 1, max_dom_aliases: 2 });
  });

  it('404 for an unknown subscription, whatever its id looks like', async () => {
    for (const id of ['sub-99999', 'constructor', '__proto__']) expect((await api('GET', `/subscriptions/${id}/websites`)).status).toBe(404);
  });
});

describe('POST /subscriptions/:id/websites', () => {
  it('adds a domain and a subdomain starting at 0 usage; beyond the limit → 409 naming it, nothing added', async () => {
    const id = await idOf('martin-bakery.fr');
    await limits(id, { max_site: 2, max_subdom: 1 });
    const added = await api('POST', `/subscriptions/${id}/websites`, { name: 'Boulangerie-Martin.com', kind: 'domain' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ name: 'boulangerie-martin.com', kind: 'domain', parent: null, aliases: [], usage: { disk_space: 0, max_traffic: 0 } });
    const over = await api('POST', `/subscriptions/${id}/websites`, { name: 'third.example', kind: 'domain' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({
      type: expect.stringMatching(/limit-reached$/),
      limit: 'max_site',
      allowed: 2,
      issues: [{ path: 'name', code: 'limit_max_site', params: { limit: 2 } }],
    });
    expect(over.body.detail).toContain('Domains');
    const subdomain = await api('POST', `/subscriptions/${id}/websites`, { name: 'blog.boulangerie-martin.com', kind: 'subdomain' });
    expect(subdomain.body).toMatchObject({ kind: 'subdomain', parent: 'boulangerie-martin.com' });
    const overSub = await api('POST', `/subscriptions/${id}/websites`, { name: 'shop.martin-bakery.fr.example', kind: 'subdomain' });
    expect(overSub.status).toBe(422);
    const overSub2 = await api('POST', `/subscriptions/${id}/websites`, { name: 'news.martin-bakery.fr', kind: 'subdomain' });
    expect(overSub2).toMatchObject({ status: 409, body: { limit: 'max_subdom' } });
    expect((await sub(id)).websites).toEqual(['martin-bakery.fr', 'boulangerie-martin.com', 'blog.boulangerie-martin.com']);
  });

  it("a subdomain must end in one of the subscription's domains (422)", async () => {
    const id = await idOf('schneider-consulting.de');
    const r = await api('POST', `/subscriptions/${id}/websites`, { name: 'blog.example.org', kind: 'subdomain' });
    expect(r).toMatchObject({ status: 422, body: { issues: [{ path: 'name', code: 'subdomain_outside' }] } });
  });

  it('names are unique across the panel: subscriptions, websites and aliases (409)', async () => {
    const id = await idOf('schneider-consulting.de');
    for (const name of ['martin-bakery.fr', 'shop.pacific-imports.co.uk', 'pacific-imports.uk', 'blog.schneider-consulting.de']) {
      const kind = name.endsWith('.schneider-consulting.de') ? 'subdomain' : 'domain';
      const r = await api('POST', `/subscriptions/${id}/websites`, { name, kind });
      expect(r, name).toMatchObject({ status: 409, body: { issues: [{ path: 'name', code: 'taken' }] } });
    }
    // …and a new subscription cannot be named after an alias or a website either.
    const created = await api('POST', '/subscriptions', { domain: 'pacificimports.com', ownerId: null, planId: 'plan-0001' });
    expect(created.status).toBe(409);
  });

  it('422 for a bad name or kind, 400 for malformed JSON', async () => {
    const id = await idOf('schneider-consulting.de');
    expect((await api('POST', `/subscriptions/${id}/websites`, { name: 'not a domain', kind: 'domain' })).status).toBe(422);
    expect((await api('POST', `/subscriptions/${id}/websites`, { name: 'ok.example', kind: 'alias' })).status).toBe(422);
    expect((await api('POST', `/subscriptions/${id}/websites`, '{')).status).toBe(400);
  });
});

describe('DELETE /subscriptions/:id/websites/:name', () => {
  it('removes a domain with its subdomains and aliases and says which', async () => {
    const id = await idOf('pacific-imports.co.uk');
    await api('POST', `/subscriptions/${id}/websites`, { name: 'blog.pacific-imports.com', kind: 'subdomain' });
    const r = await api('DELETE', `/subscriptions/${id}/websites/pacific-imports.com`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      name: 'pacific-imports.com',
      removed: { websites: ['pacific-imports.com', 'blog.pacific-imports.com'], aliases: ['pacificimports.com'] },
    });
    expect((await sub(id)).websites).toEqual(['pacific-imports.co.uk', 'shop.pacific-imports.co.uk']);
    // The names are free again.
    const other = await idOf('schneider-consulting.de');
    await limits(other, { max_site: 3 });
    expect((await api('POST', `/subscriptions/${other}/websites`, { name: 'pacific-imports.com', kind: 'domain' })).status).toBe(201);
  });

  it('the main domain cannot be removed alone (409); unknown names 404', async () => {
    const id = await idOf('pacific-imports.co.uk');
    expect((await api('DELETE', `/subscriptions/${id}/websites/pacific-imports.co.uk`)).body).toMatchObject({ status: 409, code: 'main_domain' });
    expect((await api('DELETE', `/subscriptions/${id}/websites/nothing.example`)).status).toBe(404);
    expect((await api('DELETE', `/subscriptions/${id}/websites/constructor`)).status).toBe(404);
  });
});

describe('aliases', () => {
  it('adds aliases to a domain up to the limit, refuses them on a subdomain, removes one', async () => {
    const id = await idOf('schneider-consulting.de');
    await limits(id, { max_dom_aliases: 1 });
    const added = await api('POST', `/subscriptions/${id}/websites/schneider-consulting.de/aliases`, { name: 'schneider-beratung.de' });
    expect(added).toMatchObject({ status: 201, body: { name: 'schneider-consulting.de', aliases: ['schneider-beratung.de'] } });
    const over = await api('POST', `/subscriptions/${id}/websites/schneider-consulting.de/aliases`, { name: 'schneider.example' });
    expect(over).toMatchObject({ status: 409, body: { limit: 'max_dom_aliases', allowed: 1 } });
    const onSub = await api('POST', `/subscriptions/${id}/websites/blog.schneider-consulting.de/aliases`, { name: 'x.example' });
    expect(onSub).toMatchObject({ status: 422, body: { issues: [{ code: 'not_a_domain' }] } });
    expect((await api('POST', `/subscriptions/${id}/websites/none.example/aliases`, { name: 'x.example' })).status).toBe(404);
    const removed = await api('DELETE', `/subscriptions/${id}/websites/schneider-consulting.de/aliases/schneider-beratung.de`);
    expect(removed.status).toBe(200);
    expect(removed.body.items[0].aliases).toEqual([]);
    expect((await api('DELETE', `/subscriptions/${id}/websites/schneider-consulting.de/aliases/schneider-beratung.de`)).status).toBe(404);
  });
});

describe('PATCH /_mock/usage and overuse', () => {
  it('usage above the limit makes a subscription Overused; its policy suspends it or not', async () => {
    const id = await idOf('obrien-law.ie'); // Starter, policy "normal": suspended when disk space reaches the limit
    const r = await api('PATCH', '/_mock/usage', { subscriptionId: id, website: 'obrien-law.ie', disk_space: 6 * GB });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ overused: ['disk_space'], status: 'suspended', suspendedBy: ['overuse'], usage: { disk_space: 6 * GB } });
    const back = await api('PATCH', '/_mock/usage', { subscriptionId: id, website: 'obrien-law.ie', disk_space: GB });
    expect(back.body).toMatchObject({ overused: [], status: 'active', suspendedBy: [] });
    // "Overuse is allowed": Overused, still active.
    const own = await idOf('northwind-status.net');
    expect(await sub(own)).toMatchObject({ overused: ['disk_space'], status: 'active', suspendedBy: [] });
  });

  it('422 for bad figures, 404 for an unknown subscription or website', async () => {
    const id = await idOf('obrien-law.ie');
    expect((await api('PATCH', '/_mock/usage', { subscriptionId: id, website: 'obrien-law.ie', disk_space: -1 })).status).toBe(422);
    expect((await api('PATCH', '/_mock/usage', { subscriptionId: id, website: 'obrien-law.ie', extra: 1 })).status).toBe(422);
    expect((await api('PATCH', '/_mock/usage', { subscriptionId: id, website: 'nowhere.example', disk_space: 1 })).status).toBe(404);
    expect((await api('PATCH', '/_mock/usage', { subscriptionId: 'sub-99999', website: 'x.example', disk_space: 1 })).status).toBe(404);
  });

  it('a plan edit that lowers disk space below usage applies the policy at once and reports who became Overused', async () => {
    const r = await api('PUT', '/service-plans/plan-0001', { values: { resources: { disk_space: 10 * 1024 * 1024 } } });
    expect(r.status).toBe(200);
    expect(r.body.report.overused.length).toBeGreaterThan(0);
    expect(r.body.report.overused[0]).toEqual({ id: expect.any(String), domain: expect.any(String) });
    const s = await sub(r.body.report.overused[0].id);
    expect(s).toMatchObject({ overused: ['disk_space'], status: 'suspended' });
    expect(s.suspendedBy).toContain('overuse');
  });
});

describe('suspension reasons', () => {
  it('suspending a customer suspends its subscriptions; activating it lifts only that reason', async () => {
    await api('POST', '/customers/cus-0001/suspend');
    const own = (await api('GET', '/subscriptions?customerId=cus-0001')).body.items as { domain: string; suspendedBy: string[]; status: string }[];
    expect(own.every((s) => s.status === 'suspended' && s.suspendedBy.includes('customer'))).toBe(true);
    expect(own.find((s) => s.domain === 'bakery-events.fr')?.suspendedBy).toEqual(['reseller', 'customer']);
    await api('POST', '/customers/cus-0001/activate');
    const after = (await api('GET', '/subscriptions?customerId=cus-0001')).body.items as { domain: string; suspendedBy: string[]; status: string }[];
    expect(after.map((s) => [s.domain, s.status, s.suspendedBy])).toEqual(
      expect.arrayContaining([
        ['bakery-events.fr', 'suspended', ['reseller']],
        ['martin-bakery.fr', 'active', []],
      ]),
    );
  });

  it("Activate lifts only the reseller's reason: a subscription of a suspended customer stays suspended", async () => {
    const id = await idOf('tanaka-studio.jp');
    expect(await sub(id)).toMatchObject({ status: 'suspended', suspendedBy: ['customer'] });
    await api('POST', `/subscriptions/${id}/suspend`);
    expect((await sub(id)).suspendedBy).toEqual(['reseller', 'customer']);
    const activated = await api('POST', `/subscriptions/${id}/activate`);
    expect(activated.body).toMatchObject({ status: 'suspended', suspendedBy: ['customer'] });
    const bulk = await api('POST', '/subscriptions/bulk', { action: 'activate', ids: [id] });
    expect(bulk.body.results[0]).toMatchObject({ ok: true, suspendedBy: ['customer'] });
  });
});

describe('the mock clock', () => {
  it('starts at the reference date; PUT moves it and applies expirations; a later expiration lifts it', async () => {
    expect((await api('GET', '/_mock/clock')).body).toEqual({ now: '2026-01-01T00:00:00.000Z' });
    const id = await idOf('portfolio.nordicdesign.se'); // expires 2026-01-20
    expect(await sub(id)).toMatchObject({ status: 'active', expiresAt: '2026-01-20' });
    const moved = await api('PUT', '/_mock/clock', { now: '2026-02-01' });
    expect(moved.body).toEqual({ now: '2026-02-01T00:00:00.000Z' });
    expect(await sub(id)).toMatchObject({ status: 'suspended', suspendedBy: ['expired'] });
    await limits(id, { expiration: '2026-06-30' });
    expect(await sub(id)).toMatchObject({ status: 'active', suspendedBy: [], expiresAt: '2026-06-30' });
    await limits(id, { expiration: -1 });
    await api('PUT', '/_mock/clock', { now: '2030-01-01T00:00:00Z' });
    expect(await sub(id)).toMatchObject({ status: 'active', expiresAt: null });
    // New records are dated by the clock.
    const made = await api('POST', '/subscriptions', { domain: 'clock.example', ownerId: null, planId: 'plan-0001' });
    expect(made.body.createdAt).toBe('2030-01-01T00:00:00.000Z');
  });

  it('422 for a bad date, 400 for malformed JSON; a reset goes back to the reference date', async () => {
    expect((await api('PUT', '/_mock/clock', { now: 'tomorrow' })).status).toBe(422);
    expect((await api('PUT', '/_mock/clock', { now: '2026-13-01' })).status).toBe(422);
    expect((await api('PUT', '/_mock/clock', '{')).status).toBe(400);
    await api('PUT', '/_mock/clock', { now: '2027-01-01' });
    await api('POST', '/_mock/reset', { scenario: 'default' });
    expect((await api('GET', '/_mock/clock')).body.now).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('GET /reseller by oversell policy', () => {
  it('remaining is limit − used with overselling, limit − allocated without', async () => {
    const on = (await api('GET', '/reseller')).body.usage.disk_space;
    expect(on.used).toBeLessThan(on.allocated);
    expect(on.remaining).toBe(Math.max(0, on.limit - on.used));
    const off = (await api('PATCH', '/_mock/provider', { oversell: false })).body.usage.disk_space;
    expect(off.remaining).toBe(Math.max(0, off.limit - off.allocated));
    const sites = (await api('GET', '/reseller')).body.usage.max_site;
    expect(sites.used).toBe(27); // 25 main domains + pacific-imports.com and commandes.martin-bakery.fr
  });
});

describe('property: through the API', () => {
  it("counts never exceed the subscription's limits and no two names in the panel are the same", async () => {
    const { default: fc } = await import('fast-check');
    const pool = [
      'a.example',
      'b.example',
      'www.a.example',
      'www.b.example',
      'martin-bakery.fr',
      'shop.pacific-imports.co.uk',
      'pacific-imports.uk',
      'x.a.example',
    ];
    const op = fc.record({
      kind: fc.constantFrom('domain', 'subdomain', 'alias', 'remove'),
      name: fc.constantFrom(...pool),
      on: fc.constantFrom('schneider-it.eu', 'a.example', 'b.example'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        await api('POST', '/_mock/reset', { scenario: 'default' });
        const id = 'sub-00025'; // schneider-it.eu, Starter
        await limits(id, { max_site: 2, max_subdom: 2, max_dom_aliases: 1 });
        for (const o of ops) {
          if (o.kind === 'alias') await api('POST', `/subscriptions/${id}/websites/${o.on}/aliases`, { name: o.name });
          else if (o.kind === 'remove') await api('DELETE', `/subscriptions/${id}/websites/${o.name}`);
          else await api('POST', `/subscriptions/${id}/websites`, { name: o.name, kind: o.kind });
        }
        const s = await sub(id);
        expect(s.usage.max_site).toBeLessThanOrEqual(2);
        expect(s.usage.max_subdom).toBeLessThanOrEqual(2);
        expect(s.usage.max_dom_aliases).toBeLessThanOrEqual(1);
        const all = (await api('GET', '/subscriptions?pageSize=500')).body.items.flatMap((x: { sites: Site[] }) =>
          x.sites.flatMap((w) => [w.name, ...w.aliases]),
        );
        expect(new Set(all).size).toBe(all.length);
      }),
      { numRuns: 15 },
    );
  });
});
