/**
 * The provider-sized scenarios (`large`, `xlarge`, SPEC §4): word lists and a seeded PRNG. A
 * module of their own, loaded by `loadScenario` (scenarios.ts) when one is asked for.
 */
import { NUMERIC_RESOURCE_KEYS, UNLIMITED } from '../domain/types';
import type { Customer, ServicePlan } from '../domain/types';
import type { ScenarioName } from '../domain/contract';
import { formatId, type Snapshot } from './store';
import { emptyValues } from '../domain/catalogue';
import { daysBefore, defaultPlans, GB, prng, reseller, snapshot, SubscriptionBuilder } from './scenarios';

// Word lists for the large scenario.
const FIRST = [
  'Anna',
  'Ben',
  'Chloé',
  'Daniel',
  'Elena',
  'Felix',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Karin',
  'Luca',
  'Maya',
  'Noah',
  'Olga',
  'Pedro',
  'Quentin',
  'Rosa',
  'Samir',
  'Tara',
  'Uwe',
  'Vera',
  'William',
  'Xenia',
  'Yusuf',
  'Zoé',
  'Amir',
  'Beatriz',
  'Camille',
  'Dmitri',
  'Eva',
  'Fatima',
  'Giorgio',
  'Hanna',
  'Ivan',
  'Julia',
  'Kenji',
  'Lena',
  'Mateo',
  'Nora',
];
const LAST = [
  'Müller',
  'Dupont',
  'García',
  'Rossi',
  'Nowak',
  'Jansen',
  'Silva',
  'Novak',
  'Smith',
  'Kowalski',
  'Bernard',
  'Fischer',
  'Lopez',
  'Moreau',
  'Weber',
  'Costa',
  'Horvat',
  'Larsen',
  'Murphy',
  'Petit',
  'Ricci',
  'Schmidt',
  'Santos',
  'Virtanen',
  'Yilmaz',
  'Berg',
  'Laurent',
  'Meyer',
  'Olsen',
  'Popescu',
];
const WORD = [
  'alpine',
  'amber',
  'atlas',
  'blue',
  'bright',
  'cedar',
  'coast',
  'copper',
  'delta',
  'east',
  'echo',
  'fern',
  'forge',
  'garden',
  'granite',
  'harbor',
  'iris',
  'jade',
  'lake',
  'linden',
  'maple',
  'meadow',
  'north',
  'oak',
  'orbit',
  'pine',
  'pixel',
  'quartz',
  'river',
  'sage',
  'silver',
  'solar',
  'stone',
  'summit',
  'terra',
  'tide',
  'urban',
  'vale',
  'west',
  'willow',
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
  'Motors',
  'Books',
  'Coffee',
  'Fitness',
  'Labs',
  'Logistics',
  'Wines',
  'Photo',
];
const PLACES: [country: string, city: string, postal: string, tld: string][] = [
  ['FR', 'Paris', '75010', 'fr'],
  ['DE', 'Hamburg', '20095', 'de'],
  ['IT', 'Torino', '10121', 'it'],
  ['ES', 'Valencia', '46001', 'es'],
  ['NL', 'Utrecht', '3511', 'nl'],
  ['GB', 'Leeds', 'LS1 4AP', 'co.uk'],
  ['US', 'Austin', '73301', 'com'],
  ['CA', 'Montréal', 'H2X 1Y4', 'ca'],
  ['PL', 'Kraków', '31-000', 'pl'],
  ['SE', 'Malmö', '211 22', 'se'],
  ['BE', 'Gent', '9000', 'be'],
  ['PT', 'Porto', '4000-001', 'pt'],
];

/** The sizes and seeds of a provider-sized scenario (`large`, `xlarge`). */
interface MassSpec {
  name: ScenarioName;
  seed: number;
  customers: number;
  subscriptions: number;
  /** Hosting plans; 5 add-on plans come on top. */
  hostingPlans: number;
  /** Days between two customers' (and two subscriptions') creation dates: all stay in the past. */
  customerDays: number;
  subscriptionDays: number;
}

/** `large`: 20 plans, 2,000 customers, 10,000 subscriptions (for performance work). */
const LARGE: MassSpec = { name: 'large', seed: 10_000, customers: 2000, subscriptions: 10_000, hostingPlans: 15, customerDays: 0.7, subscriptionDays: 0.13 };
/** `xlarge` (SPEC §4): 50 plans, 10,000 customers, 50,000 subscriptions (a provider-sized reseller). */
const XLARGE: MassSpec = {
  name: 'xlarge',
  seed: 50_000,
  customers: 10_000,
  subscriptions: 50_000,
  hostingPlans: 45,
  customerDays: 0.14,
  subscriptionDays: 0.027,
};

