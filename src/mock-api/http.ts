/**
 * HTTP helpers for the mock API: problem+json errors that handlers `throw` (MSW turns a thrown
 * Response into the mocked response, so handlers stay flat), JSON bodies, ETags and list
 * queries (paging, sorting, filters).
 */
import { HttpResponse } from 'msw';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, REQUEST_LIMITS } from '../domain/limits';
import { PROBLEM_TYPE_BASE } from './problem-type';

export { PROBLEM_TYPE_BASE };

export interface ProblemIssue {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** 422 (and 409 on a duplicate field): English messages per field path. */
  errors?: Record<string, string[]>;
  /** 422: machine-readable issues the UI translates. */
  issues?: ProblemIssue[];
  [extra: string]: unknown;
}

/**
 * An error response as a value handlers `throw` (`throw notFound('customer', id)`). The route
 * wrapper turns it into an `application/problem+json` response; a bulk action catches it per id.
 */
export class ApiProblem extends Error {
  readonly body: ProblemBody;
  private headers: Record<string, string> = {};
  constructor(body: ProblemBody) {
    super(body.detail);
    this.name = 'ApiProblem';
    this.body = body;
  }
  get status(): number {
    return this.body.status;
  }
  /** Extra response headers (`Allow` of a 405). */
  withHeaders(headers: Record<string, string>): this {
    this.headers = { ...this.headers, ...headers };
    return this;
  }
  toResponse(): Response {
    return HttpResponse.json(this.body as never, {
      status: this.body.status,
      headers: { ...this.headers, 'Content-Type': 'application/problem+json' },
    });
  }
}

export function problem(status: number, slug: string, title: string, detail: string, extras: Partial<ProblemBody> = {}): ApiProblem {
  return new ApiProblem({ type: PROBLEM_TYPE_BASE + slug, title, status, detail, ...extras });
}

export const badRequest = (detail: string): ApiProblem => problem(400, 'bad-request', 'Bad request', detail);

export const notFound = (what: string, id: string): ApiProblem => problem(404, 'not-found', 'Not found', `No ${what} with id "${id}".`);

export const preconditionFailed = (what: string, id: string): ApiProblem =>
  problem(
    412,
    'precondition-failed',
    'Precondition failed',
    `The ${what} "${id}" was changed by someone else (If-Match does not match its ETag). Reload it and try again.`,
  );

/** `errors` per field path, built from issues with English messages. */
export function fieldErrors(issues: { path: string; message: string }[]): Record<string, string[]> {
  // A Map, then own properties: a field named `__proto__` (an unknown key) is a field like any other.
  const errors = new Map<string, string[]>();
  for (const issue of issues) {
    const key = issue.path || '_';
    errors.set(key, [...(errors.get(key) ?? []), issue.message]);
  }
  return Object.fromEntries(errors);
}

// ---------------------------------------------------------------------------------------------
// Bodies

export const payloadTooLarge = (maxBytes: number): ApiProblem =>
  problem(413, 'payload-too-large', 'Payload too large', `The request body is larger than ${maxBytes} bytes.`, { maxBytes });

/** The body as text, refused with 413 beyond `maxBytes` (by Content-Length first, then by its length). */
export async function readText(request: Request, maxBytes: number = REQUEST_LIMITS.bodyBytes): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
  const text = await request.text();
  // UTF-16 length ≤ UTF-8 bytes ≤ 3 × length: measure exactly only when it could matter.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && new TextEncoder().encode(text).length > maxBytes)) throw payloadTooLarge(maxBytes);
  return text;
}

/**
 * Reads a JSON body. Malformed JSON → 400; an empty body → `undefined` when `optional`, else 400;
 * larger than `maxBytes` (default REQUEST_LIMITS.bodyBytes) → 413.
 */
