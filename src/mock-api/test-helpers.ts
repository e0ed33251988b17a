/** Helpers for the mock API's own tests: real fetch against msw/node. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { checkResponse } from '../domain/contract';
import { resetStore, server } from './node';
import type { ScenarioName } from './scenarios';
import { snapshotOf } from './store';

export const BASE = 'http://localhost/api/v1';

// Tests read JSON responses loosely; the assertions are the types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
  etag: string | null;
}

/** A request to the mock API; `body` is sent as JSON unless it is already a string. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function api<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  // Every answer an API test sees must conform to the contract (the OpenAPI document's source).
  const violation = checkResponse(method, path.split('?')[0] ?? path, res.status, parsed);
  if (violation) throw new Error(`Response outside the API contract: ${violation}\n${text.slice(0, 500)}`);
  return { status: res.status, body: parsed as T, headers: res.headers, etag: res.headers.get('ETag') };
}

/** Starts msw/node for the file and resets the store before each test. */
export function setupMockApi(scenario: ScenarioName = 'default'): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => resetStore(scenario));
  afterAll(() => server.close());
}

/** The whole store as JSON, to prove that a failed request changed nothing. */
export const exported = (): string => JSON.stringify(snapshotOf());