/** A large world from word lists and a seeded PRNG: the same spec always gives the same records. */
function massScenario(spec: MassSpec): Snapshot {
  const random = prng(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const r = reseller(['manage_performance'], {
    disk_space: UNLIMITED,
    max_traffic: UNLIMITED,
    max_site: UNLIMITED,
    max_subdom: UNLIMITED,
    max_dom_aliases: UNLIMITED,
    max_box: UNLIMITED,
    mbox_quota: UNLIMITED,
    max_maillists: UNLIMITED,
    max_subftp_users: UNLIMITED,
    max_db: UNLIMITED,
    max_wu: UNLIMITED,
    max_cl: UNLIMITED,
    max_dom: UNLIMITED,
  });
  const base = defaultPlans();
  const hostingNames = [
    'Starter',
    'Business',
    'Premium',
    'Basic',
    'Personal',
    'Plus',
    'Business Plus',
    'Pro',
    'Pro Plus',
    'Enterprise',
    'WordPress Starter',
    'WordPress Pro',
    'E-commerce',
    'Agency',
    'Education',
  ];
  const plans: ServicePlan[] = Array.from({ length: spec.hostingPlans }, (_, i) => {
    // Past the named ones, the names come round again with a number: "Starter 2".
    const name = i < hostingNames.length ? hostingNames[i]! : `${hostingNames[i % hostingNames.length]!} ${Math.floor(i / hostingNames.length) + 1}`;
    const tier = base[i % 3]!;
    const scale = 1 + Math.floor(i / 3);
    const values = structuredClone(tier.values);
    for (const k of NUMERIC_RESOURCE_KEYS) if (values.resources[k] !== UNLIMITED) values.resources[k] *= scale;
    // Premium-tier plans offer performance settings the reseller lacks: their subscriptions are Unsynced.
    return { id: formatId('plans', i + 1), kind: 'hosting', name, values };
  });
  const addonNames = ['Extra Storage', 'Developer Pack', 'Extra Storage 100 GB', 'Mail Plus', 'Backup Plus'];
  addonNames.forEach((name, i) => {
    const values = i < 2 ? structuredClone(base[3 + i]!.values) : emptyValues();
    if (i === 2) values.resources.disk_space = 100 * GB;
    if (i === 3) Object.assign(values.resources, { max_box: 100, max_maillists: 10 });
    if (i === 4) values.permissions.allow_local_backups = true;
    plans.push({ id: formatId('plans', plans.length + 1), kind: 'addon', name, values });
  });
  const hostingIds = plans.filter((p) => p.kind === 'hosting').map((p) => p.id);
  const addonIds = plans.filter((p) => p.kind === 'addon').map((p) => p.id);

  const customers: Customer[] = [];
  const logins = new Set<string>();
  for (let n = 1; n <= spec.customers; n++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const [country, city, postalCode, tld] = pick(PLACES);
    const company = random() < 0.8 ? `${last} ${pick(TRADE)}` : '';
    let login = `${first[0]}${last}`
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    if (logins.has(login)) login = `${login}${n}`;
    logins.add(login);
    customers.push({
      id: formatId('customers', n),
      contactName: `${first} ${last}`,
      companyName: company,
      login,
      email: `${login}@example.${tld}`,
      phone: `+${10 + (n % 89)} ${String(100000000 + ((n * 7919) % 899999999))}`,
      address: `${1 + (n % 180)} ${pick(WORD)} street`,
      city,
      postalCode,
      country,
      status: random() < 0.03 ? 'suspended' : 'active',
      createdAt: daysBefore(1500 - Math.floor(n * spec.customerDays), n % 1440),
    });
  }

  const b = new SubscriptionBuilder(r, plans, customers, spec.seed + 1);
  const domains = new Set<string>();
  for (let n = 1; n <= spec.subscriptions; n++) {
    const ownerIndex = random() < 0.03 ? null : Math.floor(random() * customers.length);
    const tld = ownerIndex === null ? 'net' : PLACES.find((p) => p[0] === customers[ownerIndex]!.country)![3];
    let domain = `${pick(WORD)}-${pick(WORD)}.${tld}`;
    if (domains.has(domain)) domain = `${pick(WORD)}-${pick(WORD)}${n}.${tld}`;
    domains.add(domain);
    const roll = random();
    const custom = roll < 0.05;
    const locked = !custom && roll < 0.15;
    b.add({
      domain,
      owner: ownerIndex,
      planId: custom ? null : pick(hostingIds),
      addonIds: !custom && random() < 0.15 ? [pick(addonIds)] : [],
      customize: custom
        ? { resources: { disk_space: 10 * GB, max_traffic: 100 * GB, max_site: 1, max_box: 10 } }
        : locked
          ? { resources: { max_box: 10 + (n % 90) } }
          : undefined,
      suspended: random() < 0.05,
      websites: random() < 0.2 ? [`www2.${domain}`] : [],
      dedicatedIp: random() < 0.02,
      daysAgo: 1400 - Math.floor(n * spec.subscriptionDays),
    });
  }
  return snapshot(spec.name, r, plans, customers, b.subscriptions);
}

export const MASS_SCENARIOS = {
  large: () => massScenario(LARGE),
  xlarge: () => massScenario(XLARGE),
};
