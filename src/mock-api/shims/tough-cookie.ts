/**
 * Browser-build stand-in for `tough-cookie` (aliased in vite.config.ts). msw keeps the cookies
 * its mocked responses set in a jar (msw/lib/core/utils/cookieStore.mjs) and only uses
 * `new MemoryCookieStore()` (+ its `idx`), `new CookieJar(store)`, `jar.getCookiesSync(url)`,
 * `jar.setCookie(setCookie, url)`, `Cookie.fromJSON()` and `cookie.toJSON()`/`toString()`.
 * This is a port of exactly those paths with tough-cookie's default options (RFC 6265 parsing,
 * host-only/domain/path matching, Secure, expiry, __Secure-/__Host- prefixes, sorting), about a
 * tenth of the size. Public suffixes come from ./tldts (the list's default rule). The Node
 * tests keep the real package, and shims.test.ts checks this port against it.
 */
import { getDomain } from './tldts';

type When = Date | 'Infinity';
type MaxAge = number | 'Infinity' | '-Infinity';

const DEFAULTS: Record<string, unknown> = {
  key: '',
  value: '',
  expires: 'Infinity',
  maxAge: null,
  domain: null,
  path: null,
  secure: false,
  httpOnly: false,
  extensions: null,
  hostOnly: null,
  pathIsDefault: null,
  creation: null,
  lastAccessed: null,
  sameSite: undefined,
};
const DATES = new Set(['expires', 'creation', 'lastAccessed']);
const isString = (v: unknown) => typeof v === 'string';
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isWhen = (v: unknown) => v === null || typeof v === 'number' || typeof v === 'string' || v instanceof Date;
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isBooleanOrNull = (v: unknown) => v === null || typeof v === 'boolean';
/** Which restored values fromJSON() accepts, per property (as tough-cookie). */
const SERIALIZED: Record<string, (value: unknown) => boolean> = {
  key: isString,
  value: isString,
  sameSite: isString,
  expires: isWhen,
  creation: isWhen,
  lastAccessed: isWhen,
  maxAge: (v) => typeof v === 'number' || v === 'Infinity' || v === '-Infinity',
  domain: isStringOrNull,
  path: isStringOrNull,
  secure: isBoolean,
  httpOnly: isBoolean,
  extensions: (v) => Array.isArray(v) && v.every(isString),
  hostOnly: isBooleanOrNull,
  pathIsDefault: isBooleanOrNull,
};
const CONTROL_CHARS = /[\x00-\x1F]/; // eslint-disable-line no-control-regex
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const isIp = (host: string) => IPV4.test(host) || host.includes(':');

// --- Dates (RFC 6265 §5.1.1, as tough-cookie's parseDate) ---------------------------------------
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DELIMITER = /[\x09\x20-\x2F\x3B-\x40\x5B-\x60\x7B-\x7E]/; // eslint-disable-line no-control-regex
const TIME = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[\x00-\x2F\x3A-\xFF][\x00-\xFF]*)?$/; // eslint-disable-line no-control-regex
const DAY_OF_MONTH = /^[0-9]{1,2}(?:[\x00-\x2F\x3A-\xFF][\x00-\xFF]*)?$/; // eslint-disable-line no-control-regex
const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[\x00-\xFF]*$/i; // eslint-disable-line no-control-regex
const YEAR = /^[\x30-\x39]{2,4}(?:[\x00-\x2F\x3A-\xFF][\x00-\xFF]*)?$/; // eslint-disable-line no-control-regex

function parseDate(input: string): Date | undefined {
  let time: number[] | undefined;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  for (const token of input.split(DELIMITER)) {
    if (!token) continue;
    const hms = time ? null : TIME.exec(token);
    if (hms) time = [Number(hms[1]), Number(hms[2]), Number(hms[3])];
    else if (day === undefined && DAY_OF_MONTH.test(token)) day = parseInt(token, 10);
    else if (month === undefined && MONTH.test(token)) month = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
    else if (year === undefined && YEAR.test(token)) year = parseInt(token, 10);
  }
  if (year !== undefined) year += year >= 70 && year <= 99 ? 1900 : year <= 69 ? 2000 : 0;
  if (!time || day === undefined || month === undefined || year === undefined) return undefined;
  const [h = 0, m = 0, s = 0] = time;
  if (day < 1 || day > 31 || year < 1601 || h > 23 || m > 59 || s > 59) return undefined;
  const date = new Date(Date.UTC(year, month, day, h, m, s));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day ? date : undefined;
}

