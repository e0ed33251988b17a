import { describe, expect, it } from 'vitest';
import { CATALOGUE, DEFAULT_PHP_SETTINGS, catalogueItem, emptyValues, findCatalogueItem, itemsOf, labelOf } from './catalogue';
import { valuesSchema } from './schemas';
import { validate } from './schemas';
import { HOSTING_KEYS, NUMERIC_RESOURCE_KEYS, PERMISSION_KEYS, PHP_KEYS, RESOURCE_KEYS } from './types';

describe('CATALOGUE', () => {
  it('lists every key of SPEC §1.2 once, in its group', () => {
    expect(itemsOf('resources').map((i) => i.key)).toEqual([...RESOURCE_KEYS]);
    expect(itemsOf('permissions').map((i) => i.key)).toEqual([...PERMISSION_KEYS]);
    expect(itemsOf('permissions')).toHaveLength(21);
    expect(itemsOf('reseller').map((i) => i.key)).toEqual(['create_clients', 'allow_oversell', 'max_cl', 'max_dom']);
    expect(itemsOf('hosting').map((i) => i.key)).toEqual([...HOSTING_KEYS]);
    expect(itemsOf('php').map((i) => i.key)).toEqual([...PHP_KEYS]);
    const ids = CATALOGUE.map((i) => `${i.group}.${i.key}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses the English labels of the spec', () => {
    expect(labelOf('resources', 'overuse', 'en')).toBe('Overuse policy');
    expect(labelOf('resources', 'max_traffic', 'en')).toBe('Traffic');
    expect(labelOf('resources', 'max_site', 'en')).toBe('Domains');
    expect(labelOf('resources', 'max_subftp_users', 'en')).toBe('Additional FTP accounts');
    expect(labelOf('permissions', 'manage_php_version', 'en')).toBe('PHP version and handler management');
    expect(labelOf('permissions', 'allow_ftp_backups', 'en')).toBe('Data backup and restoration using a personal FTP storage');
    expect(labelOf('permissions', 'manage_website_maintenance', 'en')).toBe('Website maintenance management');
    expect(labelOf('reseller', 'max_dom', 'en')).toBe('Subscriptions');
    expect(labelOf('reseller', 'allow_oversell', 'en')).toBe('Allow overselling');
  });

  it('uses the panel French terms', () => {
    expect(labelOf('permissions', 'manage_php_version', 'fr')).toBe('Gestion de la version et du gestionnaire PHP');
    expect(labelOf('resources', 'disk_space', 'fr')).toBe('Espace disque');
    expect(labelOf('resources', 'max_box', 'fr')).toBe('Boîtes mail');
    expect(labelOf('resources', 'expiration', 'fr')).toBe("Date d'expiration");
    expect(labelOf('permissions', 'manage_dns', 'fr')).toBe('Gestion de la zone DNS');
    expect(labelOf('permissions', 'manage_phosting', 'fr')).toBe("Gestion des paramètres d'hébergement");
  });

  it('has a label in both languages for every item, French differing where words exist', () => {
    for (const i of CATALOGUE) {
      expect(i.label.en.trim(), i.key).not.toBe('');
      expect(i.label.fr.trim(), i.key).not.toBe('');
      if (i.group !== 'php') expect(i.label.fr, i.key).not.toBe(i.label.en);
    }
  });

  it('types every item: sizes, counts, -1 where allowed, options for enums', () => {
    expect(catalogueItem('resources', 'disk_space')).toMatchObject({ type: 'size', unlimited: true, shared: true });
    expect(catalogueItem('resources', 'mbox_quota')).toMatchObject({ type: 'size', unlimited: true, shared: false });
    expect(catalogueItem('resources', 'max_db')).toMatchObject({ type: 'count', unlimited: true, shared: true });
    expect(catalogueItem('resources', 'expiration')).toMatchObject({ type: 'expiration', unlimited: true });
    expect(catalogueItem('resources', 'overuse').options).toContain('not_suspend_notify');
    expect(catalogueItem('hosting', 'php_handler_id').options).toContain('plesk-php84-fpm');
    expect(catalogueItem('hosting', 'webstat').options).toEqual(['awstats', 'webalizer', 'none']);
    for (const i of CATALOGUE) {
      if (i.type === 'enum') expect(i.options?.length, i.key).toBeGreaterThan(0);
      if (i.shared) expect(NUMERIC_RESOURCE_KEYS as readonly string[]).toContain(i.key);
    }
  });

  it('throws on unknown items; findCatalogueItem does not', () => {
    expect(() => catalogueItem('resources', 'nope')).toThrow();
    expect(() => labelOf('permissions', 'disk_space', 'en')).toThrow();
    expect(findCatalogueItem('resources', 'nope')).toBeUndefined();
    expect(findCatalogueItem('__proto__', 'constructor')).toBeUndefined();
  });
});

describe('emptyValues', () => {
  it('offers nothing: zeros, permissions and PHP off', () => {
    const v = emptyValues();
    for (const k of NUMERIC_RESOURCE_KEYS) expect(v.resources[k]).toBe(0);
    for (const k of PERMISSION_KEYS) expect(v.permissions[k]).toBe(false);
    expect(v.hosting.php).toBe(false);
    expect(v.php).toEqual(DEFAULT_PHP_SETTINGS);
  });

  it('is valid and fresh on every call', () => {
    expect(validate(valuesSchema, emptyValues()).ok).toBe(true);
    const a = emptyValues();
    a.resources.max_db = 5;
    a.php.memory_limit = '1G';
    expect(emptyValues().resources.max_db).toBe(0);
    expect(DEFAULT_PHP_SETTINGS.memory_limit).toBe('128M');
  });
});
