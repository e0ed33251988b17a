/**
 * Validation of everything a user or a client sends (SPEC §1.1, §2). Schemas report stable
 * CODES, not prose: the UI turns a code into a sentence in the user's language
 * (`issueSentence` over the `validation` catalogue), and the API puts codes in its 422 `issues`. zod/mini keeps the bundle
 * small; forms validate with them through `domainResolver` (src/ui/field-error.tsx).
 */
import { z } from 'zod/mini';
import {
  NUMERIC_RESOURCE_KEYS,
  OVERUSE_POLICIES,
  PERMISSION_KEYS,
  PHP_HANDLERS,
  RESELLER_LIMIT_KEYS,
  RESELLER_PERMISSION_KEYS,
  SHELL_OPTIONS,
  WEBSTAT_OPTIONS,
} from './types';
import type { HostingKey, NumericResourceKey, PermissionKey, PhpKey, ResellerLimitKey, ResellerPermissionKey } from './types';
import { formatValue, type Lang } from './format';
import { BUILD_LIMITS, FIELD_LIMITS, REQUEST_LIMITS } from './limits';

// ---------------------------------------------------------------------------------------------
// Building blocks

type Issue = { code: string; input?: unknown };

/** Error for a type mismatch: a missing value reads "required", a wrong one `code`. */
function orRequired(code: string) {
  return { error: (iss: Issue) => (iss.input === undefined || iss.input === null ? 'required' : code) };
}

/**
 * Characters that can hide or reorder text or break a line in a one-line name: C0/C1 controls,
 * line/paragraph separators, bidi overrides and isolates (they make "gpj.exe" look like
 * "exe.jpg"), and every invisible formatting character (Unicode category Cf: zero-width space,
 * joiners, LRM/RLM, word joiner, soft hyphen, BOM, …) plus the blank "letters" (Hangul fillers,
 * braille blank, combining grapheme joiner): with them a name can look exactly like another one,
 * or like nothing at all (an empty link).
 */
// eslint-disable-next-line no-misleading-character-class -- a class of single invisible code points, on purpose
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0]/u;
export function hasControlCharacters(text: string): boolean {
  return INVISIBLE.test(text);
}
// eslint-disable-next-line no-misleading-character-class -- the same class, every occurrence
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** The text without those characters (repairing a record saved before they were refused). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, '');
}

/**
 * The form under which two names count as the same (plan names are unique per kind): NFKC
 * (full-width "Ｓｔａｒｔｅｒ" and ligatures fold to plain letters), case-folded, white space
 * runs as one space. Used by the API's uniqueness index and by imports.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Runs of white space inside a one-line text become one space (two spaces would look like one). */
const collapseSpaces = z.overwrite<string>((s) => s.replace(/\s+/gu, ' '));

const tooLong = (max: number) => z.maxLength(max, { error: 'too_long', abort: true });
// Empty input reports "required" alone, not also every format it fails.
const nonEmpty = z.minLength(1, { error: 'required', abort: true });
const noControl = z.refine<string>((s) => !hasControlCharacters(s), 'invalid_characters');

/** One line of free text, trimmed and NFC-normalized; may be empty. */
function text(max: number) {
  return z.string(orRequired('invalid_type')).check(z.trim(), tooLong(max), z.normalize('NFC'), noControl, collapseSpaces);
}

/** A required one-line name: whitespace-only counts as empty. */
function requiredText(max: number) {
  return z.string(orRequired('invalid_type')).check(z.trim(), nonEmpty, tooLong(max), z.normalize('NFC'), noControl, collapseSpaces);
}

export const idSchema = z.string(orRequired('invalid_type')).check(nonEmpty, tooLong(100));
const id = idSchema;

function unique(items: readonly string[]): boolean {
  return new Set(items).size === items.length;
}

export const idListSchema = z
  .array(id, orRequired('invalid_type'))
  .check(z.maxLength(REQUEST_LIMITS.addonIds, { error: 'too_many', abort: true }), z.refine(unique, 'duplicate_value'));

/** Builds an object shape giving every key of a list the same schema. */
function shapeOf<K extends string, S>(keys: readonly K[], schema: S): Record<K, S> {
  return Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>;
}

// ---------------------------------------------------------------------------------------------
// Formats

