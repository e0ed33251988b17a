/**
 * /_mock: prototype tools (SPEC §2, §4). Reset to a scenario, export/import the whole store,
 * latency and fault settings, and the hosting provider simulator. Never delayed or failed.
 */
import { http } from 'msw';
import { z } from 'zod/mini';
import { customerCreateSchema, planCreateSchema, providerPatchSchema, settingsSchema, type ValidationIssue } from '../../domain/schemas';
import { ValuesRefused, applyProviderPatch, customize } from '../../domain/sync-engine';
import { REQUEST_LIMITS } from '../../domain/limits';
import { resetChaos } from '../chaos';
import { PROBLEM_TYPE_BASE, badRequest, json, problem, readJson } from '../http';
import { buildScenario, isScenarioName, loadScenario, SCENARIOS, type ScenarioName } from '../scenarios';
import { checkBuild, encodeBuild } from '../../domain/build-code';
import { readDocument, toDocument } from '../state-document';
import { db, replaceAll, setSettings, snapshotOf, transact, type Snapshot } from '../store';
import { clockOf, parseClock } from '../../domain/clock';
import { settle } from '../../domain/suspension';
import { addAlias, addWebsite, setWebsiteUsage } from '../../domain/websites';
import { resetSubscriptionEntrySchema } from '../../domain/contract';
import { etagOfRecord, handle, need, parseWith, route, toProblem, unprocessable } from './common';
import { createCustomerIn } from './customers';
import { createPlanIn } from './service-plans';
import { createSubscriptionIn, putSettled } from './subscriptions';
import { resellerEtag, resellerView, subscriptionView } from './views';
import { isTakenIn, refusalProblem } from './websites';
import type { Transaction } from '../store';

/** How many records one POST /_mock/reset may add per kind (a request is bounded work). */
export const MAX_RESET_ENTRIES = 1000;
const slugOf = (type: string) => (type.startsWith(PROBLEM_TYPE_BASE) ? type.slice(PROBLEM_TYPE_BASE.length) : type);

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
  if (body.subscriptionId !== undefined && (typeof body.subscriptionId !== 'string' || body.subscriptionId === ''))
    issues.push({ path: 'subscriptionId', code: 'invalid_type' });
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

/** Replaces the store with a scenario (also used by the Node test helpers); `large`/`xlarge` need `loadScenario` first. */
export function resetToScenario(name: ScenarioName): void {
  replaceAll(buildScenario(name));
  resetChaos();
}

const summary = (s: Snapshot = snapshotOf()) => ({
  scenario: s.scenario,
  counts: { customers: s.customers.length, plans: s.plans.length, subscriptions: s.subscriptions.length },
});

/** The body of POST /_mock/reset: a scenario, then records added through the public POST rules. */
const resetSchema = z.object({
  scenario: z.optional(z.string()),
  customers: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_RESET_ENTRIES, 'too_many'))),
  plans: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_RESET_ENTRIES, 'too_many'))),
  subscriptions: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_RESET_ENTRIES, 'too_many'))),
});

/**
 * Adds `customers`, `plans`, then `subscriptions` in one transaction, each validated exactly
 * like the public POST (and a locked entry like a Customize). A refused entry throws its
 * problem with every field path prefixed by the entry, e.g. `subscriptions.2.domain`.
 */
