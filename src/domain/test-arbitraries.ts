/**
 * fast-check arbitraries for the domain's property tests, plus a world builder that creates
 * subscriptions through the engine (so worlds respect the reseller's allocation, as a real
 * store would). Test-only: nothing in the app imports this file.
 */
import fc from 'fast-check';
import { sitesFromNames, usageOf } from './websites';
import { addHolding, holdingsOf } from './availability';
import type { Holdings } from './availability';
import { catalogueItem } from './catalogue';
import { ValuesRefused, createSubscription, customize } from './sync-engine';
import type { EngineContext } from './sync-engine';
import {
  NUMERIC_RESOURCE_KEYS,
  OVERUSE_POLICIES,
  PERMISSION_KEYS,
  PHP_HANDLERS,
  RESELLER_LIMIT_KEYS,
  RESELLER_PERMISSION_KEYS,
  SHELL_OPTIONS,
  WEBSTAT_OPTIONS,
} from './types';
import type {
  NumericResourceKey,
  PermissionKey,
  Reseller,
  ResellerLimitKey,
  ResellerPermissionKey,
  ServicePlan,
  Subscription,
  Values,
  ValuesPatch,
} from './types';

/** Small numbers so that limits, sums and clamps collide often; -1 often enough to matter. */
export const amountArb: fc.Arbitrary<number> = fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }) });

export const isoDateArb: fc.Arbitrary<string> = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function recordOf<K extends string, T>(keys: readonly K[], arb: fc.Arbitrary<T>): fc.Arbitrary<Record<K, T>> {
  const model = {} as { [P in K]: fc.Arbitrary<T> };
  for (const k of keys) model[k] = arb;
  return fc.record(model) as fc.Arbitrary<Record<K, T>>;
}

export const valuesArb: fc.Arbitrary<Values> = fc.record({
  resources: fc
    .record({
      overuse: fc.constantFrom(...OVERUSE_POLICIES),
      expiration: fc.oneof(fc.constant(-1), isoDateArb),
      numeric: recordOf(NUMERIC_RESOURCE_KEYS, amountArb),
    })
    .map(({ overuse, expiration, numeric }) => ({ overuse, expiration, ...numeric })),
  permissions: recordOf(PERMISSION_KEYS, fc.boolean()),
  hosting: fc.record({
    php: fc.boolean(),
    php_handler_id: fc.constantFrom(...PHP_HANDLERS),
    ssl: fc.boolean(),
    cgi: fc.boolean(),
    perl: fc.boolean(),
    python: fc.boolean(),
    fastcgi: fc.boolean(),
    ssi: fc.boolean(),
    errdocs: fc.boolean(),
    webstat: fc.constantFrom(...WEBSTAT_OPTIONS),
    shell: fc.constantFrom(...SHELL_OPTIONS),
  }),
  php: fc.record({
    memory_limit: fc.constantFrom('64M', '128M', '256M', '-1'),
    max_execution_time: fc.constantFrom('30', '60', '300'),
    post_max_size: fc.constantFrom('8M', '16M', '64M'),
    upload_max_filesize: fc.constantFrom('2M', '16M', '64M'),
  }),
});

/** A partial values object touching a few keys of each group. */
export const valuesPatchArb: fc.Arbitrary<ValuesPatch> = valuesArb.chain((v) =>
  fc.record(
    {
      resources: fc.subarray([...NUMERIC_RESOURCE_KEYS]).map((keys) => pick(v.resources, keys)),
      permissions: fc.subarray([...PERMISSION_KEYS]).map((keys) => pick(v.permissions, keys)),
      hosting: fc.constant({ ssl: v.hosting.ssl }),
      php: fc.constant({ memory_limit: v.php.memory_limit }),
    },
    { requiredKeys: [] },
  ),
);

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) out[k] = source[k];
  return out;
}