// --- Domains and paths ---------------------------------------------------------------------------
function canonicalDomain(name: string | null | undefined): string | undefined {
  if (name == null) return undefined;
  const str = name.trim().replace(/^\./, '');
  try {
    if (/^\[?[\da-f:.]*:[\da-f:.]*\]?$/i.test(str)) return new URL(`http://[${str.replace(/^\[|\]$/g, '')}]`).hostname.slice(1, -1);
    if (/[^\u0001-\u007f]/.test(str)) return new URL(`http://${str}`).hostname; // eslint-disable-line no-control-regex
  } catch {
    // Not a valid IPv6 address or IDN: compared as written.
  }
  return str.toLowerCase();
}

const SPECIAL_USE = ['local', 'example', 'invalid', 'localhost', 'test'];

/** tough-cookie's getPublicSuffix (the registrable domain), with special-use domains allowed. */
function registrableDomain(domain: string): string | undefined {
  const labels = domain.split('.');
  const tld = labels.at(-1) ?? '';
  if (SPECIAL_USE.includes(tld)) {
    if (labels.length > 1) return `${labels.at(-2) ?? ''}.${tld}`;
    if (tld === 'localhost' || tld === 'invalid') return tld;
    throw new Error(`Cookie has domain set to the public suffix "${tld}" which is a special use domain.`);
  }
  return getDomain(domain) ?? undefined;
}

/** The host and its parent domains down to the registrable one, where cookies for it may live. */
function permuteDomain(domain: string): string[] | undefined {
  const top = registrableDomain(domain);
  if (!top) return undefined;
  if (top === domain) return [domain];
  const host = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  const permutations = [top];
  let current = top;
  for (const label of host.slice(0, -(top.length + 1)).split('.').reverse()) permutations.push((current = `${label}.${current}`));
  return permutations;
}

function domainMatch(host: string | undefined, cookieDomain: string | null | undefined): boolean {
  if (host == null || cookieDomain == null) return false;
  if (host === cookieDomain) return true;
  const idx = host.lastIndexOf(cookieDomain);
  return idx > 0 && host.length === cookieDomain.length + idx && host[idx - 1] === '.' && !isIp(host);
}

function pathMatch(requestPath: string, cookiePath: string): boolean {
  if (cookiePath === requestPath) return true;
  return requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/');
}

function defaultPath(path: string): string {
  if (!path.startsWith('/')) return '/';
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

function context(url: string | URL) {
  const parsed = new URL(url);
  let pathname = parsed.pathname;
  try {
    pathname = decodeURI(pathname);
  } catch {
    // Keep the encoded path, as tough-cookie does.
  }
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '');
  // Secure cookies: https, or a loopback/localhost origin (tough-cookie's allowSecureOnLocal).
  const trustworthy =
    /^(https|wss):$/.test(parsed.protocol) || (IPV4.test(hostname) ? hostname.startsWith('127.') : hostname === '::1' || hostname === 'localhost' || hostname.endsWith('.localhost'));
  return { host: canonicalDomain(parsed.hostname), pathname, trustworthy };
}

// --- Cookie ----------------------------------------------------------------------------------------
let cookiesCreated = 0;

export class Cookie {
  key = '';
  value = '';
  expires: When = 'Infinity';
  maxAge: MaxAge | null = null;
  domain: string | null = null;
  path: string | null = null;
  secure = false;
  httpOnly = false;
  extensions: string[] | null = null;
  hostOnly: boolean | null = null;
  pathIsDefault: boolean | null = null;
  creation: When | null = new Date();
  lastAccessed: When | null = null;
  sameSite: string | undefined = undefined;
  creationIndex = ++cookiesCreated;

