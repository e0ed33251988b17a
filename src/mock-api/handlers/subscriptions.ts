/**
 * /subscriptions: list, create, read, remove, Customize (values), Synchronize, Unlock and Sync,
 * suspend/activate and bulk actions. The rules are the domain engine's; this file looks records
 * up, checks references and uniqueness, and stages the engine's results in the transaction.
 */
import { http } from 'msw';
import type { z } from 'zod/mini';
import { withinResellerLimit } from '../../domain/availability';
import { bulkActionSchema, subscriptionCreateSchema, valuesPatchSchema, type ValidationIssue } from '../../domain/schemas';
import {
  acceptAvailableValues,
  changePlanMany,
  createSubscription,
  customize,
  subscriptionCan,
  synchronize,
  syncState,
  unlockAndSync,
  type SyncOutcome,
} from '../../domain/sync-engine';
import { clockOf } from '../../domain/clock';
import { settle, withReason } from '../../domain/suspension';
import type { RecordStatus, Subscription, SyncConflict, SyncState } from '../../domain/types';
import { enumFilter, fold, json, pageOf, parseListQuery, preconditionFailed, problem, readJson, type ProblemBody } from '../http';
import { OWNER_RESELLER, db, readTx, transact, type Transaction } from '../store';
import { deriveSystemUser } from '../system-user';
import {
  checkIfMatch,
  etagHolds,
  etagOfRecord,
  handle,
  leadingIds,
  memo,
  need,
  noBody,
  parseWith,
  route,
  sortedIds,
  taken,
  toProblem,
  unprocessable,
} from './common';
import { englishReason } from '../messages';
import { foldedOwnerNames, subscriptionListItem, subscriptionView } from './views';

const SORT_KEYS = ['domain', 'subscriber', 'plan', 'syncState', 'status', 'createdAt', 'diskUsage'] as const;
type SubscriptionSort = (typeof SORT_KEYS)[number];
const SYNC_STATES = ['synced', 'unsynced', 'locked', 'custom'] as const;
const STATUSES = ['active', 'suspended'] as const;
const SYNC_RANK: Record<SyncState, number> = { synced: 0, unsynced: 1, locked: 2, custom: 3 };

// ---------------------------------------------------------------------------------------------
// Listing

function sortKey(sort: SubscriptionSort): (id: string) => string | number {
  const s = db();
  const sub = (id: string) => s.subscriptions[id]!;
  switch (sort) {
    case 'domain':
      return (id) => sub(id).domain;
    case 'subscriber': {
      const names = foldedOwnerNames(s);
      return (id) => names.get(sub(id).ownerId ?? OWNER_RESELLER) ?? '';
    }
    case 'plan': {
      // Custom subscriptions (no plan) sort last.
      return (id) => {
        const planId = sub(id).planId;
        return planId === null ? '\uffff' : fold(s.plans[planId]?.name ?? '');
      };
    }
    case 'syncState':
      return (id) => SYNC_RANK[syncState(sub(id))];
    case 'status':
      return (id) => sub(id).status;
    case 'createdAt':
      return (id) => sub(id).createdAt;
    case 'diskUsage':
      return (id) => sub(id).usage.disk_space;
  }
}