export const resellerArb: fc.Arbitrary<Reseller> = fc.record({
  name: fc.constant('Reseller'),
  limits: recordOf<NumericResourceKey | ResellerLimitKey, number>(
    [...NUMERIC_RESOURCE_KEYS, ...RESELLER_LIMIT_KEYS],
    fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: 100 }) }),
  ),
  permissions: recordOf<PermissionKey | ResellerPermissionKey, boolean>([...PERMISSION_KEYS, ...RESELLER_PERMISSION_KEYS], fc.boolean()),
  oversell: fc.boolean(),
  ipPool: fc.constant([{ address: '203.0.113.10', type: 'shared' as const }]),
});

export function planArb(kind: ServicePlan['kind'], id: string): fc.Arbitrary<ServicePlan> {
  return valuesArb.map((values) => ({ id, kind, name: `${kind} ${id}`, values }));
}

export interface PlanSet {
  hosting: ServicePlan[];
  addons: ServicePlan[];
}

export const planSetArb: fc.Arbitrary<PlanSet> = fc
  .record({ hostingCount: fc.integer({ min: 1, max: 3 }), addonCount: fc.integer({ min: 0, max: 3 }) })
  .chain(({ hostingCount, addonCount }) =>
    fc.record({
      hosting: fc.tuple(...Array.from({ length: hostingCount }, (_, i) => planArb('hosting', `plan-${i}`))),
      addons: addonCount === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: addonCount }, (_, i) => planArb('addon', `addon-${i}`))),
    }),
  );

/** A subscription in any state, with arbitrary values (not necessarily within the allocation). */
export function subscriptionArb(planIds: readonly string[], addonIds: readonly string[]): fc.Arbitrary<Subscription> {
  return fc
    .record({
      planId: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: fc.constantFrom(...planIds) }),
      addonIds: fc.subarray([...addonIds]),
      locked: fc.boolean(),
      synchronized: fc.boolean(),
      suspended: fc.boolean(),
      values: valuesArb,
      extraWebsites: fc.integer({ min: 0, max: 2 }),
      day: fc.integer({ min: 1, max: 5 }),
    })
    .map((r): Subscription => {
      const custom = r.planId === null;
      const domain = 'site.example.com';
      return {
        id: 'sub',
        domain,
        ownerId: null,
        planId: r.planId,
        addonIds: custom ? [] : r.addonIds,
        ipAddress: '203.0.113.10',
        systemUser: 'site',
        status: r.suspended ? 'suspended' : 'active',
        locked: custom ? false : r.locked,
        synchronized: custom ? false : r.synchronized,
        values: r.values,
        ...((websites) => {
          const sites = sitesFromNames(websites);
          return { websites, sites, usage: usageOf(sites) };
        })([domain, ...Array.from({ length: r.extraWebsites }, (_, i) => `w${i}.${domain}`)]),
        suspendedBy: r.suspended ? ['reseller'] : [],
        overused: [],
        // A few shared dates so that the id tie-break matters.
        createdAt: `2025-01-0${r.day}T00:00:00.000Z`,
        expiresAt: null,
      };
    });
}

/** Many subscriptions with distinct ids and domains. */
export function subscriptionsArb(planIds: readonly string[], addonIds: readonly string[], maxLength = 12): fc.Arbitrary<Subscription[]> {
  return fc.array(subscriptionArb(planIds, addonIds), { maxLength }).map((subs) =>
    subs.map((s, i) => {
      const domain = `site${i}.example.com`;
      return { ...s, id: `sub-${String(i).padStart(3, '0')}`, domain, websites: s.websites.map((w) => w.replace('site.example.com', domain)) };
    }),
  );
}

/** Customize as the API does it: a refused patch (422) leaves the subscription as it was. */
export function customizeOrKeep(s: Subscription, patch: ValuesPatch, ctx: EngineContext): Subscription {
  try {
    return customize(s, patch, ctx);
  } catch (error) {
    if (error instanceof ValuesRefused) return s;
    throw error;
  }
}

/** A store-like world: reseller, plans, subscriptions, and a context over them. */
export interface World {
  reseller: Reseller;
  plans: Map<string, ServicePlan>;
  subscriptions: Subscription[];
  holdings: Holdings;
}

