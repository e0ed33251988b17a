/**
 * The catalogue of everything a plan, a subscription or the reseller's allocation can hold
 * (SPEC §1.2): type, whether -1 (Unlimited) is allowed, options, and the English and French
 * labels the panel shows. The UI renders forms and grids from it; the engine reads `shared`.
 */
import {
  HOSTING_KEYS,
  NUMERIC_RESOURCE_KEYS,
  OVERUSE_POLICIES,
  PERMISSION_KEYS,
  PHP_HANDLERS,
  PHP_KEYS,
  RESOURCE_KEYS,
  SHELL_OPTIONS,
  UNLIMITED,
  WEBSTAT_OPTIONS,
} from './types';
import type { HostingParameters, Permissions, PhpSettings, Resources, Values } from './types';

export type CatalogueGroup = 'resources' | 'permissions' | 'hosting' | 'php' | 'reseller';
export type CatalogueType = 'size' | 'count' | 'boolean' | 'enum' | 'expiration' | 'text';

export interface CatalogueItem {
  group: CatalogueGroup;
  key: string;
  type: CatalogueType;
  /** -1 allowed */
  unlimited: boolean;
  options?: readonly string[];
  label: { en: string; fr: string };
  /**
   * A numeric resource whose reseller limit is shared among subscriptions when overselling is
   * off. False for mbox_quota: it caps each mailbox, so subscriptions do not consume it.
   */
  shared: boolean;
}

type Label = readonly [en: string, fr: string];

function item(
  group: CatalogueGroup,
  key: string,
  type: CatalogueType,
  [en, fr]: Label,
  extra: { unlimited?: boolean; options?: readonly string[]; shared?: boolean } = {},
): CatalogueItem {
  const base: CatalogueItem = {
    group,
    key,
    type,
    unlimited: extra.unlimited ?? false,
    label: { en, fr },
    shared: extra.shared ?? false,
  };
  return extra.options ? { ...base, options: extra.options } : base;
}

/** Numeric resources: sizes in bytes, counts otherwise; all accept -1. */
const size = (key: string, label: Label, shared = true) => item('resources', key, 'size', label, { unlimited: true, shared });
const count = (key: string, label: Label) => item('resources', key, 'count', label, { unlimited: true, shared: true });
const permission = (key: string, label: Label) => item('permissions', key, 'boolean', label);
const hostingFlag = (key: string, label: Label) => item('hosting', key, 'boolean', label);

export const CATALOGUE: readonly CatalogueItem[] = Object.freeze([
  item('resources', 'overuse', 'enum', ['Overuse policy', 'Politique de dépassement'], { options: OVERUSE_POLICIES }),
  item('resources', 'expiration', 'expiration', ['Expiration date', "Date d'expiration"], { unlimited: true }),
  size('disk_space', ['Disk space', 'Espace disque']),
  size('max_traffic', ['Traffic', 'Trafic']),
  count('max_site', ['Domains', 'Domaines']),
  count('max_subdom', ['Subdomains', 'Sous-domaines']),
  count('max_dom_aliases', ['Domain aliases', 'Alias de domaine']),
  count('max_box', ['Mailboxes', 'Boîtes mail']),
  size('mbox_quota', ['Mailbox size', 'Taille de la boîte mail'], false),
  count('max_maillists', ['Mailing lists', 'Listes de diffusion']),
  count('max_subftp_users', ['Additional FTP accounts', 'Comptes FTP supplémentaires']),
  count('max_db', ['Databases', 'Bases de données']),
  count('max_wu', ['Web users', 'Utilisateurs Web']),

  permission('manage_dns', ['DNS zone management', 'Gestion de la zone DNS']),
  permission('manage_phosting', ['Hosting settings management', "Gestion des paramètres d'hébergement"]),
  permission('manage_php_settings', ['Common PHP settings management', 'Gestion des paramètres PHP communs']),
  permission('manage_php_version', ['PHP version and handler management', 'Gestion de la version et du gestionnaire PHP']),
  permission('manage_sh_access', ['Management of access to the server over SSH', "Gestion de l'accès au serveur via SSH"]),
  permission('manage_crontab', ['Scheduled tasks management', 'Gestion des tâches planifiées']),
  permission('manage_spamfilter', ['Spam filter management', 'Gestion du filtre antispam']),
  permission('manage_virusfilter', ['Antivirus management', "Gestion de l'antivirus"]),
  permission('allow_local_backups', [
    'Data backup and restoration using the server storage',
    'Sauvegarde et restauration des données via le stockage du serveur',
  ]),
  permission('allow_ftp_backups', [
    'Data backup and restoration using a personal FTP storage',
    'Sauvegarde et restauration des données via un stockage FTP personnel',
  ]),
  permission('manage_webstat', ['Web statistics management', 'Gestion des statistiques Web']),
  permission('manage_log', ['Log rotation management', 'Gestion de la rotation des logs']),
  permission('access_appcatalog', ['Access to Application Catalog', "Accès au catalogue d'applications"]),
  permission('select_db_server', ['Database server selection', 'Sélection du serveur de bases de données']),
  permission('remote_db_connection', ['Remote access to databases', 'Accès à distance aux bases de données']),
  permission('manage_subdomains', ['Subdomains management', 'Gestion des sous-domaines']),
  permission('manage_domain_aliases', ['Domain aliases management', 'Gestion des alias de domaine']),
  permission('manage_subftp', ['Additional FTP accounts management', 'Gestion des comptes FTP supplémentaires']),
  permission('manage_maillists', ['Mailing lists management', 'Gestion des listes de diffusion']),
  permission('manage_performance', ['Hosting performance settings management', "Gestion des paramètres de performances de l'hébergement"]),
  permission('manage_website_maintenance', ['Website maintenance management', 'Gestion de la maintenance du site Web']),

  item('reseller', 'create_clients', 'boolean', ['Customer account creation', 'Création de comptes client']),
  item('reseller', 'allow_oversell', 'boolean', ['Allow overselling', 'Autoriser la survente']),
  item('reseller', 'max_cl', 'count', ['Customer accounts', 'Comptes client'], { unlimited: true }),
  item('reseller', 'max_dom', 'count', ['Subscriptions', 'Abonnements'], { unlimited: true }),

  hostingFlag('php', ['PHP support', 'Prise en charge de PHP']),
  item('hosting', 'php_handler_id', 'enum', ['PHP handler', 'Gestionnaire PHP'], { options: PHP_HANDLERS }),
  hostingFlag('ssl', ['SSL/TLS support', 'Prise en charge de SSL/TLS']),
  hostingFlag('cgi', ['CGI support', 'Prise en charge de CGI']),
  hostingFlag('perl', ['Perl support', 'Prise en charge de Perl']),
  hostingFlag('python', ['Python support', 'Prise en charge de Python']),
  hostingFlag('fastcgi', ['FastCGI support', 'Prise en charge de FastCGI']),
  hostingFlag('ssi', ['SSI support', 'Prise en charge de SSI']),
  hostingFlag('errdocs', ['Custom error documents', "Documents d'erreur personnalisés"]),
  item('hosting', 'webstat', 'enum', ['Web statistics', 'Statistiques Web'], { options: WEBSTAT_OPTIONS }),
  item('hosting', 'shell', 'enum', ['Access to the server over SSH', 'Accès au serveur via SSH'], {
    options: SHELL_OPTIONS,
  }),

  // Plesk shows PHP directives under their own names in every language.
  item('php', 'memory_limit', 'text', ['memory_limit', 'memory_limit']),
  item('php', 'max_execution_time', 'text', ['max_execution_time', 'max_execution_time']),
  item('php', 'post_max_size', 'text', ['post_max_size', 'post_max_size']),
  item('php', 'upload_max_filesize', 'text', ['upload_max_filesize', 'upload_max_filesize']),
]);

