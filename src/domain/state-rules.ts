/**
 * The field and cross-record rules a whole state obeys (SPEC §2: an import obeys every rule the
 * public endpoints enforce). Built from the very schemas of the public endpoints (schemas.ts),
 * so a rule changed there changes here too. Used by PUT /_mock/state and POST /_mock/reset
 * (refused whole, with the reasons) and by the loading of a saved state (one bad record is
 * dropped and named, the rest is kept: `salvageState`).
 *
 * To add a field to a record: add it to its record schema below (and a rule to `recordProblems`
 * when it refers to other records); a field the schema does not name is dropped on import.
 */
import { z } from 'zod/mini';
import {
  customerFields,
  domainSchema,
  flag,
  idListSchema,
  stripInvisible,
  idSchema,
  ipAddressSchema,
  isoDateSchema,
  limitNumber,
  nameKey,
  planNameSchema,
  systemUserSchema,
  validate,
  valuesSchema,
  type ValidationIssue,
  type ValidationResult,
} from './schemas';
import { parseClock } from './clock';
import { statusOf } from './suspension';
import { usageOf } from './websites';
import {
  METERED_KEYS,
  SUSPENSION_REASONS,
  USAGE_KEYS,
  NUMERIC_RESOURCE_KEYS,
  PERMISSION_KEYS,
  RESELLER_LIMIT_KEYS,
  RESELLER_PERMISSION_KEYS,
  UNLIMITED,
  type Customer,
  type Reseller,
  type ServicePlan,
  type Subscription,
} from './types';

export const STATE_TABLES = ['customers', 'plans', 'subscriptions'] as const;
export type StateTable = (typeof STATE_TABLES)[number];
export interface StateRows {
  customers: Customer;
  plans: ServicePlan;
  subscriptions: Subscription;
}
export interface StateCounters {
  customers: number;
  plans: number;
  subscriptions: number;
}
/** A whole state, as exported and imported (the store's Snapshot has this shape). */
export interface StateData {
  scenario: string;
  reseller: Reseller;
  customers: Customer[];
  plans: ServicePlan[];
  subscriptions: Subscription[];
  counters: StateCounters;
}

const status = z.enum(['active', 'suspended'], { error: 'invalid_option' });
const shapeOf = <K extends string, S>(keys: readonly K[], schema: S) => Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>;
/** A counter or a usage figure: a whole number, bounded so that nothing can spin on it. */
const MAX_COUNTER = 1_000_000_000;
const counter = z.int({ error: 'invalid_number' }).check(z.gte(0, 'too_small'), z.lte(MAX_COUNTER, 'too_large'));
const bytes = z.int({ error: 'invalid_number' }).check(z.gte(0, 'too_small'), z.lte(Number.MAX_SAFE_INTEGER, 'too_large'));

// Every contact field is stored, empty when not given; the same rules as POST /customers.
const { password: _password, ...contactFields } = customerFields;
const stored = <T extends z.ZodMiniType>(schema: z.ZodMiniOptional<T>) => schema.def.innerType;

export const customerRecordSchema = z.object({
  id: idSchema,
  ...contactFields,
  companyName: stored(contactFields.companyName),
  email: stored(contactFields.email),
  phone: stored(contactFields.phone),
  address: stored(contactFields.address),
  city: stored(contactFields.city),
  postalCode: stored(contactFields.postalCode),
  country: stored(contactFields.country),
  status,
  createdAt: isoDateSchema,
});

export const planRecordSchema = z.object({
  id: idSchema,
  kind: z.enum(['hosting', 'addon'], { error: 'invalid_option' }),
  name: planNameSchema,
  values: valuesSchema,
});

