/**
 * Browser-build stand-in for `tough-cookie` (aliased in vite.config.ts): a jar that keeps nothing.
 *
 * msw keeps the cookies its mocked responses set (msw/lib/core/utils/cookieStore.mjs: `new
 * MemoryCookieStore()` and its `idx`, `new CookieJar(store)`, `getCookiesSync(url)`,
 * `setCookie(header, url)`, `Cookie.fromJSON()`). No handler of this mock sets or reads a cookie
 * (the panel has no session: shims.test.ts checks the handlers never mention one), so an empty
 * jar answers msw exactly as the real one would. The real package would also pull the whole
 * Public Suffix List (tldts) into the app; a full port of the paths msw uses was 415 lines for
 * 5 KB gzipped more than this.
 */
export class MemoryCookieStore {
  idx: Record<string, unknown> = {};
}

export class Cookie {
  /** Saved cookies are never restored: the jar keeps none. */
  static fromJSON(): null {
    return null;
  }
}

export class CookieJar {
  readonly store: MemoryCookieStore;
  constructor(store: MemoryCookieStore = new MemoryCookieStore()) {
    this.store = store;
  }
  getCookiesSync(): Cookie[] {
    return [];
  }
  async setCookie(): Promise<undefined> {
    return undefined;
  }
}
