/**
 * The QA parameters of SPEC §4 that the mock API applies at start-up (`?scenario=`, `?build=` —
 * the scenario builder's link —, `?latency=`, `?failureRate=`, `?now=`). They are taken out of
 * the address bar before the app's router first reads it, so that no screen carries them into a
 * link it writes (a list keeps unknown search parameters: a `?scenario=` kept there would reset
 * the data on the next reload). This module is light on purpose (no MSW): the bootstrap calls it
 * before the mock API's code has loaded.
 */
export const MOCK_URL_PARAMS = ['scenario', 'build', 'latency', 'failureRate', 'now'] as const;
export type MockUrlParamName = (typeof MOCK_URL_PARAMS)[number];
/** The raw values, as typed in the address; the mock API checks and applies them. */
export type MockUrlParams = Partial<Record<MockUrlParamName, string>>;

/** Reads the mock's parameters from the address and removes them from it (history entry replaced). */
export function takeMockUrlParameters(): MockUrlParams {
  const url = new URL(window.location.href);
  const taken: MockUrlParams = {};
  for (const name of MOCK_URL_PARAMS) {
    const value = url.searchParams.get(name);
    if (value !== null) taken[name] = value;
  }
  if (Object.keys(taken).length > 0) {
    for (const name of MOCK_URL_PARAMS) url.searchParams.delete(name);
    window.history.replaceState(window.history.state, '', url);
  }
  return taken;
}