export const subscriptionRecordSchema = z.object({
  id: idSchema,
  domain: domainSchema,
  ownerId: z.nullable(idSchema),
  planId: z.nullable(idSchema),
  addonIds: idListSchema,
  ipAddress: ipAddressSchema,
  systemUser: systemUserSchema,
  status,
  locked: flag,
  synchronized: flag,
  values: valuesSchema,
  websites: z.array(domainSchema).check(z.minLength(1, 'required')),
  sites: z
    .array(
      z.object({
        name: domainSchema,
        kind: z.enum(['domain', 'subdomain'], { error: 'invalid_option' }),
        parent: z.nullable(domainSchema),
        aliases: z.array(domainSchema).check(z.maxLength(10_000, 'too_many')),
        usage: z.object({ disk_space: bytes, max_traffic: bytes }),
      }),
    )
    .check(z.minLength(1, 'required'), z.maxLength(10_000, 'too_many')),
  usage: z.object(shapeOf(USAGE_KEYS, bytes)),
  suspendedBy: z.array(z.enum(SUSPENSION_REASONS, { error: 'invalid_option' })),
  overused: z.array(z.enum(METERED_KEYS, { error: 'invalid_option' })),
  createdAt: isoDateSchema,
  expiresAt: z.nullable(isoDateSchema),
});

export const resellerRecordSchema = z.object({
  name: planNameSchema,
  limits: z.strictObject(shapeOf([...NUMERIC_RESOURCE_KEYS, ...RESELLER_LIMIT_KEYS], limitNumber)),
  permissions: z.strictObject(shapeOf([...PERMISSION_KEYS, ...RESELLER_PERMISSION_KEYS], flag)),
  oversell: flag,
  ipPool: z
    .array(z.object({ address: ipAddressSchema, type: z.enum(['shared', 'dedicated'], { error: 'invalid_option' }) }))
    .check(z.minLength(1, 'required'), z.maxLength(1000, 'too_many')),
  /** The mock clock (SPEC §1.6); absent = the reference date. */
  clock: z.optional(z.string({ error: 'invalid_date' }).check(z.refine((v) => parseClock(v) !== undefined, 'invalid_date'))),
});

export const countersSchema = z.object({ customers: counter, plans: counter, subscriptions: counter });

const RECORD_SCHEMAS: { [T in StateTable]: z.ZodMiniType<StateRows[T]> } = {
  customers: customerRecordSchema as unknown as z.ZodMiniType<Customer>,
  plans: planRecordSchema as unknown as z.ZodMiniType<ServicePlan>,
  subscriptions: subscriptionRecordSchema as unknown as z.ZodMiniType<Subscription>,
};

const prefixed = (prefix: string, issues: ValidationIssue[]) => issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));

/** One record of a table against the field rules of its create endpoint. */
export function checkRecord<T extends StateTable>(table: T, raw: unknown): ValidationResult<StateRows[T]> {
  return validate(RECORD_SCHEMAS[table], raw);
}

export function checkReseller(raw: unknown): ValidationResult<Reseller> {
  return validate(resellerRecordSchema as unknown as z.ZodMiniType<Reseller>, raw);
}

/**
 * The rules between records, as the endpoints check them against the store: unique ids,
 * logins, plan names (per kind, look-alikes included), domains, system users and website names;
 * owners, plans and add-ons that exist with the right kind; an address of the reseller's pool.
 * And the rules inside a subscription that its fields alone do not say: its websites, names and
 * usage hold together, no more domains than its `max_site`, its status follows its suspensions.
 * Each issue names the record it drops. `trusted`: records this app wrote itself (a saved chunk
 * exactly as written), whose own rules held when they were written: only the rules between
 * records are checked for them (a 50,000-subscription load: ~2× faster).
 */
