/**
 * The OpenAPI 3.1 document of the mock API, generated from the contract (contract.ts) with
 * zod's own JSON Schema output: what the mock validates with is what the document says.
 * Served at GET /api/v1/openapi.json and written to docs/openapi.json (`npm run openapi`).
 */
import { z } from 'zod/mini';
import {
  ANY_WRITE_ERRORS,
  ENDPOINTS,
  customerViewSchema,
  planViewSchema,
  problemSchema,
  resellerViewSchema,
  subscriptionViewSchema,
  syncConflictSchema,
  syncReportSchema,
  type Endpoint,
} from './contract';
import { valuesPatchSchema, valuesSchema } from './schemas';

type JsonSchema = Record<string, unknown>;

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON, or no body where one is required.',
  403: 'The reseller lacks a permission the action needs.',
  404: 'Unknown id, or unknown path.',
  405: 'A known path with a method it does not take (the Allow header lists the ones it does).',
  409: 'Conflict: a duplicate name, a limit reached, a plan in use, an action the record does not allow.',
  412: 'If-Match names another revision of the record.',
  413: 'The request carries more than the API takes in one request.',
  507: 'The change could not be saved: the browser storage is full (nothing was changed).',
  422: 'Validation failed: `errors` per field path, `issues` with codes.',
  503: 'A simulated failure (fault injection), or the browser could not save the change (storage-failed).',
};

/** Shapes used in many places: written once under components.schemas and referenced. */
const NAMED: ReadonlyArray<[string, z.ZodMiniType]> = [
  ['Values', valuesSchema],
  ['ValuesPatch', valuesPatchSchema],
  ['Customer', customerViewSchema],
  ['Plan', planViewSchema],
  ['Subscription', subscriptionViewSchema],
  ['Reseller', resellerViewSchema],
  ['SyncConflict', syncConflictSchema],
  ['SyncReport', syncReportSchema],
  ['Problem', problemSchema],
];
const registry = z.registry<{ id: string }>();
for (const [id, schema] of NAMED) registry.add(schema, { id });

/** JSON Schema of one zod schema, as OpenAPI 3.1 takes it (draft 2020-12, no `$schema`); named shapes go to `components`. */
function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io,
    metadata: registry,
  }) as JsonSchema;
  rewriteRefs(json);
  delete json.$schema;
  const defs = json.$defs as Record<string, JsonSchema> | undefined;
  if (defs) {
    for (const [id, def] of Object.entries(defs)) {
      delete def.id;
      components[id] ??= def;
    }
    delete json.$defs;
  }
  delete json.id;
  // A named schema at the top comes back whole: reference it instead.
  const name = NAMED.find(([, s]) => s === schema)?.[0];
  if (name) {
    components[name] ??= json;
    return { $ref: `#/components/schemas/${name}` };
  }
  return json;
}

/** zod points at `#/$defs/X`; the document keeps them under components.schemas. */
function rewriteRefs(node: unknown): void {
  if (Array.isArray(node)) node.forEach(rewriteRefs);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.$ref === 'string') o.$ref = o.$ref.replace('#/$defs/', '#/components/schemas/');
    for (const value of Object.values(o)) rewriteRefs(value);
  }
}

function operationOf(endpoint: Endpoint, components: Record<string, JsonSchema>) {
  const pathParams = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    description: 'Any string: one that names no record is unknown (404).',
    schema: { type: 'string' },
  }));
  const queryParams = (endpoint.query ?? []).map((q) => ({
    name: q.name,
    in: 'query',
    required: false,
    description: q.description,
    schema: schemaOf(q.schema, 'input', components),
  }));
  const ifMatch =
    endpoint.method !== 'get' && endpoint.path.includes('{id}')
      ? [{ name: 'If-Match', in: 'header', required: false, description: 'The ETag of the record as last read; stale → 412.', schema: { type: 'string' } }]
      : [];
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(endpoint.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.etag ? { headers: { ETag: { description: 'The revision of the record (for If-Match).', schema: { type: 'string' } } } } : {}),
      ...(r.schema ? { content: { 'application/json': { schema: schemaOf(r.schema, 'output', components) } } } : {}),
    };
  }
  const errors = new Set([...endpoint.errors, ...(endpoint.method === 'get' ? [] : ANY_WRITE_ERRORS)]);
  for (const status of [...errors].sort()) {
    responses[String(status)] = {
      description: PROBLEM_DESCRIPTIONS[status] ?? 'An error.',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  const operationId = `${endpoint.method}${endpoint.path.replace(/[{}]/g, '').replace(/(^|[/_-])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`;
  return {
    operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...(pathParams.length + queryParams.length + ifMatch.length > 0 ? { parameters: [...pathParams, ...ifMatch, ...queryParams] } : {}),
    ...(endpoint.body
      ? { requestBody: { required: !endpoint.body.optional, content: { 'application/json': { schema: schemaOf(endpoint.body.schema, 'input', components) } } } }
      : {}),
    responses,
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, JsonSchema> = {};
  for (const endpoint of ENDPOINTS) (paths[endpoint.path] ??= {})[endpoint.method] = operationOf(endpoint, components);
  schemaOf(problemSchema, 'output', components);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hosting Panel mock API',
      version: '1',
      description:
        'The reseller side of a Plesk-like hosting panel, served by a mock (MSW) in the browser. Every body is described by the schemas the mock itself validates with. /_mock endpoints are prototype tools, never delayed or failed by the fault settings.',
    },
    servers: [{ url: '/api/v1' }],
    tags: ['Reseller', 'Customers', 'Service plans', 'Subscriptions', 'Prototype tools', 'Contract'].map((name) => ({ name })),
    paths,
    components: { schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))) },
  };
}
