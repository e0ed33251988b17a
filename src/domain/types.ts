/**
 * Entities of the reseller panel (SPEC §1.1) as plain data. Framework-free: imported by the
 * mock API and by the UI. Keys follow Plesk's own API names (SPEC §1.2).
 */

/** `-1` means Unlimited for every numeric resource and limit. */
export const UNLIMITED = -1;

export const OVERUSE_POLICIES = ['block', 'notify', 'normal', 'not_suspend', 'not_suspend_notify'] as const;
export type OverusePolicy = (typeof OVERUSE_POLICIES)[number];

/** Numeric resources a plan offers and a subscription holds (sizes in bytes). */
export const NUMERIC_RESOURCE_KEYS = [
  'disk_space',
  'max_traffic',
  'max_site',
  'max_subdom',
  'max_dom_aliases',
  'max_box',
  'mbox_quota',
  'max_maillists',
  'max_subftp_users',
  'max_db',
  'max_wu',
] as const;
export type NumericResourceKey = (typeof NUMERIC_RESOURCE_KEYS)[number];

export const RESOURCE_KEYS = ['overuse', 'expiration', ...NUMERIC_RESOURCE_KEYS] as const;
export type ResourceKey = (typeof RESOURCE_KEYS)[number];

export const PERMISSION_KEYS = [
  'manage_dns',
  'manage_phosting',
  'manage_php_settings',
  'manage_php_version',
  'manage_sh_access',
  'manage_crontab',
  'manage_spamfilter',
  'manage_virusfilter',
  'allow_local_backups',
  'allow_ftp_backups',
  'manage_webstat',
  'manage_log',
  'access_appcatalog',
  'select_db_server',
  'remote_db_connection',
  'manage_subdomains',
  'manage_domain_aliases',
  'manage_subftp',
  'manage_maillists',
  'manage_performance',
  'manage_website_maintenance',
] as const;
export type PermissionKey = (typeof PERMISSION_KEYS)[number];

/** Permissions only a reseller has (never part of a plan). */
export const RESELLER_PERMISSION_KEYS = ['create_clients', 'allow_oversell'] as const;
export type ResellerPermissionKey = (typeof RESELLER_PERMISSION_KEYS)[number];

/** Limits only a reseller has: customer accounts and subscriptions. */
export const RESELLER_LIMIT_KEYS = ['max_cl', 'max_dom'] as const;
export type ResellerLimitKey = (typeof RESELLER_LIMIT_KEYS)[number];

export const PHP_HANDLERS = ['plesk-php84-fpm', 'plesk-php83-fpm', 'plesk-php82-fpm', 'plesk-php81-fastcgi'] as const;
export type PhpHandler = (typeof PHP_HANDLERS)[number];
export const WEBSTAT_OPTIONS = ['awstats', 'webalizer', 'none'] as const;
export type Webstat = (typeof WEBSTAT_OPTIONS)[number];
export const SHELL_OPTIONS = ['/bin/false', '/bin/bash', '/usr/local/psa/bin/chrootsh'] as const;
export type Shell = (typeof SHELL_OPTIONS)[number];

export const HOSTING_KEYS = ['php', 'php_handler_id', 'ssl', 'cgi', 'perl', 'python', 'fastcgi', 'ssi', 'errdocs', 'webstat', 'shell'] as const;
export type HostingKey = (typeof HOSTING_KEYS)[number];

export const PHP_KEYS = ['memory_limit', 'max_execution_time', 'post_max_size', 'upload_max_filesize'] as const;
export type PhpKey = (typeof PHP_KEYS)[number];

/** `expiration`: -1 (Unlimited) or an ISO date. */
export type Resources = { overuse: OverusePolicy; expiration: -1 | string } & Record<NumericResourceKey, number>;
export type Permissions = Record<PermissionKey, boolean>;
export interface HostingParameters {
  php: boolean;
  php_handler_id: PhpHandler;
  ssl: boolean;
  cgi: boolean;
  perl: boolean;
  python: boolean;
  fastcgi: boolean;
  ssi: boolean;
  errdocs: boolean;
  webstat: Webstat;
  shell: Shell;
}
export type PhpSettings = Record<PhpKey, string>;

/** The values of a plan or of a subscription (SPEC §2 "values"). */
export interface Values {
  resources: Resources;
  permissions: Permissions;
  hosting: HostingParameters;
  php: PhpSettings;
}
export type ValueGroup = keyof Values;

