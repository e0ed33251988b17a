// @vitest-environment node
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from './contract';
import { openApiDocument } from './openapi';

/** Every endpoint SPEC §2 names (method and path, `{id}` for a parameter). */
const SPEC_ENDPOINTS = [
  'get /reseller',
  'get /customers',
  'post /customers',
  'get /customers/{id}',
  'patch /customers/{id}',
  'delete /customers/{id}',
  'post /customers/{id}/suspend',
  'post /customers/{id}/activate',
  'get /service-plans',
  'post /service-plans',
  'get /service-plans/{id}',
  'put /service-plans/{id}',
  'delete /service-plans/{id}',
  'post /service-plans/{id}/clone',
  'get /subscriptions',
  'post /subscriptions',
  'get /subscriptions/{id}',
  'delete /subscriptions/{id}',
  'put /subscriptions/{id}/values',
  'post /subscriptions/{id}/sync',
  'post /subscriptions/{id}/unlock-and-sync',
  'post /subscriptions/{id}/suspend',
  'post /subscriptions/{id}/activate',
  'post /subscriptions/bulk',
  'get /openapi.json',
  'post /_mock/reset',
  'get /_mock/state',
  'put /_mock/state',
  'get /_mock/settings',
  'put /_mock/settings',
  'patch /_mock/provider',
  'get /_mock/health',
];

describe('OpenAPI document', () => {
  const doc = openApiDocument();

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every endpoint of SPEC §2, each with its responses and problem answers', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    for (const endpoint of SPEC_ENDPOINTS) expect(documented, endpoint).toContain(endpoint);
    for (const e of ENDPOINTS) {
      const op = (doc.paths[e.path] as Record<string, { responses: Record<string, unknown> }>)[e.method]!;
      expect(Object.keys(op.responses).length, `${e.method} ${e.path}`).toBeGreaterThan(0);
    }
  });
});
