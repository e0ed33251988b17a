import { describe, expect, it } from 'vitest';
import { emptyValues } from './catalogue';
import {
  COUNTRY_CODES,
  bulkActionSchema,
  customerCreateSchema,
  customerPatchSchema,
  planCreateSchema,
  planUpdateSchema,
  providerPatchSchema,
  settingsSchema,
  subscriptionCreateSchema,
  validate,
  valuesPatchSchema,
  valuesSchema,
} from './schemas';
import type { ValidationIssue } from './schemas';

/** The issues of an input that must fail. */
function issues(schema: Parameters<typeof validate>[0], input: unknown): ValidationIssue[] {
  const result = validate(schema, input);
  if (result.ok) throw new Error(`expected a failure for ${JSON.stringify(input)}`);
  return result.issues;
}
function codes(schema: Parameters<typeof validate>[0], input: unknown): string[] {
  return issues(schema, input).map((i) => `${i.path}:${i.code}`);
}

const customer = { contactName: 'Jane Doe', login: 'jane', password: 'secret123' };
const HOSTILE_MARKUP = '<img src=x onerror=alert(1)><script>alert("x")</script>';

describe('customerCreateSchema', () => {
  it('accepts a minimal customer and trims names', () => {
    const r = validate(customerCreateSchema, { ...customer, contactName: '  Jane Doe  ', companyName: ' ACME ' });
    expect(r).toEqual({ ok: true, value: { ...customer, companyName: 'ACME' } });
  });

  it('requires the contact name: missing, empty, whitespace-only', () => {
    const { contactName: _, ...rest } = customer;
    expect(codes(customerCreateSchema, rest)).toEqual(['contactName:required']);
    expect(codes(customerCreateSchema, { ...customer, contactName: '' })).toEqual(['contactName:required']);
    expect(codes(customerCreateSchema, { ...customer, contactName: ' \t  ' })).toEqual(['contactName:required']);
    expect(codes(customerCreateSchema, { ...customer, contactName: null })).toEqual(['contactName:required']);
    expect(codes(customerCreateSchema, { ...customer, contactName: 42 })).toEqual(['contactName:invalid_type']);
  });

  it('limits names to 60 characters, reporting the limit once even for 10,000 characters', () => {
    expect(validate(customerCreateSchema, { ...customer, contactName: 'x'.repeat(60) }).ok).toBe(true);
    expect(issues(customerCreateSchema, { ...customer, contactName: 'x'.repeat(61) })).toEqual([
      { path: 'contactName', code: 'too_long', params: { max: 60 } },
    ]);
    expect(codes(customerCreateSchema, { ...customer, contactName: 'x'.repeat(10_000), companyName: 'y'.repeat(10_000) })).toEqual([
      'contactName:too_long',
      'companyName:too_long',
    ]);
  });

  it('keeps markup and unicode as plain data', () => {
    for (const contactName of [HOSTILE_MARKUP.slice(0, 60), 'Zoë Ünal-Łukasz', '山田 太郎', 'Ana 🚀 Lima', 'O\'Brien & "Sons"']) {
      const r = validate(customerCreateSchema, { ...customer, contactName });
      expect(r.ok && r.value.contactName).toBe(contactName);
    }
  });

  it('normalizes unicode to NFC', () => {
    const r = validate(customerCreateSchema, { ...customer, contactName: 'Zoe\u0301' });
    expect(r.ok && r.value.contactName).toBe('Zoé');
  });

  it('refuses control and invisible reordering characters in names', () => {
    for (const contactName of ['Jane\u0000Doe', 'Jane\nDoe', 'Jane\u001bDoe', 'Jane\u202eeoD', 'Jane\u2066x', 'a\u0085b']) {
      expect(codes(customerCreateSchema, { ...customer, contactName })).toEqual(['contactName:invalid_characters']);
    }
  });

  it('checks the login format', () => {
    for (const login of ['jane', 'j', 'jane.doe-1_x', 'a' + 'b'.repeat(59)]) {
      expect(validate(customerCreateSchema, { ...customer, login }).ok, login).toBe(true);
    }
    for (const login of ['Jane', '1jane', '.jane', ' jane', 'jane doe', 'jané', '<b>', 'jane;rm -rf']) {
      expect(codes(customerCreateSchema, { ...customer, login }), login).toEqual(['login:invalid_login']);
    }
    expect(codes(customerCreateSchema, { ...customer, login: '' })).toEqual(['login:required']);
    expect(codes(customerCreateSchema, { ...customer, login: 'a'.repeat(61) })).toEqual(['login:too_long']);
    expect(codes(customerCreateSchema, { ...customer, login: 'a'.repeat(10_000) })).toEqual(['login:too_long']);
  });

  it('needs a password of at least 8 characters', () => {
    expect(issues(customerCreateSchema, { ...customer, password: 'short' })).toEqual([{ path: 'password', code: 'password_too_short', params: { min: 8 } }]);
    expect(codes(customerCreateSchema, { ...customer, password: undefined })).toEqual(['password:required']);
    expect(validate(customerCreateSchema, { ...customer, password: '        ' }).ok).toBe(true);
  });

  it('accepts an empty email but checks a given one', () => {
    expect(validate(customerCreateSchema, { ...customer, email: '' }).ok).toBe(true);
    const ok = validate(customerCreateSchema, { ...customer, email: ' jane.doe+tag@example.co.uk ' });
    expect(ok.ok && ok.value.email).toBe('jane.doe+tag@example.co.uk');
    for (const email of ['jane', 'jane@', '@example.com', 'jane@example', 'ja ne@example.com', '<jane@example.com>', 'jane..doe@example.com', HOSTILE_MARKUP]) {
      expect(codes(customerCreateSchema, { ...customer, email }), email).toEqual(['email:invalid_email']);
    }
    expect(codes(customerCreateSchema, { ...customer, email: `${'a'.repeat(10_000)}@example.com` })).toEqual(['email:too_long']);
  });

  it('checks the country as an assigned ISO alpha-2 code, or empty', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(validate(customerCreateSchema, { ...customer, country: 'FR' }).ok).toBe(true);
    expect(validate(customerCreateSchema, { ...customer, country: '' }).ok).toBe(true);
    for (const country of ['fr', 'XX', 'FRA', 'F', '🇫🇷']) {
      expect(codes(customerCreateSchema, { ...customer, country }), country).toEqual(['country:invalid_country']);
    }
  });

  it('checks phone and postal code characters and lengths', () => {
    expect(validate(customerCreateSchema, { ...customer, phone: '+33 (0)1 23-45.67', postalCode: 'SW1A 1AA' }).ok).toBe(true);
    expect(codes(customerCreateSchema, { ...customer, phone: 'call me' })).toEqual(['phone:invalid_phone']);
    expect(codes(customerCreateSchema, { ...customer, postalCode: '75<001>' })).toEqual(['postalCode:invalid_postal_code']);
    expect(codes(customerCreateSchema, { ...customer, city: 'c'.repeat(101), address: 'a'.repeat(256) })).toEqual(['address:too_long', 'city:too_long']);
  });

  it('drops fields it does not know (never stored, never echoed)', () => {
    const r = validate(customerCreateSchema, { ...customer, isAdmin: true, status: 'active' });
    expect(r).toEqual({ ok: true, value: customer });
  });

  it('reports a non-object body at the root', () => {
    expect(codes(customerCreateSchema, 'jane')).toEqual([':invalid_type']);
    expect(codes(customerCreateSchema, null)).toEqual([':required']);
  });
});