export async function readJson(request: Request, options: { optional?: boolean; maxBytes?: number } = {}): Promise<unknown> {
  const text = await readText(request, options.maxBytes);
  if (text.trim() === '') {
    if (options.optional) return undefined;
    throw badRequest('A JSON request body is required.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}

export function json(body: unknown, init: { status?: number; etag?: string | undefined } = {}): Response {
  const headers: Record<string, string> = {};
  if (init.etag) headers.ETag = init.etag;
  return HttpResponse.json(body as never, { status: init.status ?? 200, headers });
}

export const noContent = (): HttpResponse<null> => new HttpResponse(null, { status: 204 });

// ---------------------------------------------------------------------------------------------
// ETags

/** Weak ETag of a record revision. */
export const etagOf = (revision: number): string => `W/"${revision}"`;

/**
 * `If-Match` is optional (SPEC §2). When sent, it must name the record's current ETag (weak
 * comparison) or be `*`; otherwise the write is refused with 412 before anything changes.
 */
export function ifMatchHolds(request: Request, revision: number): boolean {
  const header = request.headers.get('if-match');
  if (header === null || header.trim() === '' || header.trim() === '*') return true;
  const current = `"${revision}"`;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === current);
}

// ---------------------------------------------------------------------------------------------
// List queries

export type SortOrder = 'asc' | 'desc';

export interface ListQuery<S extends string> {
  q: string;
  sort: S;
  order: SortOrder;
  page: number;
  pageSize: number;
  params: URLSearchParams;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

function queryIssue(param: string, code: string, message: string, params?: Record<string, unknown>) {
  return problem(422, 'validation-error', 'Invalid query parameters', message, {
    errors: { [param]: [message] },
    issues: [{ path: param, code, ...(params ? { params } : {}) }],
  });
}

function positiveInt(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw queryIssue(
      name,
      max === Number.MAX_SAFE_INTEGER ? 'too_small' : 'out_of_range',
      max === Number.MAX_SAFE_INTEGER ? `${name} must be a whole number ≥ 1.` : `${name} must be a whole number from 1 to ${max}.`,
      { min: 1, max },
    );
  }
  return value;
}

/** Parses `q`, `sort`, `order`, `page`, `pageSize`; a bad value → 422 naming the parameter. */
export function parseListQuery<S extends string>(request: Request, sortKeys: readonly S[], defaultSort: S): ListQuery<S> {
  const params = new URL(request.url).searchParams;
  const sortRaw = params.get('sort');
  const sort = (sortRaw === null || sortRaw === '' ? defaultSort : sortRaw) as S;
  if (!sortKeys.includes(sort)) {
    throw queryIssue('sort', 'invalid_value', `sort must be one of: ${sortKeys.join(', ')}.`, {
      values: sortKeys,
    });
  }
  const orderRaw = params.get('order');
  const order = (orderRaw === null || orderRaw === '' ? 'asc' : orderRaw) as SortOrder;
  if (order !== 'asc' && order !== 'desc') {
    throw queryIssue('order', 'invalid_value', 'order must be asc or desc.', { values: ['asc', 'desc'] });
  }
  const q = (params.get('q') ?? '').trim();
  if (q.length > REQUEST_LIMITS.searchText) {
    throw queryIssue('q', 'too_long', `q must be at most ${REQUEST_LIMITS.searchText} characters.`, { max: REQUEST_LIMITS.searchText });
  }
  return {
    q,
    sort,
    order,
    page: positiveInt(params, 'page', 1, Number.MAX_SAFE_INTEGER),
    pageSize: positiveInt(params, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    params,
  };
}

/** Reads an enum filter (`status=active`); a value outside `allowed` → 422. */
export function enumFilter<V extends string>(params: URLSearchParams, name: string, allowed: readonly V[]): V | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw queryIssue(name, 'invalid_value', `${name} must be one of: ${allowed.join(', ')}.`, { values: allowed });
  }
  return raw as V;
}

export function pageOf<T, R>(ids: readonly T[], query: { page: number; pageSize: number }, map: (id: T) => R): Page<R> {
  const start = (query.page - 1) * query.pageSize;
  return {
    items: ids.slice(start, start + query.pageSize).map(map),
    total: ids.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Case- and accent-insensitive form used for search and sorting. */
export function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
