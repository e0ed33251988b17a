/**
 * The scenario builder (issue 16): a world of any size and mix of states, built from a seed.
 * Pure and deterministic — a seeded PRNG and the scenarios' fixed dates, never the real date —
 * so the same input always gives the same ids, names and dates (`POST /_mock/build`, `?build=`).
 *
 * Every state comes from the domain's own rules, not written by hand:
 * - the reseller lacks *Hosting performance settings management* (`manage_performance`) and
 *   every third hosting plan (the Premium tier) offers it: a subscription created on one is
 *   Unsynced by `createSubscription`'s clamping; one created on another plan is Synced;
 * - Locked = created on a plan, then a `customize` (one more mailbox than the plan gives);
 * - Custom = created with no plan (`customValues`);
 * - Overused = its websites use more disk space than its own limit (`settle` computes
 *   `overused`); every plan's overuse policy lets overuse run (`not_suspend`,
 *   `not_suspend_notify`), so Overused never suspends and the shares stay independent;
 * - suspended = the reseller's Suspend (`withReason`), or its customer's when the customer is
 *   suspended — which the builder only does to customers whose subscriptions are all suspended.
 *
 * Counts are exact. Sync states (Unsynced, Locked, Custom, and Synced for the rest) are
 * apportioned by largest remainder: each count is share × subscriptions rounded down, and the
 * subscriptions left over go one each to the states with the largest remainders (ties in the
 * order Unsynced, Locked, Custom, Synced) — every count is within 1 of share × subscriptions and
 * they add up. Suspended and Overused: share × subscriptions to the nearest whole number, halves up.
 * Which subscriptions get a state is a seeded shuffle; names and owners come from their own
 * seeded streams, so changing only the mix keeps every name.
 */
import { emptyValues } from '../domain/catalogue';
import { emptyHoldings } from '../domain/availability';
import { buildScenarioName, type BuildInput } from '../domain/build-code';
import { REFERENCE_DATE } from '../domain/clock';
import { settle, withReason } from '../domain/suspension';
import { createSubscription, customize, syncState, type EngineContext } from '../domain/sync-engine';
import { NUMERIC_RESOURCE_KEYS, PERMISSION_KEYS, UNLIMITED } from '../domain/types';
import type { Customer, OverusePolicy, Reseller, ServicePlan, Subscription, Values } from '../domain/types';
import { sitesFromNames, withSites } from '../domain/websites';
import { BASIC_PERMISSIONS, BUSINESS_PERMISSIONS, daysBefore, prng } from './scenarios';
import { formatId, type Snapshot } from './store';
import { deriveSystemUser } from './system-user';

export type { BuildInput } from '../domain/build-code';

const MB = 1024 * 1024;
const GB = 1024 * MB;
const TB = 1024 * GB;
/** Shares are whole steps of 0.0001: counted in these, the arithmetic is exact. */
const STEPS = 10_000;
const steps = (share: number) => Math.round(share * STEPS);

/** The permission the reseller lacks and the Premium tier offers: what makes a subscription Unsynced. */
export const MISSING_PERMISSION = 'manage_performance';

// ---------------------------------------------------------------------------------------------
// Counts

/**
 * Largest-remainder apportionment of `total` among shares (whole steps of 0.0001) that add up
 * to 1 at most; the last entry of the result is the rest (1 − the sum). Exact: the counts add up
 * to `total`, each within 1 of share × total.
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  const parts = shares.map(steps);
  parts.push(STEPS - parts.reduce((a, b) => a + b, 0));
  const counts = parts.map((p) => Math.floor((p * total) / STEPS));
  const remainders = parts.map((p) => (p * total) % STEPS);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = parts.map((_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  for (const i of order) {
    if (left === 0) break;
    counts[i]!++;
    left--;
  }
  return counts;
}

/** share × total to the nearest whole number, halves up (exact in steps). */
export const nearestCount = (total: number, share: number): number => Math.floor((steps(share) * total + STEPS / 2) / STEPS);

export interface BuildCounts {
  synced: number;
  unsynced: number;
  locked: number;
  custom: number;
  suspended: number;
  overused: number;
}

/** How many subscriptions of each state a build has (what the built world then holds exactly). */
export function buildCounts(input: BuildInput): BuildCounts {
  const n = input.subscriptions;
  const [unsynced = 0, locked = 0, custom = 0, synced = 0] = apportion(n, [input.mix.unsynced, input.mix.locked, input.mix.custom]);
  return { synced, unsynced, locked, custom, suspended: nearestCount(n, input.mix.suspended), overused: nearestCount(n, input.mix.overused) };
}