describe('customerPatchSchema', () => {
  it('accepts any subset, the password included or not', () => {
    expect(validate(customerPatchSchema, {})).toEqual({ ok: true, value: {} });
    expect(validate(customerPatchSchema, { city: 'Paris' })).toEqual({ ok: true, value: { city: 'Paris' } });
  });

  it('applies the same rules to present fields', () => {
    expect(codes(customerPatchSchema, { contactName: '   ' })).toEqual(['contactName:required']);
    expect(codes(customerPatchSchema, { password: 'x' })).toEqual(['password:password_too_short']);
    expect(codes(customerPatchSchema, { login: 'Bad Login' })).toEqual(['login:invalid_login']);
  });
});

describe('valuesSchema', () => {
  it('accepts complete values', () => {
    expect(validate(valuesSchema, emptyValues())).toEqual({ ok: true, value: emptyValues() });
  });

  it('needs every group and refuses unknown ones', () => {
    const { php: _, ...noPhp } = emptyValues();
    expect(codes(valuesSchema, noPhp)).toEqual(['php:required']);
    expect(codes(valuesSchema, { ...emptyValues(), mail: {} })).toEqual(['mail:unknown_key']);
  });

  it('takes whole numbers ≥ -1 for numeric resources', () => {
    const v = emptyValues();
    for (const bad of [-2, 1.5, '5', Number.NaN, Infinity, null, true]) {
      const input = { ...v, resources: { ...v.resources, max_db: bad } };
      const expected = bad === null ? 'required' : 'invalid_number';
      expect(codes(valuesSchema, input), String(bad)).toEqual([`resources.max_db:${expected}`]);
    }
    expect(validate(valuesSchema, { ...v, resources: { ...v.resources, disk_space: -1, max_db: 2 ** 40 } }).ok).toBe(true);
  });

  it('takes -1 or a real ISO date for the expiration', () => {
    const v = emptyValues();
    const withExpiration = (expiration: unknown) => ({ ...v, resources: { ...v.resources, expiration } });
    for (const good of [-1, '2030-01-31', '2030-01-31T12:00:00Z']) expect(validate(valuesSchema, withExpiration(good)).ok, String(good)).toBe(true);
    for (const bad of ['2030-02-30', '31/01/2030', 'tomorrow', -2, 0, '']) {
      expect(codes(valuesSchema, withExpiration(bad)), String(bad)).toEqual(['resources.expiration:invalid_date']);
    }
  });

  it('checks options and PHP values', () => {
    const v = emptyValues();
    expect(codes(valuesSchema, { ...v, hosting: { ...v.hosting, php_handler_id: 'evil' } })).toEqual(['hosting.php_handler_id:invalid_option']);
    expect(codes(valuesSchema, { ...v, resources: { ...v.resources, overuse: 'maybe' } })).toEqual(['resources.overuse:invalid_option']);
    expect(codes(valuesSchema, { ...v, php: { ...v.php, memory_limit: 'lots' } })).toEqual(['php.memory_limit:invalid_php_value']);
    expect(codes(valuesSchema, { ...v, php: { ...v.php, max_execution_time: '30M' } })).toEqual(['php.max_execution_time:invalid_php_value']);
    expect(codes(valuesSchema, { ...v, permissions: { ...v.permissions, manage_dns: 'yes' } })).toEqual(['permissions.manage_dns:invalid_type']);
  });
});

