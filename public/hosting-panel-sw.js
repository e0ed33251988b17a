/**
 * Hosting Panel's mock API service worker. It hands each /api/v1 request of a started page to
 * that page (src/mock-api/service-worker-client.ts speaks its protocol), whose backend's worker
 * answers it; every other request goes to the network untouched.
 *
 * The protocol is msw 2.15's (public/mockServiceWorker.js, which Storybook still uses), with one
 * difference that matters with several tabs: a request goes to the page that made it, and only
 * to it. msw's worker hands a request to the first visible page it serves, whichever made it —
 * with two tabs open, one tab's request could be answered by the other tab's backend, or hang for
 * ever when that tab was reloading; after a navigation, the page left behind could answer the new
 * page's first requests. Requests of a page's own Web Workers (their module scripts) and of pages
 * that have not started the mock API go to the network.
 *
 * Messages from a page: `INTEGRITY_CHECK_REQUEST` (answered `INTEGRITY_CHECK_RESPONSE` with this
 * protocol's version), `MOCK_ACTIVATE` (answered `MOCKING_ENABLED`: from then on the page gets a
 * `REQUEST` per API request, with a port to answer on: `MOCK_RESPONSE` or `PASSTHROUGH`),
 * `KEEPALIVE_REQUEST` every few seconds (a worker the browser stopped and started again forgets
 * its pages: the keep-alive tells it again), `CLIENT_CLOSED` before the page unloads.
 */
const PROTOCOL_VERSION = 'hosting-panel-1';
/** The requests the mock API answers: any whose path holds /api/v1/. */
const API_PATH = /\/api\/v1\//;
/** The pages that answer their own API requests (they sent MOCK_ACTIVATE), by client id. */
const mocking = new Set();

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  const source = event.source;
  const id = source && source.id;
  if (!id) return;
  switch (event.data) {
    case 'INTEGRITY_CHECK_REQUEST':
      source.postMessage({ type: 'INTEGRITY_CHECK_RESPONSE', payload: { packageVersion: PROTOCOL_VERSION } });
      break;
    case 'MOCK_ACTIVATE':
      mocking.add(id);
      source.postMessage({ type: 'MOCKING_ENABLED', payload: { client: { id, frameType: source.frameType } } });
      break;
    case 'KEEPALIVE_REQUEST':
      mocking.add(id);
      source.postMessage({ type: 'KEEPALIVE_RESPONSE' });
      break;
    case 'CLIENT_CLOSED':
      mocking.delete(id);
      break;
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.mode === 'navigate') return;
  // Only a started page's own API requests; anything else, the network answers as if no worker were here.
  if (!mocking.has(event.clientId) || !API_PATH.test(new URL(request.url).pathname)) return;
  event.respondWith(answer(event.clientId, request));
});

/** Asks the page that made the request for its answer. */
async function answer(clientId, request) {
  const client = await self.clients.get(clientId);
  // The page went away meanwhile: nobody is waiting for this answer.
  if (!client) {
    mocking.delete(clientId);
    return Response.error();
  }
  const passthrough = request.clone();
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
  const payload = {
    id: crypto.randomUUID(),
    url: request.url,
    method: request.method,
    headers: Object.fromEntries(request.headers.entries()),
    body,
  };
  const reply = await new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (message) => {
      channel.port1.close();
      resolve(message.data);
    };
    client.postMessage({ type: 'REQUEST', payload }, body ? [channel.port2, body] : [channel.port2]);
  });
  if (reply && reply.type === 'MOCK_RESPONSE') {
    const { status, statusText, headers, body: responseBody } = reply.data;
    // Status 0 is a network failure (a Response cannot be made with it).
    if (status === 0) return Response.error();
    return new Response(responseBody, { status, statusText, headers });
  }
  return fetch(passthrough);
}
