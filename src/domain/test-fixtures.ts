/**
 * Small hand-written fixtures for the domain's unit tests: a reseller, plans and a context
 * whose holdings follow the subscriptions. Test-only: nothing in the app imports this file.
 */
import { holdingsOf, replaceHolding } from './availability';
import { emptyValues } from './catalogue';
import type { EngineContext } from './sync-engine';
import { NUMERIC_RESOURCE_KEYS, PERMISSION_KEYS, RESELLER_LIMIT_KEYS } from './types';
import type { Reseller, ServicePlan, Subscription, Values, ValuesPatch } from './types';
import { mergeValues } from './sync-engine';

export const GB = 1024 ** 3;

/** emptyValues() with a patch applied. */
export function values(patch: ValuesPatch = {}): Values {
  return mergeValues(emptyValues(), patch);
}

/** A reseller with every permission and unlimited limits, oversell off, unless told otherwise. */
export function reseller(
  patch: {
    limits?: Partial<Reseller['limits']>;
    permissions?: Partial<Reseller['permissions']>;
    oversell?: boolean;
  } = {},
): Reseller {
  const limits = {} as Reseller['limits'];
  for (const k of [...NUMERIC_RESOURCE_KEYS, ...RESELLER_LIMIT_KEYS]) limits[k] = -1;
  const permissions = { create_clients: true, allow_oversell: false } as Reseller['permissions'];
  for (const k of PERMISSION_KEYS) permissions[k] = true;
  return {
    name: 'Reseller',
    limits: { ...limits, ...patch.limits } as Reseller['limits'],
    permissions: { ...permissions, ...patch.permissions } as Reseller['permissions'],
    oversell: patch.oversell ?? false,
    ipPool: [{ address: '203.0.113.10', type: 'shared' }],
  };
}

export function plan(id: string, patch: ValuesPatch = {}, kind: ServicePlan['kind'] = 'hosting'): ServicePlan {
  return { id, kind, name: id, values: values(patch) };
}

/** A mutable little store: the context the engine sees, and holdings kept current. */
export class TestStore {
  reseller: Reseller;
  plans = new Map<string, ServicePlan>();
  subscriptions = new Map<string, Subscription>();
  readonly holdings = holdingsOf([]);

  constructor(r: Reseller, plans: ServicePlan[] = []) {
    this.reseller = r;
    for (const p of plans) this.plans.set(p.id, p);
  }

  /** A fresh view each time, so that provider changes to `reseller` are seen. */
  get ctx(): EngineContext {
    return { reseller: this.reseller, plan: (id) => this.plans.get(id), holdings: this.holdings };
  }

  /** Stores a subscription (new or changed) and keeps the holdings current. */
  put(s: Subscription): Subscription {
    replaceHolding(this.holdings, this.subscriptions.get(s.id)?.values ?? null, s.values);
    this.subscriptions.set(s.id, s);
    return s;
  }

  get(id: string): Subscription {
    const s = this.subscriptions.get(id);
    if (!s) throw new Error(`no subscription ${id}`);
    return s;
  }
}
