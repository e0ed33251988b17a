/**
 * What every resource handler shares: route patterns, body validation (→ 422), lookups (→ 404),
 * If-Match checks (→ 412), conflicts (→ 409) and version-keyed caches for lists.
 */
import { runWrite } from '../write-gate';
import type { z } from 'zod/mini';
import { validate, type ValidationIssue } from '../../domain/schemas';
import { DomainRuleError, ValuesRefused } from '../../domain/sync-engine';
import { englishIssue, englishReason } from '../messages';
import { ApiProblem, etagOf, fieldErrors, ifMatchHolds, notFound, preconditionFailed, problem, readJson } from '../http';
import { db, recordKey, revisionOf, type RowTypes, type TableName, type Transaction } from '../store';

/**
 * `*` in front matches any origin: the page's in the browser (whatever the base path), and
 * http://localhost in Node tests.
 */
export const route = (path: string): string => `*/api/v1${path}`;

type Resolver<P> = (info: { request: Request; params: P }) => Response | undefined | Promise<Response | undefined>;

/**
 * Wraps a resolver so it can `throw` an ApiProblem (→ problem+json), a domain rule error
 * (→ 409) or anything else (→ 500 problem+json) instead of catching in every handler.
 */
export function handle<P>(resolver: Resolver<P>): Resolver<P> {
  return async (info) => {
    try {
      const method = info.request.method;
      // Reads run at once; writes go through the cross-tab write gate, one at a time.
      return method === 'GET' || method === 'HEAD' ? await resolver(info) : await runWrite(async () => resolver(info));
    } catch (error) {
      return toProblem(error).toResponse();
    }
  };
}

export function toProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof ValuesRefused) return unprocessable(error.issues, 'Some values are more than you can provide.');
  if (error instanceof DomainRuleError) {
    return problem(409, 'not-allowed', 'Not allowed', englishReason(error.code) ?? error.message, { code: error.code });
  }
  console.error('Hosting Panel mock API: unexpected error', error);
  return problem(500, 'internal-error', 'Internal error', error instanceof Error ? error.message : String(error));
}

export const RECORD_NAMES: Record<TableName, string> = {
  customers: 'customer',
  plans: 'service plan',
  subscriptions: 'subscription',
};

export function messageOf(issue: ValidationIssue): string {
  return englishIssue(issue);
}

/** 422 with `errors` (English, per field) and `issues` (codes the UI translates). */
export function unprocessable(issues: ValidationIssue[], detail = 'Some fields are not valid.'): ApiProblem {
  return problem(422, 'validation-error', 'Validation failed', detail, {
    errors: fieldErrors(issues.map((issue) => ({ path: issue.path, message: messageOf(issue) }))),
    issues,
  });
}

/** Validates a body with a domain schema; throws 422 when it does not pass. */
export function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const result = validate(schema, input);
  if (!result.ok) throw unprocessable(result.issues);
  return result.value;
}

/** 409 for a field whose value must be unique (login, domain, plan name). */
export function taken(field: string, what: string, value: string): ApiProblem {
  const issue: ValidationIssue = { path: field, code: 'taken' };
  return problem(409, 'already-exists', 'Already exists', `${what} "${value}" is already in use.`, {
    errors: { [field]: [`${what} "${value}" is already in use.`] },
    issues: [issue],
  });
}

/** The record or 404. */
export function need<T extends TableName>(tx: Transaction, table: T, id: string): RowTypes[T] {
  const row = tx.get(table, id);
  if (!row) throw notFound(RECORD_NAMES[table], id);
  return row;
}

/**
 * A body for an action that takes none (suspend, activate, clone): absent, or an empty object.
 * Malformed JSON is a 400, anything else a 422, so a client's mistake is never ignored.
 */
export async function noBody(request: Request): Promise<void> {
  const body = await readJson(request, { optional: true });
  if (body === undefined) return;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable([{ path: '', code: 'invalid_type' }]);
  const keys = Object.keys(body);
  if (keys.length > 0) throw unprocessable(keys.map((key) => ({ path: key, code: 'unknown_key' })));
}

/** Whether an ETag a client sent (one of a bulk request's `etags`) names the record's current revision. */
export function etagHolds(table: TableName, id: string, etag: string): boolean {
  const current = `"${revisionOf(recordKey(table, id))}"`;
  return etag
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === current || tag === '*');
}

