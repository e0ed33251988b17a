/**
 * The typed HTTP client every screen uses (through TanStack Query). Errors are
 * `application/problem+json` (SPEC §2); they become `ApiError`s that keep the problem body so
 * forms can put field errors next to their fields.
 */

export const API_BASE = '/api/v1';

export interface ProblemIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Record<string, string[]>;
  issues?: ProblemIssue[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** 412: the record changed elsewhere (another tab); the UI offers to reload it. */
  get isStale() {
    return this.status === 412;
  }

  /** Field errors as `{ path: first message }`. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, messages] of Object.entries(this.problem.errors ?? {})) {
      if (messages[0]) out[path] = messages[0];
    }
    return out;
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as If-Match so a stale write is refused with 412. */
  etag?: string;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  etag?: string;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Absolute, so the same client works in the browser and in Node (component tests). */
export function apiUrl(path: string): string {
  const origin = globalThis.location?.origin ?? 'http://localhost';
  return new URL(`${API_BASE}${path}`, origin).toString();
}

let backendReady: Promise<unknown> | undefined;

/**
 * The app paints its shell before the mock API (the backend) is up: requests made meanwhile wait
 * for `ready`, then go. If it fails, they fail with a `backend-unavailable` problem (an error
 * state with Retry on each screen, never a white screen). Not called in Node tests: the handlers
 * are there from the start.
 */
export function holdRequestsUntil(ready: Promise<unknown>): void {
  backendReady = ready;
}

export async function apiRequest<T>(path: string, req: ApiRequest = {}): Promise<ApiResponse<T>> {
  if (backendReady) {
    try {
      await backendReady;
    } catch (cause) {
      throw new ApiError({
        type: 'https://hosting-panel.example/problems/backend-unavailable',
        title: 'Mock API unavailable',
        status: 0,
        detail: `The mock API could not start: ${cause instanceof Error ? cause.message : String(cause)}`,
      });
    }
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  if (req.etag) headers['If-Match'] = req.etag;
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: req.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ title: 'Network error', status: 0, detail: 'The server could not be reached.' });
  }
  const etag = res.headers.get('ETag') ?? undefined;
  const text = res.status === 204 ? '' : await res.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError({ title: 'Unexpected response', status: res.status, detail: 'The server answered with something that is not JSON.' });
    }
  }
  if (!res.ok) {
    const problem = (body && typeof body === 'object' ? body : {}) as Partial<Problem>;
    throw new ApiError({ ...problem, title: problem.title ?? res.statusText, status: res.status });
  }
  return { data: body as T, etag };
}

export async function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return (await apiRequest<T>(withQuery(path, query), { signal })).data;
}

export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