export const LOGIN_PATTERN = /^[a-z][a-z0-9._-]{0,59}$/;
const SYSTEM_USER_PATTERN = /^[a-z][a-z0-9._-]{0,31}$/;
const EMAIL_PATTERN =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64})*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN_PATTERN = new RegExp(`^(?:${LABEL}\\.)+${LABEL}$`);
const PHONE_PATTERN = /^[0-9+().\s-]*$/;
const POSTAL_CODE_PATTERN = /^[A-Za-z0-9 -]*$/;
const PHP_SIZE_PATTERN = /^(?:-1|\d{1,10}[KMG]?)$/;
const PHP_SECONDS_PATTERN = /^\d{1,6}$/;
const ISO_DATE_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** ISO 3166-1 alpha-2 codes officially assigned. */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR ' +
  'BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ ' +
  'EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW ' +
  'GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY ' +
  'KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV ' +
  'MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
  'QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG ' +
  'TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');
const COUNTRIES = new Set(COUNTRY_CODES);

export function isDomainName(domain: string): boolean {
  if (domain.length > 253 || !DOMAIN_PATTERN.test(domain)) return false;
  // An all-digit last label would make an IP address pass as a domain.
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  return /[a-z]/.test(tld);
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match?.[1] || Number.isNaN(Date.parse(value))) return false;
  // Date.parse rolls 2025-02-30 over to March; a real date reads back the same.
  const day = new Date(`${match[1]}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === match[1];
}

function isIpAddress(value: string): boolean {
  return z.regexes.ipv4.test(value) || z.regexes.ipv6.test(value);
}

// ---------------------------------------------------------------------------------------------
// Values (SPEC §2 "values")

/** A numeric resource or limit: a whole number, -1 for Unlimited. */
export const limitNumber = z.int(orRequired('invalid_number')).check(z.gte(-1, 'invalid_number'));
const enumOf = <const T extends readonly string[]>(options: T) => z.enum(options, orRequired('invalid_option'));
export const flag = z.boolean(orRequired('invalid_type'));
const expiration = z.union(
  [z.literal(-1, orRequired('invalid_date')), z.string(orRequired('invalid_date')).check(z.refine(isIsoDate, 'invalid_date'))],
  orRequired('invalid_date'),
);
const phpSize = z.string(orRequired('invalid_php_value')).check(z.trim(), z.regex(PHP_SIZE_PATTERN, 'invalid_php_value'));
const phpSeconds = z.string(orRequired('invalid_php_value')).check(z.trim(), z.regex(PHP_SECONDS_PATTERN, 'invalid_php_value'));

const resourcesSchema = z.strictObject({
  overuse: enumOf(OVERUSE_POLICIES),
  expiration,
  ...shapeOf(NUMERIC_RESOURCE_KEYS, limitNumber),
});
const permissionsSchema = z.strictObject(shapeOf(PERMISSION_KEYS, flag));
const hostingSchema = z.strictObject({
  php: flag,
  php_handler_id: enumOf(PHP_HANDLERS),
  ssl: flag,
  cgi: flag,
  perl: flag,
  python: flag,
  fastcgi: flag,
  ssi: flag,
  errdocs: flag,
  webstat: enumOf(WEBSTAT_OPTIONS),
  shell: enumOf(SHELL_OPTIONS),
});
const phpSchema = z.strictObject({
  memory_limit: phpSize,
  max_execution_time: phpSeconds,
  post_max_size: phpSize,
  upload_max_filesize: phpSize,
});

// Compile-time guard: the hosting and PHP shapes above name exactly the keys of types.ts.
type SameKeys<A, B> = [keyof A] extends [B] ? ([B] extends [keyof A] ? true : never) : never;
const hostingKeysMatch: SameKeys<typeof hostingSchema.shape, HostingKey> = true;
const phpKeysMatch: SameKeys<typeof phpSchema.shape, PhpKey> = true;
void hostingKeysMatch;
void phpKeysMatch;

export const valuesSchema = z.strictObject({
  resources: resourcesSchema,
  permissions: permissionsSchema,
  hosting: hostingSchema,
  php: phpSchema,
});

/** A partial `values` (PUT /subscriptions/:id/values, plan edits): any subset, no unknown key. */
export const valuesPatchSchema = z.strictObject({
  resources: z.optional(z.partial(resourcesSchema)),
  permissions: z.optional(z.partial(permissionsSchema)),
  hosting: z.optional(z.partial(hostingSchema)),
  php: z.optional(z.partial(phpSchema)),
});

// ---------------------------------------------------------------------------------------------
// Customers

const password = z.string(orRequired('invalid_type')).check(z.minLength(FIELD_LIMITS.passwordMin, 'password_too_short'), tooLong(FIELD_LIMITS.password));

export const customerFields = {
  contactName: requiredText(FIELD_LIMITS.contactName),
  companyName: z.optional(text(FIELD_LIMITS.companyName)),
  // Not trimmed: a login is an identifier, " bob" is not "bob".
  login: z.string(orRequired('invalid_type')).check(nonEmpty, tooLong(FIELD_LIMITS.login), z.regex(LOGIN_PATTERN, 'invalid_login')),
  password,
  // Empty means "none" for every optional contact field.
  email: z.optional(
    z.string(orRequired('invalid_type')).check(
      z.trim(),
      tooLong(FIELD_LIMITS.email),
      z.refine((s: string) => s === '' || EMAIL_PATTERN.test(s), 'invalid_email'),
    ),
  ),
  phone: z.optional(text(FIELD_LIMITS.phone).check(z.regex(PHONE_PATTERN, 'invalid_phone'))),
  address: z.optional(text(FIELD_LIMITS.address)),
  city: z.optional(text(FIELD_LIMITS.city)),
  postalCode: z.optional(text(FIELD_LIMITS.postalCode).check(z.regex(POSTAL_CODE_PATTERN, 'invalid_postal_code'))),
  country: z.optional(
    z.string(orRequired('invalid_type')).check(
      z.trim(),
      z.refine((s: string) => s === '' || COUNTRIES.has(s), 'invalid_country'),
    ),
  ),
};

export const customerCreateSchema = z.object(customerFields);
/** PATCH /customers/:id: any subset; a present field obeys the same rules (password too). */
export const customerPatchSchema = z.partial(customerCreateSchema);

// ---------------------------------------------------------------------------------------------
// Service plans

export const planNameSchema = requiredText(FIELD_LIMITS.planName);
const planName = planNameSchema;

export const planCreateSchema = z.object({
  kind: enumOf(['hosting', 'addon'] as const),
  name: planName,
  values: z.optional(valuesPatchSchema),
});

export const planUpdateSchema = z.object({
  name: z.optional(planName),
  values: z.optional(valuesPatchSchema),
});

// ---------------------------------------------------------------------------------------------
// Subscriptions

export const ipAddressSchema = z.string(orRequired('invalid_type')).check(z.trim(), tooLong(45), z.refine(isIpAddress, 'invalid_ip'));
export const systemUserSchema = z.string(orRequired('invalid_type')).check(z.regex(SYSTEM_USER_PATTERN, 'invalid_system_user'));
/** A stored date (createdAt, expiresAt): ISO 8601, a real calendar day. */
export const isoDateSchema = z.string(orRequired('invalid_date')).check(z.refine(isIsoDate, 'invalid_date'));

export const domainSchema = z
  .string(orRequired('invalid_type'))
  .check(z.trim(), z.toLowerCase(), nonEmpty, tooLong(253), z.refine(isDomainName, 'invalid_domain'));

export const subscriptionCreateSchema = z
  .object({
    domain: domainSchema,
    /** null = the reseller's own subscription. */
    ownerId: z.nullable(id),
    /** null = Custom subscription. */
    planId: z.nullable(id),
    addonIds: z.optional(idListSchema),
    ipAddress: z.optional(ipAddressSchema),
    systemUser: z.optional(systemUserSchema),
    password: z.optional(password),
  })
  .check(noAddonsWithoutPlan);

/** SPEC §2: `planId: null` (Custom) with add-ons is refused, not silently dropped. */
function noAddonsWithoutPlan(ctx: { value: { planId?: string | null | undefined; addonIds?: readonly string[] | undefined }; issues: unknown[] }) {
  if (ctx.value.planId === null && (ctx.value.addonIds?.length ?? 0) > 0) {
    ctx.issues.push({ code: 'custom', message: 'custom_has_no_addons', path: ['addonIds'], input: ctx.value.addonIds });
  }
}

export const BULK_ACTIONS = ['change-plan', 'change-subscriber', 'suspend', 'activate', 'remove', 'sync'] as const;
export type BulkActionName = (typeof BULK_ACTIONS)[number];

export const bulkActionSchema = z
  .object({
    action: enumOf(BULK_ACTIONS),
    // Capped before any id is looked at: a million ids would block the page for seconds.
    ids: z.array(id, orRequired('invalid_type')).check(nonEmpty, z.maxLength(REQUEST_LIMITS.bulkIds, { error: 'too_many', abort: true })),
    /** null = make the subscriptions Custom. */
    planId: z.optional(z.nullable(id)),
    addonIds: z.optional(idListSchema),
    /** null = the reseller itself. */
    ownerId: z.optional(z.nullable(id)),
    /** If-Match per id (SPEC §2): a stale one is refused with 412 in that id's result. */
    etags: z.optional(z.record(z.string(), z.string(orRequired('invalid_type')))),
  })
  .check(
    // Absent and null differ here: null is a choice (Custom / the reseller), absent is a mistake.
    z.refine((b) => b.action !== 'change-plan' || b.planId !== undefined, { message: 'required', path: ['planId'] }),
    noAddonsWithoutPlan,
    z.refine((b) => b.action !== 'change-subscriber' || b.ownerId !== undefined, {
      message: 'required',
      path: ['ownerId'],
    }),
  );

// ---------------------------------------------------------------------------------------------
// Prototype tools

export const providerPatchSchema = z.strictObject({
  limits: z.optional(
    z.partial(
      z.strictObject(shapeOf<NumericResourceKey | ResellerLimitKey, typeof limitNumber>([...NUMERIC_RESOURCE_KEYS, ...RESELLER_LIMIT_KEYS], limitNumber)),
    ),
  ),
  permissions: z.optional(
    z.partial(z.strictObject(shapeOf<PermissionKey | ResellerPermissionKey, typeof flag>([...PERMISSION_KEYS, ...RESELLER_PERMISSION_KEYS], flag))),
  ),
  oversell: z.optional(flag),
});

/** A share of the built subscriptions, 0..1 in steps of BUILD_LIMITS.shareStep (0.01 %). */
const share = z.number(orRequired('invalid_share')).check(
  z.gte(0, 'invalid_share'),
  z.lte(1, 'invalid_share'),
  z.refine((v) => Math.abs(Math.round(v / BUILD_LIMITS.shareStep) * BUILD_LIMITS.shareStep - v) < 1e-12, 'invalid_share'),
);
const buildCount = (min: number, max: number) => z.int(orRequired('invalid_whole_number')).check(z.gte(min, 'too_small'), z.lte(max, 'too_large'));

/**
 * POST /_mock/build (the scenario builder): counts and a mix of states, built from `seed`.
 * Unsynced, Locked and Custom are sync states, so a subscription has one of them at most: their
 * shares add up to 1 at most (the rest are Synced). Suspended and Overused are independent of
 * them and of each other. An Unsynced subscription is on a plan offering what the reseller lacks,
 * so Unsynced needs 2 plans or more (one that fits, one that does not).
 */
export const buildRequestSchema = z
  .strictObject({
    seed: buildCount(0, BUILD_LIMITS.seed),
    customers: buildCount(0, BUILD_LIMITS.customers),
    subscriptions: buildCount(0, BUILD_LIMITS.subscriptions),
    plans: buildCount(1, BUILD_LIMITS.plans),
    mix: z.optional(
      z.strictObject({
        unsynced: z.optional(share),
        locked: z.optional(share),
        custom: z.optional(share),
        suspended: z.optional(share),
        overused: z.optional(share),
      }),
    ),
  })
  .check((ctx) => {
    const mix = ctx.value.mix ?? {};
    const exclusive = Math.round(((mix.unsynced ?? 0) + (mix.locked ?? 0) + (mix.custom ?? 0)) / BUILD_LIMITS.shareStep);
    if (exclusive > Math.round(1 / BUILD_LIMITS.shareStep)) {
      ctx.issues.push({ code: 'custom', message: 'shares_over_one', path: ['mix'], input: mix });
    }
    if ((mix.unsynced ?? 0) > 0 && ctx.value.plans < 2) {
      ctx.issues.push({ code: 'custom', message: 'unsynced_needs_plans', path: ['mix', 'unsynced'], input: mix.unsynced });
    }
  });
export type BuildRequest = z.infer<typeof buildRequestSchema>;

/**
 * A `failOn` pattern (SPEC §2): `"METHOD /path"`, the path as the API reference writes it
 * (without `/api/v1`), `*` standing for one path segment, e.g. `POST /subscriptions/* /sync`
 * (without the space). The method may be `*` too.
 */
export const FAIL_ON_PATTERN = /^(\*|GET|POST|PUT|PATCH|DELETE) (\/(\*|[A-Za-z0-9._~%-]+))+\/?$/;
export const MAX_FAIL_ON = 50;

export const settingsSchema = z.object({
  latencyMs: z.int(orRequired('invalid_number')).check(z.gte(0, 'too_small'), z.lte(10_000, 'too_large')),
  failureRate: z.number(orRequired('invalid_number')).check(z.gte(0, 'too_small'), z.lte(1, 'too_large')),
  /** Limits faults to the requests that match one of these patterns; absent or empty = all. */
  failOn: z.optional(
    z.array(z.string(orRequired('invalid_type')).check(z.regex(FAIL_ON_PATTERN, 'invalid_fail_on'))).check(z.maxLength(MAX_FAIL_ON, 'too_many')),
  ),
});
export type MockSettings = z.infer<typeof settingsSchema>;

/** Whether a request (method, path without `/api/v1`) matches a `failOn` pattern. */
export function matchesFailOn(pattern: string, method: string, path: string): boolean {
  const space = pattern.indexOf(' ');
  const want = pattern.slice(0, space);
  if (want !== '*' && want !== method.toUpperCase()) return false;
  const segments = (p: string) => p.replace(/\/+$/, '').split('/').slice(1);
  const expected = segments(pattern.slice(space + 1));
  const actual = segments(path);
  return expected.length === actual.length && expected.every((seg, i) => seg === '*' || seg === actual[i]);
}

/**
 * The one reading of a typed or URL latency / failure rate (the tools form and `?latency=` /
 * `?failureRate=` use it, so they accept exactly the same text): plain decimal digits only — no
 * `0x10`, `1e3`, `Infinity` or empty text, which `Number()` would take — then the ranges of
 * `settingsSchema`. A failure rate may use a decimal comma (`0,5`).
 */
export function parseLatencyText(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^\d{1,6}$/.test(text)) return undefined;
  const value = Number(text);
  return validate(settingsSchema.shape.latencyMs, value).ok ? value : undefined;
}
export function parseFailureRateText(raw: string): number | undefined {
  const text = raw.trim().replace(',', '.');
  if (!/^(?:\d{1,3}(?:\.\d{0,12})?|\.\d{1,12})$/.test(text)) return undefined;
  const value = Number(text);
  return validate(settingsSchema.shape.failureRate, value).ok ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reporting

export type ValidationIssue = { path: string; code: string; params?: Record<string, string | number> };
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** The code of an issue no schema named explicitly. */
function defaultCode(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return 'required';
      return iss.expected === 'number' || iss.expected === 'int' ? 'invalid_number' : 'invalid_type';
    case 'too_big':
      return iss.origin === 'string' ? 'too_long' : iss.origin === 'array' ? 'too_many' : 'too_large';
    case 'too_small':
      return iss.origin === 'string' ? 'too_short' : iss.origin === 'array' ? 'required' : 'too_small';
    case 'invalid_value':
      return 'invalid_option';
    case 'unrecognized_keys':
      return 'unknown_key';
    default:
      return 'invalid_value';
  }
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** Parses `input`; on failure, one issue per field with a stable code and its parameters. */
export function validate<T>(schema: z.ZodMiniType<T>, input: unknown): ValidationResult<T> {
  const result = z.safeParse(schema, input, { error: defaultCode });
  if (result.success) return { ok: true, value: result.data };
  const issues: ValidationIssue[] = [];
  for (const iss of result.error.issues) {
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) issues.push({ path: joinPath([...iss.path, key]), code: 'unknown_key' });
      continue;
    }
    const issue: ValidationIssue = { path: joinPath(iss.path), code: iss.message };
    if (iss.code === 'too_big') issue.params = { max: Number(iss.maximum) };
    if (iss.code === 'too_small') issue.params = { min: Number(iss.minimum) };
    issues.push(issue);
  }
  return { ok: false, issues };
}

/**
 * The sentences themselves are in the i18next catalogues (`src/i18n/locales/<lang>/validation.json`,
 * one key per code); this is what both translators (the UI's and the mock API's English) share.
 */
export type Translate = (key: string, options: Record<string, unknown>) => string;

/**
 * The sentence for an issue in `t`'s language, with its parameters filled in by i18next; unknown
 * codes get the generic one. An `available` amount is formatted like the item it belongs to
 * (`params.key`): 500 GB, Unlimited.
 */
export function issueSentence(t: Translate, issue: Pick<ValidationIssue, 'code' | 'params'>, lang: Lang): string {
  const params: Record<string, unknown> = { ...issue.params };
  const key = issue.params?.key;
  if (params.available !== undefined && typeof key === 'string') params.available = formatValue('resources', key, params.available, lang);
  return t(issue.code, { ...params, defaultValue: t('invalid_value', {}) });
}
