/**
 * The API contract (SPEC §2): every request and response body of /api/v1, once. The mock
 * validates requests with these very schemas (the request schemas are the domain's own, from
 * schemas.ts), the client's types are `z.infer` of them, the API tests check every response
 * they see against them, and the OpenAPI document (openapi.ts) is generated from them — so the
 * two sides of the wire and the published document cannot drift apart.
 */
import { z } from 'zod/mini';
import {
  buildRequestSchema,
  bulkActionSchema,
  customerCreateSchema,
  customerPatchSchema,
  domainSchema,
  planCreateSchema,
  planUpdateSchema,
  providerPatchSchema,
  settingsSchema,
  subscriptionCreateSchema,
  valuesPatchSchema,
  valuesSchema,
  type BulkActionName,
} from './schemas';
import { METERED_KEYS, NUMERIC_RESOURCE_KEYS, PERMISSION_KEYS, RESELLER_LIMIT_KEYS, RESELLER_PERMISSION_KEYS, SUSPENSION_REASONS, USAGE_KEYS } from './types';
import { aliasCreateSchema, websiteCreateSchema } from './websites';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limits';

// ---------------------------------------------------------------------------------------------
// Building blocks

const id = z.string();
const dateTime = z.string();
const count = z.int().check(z.gte(0));
const recordStatus = z.enum(['active', 'suspended']);
const syncStateSchema = z.enum(['synced', 'unsynced', 'locked', 'custom']);
const etag = z.string();

/** Names of the start-up scenarios (SPEC §4). */
import { SCENARIOS, type ScenarioName } from './scenario-names';
export { SCENARIOS, type ScenarioName };

function keyed<K extends string, T extends z.ZodMiniType>(keys: readonly K[], value: T) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>);
}

/** A list answer (SPEC §2): `{ items, total, page, pageSize }`. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.strictObject({ items: z.array(item), total: count, page: z.int().check(z.gte(1)), pageSize: z.int().check(z.gte(1)) });

// ---------------------------------------------------------------------------------------------
// Records as the API shows them

export const customerViewSchema = z.strictObject({
  id,
  contactName: z.string(),
  companyName: z.string(),
  login: z.string(),
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  city: z.string(),
  postalCode: z.string(),
  country: z.string(),
  status: recordStatus,
  createdAt: dateTime,
  /** Subscriptions it owns. */
  subscriptionCount: count,
});
export const customerListItemSchema = z.extend(customerViewSchema, { etag });

export const planViewSchema = z.strictObject({
  id,
  kind: z.enum(['hosting', 'addon']),
  name: z.string(),
  values: valuesSchema,
  /** Subscriptions using it, as their plan or as an add-on. */
  subscriptionCount: count,
  counts: z.strictObject({ synced: count, unsynced: count, locked: count }),
});
export const planListItemSchema = z.extend(planViewSchema, { etag });

const suspensionReason = z.enum(SUSPENSION_REASONS);
const meteredKey = z.enum(METERED_KEYS);

/** A website of a subscription (SPEC §1.5): a domain or a subdomain, its aliases and usage. */
export const websiteSchema = z.strictObject({
  name: z.string(),
  kind: z.enum(['domain', 'subdomain']),
  /** The domain a subdomain belongs to; null for a domain. */
  parent: z.nullable(z.string()),
  aliases: z.array(z.string()),
  usage: keyed(METERED_KEYS, z.number()),
});

export const subscriptionViewSchema = z.strictObject({
  id,
  domain: z.string(),
  ownerId: z.nullable(id),
  planId: z.nullable(id),
  addonIds: z.array(id),
  ipAddress: z.string(),
  systemUser: z.string(),
  status: recordStatus,
  locked: z.boolean(),
  synchronized: z.boolean(),
  values: valuesSchema,
  /** Names of its domains and subdomains, the main domain first. */
  websites: z.array(z.string()),
  /** The websites themselves, in the order of `websites`. */
  sites: z.array(websiteSchema),
  /** What it actually uses: disk and traffic (bytes), domains, subdomains, aliases (counts). */
  usage: keyed(USAGE_KEYS, z.number()),
  /** Why it is suspended; empty ⇔ status active. */
  suspendedBy: z.array(suspensionReason),
  /** The metered keys whose usage is above its own limit. */
  overused: z.array(meteredKey),
  createdAt: dateTime,
  expiresAt: z.nullable(z.string()),
  syncState: syncStateSchema,
  /** null for a Custom subscription. */
  planName: z.nullable(z.string()),
  /** Names of `addonIds`, in the same order. */
  addonNames: z.array(z.string()),
  /** The customer's contact name, or the reseller's name for its own subscriptions. */
  ownerName: z.string(),
});
export const subscriptionListItemSchema = z.extend(subscriptionViewSchema, { etag });

