/**
 * Every MSW handler of the mock API (SPEC §2), in matching order: the latency/fault catch-all
 * first (it falls through), then the resources, then a 404 for any other /api/v1 path.
 */
import { http } from 'msw';
import { chaosHandler } from './chaos';
import { handle, route } from './handlers/common';
import { customerHandlers } from './handlers/customers';
import { mockToolHandlers } from './handlers/mock-tools';
import { resellerHandlers } from './handlers/reseller';
import { planHandlers } from './handlers/service-plans';
import { subscriptionHandlers } from './handlers/subscriptions';
import { websiteHandlers } from './handlers/websites';
import { json, problem } from './http';

/** Built on first request (its generator loads then, not with the app): the same for the life of the page. */
let openApi: Promise<unknown> | undefined;

export const handlers = [
  chaosHandler,
  ...mockToolHandlers,
  http.get(
    route('/openapi.json'),
    handle(async () => json(await (openApi ??= import('../domain/openapi').then((m) => m.openApiDocument())))),
  ),
  ...resellerHandlers,
  ...customerHandlers,
  ...planHandlers,
  ...websiteHandlers,
  ...subscriptionHandlers,
  http.all(
    route('/*'),
    handle(({ request }) => {
      const { pathname } = new URL(request.url);
      throw problem(404, 'no-such-endpoint', 'Not found', `No endpoint ${request.method} ${pathname}.`);
    }),
  ),
];
