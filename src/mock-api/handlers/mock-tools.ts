/**
 * /_mock: prototype tools (SPEC §2, §4). Reset to a scenario, export/import the whole store,
 * latency and fault settings, and the hosting provider simulator. Never delayed or failed.
 */
import { http } from 'msw';
import { providerPatchSchema, settingsSchema } from '../../domain/schemas';
import { applyProviderPatch } from '../../domain/sync-engine';
import { resetChaos } from '../chaos';
import { badRequest, json, readJson } from '../http';
import { buildScenario, isScenarioName, SCENARIOS, type ScenarioName } from '../scenarios';
import { readDocument, toDocument } from '../state-document';
import { db, replaceAll, setSettings, snapshotOf, transact, type Snapshot } from '../store';
import { clockOf, parseClock } from '../../domain/clock';
import { settle } from '../../domain/suspension';
import { setWebsiteUsage } from '../../domain/websites';
import { etagOfRecord, handle, need, parseWith, route, unprocessable } from './common';
import { putSettled } from './subscriptions';
import { resellerEtag, resellerView, subscriptionView } from './views';
import { refusalProblem } from './websites';
import type { Transaction } from '../store';

/** Sets the mock clock and applies what follows at that time: expirations (SPEC §1.6). */
export function setClock(tx: Transaction, now: string): void {
  if (now !== clockOf(tx.reseller)) tx.reseller = { ...tx.reseller, clock: now };
  for (const id of tx.base.order.subscriptions) {
    const s = tx.get('subscriptions', id);
    if (!s || (s.expiresAt === null && !s.suspendedBy.includes('expired'))) continue;
    const next = settle(s, now);
    if (next !== s) tx.put('subscriptions', next);
  }
}

const clockView = (now = clockOf(db().reseller)) => ({ now });

function usageIssues(body: Record<string, unknown>) {
  const issues: { path: string; code: string }[] = [];
  // subscriptionId may be left out: the website's name then finds its subscription.
  if (body.subscriptionId !== undefined && (typeof body.subscriptionId !== 'string' || body.subscriptionId === '')) issues.push({ path: 'subscriptionId', code: 'invalid_type' });
  if (typeof body.website !== 'string' || body.website === '') issues.push({ path: 'website', code: 'required' });
  for (const key of ['disk_space', 'max_traffic'] as const) {
    const v = body[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)) issues.push({ path: key, code: 'invalid_number' });
  }
  for (const key of Object.keys(body)) {
    if (!['subscriptionId', 'website', 'disk_space', 'max_traffic'].includes(key)) issues.push({ path: key, code: 'unknown_key' });
  }
  return issues;
}

/** Replaces the store with a scenario (also used by `?scenario=` and the Node test helper). */
export function resetToScenario(name: ScenarioName): void {
  replaceAll(buildScenario(name));
  resetChaos();
}

const summary = (s: Snapshot = snapshotOf()) => ({
  scenario: s.scenario,
  counts: { customers: s.customers.length, plans: s.plans.length, subscriptions: s.subscriptions.length },
});

export const mockToolHandlers = [
  http.post(
    route('/_mock/reset'),
    handle(async ({ request }) => {
      const body = (await readJson(request, { optional: true })) ?? {};
      const scenario = typeof body === 'object' && body !== null ? ((body as { scenario?: unknown }).scenario ?? 'default') : undefined;
      if (!isScenarioName(scenario)) {
        throw unprocessable([{ path: 'scenario', code: 'invalid_option' }], `scenario must be one of: ${SCENARIOS.join(', ')}.`);
      }
      resetToScenario(scenario);
      return json(summary());
    }),
  ),

  http.get(
    route('/_mock/state'),
    handle(() => json(toDocument(snapshotOf()))),
  ),

  http.put(
    route('/_mock/state'),
    handle(async ({ request }) => {
      const result = readDocument(await readJson(request));
      if (!result.ok) {
        throw unprocessable([{ path: '', code: 'invalid_value' }], `The state was not imported: ${result.detail}`);
      }
      replaceAll(result.snapshot);
      return json(summary());
    }),
  ),

  http.get(
    route('/_mock/settings'),
    handle(() => json(db().settings)),
  ),

  http.put(
    route('/_mock/settings'),
    handle(async ({ request }) => {
      const body = await readJson(request);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Send a JSON object.');
      // Either field may be left out: it keeps its value.
      const settings = parseWith(settingsSchema, { ...db().settings, ...body });
      setSettings(settings);
      resetChaos();
      return json(db().settings);
    }),
  ),

  http.get(
    route('/_mock/clock'),
    handle(() => json(clockView())),
  ),

  http.put(
    route('/_mock/clock'),
    handle(async ({ request }) => {
      const body = await readJson(request);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Send a JSON object.');
      const now = parseClock((body as { now?: unknown }).now);
      if (now === undefined) throw unprocessable([{ path: 'now', code: 'invalid_date' }], 'now must be an ISO 8601 date or date-time.');
      transact((tx) => setClock(tx, now));
      return json(clockView());
    }),
  ),

  http.patch(
    route('/_mock/usage'),
    handle(async ({ request }) => {
      const body = await readJson(request);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Send a JSON object.');
      const input = body as Record<string, unknown>;
      const issues = usageIssues(input);
      if (issues.length > 0) throw unprocessable(issues);
      const website = (input.website as string).toLowerCase();
      const id = transact((tx) => {
        const s =
          typeof input.subscriptionId === 'string'
            ? need(tx, 'subscriptions', input.subscriptionId)
            : (tx.subscriptionByName(website) ?? need(tx, 'subscriptions', website));
        const result = setWebsiteUsage(s, website, { disk_space: input.disk_space as number | undefined, max_traffic: input.max_traffic as number | undefined });
        if (!result.ok) throw refusalProblem(result.refusal, 'website', website, s);
        return putSettled(tx, result.subscription).id;
      });
      return json(subscriptionView(db().subscriptions[id]!), { etag: etagOfRecord('subscriptions', id) });
    }),
  ),

  http.patch(
    route('/_mock/provider'),
    handle(async ({ request }) => {
      const patch = parseWith(providerPatchSchema, await readJson(request));
      transact((tx) => {
        tx.reseller = applyProviderPatch(tx.reseller, patch);
      });
      return json(resellerView(), { etag: resellerEtag() });
    }),
  ),
];
