import { describe, expect, it } from 'vitest';
import * as real from 'tough-cookie';
import { getDomain as realGetDomain } from 'tldts';
import * as shim from './tough-cookie';
import { getDomain } from './tldts';

/**
 * The browser build swaps tough-cookie and tldts for these shims (vite.config.ts). The same
 * msw calls must give the same results as the real packages, so each case runs on both.
 */
type Jar = { setCookie(c: string, url: string): Promise<unknown>; getCookiesSync(url: string): { toString(): string }[] };

/** What a jar answers: each Set-Cookie accepted or the rejection, then the cookies each URL gets. */
async function run(jar: Jar, sets: [string, string][], gets: string[]) {
  const outcomes: string[] = [];
  for (const [header, url] of sets) {
    try {
      const cookie = await jar.setCookie(header, url);
      outcomes.push(cookie ? 'stored' : 'ignored');
    } catch (error) {
      outcomes.push(`rejected: ${(error as Error).message.split('.')[0] ?? ''}`);
    }
  }
  const sent = gets.map((url) => {
    try {
      return jar.getCookiesSync(url).map(String);
    } catch (error) {
      return [`threw: ${(error as Error).message.split('.')[0] ?? ''}`];
    }
  });
  return { outcomes, sent };
}

const far = 'Wed, 21 Oct 2099 07:28:00 GMT';
const past = 'Wed, 21 Oct 2015 07:28:00 GMT';

const SETS: [string, string][] = [
  ['session=abc', 'http://localhost:5173/api/subscriptions'],
  ['theme=dark; Path=/; Max-Age=3600', 'http://localhost:5173/'],
  ['theme=light; Path=/api', 'http://localhost:5173/api/x'],
  [`remember=1; Expires=${far}; HttpOnly; SameSite=Lax`, 'http://localhost:5173/'],
  [`gone=1; Expires=${past}`, 'http://localhost:5173/'],
  ['zero=1; Max-Age=0', 'http://localhost:5173/'],
  ['sec=1; Secure', 'http://localhost:5173/'],
  ['sec2=1; Secure', 'http://panel.example.com/'],
  ['dom=1; Domain=example.com', 'http://panel.example.com/a/b'],
  ['dom2=1; Domain=.Example.COM; Path=/a', 'http://panel.example.com/a/b'],
  ['other=1; Domain=other.com', 'http://panel.example.com/'],
  ['psl=1; Domain=com', 'http://panel.example.com/'],
  ['special=1; Domain=test', 'http://panel.test/'],
  ['__Secure-a=1', 'https://panel.example.com/'],
  ['__Secure-b=1; Secure', 'https://panel.example.com/'],
  ['__Host-c=1; Secure; Path=/', 'https://panel.example.com/'],
  ['__Host-d=1; Secure; Path=/; Domain=example.com', 'https://panel.example.com/'],
  ['ext=1; Priority=High; Partitioned', 'http://127.0.0.1:4173/x/'],
  ['ip=1; Domain=127.0.0.1', 'http://127.0.0.1:4173/'],
  ['noname', 'http://localhost/'],
  ['=novalue', 'http://localhost/'],
  ['bad\u0001=x', 'http://localhost/'],
  ['session=def', 'http://localhost:5173/api/subscriptions'],
  ['dated=1; Expires=Sun, 06 Nov 94 08:49:37 GMT', 'http://localhost/'],
  ['weird=1; Expires=not a date; Max-Age=abc; SameSite=odd; Path=relative', 'http://localhost/deep/path/here'],
];

const GETS = [
  'http://localhost:5173/api/subscriptions',
  'http://localhost:5173/api/subscriptions?page=2',
  'http://localhost:5173/',
  'http://localhost:5173/apix',
  'https://localhost/',
  'http://panel.example.com/a/b/c',
  'http://www.panel.example.com/a',
  'http://example.com/',
  'https://panel.example.com/',
  'http://127.0.0.1:4173/x/y',
  'http://[::1]:4173/',
  'http://localhost/deep/path/x',
  'http://test/',
];

describe('tough-cookie shim', () => {
  it('stores and sends the same cookies as tough-cookie', async () => {
    const expected = await run(new real.CookieJar(new real.MemoryCookieStore()), SETS, GETS);
    const actual = await run(new shim.CookieJar(new shim.MemoryCookieStore()), SETS, GETS);
    expect(actual).toEqual(expected);
    expect(expected.sent[0]).toHaveLength(5); // the cases do exercise storing and sending
  });

  it('parses Set-Cookie values and round-trips them through JSON as tough-cookie does', () => {
    for (const [header] of SETS) {
      const a = real.Cookie.parse(header);
      const b = shim.Cookie.parse(header);
      expect(b?.toString(), header).toEqual(a?.toString());
      const strip = (json: Record<string, unknown> | undefined) => json && { ...json, creation: undefined };
      expect(strip(b?.toJSON()), header).toEqual(strip(a?.toJSON() as Record<string, unknown> | undefined));
      if (!a || !b) continue;
      const json = JSON.parse(JSON.stringify(a.toJSON())) as Record<string, unknown>;
      expect(shim.Cookie.fromJSON(json)?.toJSON()).toEqual(real.Cookie.fromJSON(json)?.toJSON());
    }
    expect(shim.Cookie.fromJSON('')).toBeUndefined();
    expect(shim.Cookie.fromJSON('{oops')).toBeUndefined();
  });

  it('restores a persisted jar index (as msw does from localStorage)', () => {
    const persisted = [{ key: 'a', value: '1', domain: 'localhost', path: '/', hostOnly: true, creation: '2026-01-01T00:00:00.000Z', lastAccessed: '2026-01-01T00:00:00.000Z' }];
    const restore = <C extends { domain: string | null; path: string | null; key: string }>(fromJSON: (raw: unknown) => C | undefined) => {
      const idx: Record<string, Record<string, Record<string, C>>> = {};
      for (const raw of persisted) {
        const cookie = fromJSON(raw);
        if (cookie?.domain && cookie.path) ((idx[cookie.domain] ??= {})[cookie.path] ??= {})[cookie.key] = cookie;
      }
      return idx;
    };
    const realStore = new real.MemoryCookieStore();
    realStore.idx = restore((raw) => real.Cookie.fromJSON(raw));
    const shimStore = new shim.MemoryCookieStore();
    shimStore.idx = restore((raw) => shim.Cookie.fromJSON(raw));
    const jars = [new real.CookieJar(realStore), new shim.CookieJar(shimStore)];
    expect(jars[1]?.getCookiesSync('http://localhost:5173/api').map(String)).toEqual(jars[0]?.getCookiesSync('http://localhost:5173/api').map(String));
  });
});

describe('tldts shim', () => {
  it('gives the registrable domain as tldts for single-label public suffixes, localhost and IPs', () => {
    const hosts = ['localhost', '127.0.0.1', '::1', '[::1]', 'example.com', 'a.b.example.com', 'Example.COM', 'example.com.', 'panel.test', 'foo', '1.2.3', 'a..b', '', 'a b.com', 'http://localhost:4173/api', 'https://app.example.com/x'];
    for (const host of hosts) expect(getDomain(host), host).toBe(realGetDomain(host, { allowIcannDomains: true, allowPrivateDomains: true }));
  });

  it('treats multi-label public suffixes by the default rule (the documented difference)', () => {
    expect(getDomain('shop.example.co.uk')).toBe('co.uk');
  });
});
