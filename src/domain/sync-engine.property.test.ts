/**
 * Invariants of SPEC §1.3–1.4 stated as properties over arbitrary resellers, plans and
 * subscriptions (fast-check). Worlds built through the engine respect the allocation, as a
 * real store would; raw worlds hold anything, to test what must hold regardless.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARED_RESOURCES, holdingsOf, othersHolding, replaceHolding } from './availability';
import { CATALOGUE } from './catalogue';
import { formatValue } from './format';
import {
  acceptAvailableValues,
  applyPlanEdit,
  applyProviderPatch,
  changePlan,
  changePlanMany,
  changedKeys,
  createSubscription,
  customize,
  desiredValuesOf,
  expiresAtOf,
  ValuesRefused,
  subscriptionCan,
  synchronize,
  unlockAndSync,
} from './sync-engine';
import { applyPlanEditSimple, byCreation } from './sync-engine-reference';
import { allocationViolation, builtWorldArb, contextOf, customizeOrKeep, rawWorldArb, valuesArb, valuesPatchArb } from './test-arbitraries';
import type { World } from './test-arbitraries';
import { NUMERIC_RESOURCE_KEYS, PERMISSION_KEYS } from './types';
import type { NumericResourceKey, Subscription, Values } from './types';
import { GB, plan as fixturePlan, reseller, values } from './test-fixtures';

const RUNS = { numRuns: 150 };

function usesPlan(s: Subscription, planId: string): boolean {
  return s.planId === planId || s.addonIds.includes(planId);
}

/** Stores changed subscriptions into the world, keeping holdings current like the mock store. */
function store(world: World, changed: readonly Subscription[]): void {
  const byId = new Map(changed.map((s) => [s.id, s]));
  world.subscriptions = world.subscriptions.map((s) => {
    const next = byId.get(s.id);
    if (!next) return s;
    replaceHolding(world.holdings, s.values, next.values);
    return next;
  });
}

/** Edits a plan's values and runs Update & Sync over its users, as the API does. */
function editPlan(world: World, planId: string, values: Values) {
  const plan = world.plans.get(planId);
  if (!plan) throw new Error(planId);
  world.plans.set(planId, { ...plan, values });
  // The engine keeps the holdings it is given current; the store keeps its own.
  const ctx = { ...contextOf(world), holdings: holdingsOf(world.subscriptions) };
  const users = world.subscriptions.filter((s) => usesPlan(s, planId));
  const result = applyPlanEdit(planId, users, ctx);
  store(world, result.changed);
  return { ...result, holdingsAfter: ctx.holdings };
}

/** A synced-looking subscription on `planId` that holds `bytes` of disk (whatever its plan says now). */
function subscriptionHolding(id: string, planId: string, bytes: number, order: number): Subscription {
  return {
    id,
    domain: `${id}.example.com`,
    ownerId: null,
    planId,
    addonIds: [],
    ipAddress: '203.0.113.10',
    systemUser: id,
    status: 'active',
    locked: false,
    synchronized: true,
    values: values({ resources: { disk_space: bytes } }),
    websites: [`${id}.example.com`],
    sites: [{ name: `${id}.example.com`, kind: 'domain', parent: null, aliases: [], usage: { disk_space: 0, max_traffic: 0 } }],
    usage: { disk_space: 0, max_traffic: 0, max_site: 1, max_subdom: 0, max_dom_aliases: 0 },
    suspendedBy: [],
    overused: [],
    createdAt: `2025-01-01T00:00:${String(order % 60).padStart(2, '0')}.000Z`,
    expiresAt: null,
  };
}

/** Shared resource keys whose limit is finite and not oversold: the ones subscriptions compete for. */
function contestedKeys(world: World): NumericResourceKey[] {
  if (world.reseller.oversell) return [];
  return NUMERIC_RESOURCE_KEYS.filter((k) => SHARED_RESOURCES[k] && world.reseller.limits[k] !== -1);
}