describe('valuesPatchSchema', () => {
  it('accepts any subset of any group', () => {
    expect(validate(valuesPatchSchema, {}).ok).toBe(true);
    expect(validate(valuesPatchSchema, { resources: { max_db: 3 }, permissions: { manage_dns: true } })).toEqual({
      ok: true,
      value: { resources: { max_db: 3 }, permissions: { manage_dns: true } },
    });
  });

  it('refuses unknown keys, at any depth, prototype keys included', () => {
    expect(codes(valuesPatchSchema, { resources: { bogus: 1 } })).toEqual(['resources.bogus:unknown_key']);
    expect(codes(valuesPatchSchema, { permissions: { create_clients: true } })).toEqual(['permissions.create_clients:unknown_key']);
    expect(codes(valuesPatchSchema, { web: {} })).toEqual(['web:unknown_key']);
    expect(codes(valuesPatchSchema, JSON.parse('{"resources":{"__proto__":{"max_db":1}}}'))).toEqual(['resources.__proto__:unknown_key']);
  });

  it('still checks the values it is given', () => {
    expect(codes(valuesPatchSchema, { resources: { disk_space: -5 } })).toEqual(['resources.disk_space:invalid_number']);
  });
});

describe('planCreateSchema / planUpdateSchema', () => {
  it('takes a kind, a trimmed name and optional partial values', () => {
    expect(validate(planCreateSchema, { kind: 'addon', name: '  Extra  ', values: { resources: { max_db: 2 } } })).toEqual({
      ok: true,
      value: { kind: 'addon', name: 'Extra', values: { resources: { max_db: 2 } } },
    });
  });

  it('reports paths into values', () => {
    expect(codes(planCreateSchema, { kind: 'gold', name: '', values: { resources: { disk_space: 1.5 } } })).toEqual([
      'kind:invalid_option',
      'name:required',
      'values.resources.disk_space:invalid_number',
    ]);
  });

  it('refuses hostile names like any other name', () => {
    expect(codes(planUpdateSchema, { name: 'Gold\u0000' })).toEqual(['name:invalid_characters']);
    expect(codes(planUpdateSchema, { name: 'g'.repeat(10_000) })).toEqual(['name:too_long']);
    expect(validate(planUpdateSchema, { name: HOSTILE_MARKUP.slice(0, 60) }).ok).toBe(true);
    expect(validate(planUpdateSchema, {}).ok).toBe(true);
  });
});