export function recordProblems(
  data: Omit<StateData, 'counters' | 'scenario'>,
  trusted?: ReadonlySet<unknown>,
): (ValidationIssue & { table: StateTable; index: number })[] {
  const out: (ValidationIssue & { table: StateTable; index: number })[] = [];
  const flagIssue = (table: StateTable, index: number, field: string, code: string, params?: Record<string, string | number>) =>
    out.push({ table, index, path: `${table}.${index}.${field}`, code, ...(params ? { params } : {}) });
  const seen = <R>(table: StateTable, items: readonly R[], field: string, keyOf: (row: R) => string) => {
    const keys = new Set<string>();
    for (let index = 0; index < items.length; index++) {
      const key = keyOf(items[index]!);
      if (keys.has(key)) flagIssue(table, index, field, field === 'id' ? 'duplicate_value' : 'taken');
      else keys.add(key);
    }
  };
  seen('customers', data.customers, 'id', (c: Customer) => c.id);
  seen('customers', data.customers, 'login', (c: Customer) => c.login);
  seen('plans', data.plans, 'id', (p: ServicePlan) => p.id);
  seen('plans', data.plans, 'name', (p: ServicePlan) => `${p.kind}:${nameKey(p.name)}`);
  seen('subscriptions', data.subscriptions, 'id', (s: Subscription) => s.id);
  seen('subscriptions', data.subscriptions, 'systemUser', (s: Subscription) => s.systemUser);
  const customers = new Set(data.customers.map((c) => c.id));
  const kinds = new Map(data.plans.map((p) => [p.id, p.kind]));
  const pool = new Set(data.reseller.ipPool.map((ip) => ip.address));
  const websites = new Set<string>();
  const subscriptions = data.subscriptions;
  for (let i = 0; i < subscriptions.length; i++) {
    const s = subscriptions[i]!;
    const own = !trusted?.has(s);
    if (s.ownerId !== null && !customers.has(s.ownerId)) flagIssue('subscriptions', i, 'ownerId', 'not_found');
    if (s.planId !== null && kinds.get(s.planId) !== 'hosting') flagIssue('subscriptions', i, 'planId', 'not_found');
    if (s.planId === null && s.addonIds.length > 0) flagIssue('subscriptions', i, 'addonIds', 'invalid_value');
    for (let j = 0; j < s.addonIds.length; j++) if (kinds.get(s.addonIds[j]!) !== 'addon') flagIssue('subscriptions', i, `addonIds.${j}`, 'not_found');
    if (!pool.has(s.ipAddress)) flagIssue('subscriptions', i, 'ipAddress', 'not_in_pool');
    if (own) ownProblems(s, i, flagIssue);
    // A name is unique across the panel: domains, subdomains and aliases of every subscription.
    for (let j = 0; j < s.websites.length; j++) {
      const name = s.websites[j]!;
      if (websites.has(name)) flagIssue('subscriptions', i, `websites.${j}`, 'taken');
      else websites.add(name);
    }
    for (let j = 0; j < s.sites.length; j++) {
      const aliases = s.sites[j]!.aliases;
      for (let k = 0; k < aliases.length; k++) {
        if (websites.has(aliases[k]!)) flagIssue('subscriptions', i, `sites.${j}.aliases.${k}`, 'taken');
        else websites.add(aliases[k]!);
      }
    }
    if (own) {
      const usage = usageOf(s.sites);
      if (USAGE_KEYS.some((k) => usage[k] !== s.usage[k])) flagIssue('subscriptions', i, 'usage', 'invalid_value');
      if (new Set(s.suspendedBy).size !== s.suspendedBy.length) flagIssue('subscriptions', i, 'suspendedBy', 'duplicate_value');
      if (statusOf(s.suspendedBy) !== s.status) flagIssue('subscriptions', i, 'status', 'invalid_value');
    }
  }
  return out;
}