/** Domain and subscriber (contact and company) folded for `q`, cached per store version. */
function haystack(id: string): string {
  const hay = memo('hay:subscriptions', () => new Map<string, string>());
  let text = hay.get(id);
  if (text === undefined) {
    const s = db();
    const sub = s.subscriptions[id]!;
    const owner = sub.ownerId === null ? s.reseller.name : `${s.customers[sub.ownerId]?.contactName ?? ''}\n${s.customers[sub.ownerId]?.companyName ?? ''}`;
    text = `${sub.domain}\n${fold(owner)}`;
    hay.set(id, text);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Checks shared by create and bulk

function planIssues(tx: Transaction, planId: string | null | undefined, addonIds: readonly string[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (planId) {
    if (tx.get('plans', planId)?.kind !== 'hosting') issues.push({ path: 'planId', code: 'not_found' });
  }
  addonIds.forEach((addonId, i) => {
    if (tx.get('plans', addonId)?.kind !== 'addon') issues.push({ path: `addonIds.${i}`, code: 'not_found' });
  });
  return issues;
}

function ownerIssues(tx: Transaction, ownerId: string | null | undefined): ValidationIssue[] {
  return ownerId && !tx.get('customers', ownerId) ? [{ path: 'ownerId', code: 'not_found' }] : [];
}

/** SPEC §1.4: refused beyond max_dom (counting what this transaction already added). */
function assertCanAddSubscription(tx: Transaction) {
  if (!withinResellerLimit(tx.reseller, 'max_dom', tx.count('subscriptions'))) {
    const allocated = tx.reseller.limits.max_dom;
    throw problem(409, 'limit-reached', 'Limit reached', `You have reached your limit of ${allocated} subscriptions. Ask your hosting provider for more.`, {
      limit: 'max_dom',
      allocated,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Operations (one subscription, inside a transaction)

interface Outcome {
  outcome: SyncOutcome['outcome'];
  conflicts: SyncConflict[];
}

/** Synchronize, or Unlock and Sync; `accept` takes the available values when some are missing. */
function syncOne(tx: Transaction, s: Subscription, how: 'sync' | 'unlock', accept: boolean): Outcome {
  const can = subscriptionCan(s)[how === 'sync' ? 'synchronize' : 'unlockAndSync'];
  if (!can.allowed) {
    throw problem(409, 'not-allowed', 'Not allowed', (can.reason && englishReason(can.reason)) || 'Not allowed.', {
      code: can.reason,
    });
  }
  const ctx = tx.engineContext();
  const result = how === 'sync' ? synchronize(s, ctx) : unlockAndSync(s, ctx);
  if (result.outcome === 'synced') putSettled(tx, result.subscription);
  else if (accept) putSettled(tx, acceptAvailableValues(s, ctx));
  return { outcome: result.outcome, conflicts: result.conflicts };
}

function conflictProblem(s: Subscription, conflicts: SyncConflict[]) {
  const items = [...new Set(conflicts.map((c) => `${c.group}.${c.key}`))];
  return problem(
    409,
    'sync-failed',
    'Synchronization failed',
    `${s.domain} cannot get everything its plan offers: ${items.join(', ')} ${items.length === 1 ? 'is' : 'are'} not available to you.`,
    { conflicts },
  );
}

async function acceptFrom(request: Request): Promise<boolean> {
  const body = await readJson(request, { optional: true });
  if (body === undefined) return false;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable([{ path: '', code: 'invalid_type' }]);
  const accept = (body as { accept?: unknown }).accept;
  if (accept === undefined) return false;
  if (accept !== 'available') throw unprocessable([{ path: 'accept', code: 'invalid_option' }]);
  return true;
}

/**
 * After any change of values, usage or owner: overuse and expiration follow at once (SPEC §1.6).
 * Exported for the other handlers (plan edits, customers, the clock).
 */
export function putSettled(tx: Transaction, s: Subscription): Subscription {
  // The engine keeps expiresAt on the expiration value (expiresAtOf); settle applies it.
  return tx.put('subscriptions', settle(s, clockOf(tx.reseller)));
}

/** The subscription's own Suspend / Activate: only the reason `reseller` (SPEC §1.6). */
function statusChange(request: Request, id: string, status: RecordStatus): Response {
  transact((tx) => {
    const s = need(tx, 'subscriptions', id);
    checkIfMatch(request, 'subscriptions', id);
    const next = withReason(s, 'reseller', status === 'suspended');
    if (next !== s) tx.put('subscriptions', next);
  });
  return one(id);
}

/** A subscription whose owner changed carries the reason `customer` iff its new owner is suspended. */
function withOwner(tx: Transaction, s: Subscription, ownerId: string | null): Subscription {
  const owner = ownerId === null ? undefined : tx.get('customers', ownerId);
  return withReason({ ...s, ownerId }, 'customer', owner?.status === 'suspended');
}

const one = (id: string, status = 200) => json(subscriptionView(db().subscriptions[id]!), { status, etag: etagOfRecord('subscriptions', id) });

// ---------------------------------------------------------------------------------------------
// Bulk

/** POST /subscriptions inside a transaction (also used by POST /_mock/reset with `subscriptions`). Returns the new id. */
export function createSubscriptionIn(tx: Transaction, input: z.infer<typeof subscriptionCreateSchema>): string {
  const pool = tx.reseller.ipPool;
  const issues = [...ownerIssues(tx, input.ownerId), ...planIssues(tx, input.planId, input.addonIds ?? [])];
  if (input.ipAddress !== undefined && !pool.some((ip) => ip.address === input.ipAddress)) {
    issues.push({ path: 'ipAddress', code: 'not_in_pool' });
  }
  if (issues.length > 0) throw unprocessable(issues);
  // A name is unique across the panel: subscriptions, domains, subdomains and aliases (SPEC §1.5).
  if (tx.subscriptionByDomain(input.domain) || tx.subscriptionByName(input.domain)) throw taken('domain', 'The domain', input.domain);
  if (input.systemUser !== undefined && tx.subscriptionBySystemUser(input.systemUser)) {
    throw taken('systemUser', 'The system user', input.systemUser);
  }
  assertCanAddSubscription(tx);
  const ipAddress = input.ipAddress ?? (pool.find((ip) => ip.type === 'shared') ?? pool[0])?.address ?? '';
  // A generated password would be write-only: nothing to keep in a mock.
  const subscription = createSubscription(
    {
      id: tx.nextId('subscriptions'),
      domain: input.domain,
      ownerId: input.ownerId,
      planId: input.planId,
      addonIds: input.addonIds ?? [],
      ipAddress,
      systemUser: input.systemUser ?? deriveSystemUser(input.domain, (login) => tx.subscriptionBySystemUser(login) !== undefined),
      createdAt: clockOf(tx.reseller),
    },
    tx.engineContext(),
  );
  return putSettled(tx, withOwner(tx, subscription, subscription.ownerId)).id;
}

type BulkResult =
  | { id: string; ok: true; syncState?: SyncState; suspendedBy?: Subscription['suspendedBy'] }
  | ({ id: string; ok: false } & Pick<ProblemBody, 'status' | 'title' | 'detail'> & Record<string, unknown>);

export const subscriptionHandlers = [
  http.get(
    route('/subscriptions'),
    handle(({ request }) => {
      const query = parseListQuery(request, SORT_KEYS, 'domain');
      const p = query.params;
      const sync = enumFilter(p, 'sync', SYNC_STATES);
      const status = enumFilter(p, 'status', STATUSES);
      const customerId = p.get('customerId') || undefined;
      const planId = p.get('planId') || undefined;
      const s = db();
      const ix = s.indexes;
      const q = fold(query.q);
      const ofCustomer = customerId ? (ix.subscriptionsByOwner.get(customerId) ?? new Set<string>()) : undefined;
      const ofPlan = planId ? new Set([...(ix.subscriptionsByPlan.get(planId) ?? []), ...(ix.subscriptionsByAddon.get(planId) ?? [])]) : undefined;
      const view = (id: string) => subscriptionListItem(s.subscriptions[id]!, s);
      if (!ofCustomer && !ofPlan && !status && !sync && !q) {
        // Nothing filtered: the page is the first rows of the whole order.
        const all = s.order.subscriptions;
        const lead = leadingIds(`subscriptions:${query.sort}`, all, sortKey(query.sort), query.order, query.page * query.pageSize);
        return json({ ...pageOf(lead, query, view), total: all.length });
      }
      const ids = sortedIds(`subscriptions:${query.sort}`, s.order.subscriptions, sortKey(query.sort), query.order).filter((id) => {
        if (ofCustomer && !ofCustomer.has(id)) return false;
        if (ofPlan && !ofPlan.has(id)) return false;
        const sub = s.subscriptions[id]!;
        if (status && sub.status !== status) return false;
        if (sync && syncState(sub) !== sync) return false;
        return !q || haystack(id).includes(q);
      });
      return json(pageOf(ids, query, view));
    }),
  ),

  http.post(
    route('/subscriptions'),
    handle(async ({ request }) => {
      const input = parseWith(subscriptionCreateSchema, await readJson(request));
      const id = transact((tx) => createSubscriptionIn(tx, input));
      const response = one(id, 201);
      response.headers.set('Location', `/api/v1/subscriptions/${id}`);
      return response;
    }),
  ),

  // Registered before /subscriptions/:id routes of the same method.
  http.post(
    route('/subscriptions/bulk'),
    handle(async ({ request }) => {
      const input = parseWith(bulkActionSchema, await readJson(request));
      const results = transact((tx) => {
        if (input.action === 'change-plan') {
          const issues = planIssues(tx, input.planId, input.addonIds ?? []);
          if (issues.length > 0) throw unprocessable(issues);
        }
        if (input.action === 'change-subscriber') {
          const issues = ownerIssues(tx, input.ownerId);
          if (issues.length > 0) throw unprocessable(issues);
        }
        const results = new Map<string, BulkResult>();
        const failed = (id: string, error: unknown) => {
          const { type: _type, ...rest } = toProblem(error).body;
          results.set(id, { id, ok: false, ...rest });
        };
        // Each id is checked first: unknown (404) or stale against its If-Match (412) fails alone.
        const ready: Subscription[] = [];
        for (const id of new Set(input.ids)) {
          try {
            const s = need(tx, 'subscriptions', id);
            const etag = input.etags && Object.hasOwn(input.etags, id) ? input.etags[id] : undefined;
            if (etag !== undefined && !etagHolds('subscriptions', id, etag)) throw preconditionFailed('subscription', id);
            ready.push(s);
          } catch (error) {
            failed(id, error);
          }
        }
        if (input.action === 'change-plan') {
          // All at once, so the outcome does not depend on the order of the ids (SPEC §1.3).
          for (const s of changePlanMany(ready, input.planId ?? null, input.addonIds ?? [], tx.engineContext())) putSettled(tx, s);
          for (const s of ready) results.set(s.id, { id: s.id, ok: true, syncState: syncState(tx.get('subscriptions', s.id)!) });
        } else {
          for (const s of ready) {
            const child = tx.child();
            try {
              switch (input.action) {
                case 'change-subscriber':
                  child.put('subscriptions', withOwner(child, s, input.ownerId ?? null));
                  break;
                case 'suspend':
                case 'activate': {
                  // Like the page's Suspend / Activate: only the reseller's own reason.
                  const next = withReason(s, 'reseller', input.action === 'suspend');
                  if (next !== s) child.put('subscriptions', next);
                  break;
                }
                case 'remove':
                  child.remove('subscriptions', s.id);
                  break;
                case 'sync': {
                  const outcome = syncOne(child, s, 'sync', false);
                  if (outcome.outcome === 'conflicts') throw conflictProblem(s, outcome.conflicts);
                  break;
                }
              }
              child.mergeInto(tx);
              const after = tx.get('subscriptions', s.id);
              const statusAction = input.action === 'suspend' || input.action === 'activate';
              // After Suspend / Activate, the reasons that still apply (what else keeps it suspended).
              results.set(
                s.id,
                after
                  ? { id: s.id, ok: true, syncState: syncState(after), ...(statusAction ? { suspendedBy: after.suspendedBy } : {}) }
                  : { id: s.id, ok: true },
              );
            } catch (error) {
              failed(s.id, error);
            }
          }
        }
        // One result per distinct id, in the order the ids were given.
        return [...new Set(input.ids)].map((id) => results.get(id)!);
      });
      return json({ results });
    }),
  ),

  http.get<{ id: string }>(
    route('/subscriptions/:id'),
    handle(({ params }) => {
      need(readTx(), 'subscriptions', params.id);
      return one(params.id);
    }),
  ),

  http.delete<{ id: string }>(
    route('/subscriptions/:id'),
    handle(({ request, params }) => {
      const removed = transact((tx) => {
        const s = need(tx, 'subscriptions', params.id);
        checkIfMatch(request, 'subscriptions', s.id);
        tx.remove('subscriptions', s.id);
        return { subscriptions: 1, websites: s.websites.length };
      });
      return json({ id: params.id, removed });
    }),
  ),

  // Customize: the subscription's own values change and it is locked.
  http.put<{ id: string }>(
    route('/subscriptions/:id/values'),
    handle(async ({ request, params }) => {
      const patch = parseWith(valuesPatchSchema, await readJson(request));
      transact((tx) => {
        const s = need(tx, 'subscriptions', params.id);
        checkIfMatch(request, 'subscriptions', s.id);
        const customized = customize(s, patch, tx.engineContext());
        // An empty change changes nothing: no lock, no new revision.
        if (customized !== s) putSettled(tx, customized);
      });
      return one(params.id);
    }),
  ),

  http.post<{ id: string }>(
    route('/subscriptions/:id/sync'),
    handle(async ({ request, params }) => {
      const accept = await acceptFrom(request);
      const outcome = transact((tx) => {
        const s = need(tx, 'subscriptions', params.id);
        checkIfMatch(request, 'subscriptions', s.id);
        return syncOne(tx, s, 'sync', accept);
      });
      return outcomeResponse(params.id, outcome);
    }),
  ),

  http.post<{ id: string }>(
    route('/subscriptions/:id/unlock-and-sync'),
    handle(async ({ request, params }) => {
      const accept = await acceptFrom(request);
      const outcome = transact((tx) => {
        const s = need(tx, 'subscriptions', params.id);
        checkIfMatch(request, 'subscriptions', s.id);
        return syncOne(tx, s, 'unlock', accept);
      });
      return outcomeResponse(params.id, outcome);
    }),
  ),

  http.post<{ id: string }>(
    route('/subscriptions/:id/suspend'),
    handle(async ({ request, params }) => {
      await noBody(request);
      return statusChange(request, params.id, 'suspended');
    }),
  ),
  http.post<{ id: string }>(
    route('/subscriptions/:id/activate'),
    handle(async ({ request, params }) => {
      await noBody(request);
      return statusChange(request, params.id, 'active');
    }),
  ),
];

/** The Sync outcome of SPEC §2, with the subscription as it is now. */
function outcomeResponse(id: string, outcome: Outcome): Response {
  return json(
    { outcome: outcome.outcome, conflicts: outcome.conflicts, subscription: subscriptionView(db().subscriptions[id]!) },
    { etag: etagOfRecord('subscriptions', id) },
  );
}
