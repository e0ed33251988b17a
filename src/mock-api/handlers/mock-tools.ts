/**
 * /_mock: prototype tools (SPEC §2, §4). Reset to a scenario, export/import the whole store,
 * latency and fault settings, and the hosting provider simulator. Never delayed or failed.
 */
import { http } from 'msw';
import { providerPatchSchema, settingsSchema } from '../../domain/schemas';
import { applyProviderPatch } from '../../domain/sync-engine';
import { REQUEST_LIMITS } from '../../domain/limits';
import { resetChaos } from '../chaos';
import { badRequest, json, readJson } from '../http';
import { buildScenario, isScenarioName, SCENARIOS, type ScenarioName } from '../scenarios';
import { readDocument, toDocument } from '../state-document';
import { db, replaceAll, setSettings, snapshotOf, transact, type Snapshot } from '../store';
import { handle, parseWith, route, unprocessable } from './common';
import { resellerEtag, resellerView } from './views';

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
