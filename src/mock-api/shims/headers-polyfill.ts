/**
 * Browser-build stand-in for `headers-polyfill` (aliased in vite.config.ts). msw imports two
 * things from it: its `Headers` class, only for `getSetCookie` when it copies a mocked
 * response's cookies to `document.cookie` (the backend's worker has no document: msw returns
 * before), and `stringToHeaders`, for multipart GraphQL bodies (this mock has no GraphQL). The
 * polyfill carries a whole Headers implementation and `set-cookie-parser`: ~2 KB gzipped before the
 * first rows, for what every browser the panel supports has natively (`Headers.getSetCookie`).
 * shims.test.ts checks msw still imports only these two, and that they behave as the polyfill's.
 */
export const Headers = globalThis.Headers;

/** `Name: value` lines to Headers, as the polyfill's (a header that does not parse is left out, not thrown). */
export function stringToHeaders(text: string): globalThis.Headers {
  const headers = new globalThis.Headers();
  for (const line of text.trim().split(/[\r\n]+/)) {
    if (line.trim() === '') continue;
    const [name = '', ...rest] = line.split(': ');
    try {
      headers.append(name, rest.join(': '));
    } catch {
      // An invalid name or value: the polyfill kept it, native Headers cannot.
    }
  }
  return headers;
}
