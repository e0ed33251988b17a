import { describe, expect, it } from 'vitest';
import { holdingsOf } from './availability';
import { emptyValues } from './catalogue';
import {
  DomainRuleError,
  acceptAvailableValues,
  applyPlanEdit,
  applyProviderPatch,
  ValuesRefused,
  changePlan,
  changePlanMany,
  createSubscription,
  customize,
  desiredValues,
  desiredValuesOf,
  mergeValues,
  setStatus,
  subscriptionCan,
  syncState,
  synchronize,
  unlockAndSync,
  valueDifferences,
} from './sync-engine';
import type { NewSubscriptionInput } from './sync-engine';
import { GB, TestStore, plan, reseller, values } from './test-fixtures';
import type { Subscription } from './types';

let counter = 0;
function input(patch: Partial<NewSubscriptionInput> = {}): NewSubscriptionInput {
  counter++;
  const domain = patch.domain ?? `site${counter}.example.com`;
  return {
    id: `sub-${counter}`,
    domain,
    ownerId: null,
    planId: 'basic',
    addonIds: [],
    ipAddress: '203.0.113.10',
    systemUser: `site${counter}`,
    createdAt: `2025-01-01T00:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    ...patch,
  };
}

const basic = plan('basic', {
  resources: { disk_space: 10 * GB, max_site: 1, max_box: 10 },
  permissions: { manage_dns: true },
  hosting: { php: true, ssl: true },
});
const premium = plan('premium', {
  resources: { disk_space: -1, max_site: 5, max_box: -1 },
  permissions: { manage_dns: true, manage_php_version: true },
  hosting: { php: true, php_handler_id: 'plesk-php84-fpm' },
});
const extraMail = plan('extra-mail', { resources: { max_box: 20, disk_space: 5 * GB }, permissions: { manage_maillists: true } }, 'addon');
const unlimitedDisk = plan('unlimited-disk', { resources: { disk_space: -1 } }, 'addon');

function store(r = reseller()) {
  return new TestStore(r, [basic, premium, extraMail, unlimitedDisk]);
}

describe('desiredValues', () => {
  it('adds numeric resources of add-ons to the hosting plan', () => {
    const d = desiredValues(basic, [extraMail]);
    expect(d.resources.max_box).toBe(30);
    expect(d.resources.disk_space).toBe(15 * GB);
    expect(d.resources.max_site).toBe(1);
  });

  it('lets -1 absorb any sum', () => {
    expect(desiredValues(basic, [unlimitedDisk]).resources.disk_space).toBe(-1);
    expect(desiredValues(premium, [extraMail]).resources.max_box).toBe(-1);
  });

  it('turns a permission on if any plan grants it', () => {
    const d = desiredValues(basic, [extraMail]);
    expect(d.permissions.manage_dns).toBe(true);
    expect(d.permissions.manage_maillists).toBe(true);
    expect(d.permissions.manage_crontab).toBe(false);
  });

  it('takes overuse, expiration, hosting and PHP from the hosting plan only', () => {
    const addon = plan('odd', { resources: { overuse: 'block', expiration: '2030-01-01' }, hosting: { cgi: true }, php: { memory_limit: '1G' } }, 'addon');
    const d = desiredValues(premium, [addon]);
    expect(d.resources.overuse).toBe(premium.values.resources.overuse);
    expect(d.resources.expiration).toBe(-1);
    expect(d.hosting).toEqual(premium.values.hosting);
    expect(d.php).toEqual(premium.values.php);
  });

  it('returns a copy, never the plan object', () => {
    const d = desiredValues(basic, []);
    expect(d).toEqual(basic.values);
    d.resources.max_site = 99;
    d.hosting.php = false;
    expect(basic.values.resources.max_site).toBe(1);
    expect(basic.values.hosting.php).toBe(true);
  });
});

describe('syncState', () => {
  const s = { planId: 'p', locked: false, synchronized: true } as Subscription;
  it('names the four states', () => {
    expect(syncState({ ...s, planId: null })).toBe('custom');
    expect(syncState({ ...s, planId: null, locked: true })).toBe('custom');
    expect(syncState({ ...s, locked: true })).toBe('locked');
    expect(syncState(s)).toBe('synced');
    expect(syncState({ ...s, synchronized: false })).toBe('unsynced');
  });
});

describe('createSubscription', () => {
  it('copies the desired values and is Synced when nothing is clamped', () => {
    const st = store();
    const s = createSubscription(input({ domain: 'a.example.com', addonIds: ['extra-mail'] }), st.ctx);
    expect(s.values).toEqual(desiredValues(basic, [extraMail]));
    expect(syncState(s)).toBe('synced');
    expect(s.websites).toEqual(['a.example.com']);
    expect(s.usage).toEqual({ disk_space: 0, max_traffic: 0, max_site: 1, max_subdom: 0, max_dom_aliases: 0 });
    expect(s.sites).toEqual([{ name: 'a.example.com', kind: 'domain', parent: null, aliases: [], usage: { disk_space: 0, max_traffic: 0 } }]);
    expect(s.suspendedBy).toEqual([]);
    expect(s.status).toBe('active');
    expect(s.expiresAt).toBeNull();
  });

  it('is Unsynced when the reseller lacks something the plan offers', () => {
    const st = store(reseller({ permissions: { manage_php_version: false } }));
    const s = createSubscription(input({ planId: 'premium' }), st.ctx);
    expect(syncState(s)).toBe('unsynced');
    expect(s.values.permissions.manage_php_version).toBe(false);
    expect(s.values.permissions.manage_dns).toBe(true);
  });

  it('clamps to the shared limit left by other subscriptions when overselling is off', () => {
    const st = store(reseller({ limits: { disk_space: 25 * GB } }));
    const a = st.put(createSubscription(input(), st.ctx));
    const b = st.put(createSubscription(input(), st.ctx));
    const c = st.put(createSubscription(input(), st.ctx));
    expect([a, b, c].map((s) => s.values.resources.disk_space)).toEqual([10 * GB, 10 * GB, 5 * GB]);
    expect([a, b, c].map(syncState)).toEqual(['synced', 'synced', 'unsynced']);
  });

  it('does not add itself to the holdings (the caller does)', () => {
    const st = store();
    createSubscription(input(), st.ctx);
    expect(st.holdings.disk_space).toBe(0);
  });

  it('removes duplicate add-ons', () => {
    const s = createSubscription(input({ addonIds: ['extra-mail', 'extra-mail'] }), store().ctx);
    expect(s.addonIds).toEqual(['extra-mail']);
    expect(s.values.resources.max_box).toBe(30);
  });

  it('creates a custom subscription from custom values, clamped, with no add-ons and no sync state', () => {
    const st = store(reseller({ limits: { max_db: 3 }, permissions: { manage_crontab: false } }));
    const custom = values({ resources: { max_db: 10 }, permissions: { manage_crontab: true, manage_dns: true } });
    const s = createSubscription(input({ planId: null, addonIds: ['extra-mail'], customValues: custom }), st.ctx);
    expect(syncState(s)).toBe('custom');
    expect(s.addonIds).toEqual([]);
    expect(s.synchronized).toBe(false);
    expect(s.values.resources.max_db).toBe(3);
    expect(s.values.permissions.manage_crontab).toBe(false);
    expect(s.values.permissions.manage_dns).toBe(true);
  });

  it('gives a custom subscription a plan that offers nothing by default', () => {
    const s = createSubscription(input({ planId: null }), store().ctx);
    expect(s.values).toEqual(emptyValues());
  });

  it('takes expiresAt from the expiration value (null = Unlimited)', () => {
    const dated = plan('dated', { resources: { expiration: '2030-06-30' } });
    const st = store();
    st.plans.set('dated', dated);
    expect(createSubscription(input({ planId: 'dated' }), st.ctx).expiresAt).toBe('2030-06-30');
    expect(createSubscription(input({ planId: 'basic' }), st.ctx).expiresAt).toBeNull();
  });

  it('refuses unknown plans and plans of the wrong kind', () => {
    const ctx = store().ctx;
    expect(() => createSubscription(input({ planId: 'nope' }), ctx)).toThrow(DomainRuleError);
    expect(() => createSubscription(input({ planId: 'extra-mail' }), ctx)).toThrow(/not_a_hosting_plan/);
    expect(() => createSubscription(input({ addonIds: ['basic'] }), ctx)).toThrow(/not_an_addon_plan/);
    expect(() => createSubscription(input({ addonIds: ['nope'] }), ctx)).toThrow(/unknown_plan/);
  });
});

describe('the seed example: Premium grants PHP version management, the reseller lacks it', () => {
  it('is Unsynced, fails to synchronize with one row per website, then syncs once the provider grants it', () => {
    const st = store(reseller({ permissions: { manage_php_version: false } }));
    let shop = st.put(createSubscription(input({ id: 'shop', domain: 'shop.example.com', planId: 'premium' }), st.ctx));
    shop = st.put({ ...shop, websites: ['shop.example.com', 'blog.shop.example.com'] });
    expect(syncState(shop)).toBe('unsynced');

    const failed = synchronize(shop, st.ctx);
    expect(failed.outcome).toBe('conflicts');
    expect(failed.subscription).toBe(shop);
    expect(failed.conflicts).toEqual([
      { subscriptionId: 'shop', domain: 'shop.example.com', group: 'permissions', key: 'manage_php_version', planValue: true, availableValue: false },
      { subscriptionId: 'shop', domain: 'blog.shop.example.com', group: 'permissions', key: 'manage_php_version', planValue: true, availableValue: false },
    ]);

    st.reseller = applyProviderPatch(st.reseller, { permissions: { manage_php_version: true } });
    const fixed = synchronize(shop, st.ctx);
    expect(fixed.outcome).toBe('synced');
    expect(fixed.conflicts).toEqual([]);
    expect(syncState(fixed.subscription)).toBe('synced');
    expect(fixed.subscription.values.permissions.manage_php_version).toBe(true);
  });
});

describe('synchronize', () => {
  it('is refused for custom and locked subscriptions', () => {
    const st = store();
    const s = createSubscription(input(), st.ctx);
    expect(() => synchronize({ ...s, planId: null }, st.ctx)).toThrow(/custom_has_no_plan/);
    expect(() => synchronize({ ...s, locked: true }, st.ctx)).toThrow(/locked_use_unlock/);
  });

  it('re-applies the plan to a synced subscription harmlessly', () => {
    const st = store();
    const s = st.put(createSubscription(input(), st.ctx));
    const out = synchronize(s, st.ctx);
    expect(out.outcome).toBe('synced');
    expect(out.subscription).toEqual(s);
  });

  it('brings an unsynced subscription up to its plan once everything is available', () => {
    const st = store(reseller({ limits: { max_box: 5 } }));
    const s = st.put(createSubscription(input(), st.ctx));
    expect(s.values.resources.max_box).toBe(5);
    st.reseller = applyProviderPatch(st.reseller, { limits: { max_box: 100 } });
    const out = synchronize(s, st.ctx);
    expect(out.outcome).toBe('synced');
    expect(out.subscription.values.resources.max_box).toBe(10);
  });

  it('reports every conflicting item with plan and available values', () => {
    const st = store(reseller({ limits: { max_box: 4, disk_space: 2 * GB }, permissions: { manage_dns: false } }));
    const s = st.put(createSubscription(input(), st.ctx));
    const out = synchronize(s, st.ctx);
    expect(out.conflicts.map((c) => [c.group, c.key, c.planValue, c.availableValue])).toEqual([
      ['resources', 'disk_space', 10 * GB, 2 * GB],
      ['resources', 'max_box', 10, 4],
      ['permissions', 'manage_dns', true, false],
    ]);
  });

  it('does not count its own holding against the shared limit', () => {
    const st = store(reseller({ limits: { disk_space: 10 * GB } }));
    const s = st.put(createSubscription(input(), st.ctx));
    expect(synchronize(s, st.ctx).outcome).toBe('synced');
  });
});

describe('acceptAvailableValues', () => {
  it('applies the available values and stays Unsynced when something is missing', () => {
    const st = store(reseller({ permissions: { manage_php_version: false } }));
    const s = st.put(createSubscription(input({ planId: 'premium' }), st.ctx));
    const locked = { ...s, locked: true, values: values() };
    const accepted = acceptAvailableValues(locked, st.ctx);
    expect(accepted.locked).toBe(false);
    expect(syncState(accepted)).toBe('unsynced');
    expect(accepted.values).toEqual(s.values);
  });

  it('is Synced when nothing is missing', () => {
    const st = store();
    const s = st.put(createSubscription(input(), st.ctx));
    expect(syncState(acceptAvailableValues({ ...s, synchronized: false }, st.ctx))).toBe('synced');
  });
});

describe('customize', () => {
  it('merges the change and locks the subscription', () => {
    const st = store();
    const s = st.put(createSubscription(input(), st.ctx));
    const c = customize(s, { resources: { max_db: 3 }, hosting: { cgi: true } }, st.ctx);
    expect(syncState(c)).toBe('locked');
    expect(c.values.resources.max_db).toBe(3);
    expect(c.values.hosting.cgi).toBe(true);
    expect(c.values.resources.disk_space).toBe(10 * GB);
    expect(s.values.resources.max_db).toBe(0);
  });

  it('refuses, per field and naming the available value, what the reseller cannot give: never lowers it silently', () => {
    const st = store(reseller({ limits: { max_db: 4, disk_space: 30 * GB }, permissions: { manage_crontab: false } }));
    st.put(createSubscription(input(), st.ctx));
    const s = st.put(createSubscription(input(), st.ctx));
    let refused: unknown;
    try {
      customize(s, { resources: { max_db: -1, disk_space: 100 * GB }, permissions: { manage_crontab: true } }, st.ctx);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValuesRefused);
    expect((refused as ValuesRefused).issues).toEqual([
      { path: 'resources.max_db', code: 'beyond_available', params: { available: 4, key: 'max_db' } },
      { path: 'resources.disk_space', code: 'beyond_available', params: { available: 20 * GB, key: 'disk_space' } },
      { path: 'permissions.manage_crontab', code: 'not_available' },
    ]);
    // Within what is available, the same change is taken as asked.
    const c = customize(s, { resources: { max_db: 4, disk_space: 20 * GB } }, st.ctx);
    expect(c.values.resources.max_db).toBe(4);
    expect(c.values.resources.disk_space).toBe(20 * GB);
  });

  it('asks 1 TB with 500 GB available: refused at disk_space with 500 GB named', () => {
    const st = store(reseller({ limits: { disk_space: 500 * GB }, oversell: true }));
    const s = st.put(createSubscription(input(), st.ctx));
    expect(() => customize(s, { resources: { disk_space: 1024 * GB } }, st.ctx)).toThrow(ValuesRefused);
    try {
      customize(s, { resources: { disk_space: 1024 * GB } }, st.ctx);
    } catch (error) {
      expect((error as ValuesRefused).issues[0]?.params?.available).toBe(500 * GB);
    }
  });

  it('never changes a value the patch does not touch, even after the provider lowered its limit', () => {
    const st = store(reseller({ limits: { disk_space: 30 * GB } }));
    const s = st.put(createSubscription(input(), st.ctx));
    st.reseller = applyProviderPatch(st.reseller, { limits: { disk_space: 1 * GB } });
    const c = customize(s, { php: { memory_limit: '512M' } }, st.ctx);
    expect(c.values.resources.disk_space).toBe(10 * GB);
    expect(c.values.php.memory_limit).toBe('512M');
    expect(syncState(c)).toBe('locked');
  });

  it('an empty change, or one that repeats the current values, changes nothing and does not lock', () => {
    const st = store();
    const s = st.put(createSubscription(input(), st.ctx));
    expect(customize(s, {}, st.ctx)).toBe(s);
    expect(customize(s, { resources: { disk_space: s.values.resources.disk_space }, permissions: {} }, st.ctx)).toBe(s);
    expect(syncState(s)).toBe('synced');
  });

  it('moves expiresAt with the expiration value', () => {
    const st = store();
    const s = st.put(createSubscription(input(), st.ctx));
    expect(s.expiresAt).toBeNull();
    const dated = customize(s, { resources: { expiration: '2027-03-31' } }, st.ctx);
    expect(dated.expiresAt).toBe('2027-03-31');
    expect(customize(dated, { resources: { expiration: -1 } }, st.ctx).expiresAt).toBeNull();
  });

  it('keeps a custom subscription custom', () => {
    const st = store();
    const s = st.put(createSubscription(input({ planId: null }), st.ctx));
    const c = customize(s, { resources: { max_site: 2 } }, st.ctx);
    expect(syncState(c)).toBe('custom');
    expect(c.locked).toBe(false);
    expect(c.values.resources.max_site).toBe(2);
  });
});

describe('unlockAndSync', () => {
  it('discards the customization and syncs', () => {
    const st = store();
    const s = st.put(customize(st.put(createSubscription(input(), st.ctx)), { resources: { max_db: 7 } }, st.ctx));
    const out = unlockAndSync(s, st.ctx);
    expect(out.outcome).toBe('synced');
    expect(syncState(out.subscription)).toBe('synced');
    expect(out.subscription.values).toEqual(basic.values);
  });

  it('changes nothing on conflicts; accepting then unlocks and leaves it Unsynced', () => {
    const st = store(reseller({ permissions: { manage_php_version: false } }));
    const s = st.put(customize(st.put(createSubscription(input({ planId: 'premium' }), st.ctx)), { resources: { max_db: 7 } }, st.ctx));
    const out = unlockAndSync(s, st.ctx);
    expect(out.outcome).toBe('conflicts');
    expect(out.subscription).toBe(s);
    expect(out.conflicts).toHaveLength(1);
    const accepted = acceptAvailableValues(s, st.ctx);
    expect(syncState(accepted)).toBe('unsynced');
    expect(accepted.values.resources.max_db).toBe(premium.values.resources.max_db);
  });

  it('is refused for a custom subscription', () => {
    const st = store();
    expect(() => unlockAndSync(createSubscription(input({ planId: null }), st.ctx), st.ctx)).toThrow(DomainRuleError);
  });
});

describe('changePlan', () => {
  it('switches plan and add-ons, unlocks and syncs', () => {
    const st = store();
    const s = st.put(customize(st.put(createSubscription(input(), st.ctx)), { resources: { max_db: 7 } }, st.ctx));
    const c = changePlan(s, 'premium', ['extra-mail', 'extra-mail'], st.ctx);
    expect(c.planId).toBe('premium');
    expect(c.addonIds).toEqual(['extra-mail']);
    expect(syncState(c)).toBe('synced');
    expect(c.values).toEqual(desiredValues(premium, [extraMail]));
  });

  it('is Unsynced when the new plan offers what the reseller lacks', () => {
    const st = store(reseller({ permissions: { manage_php_version: false } }));
    const s = st.put(createSubscription(input(), st.ctx));
    expect(syncState(changePlan(s, 'premium', [], st.ctx))).toBe('unsynced');
  });

  it('makes it Custom with no plan: add-ons removed, values kept but clamped', () => {
    const st = store();
    const s = st.put(createSubscription(input({ addonIds: ['extra-mail'] }), st.ctx));
    st.reseller = applyProviderPatch(st.reseller, { limits: { max_box: 12 }, permissions: { manage_dns: false } });
    expect(() => changePlan(s, null, ['extra-mail'], st.ctx)).toThrow(/custom_has_no_addons/);
    const c = changePlan({ ...s, locked: true }, null, [], st.ctx);
    expect(syncState(c)).toBe('custom');
    expect(c.addonIds).toEqual([]);
    expect(c.locked).toBe(false);
    expect(c.values.resources.max_box).toBe(12);
    expect(c.values.permissions.manage_dns).toBe(false);
    expect(c.values.permissions.manage_maillists).toBe(true);
    expect(c.values.resources.disk_space).toBe(15 * GB);
  });
});

describe('changePlanMany', () => {
  it('releases what all of them held before measuring any: all fit when they can, oldest first when not', () => {
    const st = store(reseller({ limits: { disk_space: 60 * GB } }));
    const bigger = plan('bigger', { resources: { disk_space: 30 * GB } });
    st.plans.set('bigger', bigger);
    st.plans.set('basic', { ...basic, values: mergeValues(basic.values, { resources: { disk_space: 20 * GB } }) });
    const subs = [0, 1, 2].map(() => st.put(createSubscription(input(), st.ctx)));
    const two = changePlanMany([subs[1]!, subs[0]!], 'bigger', [], st.ctx);
    // 20 GB stays with the third: 40 GB for the two, oldest first.
    expect(two.map((s) => [s.id, s.values.resources.disk_space])).toEqual([
      [subs[0]!.id, 30 * GB],
      [subs[1]!.id, 10 * GB],
    ]);
    expect(two.map(syncState)).toEqual(['synced', 'unsynced']);
    expect(() => changePlanMany(subs, null, ['extra-mail'], st.ctx)).toThrow(/custom_has_no_addons/);
  });
});

describe('applyPlanEdit', () => {
  function editPlan(st: TestStore, id: string, patch: Parameters<typeof mergeValues>[1]) {
    const p = st.plans.get(id);
    if (!p) throw new Error(id);
    st.plans.set(id, { ...p, values: mergeValues(p.values, patch) });
    const users = [...st.subscriptions.values()].filter((s) => s.planId === id || s.addonIds.includes(id));
    const result = applyPlanEdit(id, users, st.ctx);
    for (const s of result.changed) st.subscriptions.set(s.id, s);
    return result;
  }

  it('updates unlocked subscriptions, skips locked ones, and reports the counts', () => {
    const st = store();
    const a = st.put(createSubscription(input(), st.ctx));
    const b = st.put(customize(st.put(createSubscription(input(), st.ctx)), { resources: { max_db: 2 } }, st.ctx));
    const { changed, report } = editPlan(st, 'basic', { resources: { max_db: 5 } });
    expect(report).toEqual({ synced: 1, unsynced: 0, locked: 1, unsyncedIds: [] });
    expect(changed.map((s) => s.id)).toEqual([a.id]);
    expect(st.get(a.id).values.resources.max_db).toBe(5);
    expect(st.get(b.id)).toBe(b);
  });

  it('leaves unsynced those that cannot get everything, and names them', () => {
    const st = store(reseller({ permissions: { manage_crontab: false } }));
    const a = st.put(createSubscription(input(), st.ctx));
    const { report } = editPlan(st, 'basic', { permissions: { manage_crontab: true } });
    expect(report).toEqual({ synced: 0, unsynced: 1, locked: 0, unsyncedIds: [a.id] });
    expect(syncState(st.get(a.id))).toBe('unsynced');
  });

  it('consumes shared limits oldest first (then by id), keeping the holdings current', () => {
    const st = store(reseller({ limits: { max_db: 10 } }));
    const b = st.put(createSubscription(input({ id: 'b', createdAt: '2025-02-01T00:00:00.000Z' }), st.ctx));
    const a2 = st.put(createSubscription(input({ id: 'a2', createdAt: '2025-01-01T00:00:00.000Z' }), st.ctx));
    const a1 = st.put(createSubscription(input({ id: 'a1', createdAt: '2025-01-01T00:00:00.000Z' }), st.ctx));
    const { report } = editPlan(st, 'basic', { resources: { max_db: 4 } });
    expect([a1, a2, b].map((s) => st.get(s.id).values.resources.max_db)).toEqual([4, 4, 2]);
    expect(report.unsyncedIds).toEqual(['b']);
    expect(st.holdings).toEqual(holdingsOf([...st.subscriptions.values()]));
  });

  it('with a 60 GB shared disk, two subscriptions holding 20 and 40 GB edited to 30 GB each both end Synced', () => {
    const st = store(reseller({ limits: { disk_space: 60 * GB } }));
    // The older one holds 20 GB, the younger 40 GB (created after an earlier edit of the plan).
    st.plans.set('basic', { ...basic, values: mergeValues(basic.values, { resources: { disk_space: 20 * GB } }) });
    const a = st.put(createSubscription(input(), st.ctx));
    st.plans.set('basic', { ...basic, values: mergeValues(basic.values, { resources: { disk_space: 40 * GB } }) });
    const b = st.put(createSubscription(input(), st.ctx));
    expect(b.values.resources.disk_space).toBe(40 * GB);
    const { report } = editPlan(st, 'basic', { resources: { disk_space: 30 * GB } });
    expect(report).toEqual({ synced: 2, unsynced: 0, locked: 0, unsyncedIds: [] });
    expect([a, b].map((s) => st.get(s.id).values.resources.disk_space)).toEqual([30 * GB, 30 * GB]);
    expect(st.holdings).toEqual(holdingsOf([...st.subscriptions.values()]));
  });

  it('gives the same outcome whatever order the subscriptions are passed in', () => {
    const st = store(reseller({ limits: { disk_space: 50 * GB } }));
    st.plans.set('basic', { ...basic, values: mergeValues(basic.values, { resources: { disk_space: 20 * GB } }) });
    const subs = [0, 1].map(() => st.put(createSubscription(input(), st.ctx)));
    st.plans.set('basic', { ...basic, values: mergeValues(basic.values, { resources: { disk_space: 30 * GB } }) });
    const forward = applyPlanEdit('basic', subs, { ...st.ctx, holdings: holdingsOf(subs) });
    const backward = applyPlanEdit('basic', [...subs].reverse(), { ...st.ctx, holdings: holdingsOf(subs) });
    expect(backward.changed).toEqual(forward.changed);
    // Oldest first: the first gets its 30 GB, the second what remains.
    expect(forward.changed.map((s) => s.values.resources.disk_space)).toEqual([30 * GB, 20 * GB]);
    expect(forward.report.unsyncedIds).toEqual([subs[1]!.id]);
  });

  it("moves expiresAt with the plan's expiration", () => {
    const st = store();
    const s = st.put(createSubscription(input(), st.ctx));
    editPlan(st, 'basic', { resources: { expiration: '2026-06-30' } });
    expect(st.get(s.id).expiresAt).toBe('2026-06-30');
    editPlan(st, 'basic', { resources: { expiration: -1 } });
    expect(st.get(s.id).expiresAt).toBeNull();
  });

  it('shares nothing when overselling is on: each gets min(plan, limit)', () => {
    const st = store(reseller({ limits: { max_db: 10 }, oversell: true }));
    for (let i = 0; i < 3; i++) st.put(createSubscription(input(), st.ctx));
    const { report } = editPlan(st, 'basic', { resources: { max_db: 8 } });
    expect(report.synced).toBe(3);
    expect([...st.subscriptions.values()].map((s) => s.values.resources.max_db)).toEqual([8, 8, 8]);
  });

  it('updates subscriptions that use the plan as an add-on', () => {
    const st = store();
    const s = st.put(createSubscription(input({ addonIds: ['extra-mail'] }), st.ctx));
    const other = st.put(createSubscription(input(), st.ctx));
    const { changed } = editPlan(st, 'extra-mail', { resources: { max_box: 50 } });
    expect(changed.map((c) => c.id)).toEqual([s.id]);
    expect(st.get(s.id).values.resources.max_box).toBe(60);
    expect(st.get(other.id)).toBe(other);
  });

  it('ignores custom subscriptions and subscriptions of other plans passed by mistake', () => {
    const st = store();
    const custom = st.put(createSubscription(input({ planId: null }), st.ctx));
    const other = st.put(createSubscription(input({ planId: 'premium' }), st.ctx));
    const { changed, report } = applyPlanEdit('basic', [custom, other], st.ctx);
    expect(changed).toEqual([]);
    expect(report).toEqual({ synced: 0, unsynced: 0, locked: 0, unsyncedIds: [] });
  });

  it('lists only the subscriptions that actually changed', () => {
    const st = store();
    st.put(createSubscription(input(), st.ctx));
    const { changed, report } = applyPlanEdit('basic', [...st.subscriptions.values()], st.ctx);
    expect(changed).toEqual([]);
    expect(report.synced).toBe(1);
  });

  it('handles 10,000 subscriptions, keeping holdings exact', () => {
    const r = reseller({ limits: { disk_space: 5000 * GB, max_db: 30000 }, permissions: { manage_php_version: false } });
    const st = store(r);
    const subs: Subscription[] = [];
    for (let i = 0; i < 10_000; i++) {
      const s = createSubscription(
        input({ id: `s${String(i).padStart(5, '0')}`, planId: i % 2 ? 'basic' : 'premium', addonIds: i % 3 ? [] : ['extra-mail'] }),
        st.ctx,
      );
      subs.push(i % 7 === 0 ? { ...s, locked: true } : s);
    }
    const ctx = { ...st.ctx, holdings: holdingsOf(subs) };
    st.plans.set('basic', { ...basic, values: mergeValues(basic.values, { resources: { max_db: 3 } }) });
    const users = subs.filter((s) => s.planId === 'basic' || s.addonIds.includes('basic'));
    const { changed, report } = applyPlanEdit('basic', users, ctx);
    // Timing is checked by `npm run bench` (50 ms budget), never by a timed assertion here.
    expect(report.synced + report.unsynced + report.locked).toBe(users.length);
    const byId = new Map(changed.map((s) => [s.id, s]));
    const after = subs.map((s) => byId.get(s.id) ?? s);
    expect(ctx.holdings).toEqual(holdingsOf(after));
    expect(after.every((s, i) => !s.locked || s === subs[i])).toBe(true);
  });
});

describe('setStatus', () => {
  it("changes the status and the reseller's reason only, never the sync state", () => {
    const st = store();
    const s = { ...createSubscription(input(), st.ctx), locked: true, synchronized: false };
    const suspended = setStatus(s, 'suspended');
    expect(suspended).toEqual({ ...s, status: 'suspended', suspendedBy: ['reseller'] });
    expect(setStatus(suspended, 'active')).toEqual(s);
  });
});

describe('subscriptionCan', () => {
  const st = store();
  const synced = createSubscription(input(), st.ctx);
  const cases: Array<[string, Subscription]> = [
    ['synced', synced],
    ['unsynced', { ...synced, synchronized: false }],
    ['locked', { ...synced, locked: true, synchronized: false }],
    ['custom', { ...synced, planId: null, synchronized: false }],
  ];

  it.each(cases)('%s', (state, s) => {
    const can = subscriptionCan(s);
    expect(syncState(s)).toBe(state);
    expect(can.customize.allowed).toBe(true);
    expect(can.changePlan.allowed).toBe(true);
    expect(can.changeSubscriber.allowed).toBe(true);
    expect(can.remove.allowed).toBe(true);
    const expected = {
      synced: [{ allowed: true }, { allowed: false, reason: 'not_locked' }],
      unsynced: [{ allowed: true }, { allowed: false, reason: 'not_locked' }],
      locked: [{ allowed: false, reason: 'locked_use_unlock' }, { allowed: true }],
      custom: [
        { allowed: false, reason: 'custom_has_no_plan' },
        { allowed: false, reason: 'custom_has_no_plan' },
      ],
    }[state];
    expect([can.synchronize, can.unlockAndSync]).toEqual(expected);
  });

  it('offers Suspend or Activate by status', () => {
    expect(subscriptionCan(synced).suspend).toEqual({ allowed: true });
    expect(subscriptionCan(synced).activate).toEqual({ allowed: false, reason: 'already_active' });
    const suspended = setStatus(synced, 'suspended');
    expect(subscriptionCan(suspended).suspend).toEqual({ allowed: false, reason: 'already_suspended' });
    expect(subscriptionCan(suspended).activate).toEqual({ allowed: true });
  });
});

describe('applyProviderPatch', () => {
  it('grants and takes away without touching the input', () => {
    const r = reseller({ limits: { max_db: 5 } });
    const next = applyProviderPatch(r, { limits: { max_db: 9, max_cl: 3 }, permissions: { manage_dns: false }, oversell: true });
    expect(next.limits.max_db).toBe(9);
    expect(next.limits.max_cl).toBe(3);
    expect(next.permissions.manage_dns).toBe(false);
    expect(next.oversell).toBe(true);
    expect(r.limits.max_db).toBe(5);
    expect(r.permissions.manage_dns).toBe(true);
    expect(r.oversell).toBe(false);
  });

  it('lets subscriptions keep what was taken away until they are next synchronized', () => {
    const st = store();
    const s = st.put(createSubscription(input(), st.ctx));
    st.reseller = applyProviderPatch(st.reseller, { permissions: { manage_dns: false } });
    expect(st.get(s.id).values.permissions.manage_dns).toBe(true);
    const out = synchronize(s, st.ctx);
    expect(out.outcome).toBe('conflicts');
    expect(acceptAvailableValues(s, st.ctx).values.permissions.manage_dns).toBe(false);
  });

  it('ignores unknown keys', () => {
    const next = applyProviderPatch(reseller(), { limits: { bogus: 1 } as never });
    expect(Object.keys(next.limits)).not.toContain('bogus');
  });
});

describe('valueDifferences', () => {
  it('lists what differs from the plan', () => {
    const st = store();
    const s = customize(createSubscription(input(), st.ctx), { resources: { max_db: 2 }, php: { memory_limit: '512M' } }, st.ctx);
    expect(valueDifferences(s, desiredValuesOf(s, st.ctx))).toEqual([
      { group: 'resources', key: 'max_db', subscriptionValue: 2, planValue: 0 },
      { group: 'php', key: 'memory_limit', subscriptionValue: '512M', planValue: '128M' },
    ]);
  });
});

describe('mergeValues', () => {
  it('returns a new object and leaves the input alone', () => {
    const v = values();
    const merged = mergeValues(v, { resources: { max_db: 3 } });
    expect(merged.resources.max_db).toBe(3);
    expect(v.resources.max_db).toBe(0);
    expect(merged.permissions).not.toBe(v.permissions);
  });

  it('ignores unknown keys, undefined values and prototype keys', () => {
    const patch = JSON.parse('{"resources":{"__proto__":{"polluted":true},"bogus":1,"max_db":2}}');
    const merged = mergeValues(values(), patch);
    expect(merged.resources.max_db).toBe(2);
    expect(Object.keys(merged.resources)).not.toContain('bogus');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged.resources)).toBe(Object.prototype);
    expect(mergeValues(values(), { resources: { max_db: undefined } }).resources.max_db).toBe(0);
  });
});

describe('createSubscription with a batch memo', () => {
  const plans = [plan('basic', { resources: { disk_space: 10 * GB, max_db: 5 }, permissions: { manage_dns: true } })];

  it('gives the same subscriptions as without it, sharing the clamped values, when availability does not depend on holdings', () => {
    const r = reseller({ oversell: true, limits: { disk_space: 25 * GB } });
    const plain = new TestStore(r, plans);
    const memo = new TestStore(r, plans);
    const memoCtx = { ...memo.ctx, memo: new Map() };
    const made: Subscription[] = [];
    for (let i = 0; i < 5; i++) {
      const shared = input();
      const a = plain.put(createSubscription(shared, plain.ctx));
      const b = memo.put(createSubscription(shared, memoCtx));
      expect(b).toEqual(a);
      made.push(b);
    }
    expect(made[1]!.values).toBe(made[0]!.values);
  });

  it('is ignored when overselling is off and a shared limit is finite: each one takes what is left', () => {
    const r = reseller({ oversell: false, limits: { disk_space: 25 * GB } });
    const store = new TestStore(r, plans);
    const ctx = { ...store.ctx, memo: new Map() };
    const made = [0, 1, 2].map(() => store.put(createSubscription(input(), ctx)));
    expect(made.map((s) => s.values.resources.disk_space)).toEqual([10 * GB, 10 * GB, 5 * GB]);
    expect(made.map((s) => s.synchronized)).toEqual([true, true, false]);
  });
});
