// @vitest-environment node
/** The large scenario through the API: counts and behaviour (timings are logged, not asserted). */
import { describe, expect, it } from 'vitest';
import { api, setupMockApi } from './test-helpers';

setupMockApi('large');

const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  console.info(`${label}: ${(performance.now() - started).toFixed(1)} ms`);
  return result;
};

describe('large scenario', { timeout: 60_000 }, () => {
  it('lists, filters, sorts and pages 10,000 subscriptions', async () => {
    // The first unfiltered pages of a fresh store are picked without sorting all (leadingIds):
    // the same rows as the first of the whole order.
    const lastFirst = await time('list page 1, desc', () => api('GET', '/subscriptions?pageSize=100&order=desc'));
    const all = await time('list page 1', () => api('GET', '/subscriptions?pageSize=100'));
    // Domains are unique: the whole order is the domains sorted.
    const domains: string[] = [];
    for (let page = 1; page <= 20; page++) {
      domains.push(...(await api('GET', `/subscriptions?pageSize=500&page=${page}&sort=createdAt`)).body.items.map((s: { domain: string }) => s.domain));
    }
    const sorted = [...new Set(domains)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(sorted).toHaveLength(10_000);
    expect(all.body.items.map((s: { domain: string }) => s.domain)).toEqual(sorted.slice(0, 100));
    expect(lastFirst.body.items.map((s: { domain: string }) => s.domain)).toEqual(sorted.reverse().slice(0, 100));
    expect(lastFirst.body.total).toBe(10_000);
    expect(all.body.total).toBe(10_000);
    expect(all.body.items).toHaveLength(100);
    const bySubscriber = await time('sort by subscriber desc', () => api('GET', '/subscriptions?sort=subscriber&order=desc&pageSize=50&page=7'));
    const names = bySubscriber.body.items.map((s: { ownerName: string }) => s.ownerName.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    await time('same sort, next page (cached)', () => api('GET', '/subscriptions?sort=subscriber&order=desc&pageSize=50&page=8'));
    const unsynced = await time('filter sync=unsynced + q', () => api('GET', '/subscriptions?sync=unsynced&q=river'));
    expect(unsynced.body.items.every((s: { syncState: string; domain: string; ownerName: string }) => s.syncState === 'unsynced')).toBe(true);
    const customers = await time('customers list', () => api('GET', '/customers?sort=subscriptionCount&order=desc'));
    expect(customers.body.total).toBe(2_000);
    const plans = await time('plans list with counts', () => api('GET', '/service-plans?pageSize=100'));
    expect(plans.body.total).toBe(20);
    const total = plans.body.items
      .filter((p: { kind: string }) => p.kind === 'hosting')
      .reduce((n: number, p: { subscriptionCount: number }) => n + p.subscriptionCount, 0);
    expect(total).toBe(10_000 - (await api('GET', '/subscriptions?sync=custom&pageSize=1')).body.total);
  });

  it('Update & Sync over 10,000 subscriptions reports every one of them', async () => {
    const ids = (await api('GET', '/subscriptions?pageSize=500&sync=custom')).body.total;
    // Put every subscription on one plan first (custom ones included).
    const allIds: string[] = [];
    for (let page = 1; page <= 20; page++) {
      allIds.push(...(await api('GET', `/subscriptions?pageSize=500&page=${page}`)).body.items.map((s: { id: string }) => s.id));
    }
    // At most REQUEST_LIMITS.bulkIds ids a request (the client batches the same way).
    const results: { ok: boolean }[] = [];
    await time('bulk change-plan of 10,000 (10 requests)', async () => {
      for (let i = 0; i < allIds.length; i += 1000) {
        results.push(
          ...(await api('POST', '/subscriptions/bulk', { action: 'change-plan', ids: allIds.slice(i, i + 1000), planId: 'plan-0002' })).body.results,
        );
      }
    });
    expect(results.filter((r) => r.ok)).toHaveLength(10_000);
    expect(ids).toBeGreaterThan(0);
    const edit = await time('Update & Sync over 10,000', () => api('PUT', '/service-plans/plan-0002', { values: { resources: { max_box: 99 } } }));
    expect(edit.status).toBe(200);
    const { synced, unsynced, locked } = edit.body.report;
    expect(synced + unsynced + locked).toBe(10_000);
    expect(edit.body.plan.subscriptionCount).toBe(10_000);
  });
});