  /** Parses a Set-Cookie value (strict mode: a name is required). */
  static parse(input: string): Cookie | undefined {
    if (typeof input !== 'string' || !input) return undefined;
    const str = input.trim();
    const semi = str.indexOf(';');
    let pair = semi === -1 ? str : str.slice(0, semi);
    for (const terminator of ['\n', '\r', '\0']) if (pair.includes(terminator)) pair = pair.slice(0, pair.indexOf(terminator));
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    const c = new Cookie();
    c.key = pair.slice(0, eq).trim();
    c.value = pair.slice(eq + 1).trim();
    if (CONTROL_CHARS.test(c.key) || CONTROL_CHARS.test(c.value)) return undefined;
    if (semi === -1) return c;
    for (const raw of str.slice(semi + 1).split(';')) {
      const av = raw.trim();
      if (!av) continue;
      const sep = av.indexOf('=');
      const name = (sep === -1 ? av : av.slice(0, sep)).trim().toLowerCase();
      const value = sep === -1 ? null : av.slice(sep + 1).trim();
      switch (name) {
        case 'expires': {
          const date = value ? parseDate(value) : undefined;
          if (date) c.expires = date;
          break;
        }
        case 'max-age':
          if (value && /^-?[0-9]+$/.test(value)) c.maxAge = parseInt(value, 10);
          break;
        case 'domain': {
          const domain = value?.trim().replace(/^\./, '');
          if (domain) c.domain = domain.toLowerCase();
          break;
        }
        case 'path':
          c.path = value && value.startsWith('/') ? value : null;
          break;
        case 'secure':
          c.secure = true;
          break;
        case 'httponly':
          c.httpOnly = true;
          break;
        case 'samesite': {
          const sameSite = value?.toLowerCase();
          c.sameSite = sameSite === 'strict' || sameSite === 'lax' || sameSite === 'none' ? sameSite : undefined;
          break;
        }
        default:
          (c.extensions ??= []).push(av);
      }
    }
    return c;
  }

  /** The reverse of toJSON() (msw restores its jar from localStorage with it). */
  static fromJSON(input: unknown): Cookie | undefined {
    if (!input) return undefined;
    let obj: unknown = input;
    if (typeof input === 'string') {
      try {
        obj = JSON.parse(input);
      } catch {
        return undefined;
      }
    }
    const c = new Cookie();
    if (!obj || typeof obj !== 'object') return c;
    const target = c as unknown as Record<string, unknown>;
    for (const [prop, value] of Object.entries(obj)) {
      if (!(prop in DEFAULTS) || value === undefined || value === DEFAULTS[prop]) continue;
      if (SERIALIZED[prop]?.(value)) target[prop] = DATES.has(prop) && value !== null && value !== 'Infinity' ? new Date(value as string) : value;
    }
    return c;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const source = this as unknown as Record<string, unknown>;
    for (const prop of Object.keys(DEFAULTS)) {
      const value = source[prop];
      if (value === DEFAULTS[prop] || value === undefined) continue;
      out[prop] = value instanceof Date ? value.toISOString() : value;
    }
    return out;
  }

  cookieString(): string {
    return this.key ? `${this.key}=${this.value}` : this.value;
  }

  /** The Set-Cookie form (msw appends it to the mocked request's Cookie header). */
  toString(): string {
    let str = this.cookieString();
    if (this.expires instanceof Date) str += `; Expires=${this.expires.toUTCString()}`;
    if (this.maxAge != null && this.maxAge !== Infinity) str += `; Max-Age=${String(this.maxAge)}`;
    if (this.domain && !this.hostOnly) str += `; Domain=${this.domain}`;
    if (this.path) str += `; Path=${this.path}`;
    if (this.secure) str += '; Secure';
    if (this.httpOnly) str += '; HttpOnly';
    if (this.sameSite) {
      const canonical = { strict: 'Strict', lax: 'Lax', none: 'None' }[this.sameSite.toLowerCase()];
      str += `; SameSite=${canonical ?? this.sameSite}`;
    }
    for (const extension of this.extensions ?? []) str += `; ${extension}`;
    return str;
  }

  /** When it expires (ms since epoch); Max-Age wins over Expires. */
  expiryTime(now?: Date): number | undefined {
    if (this.maxAge != null) {
      if (this.maxAge === 'Infinity') return Infinity;
      const relativeTo = now ?? this.lastAccessed ?? new Date();
      if (relativeTo === 'Infinity') return Infinity;
      const maxAge = typeof this.maxAge === 'number' ? this.maxAge : -Infinity;
      return relativeTo.getTime() + (maxAge <= 0 ? -Infinity : maxAge * 1000);
    }
    return this.expires === 'Infinity' ? Infinity : this.expires.getTime();
  }
}

function compare(a: Cookie, b: Cookie): number {
  const time = (c: Cookie) => (c.creation instanceof Date ? c.creation.getTime() : 2147483647e3);
  return (b.path?.length ?? 0) - (a.path?.length ?? 0) || time(a) - time(b) || a.creationIndex - b.creationIndex;
}

