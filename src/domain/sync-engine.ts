/**
 * Synchronization (SPEC §1.3): how a subscription follows its plan and add-ons, within what
 * the reseller can provision. Pure functions over plain data: they return new records and
 * never write a store. Only `applyPlanEdit` mutates something: the context's holdings, so that
 * shared limits are consumed subscription by subscription.
 */
import {
  SHARED_RESOURCES,
  addHolding,
  availabilityDependsOnHoldings,
  availableAmount,
  clampToAvailable,
  cloneHoldings,
  othersHolding,
  tally,
  writeTallies,
} from './availability';
import type { AvailabilityConflict, Holdings, ResourceTotals } from './availability';
import type { ValidationIssue } from './schemas';
import { emptyValues } from './catalogue';
import { withReason } from './suspension';
import { newWebsite, usageOf } from './websites';
import { HOSTING_KEYS, NUMERIC_RESOURCE_KEYS, PERMISSION_KEYS, PHP_KEYS, RESOURCE_KEYS, UNLIMITED } from './types';
import type {
  NumericResourceKey,
  ProviderPatch,
  RecordStatus,
  Reseller,
  ServicePlan,
  Subscription,
  SyncConflict,
  SyncReport,
  SyncState,
  ValueGroup,
  Values,
  ValuesPatch,
} from './types';

export interface EngineContext {
  reseller: Reseller;
  plan(id: string): ServicePlan | undefined;
  /**
   * Totals over ALL subscriptions, kept current by the caller (see `replaceHolding`); the
   * engine subtracts a subscription's own values to get what the others hold.
   */
  holdings: Holdings;
  /**
   * Optional, for creating many subscriptions at once (scenarios, imports): remembers the clamped
   * desired values per plan and add-ons, shared by every subscription on them, while availability
   * does not depend on holdings. Use a fresh Map per batch: it is not told about plan edits.
   */
  memo?: Map<string, { values: Values; conflicts: AvailabilityConflict[] }>;
}

export type SyncOutcome =
  { outcome: 'synced'; conflicts: []; subscription: Subscription } | { outcome: 'conflicts'; conflicts: SyncConflict[]; subscription: Subscription };

/** A rule the caller should have checked first (unknown plan, syncing a custom subscription…). */
export class DomainRuleError extends Error {
  readonly code: string;
  constructor(code: string, detail?: string) {
    super(detail === undefined ? code : `${code}: ${detail}`);
    this.name = 'DomainRuleError';
    this.code = code;
  }
}

/**
 * A Customize asked for values the reseller cannot provide (SPEC §1.3): one issue per field,
 * `beyond_available` naming the available value, `not_available` for a permission it lacks.
 */
export class ValuesRefused extends Error {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    super(`Not available: ${issues.map((i) => i.path).join(', ')}`);
    this.name = 'ValuesRefused';
    this.issues = issues;
  }
}

/** `expiresAt` is always the date of the `expiration` value (SPEC §1.1, §1.6): null = unlimited. */
export function expiresAtOf(values: Values): string | null {
  const expiration = values.resources.expiration;
  return typeof expiration === 'string' ? expiration : null;
}

/** The record with new values: `expiresAt` follows them. */
function withNewValues(s: Subscription, values: Values, changes: Partial<Subscription> = {}): Subscription {
  return { ...s, ...changes, values, expiresAt: expiresAtOf(values) };
}

const GROUP_KEYS: ReadonlyArray<readonly [ValueGroup, readonly string[]]> = [
  ['resources', RESOURCE_KEYS],
  ['permissions', PERMISSION_KEYS],
  ['hosting', HOSTING_KEYS],
  ['php', PHP_KEYS],
];

function valueAt(values: Values, group: ValueGroup, key: string): number | string | boolean {
  return (values[group] as Record<string, number | string | boolean>)[key] as number | string | boolean;
}

// ---------------------------------------------------------------------------------------------
// Values

/** `patch` merged into `values`, as a new object. Keys the values do not have are ignored. */
export function mergeValues(values: Values, patch: ValuesPatch): Values {
  return {
    resources: mergeGroup(values.resources, patch.resources),
    permissions: mergeGroup(values.permissions, patch.permissions),
    hosting: mergeGroup(values.hosting, patch.hosting),
    php: mergeGroup(values.php, patch.php),
  };
}

