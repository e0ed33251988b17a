// @vitest-environment node
/** The scenario builder: deterministic, exact counts, shares within rounding, every state real by the domain's rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampToAvailable, emptyHoldings } from '../domain/availability';
import { buildOfScenarioName, checkBuild, decodeBuild, encodeBuild, MIX_KEYS, type BuildInput } from '../domain/build-code';
import { BUILD_LIMITS } from '../domain/limits';
import { overusedKeys } from '../domain/overuse';
import { validateState } from '../domain/state-rules';
import { statusOf } from '../domain/suspension';
import { desiredValuesOf, syncState } from '../domain/sync-engine';
import { usageOf } from '../domain/websites';
import { apportion, buildCounts, buildWorld, nearestCount, worldSummary } from './scenario-builder';
import { readDocument, toDocument } from './state-document';

const share = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);
/** A valid build, small enough to validate many times. */
const buildArb: fc.Arbitrary<BuildInput> = fc
  .record({
    seed: fc.integer({ min: 0, max: BUILD_LIMITS.seed }),
    customers: fc.integer({ min: 0, max: 30 }),
    subscriptions: fc.integer({ min: 0, max: 60 }),
    plans: fc.integer({ min: 1, max: 12 }),
    a: share,
    b: share,
    c: share,
    suspended: share,
    overused: share,
  })
  .map(({ a, b, c, suspended, overused, ...rest }) => {
    // Scale the three exclusive shares to add up to 1 at most (whole steps).
    const sum = a + b + c;
    const scale = (x: number) => (sum > 1 ? Math.floor((x / sum) * 10_000) / 10_000 : x);
    const unsynced = rest.plans < 2 ? 0 : scale(a);
    return { ...rest, mix: { unsynced, locked: scale(b), custom: scale(c), suspended, overused } };
  });

const SAMPLE: BuildInput = {
  seed: 42,
  customers: 40,
  subscriptions: 200,
  plans: 6,
  mix: { unsynced: 0.1, locked: 0.15, custom: 0.05, suspended: 0.1, overused: 0.05 },
};