// --- Store and jar -------------------------------------------------------------------------------
type Index = Record<string, Record<string, Record<string, Cookie>>>;

export class MemoryCookieStore {
  synchronous = true;
  idx: Index = Object.create(null) as Index;

  findCookie(domain: string | null, path: string | null, key: string): Cookie | undefined {
    return domain == null || path == null ? undefined : this.idx[domain]?.[path]?.[key];
  }

  findCookies(domain: string | undefined, path: string): Cookie[] {
    if (!domain) return [];
    const results: Cookie[] = [];
    for (const current of permuteDomain(domain) ?? [domain]) {
      const paths = this.idx[current];
      if (!paths) continue;
      for (const cookiePath in paths) {
        if (!pathMatch(path, cookiePath)) continue;
        for (const key in paths[cookiePath]) {
          const cookie = paths[cookiePath]?.[key];
          if (cookie) results.push(cookie);
        }
      }
    }
    return results;
  }

  putCookie(cookie: Cookie): void {
    const { domain, path, key } = cookie;
    if (domain == null || path == null) return;
    ((this.idx[domain] ??= Object.create(null) as Index[string])[path] ??= Object.create(null) as Index[string][string])[key] = cookie;
  }

  removeCookie(domain: string, path: string, key: string): void {
    delete this.idx[domain]?.[path]?.[key];
  }
}

export class CookieJar {
  readonly store: MemoryCookieStore;

  constructor(store?: MemoryCookieStore) {
    this.store = store ?? new MemoryCookieStore();
  }

  /** Stores a Set-Cookie value received from `url`; rejects (as tough-cookie) when it may not. */
  setCookie(input: string | Cookie, url: string | URL): Promise<Cookie | undefined> {
    try {
      return Promise.resolve(this.#set(input, url));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #set(input: string | Cookie, url: string | URL): Cookie | undefined {
    const { host, pathname, trustworthy } = context(url);
    const cookie = input instanceof Cookie ? input : Cookie.parse(String(input));
    if (!cookie) throw new Error('Cookie failed to parse');
    const now = new Date();
    if (cookie.domain) {
      const cdomain = canonicalDomain(cookie.domain) ?? '';
      if (registrableDomain(cdomain) == null && !isIp(cdomain)) throw new Error('Cookie has domain set to a public suffix');
      if (!domainMatch(host, cdomain)) throw new Error(`Cookie not in this host's domain. Cookie:${cdomain} Request:${host ?? 'null'}`);
      cookie.hostOnly ??= false;
    } else {
      cookie.hostOnly = true;
      cookie.domain = host ?? null;
    }
    if (!cookie.path?.startsWith('/')) {
      cookie.path = defaultPath(pathname);
      cookie.pathIsDefault = true;
    }
    if (cookie.secure && !trustworthy) throw new Error('Cookie is Secure but this is not a secure connection');
    // Cookie prefixes: dropped silently when their conditions are not met (prefixSecurity "silent").
    if (cookie.key.startsWith('__Secure-') && !cookie.secure) return undefined;
    if (cookie.key.startsWith('__Host-') && !(cookie.secure && cookie.hostOnly && cookie.path === '/' && !cookie.pathIsDefault)) return undefined;
    const old = this.store.findCookie(cookie.domain, cookie.path, cookie.key);
    if (old) {
      cookie.creation = old.creation;
      cookie.creationIndex = old.creationIndex;
      cookie.lastAccessed = now;
    } else {
      cookie.creation = cookie.lastAccessed = now;
    }
    this.store.putCookie(cookie);
    return cookie;
  }

  /** The cookies to send to `url`, most specific path first; expired ones are dropped from the store. */
  getCookiesSync(url: string | URL): Cookie[] {
    const { host, pathname, trustworthy } = context(url);
    const now = Date.now();
    const cookies = this.store.findCookies(host, pathname || '/').filter((c) => {
      if (c.hostOnly ? c.domain !== host : !domainMatch(host, c.domain)) return false;
      if (c.path != null && !pathMatch(pathname || '/', c.path)) return false;
      if (c.secure && !trustworthy) return false;
      const expiry = c.expiryTime();
      if (expiry !== undefined && expiry <= now) {
        if (c.domain != null && c.path != null) this.store.removeCookie(c.domain, c.path, c.key);
        return false;
      }
      return true;
    });
    cookies.sort(compare);
    const accessed = new Date();
    for (const cookie of cookies) cookie.lastAccessed = accessed;
    return cookies;
  }
}
