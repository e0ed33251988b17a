// @vitest-environment node
/** POST /_mock/build: the scenario builder through the API, hostile input included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api, exported, setupMockApi } from '../test-helpers';

setupMockApi();

const BODY = { seed: 42, customers: 12, subscriptions: 60, plans: 5, mix: { unsynced: 0.1, locked: 0.1, custom: 0.05, suspended: 0.05, overused: 0.05 } };

describe('POST /_mock/build', () => {
  it('replaces the data with the built world and says what it holds', async () => {
    const { status, body } = await api('POST', '/_mock/build', BODY);
    expect(status).toBe(200);
    expect(body).toEqual({
      scenario: 'build-42-12-60-5-0.1-0.1-0.05-0.05-0.05',
      build: '42-12-60-5-0.1-0.1-0.05-0.05-0.05',
      counts: { customers: 12, plans: 5, subscriptions: 60 },
      states: { synced: 45, unsynced: 6, locked: 6, custom: 3, suspended: 3, overused: 3 },
    });
    expect((await api('GET', '/customers')).body.total).toBe(12);
    expect((await api('GET', '/subscriptions?sync=unsynced')).body.total).toBe(6);
    expect((await api('GET', '/subscriptions?sync=locked')).body.total).toBe(6);
    expect((await api('GET', '/subscriptions?status=suspended')).body.total).toBe(3);
    // The built world works like any other: an Unsynced one fails to synchronize for what the reseller lacks.
    const unsynced = (await api('GET', '/subscriptions?sync=unsynced&pageSize=1')).body.items[0];
    const sync = await api('POST', `/subscriptions/${unsynced.id}/sync`);
    expect(sync.body.outcome).toBe('conflicts');
    expect(sync.body.conflicts[0]).toMatchObject({ group: 'permissions', key: 'manage_performance' });
  });

  it('the same inputs give the same ids, names and dates; the export is a valid import', async () => {
    await api('POST', '/_mock/build', BODY);
    const first = (await api('GET', '/_mock/state')).body;
    await api('POST', '/_mock/reset', { scenario: 'default' });
    await api('POST', '/_mock/build', structuredClone(BODY));
    expect((await api('GET', '/_mock/state')).body).toEqual(first);
    await api('POST', '/_mock/reset', { scenario: 'empty' });
    expect((await api('PUT', '/_mock/state', first)).status).toBe(200);
    expect((await api('GET', '/_mock/state')).body).toEqual(first);
  });

  it('mix and each share may be left out (0)', async () => {
    const { status, body } = await api('POST', '/_mock/build', { seed: 1, customers: 0, subscriptions: 3, plans: 1 });
    expect(status).toBe(200);
    expect(body.states).toEqual({ synced: 3, unsynced: 0, locked: 0, custom: 0, suspended: 0, overused: 0 });
    expect((await api('GET', '/subscriptions')).body.items.every((s: { ownerId: string | null }) => s.ownerId === null)).toBe(true);
  });

  // [body, the field path the 422 names]
  const HOSTILE: [string, unknown, string][] = [
    ['negative seed', { ...BODY, seed: -1 }, 'seed'],
    ['seed beyond 32 bits', { ...BODY, seed: 2 ** 32 }, 'seed'],
    ['fractional customers', { ...BODY, customers: 1.5 }, 'customers'],
    ['customers as text', { ...BODY, customers: '12' }, 'customers'],
    ['too many customers', { ...BODY, customers: 10_001 }, 'customers'],
    ['subscriptions 1e308', { ...BODY, subscriptions: 1e308 }, 'subscriptions'],
    ['negative subscriptions', { ...BODY, subscriptions: -5 }, 'subscriptions'],
    ['too many subscriptions', { ...BODY, subscriptions: 50_001 }, 'subscriptions'],
    ['no plans', { ...BODY, plans: 0 }, 'plans'],
    ['too many plans', { ...BODY, plans: 51 }, 'plans'],
    ['plans null', { ...BODY, plans: null }, 'plans'],
    ['seed missing', { customers: 1, subscriptions: 1, plans: 1 }, 'seed'],
    ['a share over 1', { ...BODY, mix: { ...BODY.mix, suspended: 1.5 } }, 'mix.suspended'],
    ['a negative share', { ...BODY, mix: { ...BODY.mix, overused: -0.1 } }, 'mix.overused'],
    ['a share as text', { ...BODY, mix: { ...BODY.mix, locked: '0.1' } }, 'mix.locked'],
    ['a share finer than 0.0001', { ...BODY, mix: { ...BODY.mix, custom: 0.00005 } }, 'mix.custom'],
    ['sync shares adding up to more than 1', { ...BODY, mix: { ...BODY.mix, unsynced: 0.5, locked: 0.4, custom: 0.2 } }, 'mix'],
    ['Unsynced with a single plan', { ...BODY, plans: 1 }, 'mix.unsynced'],
    ['an extra key', { ...BODY, name: 'mine' }, 'name'],
    ['an extra share', { ...BODY, mix: { ...BODY.mix, expired: 0.1 } }, 'mix.expired'],
    ['mix as an array', { ...BODY, mix: [0.1] }, 'mix'],
    ['a __proto__ key', JSON.parse('{"seed":1,"customers":1,"subscriptions":1,"plans":1,"__proto__":{"x":1}}'), '__proto__'],
  ];

  it.each(HOSTILE)('422 for %s, naming %s; nothing changes', async (_what, body, path) => {
    const before = exported();
    const res = await api('POST', '/_mock/build', body);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toHaveProperty([path]);
    expect(res.body.issues.some((i: { path: string }) => i.path === path)).toBe(true);
    expect(exported()).toBe(before);
  });

  it('400 for malformed JSON or no body, 422 for a body that is not an object; nothing changes', async () => {
    const before = exported();
    expect((await api('POST', '/_mock/build', '{"seed": 1,')).status).toBe(400);
    expect((await api('POST', '/_mock/build')).status).toBe(400);
    for (const body of [[1, 2], 'text', 42, null]) expect((await api('POST', '/_mock/build', JSON.stringify(body))).status).toBe(422);
    expect(exported()).toBe(before);
  });

  it('any JSON value is refused or built, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            seed: fc.jsonValue(),
            customers: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.jsonValue()),
            subscriptions: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.double()),
            plans: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.string()),
            mix: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const res = await api('POST', '/_mock/build', body);
          expect([200, 422]).toContain(res.status);
        },
      ),
      { numRuns: 60 },
    );
  });
});