describe('subscriptionCreateSchema', () => {
  const base = { domain: 'example.com', ownerId: null, planId: 'plan-1' };

  it('lowercases and trims the domain', () => {
    const r = validate(subscriptionCreateSchema, { ...base, domain: '  Shop.Example.COM ' });
    expect(r.ok && r.value.domain).toBe('shop.example.com');
  });

  it('accepts real domain names', () => {
    for (const domain of ['a.io', 'xn--exmple-cua.fr', 'my-site.co.uk', `${'a'.repeat(63)}.com`, '1password.com']) {
      expect(validate(subscriptionCreateSchema, { ...base, domain }).ok, domain).toBe(true);
    }
  });

  it('refuses anything else', () => {
    const bad = [
      'localhost',
      '-bad.com',
      'bad-.com',
      'a..b.com',
      '.example.com',
      'example.com.',
      'exa mple.com',
      'exämple.com',
      '<script>.com',
      'http://example.com',
      '192.168.0.1',
      `${'a'.repeat(64)}.com`,
      'example.c_m',
      'example.123',
    ];
    for (const domain of bad) expect(codes(subscriptionCreateSchema, { ...base, domain }), domain).toEqual(['domain:invalid_domain']);
    expect(codes(subscriptionCreateSchema, { ...base, domain: `${'a.'.repeat(126)}com` })).toEqual(['domain:too_long']);
    expect(codes(subscriptionCreateSchema, { ...base, domain: 'x'.repeat(10_000) })).toEqual(['domain:too_long']);
    expect(codes(subscriptionCreateSchema, { ...base, domain: '   ' })).toEqual(['domain:required']);
  });

  it('needs ownerId and planId, null meaning the reseller / Custom', () => {
    expect(validate(subscriptionCreateSchema, { ...base, ownerId: null, planId: null }).ok).toBe(true);
    expect(codes(subscriptionCreateSchema, { domain: 'example.com' })).toEqual(['ownerId:required', 'planId:required']);
    expect(codes(subscriptionCreateSchema, { ...base, ownerId: '' })).toEqual(['ownerId:required']);
  });

  it('refuses an add-on chosen twice', () => {
    expect(codes(subscriptionCreateSchema, { ...base, addonIds: ['a', 'b', 'a'] })).toEqual(['addonIds:duplicate_value']);
    expect(codes(subscriptionCreateSchema, { ...base, addonIds: ['a', ''] })).toEqual(['addonIds.1:required']);
  });

  it('checks the IP address, system user and password', () => {
    expect(validate(subscriptionCreateSchema, { ...base, ipAddress: '203.0.113.10', systemUser: 'shop_1', password: 'longenough' }).ok).toBe(true);
    expect(validate(subscriptionCreateSchema, { ...base, ipAddress: '2001:db8::1' }).ok).toBe(true);
    expect(codes(subscriptionCreateSchema, { ...base, ipAddress: '999.1.1.1', systemUser: 'Shop', password: 'short' })).toEqual([
      'ipAddress:invalid_ip',
      'systemUser:invalid_system_user',
      'password:password_too_short',
    ]);
  });
});

