/**
 * Home > Overview of my resources and permissions, and GET /reseller `usage` (SPEC §1.4): per
 * limit, what the provider gave (limit), what the subscriptions hold (allocated), what they
 * actually use (used) and what remains under the current oversell policy.
 *
 * Overselling allowed = governed "by actual resource usage instead of initial resource
 * allocation" (Plesk): remaining = limit − used, where disk space and traffic are what the
 * websites use and counted resources count what exists (domains, subdomains, aliases,
 * subscriptions, customers). Overselling not allowed: remaining = limit − allocated.
 */
import { holdingsOf, SHARED_RESOURCES } from './availability';
import { NUMERIC_RESOURCE_KEYS, RESELLER_LIMIT_KEYS, UNLIMITED, USAGE_KEYS } from './types';
import type { NumericResourceKey, Reseller, ResellerLimitKey, Subscription, UsageKey } from './types';

export interface ResourceRow {
  /** The provider's limit; -1 = Unlimited. */
  limit: number;
  /** What subscriptions hold (customers for max_cl, subscriptions for max_dom); -1 = an unlimited holding. */
  allocated: number;
  /** What actually is used or exists. */
  used: number;
  /** What remains under the oversell policy; -1 = Unlimited. */
  remaining: number;
}

export type ResellerResources = Record<NumericResourceKey | ResellerLimitKey, ResourceRow>;

const isUsageKey = (k: string): k is UsageKey => (USAGE_KEYS as readonly string[]).includes(k);

export function resellerResources(reseller: Reseller, subscriptions: readonly Subscription[], customerCount: number): ResellerResources {
  const h = holdingsOf(subscriptions);
  const used = { disk_space: 0, max_traffic: 0, max_site: 0, max_subdom: 0, max_dom_aliases: 0 };
  for (const s of subscriptions) for (const k of USAGE_KEYS) used[k] += s.usage[k];
  const rows = {} as ResellerResources;
  const row = (limit: number, allocated: number, actual: number, consumed: boolean): ResourceRow => {
    if (limit === UNLIMITED || !consumed) return { limit, allocated, used: actual, remaining: limit };
    const basis = reseller.oversell ? actual : allocated;
    return { limit, allocated, used: actual, remaining: basis === UNLIMITED ? 0 : Math.max(0, limit - basis) };
  };
  for (const k of NUMERIC_RESOURCE_KEYS) {
    if (SHARED_RESOURCES[k]) {
      const allocated = h[k] === Infinity ? UNLIMITED : h[k];
      // Mailboxes, databases… are not simulated: nothing of them exists yet.
      rows[k] = row(reseller.limits[k], allocated, isUsageKey(k) ? used[k] : 0, true);
    } else {
      // A per-item cap (mailbox size): the largest handed out; it is not consumed.
      let largest = 0;
      for (const s of subscriptions) {
        const v = s.values.resources[k];
        if (v === UNLIMITED) {
          largest = UNLIMITED;
          break;
        }
        largest = Math.max(largest, v);
      }
      rows[k] = row(reseller.limits[k], largest, largest, false);
    }
  }
  const counts: Record<ResellerLimitKey, number> = { max_cl: customerCount, max_dom: subscriptions.length };
  for (const k of RESELLER_LIMIT_KEYS) rows[k] = row(reseller.limits[k], counts[k], counts[k], true);
  return rows;
}
