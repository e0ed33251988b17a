/**
 * The mock API's own thread: a dedicated Web Worker that holds the store, its IndexedDB
 * persistence, the cross-tab channel and the handlers (backend.ts). The page keeps only MSW's
 * client, which hands every /api/v1 request over to it (browser.ts). Loading and saving a large
 * world, filtering and sorting 50,000 subscriptions, a plan edit reaching 10,000 of them: none
 * of it runs on the page's main thread, which only draws (issue 17). IndexedDB, BroadcastChannel
 * and Web Locks are there in a worker as in a page; `requestIdleCallback` is not (persistence.ts
 * falls back to a timeout), nor `localStorage` (msw's cookie store is replaced by one that keeps
 * nothing: shims/msw-cookie-store.ts). The worker is a chunk of the page's own build, so the two
 * share their modules (scripts/backend-worker-chunk.mjs).
 */
import { expose, transfer } from 'comlink';
import { flush, respond, startBackend, stateReaderGone, type BackendEvent, type WireRequest } from './backend';
import type { MockUrlParams } from './url-parameters';

const api = {
  /** `onEvent` is the page's listener, passed with comlink's `proxy` (a call back across threads). */
  /** `readerPort`: the state reader's port (browser.ts), when the page started one. */
  start(params: MockUrlParams, onEvent: (event: BackendEvent) => void, readerPort?: MessagePort) {
    return startBackend(params, (event) => void onEvent(event), readerPort);
  },
  /** The page saw the state reader fail. */
  readerGone: stateReaderGone,
  async respond(request: WireRequest) {
    const response = await respond(request);
    return transfer(response, [response.body]);
  },
  flush,
};
export type BackendApi = typeof api;

expose(api);
