// @vitest-environment node
/** The QA hooks of SPEC §2: health, custom data in one reset, and `failOn` fault patterns. */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../domain/openapi';
import { matchesFailOn } from '../../domain/schemas';
import { api, exported, setupMockApi } from '../test-helpers';

setupMockApi();

describe('GET /openapi.json', () => {
  it('serves the OpenAPI document generated from the contract, never failed by faults', async () => {
    await api('PUT', '/_mock/settings', { failureRate: 1 });
    const { status, body } = await api('GET', '/openapi.json');
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(Object.keys(body.paths)).toContain('/subscriptions/{id}/sync');
  });
});

describe('GET /_mock/health', () => {
  it('answers 200 { ready: true }, even with every request set to fail', async () => {
    await api('PUT', '/_mock/settings', { failureRate: 1 });
    const { status, body } = await api('GET', '/_mock/health');
    expect(status).toBe(200);
    expect(body).toEqual({ ready: true });
    expect((await api('GET', '/customers')).status).toBe(503);
  });
});

describe('POST /_mock/reset with custom data', () => {
  it('adds customers, plans and subscriptions in order, on top of the scenario, through the public rules', async () => {
    const { status, body } = await api('POST', '/_mock/reset', {
      scenario: 'empty',
      customers: [{ contactName: 'Ann Lee', login: 'annlee', password: 'secret-123', email: 'ann@example.com' }],
      plans: [{ kind: 'hosting', name: 'QA Plan', values: { resources: { disk_space: 1073741824 } } }],
      subscriptions: [
        { domain: 'qa.example.com', ownerId: 'cus-0001', planId: 'plan-0006' },
        { domain: 'locked.example.com', ownerId: null, planId: 'plan-0006', locked: true, values: { resources: { max_db: 2 } } },
      ],
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      scenario: 'empty',
      counts: { customers: 1, subscriptions: 2 },
      created: { customers: ['cus-0001'], plans: ['plan-0006'], subscriptions: ['sub-00001', 'sub-00002'] },
    });
    const qa = (await api('GET', '/subscriptions/sub-00001')).body;
    expect(qa).toMatchObject({ ownerName: 'Ann Lee', planName: 'QA Plan', syncState: 'synced' });
    expect(qa.values.resources.disk_space).toBe(1073741824);
    const locked = (await api('GET', '/subscriptions/sub-00002')).body;
    expect(locked).toMatchObject({ syncState: 'locked' });
    expect(locked.values.resources.max_db).toBe(2);
  });

  it('adds websites with their aliases to a subscription entry, within its own limits', async () => {
    const { status, body } = await api('POST', '/_mock/reset', {
      scenario: 'empty',
      plans: [{ kind: 'hosting', name: 'Sites', values: { resources: { max_site: 2, max_subdom: 5, max_dom_aliases: 2 } } }],
      subscriptions: [
        {
          domain: 'main.example.com',
          ownerId: null,
          planId: 'plan-0006',
          websites: [
            { name: 'second.example.org', kind: 'domain', aliases: ['second-alias.example.org'] },
            { name: 'blog.main.example.com', kind: 'subdomain' },
          ],
        },
      ],
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const sites = (await api('GET', '/subscriptions/sub-00001/websites')).body.items;
    expect(sites.map((w: { name: string }) => w.name)).toEqual(['main.example.com', 'second.example.org', 'blog.main.example.com']);
    expect(sites[1].aliases).toEqual(['second-alias.example.org']);
    const before = exported();
    const over = await api('POST', '/_mock/reset', {
      scenario: 'empty',
      plans: [{ kind: 'hosting', name: 'One', values: { resources: { max_site: 1 } } }],
      subscriptions: [{ domain: 'a.example.com', ownerId: null, planId: 'plan-0006', websites: [{ name: 'b.example.com', kind: 'domain' }] }],
    });
    expect(over.status).toBe(409);
    expect(Object.keys(over.body.errors)).toEqual(['subscriptions.0.websites.0.name']);
    expect(exported()).toBe(before);
  });

  it('is all or nothing: a refused entry names its index, and the store is as it was before', async () => {
    const before = exported();
    const cases: Array<[object, number, string]> = [
      [
        {
          customers: [
            { contactName: 'A', login: 'ok1', password: 'secret-123' },
            { contactName: 'B', login: 'Bad Login', password: 'secret-123' },
          ],
        },
        422,
        'customers.1.login',
      ],
      [
        {
          customers: [
            { contactName: 'A', login: 'twin', password: 'secret-123' },
            { contactName: 'B', login: 'twin', password: 'secret-123' },
          ],
        },
        409,
        'customers.1.login',
      ],
      [{ plans: [{ kind: 'hosting', name: 'Starter' }] }, 409, 'plans.0.name'],
      [{ subscriptions: [{ domain: 'x.example.com', ownerId: 'cus-0099', planId: null }] }, 422, 'subscriptions.0.ownerId'],
      [{ subscriptions: [{ domain: 'not a domain', ownerId: null, planId: null }] }, 422, 'subscriptions.0.domain'],
      [{ subscriptions: [{ domain: 'z.example.com', ownerId: 'constructor', planId: null }] }, 422, 'subscriptions.0.ownerId'],
      [
        { subscriptions: [{ domain: 'y.example.com', ownerId: null, planId: 'plan-0001', values: { resources: { disk_space: 10 ** 15 } } }] },
        422,
        'subscriptions.0.values.resources.disk_space',
      ],
    ];
    for (const [extra, status, path] of cases) {
      const res = await api('POST', '/_mock/reset', { scenario: 'default', ...extra });
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(Object.keys(res.body.errors ?? {}), JSON.stringify(res.body)).toContain(path);
      expect(res.body.detail).toMatch(new RegExp(`^${path.split('.').slice(0, 2).join('\\.')}: `));
      expect(exported(), path).toBe(before);
    }
  });

  it('refuses a body that is not an object, or entries that are not lists', async () => {
    const before = exported();
    expect((await api('POST', '/_mock/reset', '[]')).status).toBe(422);
    expect((await api('POST', '/_mock/reset', { customers: {} })).status).toBe(422);
    expect((await api('POST', '/_mock/reset', '{')).status).toBe(400);
    expect(exported()).toBe(before);
  });
});

describe('failOn', () => {
  it('matches METHOD /path with * for one segment', () => {
    expect(matchesFailOn('POST /subscriptions/*/sync', 'POST', '/subscriptions/sub-00001/sync')).toBe(true);
    expect(matchesFailOn('POST /subscriptions/*/sync', 'post', '/subscriptions/sub-00001/sync/')).toBe(true);
    expect(matchesFailOn('POST /subscriptions/*/sync', 'GET', '/subscriptions/sub-00001/sync')).toBe(false);
    expect(matchesFailOn('POST /subscriptions/*/sync', 'POST', '/subscriptions/sub-00001/unlock-and-sync')).toBe(false);
    expect(matchesFailOn('POST /subscriptions/*/sync', 'POST', '/subscriptions/a/b/sync')).toBe(false);
    expect(matchesFailOn('* /customers', 'DELETE', '/customers')).toBe(true);
    expect(matchesFailOn('GET /customers', 'GET', '/customers/cus-0001')).toBe(false);
  });

  it('limits faults to the matching requests; /_mock is never failed', async () => {
    const set = await api('PUT', '/_mock/settings', { failureRate: 1, failOn: ['POST /subscriptions/*/sync'] });
    expect(set.body).toEqual({ latencyMs: 0, failureRate: 1, failOn: ['POST /subscriptions/*/sync'] });
    expect((await api('GET', '/subscriptions')).status).toBe(200);
    expect((await api('POST', '/subscriptions/sub-00001/suspend')).status).toBe(200);
    const failed = await api('POST', '/subscriptions/sub-00001/sync');
    expect(failed.status).toBe(503);
    expect(failed.body.type).toContain('simulated-failure');
    // Other settings keep failOn; an empty list fails everything again.
    expect((await api('PUT', '/_mock/settings', { latencyMs: 0 })).body.failOn).toEqual(['POST /subscriptions/*/sync']);
    await api('PUT', '/_mock/settings', { failOn: [] });
    expect((await api('GET', '/subscriptions')).status).toBe(503);
    expect((await api('GET', '/_mock/settings')).status).toBe(200);
  });

  it('refuses patterns that are not METHOD /path', async () => {
    for (const bad of ['/subscriptions', 'FETCH /x', 'GET subscriptions', 'GET /a b', 42]) {
      const res = await api('PUT', '/_mock/settings', { failOn: [bad] });
      expect(res.status, String(bad)).toBe(422);
      expect(res.body.issues[0].path).toBe('failOn.0');
    }
    expect((await api('PUT', '/_mock/settings', { failOn: 'GET /x' })).status).toBe(422);
  });
});
