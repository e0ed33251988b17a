/**
 * What the problems of the mock API share with the page's side of it (browser.ts), which must not
 * import msw (http.ts does): the `type` base, and the answer when the backend cannot answer.
 */

/** Base of the `type` URI of every problem (RFC 9457). The slug names the kind of error. */
export const PROBLEM_TYPE_BASE = 'https://hosting-panel.example/problems/';

/** 503 `backend-unavailable` (docs/api.md): the backend's worker did not start, or stopped. */
export const BACKEND_UNAVAILABLE = {
  status: 503,
  slug: 'backend-unavailable',
  title: 'Mock API unavailable',
  detail: 'The mock API could not start: reload the page.',
} as const;
