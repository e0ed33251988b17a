/**
 * Why a subscription is suspended (SPEC §1.6): `suspendedBy` lists the reasons — the reseller's
 * Suspend, its customer being suspended, expiration, overuse — and `status` is `suspended`
 * while any applies. Each action adds or lifts only its own reason.
 */
import { hasExpired } from './clock';
import { overuseOutcome } from './overuse';
import { SUSPENSION_REASONS } from './types';
import type { RecordStatus, Subscription, SuspensionReason } from './types';

export const SUSPENSION_LABELS: Readonly<Record<SuspensionReason, { en: string; fr: string }>> = {
  reseller: { en: 'Suspended by you', fr: 'Suspendu par vous' },
  customer: { en: 'Customer suspended', fr: 'Client suspendu' },
  expired: { en: 'Expired', fr: 'Expiré' },
  overuse: { en: 'Overuse', fr: 'Dépassement' },
};

export const statusOf = (suspendedBy: readonly SuspensionReason[]): RecordStatus => (suspendedBy.length > 0 ? 'suspended' : 'active');

/** The subscription with `reason` on or off; the same object when nothing changes. */
export function withReason(s: Subscription, reason: SuspensionReason, on: boolean): Subscription {
  if (s.suspendedBy.includes(reason) === on && s.status === statusOf(s.suspendedBy)) return s;
  const reasons = new Set(s.suspendedBy);
  if (on) reasons.add(reason);
  else reasons.delete(reason);
  const suspendedBy = SUSPENSION_REASONS.filter((r) => reasons.has(r));
  return { ...s, suspendedBy, status: statusOf(suspendedBy) };
}

/** The reasons other than `own` that keep a subscription suspended (what the page says after Activate). */
export const otherReasons = (s: Pick<Subscription, 'suspendedBy'>, own: SuspensionReason): SuspensionReason[] => s.suspendedBy.filter((r) => r !== own);

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => b[i] === k);

/**
 * Applies what follows from the subscription's own data at `now`: `overused` and the overuse
 * policy, expiration. Called after every change of values, usage or the clock. Returns the same
 * object when nothing changes (Update & Sync over 10,000 subscriptions stays cheap).
 */
export function settle(s: Subscription, now: string): Subscription {
  const { overused, suspend } = overuseOutcome(s);
  let next = sameKeys(s.overused, overused) ? s : { ...s, overused };
  next = withReason(next, 'overuse', suspend);
  next = withReason(next, 'expired', hasExpired(next.expiresAt, now));
  return next;
}
