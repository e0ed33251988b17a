/**
 * Browser-build stand-in for msw's cookie store (`msw/lib/core/utils/cookieStore.mjs`, aliased in
 * vite.config.ts): a store that keeps nothing.
 *
 * msw keeps the cookies its mocked responses set, in a tough-cookie jar mirrored to
 * `localStorage` — and refuses to load at all where there is no `localStorage`, such as the
 * backend's Web Worker (backend-worker.ts). No handler of this mock sets or reads a cookie (the
 * panel has no session: shims.test.ts checks the handlers never mention one), so a store that
 * keeps none answers msw exactly as the real one would, and the build needs neither tough-cookie
 * nor the Public Suffix List it pulls in (tldts), which were ~2/3 of the mock's JavaScript.
 * msw calls `getCookies(url)` (getRequestCookies.mjs) and `setCookie(header, url)`
 * (storeResponseCookies.mjs).
 */
export const cookieStore = {
  getCookies(_url: string): { key: string; value: string; toString(): string }[] {
    return [];
  },
  async setCookie(_header: string, _url: string): Promise<void> {},
};