function mergeGroup<T extends object>(base: T, patch: Partial<T> | undefined): T {
  const merged = { ...base };
  if (!patch) return merged;
  for (const [key, value] of Object.entries(patch)) {
    // hasOwn, not `in`: a JSON "__proto__" key must not reach the prototype.
    if (value !== undefined && Object.hasOwn(base, key)) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/**
 * What a plan-based subscription should hold: the hosting plan's values plus its add-ons'.
 * Numeric resources add up (-1 absorbs), a permission is on if any plan grants it; overuse,
 * expiration, hosting parameters and PHP settings come from the hosting plan alone.
 */
export function desiredValues(plan: ServicePlan, addons: readonly ServicePlan[]): Values {
  const resources = { ...plan.values.resources };
  const permissions = { ...plan.values.permissions };
  for (const addon of addons) {
    for (const k of NUMERIC_RESOURCE_KEYS) {
      const a = resources[k];
      const b = addon.values.resources[k];
      resources[k] = a === UNLIMITED || b === UNLIMITED ? UNLIMITED : a + b;
    }
    for (const k of PERMISSION_KEYS) if (addon.values.permissions[k]) permissions[k] = true;
  }
  return { resources, permissions, hosting: { ...plan.values.hosting }, php: { ...plan.values.php } };
}

/** Rows for the subscription page: where its values differ from what its plan offers. */
export function valueDifferences(
  s: Subscription,
  desired: Values,
): Array<{ group: ValueGroup; key: string; subscriptionValue: number | string | boolean; planValue: number | string | boolean }> {
  const rows = [];
  for (const [group, keys] of GROUP_KEYS) {
    for (const key of keys) {
      const subscriptionValue = valueAt(s.values, group, key);
      const planValue = valueAt(desired, group, key);
      if (subscriptionValue !== planValue) rows.push({ group, key, subscriptionValue, planValue });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Sync state

export function syncState(s: Subscription): SyncState {
  if (s.planId === null) return 'custom';
  if (s.locked) return 'locked';
  return s.synchronized ? 'synced' : 'unsynced';
}

function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function resolvePlans(planId: string, addonIds: readonly string[], ctx: EngineContext): [ServicePlan, ServicePlan[]] {
  const plan = ctx.plan(planId);
  if (!plan) throw new DomainRuleError('unknown_plan', planId);
  if (plan.kind !== 'hosting') throw new DomainRuleError('not_a_hosting_plan', planId);
  const addons = addonIds.map((addonId) => {
    const addon = ctx.plan(addonId);
    if (!addon) throw new DomainRuleError('unknown_plan', addonId);
    if (addon.kind !== 'addon') throw new DomainRuleError('not_an_addon_plan', addonId);
    return addon;
  });
  return [plan, addons];
}

/** The desired values of a plan-based subscription (throws for a custom one). */
export function desiredValuesOf(s: Pick<Subscription, 'planId' | 'addonIds'>, ctx: EngineContext): Values {
  if (s.planId === null) throw new DomainRuleError('custom_has_no_plan');
  const [plan, addons] = resolvePlans(s.planId, s.addonIds, ctx);
  return desiredValues(plan, addons);
}

/** One row per conflicting item per website: the dialog's grid (SPEC §1.3). */
function conflictRows(s: Subscription, conflicts: readonly AvailabilityConflict[]): SyncConflict[] {
  const websites = s.websites.length > 0 ? s.websites : [s.domain];
  const rows: SyncConflict[] = [];
  for (const domain of websites) {
    for (const c of conflicts) rows.push({ subscriptionId: s.id, domain, ...c });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Operations

export interface NewSubscriptionInput {
  id: string;
  domain: string;
  ownerId: string | null;
  planId: string | null;
  addonIds: string[];
  ipAddress: string;
  systemUser: string;
  createdAt: string;
  /** Values of a custom subscription (default: a plan that offers nothing). */
  customValues?: Values;
}

/**
 * A new subscription: the desired values clamped to what is available; Synced when nothing had
 * to be clamped. A custom one (planId null) holds `customValues`, clamped, with no add-ons.
 * It is not yet in `ctx.holdings`: the caller adds it.
 */
/** One key per hosting plan and add-ons: subscriptions on the same ones share desired values. */
function plansKey(planId: string, addonIds: readonly string[]): string {
  return addonIds.length === 0 ? planId : `${planId}\u0000${addonIds.join('\u0000')}`;
}

function clampedDesired(planId: string, addonIds: readonly string[], ctx: EngineContext) {
  const memo = ctx.memo && !availabilityDependsOnHoldings(ctx.reseller) ? ctx.memo : undefined;
  const key = plansKey(planId, addonIds);
  const known = memo?.get(key);
  if (known) return known;
  const clamped = clampToAvailable(desiredValuesOf({ planId, addonIds: [...addonIds] }, ctx), ctx.reseller, ctx.holdings);
  memo?.set(key, clamped);
  return clamped;
}

export function createSubscription(input: NewSubscriptionInput, ctx: EngineContext): Subscription {
  const custom = input.planId === null;
  const addonIds = custom ? [] : uniqueIds(input.addonIds);
  const { values, conflicts } =
    input.planId === null ? clampToAvailable(input.customValues ?? emptyValues(), ctx.reseller, ctx.holdings) : clampedDesired(input.planId, addonIds, ctx);
  return {
    id: input.id,
    domain: input.domain,
    ownerId: input.ownerId,
    planId: input.planId,
    addonIds,
    ipAddress: input.ipAddress,
    systemUser: input.systemUser,
    status: 'active',
    locked: false,
    synchronized: !custom && conflicts.length === 0,
    values,
    websites: [input.domain],
    sites: [newWebsite(input.domain, 'domain', null)],
    usage: usageOf([newWebsite(input.domain, 'domain', null)]),
    suspendedBy: [],
    overused: [],
    createdAt: input.createdAt,
    expiresAt: expiresAtOf(values),
  };
}

function clampDesired(s: Subscription, ctx: EngineContext) {
  return clampToAvailable(desiredValuesOf(s, ctx), ctx.reseller, othersHolding(ctx.holdings, s.values));
}

function syncToPlan(s: Subscription, ctx: EngineContext): SyncOutcome {
  const { values, conflicts } = clampDesired(s, ctx);
  if (conflicts.length > 0) return { outcome: 'conflicts', conflicts: conflictRows(s, conflicts), subscription: s };
  return { outcome: 'synced', conflicts: [], subscription: withNewValues(s, values, { locked: false, synchronized: true }) };
}

/**
 * Synchronize: re-apply the desired values. If all are available the subscription becomes
 * Synced; otherwise nothing changes and the conflict rows are returned (the caller may then
 * use acceptAvailableValues). Refused (throws) for custom and locked subscriptions.
 */
export function synchronize(s: Subscription, ctx: EngineContext): SyncOutcome {
  if (s.planId === null) throw new DomainRuleError('custom_has_no_plan');
  if (s.locked) throw new DomainRuleError('locked_use_unlock');
  return syncToPlan(s, ctx);
}

/** OK in the Synchronization failed dialog: take what is available; Unsynced if anything is missing. */
export function acceptAvailableValues(s: Subscription, ctx: EngineContext): Subscription {
  const { values, conflicts } = clampDesired(s, ctx);
  return withNewValues(s, values, { locked: false, synchronized: conflicts.length === 0 });
}

/**
 * What a Customize patch actually changes: the keys whose value differs from the record's.
 * Keys the values do not have are ignored (the schema refuses them first).
 */
export function changedKeys(values: Values, patch: ValuesPatch): Array<{ group: ValueGroup; key: string; value: number | string | boolean }> {
  const changes: Array<{ group: ValueGroup; key: string; value: number | string | boolean }> = [];
  for (const [group] of GROUP_KEYS) {
    const part = patch[group] as Record<string, number | string | boolean | undefined> | undefined;
    if (!part) continue;
    const current = values[group] as Record<string, number | string | boolean>;
    for (const [key, value] of Object.entries(part)) {
      if (value !== undefined && Object.hasOwn(current, key) && current[key] !== value) changes.push({ group, key, value });
    }
  }
  return changes;
}

/**
 * Customize (SPEC §1.3): the subscription's own values change and a plan-based one is locked.
 * Only the changed keys are checked against what the reseller can provide; one beyond it is
 * refused (ValuesRefused, naming the available value), never silently lowered. Keys the patch
 * does not change are left exactly as they are, even where the provider has since lowered a
 * limit. A patch that changes nothing returns the record itself: nothing changes, no lock.
 */
export function customize(s: Subscription, patch: ValuesPatch, ctx: EngineContext): Subscription {
  const changes = changedKeys(s.values, patch);
  if (changes.length === 0) return s;
  const others = othersHolding(ctx.holdings, s.values);
  const issues: ValidationIssue[] = [];
  for (const { group, key, value } of changes) {
    if (group === 'resources' && typeof value === 'number' && (NUMERIC_RESOURCE_KEYS as readonly string[]).includes(key)) {
      const k = key as NumericResourceKey;
      const available = availableAmount(k, value, ctx.reseller, others[k]);
      if (available !== value) issues.push({ path: `resources.${k}`, code: 'beyond_available', params: { available, key: k } });
    } else if (group === 'permissions' && value === true && !ctx.reseller.permissions[key as keyof Reseller['permissions']]) {
      issues.push({ path: `permissions.${key}`, code: 'not_available' });
    }
  }
  if (issues.length > 0) throw new ValuesRefused(issues);
  const values = mergeValues(s.values, patch);
  if (s.planId === null) return withNewValues(s, values, { locked: false, synchronized: false });
  return withNewValues(s, values, { locked: true, synchronized: false });
}

/** Unlock and Sync: discard the customization and synchronize; on conflicts nothing changes yet. */
export function unlockAndSync(s: Subscription, ctx: EngineContext): SyncOutcome {
  if (s.planId === null) throw new DomainRuleError('custom_has_no_plan');
  return syncToPlan(s, ctx);
}

/**
 * Change Plan: switch plan and add-ons, unlock, and apply the clamped desired values. No plan
 * makes it Custom: add-ons removed, values kept (but clamped), no sync state.
 */
export function changePlan(s: Subscription, planId: string | null, addonIds: readonly string[], ctx: EngineContext): Subscription {
  return changePlanAgainst(s, planId, addonIds, othersHolding(ctx.holdings, s.values), ctx);
}

function changePlanAgainst(
  s: Subscription,
  planId: string | null,
  addonIds: readonly string[],
  others: Readonly<ResourceTotals>,
  ctx: EngineContext,
): Subscription {
  if (planId === null) {
    if (addonIds.length > 0) throw new DomainRuleError('custom_has_no_addons');
    const { values } = clampToAvailable(s.values, ctx.reseller, others);
    return withNewValues(s, values, { planId: null, addonIds: [], locked: false, synchronized: false });
  }
  const ids = uniqueIds(addonIds);
  const [plan, addons] = resolvePlans(planId, ids, ctx);
  const { values, conflicts } = clampToAvailable(desiredValues(plan, addons), ctx.reseller, others);
  return withNewValues(s, values, { planId, addonIds: ids, locked: false, synchronized: conflicts.length === 0 });
}

/**
 * Change Plan on many subscriptions at once (bulk): like Update & Sync, the outcome does not
 * depend on the order they are given in. What they all held is released first, then shared
 * limits go to the oldest first. Returns the new records in creation order.
 */
export function changePlanMany(subscriptions: readonly Subscription[], planId: string | null, addonIds: readonly string[], ctx: EngineContext): Subscription[] {
  const pool = cloneHoldings(ctx.holdings);
  for (const s of subscriptions) addHolding(pool, s.values, -1);
  const out: Subscription[] = [];
  for (const s of inCreationOrder(subscriptions)) {
    const next = changePlanAgainst(s, planId, addonIds, pool, ctx);
    addHolding(pool, next.values, 1);
    out.push(next);
  }
  return out;
}

function byCreation(a: Subscription, b: Subscription): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function inCreationOrder(subscriptions: readonly Subscription[]): readonly Subscription[] {
  for (let i = 1; i < subscriptions.length; i++) {
    if (byCreation(subscriptions[i - 1] as Subscription, subscriptions[i] as Subscription) > 0) {
      return [...subscriptions].sort(byCreation);
    }
  }
  return subscriptions;
}

function sameGroup(a: object, b: object, keys: readonly string[]): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of keys) if (x[k] !== y[k]) return false;
  return true;
}

/**
 * `{ ...s, values, synchronized }` written out: subscriptions arrive in many hidden shapes, and
 * a spread over them falls off V8's fast path, which dominated Update & Sync over 10,000.
 * Only the fields of Subscription are carried.
 */
function withValues(s: Subscription, values: Values, synchronized: boolean): Subscription {
  return {
    id: s.id,
    domain: s.domain,
    ownerId: s.ownerId,
    planId: s.planId,
    addonIds: s.addonIds,
    ipAddress: s.ipAddress,
    systemUser: s.systemUser,
    status: s.status,
    locked: s.locked,
    synchronized,
    values,
    websites: s.websites,
    sites: s.sites,
    usage: s.usage,
    suspendedBy: s.suspendedBy,
    overused: s.overused,
    createdAt: s.createdAt,
    expiresAt: expiresAtOf(values),
  };
}

/** What every subscription on one plan + add-ons combination gets, before shared limits. */
interface PlanTemplate {
  desired: Values;
  /** Clamped values, exact except for the keys whose availability depends on others. */
  values: Values;
  /** Conflicts on keys that do not depend on what others hold. */
  fixedConflicts: number;
  /** `values.resources` by index of NUMERIC_RESOURCE_KEYS, as holdings count them. */
  finiteAmounts: Float64Array;
  unlimitedFlags: Float64Array;
}

const NO_HOLDINGS: Readonly<ResourceTotals> = Object.fromEntries(NUMERIC_RESOURCE_KEYS.map((k) => [k, 0])) as ResourceTotals;

/**
 * Update & Sync: every unlocked subscription using the plan (as plan or add-on) gets its
 * clamped desired values. What they held is released first, then shared limits go to the
 * oldest first: when all fit, all end Synced, whatever order they are passed in.
 * Locked ones are skipped and counted. `ctx.holdings` is current when it returns.
 * `changed` lists only the subscriptions whose values or sync state actually changed.
 *
 * Same result as clampToAvailable one subscription at a time, but benchmarked over 10,000
 * subscriptions: what does not depend on the other subscriptions is computed once per
 * plan + add-ons combination, and holdings are tallied in typed arrays.
 */
export function applyPlanEdit(planId: string, subscriptions: readonly Subscription[], ctx: EngineContext): { changed: Subscription[]; report: SyncReport } {
  const report: SyncReport = { synced: 0, unsynced: 0, locked: 0, unsyncedIds: [] };
  const changed: Subscription[] = [];
  const { reseller, holdings } = ctx;
  const keys = NUMERIC_RESOURCE_KEYS;
  const n = keys.length;
  const finite = new Float64Array(n);
  const unlimited = new Float64Array(n);
  const limits = new Float64Array(n);
  // Only shared limits, when finite and not oversold, depend on what the others hold.
  const dependent: number[] = [];
  const dependentKeys = new Set<string>();
  keys.forEach((k, i) => {
    finite[i] = holdings.finiteTotal[k];
    unlimited[i] = holdings.unlimitedHolders[k];
    limits[i] = reseller.limits[k];
    if (!reseller.oversell && SHARED_RESOURCES[k] && reseller.limits[k] !== UNLIMITED) {
      dependent.push(i);
      dependentKeys.add(k);
    }
  });
  const templates = new Map<string, PlanTemplate>();
  const templateOf = (s: Subscription): PlanTemplate => {
    // Only plan-based subscriptions get here (custom ones are skipped above).
    const cacheKey = plansKey(s.planId ?? '', s.addonIds);
    let template = templates.get(cacheKey);
    if (!template) {
      const desired = desiredValuesOf(s, ctx);
      const base = clampToAvailable(desired, reseller, NO_HOLDINGS);
      const fixedConflicts = base.conflicts.filter((c) => !(c.group === 'resources' && dependentKeys.has(c.key))).length;
      const finiteAmounts = new Float64Array(n);
      const unlimitedFlags = new Float64Array(n);
      keys.forEach((k, i) => {
        const v = base.values.resources[k];
        if (v === UNLIMITED) unlimitedFlags[i] = 1;
        else if (Number.isFinite(v)) finiteAmounts[i] = v;
      });
      template = { desired, values: base.values, fixedConflicts, finiteAmounts, unlimitedFlags };
      templates.set(cacheKey, template);
    }
    return template;
  };

  // What every following subscription held is released before any of them is measured: each is
  // then measured against the non-following ones and the older followers' new values only, so the
  // outcome does not depend on the order they arrive in (SPEC §1.3), and all fit when they can.
  const following: Subscription[] = [];
  for (const s of inCreationOrder(subscriptions)) {
    if (s.planId === null || (s.planId !== planId && !s.addonIds.includes(planId))) continue;
    if (s.locked) {
      report.locked++;
      continue;
    }
    following.push(s);
    const before = s.values.resources;
    for (let i = 0; i < n; i++) tally(finite, unlimited, i, before[keys[i] as NumericResourceKey], -1);
  }

  for (const s of following) {
    const template = templateOf(s);
    const tv = template.values;
    // The template already holds what dependent keys get when there is room; copy on clamp only.
    let resources = tv.resources;
    let conflicts = template.fixedConflicts;
    for (const i of dependent) {
      const k = keys[i] as NumericResourceKey;
      const planValue = template.desired.resources[k];
      const others = (unlimited[i] as number) > 0 ? Infinity : (finite[i] as number);
      const remaining = Math.max(0, (limits[i] as number) - others);
      const available = planValue === UNLIMITED ? remaining : Math.min(planValue, remaining);
      if (available !== planValue) conflicts++;
      if (available !== resources[k]) {
        if (resources === tv.resources) resources = { ...tv.resources };
        resources[k] = available;
      }
    }
    if (resources === tv.resources) {
      for (let i = 0; i < n; i++) {
        finite[i] = (finite[i] ?? 0) + (template.finiteAmounts[i] ?? 0);
        unlimited[i] = (unlimited[i] ?? 0) + (template.unlimitedFlags[i] ?? 0);
      }
    } else {
      for (let i = 0; i < n; i++) tally(finite, unlimited, i, resources[keys[i] as NumericResourceKey], 1);
    }
    const synchronized = conflicts === 0;
    if (synchronized) report.synced++;
    else {
      report.unsynced++;
      report.unsyncedIds.push(s.id);
    }
    // Subscriptions of one template share its values objects rather than copies: records are
    // never mutated in place, and 10,000 copies were most of the cost of Update & Sync.
    const values: Values = resources === tv.resources ? tv : { resources, permissions: tv.permissions, hosting: tv.hosting, php: tv.php };
    const old = s.values;
    const unchanged =
      synchronized === s.synchronized &&
      s.expiresAt === expiresAtOf(values) &&
      (old === values ||
        (sameGroup(old.resources, resources, RESOURCE_KEYS) &&
          sameGroup(old.permissions, tv.permissions, PERMISSION_KEYS) &&
          sameGroup(old.hosting, tv.hosting, HOSTING_KEYS) &&
          sameGroup(old.php, tv.php, PHP_KEYS)));
    if (!unchanged) changed.push(withValues(s, values, synchronized));
  }
  writeTallies(holdings, finite, unlimited);
  return { changed, report };
}

/**
 * Suspend / Activate: never the sync state. Only the reseller's own reason (SPEC §1.6): the
 * status follows `suspendedBy` (see suspension.ts).
 */
export function setStatus(s: Subscription, status: RecordStatus): Subscription {
  return withReason(s, 'reseller', status === 'suspended');
}

/**
 * The provider grants or takes away. Only the reseller changes: existing subscriptions keep
 * their values until they are next synchronized (SPEC §1.3).
 */
export function applyProviderPatch(reseller: Reseller, patch: ProviderPatch): Reseller {
  // `oversell` and the "Allow overselling" permission are one setting seen twice: keep them equal.
  const oversell = patch.oversell ?? patch.permissions?.allow_oversell ?? reseller.oversell;
  return {
    ...reseller,
    limits: mergeGroup(reseller.limits, patch.limits),
    permissions: { ...mergeGroup(reseller.permissions, patch.permissions), allow_oversell: oversell },
    oversell,
    ipPool: reseller.ipPool.map((ip) => ({ ...ip })),
  };
}

// ---------------------------------------------------------------------------------------------
// What the panel may offer on a subscription (buttons say why they are disabled)

export type ActionName = 'customize' | 'synchronize' | 'unlockAndSync' | 'changePlan' | 'changeSubscriber' | 'suspend' | 'activate' | 'remove';

export type CanReason = 'custom_has_no_plan' | 'locked_use_unlock' | 'not_locked' | 'already_suspended' | 'already_active';
// The sentences are in the i18next catalogues: src/i18n/locales/<lang>/reasons.json, key = reason.

type Can = { allowed: boolean; reason?: CanReason };
const ALLOWED: Can = Object.freeze({ allowed: true });
const refused = (reason: CanReason): Can => ({ allowed: false, reason });

export function subscriptionCan(s: Subscription): Record<ActionName, Can> {
  const custom = s.planId === null;
  return {
    customize: ALLOWED,
    // Re-applying to a synced subscription is harmless, so it stays allowed.
    synchronize: custom ? refused('custom_has_no_plan') : s.locked ? refused('locked_use_unlock') : ALLOWED,
    unlockAndSync: custom ? refused('custom_has_no_plan') : s.locked ? ALLOWED : refused('not_locked'),
    changePlan: ALLOWED,
    changeSubscriber: ALLOWED,
    // Suspend adds the reseller's own reason (SPEC §1.6): allowed while only something else suspends it.
    suspend: s.suspendedBy.includes('reseller') ? refused('already_suspended') : ALLOWED,
    activate: s.status === 'active' ? refused('already_active') : ALLOWED,
    remove: ALLOWED,
  };
}
