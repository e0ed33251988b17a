/**
 * Scenarios (SPEC §4): named, deterministic states of the store. No Math.random and no clock:
 * a seeded PRNG and a fixed base date, so the same scenario always yields the same ids, names
 * and dates. Subscriptions are built with the domain's engine (createSubscription, customize),
 * so their sync state follows the rules rather than being written by hand.
 */
import { addHolding, availabilityDependsOnHoldings, emptyHoldings, replaceHolding } from '../domain/availability';
import { emptyValues } from '../domain/catalogue';
import { REFERENCE_DATE } from '../domain/clock';
import { settle, withReason } from '../domain/suspension';
import { createSubscription, customize, type EngineContext } from '../domain/sync-engine';
import { sitesFromNames, withSites } from '../domain/websites';
import { PERMISSION_KEYS, UNLIMITED } from '../domain/types';
import type { Customer, Reseller, ServicePlan, Subscription, Values, ValuesPatch, NUMERIC_RESOURCE_KEYS } from '../domain/types';
import { deriveSystemUser } from './system-user';
import { formatId, type Snapshot } from './store';

import { SCENARIOS, type ScenarioName } from '../domain/contract';
export { SCENARIOS, type ScenarioName };
export const isScenarioName = (name: unknown): name is ScenarioName => SCENARIOS.includes(name as ScenarioName);

/** Every date in the scenarios counts back from here. */
export const BASE_DATE = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const datePart = new Map<number, string>();
/**
 * `new Date(BASE_DATE - days·DAY + minutes·60 s).toISOString()`, with the date part formatted once
 * per day: the large scenario dates 12,000 records, and 12,000 toISOString calls were ~20 ms of
 * its start in the browser.
 */
export function daysBefore(days: number, minutes = 0): string {
  const at = BASE_DATE - days * DAY + minutes * 60_000;
  const day = Math.floor(at / DAY);
  let date = datePart.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    datePart.set(day, date);
  }
  const ms = at - day * DAY;
  return `${date}T${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}Z`;
}

const MB = 1024 * 1024;
export const GB = 1024 * MB;
const TB = 1024 * GB;

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Reseller and plans

const IP_POOL: Reseller['ipPool'] = [
  { address: '203.0.113.10', type: 'shared' },
  { address: '203.0.113.11', type: 'shared' },
  { address: '203.0.113.20', type: 'dedicated' },
  { address: '203.0.113.21', type: 'dedicated' },
];

export function reseller(missing: readonly string[], limits: Partial<Reseller['limits']> = {}, oversell = true): Reseller {
  const permissions = {} as Reseller['permissions'];
  for (const k of PERMISSION_KEYS) permissions[k] = !missing.includes(k);
  permissions.create_clients = true;
  permissions.allow_oversell = oversell;
  return {
    name: 'Northwind Hosting',
    limits: {
      disk_space: 500 * GB,
      max_traffic: 5 * TB,
      max_site: 250,
      max_subdom: 2000,
      max_dom_aliases: 500,
      max_box: 2500,
      mbox_quota: 10 * GB,
      max_maillists: 100,
      max_subftp_users: 250,
      max_db: 500,
      max_wu: 250,
      max_cl: 20,
      max_dom: 40,
      ...limits,
    },
    permissions,
    oversell,
    ipPool: IP_POOL.map((ip) => ({ ...ip })),
  };
}

type Numbers = Partial<Record<(typeof NUMERIC_RESOURCE_KEYS)[number], number>>;
type PermissionName = (typeof PERMISSION_KEYS)[number];

function planValues(
  resources: Numbers,
  permissions: readonly PermissionName[],
  hosting: Partial<Values['hosting']> = {},
  php: Partial<Values['php']> = {},
): Values {
  const v = emptyValues();
  Object.assign(v.resources, resources);
  for (const p of permissions) v.permissions[p] = true;
  Object.assign(v.hosting, hosting);
  Object.assign(v.php, php);
  return v;
}