/** Fisher–Yates with a seed: the same subscriptions in another order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed | 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function isPlanBasedUnlocked(s: Subscription): boolean {
  return s.planId !== null && !s.locked;
}

/** (d) For an unlocked plan-based subscription: synchronized ⇔ its values are the desired ones. */
function syncFlagViolation(world: World): string | null {
  const ctx = contextOf(world);
  for (const s of world.subscriptions) {
    if (!isPlanBasedUnlocked(s)) continue;
    const matches = JSON.stringify(s.values) === JSON.stringify(desiredValuesOf(s, ctx));
    if (s.synchronized !== matches) return `${s.id}: synchronized=${s.synchronized} but values ${matches ? 'match' : 'differ'}`;
  }
  return null;
}

type Op =
  | { kind: 'create'; planIndex: number | null; custom: Values }
  | { kind: 'sync'; index: number; accept: boolean }
  | { kind: 'unlock'; index: number; accept: boolean }
  | { kind: 'customize'; index: number; patch: Parameters<typeof customize>[1] }
  | { kind: 'changePlan'; index: number; planIndex: number | null; addonMask: number }
  | { kind: 'editPlan'; planIndex: number; values: Values };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), planIndex: fc.option(fc.nat(5), { nil: null }), custom: valuesArb }),
  fc.record({ kind: fc.constant('sync' as const), index: fc.nat(20), accept: fc.boolean() }),
  fc.record({ kind: fc.constant('unlock' as const), index: fc.nat(20), accept: fc.boolean() }),
  fc.record({ kind: fc.constant('customize' as const), index: fc.nat(20), patch: valuesPatchArb }),
  fc.record({
    kind: fc.constant('changePlan' as const),
    index: fc.nat(20),
    planIndex: fc.option(fc.nat(5), { nil: null }),
    addonMask: fc.nat(7),
  }),
  fc.record({ kind: fc.constant('editPlan' as const), planIndex: fc.nat(8), values: valuesArb }),
);

/** Applies one operation the way the mock API would (checking subscriptionCan first). */
function apply(world: World, op: Op, step: number): void {
  const ctx = contextOf(world);
  const hosting = [...world.plans.values()].filter((p) => p.kind === 'hosting');
  const addons = [...world.plans.values()].filter((p) => p.kind === 'addon');
  const target = world.subscriptions.length > 0 && 'index' in op ? world.subscriptions[op.index % world.subscriptions.length] : undefined;
  switch (op.kind) {
    case 'create': {
      const plan = op.planIndex === null ? null : hosting[op.planIndex % hosting.length];
      const s = createSubscription(
        {
          id: `new-${step}`,
          domain: `new${step}.example.com`,
          ownerId: null,
          planId: plan ? plan.id : null,
          addonIds: [],
          ipAddress: '203.0.113.10',
          systemUser: `new${step}`,
          createdAt: `2026-01-01T00:00:${String(step).padStart(2, '0')}.000Z`,
          customValues: op.custom,
        },
        ctx,
      );
      replaceHolding(world.holdings, null, s.values);
      world.subscriptions.push(s);
      return;
    }
    case 'sync': {
      if (!target || !subscriptionCan(target).synchronize.allowed) return;
      const out = synchronize(target, ctx);
      // Cancel in the dialog stores what the engine returned: it must be the unchanged subscription.
      store(world, [out.outcome === 'conflicts' && op.accept ? acceptAvailableValues(target, ctx) : out.subscription]);
      return;
    }
    case 'unlock': {
      if (!target || !subscriptionCan(target).unlockAndSync.allowed) return;
      const out = unlockAndSync(target, ctx);
      store(world, [out.outcome === 'conflicts' && op.accept ? acceptAvailableValues(target, ctx) : out.subscription]);
      return;
    }
    case 'customize':
      if (target) store(world, [customizeOrKeep(target, op.patch, ctx)]);
      return;
    case 'changePlan': {
      if (!target) return;
      const plan = op.planIndex === null ? null : hosting[op.planIndex % hosting.length];
      const addonIds = addons.filter((_, bit) => op.addonMask & (1 << bit)).map((a) => a.id);
      store(world, [changePlan(target, plan ? plan.id : null, plan ? addonIds : [], ctx)]);
      return;
    }
    case 'editPlan': {
      const all = [...world.plans.values()];
      const plan = all[op.planIndex % all.length];
      if (plan) editPlan(world, plan.id, op.values);
      return;
    }
  }
}