const BY_ID = new Map<string, CatalogueItem>(CATALOGUE.map((i) => [`${i.group}.${i.key}`, i]));
const BY_GROUP = new Map<CatalogueGroup, readonly CatalogueItem[]>();
for (const i of CATALOGUE) BY_GROUP.set(i.group, [...(BY_GROUP.get(i.group) ?? []), i]);

/** The catalogue entry of an item; throws on an unknown group/key (a programming error). */
export function catalogueItem(group: CatalogueGroup, key: string): CatalogueItem {
  const found = BY_ID.get(`${group}.${key}`);
  if (!found) throw new Error(`Unknown catalogue item ${group}.${key}`);
  return found;
}

/** Like catalogueItem but answers undefined, for callers that must never throw. */
export function findCatalogueItem(group: string, key: string): CatalogueItem | undefined {
  return BY_ID.get(`${group}.${key}`);
}

export function labelOf(group: CatalogueGroup, key: string, lang: 'en' | 'fr'): string {
  return catalogueItem(group, key).label[lang];
}

export function itemsOf(group: CatalogueGroup): readonly CatalogueItem[] {
  return BY_GROUP.get(group) ?? [];
}

export const DEFAULT_PHP_SETTINGS: Readonly<PhpSettings> = Object.freeze({
  memory_limit: '128M',
  max_execution_time: '30',
  post_max_size: '8M',
  upload_max_filesize: '2M',
});

/** A plan that offers nothing: the starting point of a new plan and of a custom subscription. */
export function emptyValues(): Values {
  const resources = { overuse: 'normal', expiration: UNLIMITED } as Resources;
  for (const k of NUMERIC_RESOURCE_KEYS) resources[k] = 0;
  const permissions = {} as Permissions;
  for (const k of PERMISSION_KEYS) permissions[k] = false;
  const hosting: HostingParameters = {
    php: false,
    php_handler_id: 'plesk-php83-fpm',
    ssl: false,
    cgi: false,
    perl: false,
    python: false,
    fastcgi: false,
    ssi: false,
    errdocs: false,
    webstat: 'none',
    shell: '/bin/false',
  };
  return { resources, permissions, hosting, php: { ...DEFAULT_PHP_SETTINGS } };
}

// Keep the catalogue and the key lists of types.ts from drifting apart (checked at load).
const expected: Array<[CatalogueGroup, readonly string[]]> = [
  ['resources', RESOURCE_KEYS],
  ['permissions', PERMISSION_KEYS],
  ['hosting', HOSTING_KEYS],
  ['php', PHP_KEYS],
];
for (const [group, keys] of expected) {
  if (itemsOf(group).length !== keys.length || keys.some((k) => !BY_ID.has(`${group}.${k}`))) {
    throw new Error(`Catalogue group ${group} does not match its key list`);
  }
}
