import { describe, expect, it } from 'vitest';
import { buildScenario } from './scenarios';
import { readDocument, SCHEMA_VERSION, toDocument } from './state-document';

/** A version-1 document as the panel saved it before websites had records. */
function versionOne(): Record<string, unknown> {
  const doc = toDocument(buildScenario('default')) as unknown as Record<string, unknown>;
  const subscriptions = (doc.subscriptions as Array<Record<string, unknown>>).map((s) => {
    const {
      sites: _sites,
      suspendedBy: _by,
      overused: _over,
      usage,
      ...rest
    } = s as Record<string, unknown> & { usage: { disk_space: number; max_traffic: number } };
    return { ...rest, usage: { disk_space: usage.disk_space, max_traffic: usage.max_traffic } };
  });
  const { clock: _clock, ...reseller } = doc.reseller as Record<string, unknown>;
  return { ...doc, schemaVersion: 1, reseller, subscriptions };
}

describe('state document', () => {
  it('is at schema version 2 and reads back what it writes', () => {
    expect(SCHEMA_VERSION).toBe(2);
    const result = readDocument(JSON.parse(JSON.stringify(toDocument(buildScenario('default')))));
    expect(result).toMatchObject({ ok: true, migrated: false });
  });

  it('migrates a version-1 document: website records, usage counts, suspension reasons', () => {
    const result = readDocument(versionOne());
    if (!result.ok) throw new Error(result.detail);
    expect(result.migrated).toBe(true);
    const pacific = result.snapshot.subscriptions.find((s) => s.domain === 'pacific-imports.co.uk')!;
    expect(pacific.sites.map((w) => [w.name, w.kind])).toEqual([
      ['pacific-imports.co.uk', 'domain'],
      ['shop.pacific-imports.co.uk', 'subdomain'],
      ['pacific-imports.com', 'domain'],
    ]);
    expect(pacific.usage).toMatchObject({ max_site: 2, max_subdom: 1 });
    const tanaka = result.snapshot.subscriptions.find((s) => s.domain === 'tanaka-studio.jp')!;
    expect(tanaka).toMatchObject({ status: 'suspended', suspendedBy: ['customer'] });
    const rossi = result.snapshot.subscriptions.find((s) => s.domain === 'trattoria-rossi.it')!;
    expect(rossi.suspendedBy).toEqual(['reseller']);
  });

  it('refuses inconsistent websites and reasons', () => {
    const doc = JSON.parse(JSON.stringify(toDocument(buildScenario('default'))));
    doc.subscriptions[1].sites[0].aliases = [doc.subscriptions[0].domain];
    expect(readDocument(doc)).toMatchObject({
      ok: false,
      reason: 'invalid',
      issues: expect.arrayContaining([{ path: 'subscriptions.1.sites.0.aliases.0', code: 'taken' }]),
    });
    const doc2 = JSON.parse(JSON.stringify(toDocument(buildScenario('default'))));
    doc2.subscriptions[0].suspendedBy = ['reseller'];
    expect(readDocument(doc2)).toMatchObject({ ok: false, issues: expect.arrayContaining([{ path: 'subscriptions.0.status', code: 'invalid_value' }]) });
  });
});
