// @vitest-environment node
/**
 * Hostile input through the API (issue 13): imports that pass shape checks but break a field
 * rule (class 4), requests that would carry unbounded work (class 8), and HTTP details (class 9:
 * 405 with Allow). Each tries many members of its class.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REQUEST_LIMITS } from '../../domain/limits';
import { parseFailureRateText, parseLatencyText } from '../../domain/schemas';
import { api, exported, setupMockApi } from '../test-helpers';

setupMockApi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
/** [what, where it is reported, how the exported document is broken] */
const BREAKS: [string, string, (doc: Doc) => void][] = [
  ['counter 1e308', 'counters.customers', (d) => (d.counters.customers = 1e308)],
  ['negative counter', 'counters.plans', (d) => (d.counters.plans = -1)],
  ['fractional counter', 'counters.subscriptions', (d) => (d.counters.subscriptions = 2.5)],
  ['counter as text', 'counters.customers', (d) => (d.counters.customers = '9')],
  ['login with a space', 'customers.0.login', (d) => (d.customers[0].login = 'a martin')],
  ['login in capitals', 'customers.1.login', (d) => (d.customers[1].login = 'Bernd')],
  ['empty login', 'customers.2.login', (d) => (d.customers[2].login = '')],
  ['email without domain', 'customers.0.email', (d) => (d.customers[0].email = 'amartin@')],
  ['email with spaces', 'customers.3.email', (d) => (d.customers[3].email = 'a b@c.fr')],
  ['unknown country', 'customers.0.country', (d) => (d.customers[0].country = 'XX')],
  ['country in lowercase', 'customers.0.country', (d) => (d.customers[0].country = 'fr')],
  ['contact name too long', 'customers.0.contactName', (d) => (d.customers[0].contactName = 'x'.repeat(61))],
  ['contact name of zero-width spaces', 'customers.0.contactName', (d) => (d.customers[0].contactName = '\u200b\u200b')],
  ['bidi override in a company', 'customers.0.companyName', (d) => (d.customers[0].companyName = 'Acme\u202eevil')],
  ['phone with letters', 'customers.0.phone', (d) => (d.customers[0].phone = 'call me')],
  ['impossible creation date', 'customers.0.createdAt', (d) => (d.customers[0].createdAt = '2025-02-30T00:00:00Z')],
  ['creation date as text', 'customers.0.createdAt', (d) => (d.customers[0].createdAt = 'yesterday')],
  ['unknown status', 'customers.0.status', (d) => (d.customers[0].status = 'deleted')],
  ['duplicate login', 'customers.1.login', (d) => (d.customers[1].login = d.customers[0].login)],
  ['bad domain', 'subscriptions.0.domain', (d) => (d.subscriptions[0].domain = 'bad..example.com')],
  ['domain as an IP address', 'subscriptions.0.domain', (d) => (d.subscriptions[0].domain = '10.0.0.1')],
  ['domain with a space', 'subscriptions.0.domain', (d) => (d.subscriptions[0].domain = 'my shop.com')],
  [
    'duplicate domain',
    'subscriptions.1.websites.0',
    (d) => {
      d.subscriptions[1].domain = d.subscriptions[0].domain;
      d.subscriptions[1].websites[0] = d.subscriptions[0].domain;
    },
  ],
  [
    'more websites than max_site',
    'subscriptions.0.websites',
    (d) => {
      d.subscriptions[0].values.resources.max_site = 2;
      d.subscriptions[0].websites = [d.subscriptions[0].domain, ...Array.from({ length: 5000 }, (_, i) => `extra-${i}.example.org`)];
    },
  ],
  ['a website that is not a domain', 'subscriptions.0.websites.1', (d) => (d.subscriptions[0].websites = [d.subscriptions[0].domain, 'not a domain'])],
  ['no websites', 'subscriptions.0.websites', (d) => (d.subscriptions[0].websites = [])],
  ['resource 1e308', 'subscriptions.0.values.resources.max_box', (d) => (d.subscriptions[0].values.resources.max_box = 1e308)],
  ['resource below -1', 'plans.0.values.resources.disk_space', (d) => (d.plans[0].values.resources.disk_space = -5)],
  ['fractional resource', 'plans.0.values.resources.max_db', (d) => (d.plans[0].values.resources.max_db = 1.5)],
  ['expiration not a date', 'plans.0.values.resources.expiration', (d) => (d.plans[0].values.resources.expiration = '2026-13-01')],
  ['negative usage', 'subscriptions.0.usage.disk_space', (d) => (d.subscriptions[0].usage.disk_space = -1)],
  ['usage 1e308', 'subscriptions.0.usage.max_traffic', (d) => (d.subscriptions[0].usage.max_traffic = 1e308)],
  ['bad expiry date', 'subscriptions.0.expiresAt', (d) => (d.subscriptions[0].expiresAt = 'never')],
  ['ip address not in the pool', 'subscriptions.0.ipAddress', (d) => (d.subscriptions[0].ipAddress = '198.51.100.77')],
  ['bad system user', 'subscriptions.0.systemUser', (d) => (d.subscriptions[0].systemUser = 'Root!')],
  ['unknown owner', 'subscriptions.0.ownerId', (d) => (d.subscriptions[0].ownerId = 'constructor')],
  ['unknown plan', 'subscriptions.0.planId', (d) => (d.subscriptions[0].planId = '__proto__')],
  ['plan name of soft hyphens', 'plans.0.name', (d) => (d.plans[0].name = '\u00ad')],
  ['look-alike plan name', 'plans.1.name', (d) => (d.plans[1].name = d.plans[0].name.toUpperCase())],
  ['reseller limit 1e308', 'reseller.limits.max_cl', (d) => (d.reseller.limits.max_cl = 1e308)],
  ['reseller pool address', 'reseller.ipPool.0.address', (d) => (d.reseller.ipPool[0].address = 'localhost')],
  ['unknown reseller permission', 'reseller.permissions.root', (d) => (d.reseller.permissions.root = true)],
];