/** limit: the provider's (-1 Unlimited); allocated: what subscriptions hold; used: what they use; remaining: by the oversell policy. */
const limitRow = z.strictObject({ limit: z.number(), allocated: z.number(), used: z.number(), remaining: z.number() });
export const resellerViewSchema = z.strictObject({
  name: z.string(),
  limits: keyed([...NUMERIC_RESOURCE_KEYS, ...RESELLER_LIMIT_KEYS], z.number()),
  permissions: keyed([...PERMISSION_KEYS, ...RESELLER_PERMISSION_KEYS], z.boolean()),
  oversell: z.boolean(),
  ipPool: z.array(z.strictObject({ address: z.string(), type: z.enum(['shared', 'dedicated']) })),
  /** Per limit: the provider's limit, what subscriptions hold, what they use, what remains (SPEC §1.4). */
  usage: keyed([...NUMERIC_RESOURCE_KEYS, ...RESELLER_LIMIT_KEYS], limitRow),
  /** The mock clock (SPEC §1.6), ISO. */
  clock: z.string(),
});

// ---------------------------------------------------------------------------------------------
// Results of actions

export const syncReportSchema = z.strictObject({
  synced: count,
  unsynced: count,
  locked: count,
  /** The subscriptions left Unsynced (for the "left unsynced" link). */
  unsyncedIds: z.array(id),
  /** The subscriptions the edit made Overused (SPEC §1.6). */
  overused: z.optional(z.array(z.strictObject({ id, domain: z.string() }))),
});

export const planUpdateResultSchema = z.strictObject({ plan: planViewSchema, report: syncReportSchema });

export const planPreviewSchema = z.strictObject({
  report: syncReportSchema,
  /** The first 20 subscriptions the edit would leave Unsynced (the report's count is exact). */
  unsynced: z.array(z.strictObject({ id, domain: z.string() })),
});

export const syncConflictSchema = z.strictObject({
  subscriptionId: id,
  domain: z.string(),
  group: z.enum(['resources', 'permissions', 'hosting', 'php']),
  key: z.string(),
  planValue: z.union([z.number(), z.string(), z.boolean()]),
  availableValue: z.union([z.number(), z.string(), z.boolean()]),
});

export const syncOutcomeSchema = z.strictObject({
  outcome: z.enum(['synced', 'conflicts']),
  conflicts: z.array(syncConflictSchema),
  subscription: subscriptionViewSchema,
});

export const bulkResultSchema = z.union([
  // After Suspend / Activate, `suspendedBy`: the reasons that still apply.
  z.strictObject({ id, ok: z.literal(true), syncState: z.optional(syncStateSchema), suspendedBy: z.optional(z.array(suspensionReason)) }),
  // A failed id carries its problem (without `type`); a failed sync its conflicts.
  z.looseObject({ id, ok: z.literal(false), status: z.int(), title: z.string(), detail: z.string(), conflicts: z.optional(z.array(syncConflictSchema)) }),
]);
export const bulkResponseSchema = z.strictObject({ results: z.array(bulkResultSchema) });

export const customerRemovedSchema = z.strictObject({
  id,
  removed: z.strictObject({ customers: count, subscriptions: count, websites: count }),
});
export const subscriptionRemovedSchema = z.strictObject({
  id,
  removed: z.strictObject({ subscriptions: count, websites: count }),
});

/** application/problem+json (RFC 9457), with `errors` per field and `issues` (codes) for 422. */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.optional(z.record(z.string(), z.array(z.string()))),
  issues: z.optional(z.array(z.strictObject({ path: z.string(), code: z.string(), params: z.optional(z.record(z.string(), z.unknown())) }))),
});

// ---------------------------------------------------------------------------------------------
// Prototype tools (/_mock)

