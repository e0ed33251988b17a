/**
 * The chunk text format (persistence.ts, encodeChunk/decodeChunk): whatever the records hold,
 * a chunk decodes to exactly the entries it was made of; chunks written before sections were
 * pooled still decode; a pool index that points nowhere is left for the record checks to refuse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunk, encodeChunk } from './persistence';

type Entry = [string, number, unknown];

/** JSON values only (what IndexedDB text holds): no undefined, no -0, no NaN. */
const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
/** A few distinct sections, so that records share some and differ in others. */
const section = fc.oneof(fc.constantFrom({ a: 1 }, { a: 2 }, { b: [1, 2] }, {}, null, 7, 'x', [1, { c: true }]), json);
const values = fc.oneof(fc.dictionary(fc.constantFrom('resources', 'permissions', 'hosting', 'php', '__proto__', 'constructor'), section), json);
const record = fc.record({ id: fc.string(), values: fc.option(values, { nil: undefined }), n: fc.integer() }, { requiredKeys: ['id'] });
const entries = fc.array(fc.tuple(fc.string(), fc.nat(), fc.oneof(record, json)), { maxLength: 30 });

describe('chunk text', () => {
  it('decodes to the entries it was encoded from, whatever the records hold', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const { text } = encodeChunk(list as Entry[] as never);
        // Compared as JSON: what a write then a read must give back, key order included.
        expect(JSON.stringify(decodeChunk(text).entries)).toBe(JSON.stringify(JSON.parse(JSON.stringify(list))));
      }),
      { numRuns: 300 },
    );
  });

  it('writes each distinct section once, and records with equal values share one object', () => {
    const plan = { resources: { disk_space: 10 }, permissions: { manage_dns: true }, php: { memory_limit: '128M' } };
    const custom = { ...plan, resources: { disk_space: 20 } };
    const list: Entry[] = [
      ['sub-1', 1, { id: 'sub-1', values: plan }],
      ['sub-2', 1, { id: 'sub-2', values: structuredClone(plan) }],
      ['sub-3', 1, { id: 'sub-3', values: custom }],
    ];
    const { text } = encodeChunk(list as never);
    expect(text.match(/manage_dns/g)).toHaveLength(1);
    expect(text.match(/memory_limit/g)).toHaveLength(1);
    const back = decodeChunk(text).entries as [string, number, { values: typeof plan }][];
    expect(back.map((e) => e[2].values)).toEqual([plan, plan, custom]);
    expect(back[0]![2].values).toBe(back[1]![2].values);
    expect(back[2]![2].values.permissions).toBe(back[0]![2].values.permissions);
  });

  it('reads chunks written before sections were pooled (whole values in `v`)', () => {
    const values = { resources: { disk_space: 10 }, permissions: { manage_dns: true } };
    const older = JSON.stringify({ v: [values], e: [['sub-1', 3, { id: 'sub-1', values: 0 }]] });
    expect(decodeChunk(older).entries).toEqual([['sub-1', 3, { id: 'sub-1', values }]]);
  });

  it('leaves a section index that points nowhere as it is (the record check then refuses it)', () => {
    const planted = JSON.stringify({ s: [{ a: 1 }], v: [{ resources: 5, permissions: 0, php: -1, hosting: 0.5 }], e: [['sub-1', 1, { values: 0 }]] });
    const [entry] = decodeChunk(planted).entries as [string, number, { values: Record<string, unknown> }][];
    expect(entry![2].values).toEqual({ resources: 5, permissions: { a: 1 }, php: -1, hosting: 0.5 });
  });

  it('keeps a `__proto__` key as data, never as the prototype', () => {
    const planted = JSON.stringify({ s: [{ polluted: true }], v: [JSON.parse('{"__proto__": 0}')], e: [['sub-1', 1, { values: 0 }]] });
    const [entry] = decodeChunk(planted).entries as [string, number, { values: Record<string, unknown> }][];
    expect(Object.getPrototypeOf(entry![2].values)).toBe(Object.prototype);
    expect((entry![2].values as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