describe('scenario builder', () => {
  it('same inputs ⇒ deep-equal world (ids, names, dates)', () => {
    fc.assert(
      fc.property(buildArb, (input) => {
        expect(buildWorld(input)).toEqual(buildWorld(structuredClone(input)));
      }),
      { numRuns: 40 },
    );
  });

  it('counts are exact and the shares are met within rounding', () => {
    fc.assert(
      fc.property(buildArb, (input) => {
        const world = buildWorld(input);
        expect(world.customers).toHaveLength(input.customers);
        expect(world.subscriptions).toHaveLength(input.subscriptions);
        expect(world.plans).toHaveLength(input.plans);
        const { states } = worldSummary(world);
        const n = input.subscriptions;
        expect(states.synced + states.unsynced + states.locked + states.custom).toBe(n);
        // Sync states: within 1 of share × n (largest remainder); the others: nearest whole number.
        for (const k of ['unsynced', 'locked', 'custom'] as const) expect(Math.abs(states[k] - input.mix[k] * n)).toBeLessThan(1);
        for (const k of ['suspended', 'overused'] as const) expect(Math.abs(states[k] - input.mix[k] * n)).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(states).toEqual(buildCounts(input));
      }),
      { numRuns: 40 },
    );
  });

  it('every built world passes the import validation, and every state is what the domain says', () => {
    fc.assert(
      fc.property(buildArb, (input) => {
        const world = buildWorld(input);
        const checked = validateState(JSON.parse(JSON.stringify(world)));
        expect(checked.ok ? 'valid' : checked.issues).toBe('valid');
        const byId = new Map(world.plans.map((p) => [p.id, p]));
        const ctx = { reseller: world.reseller, plan: (id: string) => byId.get(id), holdings: emptyHoldings() };
        const owners = new Map(world.customers.map((c) => [c.id, c]));
        for (const s of world.subscriptions) {
          // Synced ⇔ the plan's desired values fit what the reseller can provide (the engine's clamp).
          if (s.planId !== null && !s.locked) {
            const { values, conflicts } = clampToAvailable(desiredValuesOf(s, ctx), world.reseller, ctx.holdings);
            expect(s.synchronized).toBe(conflicts.length === 0);
            expect(s.values).toEqual(values);
          }
          if (s.locked) expect(syncState(s)).toBe('locked');
          // Overused ⇔ usage above its own limit; the policies never suspend for it.
          expect(s.overused).toEqual(overusedKeys(s));
          expect(s.usage).toEqual(usageOf(s.sites));
          expect(s.suspendedBy).not.toContain('overuse');
          expect(s.status).toBe(statusOf(s.suspendedBy));
          // A suspended customer's subscriptions are suspended by it, and only those.
          const owner = s.ownerId === null ? undefined : owners.get(s.ownerId);
          expect(s.suspendedBy.includes('customer')).toBe(owner?.status === 'suspended');
        }
      }),
      { numRuns: 30 },
    );
  });

  it('a sample world: ids, names and states', () => {
    const world = buildWorld(SAMPLE);
    expect(world.scenario).toBe('build-42-40-200-6-0.1-0.15-0.05-0.1-0.05');
    expect(world.subscriptions[0]!.id).toBe('sub-00001');
    expect(world.subscriptions.at(-1)!.id).toBe('sub-00200');
    expect(world.customers.at(-1)!.id).toBe('cus-0040');
    expect(world.plans.map((p) => `${p.id} ${p.kind} ${p.name}`)).toEqual([
      'plan-0001 hosting Starter',
      'plan-0002 hosting Premium',
      'plan-0003 hosting Business',
      'plan-0004 hosting Basic',
      'plan-0005 hosting Pro',
      'plan-0006 addon Extra Storage',
    ]);
    expect(worldSummary(world).states).toEqual({ synced: 140, unsynced: 20, locked: 30, custom: 10, suspended: 20, overused: 10 });
    // Dates count back from the scenarios' reference date: never the real date.
    expect(world.subscriptions.every((s) => s.createdAt < '2026-01-01')).toBe(true);
    const signedUp = new Map(world.customers.map((c) => [c.id, c.createdAt]));
    expect(world.subscriptions.every((s) => s.ownerId === null || s.createdAt > signedUp.get(s.ownerId)!)).toBe(true);
    // Another seed: other names; the same seed with another mix: the same names.
    expect(buildWorld({ ...SAMPLE, seed: 43 }).subscriptions[0]!.domain).not.toBe(world.subscriptions[0]!.domain);
    const remixed = buildWorld({ ...SAMPLE, mix: { unsynced: 0, locked: 0, custom: 0.5, suspended: 0, overused: 0.5 } });
    expect(remixed.subscriptions.map((s) => s.domain)).toEqual(world.subscriptions.map((s) => s.domain));
    expect(remixed.customers).toEqual(world.customers.map((c) => ({ ...c, status: 'active' })));
  });

  it('the largest build: 50,000 subscriptions, 10,000 customers, 50 plans, valid', { timeout: 120_000 }, () => {
    const input: BuildInput = {
      seed: 7,
      customers: 10_000,
      subscriptions: 50_000,
      plans: 50,
      mix: { unsynced: 0.2, locked: 0.1, custom: 0.1, suspended: 0.05, overused: 0.05 },
    };
    const started = performance.now();
    const world = buildWorld(input);
    console.info(`built 50,000 subscriptions in ${(performance.now() - started).toFixed(0)} ms`);
    expect(worldSummary(world).states).toEqual({ synced: 30_000, unsynced: 10_000, locked: 5_000, custom: 5_000, suspended: 2_500, overused: 2_500 });
    const read = readDocument(toDocument(world));
    expect(read.ok ? 'valid' : read.detail).toBe('valid');
  });
});