describe('PUT /_mock/state obeys every field rule of the public endpoints', () => {
  it(`refuses each of ${BREAKS.length} broken documents whole, naming the field, and changes nothing`, async () => {
    const { body: state } = await api('GET', '/_mock/state');
    const before = exported();
    for (const [what, path, breakIt] of BREAKS) {
      const doc = structuredClone(state);
      breakIt(doc);
      const res = await api('PUT', '/_mock/state', doc);
      expect(res.status, what).toBe(422);
      expect(res.body.type).toMatch(/\/validation-error$/);
      expect(Object.keys(res.body.errors), what).toContain(path);
      expect(exported(), what).toBe(before);
    }
  });

  it('refuses any combination of breaks (property)', async () => {
    const { body: state } = await api('GET', '/_mock/state');
    const before = exported();
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom(...BREAKS), { minLength: 1, maxLength: 4, selector: (b) => b[0] }), async (breaks) => {
        const doc = structuredClone(state);
        for (const [, , breakIt] of breaks) breakIt(doc);
        const res = await api('PUT', '/_mock/state', doc);
        expect(res.status).toBe(422);
        expect(exported()).toBe(before);
      }),
      { numRuns: 40 },
    );
  });

  it('still imports every scenario it exports, and a create works after it', async () => {
    for (const scenario of ['default', 'empty', 'sync-failure']) {
      await api('POST', '/_mock/reset', { scenario });
      const { body: state } = await api('GET', '/_mock/state');
      expect((await api('PUT', '/_mock/state', state)).status, scenario).toBe(200);
      expect((await api('GET', '/_mock/state')).body).toEqual(state);
    }
    const created = await api('POST', '/customers', { contactName: 'After Import', login: 'afterimport', password: 'long enough' });
    expect(created.status).toBe(201);
  });

  it('imports back whatever the public endpoints created (a plan of 0 domains, markup names, customizations)', async () => {
    const made = await api('POST', '/customers', {
      contactName: '<img src=x onerror="1">',
      companyName: '<b>bold?</b>',
      login: 'hostile',
      password: 'long enough',
    });
    const plan = await api('POST', '/service-plans', { kind: 'hosting', name: '<i>Plan</i> & <u>Co</u>' });
    expect((await api('POST', '/subscriptions', { domain: 'hostile-owner.example', ownerId: made.body.id, planId: plan.body.id })).status).toBe(201);
    expect((await api('PUT', '/subscriptions/sub-00001/values', { resources: { max_site: 0, expiration: '2027-02-28' } })).status).toBe(200);
    expect((await api('POST', '/service-plans/plan-0001/clone')).status).toBe(201);
    expect((await api('PATCH', '/_mock/provider', { limits: { max_cl: 1 }, oversell: false })).status).toBe(200);
    const { body: state } = await api('GET', '/_mock/state');
    const res = await api('PUT', '/_mock/state', state);
    expect(res.status, JSON.stringify(res.body.errors)).toBe(200);
    expect((await api('GET', '/_mock/state')).body).toEqual(state);
  });
});

