// @vitest-environment node
/**
 * SPEC §2: an id that names no record is unknown (404), whatever it looks like. Ids naming the
 * members of Object.prototype (and a few other built-ins) go through every endpoint that takes
 * an id, in the path, the body or the query; nothing may be found, changed or removed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api, exported, setupMockApi } from '../test-helpers';

setupMockApi();

/** Every own member of Object.prototype and Function.prototype, and other built-in names. */
export const PROTOTYPE_NAMES: readonly string[] = [
  ...new Set([
    ...Object.getOwnPropertyNames(Object.prototype),
    ...Object.getOwnPropertyNames(Function.prototype),
    ...Object.getOwnPropertyNames(Array.prototype),
    'prototype',
    '__proto__',
    'constructor',
    'then',
    'toJSON',
  ]),
];

const idArbitrary = fc.constantFrom(...PROTOTYPE_NAMES);

/** [method, path] for every endpoint with an id in the path. */
const ID_ENDPOINTS: readonly [string, (id: string) => string, unknown?][] = [
  ['GET', (id) => `/customers/${id}`],
  ['PATCH', (id) => `/customers/${id}`, { city: 'Nowhere' }],
  ['DELETE', (id) => `/customers/${id}`],
  ['POST', (id) => `/customers/${id}/suspend`],
  ['POST', (id) => `/customers/${id}/activate`],
  ['GET', (id) => `/service-plans/${id}`],
  ['PUT', (id) => `/service-plans/${id}`, { values: { resources: { max_box: 1 } } }],
  ['DELETE', (id) => `/service-plans/${id}`],
  ['POST', (id) => `/service-plans/${id}/clone`],
  ['GET', (id) => `/subscriptions/${id}`],
  ['DELETE', (id) => `/subscriptions/${id}`],
  ['PUT', (id) => `/subscriptions/${id}/values`, { resources: { max_box: 1 } }],
  ['POST', (id) => `/subscriptions/${id}/sync`],
  ['POST', (id) => `/subscriptions/${id}/unlock-and-sync`],
  ['POST', (id) => `/subscriptions/${id}/suspend`],
  ['POST', (id) => `/subscriptions/${id}/activate`],
  ['GET', (id) => `/subscriptions/${id}/websites`],
  ['POST', (id) => `/subscriptions/${id}/websites`, { name: 'proto-site.example.com', kind: 'domain' }],
  ['DELETE', (id) => `/subscriptions/${id}/websites/martin-bakery.fr`],
  ['POST', (id) => `/subscriptions/${id}/websites/martin-bakery.fr/aliases`, { name: 'proto-alias.example.com' }],
  ['DELETE', (id) => `/subscriptions/${id}/websites/martin-bakery.fr/aliases/x.example.com`],
  // The same names as a website or an alias of a real subscription.
  ['DELETE', (name) => `/subscriptions/sub-00001/websites/${name}`],
  ['POST', (name) => `/subscriptions/sub-00001/websites/${name}/aliases`, { name: 'proto-alias.example.com' }],
  ['DELETE', (name) => `/subscriptions/sub-00001/websites/martin-bakery.fr/aliases/${name}`],
];

describe('ids naming built-in object members are unknown', () => {
  // ~1,400 requests: 3 s alone, over 5 s when the whole suite shares two cores.
  it(`answers 404 on every id endpoint for ${PROTOTYPE_NAMES.length} names, and changes nothing`, { timeout: 30_000 }, async () => {
    const before = exported();
    for (const name of PROTOTYPE_NAMES) {
      for (const [method, path, body] of ID_ENDPOINTS) {
        const res = await api(method, path(encodeURIComponent(name)), body);
        expect(res.status, `${method} ${path(name)}`).toBe(404);
        expect(res.body.type).toMatch(/\/not-found$/);
      }
    }
    expect(exported()).toBe(before);
  });

  it('are unknown websites to the simulated usage of /_mock/usage (404), by subscription or by name', async () => {
    const before = exported();
    for (const name of PROTOTYPE_NAMES) {
      expect((await api('PATCH', '/_mock/usage', { subscriptionId: name, website: 'martin-bakery.fr', disk_space: 1 })).status, name).toBe(404);
      const byName = await api('PATCH', '/_mock/usage', { website: name, disk_space: 1 });
      expect([404, 422], name).toContain(byName.status);
    }
    expect(exported()).toBe(before);
  });

  it('refuses them as owner, plan or add-on of a new subscription (422 not_found)', async () => {
    await fc.assert(
      fc.asyncProperty(idArbitrary, fc.constantFrom('ownerId', 'planId', 'addonIds'), async (name, field) => {
        const before = exported();
        const body = { domain: 'proto-test.example.com', ownerId: null, planId: 'plan-0001', [field]: field === 'addonIds' ? [name] : name };
        const res = await api('POST', '/subscriptions', body);
        expect(res.status).toBe(422);
        expect(res.body.issues).toContainEqual(expect.objectContaining({ code: 'not_found' }));
        expect(exported()).toBe(before);
      }),
      { numRuns: 60 },
    );
  });

  it('reports them as 404 per id in a bulk action, and refuses them as its plan or owner', async () => {
    const before = exported();
    for (const action of ['suspend', 'activate', 'remove', 'sync'] as const) {
      const res = await api('POST', '/subscriptions/bulk', { action, ids: PROTOTYPE_NAMES });
      expect(res.status).toBe(200);
      for (const result of res.body.results) expect(result).toMatchObject({ ok: false, status: 404 });
    }
    for (const name of PROTOTYPE_NAMES.slice(0, 20)) {
      expect((await api('POST', '/subscriptions/bulk', { action: 'change-plan', ids: ['sub-00001'], planId: name })).status).toBe(422);
      expect((await api('POST', '/subscriptions/bulk', { action: 'change-subscriber', ids: ['sub-00001'], ownerId: name })).status).toBe(422);
    }
    expect(exported()).toBe(before);
  });

  it('filters lists by them to nothing', async () => {
    for (const name of PROTOTYPE_NAMES) {
      const q = encodeURIComponent(name);
      for (const filter of ['customerId', 'planId']) {
        const res = await api('GET', `/subscriptions?${filter}=${q}`);
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(0);
      }
    }
  });

  it('imports a record whose id is such a name as an ordinary record, never as a prototype', async () => {
    const state = (await api('GET', '/_mock/state')).body;
    state.customers[0].id = '__proto__';
    for (const sub of state.subscriptions) if (sub.ownerId === 'cus-0001') sub.ownerId = '__proto__';
    const imported = await api('PUT', '/_mock/state', state);
    expect(imported.status).toBe(200);
    const one = await api('GET', '/customers/__proto__');
    expect(one.status).toBe(200);
    expect(one.body.login).toBe('amartin');
    expect(one.body.subscriptionCount).toBe(3);
    for (const name of PROTOTYPE_NAMES.filter((n) => n !== '__proto__')) {
      expect((await api('GET', `/customers/${encodeURIComponent(name)}`)).status).toBe(404);
    }
    expect((await api('DELETE', '/customers/__proto__')).body.removed).toEqual({ customers: 1, subscriptions: 3, websites: 4 });
    expect((await api('GET', '/customers')).body.total).toBe(7);
  });
});
