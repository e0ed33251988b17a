/**
 * Response shapes (SPEC §2): records as stored plus what the screens need next to them
 * (subscriptionCount, syncState, planName, ownerName…). Read from the committed store. Their
 * types are the contract's (src/domain/contract.ts), so a view cannot drift from it.
 */
import type { CustomerView, PlanView, ResellerView, SubscriptionView } from '../../domain/contract';
import { resellerResources } from '../../domain/reseller-usage';
import { clockOf } from '../../domain/clock';
import { syncState } from '../../domain/sync-engine';
import type { Customer, ServicePlan, Subscription, SyncState } from '../../domain/types';
import { etagOf, fold } from '../http';
import { OWNER_RESELLER, RESELLER_KEY, db, recordKey, type MockDbState } from '../store';
import { memo } from './common';

const etag = (s: MockDbState, key: string) => etagOf(s.revisions.get(key) ?? 0);

export function customerView(c: Customer, s: MockDbState = db()): CustomerView {
  return { ...c, subscriptionCount: s.indexes.subscriptionsByOwner.get(c.id)?.size ?? 0 };
}
export const customerListItem = (c: Customer, s: MockDbState = db()) => ({
  ...customerView(c, s),
  etag: etag(s, recordKey('customers', c.id)),
});

export interface PlanCounts {
  subscriptionCount: number;
  counts: { synced: number; unsynced: number; locked: number };
}

/** Per plan: how many subscriptions use it (as plan or add-on) and in which sync state. One pass, cached per version. */
function planCounts(s: MockDbState): Map<string, PlanCounts> {
  return memo('planCounts', () => {
    const out = new Map<string, PlanCounts>();
    const bump = (planId: string, state: SyncState) => {
      let entry = out.get(planId);
      if (!entry) out.set(planId, (entry = { subscriptionCount: 0, counts: { synced: 0, unsynced: 0, locked: 0 } }));
      entry.subscriptionCount++;
      if (state !== 'custom') entry.counts[state]++;
    };
    for (const id of s.order.subscriptions) {
      const sub = s.subscriptions[id]!;
      if (sub.planId === null) continue;
      const state = syncState(sub);
      bump(sub.planId, state);
      for (const addon of sub.addonIds) bump(addon, state);
    }
    return out;
  });
}

export function planView(p: ServicePlan, s: MockDbState = db()): PlanView {
  const counts = planCounts(s).get(p.id) ?? { subscriptionCount: 0, counts: { synced: 0, unsynced: 0, locked: 0 } };
  return { ...p, subscriptionCount: counts.subscriptionCount, counts: { ...counts.counts } };
}
export const planListItem = (p: ServicePlan, s: MockDbState = db()) => ({
  ...planView(p, s),
  etag: etag(s, recordKey('plans', p.id)),
});

export function ownerName(ownerId: string | null, s: MockDbState = db()): string {
  if (ownerId === null) return s.reseller.name;
  return s.customers[ownerId]?.contactName ?? '';
}

export function subscriptionView(sub: Subscription, s: MockDbState = db()): SubscriptionView {
  return {
    ...sub,
    syncState: syncState(sub),
    planName: sub.planId === null ? null : (s.plans[sub.planId]?.name ?? null),
    addonNames: sub.addonIds.map((id) => s.plans[id]?.name ?? id),
    ownerName: ownerName(sub.ownerId, s),
  };
}
export const subscriptionListItem = (sub: Subscription, s: MockDbState = db()) => ({
  ...subscriptionView(sub, s),
  etag: etag(s, recordKey('subscriptions', sub.id)),
});

export function resellerView(s: MockDbState = db()): ResellerView {
  const r = s.reseller;
  return {
    name: r.name,
    limits: r.limits,
    permissions: r.permissions,
    oversell: r.oversell,
    ipPool: r.ipPool,
    usage: memo('resellerResources', () =>
      resellerResources(
        r,
        s.order.subscriptions.map((id) => s.subscriptions[id]!),
        s.order.customers.length,
      ),
    ),
    clock: clockOf(r),
  };
}
export const resellerEtag = (s: MockDbState = db()) => etag(s, RESELLER_KEY);

/** Folded subscriber names per owner key, for search and sort (cached per version). */
export function foldedOwnerNames(s: MockDbState = db()): Map<string, string> {
  return memo('ownerNames', () => {
    const names = new Map<string, string>([[OWNER_RESELLER, fold(s.reseller.name)]]);
    for (const id of s.order.customers) names.set(id, fold(s.customers[id]!.contactName));
    return names;
  });
}