describe('properties', () => {
  it('(a) a locked subscription never changes on applyPlanEdit', () => {
    fc.assert(
      fc.property(rawWorldArb, valuesArb, fc.nat(), (world, values, pick) => {
        const plans = [...world.plans.values()];
        const plan = plans[pick % plans.length];
        if (!plan) return;
        const locked = world.subscriptions.filter((s) => s.locked);
        const snapshot = structuredClone(locked);
        world.plans.set(plan.id, { ...plan, values });
        const users = world.subscriptions.filter((s) => usesPlan(s, plan.id));
        const { changed, report } = applyPlanEdit(plan.id, users, contextOf(world));
        expect(changed.filter((s) => s.locked)).toEqual([]);
        expect(report.locked).toBe(users.filter((s) => s.locked && s.planId !== null).length);
        expect(locked).toEqual(snapshot);
      }),
      RUNS,
    );
  });

  it('(b) synchronize twice equals synchronize once', () => {
    fc.assert(
      fc.property(rawWorldArb, fc.nat(), (world, pick) => {
        const candidates = world.subscriptions.filter(isPlanBasedUnlocked);
        const s = candidates[pick % Math.max(1, candidates.length)];
        if (!s) return;
        const ctx = contextOf(world);
        const once = synchronize(s, ctx);
        replaceHolding(world.holdings, s.values, once.subscription.values);
        const twice = synchronize(once.subscription, ctx);
        expect(twice).toEqual(once);
        if (once.outcome === 'conflicts') expect(once.subscription).toBe(s);
      }),
      RUNS,
    );
  });

  it('(c, d) every operation keeps subscriptions within the allocation and their sync flag truthful', () => {
    fc.assert(
      fc.property(builtWorldArb, fc.array(opArb, { maxLength: 12 }), (world, ops) => {
        expect(allocationViolation(world.reseller, world.subscriptions)).toBeNull();
        expect(syncFlagViolation(world)).toBeNull();
        ops.forEach((op, step) => {
          apply(world, op, step);
          expect(allocationViolation(world.reseller, world.subscriptions), op.kind).toBeNull();
          expect(syncFlagViolation(world), op.kind).toBeNull();
          expect(world.holdings).toEqual(holdingsOf(world.subscriptions));
          for (const s of world.subscriptions) expect(s.expiresAt, `${op.kind} ${s.id}`).toBe(expiresAtOf(s.values));
        });
      }),
      RUNS,
    );
  });

  it('(c) a single operation never gives a subscription what the reseller lacks, even in an over-allocated world', () => {
    fc.assert(
      fc.property(rawWorldArb, fc.nat(), fc.nat(), (world, pick, planPick) => {
        const s = world.subscriptions[pick % Math.max(1, world.subscriptions.length)];
        if (!s || s.planId === null) return;
        const ctx = contextOf(world);
        const hosting = [...world.plans.values()].filter((p) => p.kind === 'hosting');
        const results = [acceptAvailableValues(s, ctx), changePlan(s, hosting[planPick % hosting.length]?.id ?? null, [], ctx), changePlan(s, null, [], ctx)];
        const others = othersHolding(world.holdings, s.values);
        for (const r of results) {
          for (const k of PERMISSION_KEYS) if (r.values.permissions[k]) expect(world.reseller.permissions[k], k).toBe(true);
          for (const item of CATALOGUE) {
            if (item.group !== 'resources' || !item.unlimited || item.key === 'expiration') continue;
            const k = item.key as keyof typeof others;
            const limit = world.reseller.limits[k];
            if (limit === -1) continue;
            const cap = !world.reseller.oversell && item.shared ? Math.max(0, limit - others[k]) : limit;
            expect(r.values.resources[k], k).not.toBe(-1);
            expect(r.values.resources[k], k).toBeLessThanOrEqual(cap);
          }
        }
      }),
      RUNS,
    );
  });

  it('(d) after Update & Sync, unlocked plan-based subscriptions are synchronized exactly when they hold the desired values', () => {
    fc.assert(
      fc.property(rawWorldArb, valuesArb, fc.nat(), (world, values, pick) => {
        const plans = [...world.plans.values()];
        const plan = plans[pick % plans.length];
        if (!plan) return;
        const { changed } = editPlan(world, plan.id, values);
        const ctx = contextOf(world);
        for (const s of world.subscriptions) {
          if (!isPlanBasedUnlocked(s) || !usesPlan(s, plan.id)) continue;
          const same = JSON.stringify(s.values) === JSON.stringify(desiredValuesOf(s, ctx));
          expect(s.synchronized).toBe(same);
        }
        expect(changed.every((s) => !s.locked)).toBe(true);
      }),
      RUNS,
    );
  });

  it('applyPlanEdit equals clampToAvailable applied one subscription at a time, holdings included', () => {
    fc.assert(
      fc.property(rawWorldArb, valuesArb, fc.nat(), (world, values, pick) => {
        const plans = [...world.plans.values()];
        const plan = plans[pick % plans.length];
        if (!plan) return;
        world.plans.set(plan.id, { ...plan, values });
        const users = world.subscriptions.filter((s) => usesPlan(s, plan.id));
        const fast = { ...contextOf(world), holdings: holdingsOf(world.subscriptions) };
        const slow = { ...contextOf(world), holdings: holdingsOf(world.subscriptions) };
        const { changed } = applyPlanEdit(plan.id, users, fast);
        const expected = applyPlanEditSimple(plan.id, users, slow);
        expect(fast.holdings).toEqual(slow.holdings);
        for (const s of changed) expect(s).toEqual(expected.get(s.id));
        const changedIds = new Set(changed.map((s) => s.id));
        for (const [id, s] of expected) {
          if (changedIds.has(id)) continue;
          expect(users.find((u) => u.id === id)).toEqual(s);
        }
      }),
      RUNS,
    );
  });

  it("Update & Sync: when the followers' desired values fit together, all of them end Synced", () => {
    fc.assert(
      // Raw worlds: the followers may hold anything before the edit (older edits, provider changes).
      fc.property(rawWorldArb, valuesArb, fc.nat(), (world, values, pick) => {
        const plans = [...world.plans.values()];
        const plan = plans[pick % plans.length];
        if (!plan) return;
        world.plans.set(plan.id, { ...plan, values });
        const ctx = contextOf(world);
        const followers = world.subscriptions.filter((s) => isPlanBasedUnlocked(s) && usesPlan(s, plan.id));
        // Stated from the definition, not the algorithm: every permission granted, every
        // resource within its own limit, and the contested ones within the limit together.
        const fits = followers.every((s) => {
          const desired = desiredValuesOf(s, ctx);
          const permissionsOk = PERMISSION_KEYS.every((k) => !desired.permissions[k] || world.reseller.permissions[k]);
          const ownOk = NUMERIC_RESOURCE_KEYS.every((k) => {
            const limit = world.reseller.limits[k];
            return limit === -1 || (desired.resources[k] !== -1 && desired.resources[k] <= limit);
          });
          return permissionsOk && ownOk;
        });
        const others = world.subscriptions.filter((s) => !followers.includes(s));
        const together = contestedKeys(world).every((k) => {
          let total = 0;
          for (const s of [...others.map((o) => o.values), ...followers.map((f) => desiredValuesOf(f, ctx))]) {
            if (s.resources[k] === -1) return false;
            total += s.resources[k];
          }
          return total <= world.reseller.limits[k];
        });
        if (!fits || !together) return;
        const { report } = editPlan(world, plan.id, values);
        expect(report.unsynced).toBe(0);
        expect(report.synced).toBe(followers.length);
      }),
      RUNS,
    );
  });

  it('Update & Sync: followers holding anything before the edit all end Synced when the new values fit the shared limit', () => {
    // Targeted at the shared limit: n followers of one plan hold arbitrary amounts of disk
    // (earlier edits, provider changes), the plan is edited to d each, and the limit leaves room
    // for n × d next to what the non-followers hold. Whatever they held, all must end Synced.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer(),
        (held, desired, others, slack, seed) => {
          const limit = (held.length * desired + others + slack) * GB;
          const r = reseller({ limits: { disk_space: limit } });
          const plan = fixturePlan('p', { resources: { disk_space: desired * GB } });
          const other = fixturePlan('q', { resources: { disk_space: others * GB } });
          const subs = held.map((gb, i) => subscriptionHolding(`f${i}`, 'p', gb * GB, i));
          const outsider = subscriptionHolding('o', 'q', others * GB, 99);
          const all = [...shuffled(subs, seed), outsider];
          const ctx = { reseller: r, plan: (id: string) => (id === 'p' ? plan : id === 'q' ? other : undefined), holdings: holdingsOf(all) };
          const { report, changed } = applyPlanEdit('p', all, ctx);
          expect(report.unsynced, JSON.stringify({ held, desired, others, slack })).toBe(0);
          expect(report.synced).toBe(held.length);
          for (const s of changed) expect(s.values.resources.disk_space).toBe(desired * GB);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Update & Sync: the outcome does not depend on the order subscriptions are visited in', () => {
    fc.assert(
      fc.property(rawWorldArb, valuesArb, fc.nat(), fc.integer(), (world, values, pick, seed) => {
        const plans = [...world.plans.values()];
        const plan = plans[pick % plans.length];
        if (!plan) return;
        world.plans.set(plan.id, { ...plan, values });
        const users = world.subscriptions.filter((s) => usesPlan(s, plan.id));
        const a = applyPlanEdit(plan.id, users, { ...contextOf(world), holdings: holdingsOf(world.subscriptions) });
        const b = applyPlanEdit(plan.id, shuffled(users, seed), { ...contextOf(world), holdings: holdingsOf(world.subscriptions) });
        const byId = (list: Subscription[]) => new Map(list.map((s) => [s.id, s]));
        expect(byId(b.changed)).toEqual(byId(a.changed));
        expect(b.report.synced).toBe(a.report.synced);
        expect([...b.report.unsyncedIds].sort()).toEqual([...a.report.unsyncedIds].sort());
      }),
      RUNS,
    );
  });

  it('Update & Sync: when they cannot all fit, the oldest are served first', () => {
    fc.assert(
      fc.property(builtWorldArb, valuesArb, fc.nat(), (world, values, pick) => {
        const hosting = [...world.plans.values()].filter((p) => p.kind === 'hosting');
        const plan = hosting[pick % Math.max(1, hosting.length)];
        if (!plan) return;
        const followerIds = world.subscriptions.filter((s) => isPlanBasedUnlocked(s) && usesPlan(s, plan.id)).map((s) => s.id);
        editPlan(world, plan.id, values);
        const ctx = contextOf(world);
        const followers = world.subscriptions.filter((s) => followerIds.includes(s.id)).sort(byCreation);
        for (const k of contestedKeys(world)) {
          // Once one follower got less than it asked for, no younger follower got any of it.
          let short = false;
          for (const s of followers) {
            const asked = desiredValuesOf(s, ctx).resources[k];
            const got = s.values.resources[k];
            if (short) expect(got, `${s.id} ${k} after a shortfall`).toBe(0);
            if (got !== asked) short = true;
          }
        }
      }),
      RUNS,
    );
  });

  it('Change Plan on many: no visiting order changes the outcome, and all fit when they can', () => {
    fc.assert(
      fc.property(builtWorldArb, fc.nat(), fc.integer(), (world, pick, seed) => {
        const hosting = [...world.plans.values()].filter((p) => p.kind === 'hosting');
        const plan = hosting[pick % Math.max(1, hosting.length)];
        if (!plan || world.subscriptions.length === 0) return;
        const chosen = world.subscriptions.filter((_, i) => (seed >> i) & 1);
        const ctx = contextOf(world);
        const a = changePlanMany(chosen, plan.id, [], ctx);
        const b = changePlanMany(shuffled(chosen, seed), plan.id, [], ctx);
        expect(b).toEqual(a);
        const after = new Map(a.map((s) => [s.id, s]));
        const next = world.subscriptions.map((s) => after.get(s.id) ?? s);
        expect(allocationViolation(world.reseller, next)).toBeNull();
      }),
      RUNS,
    );
  });

  it('Customize never changes a key outside its patch, refuses what is not available, and an empty change does not lock', () => {
    fc.assert(
      fc.property(builtWorldArb, valuesPatchArb, fc.nat(), (world, patch, pick) => {
        const s = world.subscriptions[pick % Math.max(1, world.subscriptions.length)];
        if (!s) return;
        const ctx = contextOf(world);
        const changes = changedKeys(s.values, patch);
        let result: Subscription;
        try {
          result = customize(s, patch, ctx);
        } catch (error) {
          expect(error).toBeInstanceOf(ValuesRefused);
          const paths = new Set(changes.map((c) => `${c.group}.${c.key}`));
          for (const issue of (error as ValuesRefused).issues) expect(paths.has(issue.path), issue.path).toBe(true);
          return;
        }
        if (changes.length === 0) {
          expect(result).toBe(s);
          return;
        }
        const touched = new Set(changes.map((c) => `${c.group}.${c.key}`));
        for (const group of ['resources', 'permissions', 'hosting', 'php'] as const) {
          const before = s.values[group] as Record<string, unknown>;
          const after = result.values[group] as Record<string, unknown>;
          for (const key of Object.keys(before)) {
            if (touched.has(`${group}.${key}`)) expect(after[key]).toBe((patch[group] as Record<string, unknown>)[key]);
            else expect(after[key], `${group}.${key}`).toBe(before[key]);
          }
        }
        expect(result.locked).toBe(s.planId !== null);
        expect(result.expiresAt).toBe(expiresAtOf(result.values));
      }),
      RUNS,
    );
  });

  it('once the provider grants everything and lifts every limit, Synchronize succeeds', () => {
    fc.assert(
      fc.property(builtWorldArb, (world) => {
        const limits = Object.fromEntries(Object.keys(world.reseller.limits).map((k) => [k, -1]));
        const permissions = Object.fromEntries(Object.keys(world.reseller.permissions).map((k) => [k, true]));
        world.reseller = applyProviderPatch(world.reseller, { limits, permissions });
        const ctx = contextOf(world);
        for (const s of world.subscriptions.filter(isPlanBasedUnlocked)) {
          expect(synchronize(s, ctx).outcome).toBe('synced');
        }
      }),
      RUNS,
    );
  });

  it('(e) formatValue never throws, and -1 always reads Unlimited / Illimité', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CATALOGUE), fc.anything(), fc.constantFrom('en' as const, 'fr' as const), (item, value, lang) => {
        expect(typeof formatValue(item.group, item.key, value, lang)).toBe('string');
        expect(formatValue(item.group, item.key, -1, lang)).toBe(lang === 'en' ? 'Unlimited' : 'Illimité');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean()), (group, key, value) => {
        expect(typeof formatValue(group, key, value, 'fr')).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
