import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceClock, hasExpired, parseClock, REFERENCE_DATE } from './clock';
import { OVERUSE_POLICY_RULES, overusedKeys, overusePolicyLabel } from './overuse';
import { settle, statusOf, withReason } from './suspension';
import { createSubscription } from './sync-engine';
import { GB, TestStore, plan, reseller } from './test-fixtures';
import { OVERUSE_POLICIES, SUSPENSION_REASONS } from './types';
import type { Subscription } from './types';
import { addAlias, addWebsite, namesOf, removalOf, removeAlias, removeWebsite, setWebsiteUsage, sitesFromNames, usageOf } from './websites';

function subscription(domain: string, resources: Record<string, number | string> = {}): Subscription {
  const st = new TestStore(reseller(), [
    plan('p', { resources: { max_site: 2, max_subdom: 2, max_dom_aliases: 2, disk_space: GB, max_traffic: 10 * GB, ...resources } }),
  ]);
  return createSubscription(
    { id: `sub-${domain}`, domain, ownerId: null, planId: 'p', addonIds: [], ipAddress: '203.0.113.10', systemUser: 'u', createdAt: REFERENCE_DATE },
    st.ctx,
  );
}
const never = () => false;
const ok = (r: ReturnType<typeof addWebsite>) => {
  if (!r.ok) throw new Error(`refused: ${r.refusal.code}`);
  return r.subscription;
};

describe('websites', () => {
  it('a new subscription hosts its main domain, at 0 usage', () => {
    const s = subscription('a.example');
    expect(s.websites).toEqual(['a.example']);
    expect(s.usage).toEqual({ disk_space: 0, max_traffic: 0, max_site: 1, max_subdom: 0, max_dom_aliases: 0 });
  });

  it("counts domains, subdomains and aliases against the subscription's own limits", () => {
    let s = ok(addWebsite(subscription('a.example'), { name: 'b.example', kind: 'domain' }, never));
    expect(addWebsite(s, { name: 'c.example', kind: 'domain' }, never)).toEqual({
      ok: false,
      refusal: { status: 409, code: 'limit_reached', limit: 'max_site', allowed: 2 },
    });
    s = ok(addWebsite(s, { name: 'www.b.example', kind: 'subdomain' }, never));
    expect(s.sites[2]).toMatchObject({ kind: 'subdomain', parent: 'b.example' });
    s = ok(addAlias(s, 'a.example', 'a-alias.example', never));
    s = ok(addAlias(s, 'b.example', 'b-alias.example', never));
    expect(addAlias(s, 'a.example', 'x.example', never)).toMatchObject({ ok: false, refusal: { limit: 'max_dom_aliases' } });
    expect(s.usage).toMatchObject({ max_site: 2, max_subdom: 1, max_dom_aliases: 2 });
  });

  it('refuses a subdomain outside its domains, a taken name, an alias on a subdomain', () => {
    const s = subscription('a.example');
    expect(addWebsite(s, { name: 'www.b.example', kind: 'subdomain' }, never)).toMatchObject({ ok: false, refusal: { code: 'subdomain_outside' } });
    expect(addWebsite(s, { name: 'a.example', kind: 'domain' }, never)).toMatchObject({ ok: false, refusal: { code: 'taken' } });
    expect(addWebsite(s, { name: 'b.example', kind: 'domain' }, (n) => n === 'b.example')).toMatchObject({ ok: false, refusal: { code: 'taken' } });
    const withSub = ok(addWebsite(s, { name: 'www.a.example', kind: 'subdomain' }, never));
    expect(addAlias(withSub, 'www.a.example', 'x.example', never)).toMatchObject({ ok: false, refusal: { code: 'not_a_domain' } });
  });

  it('removing a domain takes its subdomains and aliases; the main domain cannot go alone', () => {
    let s = ok(addWebsite(subscription('a.example'), { name: 'b.example', kind: 'domain' }, never));
    s = ok(addWebsite(s, { name: 'www.b.example', kind: 'subdomain' }, never));
    s = ok(addAlias(s, 'b.example', 'b2.example', never));
    expect(removalOf(s, 'b.example')).toEqual({ websites: ['b.example', 'www.b.example'], aliases: ['b2.example'] });
    expect(ok(removeWebsite(s, 'b.example')).websites).toEqual(['a.example']);
    expect(removeWebsite(s, 'a.example')).toMatchObject({ ok: false, refusal: { code: 'main_domain' } });
    expect(removeWebsite(s, 'zzz.example')).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    expect(ok(removeAlias(s, 'b.example', 'b2.example')).usage.max_dom_aliases).toBe(0);
  });

  it('sitesFromNames: a name under an earlier domain is a subdomain', () => {
    expect(sitesFromNames(['a.example', 'www.a.example', 'b.example']).map((w) => w.kind)).toEqual(['domain', 'subdomain', 'domain']);
  });

  it('property: no two names in the panel are the same and counts never exceed the limits', () => {
    const pool = ['a.example', 'b.example', 'www.a.example', 'www.b.example', 'c.example', 'shop.c.example', 'x.example', 'y.example'];
    const op = fc.record({
      target: fc.integer({ min: 0, max: 1 }),
      kind: fc.constantFrom('domain', 'subdomain', 'alias', 'remove'),
      name: fc.constantFrom(...pool),
      on: fc.constantFrom(...pool),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const subs = [subscription('m1.example'), subscription('m2.example')];
        for (const o of ops) {
          const s = subs[o.target]!;
          const other = subs[1 - o.target]!;
          const isTaken = (n: string) => namesOf(other).includes(n);
          const r =
            o.kind === 'alias'
              ? addAlias(s, o.on, o.name, isTaken)
              : o.kind === 'remove'
                ? removeWebsite(s, o.name)
                : addWebsite(s, { name: o.name, kind: o.kind as 'domain' | 'subdomain' }, isTaken);
          if (r.ok) subs[o.target] = r.subscription;
        }
        const all = subs.flatMap(namesOf);
        expect(new Set(all).size).toBe(all.length);
        for (const s of subs) {
          expect(s.usage).toEqual(usageOf(s.sites));
          expect(s.usage.max_site).toBeLessThanOrEqual(2);
          expect(s.usage.max_subdom).toBeLessThanOrEqual(2);
          expect(s.usage.max_dom_aliases).toBeLessThanOrEqual(2);
          expect(s.websites[0]).toBe(s.domain);
          for (const w of s.sites) if (w.kind === 'subdomain') expect(s.websites).toContain(w.parent);
        }
      }),
    );
  });
});