/** A subscription's own websites rules (SPEC §1.5, §1.6): names, kinds, parents and max_site. */
function ownProblems(
  s: Subscription,
  i: number,
  flagIssue: (table: StateTable, index: number, field: string, code: string, params?: Record<string, string | number>) => void,
): void {
  if (s.websites[0] !== s.domain) flagIssue('subscriptions', i, 'websites.0', 'invalid_value');
  // Websites, names and suspension reasons hold together (SPEC §1.5, §1.6).
  if (s.sites[0]?.name !== s.domain || s.sites[0]?.kind !== 'domain') flagIssue('subscriptions', i, 'sites.0', 'invalid_value');
  if (s.sites.map((w) => w.name).join('\n') !== s.websites.join('\n')) flagIssue('subscriptions', i, 'sites', 'invalid_value');
  const domains = new Set(s.sites.filter((w) => w.kind === 'domain').map((w) => w.name));
  s.sites.forEach((w, j) => {
    if (w.kind === 'subdomain' && (w.parent === null || !domains.has(w.parent) || !w.name.endsWith(`.${w.parent}`)))
      flagIssue('subscriptions', i, `sites.${j}.parent`, 'subdomain_outside');
    if (w.kind === 'domain' && w.parent !== null) flagIssue('subscriptions', i, `sites.${j}.parent`, 'invalid_value');
    if (w.kind === 'subdomain' && w.aliases.length > 0) flagIssue('subscriptions', i, `sites.${j}.aliases`, 'not_a_domain');
  });
  // SPEC §1.5: domains (the main one included) count against max_site; a subdomain (a name
  // ending in "." + one of its domains) does not. The main domain always exists (POST
  // /subscriptions creates it whatever max_site says): only domains beyond it are held to the
  // limit. (max_subdom is not checked: the scenarios' websites predate it.)
  const names = new Set(s.websites);
  const isSubdomain = (name: string) => {
    for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) if (names.has(name.slice(dot + 1))) return true;
    return false;
  };
  const maxSite = s.values.resources.max_site;
  const domainCount = s.websites.length - s.websites.filter(isSubdomain).length;
  if (maxSite !== UNLIMITED && domainCount > Math.max(1, maxSite)) flagIssue('subscriptions', i, 'websites', 'too_many', { max: Math.max(1, maxSite) });
}

export interface RawState {
  scenario?: unknown;
  reseller?: unknown;
  customers?: unknown;
  plans?: unknown;
  subscriptions?: unknown;
  counters?: unknown;
}

const scenarioSchema = z.string({ error: 'invalid_type' }).check(z.minLength(1, 'required'), z.maxLength(100, 'too_long'));

/**
 * A whole state, all or nothing: every record obeys its endpoint's field rules and the rules
 * between records, the counters are bounded whole numbers. Issues name the record
 * (`customers.3.email`), the first ones first.
 */
export function validateState(raw: RawState, maxIssues = 20): ValidationResult<StateData> {
  const issues: ValidationIssue[] = [];
  const scenario = validate(scenarioSchema, raw.scenario);
  if (!scenario.ok) issues.push(...prefixed('scenario', scenario.issues));
  const reseller = checkReseller(raw.reseller);
  if (!reseller.ok) issues.push(...prefixed('reseller', reseller.issues));
  const counters = validate(countersSchema, raw.counters);
  if (!counters.ok) issues.push(...prefixed('counters', counters.issues));
  const tables = {} as { [T in StateTable]: StateRows[T][] };
  for (const table of STATE_TABLES) {
    const rows = raw[table];
    if (!Array.isArray(rows)) {
      issues.push({ path: table, code: rows === undefined ? 'required' : 'invalid_type' });
      continue;
    }
    const valid: unknown[] = [];
    rows.forEach((row: unknown, index) => {
      if (issues.length >= maxIssues) return;
      const checked = checkRecord(table, row);
      if (checked.ok) valid.push(checked.value);
      else issues.push(...prefixed(`${table}.${index}`, checked.issues));
    });
    (tables as Record<StateTable, unknown[]>)[table] = valid;
  }
  if (issues.length > 0 || !reseller.ok || !counters.ok || !scenario.ok) return { ok: false, issues: issues.slice(0, maxIssues) };
  const cross = recordProblems({ reseller: reseller.value, ...tables });
  if (cross.length > 0)
    return { ok: false, issues: cross.slice(0, maxIssues).map(({ path, code, params }) => ({ path, code, ...(params ? { params } : {}) })) };
  return { ok: true, value: { scenario: scenario.value, reseller: reseller.value, ...tables, counters: counters.value } };
}

/** A record's top-level texts without the invisible characters one-line names may not hold. */
function withoutInvisible(row: unknown): unknown {
  if (!row || typeof row !== 'object') return row;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'string' ? stripInvisible(value) : value;
  return out;
}

/** A record a salvage left out, and why. */
export interface DroppedRecord {
  table: StateTable;
  /** Its id when it had a readable one. */
  id?: string;
  issues: ValidationIssue[];
}

