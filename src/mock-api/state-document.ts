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
import { parseClock, REFERENCE_DATE } from '../domain/clock';
import { valuesSchema } from '../domain/schemas';
import { settle, statusOf } from '../domain/suspension';
import { METERED_KEYS, SUSPENSION_REASONS, USAGE_KEYS } from '../domain/types';
import type { Subscription, SuspensionReason } from '../domain/types';
import { namesOf, sitesFromNames, usageOf, withSites } from '../domain/websites';
import type { Snapshot } from './store';

/** 2: websites as records (`sites`) with aliases and usage, usage counts, `suspendedBy`, `overused`, the clock. */
export const SCHEMA_VERSION = 2;

export interface StateDocument extends Snapshot {
  schemaVersion: number;
}

/** Turns a document of version N into one of version N + 1 (plain JSON in, plain JSON out). */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 1 → 2: each website name becomes a record (the main domain keeps the subscription's usage,
  // the others start at 0); a suspended subscription is suspended by its customer when that
  // customer is suspended, else by the reseller; overuse and expiration are applied at the
  // reference date (version 1 had no clock).
  1: (doc) => {
    const customers = Array.isArray(doc.customers) ? (doc.customers as Array<Record<string, unknown>>) : [];
    const suspendedOwners = new Set(customers.filter((c) => c?.status === 'suspended').map((c) => c.id));
    const subscriptions = Array.isArray(doc.subscriptions) ? (doc.subscriptions as Array<Record<string, unknown>>) : [];
    return {
      ...doc,
      subscriptions: subscriptions.map((raw) => {
        if (typeof raw !== 'object' || raw === null || !Array.isArray(raw.websites) || !raw.values) return raw;
        const old = (raw.usage ?? {}) as { disk_space?: unknown; max_traffic?: unknown };
        const amount = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
        const names = (raw.websites as unknown[]).filter((n): n is string => typeof n === 'string');
        const sites = sitesFromNames(names, (_n, i) =>
          i === 0 ? { disk_space: amount(old.disk_space), max_traffic: amount(old.max_traffic) } : { disk_space: 0, max_traffic: 0 },
        );
        const suspendedBy: SuspensionReason[] =
          raw.status === 'suspended' ? [suspendedOwners.has(raw.ownerId) ? 'customer' : 'reseller'] : [];
        const s = { ...(raw as unknown as Subscription), suspendedBy, overused: [], status: statusOf(suspendedBy) };
        return settle(withSites(s, sites), REFERENCE_DATE) as unknown as Record<string, unknown>;
      }),
    };
  },
};

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
  clock: z.optional(z.string().check(z.refine((v) => parseClock(v) !== undefined))),
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
  sites: z
    .array(
      z.object({
        name: z.string().check(z.minLength(1)),
        kind: z.enum(['domain', 'subdomain']),
        parent: z.nullable(z.string()),
        aliases: z.array(z.string().check(z.minLength(1))),
        usage: z.object({ disk_space: z.number().check(z.gte(0)), max_traffic: z.number().check(z.gte(0)) }),
      }),
    )
    .check(z.minLength(1)),
  usage: z.object(Object.fromEntries(USAGE_KEYS.map((k) => [k, z.number()])) as Record<(typeof USAGE_KEYS)[number], z.ZodMiniNumber>),
  suspendedBy: z.array(z.enum(SUSPENSION_REASONS)),
  overused: z.array(z.enum(METERED_KEYS)),
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
  const broken = referenceProblem(snapshot) ?? websiteProblem(snapshot);
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

/** Websites, names and suspension reasons hold together (SPEC §1.5, §1.6); undefined when they do. */
export function websiteProblem(s: Snapshot): string | undefined {
  const owner = new Map<string, string>();
  for (const sub of s.subscriptions) {
    if (sub.sites[0]?.name !== sub.domain || sub.sites[0]?.kind !== 'domain') return `Subscription ${sub.id}: its first website is not its domain.`;
    if (sub.sites.map((w) => w.name).join('\n') !== sub.websites.join('\n')) return `Subscription ${sub.id}: websites and sites differ.`;
    const domains = new Set(sub.sites.filter((w) => w.kind === 'domain').map((w) => w.name));
    for (const w of sub.sites) {
      if (w.kind === 'subdomain' && (w.parent === null || !domains.has(w.parent) || !w.name.endsWith(`.${w.parent}`))) {
        return `Subscription ${sub.id}: subdomain ${w.name} is not under one of its domains.`;
      }
      if (w.kind === 'subdomain' && w.aliases.length > 0) return `Subscription ${sub.id}: subdomain ${w.name} has aliases.`;
    }
    for (const name of namesOf(sub)) {
      const other = owner.get(name);
      if (other !== undefined) return `The name "${name}" is used twice (${other}, ${sub.id}).`;
      owner.set(name, sub.id);
    }
    const usage = usageOf(sub.sites);
    if (USAGE_KEYS.some((k) => usage[k] !== sub.usage[k])) return `Subscription ${sub.id}: its usage is not the sum of its websites.`;
    if (new Set(sub.suspendedBy).size !== sub.suspendedBy.length) return `Subscription ${sub.id} has the same suspension reason twice.`;
    if (statusOf(sub.suspendedBy) !== sub.status) return `Subscription ${sub.id}: its status does not match suspendedBy.`;
  }
  return undefined;
}
