// @vitest-environment node
/**
 * Salvage (issue 13, class 5) as properties over the default scenario: whatever records are
 * broken, and however, what a salvage keeps is a consistent state (it passes the import rules),
 * nothing valid and independent is dropped, and every dropped record is named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordProblems, salvageState, validateState, type StateTable } from '../domain/state-rules';
import { buildScenario } from './scenarios';

const base = buildScenario('default');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any;
/** Ways to break a record, per table: each one breaks a rule of its create endpoint. */
const BREAKS: Record<StateTable, ((row: Row) => void)[]> = {
  customers: [
    (r) => (r.login = 'Bad Login'),
    (r) => (r.email = 'nobody@'),
    (r) => (r.country = 'XX'),
    (r) => (r.createdAt = '2025-02-30T00:00:00Z'),
    (r) => (r.contactName = '\u202e'),
    (r) => Object.keys(r).forEach((k) => delete r[k]),
  ],
  plans: [
    (r) => (r.name = '\u200b'),
    (r) => (r.kind = 'other'),
    (r) => (r.values.resources.max_box = 1e308),
    (r) => (r.values.hosting.shell = '/bin/evil'),
    (r) => (r.id = ''),
    (r) => Object.keys(r).forEach((k) => delete r[k]),
  ],
  subscriptions: [
    (r) => (r.domain = 'bad..example.com'),
    (r) => (r.systemUser = 'Root!'),
    (r) => (r.usage.disk_space = -1),
    (r) => (r.websites = []),
    (r) => (r.values.resources.max_db = 1.5),
    (r) => Object.keys(r).forEach((k) => delete r[k]),
  ],
};
const target = fc.tuple(fc.constantFrom<StateTable>('customers', 'plans', 'subscriptions'), fc.nat(), fc.nat({ max: 5 }));

describe('salvageState', () => {
  it('keeps a consistent state, drops only what is broken or depends on it, names every drop', () => {
    fc.assert(
      fc.property(fc.array(target, { minLength: 1, maxLength: 5 }), (targets) => {
        const doc = structuredClone(base) as unknown as Record<StateTable, Row[]> & Record<string, unknown>;
        const broken = new Map<StateTable, Set<string>>();
        for (const [table, n, b] of targets) {
          const rows = doc[table];
          const row = rows[n % rows.length];
          const id = row.id;
          if (id !== '' && id !== undefined) (broken.get(table) ?? broken.set(table, new Set()).get(table)!).add(id);
          try {
            BREAKS[table][b]!(row);
          } catch {
            // The row was emptied by an earlier break of the same run: it stays broken.
          }
        }
        const salvaged = salvageState(doc);
        expect(salvaged).toBeDefined();
        const { data, dropped } = salvaged!;
        // What is kept passes every import rule.
        expect(validateState(data).ok).toBe(true);
        // Kept + dropped = all, per table.
        for (const table of ['customers', 'plans', 'subscriptions'] as const) {
          expect(data[table].length + dropped.filter((d) => d.table === table).length).toBe(base[table].length);
        }
        // A broken record is never kept; an untouched customer or plan that nothing broken holds is.
        for (const [table, ids] of broken) for (const id of ids) expect(data[table].some((r: { id: string }) => r.id === id)).toBe(false);
        const brokenCustomers = broken.get('customers') ?? new Set();
        for (const c of base.customers)
          if (!brokenCustomers.has(c.id) && !targets.some(([t]) => t === 'customers')) expect(data.customers.some((k) => k.id === c.id)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps everything of a valid state, and nothing without a reseller', () => {
    for (const name of ['default', 'empty', 'sync-failure'] as const) {
      const s = buildScenario(name);
      const salvaged = salvageState(structuredClone(s));
      expect(salvaged?.dropped).toEqual([]);
      expect(salvaged?.data).toEqual(s);
    }
    expect(salvageState({ ...structuredClone(base), reseller: { name: 'x' } })).toBeUndefined();
  });
});

describe('recordProblems with records this app wrote (trusted)', () => {
  /** Breaks between records and breaks inside one, each applied to one subscription. */
  const CROSS: ((rows: Row[], i: number) => void)[] = [
    (rows, i) => (rows[i].websites = [...rows[i].websites.slice(0, 1), rows[(i + 1) % rows.length].domain]),
    (rows, i) => (rows[i].ownerId = 'cus-9999'),
    (rows, i) => (rows[i].systemUser = rows[(i + 1) % rows.length].systemUser),
    (rows, i) => (rows[i].ipAddress = '198.51.100.254'),
  ];
  const OWN: ((rows: Row[], i: number) => void)[] = [
    (rows, i) => (rows[i].usage = { ...rows[i].usage, disk_space: rows[i].usage.disk_space + 1 }),
    (rows, i) => (rows[i].status = rows[i].status === 'active' ? 'suspended' : 'active'),
    (rows, i) => (rows[i].sites = [{ ...rows[i].sites[0], parent: 'example.com' }, ...rows[i].sites.slice(1)]),
  ];

  it('checks every rule between records for them, and only their own rules are skipped', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: CROSS.length - 1 }), fc.nat({ max: OWN.length - 1 }), fc.boolean(), (n, c, o, cross) => {
        const doc = structuredClone(base) as unknown as { subscriptions: Row[] } & Record<string, unknown>;
        const rows = doc.subscriptions;
        const i = n % rows.length;
        (cross ? CROSS[c]! : OWN[o]!)(rows, i);
        const data = doc as unknown as Parameters<typeof recordProblems>[0];
        const plain = recordProblems(data);
        const trusting = recordProblems(data, new Set(rows));
        // Found without trust: at the record itself, or (a name or login taken) at whichever of the two comes later.
        expect(cross ? plain.length > 0 : plain.some((p) => p.index === i)).toBe(true);
        if (cross) expect(trusting.length).toBeGreaterThan(0);
        else expect(trusting).toEqual([]);
        // Whatever is found while trusting is found without: trust only takes away.
        for (const p of trusting) expect(plain).toContainEqual(p);
      }),
      { numRuns: 60 },
    );
  });
});

describe('salvageState of a whole state as written', () => {
  it('skips the rules between records only when every record is trusted', () => {
    const doc = structuredClone(base) as unknown as { subscriptions: Row[] } & Record<string, unknown>;
    // Between records only: two subscriptions on one system user.
    doc.subscriptions[1].systemUser = doc.subscriptions[0].systemUser;
    const all = new Set<unknown>([...doc.subscriptions, ...(doc.customers as Row[]), ...(doc.plans as Row[])]);
    expect(salvageState(doc, 'x', all, true)!.dropped).toEqual([]);
    const allButOne = new Set([...all].filter((row) => row !== doc.subscriptions[5]));
    expect(salvageState(doc, 'x', allButOne, true)!.dropped.map((d) => d.id)).toEqual([doc.subscriptions[1].id]);
    expect(salvageState(doc, 'x', all, false)!.dropped.map((d) => d.id)).toEqual([doc.subscriptions[1].id]);
  });
});
