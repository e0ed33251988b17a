// @vitest-environment node
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { holdingsOf } from '../domain/availability';
import { customize } from '../domain/sync-engine';
import { resetToScenario } from './handlers/mock-tools';
import { db, replaceAll, snapshotOf, transact } from './store';

beforeEach(() => resetToScenario('default'));

/** Indexes and holdings as a fresh load would build them. */
function rebuilt() {
  const current = db();
  replaceAll(snapshotOf(current));
  const fresh = db();
  return { holdings: fresh.holdings, indexes: fresh.indexes };
}

describe('store', () => {
  it('keeps holdings and indexes equal to a rebuild after any sequence of writes', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('remove' as const), n: fc.nat(40) }),
      fc.record({ kind: fc.constant('customize' as const), n: fc.nat(40), box: fc.integer({ min: -1, max: 500 }) }),
      fc.record({ kind: fc.constant('move' as const), n: fc.nat(40), owner: fc.nat(9) }),
      fc.record({ kind: fc.constant('fail' as const), n: fc.nat(40) }),
    );
    fc.assert(
      // `early`: the indexes are built before the writes (each commit must then update them), else
      // after (each commit hands them its tables, and they are built from the last ones).
      fc.property(fc.boolean(), fc.array(op, { maxLength: 15 }), (early, ops) => {
        resetToScenario('default');
        if (early) expect(db().indexes.subscriptionsByOwner.size).toBeGreaterThan(0);
        for (const o of ops) {
          const ids = db().order.subscriptions;
          const id = ids[o.n % Math.max(1, ids.length)];
          if (!id) continue;
          try {
            transact((tx) => {
              const s = tx.get('subscriptions', id)!;
              if (o.kind === 'remove') tx.remove('subscriptions', id);
              else if (o.kind === 'customize') tx.put('subscriptions', customize(s, { resources: { max_box: o.box } }, tx.engineContext()));
              else if (o.kind === 'move') tx.put('subscriptions', { ...s, ownerId: o.owner === 0 ? null : `cus-000${o.owner}` });
              else {
                tx.remove('subscriptions', id);
                throw new Error('failed request');
              }
            });
          } catch {
            // a failed request
          }
        }
        const state = db();
        const expected = holdingsOf(state.order.subscriptions.map((sid) => state.subscriptions[sid]!));
        expect(state.holdings).toEqual(expected);
        const kept = { byOwner: state.indexes.subscriptionsByOwner, byDomain: state.indexes.subscriptionByDomain, byName: state.indexes.subscriptionByName };
        const { indexes } = rebuilt();
        expect(kept.byOwner).toEqual(indexes.subscriptionsByOwner);
        expect(kept.byDomain).toEqual(indexes.subscriptionByDomain);
        expect(kept.byName).toEqual(indexes.subscriptionByName);
      }),
      { numRuns: 25 },
    );
  });

  it('a transaction that throws changes nothing', () => {
    const before = db();
    expect(() =>
      transact((tx) => {
        tx.put('customers', { ...tx.get('customers', 'cus-0001')!, city: 'Nowhere' });
        tx.remove('subscriptions', 'sub-00001');
        tx.nextId('customers');
        throw new Error('validation failed');
      }),
    ).toThrow('validation failed');
    expect(db()).toBe(before);
  });

  it('a child transaction is merged only when asked', () => {
    transact((tx) => {
      const kept = tx.child();
      kept.remove('subscriptions', 'sub-00001');
      kept.mergeInto(tx);
      const dropped = tx.child();
      dropped.remove('subscriptions', 'sub-00002');
      expect(dropped.get('subscriptions', 'sub-00002')).toBeUndefined();
      expect(tx.get('subscriptions', 'sub-00002')).toBeDefined();
    });
    expect(db().subscriptions['sub-00001']).toBeUndefined();
    expect(db().subscriptions['sub-00002']).toBeDefined();
    expect(db().order.subscriptions).toHaveLength(24);
  });

  it('reads through staged changes: uniqueness lookups, counts, plan usage', () => {
    transact((tx) => {
      const s = tx.get('subscriptions', 'sub-00001')!;
      tx.put('subscriptions', { ...s, domain: 'renamed.example.com', planId: 'plan-0002' });
      expect(tx.subscriptionByDomain('martin-bakery.fr')).toBeUndefined();
      expect(tx.subscriptionByDomain('RENAMED.example.com')?.id).toBe('sub-00001');
      expect(tx.subscriptionIdsUsingPlan('plan-0002')).toContain('sub-00001');
      expect(tx.subscriptionIdsUsingPlan('plan-0001')).not.toContain('sub-00001');
      tx.remove('customers', 'cus-0001');
      expect(tx.count('customers')).toBe(7);
      expect(tx.customerByLogin('amartin')).toBeUndefined();
    });
    expect(db().indexes.subscriptionByDomain.get('renamed.example.com')).toBe('sub-00001');
    expect(db().indexes.subscriptionByDomain.has('martin-bakery.fr')).toBe(false);
  });
});