const counts = z.strictObject({ customers: count, plans: count, subscriptions: count });
/** A website to add with a subscription in POST /_mock/reset: `{ name, kind }` and its aliases. */
export const resetWebsiteEntrySchema = z.extend(websiteCreateSchema, {
  aliases: z.optional(z.array(domainSchema).check(z.maxLength(1000, 'too_many'))),
});
/** A subscription entry of POST /_mock/reset: the POST /subscriptions body, maybe locked with its own values, and websites. */
export const resetSubscriptionEntrySchema = z.extend(subscriptionCreateSchema, {
  locked: z.optional(z.boolean()),
  values: z.optional(valuesPatchSchema),
  websites: z.optional(z.array(resetWebsiteEntrySchema).check(z.maxLength(1000, 'too_many'))),
});
export const resetRequestSchema = z.object({
  scenario: z.optional(z.enum(SCENARIOS)),
  customers: z.optional(z.array(customerCreateSchema)),
  plans: z.optional(z.array(planCreateSchema)),
  subscriptions: z.optional(z.array(resetSubscriptionEntrySchema)),
});
export const resetResultSchema = z.strictObject({
  scenario: z.string(),
  counts,
  /** The ids of the records added from the request, per kind. */
  created: z.optional(z.strictObject({ customers: z.array(id), plans: z.array(id), subscriptions: z.array(id) })),
});
export const importResultSchema = z.strictObject({ scenario: z.string(), counts });
/** The whole store as exported (GET /_mock/state); its records follow the shapes above. */
export const stateDocumentSchema = z.looseObject({
  schemaVersion: z.int(),
  scenario: z.string(),
  reseller: z.looseObject({}),
  customers: z.array(z.looseObject({ id })),
  plans: z.array(z.looseObject({ id })),
  subscriptions: z.array(z.looseObject({ id })),
  counters: z.looseObject({}),
});
export const mockSettingsSchema = settingsSchema;
export const clockSchema = z.strictObject({ now: z.string() });
export const usagePatchSchema = z.strictObject({
  subscriptionId: z.optional(id),
  website: z.string(),
  disk_space: z.optional(z.int().check(z.gte(0))),
  max_traffic: z.optional(z.int().check(z.gte(0))),
});
export const websitesSchema = z.strictObject({ items: z.array(websiteSchema) });
export const websiteRemovedSchema = z.strictObject({
  name: z.string(),
  removed: z.strictObject({ websites: z.array(z.string()), aliases: z.array(z.string()) }),
});
/** POST /_mock/build's answer: what the built world holds, and the build in its compact form (for `?build=`). */
export const buildResultSchema = z.strictObject({
  /** `build-` + the compact form. */
  scenario: z.string(),
  /** The compact form: seed-customers-subscriptions-plans-unsynced-locked-custom-suspended-overused. */
  build: z.string(),
  counts,
  /** Subscriptions per sync state (they add up to counts.subscriptions), suspended and Overused. */
  states: z.strictObject({ synced: count, unsynced: count, locked: count, custom: count, suspended: count, overused: count }),
});
export type BuildResult = z.infer<typeof buildResultSchema>;
export const settingsPatchSchema = z.partial(settingsSchema);
export const healthSchema = z.strictObject({ ready: z.literal(true) });

// ---------------------------------------------------------------------------------------------
// Types both sides use

export type CustomerView = z.infer<typeof customerViewSchema>;
export type PlanView = z.infer<typeof planViewSchema>;
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;
export type ResellerView = z.infer<typeof resellerViewSchema>;
export type LimitRow = z.infer<typeof limitRow>;
export type WebsiteView = z.infer<typeof websiteSchema>;
export type SyncOutcomeView = z.infer<typeof syncOutcomeSchema>;
export type BulkResult = z.infer<typeof bulkResultSchema>;
export type BulkRequest = z.input<typeof bulkActionSchema>;
export type BulkAction = BulkActionName;
export type PlanPreview = z.infer<typeof planPreviewSchema>;
export type PlanUpdateResult = z.infer<typeof planUpdateResultSchema>;
export type CustomerInput = z.input<typeof customerCreateSchema>;
export type SubscriptionInput = z.input<typeof subscriptionCreateSchema>;
export type ProviderPatchInput = z.input<typeof providerPatchSchema>;
export type ResetResult = z.infer<typeof resetResultSchema>;
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

// ---------------------------------------------------------------------------------------------
// Endpoints

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface QueryParameter {
  name: string;
  description: string;
  schema: z.ZodMiniType;
}

