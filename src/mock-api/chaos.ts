/**
 * Latency and fault injection (SPEC §4 `?latency=`, `?failureRate=`). A catch-all handler
 * registered first delays every /api/v1 request, fails some with a simulated 503, and falls
 * through to the real handler. /_mock endpoints are never delayed or failed.
 */
import { delay, http } from 'msw';
import { matchesFailOn } from '../domain/schemas';
import { problem } from './http';
import { prng } from './scenarios';
import { db } from './store';
import { route } from './handlers/common';

// Seeded, so a given failure rate fails the same requests in the same order after each reset.
let random = prng(42);

export function resetChaos(): void {
  random = prng(42);
}

export const chaosHandler = http.all(route('/*'), async ({ request }) => {
  const pathname = new URL(request.url).pathname;
  // The prototype tools and the API's own description are never delayed or failed.
  if (pathname.includes('/api/v1/_mock') || pathname.endsWith('/api/v1/openapi.json')) return undefined;
  const { latencyMs, failureRate, failOn } = db().settings;
  if (latencyMs > 0) await delay(latencyMs);
  const path = pathname.slice(pathname.indexOf('/api/v1') + '/api/v1'.length);
  const eligible = !failOn || failOn.length === 0 || failOn.some((pattern) => matchesFailOn(pattern, request.method, path));
  if (eligible && failureRate > 0 && random() < failureRate) {
    return problem(
      503,
      'simulated-failure',
      'Simulated failure',
      `This request failed on purpose (failure rate ${failureRate}). Set it to 0 in Prototype tools.`,
    ).toResponse();
  }
  return undefined;
});
