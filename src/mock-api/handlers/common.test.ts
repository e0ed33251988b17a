import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingIds, reverseRuns, sortedIds } from './common';

/** What the descending order must be: a stable sort, greatest key first, ties in insertion order. */
function stableDesc(ids: string[], keyOf: (id: string) => string | number): string[] {
  return ids
    .map((id, i) => ({ id, i, k: keyOf(id) }))
    .sort((a, b) => (a.k < b.k ? 1 : a.k > b.k ? -1 : a.i - b.i))
    .map((x) => x.id);
}

describe('sortedIds', () => {
  it('descending is derived from ascending: greatest first, ties kept in insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('a', 'b', 'c')), { maxLength: 60 }), fc.boolean(), (raw, numbers) => {
        const keys = raw.map((k) => (numbers ? (typeof k === 'number' ? k : k.charCodeAt(0)) : String(k)));
        const ids = keys.map((_, i) => `id-${i}`);
        const keyOf = (id: string) => keys[Number(id.slice(3))]!;
        const cacheKey = `prop:${Math.random()}`;
        const asc = sortedIds(cacheKey, ids, keyOf, 'asc');
        expect([...sortedIds(cacheKey, ids, keyOf, 'desc')]).toEqual(stableDesc(ids, keyOf));
        expect([...asc].reverse().map(keyOf)).toEqual(stableDesc(ids, keyOf).map(keyOf));
      }),
    );
  });

  it('leadingIds gives the first rows of the whole order, cached or not, in both directions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom('a', 'b', 'c', 'd')), { maxLength: 300, size: 'max' }),
        fc.boolean(),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.boolean(),
        (raw, numbers, count, order, sortFirst) => {
          const keys = raw.map((k) => (numbers ? (typeof k === 'number' ? k : k.charCodeAt(0)) : String(k)));
          const ids = keys.map((_, i) => `id-${i}`);
          const keyOf = (id: string) => keys[Number(id.slice(3))]!;
          const cacheKey = `lead:${Math.random()}`;
          // Ties in insertion order in both directions: by key, then by position.
          const ascending = ids
            .map((id, i) => ({ id, i, k: keyOf(id) }))
            .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
            .map((x) => x.id);
          const expected = (order === 'asc' ? ascending : stableDesc(ids, keyOf)).slice(0, count);
          if (sortFirst) sortedIds(cacheKey, ids, keyOf, 'asc');
          expect([...leadingIds(cacheKey, ids, keyOf, order, count)]).toEqual(expected);
        },
      ),
    );
  });

  it('reverseRuns keeps each run of equal keys in its order', () => {
    expect(reverseRuns(['a1', 'a2', 'b1', 'c1', 'c2'], [1, 1, 2, 3, 3])).toEqual(['c1', 'c2', 'b1', 'a1', 'a2']);
    expect(reverseRuns([], [])).toEqual([]);
  });
});