/** The permissions of the entry-level plans (the scenario builder's tiers too). */
export const BASIC_PERMISSIONS: PermissionName[] = [
  'manage_dns',
  'manage_phosting',
  'manage_php_settings',
  'manage_spamfilter',
  'manage_virusfilter',
  'manage_webstat',
  'manage_log',
  'access_appcatalog',
  'manage_subdomains',
  'manage_domain_aliases',
  'manage_website_maintenance',
];
/** Business-tier plans: the basic permissions and a few more. */
export const BUSINESS_PERMISSIONS: PermissionName[] = [
  ...BASIC_PERMISSIONS,
  'manage_crontab',
  'allow_local_backups',
  'manage_subftp',
  'manage_maillists',
  'remote_db_connection',
];
const PREMIUM_PERMISSIONS: PermissionName[] = [...BUSINESS_PERMISSIONS, 'manage_php_version', 'manage_sh_access', 'allow_ftp_backups', 'manage_performance'];
const WEB = { php: true, ssl: true, fastcgi: true, errdocs: true, webstat: 'awstats' } as const;

export function defaultPlans(): ServicePlan[] {
  const plan = (n: number, kind: ServicePlan['kind'], name: string, values: Values): ServicePlan => ({
    id: formatId('plans', n),
    kind,
    name,
    values,
  });
  return [
    plan(
      1,
      'hosting',
      'Starter',
      planValues(
        {
          disk_space: 5 * GB,
          max_traffic: 50 * GB,
          max_site: 1,
          max_subdom: 5,
          max_dom_aliases: 5,
          max_box: 10,
          mbox_quota: 1 * GB,
          max_maillists: 1,
          max_subftp_users: 1,
          max_db: 2,
          max_wu: 1,
        },
        BASIC_PERMISSIONS,
        { ...WEB, php_handler_id: 'plesk-php83-fpm' },
      ),
    ),
    plan(
      2,
      'hosting',
      'Business',
      planValues(
        {
          disk_space: 25 * GB,
          max_traffic: 250 * GB,
          max_site: 5,
          max_subdom: 25,
          max_dom_aliases: 25,
          max_box: 50,
          mbox_quota: 2 * GB,
          max_maillists: 5,
          max_subftp_users: 5,
          max_db: 10,
          max_wu: 5,
        },
        BUSINESS_PERMISSIONS,
        { ...WEB, php_handler_id: 'plesk-php84-fpm', cgi: true, perl: true, python: true, ssi: true },
        { memory_limit: '256M', max_execution_time: '60', post_max_size: '32M', upload_max_filesize: '32M' },
      ),
    ),
    plan(
      3,
      'hosting',
      'Premium',
      planValues(
        {
          disk_space: 100 * GB,
          max_traffic: 1 * TB,
          max_site: 20,
          max_subdom: 100,
          max_dom_aliases: 100,
          max_box: 200,
          mbox_quota: 5 * GB,
          max_maillists: 20,
          max_subftp_users: 20,
          max_db: 50,
          max_wu: 20,
        },
        PREMIUM_PERMISSIONS,
        { ...WEB, php_handler_id: 'plesk-php84-fpm', cgi: true, perl: true, python: true, ssi: true, shell: '/usr/local/psa/bin/chrootsh' },
        { memory_limit: '512M', max_execution_time: '120', post_max_size: '128M', upload_max_filesize: '128M' },
      ),
    ),
    plan(4, 'addon', 'Extra Storage', planValues({ disk_space: 20 * GB, max_traffic: 100 * GB }, [])),
    plan(5, 'addon', 'Developer Pack', planValues({ max_db: 5, max_subftp_users: 5 }, ['manage_sh_access', 'manage_crontab', 'remote_db_connection'])),
  ];
}

// ---------------------------------------------------------------------------------------------
// Building subscriptions through the engine

interface SubscriptionSpec {
  domain: string;
  /** Index into the customers (0-based), or null for the reseller's own. */
  owner: number | null;
  /** A plan id, or null for a Custom subscription. */
  planId: string | null;
  addonIds?: string[];
  /** More websites besides the main domain (a name under one of its domains is a subdomain). */
  websites?: string[];
  /** Domain aliases per website name. */
  aliases?: Record<string, string[]>;
  /** Disk space used, when the scenario needs a figure (else a deterministic share of the limit). */
  diskUsed?: number;
  /** Customize after creation: the subscription becomes Locked (or a custom one gets values). */
  customize?: ValuesPatch;
  suspended?: boolean;
  dedicatedIp?: boolean;
  daysAgo: number;
}