function addEntries(input: z.infer<typeof resetSchema>) {
  return transact((tx) => {
    const created = { customers: [] as string[], plans: [] as string[], subscriptions: [] as string[] };
    const each = (kind: keyof typeof created, list: unknown[] | undefined, add: (entry: unknown) => string) =>
      (list ?? []).forEach((entry, index) => {
        try {
          created[kind].push(add(entry));
        } catch (error) {
          throw atEntry(error, `${kind}.${index}`);
        }
      });
    each('customers', input.customers, (entry) => createCustomerIn(tx, parseWith(customerCreateSchema, entry)));
    each('plans', input.plans, (entry) => createPlanIn(tx, parseWith(planCreateSchema, entry)));
    each('subscriptions', input.subscriptions, (entry) => {
      const { locked, values, websites, ...body } = parseWith(resetSubscriptionEntrySchema, entry);
      const id = createSubscriptionIn(tx, body);
      (websites ?? []).forEach((site, j) => {
        const field = `websites.${j}.name`;
        const before = tx.get('subscriptions', id)!;
        const added = addWebsite(before, site, isTakenIn(tx));
        if (!added.ok) throw refusalProblem(added.refusal, field, site.name, before);
        let after = putSettled(tx, added.subscription);
        (site.aliases ?? []).forEach((alias, k) => {
          const withAlias = addAlias(after, site.name, alias, isTakenIn(tx));
          if (!withAlias.ok) throw refusalProblem(withAlias.refusal, `websites.${j}.aliases.${k}`, alias, after);
          after = putSettled(tx, withAlias.subscription);
        });
      });
      if (locked || values) {
        const s = tx.get('subscriptions', id)!;
        let customized;
        try {
          customized = customize(s, values ?? {}, tx.engineContext());
        } catch (error) {
          if (error instanceof ValuesRefused) throw new ValuesRefused(error.issues.map((i) => ({ ...i, path: `values.${i.path}` })));
          throw error;
        }
        tx.put('subscriptions', locked && customized.planId !== null ? { ...customized, locked: true, synchronized: false } : customized);
      }
      return id;
    });
    return created;
  });
}

/** The same problem, its field paths and detail naming the entry it came from. */
function atEntry(error: unknown, prefix: string) {
  const p = toProblem(error);
  const body = p.body;
  const errors = body.errors ? Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k ? `${prefix}.${k}` : prefix, v])) : undefined;
  const issues = (body.issues as ValidationIssue[] | undefined)?.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
  const { type: _type, title, status, detail, ...rest } = body;
  return problem(status, slugOf(body.type), title, `${prefix}: ${detail}`, { ...rest, ...(errors ? { errors } : {}), ...(issues ? { issues } : {}) });
}

export const mockToolHandlers = [
  // Ready as soon as the mock answers: a suite waits for this before its first call (a request
  // made before the service worker controls the page reaches the static host instead).
  http.get(
    route('/_mock/health'),
    handle(() => json({ ready: true })),
  ),

  http.post(
    route('/_mock/reset'),
    handle(async ({ request }) => {
      const body = (await readJson(request, { optional: true })) ?? {};
      const input = parseWith(resetSchema, body);
      const scenario = input.scenario ?? 'default';
      if (!isScenarioName(scenario)) {
        throw unprocessable([{ path: 'scenario', code: 'invalid_option' }], `scenario must be one of: ${SCENARIOS.join(', ')}.`);
      }
      await loadScenario(scenario);
      const before = { snapshot: snapshotOf(), revisions: new Map(db().revisions) };
      resetToScenario(scenario);
      try {
        const created = addEntries(input);
        return json({ ...summary(), created });
      } catch (error) {
        // All or nothing: a refused entry leaves the store as it was before the reset.
        replaceAll(before.snapshot, { revisions: before.revisions });
        throw error;
      }
    }),
  ),

  // The scenario builder: a whole world from a seed, counts and a mix of states. Built before
  // anything is replaced, so a refused or failed build leaves the data as it was.
  http.post(
    route('/_mock/build'),
    handle(async ({ request }) => {
      const body = await readJson(request);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable([{ path: '', code: 'invalid_type' }], 'Send a JSON object.');
      const checked = checkBuild(body);
      if (!checked.ok) throw unprocessable(checked.issues, 'The build was refused: nothing was changed.');
      // The builder loads on first use: it is not needed before the first rows.
      const { buildWorld, worldSummary } = await import('../scenario-builder');
      const world = buildWorld(checked.value);
      replaceAll(world);
      resetChaos();
      return json({ scenario: world.scenario, build: encodeBuild(checked.value), ...worldSummary(world) });
    }),
  ),

  http.get(
    route('/_mock/state'),
    handle(() => json(toDocument(snapshotOf()))),
  ),

  http.put(
    route('/_mock/state'),
    handle(async ({ request }) => {
      const result = readDocument(await readJson(request, { maxBytes: REQUEST_LIMITS.importBytes }));
      if (!result.ok) {
        throw unprocessable(result.issues ?? [{ path: '', code: 'invalid_value' }], `The state was not imported: ${result.detail}`);
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
        const result = setWebsiteUsage(s, website, {
          disk_space: input.disk_space as number | undefined,
          max_traffic: input.max_traffic as number | undefined,
        });
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
