// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { api, exported, setupMockApi } from '../test-helpers';

setupMockApi();

const newCustomer = {
  contactName: 'Zoé Lambert',
  companyName: 'Lambert & Fils',
  login: 'zlambert',
  password: 'correct-horse',
  email: 'zoe@lambert.example',
  country: 'FR',
};

describe('GET /customers', () => {
  it('lists with paging, a subscription count and an etag per item, sorted by contact name', async () => {
    const { status, body } = await api('GET', '/customers?pageSize=3&page=3');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 8, page: 3, pageSize: 3 });
    expect(body.items).toHaveLength(2);
    const all = (await api('GET', '/customers')).body.items;
    expect(all.map((c: { contactName: string }) => c.contactName)).toEqual([
      'Alice Martin',
      'Bernd Schneider',
      'Carla Rossi',
      'David Chen',
      'Emma Johansson',
      'Farid Haddad',
      "Gráinne O'Brien",
      'Hiroshi Tanaka',
    ]);
    expect(all[0]).toMatchObject({ id: 'cus-0001', subscriptionCount: 3, etag: expect.stringMatching(/^W\/"\d+"$/) });
    expect(all[0]).not.toHaveProperty('password');
  });

  it('searches name, company, login and email, ignoring case and accents', async () => {
    const q = async (text: string) => (await api('GET', `/customers?q=${encodeURIComponent(text)}`)).body.items.map((c: { login: string }) => c.login);
    expect(await q('SCHNEIDER')).toEqual(['bschneider']);
    expect(await q('trattoria')).toEqual(['crossi']);
    expect(await q('htanaka')).toEqual(['htanaka']);
    expect(await q('obrien-law.ie')).toEqual(['gobrien']);
    expect(await q('grainne')).toEqual(['gobrien']);
    expect(await q('nobody')).toEqual([]);
  });

  it('filters by status and sorts by any column in both orders', async () => {
    const suspended = await api('GET', '/customers?status=suspended');
    expect(suspended.body.items.map((c: { login: string }) => c.login)).toEqual(['htanaka']);
    const byCountry = await api('GET', '/customers?sort=country&order=desc');
    expect(byCountry.body.items[0].country).toBe('SE');
    const byCount = await api('GET', '/customers?sort=subscriptionCount&order=desc');
    const counts = byCount.body.items.map((c: { subscriptionCount: number }) => c.subscriptionCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const sort of ['companyName', 'login', 'email', 'status', 'createdAt']) {
      expect((await api('GET', `/customers?sort=${sort}`)).status).toBe(200);
    }
  });

  it.each([
    ['sort=password', 'sort'],
    ['order=up', 'order'],
    ['pageSize=501', 'pageSize'],
    ['page=0', 'page'],
    ['status=deleted', 'status'],
  ])('refuses %s with 422 naming the parameter', async (query, param) => {
    const { status, body, headers } = await api('GET', `/customers?${query}`);
    expect(status).toBe(422);
    expect(headers.get('Content-Type')).toContain('application/problem+json');
    expect(Object.keys(body.errors)).toEqual([param]);
  });
});

describe('POST /customers', () => {
  it('creates a customer (201, ETag, no password)', async () => {
    const { status, body, etag } = await api('POST', '/customers', newCustomer);
    expect(status).toBe(201);
    expect(etag).toMatch(/^W\/"\d+"$/);
    expect(body).toMatchObject({ id: 'cus-0009', login: 'zlambert', status: 'active', subscriptionCount: 0, phone: '' });
    expect(body).not.toHaveProperty('password');
    expect((await api('GET', '/customers/cus-0009')).body.contactName).toBe('Zoé Lambert');
  });

  it('422 with field errors and codes; nothing is created', async () => {
    const before = exported();
    const { status, body } = await api('POST', '/customers', { contactName: '', login: 'Bad Login', password: 'short', email: 'nope' });
    expect(status).toBe(422);
    expect(body).toMatchObject({ status: 422, title: 'Validation failed' });
    expect(Object.keys(body.errors).sort()).toEqual(['contactName', 'email', 'login', 'password']);
    expect(body.errors.password[0]).toMatch(/at least 8/);
    expect(body.issues).toContainEqual({ path: 'login', code: 'invalid_login' });
    expect(exported()).toBe(before);
  });

  it('409 on a duplicate login, with errors.login', async () => {
    const before = exported();
    const { status, body } = await api('POST', '/customers', { ...newCustomer, login: 'amartin' });
    expect(status).toBe(409);
    expect(body.errors.login).toHaveLength(1);
    expect(body.issues).toEqual([{ path: 'login', code: 'taken' }]);
    expect(exported()).toBe(before);
  });

  it('409 beyond max_cl; 403 without the permission to create customers', async () => {
    await api('PATCH', '/_mock/provider', { limits: { max_cl: 8 } });
    const before = exported();
    const full = await api('POST', '/customers', newCustomer);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ limit: 'max_cl', allocated: 8 });
    expect(exported()).toBe(before);
    await api('PATCH', '/_mock/provider', { limits: { max_cl: -1 }, permissions: { create_clients: false } });
    expect((await api('POST', '/customers', newCustomer)).status).toBe(403);
  });

  it('400 on malformed JSON or no body', async () => {
    expect((await api('POST', '/customers', '{"contactName":')).status).toBe(400);
    expect((await api('POST', '/customers')).status).toBe(400);
  });
});