export class SubscriptionBuilder {
  readonly subscriptions: Subscription[] = [];
  private readonly ctx: EngineContext;
  private readonly systemUsers = new Set<string>();
  private readonly random: () => number;
  private readonly reseller: Reseller;
  private readonly customers: readonly Customer[];
  /** Holdings only change what is available when overselling is off (the store recomputes them anyway). */
  private readonly trackHoldings: boolean;
  private readonly sharedIps: Reseller['ipPool'];

  constructor(reseller: Reseller, plans: readonly ServicePlan[], customers: readonly Customer[], seed: number) {
    const byId = new Map(plans.map((p) => [p.id, p]));
    this.reseller = reseller;
    this.customers = customers;
    // One memo per build: subscriptions on the same plan share their clamped values.
    this.ctx = { reseller, plan: (id) => byId.get(id), holdings: emptyHoldings(), memo: new Map() };
    this.trackHoldings = availabilityDependsOnHoldings(reseller);
    this.sharedIps = reseller.ipPool.filter((a) => a.type === 'shared');
    this.random = prng(seed);
  }

  add(spec: SubscriptionSpec): Subscription {
    const id = formatId('subscriptions', this.subscriptions.length + 1);
    const pool = this.reseller.ipPool;
    const ip = spec.dedicatedIp ? pool.find((a) => a.type === 'dedicated') : (this.sharedIps[this.subscriptions.length % 2] ?? pool[0]);
    const systemUser = deriveSystemUser(spec.domain, (login) => this.systemUsers.has(login));
    this.systemUsers.add(systemUser);
    let s = createSubscription(
      {
        id,
        domain: spec.domain,
        ownerId: spec.owner === null ? null : this.customers[spec.owner]!.id,
        planId: spec.planId,
        addonIds: spec.addonIds ?? [],
        ipAddress: ip?.address ?? '',
        systemUser,
        createdAt: daysBefore(spec.daysAgo, (this.subscriptions.length * 37) % 600),
      },
      this.ctx,
    );
    if (this.trackHoldings) addHolding(this.ctx.holdings, s.values, 1);
    if (spec.customize) {
      const customized = customize(s, spec.customize, this.ctx);
      if (this.trackHoldings) replaceHolding(this.ctx.holdings, s.values, customized.values);
      s = customized;
    }
    const expiration = s.values.resources.expiration;
    s.expiresAt = typeof expiration === 'string' ? expiration : null;
    if (spec.suspended) s = withReason(s, 'reseller', true);
    if (s.ownerId !== null && this.customers[spec.owner ?? -1]?.status === 'suspended') s = withReason(s, 'customer', true);
    const total = this.usage(s.values);
    if (spec.diskUsed !== undefined) total.disk_space = spec.diskUsed;
    const names = [spec.domain, ...(spec.websites ?? [])];
    // The main domain carries most of it; the others share the rest (whole MB).
    const share = (amount: number, i: number) => {
      if (names.length === 1) return amount;
      const rest = Math.round((amount * 0.4) / (names.length - 1) / MB) * MB;
      return i === 0 ? amount - rest * (names.length - 1) : rest;
    };
    const sites = sitesFromNames(names, (_name, i) => ({ disk_space: share(total.disk_space, i), max_traffic: share(total.max_traffic, i) }));
    if (spec.aliases) for (const w of sites) w.aliases = [...(spec.aliases[w.name] ?? [])];
    s = settle(withSites(s, sites), REFERENCE_DATE);
    this.subscriptions.push(s);
    return s;
  }

  /** Simulated disk and traffic use: a share of what the subscription may use. */
  private usage(values: Values): { disk_space: number; max_traffic: number } {
    const share = (limit: number, unlimitedAs: number) => {
      const cap = limit === UNLIMITED ? unlimitedAs : limit;
      return Math.round((cap * (0.05 + 0.7 * this.random())) / MB) * MB;
    };
    return { disk_space: share(values.resources.disk_space, 20 * GB), max_traffic: share(values.resources.max_traffic, 200 * GB) };
  }
}

// ---------------------------------------------------------------------------------------------
// Customers

interface CustomerSeed {
  contactName: string;
  companyName: string;
  login: string;
  emailDomain: string;
  phone: string;
  address: string;
  city: string;
  postalCode: string;
  country: string;
  suspended?: boolean;
  daysAgo: number;
}

