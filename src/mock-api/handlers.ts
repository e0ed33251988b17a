/**
 * Every MSW handler of the mock API (SPEC §2), in matching order: the latency/fault catch-all
 * first (it falls through), then the resources, then a 404 for any other /api/v1 path.
 */
import { http, matchRequestUrl, type HttpHandler } from 'msw';
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

const endpoints: HttpHandler[] = [
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
];

/** The methods the endpoints answer on a URL's path (empty: no such path). */
export function allowedMethods(url: URL): string[] {
  const methods = new Set<string>();
  for (const handler of endpoints) {
    const { method, path } = handler.info;
    if (typeof method === 'string' && (typeof path === 'string' || path instanceof RegExp) && matchRequestUrl(url, path).matches) methods.add(method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods];
}

export const handlers = [
  chaosHandler,
  ...endpoints,
  http.all(
    route('/*'),
    handle(({ request }) => {
      const url = new URL(request.url);
      const allow = allowedMethods(url);
      // A known path with another method: 405 naming the methods it takes (RFC 9110 §15.5.6).
      if (allow.length > 0) {
        throw problem(405, 'method-not-allowed', 'Method not allowed', `${url.pathname} does not take ${request.method}; it takes ${allow.join(', ')}.`, {
          allow,
        }).withHeaders({ Allow: allow.join(', ') });
      }
      throw problem(404, 'no-such-endpoint', 'Not found', `No endpoint ${request.method} ${url.pathname}.`);
    }),
  ),
];
