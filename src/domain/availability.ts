/**
 * What the reseller can actually provision (SPEC §1.4): its permissions, its limits, and, when
 * overselling is off, what its subscriptions already hold of each shared limit.
 */
import { catalogueItem } from './catalogue';
import { NUMERIC_RESOURCE_KEYS, PERMISSION_KEYS, UNLIMITED } from './types';
import type { NumericResourceKey, Reseller, ResellerLimitKey, Subscription, ValueGroup, Values } from './types';

export type ResourceTotals = Record<NumericResourceKey, number>;

/**
 * What subscriptions hold of each numeric resource; a held -1 counts as Infinity. The two
 * inner tallies exist because Infinity − Infinity is NaN: taking one unlimited holder out of
 * the total needs to know whether others remain, and what the finite rest adds up to.
 */
export type Holdings = ResourceTotals & {
  unlimitedHolders: ResourceTotals;
  finiteTotal: ResourceTotals;
};

export interface AvailabilityConflict {
  group: ValueGroup;
  key: string;
  planValue: number | string | boolean;
  availableValue: number | string | boolean;
}

/** Shared limits are consumed by every subscription's holding; the others cap each one alone. */
export const SHARED_RESOURCES: Readonly<Record<NumericResourceKey, boolean>> = Object.fromEntries(
  NUMERIC_RESOURCE_KEYS.map((k) => [k, catalogueItem('resources', k).shared]),
) as Record<NumericResourceKey, boolean>;

function zeros(): ResourceTotals {
  const totals = {} as ResourceTotals;
  for (const k of NUMERIC_RESOURCE_KEYS) totals[k] = 0;
  return totals;
}

export function emptyHoldings(): Holdings {
  return Object.assign(zeros(), { unlimitedHolders: zeros(), finiteTotal: zeros() });
}

/** Copies the holdings (plain objects of numbers, one level of nesting) without structuredClone's cost. */
export function cloneHoldings(h: Holdings): Holdings {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(h)) copy[key] = typeof value === 'object' && value !== null ? { ...value } : value;
  return copy as Holdings;
}

/** Adds (sign 1) or removes (sign -1) one subscription's values. Mutates `h`; O(keys). */
export function addHolding(h: Holdings, values: Values, sign: 1 | -1): void {
  for (const k of NUMERIC_RESOURCE_KEYS) {
    const v = values.resources[k];
    if (v === UNLIMITED) h.unlimitedHolders[k] += sign;
    else if (Number.isFinite(v)) h.finiteTotal[k] += sign * v;
    h[k] = h.unlimitedHolders[k] > 0 ? Infinity : h.finiteTotal[k];
  }
}

/** Keeps totals current when one subscription changes (null = created / removed). */
export function replaceHolding(h: Holdings, before: Values | null, after: Values | null): void {
  if (before) addHolding(h, before, -1);
  if (after) addHolding(h, after, 1);
}

/** Every subscription holds its values, suspended or not: suspension frees nothing in Plesk. */
export function holdingsOf(subscriptions: readonly Subscription[]): Holdings {
  // Tallied in typed arrays: called over 10,000 subscriptions when a store loads.
  const n = NUMERIC_RESOURCE_KEYS.length;
  const finite = new Float64Array(n);
  const unlimited = new Float64Array(n);
  for (const s of subscriptions) {
    const r = s.values.resources;
    for (let i = 0; i < n; i++) {
      tally(finite, unlimited, i, r[NUMERIC_RESOURCE_KEYS[i] as NumericResourceKey], 1);
    }
  }
  const h = emptyHoldings();
  writeTallies(h, finite, unlimited);
  return h;
}

/** Adds one amount to tallies kept by index of NUMERIC_RESOURCE_KEYS (the bulk paths' addHolding). */
export function tally(finite: Float64Array, unlimited: Float64Array, i: number, v: number, sign: 1 | -1): void {
  if (v === UNLIMITED) unlimited[i] = (unlimited[i] ?? 0) + sign;
  else if (Number.isFinite(v)) finite[i] = (finite[i] ?? 0) + sign * v;
}

/** Stores tallies kept by index of NUMERIC_RESOURCE_KEYS into `h` (bulk paths use arrays). */
export function writeTallies(h: Holdings, finite: Float64Array, unlimited: Float64Array): void {
  NUMERIC_RESOURCE_KEYS.forEach((k, i) => {
    h.finiteTotal[k] = finite[i] ?? 0;
    h.unlimitedHolders[k] = unlimited[i] ?? 0;
    h[k] = h.unlimitedHolders[k] > 0 ? Infinity : h.finiteTotal[k];
  });
}

/** What the other subscriptions hold, given the totals and one subscription's own values. */
export function othersHolding(h: Holdings, own: Values): ResourceTotals {
  const others = {} as ResourceTotals;
  for (const k of NUMERIC_RESOURCE_KEYS) {
    const v = own.resources[k];
    const unlimited = h.unlimitedHolders[k] - (v === UNLIMITED ? 1 : 0);
    others[k] = unlimited > 0 ? Infinity : h.finiteTotal[k] - (v === UNLIMITED || !Number.isFinite(v) ? 0 : v);
  }
  return others;
}

/**
 * Whether what the other subscriptions hold can change what is available: only when overselling
 * is off and some shared resource has a finite limit (SPEC §1.4). When it cannot, the clamped
 * values of a plan are the same for every subscription on it.
 */
export function availabilityDependsOnHoldings(reseller: Reseller): boolean {
  if (reseller.oversell) return false;
  return NUMERIC_RESOURCE_KEYS.some((k) => SHARED_RESOURCES[k] && reseller.limits[k] !== UNLIMITED);
}

/** The available amount of one numeric resource for a plan value (SPEC §1.4). */
export function availableAmount(key: NumericResourceKey, planValue: number, reseller: Reseller, othersHold: number): number {
  const limit = reseller.limits[key];
  if (limit === UNLIMITED) return planValue;
  let cap = limit;
  if (!reseller.oversell && SHARED_RESOURCES[key]) cap = Math.max(0, limit - othersHold);
  return planValue === UNLIMITED ? cap : Math.min(planValue, cap);
}

/**
 * Desired values cut down to what the reseller can give, and every item that had to change.
 * Overuse, expiration, hosting parameters and PHP settings are always available.
 */
export function clampToAvailable(
  desired: Values,
  reseller: Reseller,
  othersHold: Readonly<ResourceTotals>,
): { values: Values; conflicts: AvailabilityConflict[] } {
  const conflicts: AvailabilityConflict[] = [];
  const resources = { ...desired.resources };
  for (const k of NUMERIC_RESOURCE_KEYS) {
    const planValue = desired.resources[k];
    const available = availableAmount(k, planValue, reseller, othersHold[k]);
    if (available !== planValue) {
      resources[k] = available;
      conflicts.push({ group: 'resources', key: k, planValue, availableValue: available });
    }
  }
  const permissions = { ...desired.permissions };
  for (const k of PERMISSION_KEYS) {
    if (permissions[k] && !reseller.permissions[k]) {
      permissions[k] = false;
      conflicts.push({ group: 'permissions', key: k, planValue: true, availableValue: false });
    }
  }
  return {
    values: { resources, permissions, hosting: { ...desired.hosting }, php: { ...desired.php } },
    conflicts,
  };
}

/** SPEC §1.4: one more customer (`max_cl`) or subscription (`max_dom`) fits within the reseller's limit. */
export function withinResellerLimit(reseller: Reseller, key: ResellerLimitKey, count: number): boolean {
  const limit = reseller.limits[key];
  return limit === UNLIMITED || count < limit;
}
