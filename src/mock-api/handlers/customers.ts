/** /customers: list, create, read, edit, remove (with its subscriptions), suspend/activate. */
import { http } from 'msw';
import type { z } from 'zod/mini';
import { withinResellerLimit } from '../../domain/availability';
import { clockOf } from '../../domain/clock';
import { withReason } from '../../domain/suspension';
import { customerCreateSchema, customerPatchSchema } from '../../domain/schemas';
import type { Customer, RecordStatus } from '../../domain/types';
import { enumFilter, fold, json, pageOf, parseListQuery, problem, readJson } from '../http';
import { db, readTx, transact, type Transaction } from '../store';
import { checkIfMatch, etagOfRecord, handle, memo, need, parseWith, route, sortedIds, taken, noBody } from './common';
import { customerListItem, customerView } from './views';

const SORT_KEYS = ['contactName', 'companyName', 'login', 'email', 'country', 'status', 'createdAt', 'subscriptionCount'] as const;
type CustomerSort = (typeof SORT_KEYS)[number];
const STATUSES = ['active', 'suspended'] as const;

function sortKey(sort: CustomerSort): (id: string) => string | number {
  const s = db();
  if (sort === 'subscriptionCount') return (id) => s.indexes.subscriptionsByOwner.get(id)?.size ?? 0;
  return (id) => fold(s.customers[id]![sort]);
}

function haystack(id: string): string {
  const hay = memo('hay:customers', () => new Map<string, string>());
  let text = hay.get(id);
  if (text === undefined) {
    const c = db().customers[id]!;
    text = fold(`${c.contactName}\n${c.companyName}\n${c.login}\n${c.email}`);
    hay.set(id, text);
  }
  return text;
}

/** SPEC §1.4: refused beyond max_cl (the domain's overview says what remains). */
function assertCanAddCustomer(tx: Transaction) {
  if (!tx.reseller.permissions.create_clients) {
    throw problem(403, 'permission-missing', 'Permission missing', 'Your hosting provider does not allow you to create customer accounts.');
  }
  if (!withinResellerLimit(tx.reseller, 'max_cl', tx.count('customers'))) {
    const allocated = tx.reseller.limits.max_cl;
    throw problem(409, 'limit-reached', 'Limit reached', `You have reached your limit of ${allocated} customer accounts. Ask your hosting provider for more.`, {
      limit: 'max_cl',
      allocated,
    });
  }
}

function assertLoginFree(tx: Transaction, login: string, selfId?: string) {
  const other = tx.customerByLogin(login);
  if (other && other.id !== selfId) throw taken('login', 'The username', login);
}

function setStatus(request: Request, id: string, status: RecordStatus): Response {
  transact((tx) => {
    const c = need(tx, 'customers', id);
    checkIfMatch(request, 'customers', id);
    if (c.status !== status) tx.put('customers', { ...c, status });
    // Its subscriptions are suspended with it (reason `customer`), and activated with it as far
    // as that reason goes (SPEC §1.6).
    for (const subId of tx.subscriptionIdsOfOwner(id)) {
      const s = tx.get('subscriptions', subId)!;
      const next = withReason(s, 'customer', status === 'suspended');
      if (next !== s) tx.put('subscriptions', next);
    }
  });
  return json(customerView(db().customers[id]!), { etag: etagOfRecord('customers', id) });
}

/** POST /customers inside a transaction (also used by POST /_mock/reset with `customers`). Returns the new id. */
export function createCustomerIn(tx: Transaction, input: z.infer<typeof customerCreateSchema>): string {
  assertCanAddCustomer(tx);
  assertLoginFree(tx, input.login);
  const customer: Customer = {
    id: tx.nextId('customers'),
    contactName: input.contactName,
    companyName: input.companyName ?? '',
    login: input.login,
    email: input.email ?? '',
    phone: input.phone ?? '',
    address: input.address ?? '',
    city: input.city ?? '',
    postalCode: input.postalCode ?? '',
    country: input.country ?? '',
    status: 'active',
    createdAt: clockOf(tx.reseller),
  };
  // The password is write-only: a mock keeps nothing it would never show.
  return tx.put('customers', customer).id;
}

export const customerHandlers = [
  http.get(
    route('/customers'),
    handle(({ request }) => {
      const query = parseListQuery(request, SORT_KEYS, 'contactName');
      const status = enumFilter(query.params, 'status', STATUSES);
      const s = db();
      const q = fold(query.q);
      const ids = sortedIds(`customers:${query.sort}`, s.order.customers, sortKey(query.sort), query.order).filter(
        (id) => (!status || s.customers[id]!.status === status) && (!q || haystack(id).includes(q)),
      );
      return json(pageOf(ids, query, (id) => customerListItem(s.customers[id]!, s)));
    }),
  ),

  http.post(
    route('/customers'),
    handle(async ({ request }) => {
      const input = parseWith(customerCreateSchema, await readJson(request));
      const id = transact((tx) => createCustomerIn(tx, input));
      return json(customerView(db().customers[id]!), { status: 201, etag: etagOfRecord('customers', id) });
    }),
  ),

  http.get<{ id: string }>(
    route('/customers/:id'),
    handle(({ params }) => {
      const c = need(readTx(), 'customers', params.id);
      return json(customerView(c), { etag: etagOfRecord('customers', c.id) });
    }),
  ),

  http.patch<{ id: string }>(
    route('/customers/:id'),
    handle(async ({ request, params }) => {
      const patch = parseWith(customerPatchSchema, await readJson(request));
      transact((tx) => {
        const c = need(tx, 'customers', params.id);
        checkIfMatch(request, 'customers', c.id);
        if (patch.login !== undefined) assertLoginFree(tx, patch.login, c.id);
        const { password: _password, ...fields } = patch;
        const next: Customer = { ...c };
        for (const [key, value] of Object.entries(fields)) {
          if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
        }
        tx.put('customers', next);
      });
      return json(customerView(db().customers[params.id]!), { etag: etagOfRecord('customers', params.id) });
    }),
  ),

  http.delete<{ id: string }>(
    route('/customers/:id'),
    handle(({ request, params }) => {
      const removed = transact((tx) => {
        const c = need(tx, 'customers', params.id);
        checkIfMatch(request, 'customers', c.id);
        let websites = 0;
        const subscriptionIds = tx.subscriptionIdsOfOwner(c.id);
        for (const subId of subscriptionIds) {
          websites += tx.get('subscriptions', subId)!.websites.length;
          tx.remove('subscriptions', subId);
        }
        tx.remove('customers', c.id);
        return { customers: 1, subscriptions: subscriptionIds.length, websites };
      });
      return json({ id: params.id, removed });
    }),
  ),

  http.post<{ id: string }>(
    route('/customers/:id/suspend'),
    handle(async ({ request, params }) => {
      await noBody(request);
      return setStatus(request, params.id, 'suspended');
    }),
  ),
  http.post<{ id: string }>(
    route('/customers/:id/activate'),
    handle(async ({ request, params }) => {
      await noBody(request);
      return setStatus(request, params.id, 'active');
    }),
  ),
];