/** 0..n-1 in a seeded order (Fisher–Yates). */
function shuffled(n: number, random: () => number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/** Independent seeded streams from one seed (changing one use never shifts another). */
const stream = (seed: number, salt: number) => prng((Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + salt * 0x9e3779b9) >>> 0);

// ---------------------------------------------------------------------------------------------
// Reseller and plans

function builtReseller(): Reseller {
  const permissions = {} as Reseller['permissions'];
  for (const k of PERMISSION_KEYS) permissions[k] = k !== MISSING_PERMISSION;
  permissions.create_clients = true;
  permissions.allow_oversell = true;
  const limits = {} as Reseller['limits'];
  for (const k of NUMERIC_RESOURCE_KEYS) limits[k] = UNLIMITED;
  limits.max_cl = UNLIMITED;
  limits.max_dom = UNLIMITED;
  return {
    name: 'Northwind Hosting',
    limits,
    permissions,
    oversell: true,
    ipPool: [
      { address: '203.0.113.10', type: 'shared' },
      { address: '203.0.113.11', type: 'shared' },
      { address: '203.0.113.20', type: 'dedicated' },
      { address: '203.0.113.21', type: 'dedicated' },
    ],
  };
}

type PermissionName = (typeof PERMISSION_KEYS)[number];
// The plan tiers of the hand-made scenarios (scenarios.ts), plus what the reseller lacks at the top.
const BASIC = BASIC_PERMISSIONS;
const BUSINESS = BUSINESS_PERMISSIONS;
const PREMIUM: PermissionName[] = [...BUSINESS, 'manage_php_version', 'manage_sh_access', 'allow_ftp_backups', MISSING_PERMISSION];

/** Tiers of hosting plan i (i % 3): 1 is the Premium tier (offers what the reseller lacks). */
const TIERS = [
  { permissions: BASIC, disk: 5 * GB, traffic: 50 * GB, site: 1, subdom: 5, box: 10, db: 2, handler: 'plesk-php83-fpm' },
  { permissions: PREMIUM, disk: 100 * GB, traffic: 1 * TB, site: 20, subdom: 100, box: 200, db: 50, handler: 'plesk-php84-fpm' },
  { permissions: BUSINESS, disk: 25 * GB, traffic: 250 * GB, site: 5, subdom: 25, box: 50, db: 10, handler: 'plesk-php84-fpm' },
] as const;
const HOSTING_NAMES = [
  'Starter',
  'Premium',
  'Business',
  'Basic',
  'Pro',
  'Plus',
  'Personal',
  'Enterprise',
  'Business Plus',
  'WordPress Starter',
  'WordPress Pro',
  'E-commerce',
  'Education',
  'Agency',
  'Non-profit',
];
const ADDON_NAMES = ['Extra Storage', 'Developer Pack', 'Mail Plus', 'Backup Plus', 'Extra Traffic'];
const POLICIES: OverusePolicy[] = ['not_suspend_notify', 'not_suspend'];

const nameAt = (names: readonly string[], i: number) => (i < names.length ? names[i]! : `${names[i % names.length]!} ${Math.floor(i / names.length) + 1}`);

function hostingPlan(i: number): ServicePlan {
  const tier = TIERS[i % 3]!;
  const scale = 1 + Math.floor(i / 3);
  const v = emptyValues();
  Object.assign(v.resources, {
    overuse: POLICIES[i % 2],
    disk_space: tier.disk * scale,
    max_traffic: tier.traffic * scale,
    max_site: tier.site * scale,
    max_subdom: tier.subdom * scale,
    max_dom_aliases: tier.subdom * scale,
    max_box: tier.box * scale,
    mbox_quota: 1 * GB,
    max_maillists: scale,
    max_subftp_users: scale,
    max_db: tier.db * scale,
    max_wu: scale,
  });
  for (const p of tier.permissions) v.permissions[p] = true;
  Object.assign(v.hosting, { php: true, ssl: true, fastcgi: true, errdocs: true, webstat: 'awstats', php_handler_id: tier.handler });
  return { id: formatId('plans', i + 1), kind: 'hosting', name: nameAt(HOSTING_NAMES, i), values: v };
}

function addonPlan(id: number, i: number): ServicePlan {
  const v = emptyValues();
  const scale = 1 + Math.floor(i / ADDON_NAMES.length);
  switch (i % ADDON_NAMES.length) {
    case 0:
      Object.assign(v.resources, { disk_space: 20 * GB * scale, max_traffic: 100 * GB * scale });
      break;
    case 1:
      Object.assign(v.resources, { max_db: 5 * scale, max_subftp_users: 5 * scale });
      for (const p of ['manage_sh_access', 'manage_crontab', 'remote_db_connection'] as const) v.permissions[p] = true;
      break;
    case 2:
      Object.assign(v.resources, { max_box: 100 * scale, max_maillists: 10 * scale });
      break;
    case 3:
      v.permissions.allow_local_backups = true;
      break;
    default:
      v.resources.max_traffic = 500 * GB * scale;
  }
  return { id: formatId('plans', id), kind: 'addon', name: nameAt(ADDON_NAMES, i), values: v };
}

/** `plans` in all: one in five is an add-on (none below 5), the others hosting plans. */
function builtPlans(count: number): ServicePlan[] {
  const addons = Math.floor(count / 5);
  const hosting = count - addons;
  const plans = Array.from({ length: hosting }, (_, i) => hostingPlan(i));
  for (let i = 0; i < addons; i++) plans.push(addonPlan(hosting + i + 1, i));
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Customers

const FIRST = [
  'Ada',
  'Bruno',
  'Céline',
  'Dario',
  'Eleni',
  'Finn',
  'Gaëlle',
  'Henrik',
  'Ilse',
  'Joaquín',
  'Katja',
  'Léon',
  'Mira',
  'Nils',
  'Oona',
  'Paulo',
  'Rania',
  'Sven',
  'Thea',
  'Ugo',
  'Valérie',
  'Wiebke',
  'Yann',
  'Zeynep',
];
const LAST = [
  'Aalto',
  'Bianchi',
  'Carvalho',
  'Dubois',
  'Eriksen',
  'Fontaine',
  'Gruber',
  'Hansen',
  'Ionescu',
  'Jovanović',
  'Keller',
  'Lindqvist',
  'Marchetti',
  'Nieminen',
  'Oliveira',
  'Peeters',
  'Quist',
  'Roux',
  'Sørensen',
  'Ták',
  'Unger',
  'Vidal',
  'Wójcik',
  'Zimmermann',
];
const TRADE = [
  'Bakery',
  'Consulting',
  'Design',
  'Studio',
  'Travel',
  'Law',
  'Media',
  'Dental',
  'Garage',
  'Books',
  'Coffee',
  'Yoga',
  'Labs',
  'Freight',
  'Wines',
  'Florist',
];
const WORD = [
  'acorn',
  'aurora',
  'basalt',
  'birch',
  'canyon',
  'cobalt',
  'coral',
  'dune',
  'ember',
  'fjord',
  'flint',
  'glacier',
  'grove',
  'hazel',
  'heron',
  'indigo',
  'juniper',
  'kestrel',
  'lagoon',
  'lumen',
  'marble',
  'mesa',
  'nimbus',
  'olive',
  'onyx',
  'pebble',
  'prairie',
  'quill',
  'raven',
  'reef',
  'saffron',
  'sierra',
  'spruce',
  'tundra',
  'umber',
  'velvet',
  'vista',
  'wren',
  'yarrow',
  'zephyr',
];
const PLACES: [country: string, city: string, postal: string, tld: string][] = [
  ['FR', 'Bordeaux', '33000', 'fr'],
  ['DE', 'Köln', '50667', 'de'],
  ['IT', 'Bologna', '40121', 'it'],
  ['ES', 'Sevilla', '41001', 'es'],
  ['NL', 'Rotterdam', '3011', 'nl'],
  ['GB', 'Bristol', 'BS1 4DJ', 'co.uk'],
  ['US', 'Denver', '80202', 'com'],
  ['CA', 'Québec', 'G1R 4P5', 'ca'],
  ['AT', 'Graz', '8010', 'at'],
  ['DK', 'Aarhus', '8000', 'dk'],
  ['CH', 'Lausanne', '1003', 'ch'],
  ['IE', 'Cork', 'T12 X70A', 'ie'],
];

const loginOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** How many days before the reference date customer n (from 1) of `count` signed up. */
const customerDaysAgo = (n: number, count: number) => 1500 - Math.floor((n * 1400) / count);

function builtCustomers(count: number, seed: number): { customers: Customer[]; tlds: string[] } {
  const random = stream(seed, 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const customers: Customer[] = [];
  const tlds: string[] = [];
  const logins = new Set<string>();
  for (let n = 1; n <= count; n++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const [country, city, postalCode, tld] = pick(PLACES);
    const company = random() < 0.75 ? `${last} ${pick(TRADE)}` : '';
    let login = `${loginOf(first).slice(0, 1)}${loginOf(last)}`;
    if (logins.has(login)) login = `${login}${n}`;
    logins.add(login);
    tlds.push(tld);
    customers.push({
      id: formatId('customers', n),
      contactName: `${first} ${last}`,
      companyName: company,
      login,
      email: `${login}@example.${tld}`,
      phone: `+${30 + (n % 60)} ${String(200000000 + ((n * 7907) % 799999999))}`,
      address: `${1 + (n % 200)} ${pick(WORD)} road`,
      city,
      postalCode,
      country,
      status: 'active',
      createdAt: daysBefore(customerDaysAgo(n, count), n % 1440),
    });
  }
  return { customers, tlds };
}

// ---------------------------------------------------------------------------------------------
// Subscriptions

type SyncChoice = 'synced' | 'unsynced' | 'locked' | 'custom';

function customValues(i: number): Values {
  const v = emptyValues();
  Object.assign(v.resources, {
    overuse: POLICIES[i % 2],
    disk_space: (2 + (i % 9)) * GB,
    max_traffic: 50 * GB,
    max_site: 1,
    max_subdom: 5,
    max_box: 10,
    mbox_quota: 1 * GB,
    max_db: 2,
  });
  v.permissions.manage_dns = true;
  v.permissions.manage_phosting = true;
  v.permissions.manage_subdomains = true;
  Object.assign(v.hosting, { php: true, ssl: true, webstat: 'webalizer', php_handler_id: 'plesk-php82-fpm' });
  return v;
}

/** A seeded world of exactly the requested counts and mix (see the top of this file). */
export function buildWorld(input: BuildInput): Snapshot {
  const { seed } = input;
  const n = input.subscriptions;
  const reseller = builtReseller();
  const plans = builtPlans(input.plans);
  const { customers, tlds } = builtCustomers(input.customers, seed);
  const hosting = plans.filter((p) => p.kind === 'hosting');
  const fitting = hosting.filter((_, i) => i % 3 !== 1).map((p) => p.id);
  const premium = hosting.filter((_, i) => i % 3 === 1).map((p) => p.id);
  const anyHosting = hosting.map((p) => p.id);
  const addonIds = plans.filter((p) => p.kind === 'addon').map((p) => p.id);

  // Which subscription has which state: a seeded shuffle per independent share.
  const counts = buildCounts(input);
  const sync: SyncChoice[] = new Array<SyncChoice>(n).fill('synced');
  const syncOrder = shuffled(n, stream(seed, 2));
  let at = 0;
  for (const [state, count] of [
    ['unsynced', counts.unsynced],
    ['locked', counts.locked],
    ['custom', counts.custom],
  ] as const) {
    for (let k = 0; k < count; k++) sync[syncOrder[at++]!] = state;
  }
  const mark = (count: number, salt: number) => {
    const flags = new Uint8Array(n);
    const order = shuffled(n, stream(seed, salt));
    for (let k = 0; k < count; k++) flags[order[k]!] = 1;
    return flags;
  };
  const suspended = mark(counts.suspended, 3);
  const overused = mark(counts.overused, 4);

  // Owners (3 % are the reseller's own), then the customers whose subscriptions are all
  // suspended: one in two of them is suspended itself (its subscriptions then by reason `customer`).
  const ownerRandom = stream(seed, 5);
  const owners = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = ownerRandom();
    owners[i] = customers.length === 0 || r < 0.03 ? -1 : Math.floor(ownerRandom() * customers.length);
  }
  const owned = new Int32Array(customers.length);
  const ownedSuspended = new Int32Array(customers.length);
  for (let i = 0; i < n; i++) {
    const o = owners[i]!;
    if (o < 0) continue;
    owned[o]!++;
    if (suspended[i]) ownedSuspended[o]!++;
  }
  const statusRandom = stream(seed, 6);
  customers.forEach((c, k) => {
    const r = statusRandom();
    if (owned[k]! > 0 && owned[k] === ownedSuspended[k] && r < 0.5) c.status = 'suspended';
  });

  const byId = new Map(plans.map((p) => [p.id, p]));
  const ctx: EngineContext = { reseller, plan: (id) => byId.get(id), holdings: emptyHoldings(), memo: new Map() };
  const nameRandom = stream(seed, 7);
  const planRandom = stream(seed, 8);
  const usageRandom = stream(seed, 9);
  const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const domains = new Set<string>();
  const systemUsers = new Set<string>();
  const shared = reseller.ipPool.filter((a) => a.type === 'shared');
  const dedicated = reseller.ipPool.filter((a) => a.type === 'dedicated');
  const subscriptions: Subscription[] = [];

  for (let i = 0; i < n; i++) {
    const owner = owners[i]! < 0 ? null : customers[owners[i]!]!;
    // The same number of draws for every subscription: names do not depend on the mix.
    const tld = owner ? tlds[owners[i]!]! : 'net';
    let domain = `${pick(nameRandom, WORD)}-${pick(nameRandom, WORD)}.${tld}`;
    if (domains.has(domain)) domain = domain.replace('.', `${i + 1}.`);
    domains.add(domain);
    const withBlog = nameRandom() < 0.2;
    const dedicatedIp = nameRandom() < 0.02;
    const planPick = planRandom();
    const addonPick = planRandom();
    const addonRoll = planRandom();
    const diskShare = usageRandom();
    const trafficShare = usageRandom();

    const state = sync[i]!;
    const planList = state === 'synced' ? fitting : state === 'unsynced' ? premium : anyHosting;
    const planId = state === 'custom' ? null : planList[Math.floor(planPick * planList.length)]!;
    const addons = planId !== null && addonIds.length > 0 && addonRoll < 0.15 ? [addonIds[Math.floor(addonPick * addonIds.length)]!] : [];
    const systemUser = deriveSystemUser(domain, (login) => systemUsers.has(login));
    systemUsers.add(systemUser);
    const ip = dedicatedIp ? dedicated[i % dedicated.length]! : shared[i % shared.length]!;
    let s = createSubscription(
      {
        id: formatId('subscriptions', i + 1),
        domain,
        ownerId: owner?.id ?? null,
        planId,
        addonIds: addons,
        ipAddress: ip.address,
        systemUser,
        // Older subscriptions first, never before their customer signed up.
        createdAt: daysBefore(
          Math.min(1400 - Math.floor((i * 1400) / Math.max(n, 1)), owner ? customerDaysAgo(owners[i]! + 1, customers.length) - 1 - (i % 7) : Infinity),
          (i * 37) % 600,
        ),
        ...(planId === null ? { customValues: customValues(i) } : {}),
      },
      ctx,
    );
    if (state === 'locked') s = customize(s, { resources: { max_box: s.values.resources.max_box + 1 + (i % 20) } }, ctx);

    // Usage: below every limit, or above the disk space limit for an Overused one.
    const disk = s.values.resources.disk_space;
    const traffic = s.values.resources.max_traffic;
    const wholeMb = (bytes: number) => Math.round(bytes / MB) * MB;
    const diskUsed = overused[i] ? disk + Math.max(MB, wholeMb(disk * (0.05 + 0.45 * diskShare))) : wholeMb(disk * (0.05 + 0.7 * diskShare));
    const trafficUsed = wholeMb(traffic * (0.05 + 0.7 * trafficShare));
    const names = withBlog ? [domain, `blog.${domain}`] : [domain];
    const part = (amount: number, index: number) => {
      if (names.length === 1) return amount;
      const rest = wholeMb(amount * 0.4);
      return index === 0 ? amount - rest : rest;
    };
    s = withSites(
      s,
      sitesFromNames(names, (_name, index) => ({ disk_space: part(diskUsed, index), max_traffic: part(trafficUsed, index) })),
    );
    if (suspended[i]) s = withReason(s, owner?.status === 'suspended' ? 'customer' : 'reseller', true);
    subscriptions.push(settle(s, REFERENCE_DATE));
  }

  return {
    scenario: buildScenarioName(input),
    reseller,
    customers,
    plans,
    subscriptions,
    counters: { customers: customers.length, plans: plans.length, subscriptions: subscriptions.length },
  };
}

/** What a build holds, for its answer and the tools page. */
export function worldSummary(world: Snapshot): { counts: { customers: number; plans: number; subscriptions: number }; states: BuildCounts } {
  const states: BuildCounts = { synced: 0, unsynced: 0, locked: 0, custom: 0, suspended: 0, overused: 0 };
  for (const s of world.subscriptions) {
    states[syncState(s)]++;
    if (s.status === 'suspended') states.suspended++;
    if (s.overused.length > 0) states.overused++;
  }
  return { counts: { customers: world.customers.length, plans: world.plans.length, subscriptions: world.subscriptions.length }, states };
}
