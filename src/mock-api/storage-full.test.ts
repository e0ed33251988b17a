// @vitest-environment node
/**
 * Storage errors are never swallowed (issue 13, class 2): when IndexedDB refuses a write (quota
 * full), the API answers 507, nothing of the write stays in memory (ids, ETags, cascades,
 * counters, settings, whole-store resets), and once storage works again everything goes on.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetToScenario } from './handlers/mock-tools';
import { server } from './node';
import { startCrossTab, stopCrossTab } from './cross-tab';
import { flushPersistence, startPersistence, stopPersistence } from './persistence';
import { buildScenario } from './scenarios';
import { db, snapshotOf } from './store';
import { api } from './test-helpers';

const fallback = () => buildScenario('default');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  stopCrossTab();
  stopPersistence();
});
afterAll(() => server.close());

/** Every IndexedDB put fails as a full quota does, while `full` is on. */
function quota() {
  const original = IDBObjectStore.prototype.put;
  let full = false;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.call(this, value, key);
  };
  return {
    fill: () => (full = true),
    free: () => (full = false),
    restore: () => (IDBObjectStore.prototype.put = original),
  };
}

/** The store as JSON: data, order, revisions (the ETags) and settings. */
const memory = () => JSON.stringify({ snapshot: snapshotOf(), revisions: [...db().revisions].sort(([a], [b]) => (a < b ? -1 : 1)), settings: db().settings });

const WRITES: [string, string, string, unknown?][] = [
  ['create a customer', 'POST', '/customers', { contactName: 'Lost Soul', login: 'lost.soul', password: 'long enough' }],
  ['edit a customer', 'PATCH', '/customers/cus-0002', { city: 'Nowhere' }],
  ['remove a customer and its subscriptions', 'DELETE', '/customers/cus-0001'],
  ['suspend a customer', 'POST', '/customers/cus-0003/suspend'],
  ['create a subscription', 'POST', '/subscriptions', { domain: 'never-saved.example.com', ownerId: 'cus-0002', planId: 'plan-0001' }],
  ['customize a subscription', 'PUT', '/subscriptions/sub-00001/values', { resources: { max_box: 3 } }],
  ['remove subscriptions in bulk', 'POST', '/subscriptions/bulk', { action: 'remove', ids: ['sub-00001', 'sub-00002', 'sub-00003'] }],
  ['Update & Sync a plan', 'PUT', '/service-plans/plan-0001', { values: { resources: { max_box: 77 } } }],
  ['clone a plan', 'POST', '/service-plans/plan-0001/clone'],
  ['change the provider', 'PATCH', '/_mock/provider', { limits: { max_cl: 3 } }],
  ['change the settings', 'PUT', '/_mock/settings', { latencyMs: 5 }],
  ['reset to a scenario', 'POST', '/_mock/reset', { scenario: 'empty' }],
];

describe('a write that cannot be saved', () => {
  it(`fails with 507 and leaves nothing in memory, for ${WRITES.length} kinds of write`, async () => {
    const name = 'storage-full-1';
    await startPersistence({ dbName: name, fallback });
    startCrossTab('tab-a');
    await flushPersistence();
    // Saved data that differs from the default scenario (a wiped disk would load that instead).
    expect((await api('PATCH', '/customers/cus-0005', { city: 'Saved Before The Quota' })).status).toBe(200);
    const q = quota();
    try {
      for (const [what, method, path, body] of WRITES) {
        const before = memory();
        q.fill();
        const res = await api(method, path, body);
        q.free();
        expect(res.status, what).toBe(507);
        expect(res.headers.get('content-type'), what).toMatch(/problem\+json/);
        expect(res.body.type, what).toMatch(/\/storage-full$/);
        expect(memory(), what).toBe(before);
      }
      // The disk holds what memory holds: a reload finds the same data.
      const before = memory();
      stopCrossTab();
      stopPersistence();
      resetToScenario('empty');
      await startPersistence({ dbName: name, fallback });
      expect(JSON.stringify(snapshotOf())).toBe(JSON.stringify(JSON.parse(before).snapshot));
      // And storage works again: the next id is the one the failed create would have had.
      startCrossTab('tab-a');
      const created = await api('POST', '/customers', { contactName: 'Saved Soul', login: 'saved.soul', password: 'long enough' });
      expect(created.status).toBe(201);
      expect(created.body.id).toBe('cus-0009');
    } finally {
      q.restore();
    }
  });

  it('two writes failing together are both taken back; the next write after space is freed is saved', async () => {
    await startPersistence({ dbName: 'storage-full-2', fallback });
    startCrossTab('tab-a');
    await flushPersistence();
    const before = memory();
    const q = quota();
    try {
      q.fill();
      const results = await Promise.all([api('PATCH', '/customers/cus-0002', { city: 'First' }), api('PATCH', '/customers/cus-0003', { city: 'Second' })]);
      expect(results.map((r) => r.status)).toEqual([507, 507]);
      expect(memory()).toBe(before);
      q.free();
      expect((await api('PATCH', '/customers/cus-0004', { city: 'Third' })).status).toBe(200);
      stopCrossTab();
      stopPersistence();
      resetToScenario('empty');
      await startPersistence({ dbName: 'storage-full-2', fallback });
      expect(db().customers['cus-0004']!.city).toBe('Third');
      expect(db().customers['cus-0003']!.city).not.toBe('Second');
    } finally {
      q.restore();
    }
  });
});