describe('overuse', () => {
  it('Overused = disk or traffic used above its own finite limit', () => {
    const s = ok(setWebsiteUsage(subscription('a.example'), 'a.example', { disk_space: 2 * GB }));
    expect(overusedKeys(s)).toEqual(['disk_space']);
    expect(overusedKeys(subscription('b.example', { disk_space: -1 }))).toEqual([]);
  });

  it("each policy suspends or not with Plesk's meaning; labels exist in both languages", () => {
    const suspends = OVERUSE_POLICIES.filter((p) => OVERUSE_POLICY_RULES[p].suspends);
    expect(suspends).toEqual(['block', 'notify', 'normal']);
    expect(overusePolicyLabel('not_suspend', 'en')).toBe('Overuse is allowed');
    expect(overusePolicyLabel('block', 'fr')).toBe("Le dépassement n'est pas autorisé");
    for (const p of OVERUSE_POLICIES) expect(overusePolicyLabel(p, 'fr')).not.toBe(overusePolicyLabel(p, 'en'));
  });
});

describe('suspension', () => {
  it('settle applies the overuse policy and expiration, and lifts them when they no longer apply', () => {
    const over = ok(setWebsiteUsage(subscription('a.example', { overuse: 'normal' }), 'a.example', { disk_space: 2 * GB }));
    expect(settle(over, REFERENCE_DATE)).toMatchObject({ overused: ['disk_space'], suspendedBy: ['overuse'], status: 'suspended' });
    const allowed = ok(setWebsiteUsage(subscription('a.example', { overuse: 'not_suspend' }), 'a.example', { disk_space: 2 * GB }));
    expect(settle(allowed, REFERENCE_DATE)).toMatchObject({ overused: ['disk_space'], suspendedBy: [], status: 'active' });
    const expiring = { ...subscription('e.example'), expiresAt: '2026-01-20' };
    expect(settle(expiring, REFERENCE_DATE).status).toBe('active');
    const expired = settle(expiring, '2026-01-20T00:00:00.000Z');
    expect(expired.suspendedBy).toEqual(['expired']);
    expect(settle({ ...expired, expiresAt: '2026-03-01' }, '2026-02-01T00:00:00.000Z').status).toBe('active');
    const same = subscription('s.example');
    expect(settle(same, REFERENCE_DATE)).toBe(same);
  });

  it('property: suspendedBy empty ⇔ status active, whatever the sequence of reasons', () => {
    const step = fc.record({ reason: fc.constantFrom(...SUSPENSION_REASONS), on: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        let s = subscription('a.example');
        const reference = new Set<string>();
        for (const { reason, on } of steps) {
          s = withReason(s, reason, on);
          if (on) reference.add(reason);
          else reference.delete(reason);
        }
        expect(new Set(s.suspendedBy)).toEqual(reference);
        expect(s.status === 'active').toBe(s.suspendedBy.length === 0);
        expect(statusOf(s.suspendedBy)).toBe(s.status);
      }),
    );
  });
});

describe('clock', () => {
  it('parses dates and instants, advances by a day or a calendar month', () => {
    expect(parseClock('2026-02-01')).toBe('2026-02-01T00:00:00.000Z');
    expect(parseClock('2026-02-01T10:00')).toBe('2026-02-01T10:00:00.000Z');
    expect(parseClock('nope')).toBeUndefined();
    expect(parseClock('2026-13-01')).toBeUndefined();
    expect(advanceClock(REFERENCE_DATE, 'day')).toBe('2026-01-02T00:00:00.000Z');
    expect(advanceClock('2026-01-31T00:00:00.000Z', 'month')).toBe('2026-02-28T00:00:00.000Z');
    expect(hasExpired(null, '9999-01-01T00:00:00.000Z')).toBe(false);
    expect(hasExpired('2026-01-20', '2026-01-19T23:59:59.000Z')).toBe(false);
  });
});