function customerFrom(n: number, seed: CustomerSeed): Customer {
  return {
    id: formatId('customers', n),
    contactName: seed.contactName,
    companyName: seed.companyName,
    login: seed.login,
    email: `${seed.login}@${seed.emailDomain}`,
    phone: seed.phone,
    address: seed.address,
    city: seed.city,
    postalCode: seed.postalCode,
    country: seed.country,
    status: seed.suspended ? 'suspended' : 'active',
    createdAt: daysBefore(seed.daysAgo, n * 53),
  };
}

const DEFAULT_CUSTOMERS: CustomerSeed[] = [
  {
    contactName: 'Alice Martin',
    companyName: 'Boulangerie Martin',
    login: 'amartin',
    emailDomain: 'martin-bakery.fr',
    phone: '+33 4 72 10 20 30',
    address: '12 rue de la République',
    city: 'Lyon',
    postalCode: '69002',
    country: 'FR',
    daysAgo: 410,
  },
  {
    contactName: 'Bernd Schneider',
    companyName: 'Schneider Consulting GmbH',
    login: 'bschneider',
    emailDomain: 'schneider-consulting.de',
    phone: '+49 30 1234 5678',
    address: 'Friedrichstraße 85',
    city: 'Berlin',
    postalCode: '10117',
    country: 'DE',
    daysAgo: 380,
  },
  {
    contactName: 'Carla Rossi',
    companyName: 'Trattoria Rossi',
    login: 'crossi',
    emailDomain: 'trattoria-rossi.it',
    phone: '+39 02 8765 4321',
    address: 'Via Torino 42',
    city: 'Milano',
    postalCode: '20123',
    country: 'IT',
    daysAgo: 350,
  },
  {
    contactName: 'David Chen',
    companyName: 'Pacific Imports Ltd',
    login: 'dchen',
    emailDomain: 'pacific-imports.co.uk',
    phone: '+44 20 7946 0321',
    address: '221 Commercial Road',
    city: 'London',
    postalCode: 'E1 2BT',
    country: 'GB',
    daysAgo: 300,
  },
  {
    contactName: 'Emma Johansson',
    companyName: 'Nordic Design AB',
    login: 'ejohansson',
    emailDomain: 'nordicdesign.se',
    phone: '+46 8 555 012 34',
    address: 'Götgatan 14',
    city: 'Stockholm',
    postalCode: '118 46',
    country: 'SE',
    daysAgo: 240,
  },
  {
    contactName: 'Farid Haddad',
    companyName: 'Atlas Travel',
    login: 'fhaddad',
    emailDomain: 'atlas-travel.ma',
    phone: '+212 522 123 456',
    address: '8 boulevard Zerktouni',
    city: 'Casablanca',
    postalCode: '20250',
    country: 'MA',
    daysAgo: 180,
  },
  {
    contactName: "Gráinne O'Brien",
    companyName: "O'Brien & Walsh Solicitors",
    login: 'gobrien',
    emailDomain: 'obrien-law.ie',
    phone: '+353 1 555 0142',
    address: '31 Merrion Square',
    city: 'Dublin',
    postalCode: 'D02 XY45',
    country: 'IE',
    daysAgo: 120,
  },
  {
    contactName: 'Hiroshi Tanaka',
    companyName: 'Tanaka Studio',
    login: 'htanaka',
    emailDomain: 'tanaka-studio.jp',
    phone: '+81 6 5555 0199',
    address: '2-5-1 Umeda, Kita-ku',
    city: 'Osaka',
    postalCode: '530-0001',
    country: 'JP',
    suspended: true,
    daysAgo: 90,
  },
];

// ---------------------------------------------------------------------------------------------
// The scenarios

export function snapshot(scenario: string, r: Reseller, plans: ServicePlan[], customers: Customer[], subscriptions: Subscription[]): Snapshot {
  return {
    scenario,
    reseller: r,
    customers,
    plans,
    subscriptions,
    counters: { customers: customers.length, plans: plans.length, subscriptions: subscriptions.length },
  };
}

