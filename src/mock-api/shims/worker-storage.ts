/**
 * The backend's Web Worker has no `localStorage`, and msw's cookie store
 * (msw/lib/core/utils/cookieStore.mjs) refuses to be created without one outside Node — at
 * import time. It only uses it to keep the cookies of mocked responses across reloads, and no
 * handler of this mock sets or reads a cookie (tough-cookie.ts, shims.test.ts): an empty Storage
 * that keeps nothing answers it. Imported first by backend-worker.ts, before msw loads.
 */
if (typeof globalThis.localStorage === 'undefined') {
  const nothingKept: Storage = {
    length: 0,
    clear: () => undefined,
    getItem: () => null,
    key: () => null,
    removeItem: () => undefined,
    setItem: () => undefined,
  };
  Object.defineProperty(globalThis, 'localStorage', { value: nothingKept, configurable: true });
}
export {};
