/**
 * The store as a JSON document: what GET /_mock/state exports, PUT /_mock/state imports and
 * IndexedDB holds (row by row). It carries a schema version; older documents are migrated step
 * by step, newer or unknown ones are refused, and every document is validated (shapes and
 * references) before it may replace the store.
 *
 * To change the stored shape: bump SCHEMA_VERSION and add `MIGRATIONS[old]` turning a
 * version-`old` document into a version-`old + 1` one. Saved states and exported files then load.
 */
import * as z from 'zod/mini';
import { valuesSchema } from '../domain/schemas';
import type { Snapshot } from './store';

export const SCHEMA_VERSION = 1;

export interface StateDocument extends Snapshot {
  schemaVersion: number;
}

/** Turns a document of version N into one of version N + 1 (plain JSON in, plain JSON out). */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type DocumentProblem = 'newer-version' | 'unknown-version' | 'invalid';
export type DocumentResult =
  | { ok: true; snapshot: Snapshot; migrated: boolean }
  | { ok: false; reason: DocumentProblem; detail: string };

export function toDocument(snapshot: Snapshot): StateDocument {
  return { schemaVersion: SCHEMA_VERSION, ...snapshot };
}

const status = z.enum(['active', 'suspended']);
const numberRecord = z.record(z.string(), z.number());
const booleanRecord = z.record(z.string(), z.boolean());

const resellerSchema = z.object({
  name: z.string(),
  limits: numberRecord,
  permissions: booleanRecord,
  oversell: z.boolean(),
  ipPool: z.array(z.object({ address: z.string(), type: z.enum(['shared', 'dedicated']) })),
});
const customerSchema = z.object({
  id: z.string().check(z.minLength(1)),
  contactName: z.string(),
  companyName: z.string(),
  login: z.string().check(z.minLength(1)),
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  city: z.string(),
  postalCode: z.string(),
  country: z.string(),
  status,
  createdAt: z.string(),
});
const planSchema = z.object({
  id: z.string().check(z.minLength(1)),
  kind: z.enum(['hosting', 'addon']),
  name: z.string().check(z.minLength(1)),
  values: valuesSchema,
});
const subscriptionSchema = z.object({
  id: z.string().check(z.minLength(1)),
  domain: z.string().check(z.minLength(1)),
  ownerId: z.nullable(z.string()),
  planId: z.nullable(z.string()),
  addonIds: z.array(z.string()),
  ipAddress: z.string(),
  systemUser: z.string(),
  status,
  locked: z.boolean(),
  synchronized: z.boolean(),
  values: valuesSchema,
  websites: z.array(z.string()).check(z.minLength(1)),
  usage: z.object({ disk_space: z.number(), max_traffic: z.number() }),
  createdAt: z.string(),
  expiresAt: z.nullable(z.string()),
});
const documentSchema = z.object({
  schemaVersion: z.number(),
  scenario: z.string(),
  reseller: resellerSchema,
  customers: z.array(customerSchema),
  plans: z.array(planSchema),
  subscriptions: z.array(subscriptionSchema),
  counters: z.object({ customers: z.number(), plans: z.number(), subscriptions: z.number() }),
});

const invalid = (detail: string): DocumentResult => ({ ok: false, reason: 'invalid', detail });

/** Reads an exported/persisted document: version check, migrations, validation. */
export function readDocument(
  input: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): DocumentResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return invalid('The state is not a JSON object.');
  let doc = input as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'unknown-version', detail: 'The state has no valid schemaVersion.' };
  }
  if (version > target) {
    return {
      ok: false,
      reason: 'newer-version',
      detail: `The state has schema version ${version}; this panel reads up to ${target}.`,
    };
  }
  for (let v = version; v < target; v++) {
    const migration = migrations[v];
    if (!migration) return { ok: false, reason: 'unknown-version', detail: `No migration from schema version ${v}.` };
    try {
      doc = { ...migration(doc), schemaVersion: v + 1 };
    } catch (error) {
      return invalid(`Migration from schema version ${v} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    return invalid(`The state does not match the schema (${first.join('; ')}).`);
  }
  const { schemaVersion: _, ...snapshot } = parsed.data as unknown as StateDocument;
  const broken = referenceProblem(snapshot);
  if (broken) return invalid(broken);
  return { ok: true, snapshot, migrated: version !== target };
}

/** Uniqueness and references between tables; undefined when consistent. */
export function referenceProblem(s: Snapshot): string | undefined {
  const unique = (label: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) return `Duplicate ${label} "${key}".`;
      seen.add(key);
    }
    return undefined;
  };
  const duplicate =
    unique('customer id', s.customers.map((c) => c.id)) ??
    unique('customer login', s.customers.map((c) => c.login)) ??
    unique('plan id', s.plans.map((p) => p.id)) ??
    unique('plan name', s.plans.map((p) => `${p.kind}:${p.name.toLowerCase()}`)) ??
    unique('subscription id', s.subscriptions.map((x) => x.id)) ??
    unique('subscription domain', s.subscriptions.map((x) => x.domain.toLowerCase()));
  if (duplicate) return duplicate;
  const customers = new Set(s.customers.map((c) => c.id));
  const kinds = new Map(s.plans.map((p) => [p.id, p.kind]));
  for (const sub of s.subscriptions) {
    if (sub.ownerId !== null && !customers.has(sub.ownerId)) return `Subscription ${sub.id} belongs to unknown customer ${sub.ownerId}.`;
    if (sub.planId !== null && kinds.get(sub.planId) !== 'hosting') return `Subscription ${sub.id} uses unknown hosting plan ${sub.planId}.`;
    if (sub.planId === null && sub.addonIds.length > 0) return `Custom subscription ${sub.id} has add-ons.`;
    for (const addon of sub.addonIds) {
      if (kinds.get(addon) !== 'addon') return `Subscription ${sub.id} uses unknown add-on plan ${addon}.`;
    }
    if (new Set(sub.addonIds).size !== sub.addonIds.length) return `Subscription ${sub.id} has the same add-on twice.`;
  }
  return undefined;
}