/** Northwind Hosting: 3 hosting plans, 2 add-ons, 8 customers, 25 subscriptions in every state. */
function defaultScenario(): Snapshot {
  // The provider gave no performance settings, database server choice or FTP backups: Premium
  // offers performance settings, so every Premium subscription is Unsynced.
  const r = reseller(['manage_performance', 'select_db_server', 'allow_ftp_backups']);
  const plans = defaultPlans();
  const customers = DEFAULT_CUSTOMERS.map((c, i) => customerFrom(i + 1, c));
  const b = new SubscriptionBuilder(r, plans, customers, 2026);
  const [STARTER, BUSINESS, PREMIUM, STORAGE, DEVPACK] = plans.map((p) => p.id) as [string, string, string, string, string];
  const specs: SubscriptionSpec[] = [
    { domain: 'martin-bakery.fr', owner: 0, planId: STARTER, daysAgo: 400 },
    { domain: 'shop.martin-bakery.fr', owner: 0, planId: BUSINESS, addonIds: [STORAGE], websites: ['commandes.martin-bakery.fr'], daysAgo: 320 },
    { domain: 'schneider-consulting.de', owner: 1, planId: BUSINESS, websites: ['blog.schneider-consulting.de'], daysAgo: 370 },
    { domain: 'schneider-consulting.com', owner: 1, planId: BUSINESS, customize: { resources: { disk_space: 40 * GB, max_box: 80 } }, daysAgo: 360 },
    { domain: 'trattoria-rossi.it', owner: 2, planId: STARTER, suspended: true, daysAgo: 345 },
    {
      domain: 'pacific-imports.co.uk',
      owner: 3,
      planId: PREMIUM,
      websites: ['shop.pacific-imports.co.uk', 'pacific-imports.com'],
      aliases: { 'pacific-imports.co.uk': ['pacific-imports.uk'], 'pacific-imports.com': ['pacificimports.com'] },
      dedicatedIp: true,
      daysAgo: 290,
    },
    { domain: 'pacificimports.ca', owner: 3, planId: BUSINESS, addonIds: [DEVPACK], daysAgo: 270 },
    { domain: 'nordicdesign.se', owner: 4, planId: PREMIUM, websites: ['shop.nordicdesign.se'], daysAgo: 235 },
    // Expires within the scenario's first month (the clock starts at 2026-01-01).
    {
      domain: 'portfolio.nordicdesign.se',
      owner: 4,
      planId: STARTER,
      customize: { resources: { expiration: '2026-01-20' }, permissions: { manage_dns: false }, hosting: { php_handler_id: 'plesk-php82-fpm' } },
      daysAgo: 200,
    },
    { domain: 'atlas-travel.ma', owner: 5, planId: BUSINESS, websites: ['booking.atlas-travel.ma'], daysAgo: 175 },
    {
      domain: 'atlastravel.com',
      owner: 5,
      planId: null,
      customize: {
        resources: { disk_space: 10 * GB, max_traffic: 100 * GB, max_site: 2, max_box: 20, max_db: 3 },
        permissions: { manage_dns: true, manage_phosting: true },
      },
      daysAgo: 170,
    },
    { domain: 'obrien-law.ie', owner: 6, planId: STARTER, daysAgo: 115 },
    // Suspended because its customer (Hiroshi Tanaka) is.
    { domain: 'tanaka-studio.jp', owner: 7, planId: BUSINESS, daysAgo: 88 },
    {
      domain: 'northwind-hosting.com',
      owner: null,
      planId: PREMIUM,
      websites: ['www2.northwind-hosting.com', 'support.northwind-hosting.com'],
      dedicatedIp: true,
      daysAgo: 420,
    },
    { domain: 'status.northwind-hosting.com', owner: null, planId: STARTER, daysAgo: 415 },
    {
      domain: 'demo.northwind-hosting.com',
      owner: null,
      planId: null,
      customize: { resources: { disk_space: 2 * GB, max_traffic: 20 * GB, max_site: 1, max_db: 1 } },
      daysAgo: 300,
    },
    { domain: 'bakery-events.fr', owner: 0, planId: STARTER, customize: { resources: { max_box: 25 } }, suspended: true, daysAgo: 150 },
    { domain: 'rossi-catering.it', owner: 2, planId: BUSINESS, daysAgo: 140 },
    { domain: 'chen-family.net', owner: 3, planId: STARTER, daysAgo: 130 },
    {
      domain: 'design-archive.se',
      owner: 4,
      planId: null,
      customize: { resources: { disk_space: 50 * GB, max_traffic: 50 * GB, max_site: 1 } },
      suspended: true,
      daysAgo: 110,
    },
    { domain: 'haddad-photo.com', owner: 5, planId: STARTER, addonIds: [STORAGE], daysAgo: 95 },
    { domain: 'dublin-legal-aid.org', owner: 6, planId: PREMIUM, addonIds: [DEVPACK], daysAgo: 60 },
    { domain: 'tanaka-ceramics.jp', owner: 7, planId: STARTER, daysAgo: 45 },
    // Overused: 30 GB on disk of 25 GB, and its policy lets it run (and notifies the reseller).
    {
      domain: 'northwind-status.net',
      owner: null,
      planId: BUSINESS,
      customize: { php: { memory_limit: '512M' }, resources: { overuse: 'not_suspend_notify' } },
      diskUsed: 30 * GB,
      daysAgo: 30,
    },
    { domain: 'schneider-it.eu', owner: 1, planId: STARTER, daysAgo: 12 },
  ];
  for (const spec of specs) b.add(spec);
  return snapshot('default', r, plans, customers, b.subscriptions);
}

