// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { holdingsOf } from '../domain/availability';
import { syncState } from '../domain/sync-engine';
import fc from 'fast-check';
import { BASE_DATE, buildScenario, daysBefore, loadScenario, SCENARIOS } from './scenarios';
import { readDocument, toDocument } from './state-document';

describe('scenarios', () => {
  beforeAll(() => loadScenario('large'));

  it('loads the provider-sized scenarios from their own module', async () => {
    await expect(import('./mass-scenarios')).resolves.toHaveProperty('MASS_SCENARIOS.xlarge');
    expect(buildScenario('large').subscriptions).toHaveLength(10_000);
  });

  // Generous timeout: `large` and `xlarge` are built twice and validated on a shared machine.
  it.each(SCENARIOS)('%s is deterministic and valid', { timeout: 120_000 }, (name) => {
    const a = JSON.stringify(buildScenario(name));
    const b = JSON.stringify(buildScenario(name));
    expect(a === b).toBe(true);
    const read = readDocument(toDocument(JSON.parse(a)));
    expect(read.ok ? 'valid' : read.detail).toBe('valid');
  });

  it('default has every state, suspended ones and the reseller’s own subscriptions', () => {
    const s = buildScenario('default');
    expect(s.reseller.name).toBe('Northwind Hosting');
    expect(s.plans.filter((p) => p.kind === 'hosting').map((p) => p.name)).toEqual(['Starter', 'Business', 'Premium']);
    expect(s.plans.filter((p) => p.kind === 'addon')).toHaveLength(2);
    expect(s.customers).toHaveLength(8);
    expect(s.subscriptions).toHaveLength(25);
    const states = new Set(s.subscriptions.map(syncState));
    expect([...states].sort()).toEqual(['custom', 'locked', 'synced', 'unsynced']);
    expect(s.subscriptions.some((x) => x.status === 'suspended')).toBe(true);
    expect(s.subscriptions.some((x) => x.ownerId === null)).toBe(true);
    expect(s.subscriptions[0]?.id).toBe('sub-00001');
    expect(s.customers[0]?.id).toBe('cus-0001');
    expect(s.plans[2]?.id).toBe('plan-0003');
    // Limits are finite and some permissions are missing.
    expect(Object.values(s.reseller.limits).every((v) => v > 0)).toBe(true);
    expect(Object.values(s.reseller.permissions).some((v) => !v)).toBe(true);
  });

  it('empty has the reseller and plans only', () => {
    const s = buildScenario('empty');
    expect(s.plans.length).toBeGreaterThan(0);
    expect(s.customers).toEqual([]);
    expect(s.subscriptions).toEqual([]);
  });

  it('sync-failure: shop.example.com on Premium is Unsynced for lack of manage_php_version', () => {
    const s = buildScenario('sync-failure');
    expect(s.reseller.permissions.manage_php_version).toBe(false);
    const premium = s.plans.find((p) => p.name === 'Premium')!;
    expect(premium.values.permissions.manage_php_version).toBe(true);
    const shop = s.subscriptions.find((x) => x.domain === 'shop.example.com')!;
    expect(shop.planId).toBe(premium.id);
    expect(syncState(shop)).toBe('unsynced');
    expect(shop.websites).toEqual(['shop.example.com', 'blog.shop.example.com']);
  });

  it('large has 10,000 subscriptions, 2,000 customers and 20 plans', { timeout: 30_000 }, () => {
    const started = performance.now();
    const s = buildScenario('large');
    const ms = performance.now() - started;
    expect(s.subscriptions).toHaveLength(10_000);
    expect(s.customers).toHaveLength(2_000);
    expect(s.plans).toHaveLength(20);
    expect(new Set(s.subscriptions.map((x) => x.domain)).size).toBe(10_000);
    expect(new Set(s.customers.map((x) => x.login)).size).toBe(2_000);
    const states = new Set(s.subscriptions.map(syncState));
    expect(states.size).toBe(4);
    // Holdings are derivable from the subscriptions (the store keeps them incrementally).
    expect(holdingsOf(s.subscriptions).disk_space).toBeGreaterThan(0);
    console.info(`large scenario built in ${ms.toFixed(0)} ms`);
  });

  it('xlarge has 50,000 subscriptions, 10,000 customers and 50 plans, all created in the past', { timeout: 60_000 }, () => {
    const s = buildScenario('xlarge');
    expect(s.subscriptions).toHaveLength(50_000);
    expect(s.customers).toHaveLength(10_000);
    expect(s.plans).toHaveLength(50);
    expect(new Set(s.subscriptions.map((x) => x.domain)).size).toBe(50_000);
    expect(new Set(s.customers.map((x) => x.login)).size).toBe(10_000);
    expect(new Set(s.plans.map((x) => x.name)).size).toBe(50);
    expect(s.customers.at(-1)?.id).toBe('cus-10000');
    expect(s.subscriptions.at(-1)?.id).toBe('sub-50000');
    const base = new Date(BASE_DATE).toISOString();
    expect([...s.customers, ...s.subscriptions].every((x) => x.createdAt < base)).toBe(true);
    expect(new Set(s.subscriptions.map(syncState)).size).toBe(4);
  });

  it('daysBefore formats exactly as toISOString, for any days and minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 40_000 }), fc.integer({ min: -100_000, max: 100_000 }), (days, minutes) => {
        expect(daysBefore(days, minutes)).toBe(new Date(BASE_DATE - days * 86_400_000 + minutes * 60_000).toISOString());
      }),
    );
  });
});