describe('requests carry bounded work', () => {
  it(`refuses a bulk action of more than ${REQUEST_LIMITS.bulkIds} ids, and a body over ${REQUEST_LIMITS.bodyBytes} bytes`, async () => {
    const before = exported();
    for (const n of [REQUEST_LIMITS.bulkIds + 1, 5_000, 60_000]) {
      const ids = Array.from({ length: n }, (_, i) => `sub-${i}`);
      const res = await api('POST', '/subscriptions/bulk', { action: 'suspend', ids });
      expect(res.status, String(n)).toBe(422);
      expect(res.body.issues).toContainEqual(expect.objectContaining({ path: 'ids', code: 'too_many', params: { max: REQUEST_LIMITS.bulkIds } }));
    }
    for (const n of [100_000, 1_000_000]) {
      const ids = Array.from({ length: n }, (_, i) => `sub-${i}`);
      const res = await api('POST', '/subscriptions/bulk', { action: 'suspend', ids });
      expect(res.status, String(n)).toBe(413);
      expect(res.body).toMatchObject({ type: expect.stringMatching(/\/payload-too-large$/), maxBytes: REQUEST_LIMITS.bodyBytes });
    }
    const big = 'x'.repeat(REQUEST_LIMITS.bodyBytes + 1);
    for (const [method, path] of [
      ['POST', '/customers'],
      ['PATCH', '/customers/cus-0001'],
      ['POST', '/service-plans'],
      ['PUT', '/subscriptions/sub-00001/values'],
    ]) {
      expect((await api(method!, path!, { contactName: big })).status, `${method} ${path}`).toBe(413);
    }
    expect((await api('PUT', '/_mock/state', `{"pad":"${'x'.repeat(REQUEST_LIMITS.importBytes)}"}`)).status).toBe(413);
    expect(exported()).toBe(before);
  });

  it('refuses too many add-ons and an overlong search text with 422', async () => {
    const addonIds = Array.from({ length: REQUEST_LIMITS.addonIds + 1 }, (_, i) => `plan-${i}`);
    const res = await api('POST', '/subscriptions', { domain: 'many-addons.example.com', ownerId: null, planId: 'plan-0001', addonIds });
    expect(res.status).toBe(422);
    expect(res.body.issues).toContainEqual(expect.objectContaining({ path: 'addonIds', code: 'too_many' }));
    for (const list of ['/customers', '/subscriptions', '/service-plans']) {
      const q = await api('GET', `${list}?q=${'a'.repeat(REQUEST_LIMITS.searchText + 1)}`);
      expect(q.status, list).toBe(422);
      expect(q.body.issues[0]).toMatchObject({ path: 'q', code: 'too_long' });
    }
  });
});

describe('HTTP details', () => {
  const KNOWN: [string, string, string[]][] = [
    ['/customers', 'DELETE', ['GET', 'POST', 'HEAD']],
    ['/customers/cus-0001', 'POST', ['GET', 'PATCH', 'DELETE', 'HEAD']],
    ['/customers/cus-0001/suspend', 'GET', ['POST']],
    ['/service-plans', 'PUT', ['GET', 'POST', 'HEAD']],
    ['/service-plans/plan-0001', 'PATCH', ['GET', 'PUT', 'DELETE', 'HEAD']],
    ['/subscriptions/sub-00001/sync', 'GET', ['POST']],
    ['/subscriptions/sub-00001/values', 'GET', ['PUT']],
    ['/reseller', 'POST', ['GET', 'HEAD']],
    ['/_mock/state', 'POST', ['GET', 'PUT', 'HEAD']],
    ['/_mock/reset', 'GET', ['POST']],
    ['/_mock/provider', 'PUT', ['PATCH']],
  ];
  it(`answers a wrong method on ${KNOWN.length} known paths with 405 and Allow, and an unknown path with 404`, async () => {
    const before = exported();
    for (const [path, method, allowed] of KNOWN) {
      const res = await api(method, path, method === 'GET' ? undefined : {});
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.type).toMatch(/\/method-not-allowed$/);
      expect(new Set(res.headers.get('allow')!.split(', '))).toEqual(new Set(allowed));
    }
    expect((await api('GET', '/no-such-thing')).status).toBe(404);
    expect((await api('DELETE', '/customers/cus-0001/nothing')).status).toBe(404);
    expect(exported()).toBe(before);
  });

  it('reads latency and failure rate text one way (the tools form and the URL share it)', () => {
    for (const bad of ['0x10', '1e3', ' ', '', 'Infinity', '-0', '10001', '1.5', '+5', '0b1', '１０']) expect(parseLatencyText(bad), bad).toBeUndefined();
    for (const [text, value] of [
      ['0', 0],
      ['250', 250],
      [' 10000 ', 10_000],
    ] as const)
      expect(parseLatencyText(text)).toBe(value);
    for (const bad of ['0x1', '1e-1', '', 'NaN', '1.01', '-0.1', '.', '2']) expect(parseFailureRateText(bad), bad).toBeUndefined();
    for (const [text, value] of [
      ['0', 0],
      ['1', 1],
      ['0.25', 0.25],
      ['0,5', 0.5],
      ['.5', 0.5],
    ] as const)
      expect(parseFailureRateText(text)).toBe(value);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => parseLatencyText(String(n)) === n));
    fc.assert(fc.property(fc.integer({ min: 1, max: 0xffff }), (n) => parseLatencyText(`0x${n.toString(16)}`) === undefined));
  });
});
