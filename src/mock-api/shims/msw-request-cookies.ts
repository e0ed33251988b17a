/**
 * Browser-build stand-in for msw's request cookies (`msw/lib/core/utils/request/getRequestCookies.mjs`,
 * aliased in vite.config.ts): a request has no cookies for the handlers.
 *
 * msw parses each request's `Cookie` header, the document's cookies and its cookie store into the
 * `cookies` argument of every resolver. No handler of this mock reads it (the panel has no
 * session: shims.test.ts checks the handlers never mention a cookie), the backend's worker has
 * no `document`, and the store keeps nothing (msw-cookie-store.ts): so nothing but the `cookie`
 * parser's bytes (~1.5 KB gzipped before the first rows) would change. The request itself, and
 * its `Cookie` header, reach the handlers unchanged.
 */
export function getAllRequestCookies(_request: Request): Record<string, string> {
  return {};
}
