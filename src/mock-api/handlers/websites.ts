/**
 * /subscriptions/:id/websites (SPEC §1.5, §2): a subscription's domains, subdomains and aliases.
 * The rules (limits, subdomain parents, the main domain) are the domain's (`websites.ts`); this
 * file answers panel-wide name uniqueness from the store's name index and turns refusals into
 * problem+json.
 */
import { http } from 'msw';
import { catalogueItem } from '../../domain/catalogue';
import type { Subscription } from '../../domain/types';
import { aliasCreateSchema, addAlias, addWebsite, LIMIT_CODES, removeAlias, removalOf, removeWebsite, websiteCreateSchema } from '../../domain/websites';
import type { WebsiteRefusal, WebsiteResult } from '../../domain/websites';
import { json, notFound, problem, readJson } from '../http';
import { db, transact, type Transaction } from '../store';
import { checkIfMatch, etagOfRecord, handle, need, parseWith, route, unprocessable } from './common';
import { putSettled } from './subscriptions';

const LABEL_EN = (key: string) => catalogueItem('resources', key).label.en;

/** The problem for a refusal; `field` is the form field it is shown at. */
export function refusalProblem(refusal: WebsiteRefusal, field: string, name: string, s: Subscription) {
  switch (refusal.code) {
    case 'limit_reached': {
      const detail = `${s.domain} has reached its limit of ${refusal.allowed} (${LABEL_EN(refusal.limit)}): "${name}" was not added.`;
      return problem(409, 'limit-reached', 'Limit reached', detail, {
        limit: refusal.limit,
        allowed: refusal.allowed,
        errors: { [field]: [detail] },
        issues: [{ path: field, code: LIMIT_CODES[refusal.limit], params: { limit: refusal.allowed } }],
      });
    }
    case 'taken': {
      const detail = `The name "${name}" is already in use in the panel.`;
      return problem(409, 'already-exists', 'Already exists', detail, { errors: { [field]: [detail] }, issues: [{ path: field, code: 'taken' }] });
    }
    case 'main_domain':
      return problem(409, 'not-allowed', 'Not allowed', `${name} is the main domain of the subscription: remove the subscription instead.`, {
        code: 'main_domain',
      });
    case 'subdomain_outside':
    case 'not_a_domain':
      return unprocessable([{ path: field, code: refusal.code }]);
    case 'not_found':
      return notFound('website', name);
  }
}

const decode = (segment: string) => segment.toLowerCase();

function apply(tx: Transaction, s: Subscription, result: WebsiteResult, field: string, name: string): Subscription {
  if (!result.ok) throw refusalProblem(result.refusal, field, name, s);
  return putSettled(tx, result.subscription);
}

/** Whether a name is used anywhere in the panel (SPEC §1.5), for the domain's website rules. */
export const isTakenIn = (tx: Transaction) => (name: string) => tx.subscriptionByName(name) !== undefined;

function websitesOf(id: string) {
  return json({ items: db().subscriptions[id]!.sites }, { etag: etagOfRecord('subscriptions', id) });
}

export const websiteHandlers = [
  http.get<{ id: string }>(
    route('/subscriptions/:id/websites'),
    handle(({ params }) => {
      const s = Object.hasOwn(db().subscriptions, params.id) ? db().subscriptions[params.id] : undefined;
      if (!s) throw notFound('subscription', params.id);
      return websitesOf(s.id);
    }),
  ),

  http.post<{ id: string }>(
    route('/subscriptions/:id/websites'),
    handle(async ({ request, params }) => {
      const input = parseWith(websiteCreateSchema, await readJson(request));
      const site = transact((tx) => {
        const s = need(tx, 'subscriptions', params.id);
        checkIfMatch(request, 'subscriptions', s.id);
        const after = apply(tx, s, addWebsite(s, input, isTakenIn(tx)), 'name', input.name);
        return after.sites.find((w) => w.name === input.name)!;
      });
      return json(site, { status: 201, etag: etagOfRecord('subscriptions', params.id) });
    }),
  ),

  http.delete<{ id: string; name: string }>(
    route('/subscriptions/:id/websites/:name'),
    handle(({ request, params }) => {
      const name = decode(params.name);
      const removed = transact((tx) => {
        const s = need(tx, 'subscriptions', params.id);
        checkIfMatch(request, 'subscriptions', s.id);
        const removal = removalOf(s, name);
        apply(tx, s, removeWebsite(s, name), 'name', name);
        return removal!;
      });
      return json({ name, removed }, { etag: etagOfRecord('subscriptions', params.id) });
    }),
  ),

  http.post<{ id: string; name: string }>(
    route('/subscriptions/:id/websites/:name/aliases'),
    handle(async ({ request, params }) => {
      const input = parseWith(aliasCreateSchema, await readJson(request));
      const website = decode(params.name);
      const site = transact((tx) => {
        const s = need(tx, 'subscriptions', params.id);
        checkIfMatch(request, 'subscriptions', s.id);
        const after = apply(tx, s, addAlias(s, website, input.name, isTakenIn(tx)), 'name', input.name);
        return after.sites.find((w) => w.name === website)!;
      });
      return json(site, { status: 201, etag: etagOfRecord('subscriptions', params.id) });
    }),
  ),

  http.delete<{ id: string; name: string; alias: string }>(
    route('/subscriptions/:id/websites/:name/aliases/:alias'),
    handle(({ request, params }) => {
      const website = decode(params.name);
      const alias = decode(params.alias);
      transact((tx) => {
        const s = need(tx, 'subscriptions', params.id);
        checkIfMatch(request, 'subscriptions', s.id);
        apply(tx, s, removeAlias(s, website, alias), 'name', alias);
      });
      return websitesOf(params.id);
    }),
  ),
];
