/**
 * Latency and fault injection (SPEC §4 `?latency=`, `?failureRate=`). A catch-all handler
 * registered first delays every /api/v1 request, fails some with a simulated 503, and falls
 * through to the real handler. /_mock endpoints are never delayed or failed.
 */
import { delay, http } from 'msw';
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
  if (new URL(request.url).pathname.includes('/api/v1/_mock')) return undefined;
  const { latencyMs, failureRate } = db().settings;
  if (latencyMs > 0) await delay(latencyMs);
  if (failureRate > 0 && random() < failureRate) {
    return problem(
      503,
      'simulated-failure',
      'Simulated failure',
      `This request failed on purpose (failure rate ${failureRate}). Set it to 0 in Prototype tools.`,
    ).toResponse();
  }
  return undefined;
});