/** A partial `values` object, as accepted by PUT /subscriptions/:id/values and PUT /service-plans/:id. */
export interface ValuesPatch {
  resources?: Partial<Resources>;
  permissions?: Partial<Permissions>;
  hosting?: Partial<HostingParameters>;
  php?: Partial<PhpSettings>;
}

export type RecordStatus = 'active' | 'suspended';

export interface Customer {
  id: string;
  contactName: string;
  companyName: string;
  login: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  postalCode: string;
  country: string;
  status: RecordStatus;
  createdAt: string;
}

export type PlanKind = 'hosting' | 'addon';

export interface ServicePlan {
  id: string;
  kind: PlanKind;
  name: string;
  values: Values;
}

export type SyncState = 'synced' | 'unsynced' | 'locked' | 'custom';

/** Why a subscription is suspended (SPEC §1.6); `status` is `suspended` while any applies. */
export const SUSPENSION_REASONS = ['reseller', 'customer', 'expired', 'overuse'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** The resources whose usage can go above a limit (SPEC §1.6). */
export const METERED_KEYS = ['disk_space', 'max_traffic'] as const;
export type MeteredKey = (typeof METERED_KEYS)[number];

/** The resources a subscription's usage counts (SPEC §1.5). */
export const USAGE_KEYS = ['disk_space', 'max_traffic', 'max_site', 'max_subdom', 'max_dom_aliases'] as const;
export type UsageKey = (typeof USAGE_KEYS)[number];
export type SubscriptionUsage = Record<UsageKey, number>;

export type WebsiteKind = 'domain' | 'subdomain';

/** A website of a subscription (SPEC §1.5, §2): a domain or a subdomain, with its aliases and usage. */
export interface Website {
  name: string;
  kind: WebsiteKind;
  /** The domain a subdomain belongs to; null for a domain. */
  parent: string | null;
  aliases: string[];
  usage: Record<MeteredKey, number>;
}

export interface Subscription {
  id: string;
  domain: string;
  /** A customer's id, or null for the reseller's own subscription. */
  ownerId: string | null;
  /** null = Custom subscription (no plan). */
  planId: string | null;
  addonIds: string[];
  ipAddress: string;
  systemUser: string;
  status: RecordStatus;
  locked: boolean;
  synchronized: boolean;
  values: Values;
  /** The names of the domains and subdomains it hosts: the main domain first (= `sites` names). */
  websites: string[];
  /** The websites themselves, in the order of `websites`. */
  sites: Website[];
  /** What it actually uses: disk and traffic (bytes, sums over `sites`), domain/subdomain/alias counts. */
  usage: SubscriptionUsage;
  /** Why it is suspended; empty ⇔ status active. */
  suspendedBy: SuspensionReason[];
  /** The metered keys whose usage is above its own limit. */
  overused: MeteredKey[];
  createdAt: string;
  /** null = unlimited. */
  expiresAt: string | null;
}

export interface IpAddress {
  address: string;
  type: 'shared' | 'dedicated';
}

/** The reseller's allocation from the hosting provider. */
export interface Reseller {
  name: string;
  limits: Record<NumericResourceKey | ResellerLimitKey, number>;
  permissions: Record<PermissionKey | ResellerPermissionKey, boolean>;
  oversell: boolean;
  ipPool: IpAddress[];
  /**
   * The mock clock (SPEC §1.6), ISO: the time every date is measured against. Kept with the
   * reseller so it is saved and shared between tabs with it; absent = the reference date.
   */
  clock?: string;
}

/** One row of the Synchronization failed grid (SPEC §1.3, §2 "Sync outcome"). */
export interface SyncConflict {
  subscriptionId: string;
  domain: string;
  group: ValueGroup;
  key: string;
  planValue: number | string | boolean;
  availableValue: number | string | boolean;
}

/** What Update & Sync did to the subscriptions of a plan. */
export interface SyncReport {
  synced: number;
  unsynced: number;
  locked: number;
  /** Ids of the subscriptions left unsynced (for the "left unsynced" link). */
  unsyncedIds: string[];
  /** Added by the mock API after applying overuse (SPEC §1.6): the subscriptions the edit made Overused. */
  overused?: Array<{ id: string; domain: string }>;
}

/** What the hosting provider changes in the reseller's allocation (PATCH /_mock/provider). */
export interface ProviderPatch {
  limits?: Partial<Record<NumericResourceKey | ResellerLimitKey, number>>;
  permissions?: Partial<Record<PermissionKey | ResellerPermissionKey, boolean>>;
  oversell?: boolean;
}
