import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cookie, CookieJar, MemoryCookieStore } from './tough-cookie';

/**
 * The browser build swaps tough-cookie for an empty jar (vite.config.ts). That is only right as
 * long as the mock never sets or reads a cookie, and msw's calls still work on the empty jar.
 */
describe('the tough-cookie stand-in', () => {
  it('answers every call msw makes, keeping nothing', async () => {
    const store = new MemoryCookieStore();
    store.idx = {};
    const jar = new CookieJar(store);
    await expect(jar.setCookie()).resolves.toBeUndefined();
    expect(jar.getCookiesSync()).toEqual([]);
    expect(Cookie.fromJSON()).toBeNull();
  });

  it('is safe: no handler of the mock sets or reads a cookie', () => {
    const dir = new URL('../handlers/', import.meta.url);
    const files = [
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => new URL(f, dir)),
      new URL('../http.ts', import.meta.url),
      new URL('../handlers.ts', import.meta.url),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(readFileSync(file, 'utf8'), file.pathname).not.toMatch(/cookie/i);
  });
});