describe('rounding', () => {
  it('largest remainder: exact total, each within 1, ties in state order', () => {
    expect(apportion(1, [0.5, 0.5, 0])).toEqual([1, 0, 0, 0]);
    expect(apportion(3, [1 / 3 - 1 / 30000, 0.3333, 0.3333])).toEqual([1, 1, 1, 0]);
    expect(apportion(10, [0.25, 0.25, 0])).toEqual([3, 2, 0, 5]);
    expect(apportion(7, [0, 0, 0])).toEqual([0, 0, 0, 7]);
    expect(apportion(7, [1, 0, 0])).toEqual([7, 0, 0, 0]);
    expect(apportion(0, [0.3, 0.3, 0.3])).toEqual([0, 0, 0, 0]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.array(fc.integer({ min: 0, max: 3_333 }), { minLength: 3, maxLength: 3 }), (n, parts) => {
        const shares = parts.map((p) => p / 10_000);
        const counts = apportion(n, shares);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
        shares.forEach((s, i) => expect(Math.abs(counts[i]! - s * n)).toBeLessThan(1));
      }),
    );
  });

  it('independent shares: nearest whole number, halves up', () => {
    expect(nearestCount(10, 0.05)).toBe(1);
    expect(nearestCount(10, 0.04)).toBe(0);
    expect(nearestCount(3, 0.5)).toBe(2);
    expect(nearestCount(50_000, 1)).toBe(50_000);
  });
});

describe('the compact form (?build=)', () => {
  it('encodes and decodes every valid build; the scenario name gives it back', () => {
    fc.assert(
      fc.property(buildArb, (input) => {
        const code = encodeBuild(input);
        expect(code).toMatch(/^[0-9.-]+$/);
        expect(decodeBuild(code)).toEqual(input);
        expect(buildOfScenarioName(buildWorld(input).scenario)).toEqual(input);
      }),
      { numRuns: 30 },
    );
  });

  it.each([
    ['', 'empty'],
    ['42-10-10-5-0-0-0-0', 'a field missing'],
    ['42-10-10-5-0-0-0-0-0-0', 'a field too many'],
    ['-1-10-10-5-0-0-0-0-0', 'a negative seed'],
    ['42-10-10-0-0-0-0-0-0', 'no plans'],
    ['42-10-10-1-0.5-0-0-0-0', 'Unsynced with one plan'],
    ['42-10-10-5-0.6-0.6-0-0-0', 'sync shares over 1'],
    ['42-10-10-5-1.5-0-0-0-0', 'a share over 1'],
    ['42-10-10-5-0.00001-0-0-0-0', 'a share finer than 0.0001'],
    ['42-10-99999-5-0-0-0-0-0', 'too many subscriptions'],
    ['42-1e3-10-5-0-0-0-0-0', 'an exponent'],
    ['42-010-10-5-0-0-0-0-0', 'a leading zero'],
    ['42-10-10-5-0x1-0-0-0-0', 'hexadecimal'],
    ['42-10-10-5-0-0-0-0-0 ', 'a trailing space'],
  ])('refuses %j (%s)', (code) => {
    expect(decodeBuild(code)).toBeUndefined();
  });

  it('a share with floating-point noise is snapped to its step, so its link reads back', () => {
    const checked = checkBuild({ seed: 1, customers: 0, subscriptions: 10, plans: 2, mix: { unsynced: 0.1 + 0.2 } });
    expect(checked.ok && checked.value.mix.unsynced).toBe(0.3);
    if (checked.ok) expect(decodeBuild(encodeBuild(checked.value))).toEqual(checked.value);
  });

  it('every share key is in the compact form, in order', () => {
    expect(MIX_KEYS).toEqual(['unsynced', 'locked', 'custom', 'suspended', 'overused']);
    expect(checkBuild({ seed: 1, customers: 0, subscriptions: 0, plans: 1 })).toEqual({
      ok: true,
      value: { seed: 1, customers: 0, subscriptions: 0, plans: 1, mix: { unsynced: 0, locked: 0, custom: 0, suspended: 0, overused: 0 } },
    });
  });
});
