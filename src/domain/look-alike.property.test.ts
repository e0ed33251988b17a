/**
 * Look-alike names (issue 13, class 7): invisible formatting characters (zero-width, joiners,
 * LRM/RLM, soft hyphen, bidi embeddings/overrides/isolates, word joiner, BOM, fillers) are
 * refused in every one-line name the API takes, wherever they are; white space runs collapse;
 * uniqueness compares names under NFKC and case folding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerCreateSchema, customerPatchSchema, hasControlCharacters, nameKey, planCreateSchema, planUpdateSchema, validate } from './schemas';

const INVISIBLES = [
  0x00ad,
  0x034f,
  0x061c,
  0x115f,
  0x1160,
  0x17b4,
  0x17b5,
  0x180e,
  ...range(0x200b, 0x200f),
  ...range(0x202a, 0x202e),
  ...range(0x2060, 0x2064),
  ...range(0x2066, 0x2069),
  0x2028,
  0x2029,
  0x2800,
  0x3164,
  0xfeff,
  0xffa0,
  0xfff9,
  0xfffa,
  0xfffb,
].map((c) => String.fromCharCode(c));

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const visibleName = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '' && !hasControlCharacters(s));
const invisibleRun = fc.array(fc.constantFrom(...INVISIBLES), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
/** A visible name with invisible characters inserted at some position. */
const lookAlike = fc.tuple(visibleName, invisibleRun, fc.nat()).map(([name, run, at]) => {
  const i = at % (name.length + 1);
  return name.slice(0, i) + run + name.slice(i);
});

const customer = { contactName: 'Jane Doe', login: 'jdoe', password: 'long enough' };
const FIELDS: [string, (value: string) => unknown, Parameters<typeof validate>[0], string][] = [
  ['contact name', (v) => ({ ...customer, contactName: v }), customerCreateSchema, 'contactName'],
  ['company name', (v) => ({ ...customer, companyName: v }), customerCreateSchema, 'companyName'],
  ['city (patch)', (v) => ({ city: v }), customerPatchSchema, 'city'],
  ['plan name', (v) => ({ kind: 'hosting', name: v }), planCreateSchema, 'name'],
  ['plan rename', (v) => ({ name: v }), planUpdateSchema, 'name'],
];

describe('look-alike names', () => {
  it(`refuses each of ${INVISIBLES.length} invisible characters alone (no name renders as an empty link)`, () => {
    for (const c of INVISIBLES) {
      for (const [label, body, schema, path] of FIELDS) {
        const r = validate(schema, body(c));
        // Refused, or (white space at the ends, trimmed) an empty optional field: never an invisible name.
        if (r.ok) expect((r.value as Record<string, unknown>)[path], `${label} U+${c.charCodeAt(0).toString(16)}`).toBe('');
        else expect(r.issues.some((i) => i.path === path)).toBe(true);
      }
    }
  });

  it('never accepts a name holding an invisible character, wherever it is, in every name field', () => {
    fc.assert(
      fc.property(lookAlike, fc.constantFrom(...FIELDS), (name, [, body, schema, path]) => {
        const r = validate(schema, body(name));
        // Refused at the field, or the invisible characters were white space at an end (trimmed).
        if (r.ok) expect(hasControlCharacters(String((r.value as Record<string, unknown>)[path]))).toBe(false);
        else expect(r.issues).toContainEqual(expect.objectContaining({ path, code: expect.stringMatching(/invalid_characters|too_long/) }));
      }),
      { numRuns: 400 },
    );
  });

  it('accepts visible names as typed, with runs of white space as one space', () => {
    fc.assert(
      fc.property(visibleName, (name) => {
        const r = validate(planCreateSchema, { kind: 'hosting', name });
        if (name.trim().length > 60) return;
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value.name).toBe(name.trim().normalize('NFC').replace(/\s+/gu, ' '));
      }),
      { numRuns: 300 },
    );
    const r = validate(customerCreateSchema, { ...customer, contactName: 'Alice \u00a0\u2003 Martin' });
    expect(r.ok && r.value.contactName).toBe('Alice Martin');
  });

  it('compares names for uniqueness under NFKC, case and spacing', () => {
    for (const twin of ['STARTER', 'Ｓｔａｒｔｅｒ', ' starter ', 'ﬆarter']) expect(nameKey(twin), twin).toBe(nameKey('Starter'));
    expect(nameKey('Starter 2')).not.toBe(nameKey('Starter'));
  });
});
