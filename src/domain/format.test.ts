import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDate, formatValue } from './format';

const GB = 1024 ** 3;
// Intl puts narrow no-break spaces in French numbers; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatBytes', () => {
  it('picks MB, GB or TB', () => {
    expect(formatBytes(0, 'en')).toBe('0 MB');
    expect(formatBytes(512 * 1024 ** 2, 'en')).toBe('512 MB');
    expect(formatBytes(10 * GB, 'en')).toBe('10 GB');
    expect(formatBytes(1.5 * GB, 'en')).toBe('1.5 GB');
    expect(formatBytes(2 * 1024 * GB, 'en')).toBe('2 TB');
  });

  it('speaks French: Mo/Go/To and a decimal comma', () => {
    expect(plain(formatBytes(1.5 * GB, 'fr'))).toBe('1,5 Go');
    expect(plain(formatBytes(100 * 1024 ** 2, 'fr'))).toBe('100 Mo');
    expect(plain(formatBytes(3 * 1024 * GB, 'fr'))).toBe('3 To');
  });

  it('reads -1 as Unlimited', () => {
    expect(formatBytes(-1, 'en')).toBe('Unlimited');
    expect(formatBytes(-1, 'fr')).toBe('Illimité');
  });
});

describe('formatCount', () => {
  it('groups digits per language and reads -1 as Unlimited', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(plain(formatCount(12345, 'fr'))).toBe('12 345');
    expect(formatCount(-1, 'fr')).toBe('Illimité');
  });
});

describe('formatDate', () => {
  it('localizes an ISO date, the same day everywhere', () => {
    expect(formatDate('2030-01-31', 'en')).toBe('Jan 31, 2030');
    expect(formatDate('2030-01-31', 'fr')).toBe('31 janv. 2030');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});

describe('formatValue', () => {
  it('formats every kind of item', () => {
    expect(formatValue('resources', 'disk_space', 10 * GB, 'en')).toBe('10 GB');
    expect(formatValue('resources', 'max_db', 3, 'en')).toBe('3');
    expect(formatValue('resources', 'max_db', -1, 'en')).toBe('Unlimited');
    expect(formatValue('resources', 'expiration', -1, 'fr')).toBe('Illimité');
    expect(formatValue('resources', 'expiration', '2030-01-31', 'en')).toBe('Jan 31, 2030');
    expect(formatValue('resources', 'overuse', 'notify', 'en')).toBe('notify');
    expect(formatValue('permissions', 'manage_dns', true, 'en')).toBe('On');
    expect(formatValue('permissions', 'manage_dns', false, 'en')).toBe('Off');
    expect(formatValue('permissions', 'manage_dns', true, 'fr')).toBe('Activé');
    expect(formatValue('permissions', 'manage_dns', false, 'fr')).toBe('Désactivé');
    expect(formatValue('hosting', 'php_handler_id', 'plesk-php84-fpm', 'fr')).toBe('plesk-php84-fpm');
    expect(formatValue('php', 'memory_limit', '128M', 'en')).toBe('128M');
    expect(formatValue('reseller', 'max_cl', 25, 'en')).toBe('25');
  });

  it('never throws on odd input', () => {
    expect(formatValue('nope', 'nope', { a: 1 }, 'en')).toBe('[object Object]');
    expect(formatValue('resources', 'disk_space', Number.NaN, 'en')).toBe('NaN');
    expect(formatValue('resources', 'disk_space', null, 'en')).toBe('');
    expect(formatValue('resources', 'disk_space', Object.create(null), 'en')).toBe('');
    expect(formatValue('resources', 'disk_space', 1, 'xx' as never)).toBe('0 MB');
  });
});
