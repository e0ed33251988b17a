/**
 * planEdit10kMs: Update & Sync of one plan over 10,000 subscriptions in the domain engine,
 * in Node. Built by bench/run.mjs (Vite SSR build) and run there. Also times the simple
 * reference version (sync-engine-reference.ts) on the same edits: planEdit10kSimpleMs, the
 * figure that says whether the fast path is still worth its code.
 */
import { holdingsOf } from '../src/domain/availability';
import { emptyValues } from '../src/domain/catalogue';
import { applyPlanEdit, createSubscription, mergeValues, type EngineContext } from '../src/domain/sync-engine';
import { applyPlanEditSimple } from '../src/domain/sync-engine-reference';
import { PERMISSION_KEYS, UNLIMITED, type Reseller, type ServicePlan, type Subscription } from '../src/domain/types';

const GB = 1024 ** 3;

export function runEngineBench(runs: number): { fast: number[]; simple: number[] } {
  const reseller: Reseller = {
    name: 'Bench reseller',
    limits: {
      max_cl: UNLIMITED,
      max_dom: UNLIMITED,
      disk_space: 100_000 * GB,
      max_traffic: UNLIMITED,
      max_site: UNLIMITED,
      max_subdom: UNLIMITED,
      max_dom_aliases: UNLIMITED,
      max_box: 200_000,
      mbox_quota: 10 * GB,
      max_maillists: UNLIMITED,
      max_subftp_users: UNLIMITED,
      max_db: 60_000,
      max_wu: UNLIMITED,
    },
    permissions: {
      ...(Object.fromEntries(PERMISSION_KEYS.map((k) => [k, k !== 'manage_php_version'])) as Record<(typeof PERMISSION_KEYS)[number], boolean>),
      create_clients: true,
      allow_oversell: false,
    },
    oversell: false,
    ipPool: [{ address: '203.0.113.10', type: 'shared' }],
  };
  const base = emptyValues();
  const plan: ServicePlan = {
    id: 'plan-bench',
    kind: 'hosting',
    name: 'Bench',
    values: mergeValues(base, {
      resources: { disk_space: 5 * GB, max_box: 10, max_db: 3, max_site: 5 },
      permissions: { manage_dns: true, manage_php_version: true },
    }),
  };
  const plans = new Map([[plan.id, plan]]);
  const subs: Subscription[] = [];
  const ctx: EngineContext = { reseller, plan: (id) => plans.get(id), holdings: holdingsOf([]) };
  for (let i = 0; i < 10_000; i++) {
    const s = createSubscription(
      {
        id: `sub-${i}`,
        domain: `site${i}.example.com`,
        ownerId: null,
        planId: plan.id,
        addonIds: [],
        ipAddress: '203.0.113.10',
        systemUser: `u${i}`,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      },
      ctx,
    );
    subs.push(i % 10 === 0 ? { ...s, locked: true, synchronized: false } : s);
  }
  const samples: number[] = [];
  const simple: number[] = [];
  for (let r = 0; r < runs + 2; r++) {
    // Alternate between two edits so every run really changes every unlocked subscription.
    plan.values = mergeValues(plan.values, { resources: { disk_space: (r % 2 ? 5 : 6) * GB, max_db: r % 2 ? 3 : 4 } });
    const simpleCtx: EngineContext = { reseller, plan: (id) => plans.get(id), holdings: holdingsOf(subs) };
    const s0 = performance.now();
    const reference = applyPlanEditSimple(plan.id, subs, simpleCtx);
    const simpleMs = performance.now() - s0;
    const runCtx: EngineContext = { reseller, plan: (id) => plans.get(id), holdings: holdingsOf(subs) };
    const t0 = performance.now();
    const { changed, report } = applyPlanEdit(plan.id, subs, runCtx);
    const ms = performance.now() - t0;
    if (report.synced + report.unsynced + report.locked !== 10_000 || changed.length === 0) throw new Error('bench: unexpected plan edit report');
    if (changed.some((c) => reference.get(c.id)?.synchronized !== c.synchronized)) throw new Error('bench: the fast path and the reference disagree');
    const byId = new Map(changed.map((s) => [s.id, s]));
    for (let i = 0; i < subs.length; i++) subs[i] = byId.get(subs[i]!.id) ?? subs[i]!;
    if (r >= 2) {
      // two warm-up runs
      samples.push(ms);
      simple.push(simpleMs);
    }
  }
  return { fast: samples, simple };
}