describe('GET|PATCH|DELETE /customers/:id', () => {
  it('GET returns the record with its ETag; 404 for an unknown id', async () => {
    const { status, body, etag } = await api('GET', '/customers/cus-0002');
    expect(status).toBe(200);
    expect(body.companyName).toBe('Schneider Consulting GmbH');
    expect(etag).toMatch(/^W\//);
    const missing = await api('GET', '/customers/cus-9999');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('cus-9999');
  });

  it('PATCH merges a partial object and changes the ETag', async () => {
    const { etag } = await api('GET', '/customers/cus-0002');
    const patched = await api('PATCH', '/customers/cus-0002', { city: 'Potsdam', password: 'new-password' }, { 'If-Match': etag! });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ city: 'Potsdam', contactName: 'Bernd Schneider' });
    expect(patched.body).not.toHaveProperty('password');
    expect(patched.etag).not.toBe(etag);
  });

  it('PATCH with a stale If-Match is refused with 412 and changes nothing', async () => {
    const { etag } = await api('GET', '/customers/cus-0002');
    await api('PATCH', '/customers/cus-0002', { city: 'Potsdam' });
    const before = exported();
    const stale = await api('PATCH', '/customers/cus-0002', { city: 'Bonn' }, { 'If-Match': etag! });
    expect(stale.status).toBe(412);
    expect(exported()).toBe(before);
  });

  it('PATCH: 422 on a bad field, 409 on a taken login, 404 on an unknown id', async () => {
    const before = exported();
    expect((await api('PATCH', '/customers/cus-0002', { country: 'XX' })).body.errors).toHaveProperty('country');
    expect((await api('PATCH', '/customers/cus-0002', { login: 'amartin' })).status).toBe(409);
    expect((await api('PATCH', '/customers/cus-0099', { city: 'X' })).status).toBe(404);
    expect(exported()).toBe(before);
    // Its own login is not a duplicate.
    expect((await api('PATCH', '/customers/cus-0002', { login: 'bschneider' })).status).toBe(200);
  });

  it('DELETE removes the customer, all its subscriptions and their websites', async () => {
    const subs = (await api('GET', '/subscriptions?customerId=cus-0001')).body;
    expect(subs.total).toBe(3);
    const websites = subs.items.reduce((n: number, s: { websites: string[] }) => n + s.websites.length, 0);
    const { status, body } = await api('DELETE', '/customers/cus-0001');
    expect(status).toBe(200);
    expect(body).toEqual({ id: 'cus-0001', removed: { customers: 1, subscriptions: 3, websites } });
    expect((await api('GET', '/customers/cus-0001')).status).toBe(404);
    expect((await api('GET', '/subscriptions?customerId=cus-0001')).body.total).toBe(0);
    expect((await api('GET', '/subscriptions')).body.total).toBe(22);
    expect((await api('DELETE', '/customers/cus-0001')).status).toBe(404);
  });

  it('DELETE with a stale If-Match changes nothing', async () => {
    const before = exported();
    expect((await api('DELETE', '/customers/cus-0003', undefined, { 'If-Match': 'W/"1"' })).status).toBe(412);
    expect(exported()).toBe(before);
  });
});

describe('POST /customers/:id/suspend|activate', () => {
  it('changes the status only', async () => {
    const suspended = await api('POST', '/customers/cus-0003/suspend');
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    expect(suspended.etag).toMatch(/^W\//);
    expect((await api('POST', '/customers/cus-0003/activate')).body.status).toBe('active');
    expect((await api('POST', '/customers/cus-0042/activate')).status).toBe(404);
  });
});
