import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cookieStore } from './msw-cookie-store';
import { getAllRequestCookies } from './msw-request-cookies';
import * as polyfill from 'headers-polyfill';
import { Headers as StandIn, stringToHeaders } from './headers-polyfill';

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

describe("the stand-in for headers-polyfill (msw's Headers class and header parser)", () => {
  it('replaces only what msw imports from it', () => {
    const core = new URL('../../../node_modules/msw/lib/core/', import.meta.url);
    const imports = (dir: URL): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
        if (entry.isDirectory()) return imports(url);
        if (!entry.name.endsWith('.mjs')) return [];
        return [...readFileSync(url, 'utf8').matchAll(/import \{([^}]*)\} from "headers-polyfill"/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()));
      });
    expect(new Set(imports(core))).toEqual(new Set(['Headers as HeadersPolyfill', 'stringToHeaders']));
  });

  it("is only reached where there is a document, which the backend's worker has not", () => {
    // The polyfill's Headers splits a combined Set-Cookie string, native Headers does not: msw
    // only does that to copy cookies to document.cookie, and returns first without a document.
    const source = readFileSync(new URL('../../../node_modules/msw/lib/core/handlers/RequestHandler.mjs', import.meta.url), 'utf8');
    expect(source.match(/HeadersPolyfill/g)).toHaveLength(2); // the import and one use
    expect(source).toMatch(/function forwardResponseCookies\(response\) \{\s*if \(typeof document === "undefined"\) \{\s*return;/);
    expect(StandIn).toBe(globalThis.Headers);
    expect(typeof StandIn.prototype.getSetCookie).toBe('function');
  });

  it("parses header lines as the polyfill's does", () => {
    const text = 'Content-Disposition: form-data; name="file"; filename="a.json"\r\nContent-Type: application/json\r\n\r\nX-Odd: a: b';
    expect([...stringToHeaders(text)]).toEqual([...polyfill.stringToHeaders(text)]);
  });
});