describe('bulkActionSchema', () => {
  it('takes an action and at least one id', () => {
    expect(validate(bulkActionSchema, { action: 'suspend', ids: ['s1', 's2'] }).ok).toBe(true);
    expect(codes(bulkActionSchema, { action: 'explode', ids: [] })).toEqual(['action:invalid_option', 'ids:required']);
    expect(codes(bulkActionSchema, { action: 'remove' })).toEqual(['ids:required']);
  });

  it('needs the target of Change Plan and Change Subscriber (null is a valid target)', () => {
    expect(codes(bulkActionSchema, { action: 'change-plan', ids: ['s1'] })).toEqual(['planId:required']);
    expect(validate(bulkActionSchema, { action: 'change-plan', ids: ['s1'], planId: null }).ok).toBe(true);
    expect(validate(bulkActionSchema, { action: 'change-plan', ids: ['s1'], planId: 'p', addonIds: ['a'] }).ok).toBe(true);
    expect(codes(bulkActionSchema, { action: 'change-subscriber', ids: ['s1'] })).toEqual(['ownerId:required']);
    expect(validate(bulkActionSchema, { action: 'change-subscriber', ids: ['s1'], ownerId: null }).ok).toBe(true);
  });
});

describe('providerPatchSchema', () => {
  it('takes partial limits, permissions and the oversell flag', () => {
    const patch = { limits: { max_db: 5, max_cl: -1, disk_space: 2 ** 40 }, permissions: { create_clients: false, manage_php_version: true }, oversell: true };
    expect(validate(providerPatchSchema, patch)).toEqual({ ok: true, value: patch });
    expect(validate(providerPatchSchema, {}).ok).toBe(true);
  });

  it('refuses unknown keys and bad numbers', () => {
    expect(codes(providerPatchSchema, { limits: { bogus: 1, max_db: -5 }, permissions: { manage_dns: 1 }, root: true })).toEqual([
      'limits.max_db:invalid_number',
      'limits.bogus:unknown_key',
      'permissions.manage_dns:invalid_type',
      'root:unknown_key',
    ]);
  });
});

describe('settingsSchema', () => {
  it('bounds latency and failure rate', () => {
    expect(validate(settingsSchema, { latencyMs: 0, failureRate: 0 }).ok).toBe(true);
    expect(validate(settingsSchema, { latencyMs: 10_000, failureRate: 1 }).ok).toBe(true);
    expect(issues(settingsSchema, { latencyMs: 10_001, failureRate: -0.1 })).toEqual([
      { path: 'latencyMs', code: 'too_large', params: { max: 10_000 } },
      { path: 'failureRate', code: 'too_small', params: { min: 0 } },
    ]);
    expect(codes(settingsSchema, { latencyMs: 1.5, failureRate: '0.5' })).toEqual(['latencyMs:invalid_number', 'failureRate:invalid_number']);
  });
});
