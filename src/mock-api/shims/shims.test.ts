import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cookieStore } from './msw-cookie-store';
import { getAllRequestCookies } from './msw-request-cookies';

/**
 * The browser build swaps msw's cookie store for one that keeps nothing (vite.config.ts). That is
 * only right as long as the mock never sets or reads a cookie, and msw's calls still work on it.
 */
describe("the stand-in for msw's cookie store", () => {
  it('answers every call msw makes, keeping nothing', async () => {
    await expect(cookieStore.setCookie('a=1; Path=/', 'http://localhost/api/v1/x')).resolves.toBeUndefined();
    expect(cookieStore.getCookies('http://localhost/api/v1/x')).toEqual([]);
  });

  it('replaces the module msw imports, with the calls msw makes', () => {
    const core = new URL('../../../node_modules/msw/lib/core/utils/', import.meta.url);
    const importers = ['request/getRequestCookies.mjs', 'request/storeResponseCookies.mjs'].map((f) => readFileSync(new URL(f, core), 'utf8'));
    for (const source of importers) expect(source).toContain("import { cookieStore } from '../cookieStore.mjs';");
    expect(importers.join('\n')).toMatch(/cookieStore\.getCookies\(request\.url\)/);
    expect(importers.join('\n')).toMatch(/cookieStore\.setCookie\(responseCookies, request\.url\)/);
  });

  it("also stands in for the request cookies msw's handlers parse: none, the request untouched", () => {
    const request = new Request('http://localhost/api/v1/x', { headers: { cookie: 'a=1' } });
    expect(getAllRequestCookies(request)).toEqual({});
    expect(request.headers.get('cookie')).toBe('a=1');
    const handlers = new URL('../../../node_modules/msw/lib/core/handlers/', import.meta.url);
    for (const file of ['HttpHandler.mjs', 'GraphQLHandler.mjs']) {
      const source = readFileSync(new URL(file, handlers), 'utf8');
      expect(source).toContain("import { getAllRequestCookies } from '../utils/request/getRequestCookies.mjs';");
      // The only use: the resolver's `cookies` argument.
      expect(source).toContain('const cookies = getAllRequestCookies(args.request);');
    }
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