/** Throws 412 when the request's If-Match names another revision of the record. */
export function checkIfMatch(request: Request, table: TableName, id: string): void {
  if (!ifMatchHolds(request, revisionOf(recordKey(table, id)))) throw preconditionFailed(RECORD_NAMES[table], id);
}

export const etagOfRecord = (table: TableName, id: string): string => etagOf(revisionOf(recordKey(table, id)));

// ---------------------------------------------------------------------------------------------
// Caches valid for one store version (any commit invalidates them)

let cacheVersion = -1;
let cache = new Map<string, unknown>();

export function memo<T>(key: string, compute: () => T): T {
  const version = db().version;
  if (version !== cacheVersion) {
    cacheVersion = version;
    cache = new Map();
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}

/**
 * Ids sorted by a key (strings already folded, or numbers); ties keep insertion order, in both
 * directions. Cached per store version, so paging through a list sorts once; the descending order
 * is derived from the ascending one in one pass (clicking a header again costs no new sort).
 */
export function sortedIds(cacheKey: string, ids: readonly string[], keyOf: (id: string) => string | number, order: 'asc' | 'desc'): readonly string[] {
  const asc = memo(`sorted:${cacheKey}:asc`, () => {
    const keys = ids.map(keyOf);
    const index = ids.map((_, i) => i);
    index.sort((a, b) => {
      const ka = keys[a]!;
      const kb = keys[b]!;
      if (ka < kb) return -1;
      if (ka > kb) return 1;
      return a - b;
    });
    return { ids: index.map((i) => ids[i]!), keys: index.map((i) => keys[i]!) };
  });
  if (order === 'asc') return asc.ids;
  return memo(`sorted:${cacheKey}:desc`, () => reverseRuns(asc.ids, asc.keys));
}

/**
 * The first `count` ids of `sortedIds(…)`, the same ids in the same order, without sorting them
 * all when that order is not cached yet: a list's first page after a load picks its rows in one
 * pass over the keys (50,000 subscriptions: ~5 ms instead of ~40), and the whole order is sorted
 * soon after the answer is out, so the next page or the other direction finds it cached. Ties keep
 * insertion order, as in `sortedIds`.
 */
/**
 * How long after a first page the whole order is sorted: past the requests a page sends with its
 * list (its plans, its settings), whose answers would otherwise wait behind the sort.
 */
const BACKGROUND_SORT_DELAY_MS = 250;

export function leadingIds(
  cacheKey: string,
  ids: readonly string[],
  keyOf: (id: string) => string | number,
  order: 'asc' | 'desc',
  count: number,
): readonly string[] {
  const version = db().version;
  const cached = version === cacheVersion && (cache.has(`sorted:${cacheKey}:${order}`) || cache.has(`sorted:${cacheKey}:asc`));
  // A page far down the list gains nothing over sorting it all.
  if (cached || count * 8 >= ids.length) return sortedIds(cacheKey, ids, keyOf, order).slice(0, count);
  const best: number[] = [];
  const bestKeys: (string | number)[] = [];
  // `first(a, b)`: key a comes strictly before key b in this order; an equal key comes later,
  // since every id seen now was inserted after those already kept.
  const first = order === 'asc' ? (a: string | number, b: string | number) => a < b : (a: string | number, b: string | number) => a > b;
  for (let i = 0; i < ids.length; i++) {
    const key = keyOf(ids[i]!);
    if (best.length === count && !first(key, bestKeys[count - 1]!)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (first(key, bestKeys[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, i);
    bestKeys.splice(lo, 0, key);
    if (best.length > count) {
      best.pop();
      bestKeys.pop();
    }
  }
  setTimeout(() => {
    // Only for the store it was asked of: a write since then sorts again when asked.
    if (db().version === version) sortedIds(cacheKey, ids, keyOf, order);
  }, BACKGROUND_SORT_DELAY_MS);
  return best.map((i) => ids[i]!);
}

/** The descending order from the ascending one: runs of equal keys in reverse, each run kept in insertion order. */
export function reverseRuns<T>(items: readonly T[], keys: readonly (string | number)[]): T[] {
  const out: T[] = [];
  let end = items.length;
  while (end > 0) {
    let start = end - 1;
    while (start > 0 && keys[start - 1] === keys[end - 1]) start--;
    for (let i = start; i < end; i++) out.push(items[i]!);
    end = start;
  }
  return out;
}