export interface Endpoint {
  method: Method;
  /** As SPEC §2 writes it, under /api/v1, with `{name}` for a path parameter. */
  path: string;
  summary: string;
  tag: 'Reseller' | 'Customers' | 'Service plans' | 'Subscriptions' | 'Prototype tools' | 'Contract';
  /** The request body, if it takes one (a JSON object). `optional`: it may be left out. */
  body?: { schema: z.ZodMiniType; optional?: boolean };
  query?: QueryParameter[];
  /** Success answers; every endpoint may also answer the problems of `errors`. */
  responses: Record<number, { description: string; schema?: z.ZodMiniType; etag?: boolean }>;
  /** Problem statuses this endpoint may answer (application/problem+json). */
  errors: number[];
}

const listQuery = (sortKeys: readonly string[], extra: QueryParameter[] = []): QueryParameter[] => [
  { name: 'q', description: 'Search text (accents and case ignored).', schema: z.string() },
  { name: 'sort', description: `Sort key: ${sortKeys.join(', ')}.`, schema: z.enum(sortKeys as [string, ...string[]]) },
  { name: 'order', description: 'asc (default) or desc.', schema: z.enum(['asc', 'desc']) },
  { name: 'page', description: 'Page number, from 1.', schema: z.int().check(z.gte(1)) },
  {
    name: 'pageSize',
    description: `Items per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
    schema: z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE)),
  },
  ...extra,
];
const param = (name: string, description: string, schema: z.ZodMiniType = z.string()): QueryParameter => ({ name, description, schema });

/** The 503 of fault injection can answer any /api/v1 request but /_mock. */
const WRITE = [400, 404, 409, 412, 422, 503];
const TOOL = [400, 422];
const noBody = { schema: z.strictObject({}), optional: true };

export const ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'get',
    path: '/reseller',
    tag: 'Reseller',
    summary: 'The reseller: allocation, usage, permissions, oversell, IP pool.',
    responses: { 200: { description: 'The reseller.', schema: resellerViewSchema, etag: true } },
    errors: [503],
  },

  {
    method: 'get',
    path: '/customers',
    tag: 'Customers',
    summary: 'List customers.',
    query: listQuery(
      ['contactName', 'companyName', 'login', 'email', 'country', 'status', 'createdAt', 'subscriptionCount'],
      [param('status', 'active or suspended.', recordStatus)],
    ),
    responses: { 200: { description: 'A page of customers.', schema: pageOf(customerListItemSchema) } },
    errors: [422, 503],
  },
  {
    method: 'post',
    path: '/customers',
    tag: 'Customers',
    summary: 'Create a customer.',
    body: { schema: customerCreateSchema },
    responses: { 201: { description: 'The new customer.', schema: customerViewSchema, etag: true } },
    errors: [400, 403, 409, 422, 503],
  },
  {
    method: 'get',
    path: '/customers/{id}',
    tag: 'Customers',
    summary: 'A customer.',
    responses: { 200: { description: 'The customer.', schema: customerViewSchema, etag: true } },
    errors: [404, 503],
  },
  {
    method: 'patch',
    path: '/customers/{id}',
    tag: 'Customers',
    summary: 'Edit a customer (partial, merged).',
    body: { schema: customerPatchSchema },
    responses: { 200: { description: 'The customer.', schema: customerViewSchema, etag: true } },
    errors: WRITE,
  },
  {
    method: 'delete',
    path: '/customers/{id}',
    tag: 'Customers',
    summary: 'Remove a customer with its subscriptions and their websites.',
    responses: { 200: { description: 'What was removed.', schema: customerRemovedSchema } },
    errors: [404, 412, 503],
  },
  {
    method: 'post',
    path: '/customers/{id}/suspend',
    tag: 'Customers',
    summary: 'Suspend a customer.',
    body: noBody,
    responses: { 200: { description: 'The customer.', schema: customerViewSchema, etag: true } },
    errors: WRITE,
  },
  {
    method: 'post',
    path: '/customers/{id}/activate',
    tag: 'Customers',
    summary: 'Activate a customer.',
    body: noBody,
    responses: { 200: { description: 'The customer.', schema: customerViewSchema, etag: true } },
    errors: WRITE,
  },

  {
    method: 'get',
    path: '/service-plans',
    tag: 'Service plans',
    summary: 'List service plans.',
    query: listQuery(['id', 'name', 'subscriptionCount'], [param('kind', 'hosting or addon.', z.enum(['hosting', 'addon']))]),
    responses: { 200: { description: 'A page of plans.', schema: pageOf(planListItemSchema) } },
    errors: [422, 503],
  },
  {
    method: 'post',
    path: '/service-plans',
    tag: 'Service plans',
    summary: 'Create a plan.',
    body: { schema: planCreateSchema },
    responses: { 201: { description: 'The new plan.', schema: planViewSchema, etag: true } },
    errors: [400, 409, 422, 503],
  },
  {
    method: 'get',
    path: '/service-plans/{id}',
    tag: 'Service plans',
    summary: 'A plan.',
    responses: { 200: { description: 'The plan.', schema: planViewSchema, etag: true } },
    errors: [404, 503],
  },
  {
    method: 'put',
    path: '/service-plans/{id}',
    tag: 'Service plans',
    summary: 'Update & Sync: edit the plan; its unlocked subscriptions follow.',
    body: { schema: planUpdateSchema },
    responses: { 200: { description: 'The plan and the sync report.', schema: planUpdateResultSchema, etag: true } },
    errors: WRITE,
  },
  {
    method: 'post',
    path: '/service-plans/{id}/preview',
    tag: 'Service plans',
    summary: 'What Update & Sync would do with this body, without doing it.',
    body: { schema: planUpdateSchema },
    responses: { 200: { description: 'The report the save would give.', schema: planPreviewSchema } },
    errors: WRITE,
  },
  {
    method: 'delete',
    path: '/service-plans/{id}',
    tag: 'Service plans',
    summary: 'Remove a plan no subscription uses.',
    responses: { 204: { description: 'Removed.' } },
    errors: [404, 409, 412, 503],
  },
  {
    method: 'post',
    path: '/service-plans/{id}/clone',
    tag: 'Service plans',
    summary: 'Copy a plan ("Copy of X").',
    body: noBody,
    responses: { 201: { description: 'The copy.', schema: planViewSchema, etag: true } },
    errors: [400, 404, 422, 503],
  },

  {
    method: 'get',
    path: '/subscriptions',
    tag: 'Subscriptions',
    summary: 'List subscriptions.',
    query: listQuery(
      ['domain', 'subscriber', 'plan', 'syncState', 'status', 'createdAt', 'diskUsage'],
      [
        param('customerId', 'Owned by this customer.'),
        param('planId', 'On this plan, as plan or add-on.'),
        param('sync', 'synced, unsynced, locked or custom.', syncStateSchema),
        param('status', 'active or suspended.', recordStatus),
      ],
    ),
    responses: { 200: { description: 'A page of subscriptions.', schema: pageOf(subscriptionListItemSchema) } },
    errors: [422, 503],
  },
  {
    method: 'post',
    path: '/subscriptions',
    tag: 'Subscriptions',
    summary: 'Create a subscription.',
    body: { schema: subscriptionCreateSchema },
    responses: { 201: { description: 'The new subscription.', schema: subscriptionViewSchema, etag: true } },
    errors: [400, 409, 422, 503],
  },
  {
    method: 'post',
    path: '/subscriptions/bulk',
    tag: 'Subscriptions',
    summary: 'One action on many subscriptions, a result per id.',
    body: { schema: bulkActionSchema },
    responses: { 200: { description: 'A result per distinct id, in order.', schema: bulkResponseSchema } },
    errors: [400, 422, 503],
  },
  {
    method: 'get',
    path: '/subscriptions/{id}',
    tag: 'Subscriptions',
    summary: 'A subscription.',
    responses: { 200: { description: 'The subscription.', schema: subscriptionViewSchema, etag: true } },
    errors: [404, 503],
  },
  {
    method: 'delete',
    path: '/subscriptions/{id}',
    tag: 'Subscriptions',
    summary: 'Remove a subscription and all its websites.',
    responses: { 200: { description: 'What was removed.', schema: subscriptionRemovedSchema } },
    errors: [404, 412, 503],
  },
  {
    method: 'put',
    path: '/subscriptions/{id}/values',
    tag: 'Subscriptions',
    summary: 'Customize: change its own values (locks a plan-based one).',
    body: { schema: valuesPatchSchema },
    responses: { 200: { description: 'The subscription.', schema: subscriptionViewSchema, etag: true } },
    errors: WRITE,
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/sync',
    tag: 'Subscriptions',
    summary: 'Synchronize; `accept: "available"` takes the available values.',
    body: { schema: z.strictObject({ accept: z.optional(z.literal('available')) }), optional: true },
    responses: { 200: { description: 'The sync outcome.', schema: syncOutcomeSchema, etag: true } },
    errors: WRITE,
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/unlock-and-sync',
    tag: 'Subscriptions',
    summary: 'Unlock and Sync.',
    body: { schema: z.strictObject({ accept: z.optional(z.literal('available')) }), optional: true },
    responses: { 200: { description: 'The sync outcome.', schema: syncOutcomeSchema, etag: true } },
    errors: WRITE,
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/suspend',
    tag: 'Subscriptions',
    summary: 'Suspend a subscription.',
    body: noBody,
    responses: { 200: { description: 'The subscription.', schema: subscriptionViewSchema, etag: true } },
    errors: WRITE,
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/activate',
    tag: 'Subscriptions',
    summary: 'Activate a subscription.',
    body: noBody,
    responses: { 200: { description: 'The subscription.', schema: subscriptionViewSchema, etag: true } },
    errors: WRITE,
  },

  {
    method: 'get',
    path: '/subscriptions/{id}/websites',
    tag: 'Subscriptions',
    summary: 'Its websites, main domain first.',
    responses: { 200: { description: 'The websites.', schema: websitesSchema, etag: true } },
    errors: [404, 503],
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/websites',
    tag: 'Subscriptions',
    summary: 'Add a domain or a subdomain (within max_site / max_subdom; names unique panel-wide).',
    body: { schema: websiteCreateSchema },
    responses: { 201: { description: 'The new website.', schema: websiteSchema, etag: true } },
    errors: WRITE,
  },
  {
    method: 'delete',
    path: '/subscriptions/{id}/websites/{name}',
    tag: 'Subscriptions',
    summary: 'Remove a website with its subdomains and aliases (not the main domain alone).',
    responses: { 200: { description: 'What was removed.', schema: websiteRemovedSchema, etag: true } },
    errors: [404, 409, 412, 503],
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/websites/{name}/aliases',
    tag: 'Subscriptions',
    summary: 'Add a domain alias (within max_dom_aliases).',
    body: { schema: aliasCreateSchema },
    responses: { 201: { description: 'The website with its aliases.', schema: websiteSchema, etag: true } },
    errors: WRITE,
  },
  {
    method: 'delete',
    path: '/subscriptions/{id}/websites/{name}/aliases/{alias}',
    tag: 'Subscriptions',
    summary: 'Remove a domain alias.',
    responses: { 200: { description: 'The websites.', schema: websitesSchema, etag: true } },
    errors: [404, 409, 412, 503],
  },

  {
    method: 'get',
    path: '/openapi.json',
    tag: 'Contract',
    summary: 'This document (OpenAPI 3.1).',
    responses: { 200: { description: 'The OpenAPI document.', schema: z.looseObject({ openapi: z.string() }) } },
    errors: [],
  },

  {
    method: 'get',
    path: '/_mock/health',
    tag: 'Prototype tools',
    summary: 'Ready once the mock answers: a suite waits for it.',
    responses: { 200: { description: 'Ready.', schema: healthSchema } },
    errors: [],
  },
  {
    method: 'post',
    path: '/_mock/reset',
    tag: 'Prototype tools',
    summary: 'Reset to a scenario, then add records through the public POST rules (all or nothing).',
    body: { schema: resetRequestSchema, optional: true },
    responses: { 200: { description: 'What the store now holds.', schema: resetResultSchema } },
    errors: [400, 403, 409, 422],
  },
  {
    method: 'post',
    path: '/_mock/build',
    tag: 'Prototype tools',
    summary: 'Replace the data with a world built from a seed: counts and a mix of states (the scenario builder; all or nothing).',
    body: { schema: buildRequestSchema },
    responses: { 200: { description: 'What the store now holds.', schema: buildResultSchema } },
    errors: TOOL,
  },
  {
    method: 'get',
    path: '/_mock/state',
    tag: 'Prototype tools',
    summary: 'Export the whole store.',
    responses: { 200: { description: 'The state document.', schema: stateDocumentSchema } },
    errors: [],
  },
  {
    method: 'put',
    path: '/_mock/state',
    tag: 'Prototype tools',
    summary: 'Import a whole store (refused whole if any rule fails).',
    body: { schema: stateDocumentSchema },
    responses: { 200: { description: 'What the store now holds.', schema: importResultSchema } },
    errors: TOOL,
  },
  {
    method: 'get',
    path: '/_mock/settings',
    tag: 'Prototype tools',
    summary: 'Latency, failure rate and failOn patterns.',
    responses: { 200: { description: 'The settings.', schema: mockSettingsSchema } },
    errors: [],
  },
  {
    method: 'put',
    path: '/_mock/settings',
    tag: 'Prototype tools',
    summary: 'Change the settings (fields left out keep their value).',
    body: { schema: settingsPatchSchema },
    responses: { 200: { description: 'The settings.', schema: mockSettingsSchema } },
    errors: TOOL,
  },
  {
    method: 'get',
    path: '/_mock/clock',
    tag: 'Prototype tools',
    summary: 'The mock clock.',
    responses: { 200: { description: 'The time every date is measured against.', schema: clockSchema } },
    errors: [],
  },
  {
    method: 'put',
    path: '/_mock/clock',
    tag: 'Prototype tools',
    summary: 'Set the mock clock; expirations apply at once.',
    body: { schema: clockSchema },
    responses: { 200: { description: 'The clock.', schema: clockSchema } },
    errors: TOOL,
  },
  {
    method: 'patch',
    path: '/_mock/usage',
    tag: 'Prototype tools',
    summary: "Set a website's simulated usage; the overuse policy applies at once.",
    body: { schema: usagePatchSchema },
    responses: { 200: { description: 'The subscription.', schema: subscriptionViewSchema, etag: true } },
    errors: [400, 404, 422],
  },
  {
    method: 'patch',
    path: '/_mock/provider',
    tag: 'Prototype tools',
    summary: 'The hosting provider grants or takes away limits and permissions, toggles oversell.',
    body: { schema: providerPatchSchema },
    responses: { 200: { description: 'The reseller.', schema: resellerViewSchema, etag: true } },
    errors: TOOL,
  },
];

/**
 * What any write may also answer: a body over the limit (413), a change that could not be saved
 * (507 storage full, 503 storage failed), a race with a whole-data replacement in another tab (409).
 */
export const ANY_WRITE_ERRORS: readonly number[] = [409, 413, 503, 507];

/** The endpoint a request (method, path under /api/v1 without the query) is answered by. */
export function endpointOf(method: string, path: string): Endpoint | undefined {
  const m = method.toLowerCase();
  const actual = path.replace(/\/+$/, '').split('/');
  // Literal segments win over parameters (/subscriptions/bulk before /subscriptions/{id}).
  let best: { endpoint: Endpoint; literals: number } | undefined;
  for (const endpoint of ENDPOINTS) {
    if (endpoint.method !== m) continue;
    const expected = endpoint.path.split('/');
    if (expected.length !== actual.length) continue;
    let literals = 0;
    const matches = expected.every((seg, i) => {
      if (seg.startsWith('{')) return (actual[i] ?? '') !== '';
      literals++;
      return seg === actual[i];
    });
    if (matches && (!best || literals > best.literals)) best = { endpoint, literals };
  }
  return best?.endpoint;
}

/** Whether a response conforms to the contract; the reason when it does not. */
export function checkResponse(method: string, path: string, status: number, body: unknown): string | null {
  const endpoint = endpointOf(method, path);
  if (!endpoint) return status === 404 || status === 405 ? checkProblem(body) : `${method} ${path} is not in the contract`;
  const success = endpoint.responses[status];
  if (success) {
    if (!success.schema) return body === undefined || body === null || body === '' ? null : `${status} takes no body`;
    const result = z.safeParse(success.schema, body);
    return result.success ? null : `${method} ${endpoint.path} ${status}: ${z.prettifyError(result.error)}`;
  }
  if (status >= 400 && (endpoint.errors.includes(status) || status === 405 || (endpoint.method !== 'get' && ANY_WRITE_ERRORS.includes(status)))) {
    return checkProblem(body);
  }
  return `${method} ${endpoint.path} answered ${status}, which the contract does not list`;
}

function checkProblem(body: unknown): string | null {
  const result = z.safeParse(problemSchema, body);
  return result.success ? null : `problem+json: ${z.prettifyError(result.error)}`;
}