/** The reseller and its plans: no customers, no subscriptions. */
function emptyScenario(): Snapshot {
  const base = defaultScenario();
  return snapshot('empty', base.reseller, base.plans, [], []);
}

/**
 * The seed example: plan Premium grants "PHP version and handler management", which the
 * provider did not give the reseller, so shop.example.com (on Premium, two websites) is Unsynced.
 */
function syncFailureScenario(): Snapshot {
  const r = reseller(['manage_php_version']);
  const plans = defaultPlans();
  const customers = [
    customerFrom(1, {
      contactName: 'Jane Cooper',
      companyName: 'Example Shop Inc.',
      login: 'jcooper',
      emailDomain: 'example.com',
      phone: '+1 555 010 0199',
      address: '100 Main Street',
      city: 'Springfield',
      postalCode: '62701',
      country: 'US',
      daysAgo: 200,
    }),
    customerFrom(2, {
      contactName: 'Marc Dubois',
      companyName: 'Dubois Architectes',
      login: 'mdubois',
      emailDomain: 'example.org',
      phone: '+33 1 55 00 12 34',
      address: '5 avenue de l’Opéra',
      city: 'Paris',
      postalCode: '75001',
      country: 'FR',
      daysAgo: 150,
    }),
  ];
  const b = new SubscriptionBuilder(r, plans, customers, 7);
  b.add({ domain: 'shop.example.com', owner: 0, planId: 'plan-0003', websites: ['blog.shop.example.com'], daysAgo: 120 });
  b.add({ domain: 'example.com', owner: 0, planId: 'plan-0001', daysAgo: 190 });
  b.add({ domain: 'dubois-architectes.example.org', owner: 1, planId: 'plan-0002', daysAgo: 100 });
  return snapshot('sync-failure', r, plans, customers, b.subscriptions);
}

const BUILDERS: Record<Exclude<ScenarioName, 'large' | 'xlarge'>, () => Snapshot> = {
  default: defaultScenario,
  empty: emptyScenario,
  'sync-failure': syncFailureScenario,
};

/** The provider-sized ones, in their own module: nothing before the first rows needs them. */
type MassName = 'large' | 'xlarge';
let massBuilders: Record<MassName, () => Snapshot> | undefined;
const isMass = (name: ScenarioName): name is MassName => name === 'large' || name === 'xlarge';

/** Loads what `buildScenario(name)` needs (the provider-sized scenarios' module). */
export async function loadScenario(name: ScenarioName): Promise<void> {
  if (isMass(name)) massBuilders ??= (await import('./mass-scenarios')).MASS_SCENARIOS;
}

/**
 * A fresh copy of a scenario: callers may keep and change it. `large` and `xlarge` need
 * `await loadScenario(name)` first.
 */
export function buildScenario(name: ScenarioName): Snapshot {
  if (!isMass(name)) return BUILDERS[name]();
  if (!massBuilders) throw new Error(`The scenario "${name}" is not loaded yet: await loadScenario("${name}") first.`);
  return massBuilders[name]();
}
