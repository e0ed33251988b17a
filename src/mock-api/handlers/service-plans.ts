/** /service-plans: list, create, read, Update & Sync, remove (refused while in use), clone. */
import { http } from 'msw';
import type { z } from 'zod/mini';
import { emptyValues } from '../../domain/catalogue';
import { planCreateSchema, planUpdateSchema } from '../../domain/schemas';
import { applyPlanEdit, mergeValues } from '../../domain/sync-engine';
import type { PlanKind, ServicePlan } from '../../domain/types';
import { FIELD_LIMITS } from '../../domain/limits';
import { enumFilter, fold, json, noContent, pageOf, parseListQuery, problem, readJson } from '../http';
import { db, readTx, transact, type Transaction } from '../store';
import { checkIfMatch, etagOfRecord, handle, need, noBody, parseWith, route, sortedIds, taken } from './common';
import { putSettled } from './subscriptions';
import { planListItem, planView } from './views';

const SORT_KEYS = ['id', 'name', 'subscriptionCount'] as const;
const KINDS = ['hosting', 'addon'] as const;

function assertNameFree(tx: Transaction, kind: PlanKind, name: string, selfId?: string) {
  const other = tx.planByName(kind, name);
  if (other && other.id !== selfId) throw taken('name', 'The plan name', name);
}

/** "Copy of X", then "Copy of X (2)"…, within the name length limit. */
function copyName(tx: Transaction, plan: ServicePlan): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `Copy of ${plan.name}`.slice(0, FIELD_LIMITS.planName - suffix.length).trimEnd() + suffix;
    if (!tx.planByName(plan.kind, name)) return name;
  }
}

/** How many of the subscriptions a preview would leave Unsynced it names (the count is always exact). */
const PREVIEW_DOMAINS = 20;

/** Update & Sync inside a transaction: the plan's new name and values, then its followers. */
function editPlan(tx: Transaction, request: Request, planId: string, input: z.infer<typeof planUpdateSchema>) {
  const plan = need(tx, 'plans', planId);
  checkIfMatch(request, 'plans', plan.id);
  const name = input.name ?? plan.name;
  assertNameFree(tx, plan.kind, name, plan.id);
  tx.put('plans', { ...plan, name, values: mergeValues(plan.values, input.values ?? {}) });
  const using = tx.subscriptionIdsUsingPlan(plan.id).map((subId) => tx.get('subscriptions', subId)!);
  const edit = applyPlanEdit(plan.id, using, tx.engineContext({ mutable: true }));
  // Overuse and expiration follow the new values at once (SPEC §1.6); the report names the
  // subscriptions the edit made Overused.
  const overused: Array<{ id: string; domain: string }> = [];
  for (const changed of edit.changed) {
    const wasOverused = (tx.get('subscriptions', changed.id)?.overused.length ?? 0) > 0;
    const settled = putSettled(tx, changed);
    if (!wasOverused && settled.overused.length > 0) overused.push({ id: settled.id, domain: settled.domain });
  }
  return { ...edit.report, overused };
}

/** POST /service-plans inside a transaction (also used by POST /_mock/reset with `plans`). Returns the new id. */
export function createPlanIn(tx: Transaction, input: z.infer<typeof planCreateSchema>): string {
  assertNameFree(tx, input.kind, input.name);
  const plan: ServicePlan = {
    id: tx.nextId('plans'),
    kind: input.kind,
    name: input.name,
    values: mergeValues(emptyValues(), input.values ?? {}),
  };
  return tx.put('plans', plan).id;
}

export const planHandlers = [
  http.get(
    route('/service-plans'),
    handle(({ request }) => {
      const query = parseListQuery(request, SORT_KEYS, 'id');
      const kind = enumFilter(query.params, 'kind', KINDS);
      const s = db();
      const q = fold(query.q);
      const ids = s.order.plans;
      const keyOf =
        query.sort === 'name'
          ? (id: string) => fold(s.plans[id]!.name)
          : query.sort === 'subscriptionCount'
            ? (id: string) => planView(s.plans[id]!, s).subscriptionCount
            : () => 0; // ties keep creation order
      const sorted = sortedIds(`plans:${query.sort}`, ids, keyOf, query.order).filter((id) => {
        const p = s.plans[id]!;
        return (!kind || p.kind === kind) && (!q || fold(p.name).includes(q));
      });
      return json(pageOf(sorted, query, (id) => planListItem(s.plans[id]!, s)));
    }),
  ),

  http.post(
    route('/service-plans'),
    handle(async ({ request }) => {
      const input = parseWith(planCreateSchema, await readJson(request));
      const id = transact((tx) => createPlanIn(tx, input));
      return json(planView(db().plans[id]!), { status: 201, etag: etagOfRecord('plans', id) });
    }),
  ),

  http.get<{ id: string }>(
    route('/service-plans/:id'),
    handle(({ params }) => {
      const plan = need(readTx(), 'plans', params.id);
      return json(planView(plan), { etag: etagOfRecord('plans', plan.id) });
    }),
  ),

  // Update & Sync: the plan changes, then every unlocked subscription using it follows.
  http.put<{ id: string }>(
    route('/service-plans/:id'),
    handle(async ({ request, params }) => {
      const input = parseWith(planUpdateSchema, await readJson(request));
      const report = transact((tx) => editPlan(tx, request, params.id, input));
      return json({ plan: planView(db().plans[params.id]!), report }, { etag: etagOfRecord('plans', params.id) });
    }),
  ),

  // What Update & Sync would do, without doing it: the same code in a transaction never committed,
  // so the plan page's "will end Unsynced" cannot differ from the save (SPEC §1.3).
  http.post<{ id: string }>(
    route('/service-plans/:id/preview'),
    handle(async ({ request, params }) => {
      const input = parseWith(planUpdateSchema, await readJson(request));
      const tx = readTx();
      const report = editPlan(tx, request, params.id, input);
      const domains = report.unsyncedIds.slice(0, PREVIEW_DOMAINS).map((id) => ({ id, domain: tx.get('subscriptions', id)!.domain }));
      return json({ report, unsynced: domains });
    }),
  ),

  http.delete<{ id: string }>(
    route('/service-plans/:id'),
    handle(({ request, params }) => {
      transact((tx) => {
        const plan = need(tx, 'plans', params.id);
        checkIfMatch(request, 'plans', plan.id);
        const count = tx.subscriptionIdsUsingPlan(plan.id).length;
        if (count > 0) {
          throw problem(
            409,
            'plan-in-use',
            'Plan in use',
            `The plan "${plan.name}" cannot be removed: ${count} subscription${count === 1 ? ' uses' : 's use'} it. Change their plan first.`,
            { subscriptionCount: count },
          );
        }
        tx.remove('plans', plan.id);
      });
      return noContent();
    }),
  ),

  http.post<{ id: string }>(
    route('/service-plans/:id/clone'),
    handle(async ({ request, params }) => {
      await noBody(request);
      const id = transact((tx) => {
        const plan = need(tx, 'plans', params.id);
        const copy: ServicePlan = { id: tx.nextId('plans'), kind: plan.kind, name: copyName(tx, plan), values: structuredClone(plan.values) };
        return tx.put('plans', copy).id;
      });
      return json(planView(db().plans[id]!), { status: 201, etag: etagOfRecord('plans', id) });
    }),
  ),
];
