import { describe, expect, it } from 'vitest';
import { addHolding, availableAmount, clampToAvailable, emptyHoldings, holdingsOf, othersHolding, replaceHolding, withinResellerLimit } from './availability';
import type { ResourceTotals } from './availability';
import { GB, reseller, values } from './test-fixtures';
import { NUMERIC_RESOURCE_KEYS } from './types';
import type { Subscription, Values } from './types';

const none = (): ResourceTotals => emptyHoldings();
function others(patch: Partial<ResourceTotals>): ResourceTotals {
  return { ...none(), ...patch };
}
function sub(v: Values, id = 's'): Subscription {
  return { id, values: v } as Subscription;
}

describe('permissions', () => {
  it('are available only if the reseller has them', () => {
    const desired = values({ permissions: { manage_dns: true, manage_crontab: true } });
    const { values: v, conflicts } = clampToAvailable(desired, reseller({ permissions: { manage_crontab: false } }), none());
    expect(v.permissions.manage_dns).toBe(true);
    expect(v.permissions.manage_crontab).toBe(false);
    expect(conflicts).toEqual([{ group: 'permissions', key: 'manage_crontab', planValue: true, availableValue: false }]);
  });

  it('never conflict when the plan does not grant them', () => {
    const r = reseller({ permissions: { manage_crontab: false } });
    expect(clampToAvailable(values(), r, none()).conflicts).toEqual([]);
  });
});

describe('numeric resources', () => {
  it('take the plan value, even -1, when the reseller limit is unlimited', () => {
    const r = reseller({ limits: { max_db: -1 } });
    expect(availableAmount('max_db', -1, r, 1000)).toBe(-1);
    expect(availableAmount('max_db', 50, r, Infinity)).toBe(50);
  });

  it('with overselling on: min(plan, limit), unlimited plan gets the limit, others do not count', () => {
    const r = reseller({ limits: { max_db: 10 }, oversell: true });
    expect(availableAmount('max_db', 4, r, 9)).toBe(4);
    expect(availableAmount('max_db', 15, r, 9)).toBe(10);
    expect(availableAmount('max_db', -1, r, Infinity)).toBe(10);
  });

  it('with overselling off: the limit is shared with the other subscriptions', () => {
    const r = reseller({ limits: { max_db: 10 } });
    expect(availableAmount('max_db', 4, r, 5)).toBe(4);
    expect(availableAmount('max_db', 8, r, 5)).toBe(5);
    expect(availableAmount('max_db', -1, r, 5)).toBe(5);
    expect(availableAmount('max_db', 3, r, 12)).toBe(0);
    expect(availableAmount('max_db', 3, r, Infinity)).toBe(0);
  });

  it('caps the mailbox size by the limit only: it is per mailbox, not shared', () => {
    const r = reseller({ limits: { mbox_quota: 2 * GB } });
    expect(availableAmount('mbox_quota', 1 * GB, r, 100 * GB)).toBe(1 * GB);
    expect(availableAmount('mbox_quota', 5 * GB, r, 100 * GB)).toBe(2 * GB);
    expect(availableAmount('mbox_quota', -1, r, Infinity)).toBe(2 * GB);
  });

  it('reports each clamped item with the plan and available values', () => {
    const desired = values({ resources: { disk_space: -1, max_db: 3, max_box: 20 } });
    const r = reseller({ limits: { disk_space: 10 * GB, max_box: 25, max_db: 5 } });
    const { values: v, conflicts } = clampToAvailable(desired, r, others({ disk_space: 4 * GB, max_box: 10 }));
    expect(v.resources.disk_space).toBe(6 * GB);
    expect(v.resources.max_db).toBe(3);
    expect(v.resources.max_box).toBe(15);
    expect(conflicts).toEqual([
      { group: 'resources', key: 'disk_space', planValue: -1, availableValue: 6 * GB },
      { group: 'resources', key: 'max_box', planValue: 20, availableValue: 15 },
    ]);
  });
});

describe('always available', () => {
  it('overuse, expiration, hosting parameters and PHP settings pass through', () => {
    const desired = values({
      resources: { overuse: 'block', expiration: '2030-01-01' },
      hosting: { php: true, shell: '/bin/bash' },
      php: { memory_limit: '1G' },
    });
    const r = reseller({ permissions: Object.fromEntries(Object.keys(desired.permissions).map((k) => [k, false])) });
    const { values: v, conflicts } = clampToAvailable(desired, r, none());
    expect(conflicts).toEqual([]);
    expect(v).toEqual(desired);
    expect(v.hosting).not.toBe(desired.hosting);
    expect(v.php).not.toBe(desired.php);
  });
});

describe('holdings', () => {
  it('sum what subscriptions hold; a held -1 counts as Infinity', () => {
    const h = holdingsOf([sub(values({ resources: { max_db: 3, disk_space: 2 * GB } })), sub(values({ resources: { max_db: 4, disk_space: -1 } }))]);
    expect(h.max_db).toBe(7);
    expect(h.disk_space).toBe(Infinity);
    expect(h.max_box).toBe(0);
  });

  it('come back to the finite sum when the only unlimited holder leaves (no NaN)', () => {
    const a = values({ resources: { disk_space: -1 } });
    const b = values({ resources: { disk_space: 3 * GB } });
    const h = holdingsOf([sub(a), sub(b)]);
    addHolding(h, a, -1);
    expect(h.disk_space).toBe(3 * GB);
    expect(h).toEqual(holdingsOf([sub(b)]));
  });

  it('stay Infinity while another unlimited holder remains', () => {
    const a = values({ resources: { disk_space: -1 } });
    const h = holdingsOf([sub(a), sub(a)]);
    addHolding(h, a, -1);
    expect(h.disk_space).toBe(Infinity);
  });

  it('follow a replaced subscription', () => {
    const a = values({ resources: { max_db: 3 } });
    const b = values({ resources: { max_db: 5 } });
    const h = holdingsOf([sub(a)]);
    replaceHolding(h, a, b);
    expect(h.max_db).toBe(5);
    replaceHolding(h, b, null);
    expect(h).toEqual(emptyHoldings());
    replaceHolding(h, null, a);
    expect(h.max_db).toBe(3);
  });

  it('give what the others hold, given one subscription', () => {
    const a = values({ resources: { max_db: 3, disk_space: -1 } });
    const b = values({ resources: { max_db: 5, disk_space: 2 * GB } });
    const h = holdingsOf([sub(a), sub(b)]);
    const o = othersHolding(h, a);
    expect(o.max_db).toBe(5);
    expect(o.disk_space).toBe(2 * GB);
    expect(othersHolding(h, b).disk_space).toBe(Infinity);
  });

  it('start empty for every numeric key', () => {
    const h = emptyHoldings();
    for (const k of NUMERIC_RESOURCE_KEYS) expect(h[k]).toBe(0);
  });
});

describe('withinResellerLimit', () => {
  it('allows one more record below the limit, never at it; Unlimited always', () => {
    const r = reseller({ limits: { max_cl: 2, max_dom: -1 } });
    expect(withinResellerLimit(r, 'max_cl', 0)).toBe(true);
    expect(withinResellerLimit(r, 'max_cl', 1)).toBe(true);
    expect(withinResellerLimit(r, 'max_cl', 2)).toBe(false);
    expect(withinResellerLimit(r, 'max_dom', 1_000_000)).toBe(true);
    expect(withinResellerLimit(reseller({ limits: { max_cl: 0 } }), 'max_cl', 0)).toBe(false);
  });
});