export function contextOf(world: World): EngineContext {
  return { reseller: world.reseller, plan: (id) => world.plans.get(id), holdings: world.holdings };
}

function worldOf(reseller: Reseller, planSet: PlanSet, subscriptions: Subscription[]): World {
  const plans = new Map<string, ServicePlan>();
  for (const p of [...planSet.hosting, ...planSet.addons]) plans.set(p.id, p);
  return { reseller, plans, subscriptions, holdings: holdingsOf(subscriptions) };
}

/** A world whose subscriptions were written directly: any state, possibly over the allocation. */
export const rawWorldArb: fc.Arbitrary<World> = fc.record({ reseller: resellerArb, planSet: planSetArb }).chain(({ reseller, planSet }) =>
  subscriptionsArb(
    planSet.hosting.map((p) => p.id),
    planSet.addons.map((p) => p.id),
  ).map((subs) => worldOf(reseller, planSet, subs)),
);

interface SubscriptionSpec {
  planIndex: number | null;
  addonMask: number;
  customValues: Values;
  customization: ValuesPatch | null;
  extraWebsites: number;
}

const subscriptionSpecArb: fc.Arbitrary<SubscriptionSpec> = fc.record({
  planIndex: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: fc.nat(10) }),
  addonMask: fc.nat(7),
  customValues: valuesArb,
  customization: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: valuesPatchArb }),
  extraWebsites: fc.integer({ min: 0, max: 2 }),
});

/** A world built through the engine, one subscription after the other, like a real store. */
export const builtWorldArb: fc.Arbitrary<World> = fc
  .record({ reseller: resellerArb, planSet: planSetArb, specs: fc.array(subscriptionSpecArb, { maxLength: 10 }) })
  .map(({ reseller, planSet, specs }) => {
    const world = worldOf(reseller, planSet, []);
    const ctx = contextOf(world);
    specs.forEach((spec, i) => {
      const plan = spec.planIndex === null ? null : planSet.hosting[spec.planIndex % planSet.hosting.length];
      const addonIds = planSet.addons.filter((_, bit) => spec.addonMask & (1 << bit)).map((a) => a.id);
      const domain = `site${i}.example.com`;
      let s = createSubscription(
        {
          id: `sub-${String(i).padStart(3, '0')}`,
          domain,
          ownerId: null,
          planId: plan ? plan.id : null,
          addonIds,
          ipAddress: '203.0.113.10',
          systemUser: `site${i}`,
          createdAt: `2025-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
          customValues: spec.customValues,
        },
        ctx,
      );
      s = { ...s, websites: [domain, ...Array.from({ length: spec.extraWebsites }, (_, w) => `w${w}.${domain}`)] };
      addHolding(world.holdings, s.values, 1);
      if (spec.customization) {
        const customized = customizeOrKeep(s, spec.customization, ctx);
        addHolding(world.holdings, s.values, -1);
        addHolding(world.holdings, customized.values, 1);
        s = customized;
      }
      world.subscriptions.push(s);
    });
    return world;
  });

/**
 * The invariant of SPEC §1.4 for a whole world: nobody holds a permission the reseller lacks or
 * more than a finite limit, and with overselling off the shared limits are not exceeded in total.
 * Returns the first violation, or null.
 */
export function allocationViolation(reseller: Reseller, subscriptions: readonly Subscription[]): string | null {
  for (const s of subscriptions) {
    for (const k of PERMISSION_KEYS) {
      if (s.values.permissions[k] && !reseller.permissions[k]) return `${s.id} holds permission ${k}`;
    }
  }
  for (const k of NUMERIC_RESOURCE_KEYS) {
    const limit = reseller.limits[k];
    if (limit === -1) continue;
    let total = 0;
    for (const s of subscriptions) {
      const v = s.values.resources[k];
      if (v === -1 || v > limit) return `${s.id} holds ${k}=${v} over the limit ${limit}`;
      total += v;
    }
    if (!reseller.oversell && catalogueItem('resources', k).shared && total > limit) {
      return `subscriptions hold ${k}=${total} in total over the limit ${limit}`;
    }
  }
  return null;
}