/**
 * Keeps what is valid of a damaged state: records that break a field rule are dropped, then
 * records that break a rule between records (a duplicate, a subscription of a dropped customer…)
 * until what remains is consistent; counters are rebuilt when unusable. Undefined when the
 * reseller itself is unusable (nothing can be kept without it).
 */
export function salvageState(
  raw: RawState,
  fallbackScenario = 'salvaged',
  /** Records already known to obey the field rules (a saved chunk exactly as the app wrote it): not checked again. The rules between records still are. */
  checked?: ReadonlySet<unknown>,
  /**
   * The whole state is as the app wrote it (every record in `checked`, and the reseller too): the
   * rules between records held in the store that wrote it, under the write lock, and are not
   * checked again either (a 50,000-subscription load: ~70 ms).
   */
  wholeAsWritten = false,
): { data: StateData; dropped: DroppedRecord[] } | undefined {
  const reseller = checkReseller(raw.reseller);
  if (!reseller.ok) return undefined;
  const dropped: DroppedRecord[] = [];
  const idOf = (row: unknown) => (row && typeof row === 'object' && typeof (row as { id?: unknown }).id === 'string' ? (row as { id: string }).id : undefined);
  const tables = {} as { [T in StateTable]: StateRows[T][] };
  for (const table of STATE_TABLES) {
    const rows = Array.isArray(raw[table]) ? (raw[table] as unknown[]) : [];
    const kept: unknown[] = [];
    for (const row of rows) {
      if (checked?.has(row)) {
        kept.push(row);
        continue;
      }
      let result = checkRecord(table, row);
      // Saved before invisible characters were refused: repaired (removed), not dropped.
      if (!result.ok && result.issues.every((i) => i.code === 'invalid_characters')) result = checkRecord(table, withoutInvisible(row));
      if (result.ok) kept.push(result.value);
      else {
        const id = idOf(row);
        dropped.push({ table, ...(id !== undefined ? { id } : {}), issues: result.issues });
      }
    }
    (tables as Record<StateTable, unknown[]>)[table] = kept;
  }
  const whole = wholeAsWritten && checked !== undefined && STATE_TABLES.every((t) => (tables[t] as unknown[]).every((row) => checked.has(row)));
  // Dropping a record can break others (its subscriptions): repeat until consistent.
  for (; !whole;) {
    const problems = recordProblems({ reseller: reseller.value, ...tables }, checked);
    if (problems.length === 0) break;
    const byTable = new Map<StateTable, Map<number, ValidationIssue[]>>();
    for (const { table, index, ...issue } of problems) {
      const rows = byTable.get(table) ?? new Map<number, ValidationIssue[]>();
      rows.set(index, [...(rows.get(index) ?? []), { ...issue, path: issue.path.split('.').slice(2).join('.') }]);
      byTable.set(table, rows);
    }
    for (const [table, rows] of byTable) {
      const list = tables[table] as { id: string }[];
      for (const [index, issues] of rows) dropped.push({ table, id: list[index]!.id, issues });
      (tables as Record<StateTable, unknown[]>)[table] = list.filter((_, i) => !rows.has(i));
    }
  }
  const counters = validate(countersSchema, raw.counters);
  const highest = (rows: readonly { id: string }[]) => rows.reduce((n, r) => Math.max(n, Number(/-(\d{1,9})$/.exec(r.id)?.[1] ?? 0)), 0);
  const rebuilt: StateCounters = {
    customers: highest(tables.customers),
    plans: highest(tables.plans),
    subscriptions: highest(tables.subscriptions),
  };
  const scenario = validate(scenarioSchema, raw.scenario);
  return {
    data: {
      scenario: scenario.ok ? scenario.value : fallbackScenario,
      reseller: reseller.value,
      ...tables,
      counters: counters.ok
        ? {
            customers: Math.max(counters.value.customers, rebuilt.customers),
            plans: Math.max(counters.value.plans, rebuilt.plans),
            subscriptions: Math.max(counters.value.subscriptions, rebuilt.subscriptions),
          }
        : rebuilt,
    },
    dropped,
  };
}
