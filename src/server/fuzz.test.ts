import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, type Permission } from '../domain/permissions';
import type { Role } from '../domain/roles';
import type { Access } from './plugins/auth';
import { createTestApp, type Agent, type TestApp } from './test/harness';

/**
 * A fuzz of every route the OpenAPI document describes: each operation is called, by a role that may call it, with a
 * bounded, fixed list of hostile inputs derived from its schema (NUL, unpaired surrogates, bidi overrides and 100 KB in
 * every string; wrong types, out-of-range and non-finite numbers, huge arrays and deep nesting in every field; missing,
 * malformed, foreign and deeply nested bodies; invalid path parameters). No answer may be a 5xx. The inputs are a fixed
 * list, so a failure is repeatable: it prints the route and the input.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
};
type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: JsonSchema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
type Document = { paths: Record<string, Record<string, Operation>> };

/** A request the fuzz sends: the URL with its query already encoded, the raw body text and its type. */
type Probe = { label: string; url: string; payload?: string | Buffer; contentType?: string; headers?: Record<string, string> };

let t: TestApp;
let document: Document;
const agents = new Map<Role, Agent>();
/** Who signs in for which permission: the first of these roles that holds it. */
const roleOrder: Role[] = ['office', 'sysadmin', 'secadmin', 'auditor', 'talent', 'enterprise', 'department', 'leader'];
/** Real record ids per path prefix, so a probe reaches past the 404 of an unknown record. */
const realIds = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roleOrder) agents.set(role, await t.login(role));
  const response = await agents.get('office')!.get('/api/openapi.json');
  document = response.json() as Document;
  const first = async (prefix: string, query: ReturnType<typeof sql>) => {
    const [row] = await t.rows<{ id: string }>(query);
    if (row) realIds.set(prefix, row.id);
  };
  await first('/api/talents', sql`select id from talents order by created_at limit 1`);
  await first('/api/enterprises', sql`select id from organisations where kind = 'enterprise' order by created_at limit 1`);
  await first('/api/policies', sql`select id from policies where code = 'LIVING'`);
  await first('/api/applications', sql`select id from applications order by created_at limit 1`);
  await first('/api/batches', sql`select id from disbursement_batches order by created_at limit 1`);
  await first('/api/entitlements', sql`select id from entitlements order by created_at limit 1`);
  await first('/api/notifications', sql`select id from notifications order by created_at limit 1`);
  // never a demo account: a probe that gets through (a disable, a role change) must not lock the fuzz out
  await first('/api/users', sql`select id from users where username not in ('office', 'sysadmin', 'secadmin', 'auditor', 'talent', 'enterprise', 'department', 'finance', 'leader') order by created_at limit 1`);
}, 120_000);
afterAll(async () => t?.close());

const hundredKilobytes = 'x'.repeat(100 * 1024);
/** JSON texts of hostile values: each replaces one field of an otherwise plausible body. */
const hostileStrings = ['"\\u0000"', '"a\\u0000b"', '"\\ud800"', '"x\\udfff"', '"\\u202e\\u2066abc"', '"\\u0007\\u009b"', `"${hundredKilobytes}"`, '"\\u200b\\ufeff"'];
const wrongTypes = ['{}', '[]', 'null', 'true', '12345', '"text"'];
const hostileNumbers = ['1e999', '-1e999', '-1', '0', '9007199254740993', '1.5', '-1e308', '1e308'];
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const hugeArray = `[${Array.from({ length: 20_000 }, () => '"x"').join(',')}]`;
const hostileFields = [...wrongTypes, deepArray(10_000), deepObject(2_000), hugeArray];

const hostilePathValues = ['not-a-uuid', '%00', '%ED%A0%80', '%E2%80%AE', '%FF%FE', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(2000), '00000000-0000-0000-0000-000000000000', randomUUID()];
/** Header values HTTP can carry (no control characters): long, Latin-1, empty, JSON-looking. */
const hostileHeaderValues = ['x'.repeat(8 * 1024), '\u00ff\u00e9', '', '{"a":1}', ' ', '%00'];
const hostileQueryValues = ['%00', 'a%00b', '%ED%A0%80', '%E2%80%AE', '%C0%80', '%FF', encodeURIComponent(hundredKilobytes), '-1', '99999999999999999999', '1e999', 'NaN', '[]', '%7B%7D'];

function resolve(schema: JsonSchema | undefined, components: Record<string, JsonSchema>): JsonSchema {
  let current = schema ?? {};
  for (let hops = 0; current.$ref && hops < 10; hops += 1) current = components[current.$ref.split('/').pop()!] ?? {};
  const options = current.anyOf ?? current.oneOf;
  if (options?.length) return resolve(options.find((option) => option.type !== 'null') ?? options[0], components);
  if (current.allOf?.length) return resolve(current.allOf[0], components);
  return current;
}

const typeOf = (schema: JsonSchema) => [schema.type].flat().find((type) => type && type !== 'null') ?? (schema.properties ? 'object' : undefined);

/** A plausible value of a schema: enough for a probe to reach the field it attacks. */
function plausible(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): unknown {
  const resolved = resolve(schema, components);
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum?.length) return resolved.enum[0];
  if (resolved.default !== undefined) return resolved.default;
  switch (typeOf(resolved)) {
    case 'string':
      if (resolved.format === 'uuid') return randomUUID();
      if (resolved.format === 'date') return '2026-06-01';
      if (resolved.format === 'date-time') return '2026-06-01T00:00:00.000Z';
      if (resolved.format === 'email') return 'fuzz@example.cn';
      if (resolved.format === 'uri') return 'https://example.cn/a';
      return 'x'.repeat(Math.max(1, resolved.minLength ?? 1));
    case 'integer':
    case 'number':
      return resolved.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 3 ? [] : [plausible(resolved.items ?? {}, components, depth + 1)];
    case 'object':
      return depth > 3 ? {} : Object.fromEntries(Object.entries(resolved.properties ?? {}).map(([key, value]) => [key, plausible(value, components, depth + 1)]));
    default:
      return { '==': [1, 1] };
  }
}

/** Each field's path with its schema, two levels deep (array items count as index 0). */
function fieldsOf(schema: JsonSchema, components: Record<string, JsonSchema>, path: (string | number)[] = [], depth = 0): { path: (string | number)[]; schema: JsonSchema }[] {
  const resolved = resolve(schema, components);
  const here = path.length ? [{ path, schema: resolved }] : [];
  if (depth >= 3) return here;
  if (typeOf(resolved) === 'object') {
    return [...here, ...Object.entries(resolved.properties ?? {}).flatMap(([key, value]) => fieldsOf(value, components, [...path, key], depth + 1))];
  }
  if (typeOf(resolved) === 'array' && resolved.items) return [...here, ...fieldsOf(resolved.items, components, [...path, 0], depth + 1)];
  return here;
}

const marker = '__FUZZ_VALUE__';
/** The base body with the value at `path` replaced by a JSON text. */
function replaced(base: unknown, path: (string | number)[], json: string): string {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let container = copy;
  path.slice(0, -1).forEach((segment, index) => {
    // an optional list or object left empty by its default: make room for the probe
    if (container[segment] === null || typeof container[segment] !== 'object') container[segment] = typeof path[index + 1] === 'number' ? [] : {};
    container = container[segment] as Record<string | number, unknown>;
  });
  container[path[path.length - 1]] = marker;
  return JSON.stringify(copy).replace(`"${marker}"`, json);
}

function probesOf(path: string, method: string, operation: Operation, components: Record<string, JsonSchema>): Probe[] {
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  const headerParameters = parameters.filter((parameter) => parameter.in === 'header');
  const realId = [...realIds.entries()].find(([prefix]) => path.startsWith(`${prefix}/`))?.[1];
  const pathValue = (parameter: Parameter) => {
    const value = plausible(parameter.schema ?? {}, components);
    return parameter.name === 'id' && realId ? realId : String(value);
  };
  const urlWith = (overrides: Record<string, string> = {}, query = '') => {
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? pathValue(pathParameters.find((parameter) => parameter.name === name)!));
    return query ? `${filled}?${query}` : filled;
  };
  const baseQuery = queryParameters
    .filter((parameter) => parameter.required)
    .map((parameter) => `${parameter.name}=${encodeURIComponent(String(plausible(parameter.schema ?? {}, components)))}`);
  const probes: Probe[] = [];
  const hasBody = method !== 'get' && method !== 'delete';
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  const base = bodySchema ? plausible(bodySchema, components) : undefined;
  const baseText = base === undefined ? undefined : JSON.stringify(base);
  const jsonBody = (payload: string): Pick<Probe, 'payload' | 'contentType'> => ({ payload, contentType: 'application/json' });
  const plain = { url: urlWith({}, baseQuery.join('&')), ...(hasBody && baseText ? jsonBody(baseText) : {}) };

  for (const parameter of pathParameters) {
    for (const value of hostilePathValues) probes.push({ ...plain, label: `path ${parameter.name}=${value.slice(0, 40)}`, url: urlWith({ [parameter.name]: value }, baseQuery.join('&')) });
  }
  for (const parameter of queryParameters) {
    const others = baseQuery.filter((pair) => !pair.startsWith(`${parameter.name}=`));
    for (const value of hostileQueryValues) probes.push({ ...plain, label: `query ${parameter.name}=${value.slice(0, 40)}`, url: urlWith({}, [...others, `${parameter.name}=${value}`].join('&')) });
    probes.push({ ...plain, label: `query ${parameter.name} twice`, url: urlWith({}, [...others, `${parameter.name}=a`, `${parameter.name}=b`].join('&')) });
  }
  for (const parameter of headerParameters) {
    for (const value of hostileHeaderValues) probes.push({ ...plain, label: `header ${parameter.name}=${value.slice(0, 40)}`, headers: { [parameter.name]: value } });
  }
  if (!hasBody) return probes;

  if (bodySchema) {
    for (const field of fieldsOf(bodySchema, components)) {
      const kind = typeOf(field.schema);
      const values = kind === 'string' ? [...hostileStrings, '{}', '12345', deepArray(10_000)] : kind === 'number' || kind === 'integer' ? [...hostileNumbers, '"1"', deepArray(10_000)] : hostileFields;
      for (const value of values) probes.push({ ...plain, label: `body ${field.path.join('.')}=${value.slice(0, 40)}`, ...jsonBody(replaced(base, field.path, value)) });
    }
  }
  // whole bodies
  const wholeBodies: [string, Pick<Probe, 'payload' | 'contentType'>][] = [
    ['no body', {}],
    ['empty JSON body', { payload: '', contentType: 'application/json' }],
    ['malformed JSON', jsonBody('{"a":')],
    ['JSON null', jsonBody('null')],
    ['JSON array', jsonBody('[]')],
    ['JSON string', jsonBody('"\\u0000"')],
    ['JSON number', jsonBody('1e999')],
    ['deep array body', jsonBody(deepArray(10_000))],
    ['deep object body', jsonBody(deepObject(10_000))],
    ['unpaired surrogate key', jsonBody('{"\\ud800":1}')],
    ['NUL key', jsonBody('{"\\u0000":"x"}')],
    ['__proto__ key', jsonBody('{"__proto__":{"x":1}}')],
    ['text/plain', { payload: baseText ?? 'x', contentType: 'text/plain' }],
    ['form', { payload: 'a=1', contentType: 'application/x-www-form-urlencoded' }],
    ['multipart', { payload: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n', contentType: 'multipart/form-data; boundary=b' }],
    ['xml', { payload: '<a/>', contentType: 'application/xml' }],
    ['octet-stream', { payload: Buffer.from([0, 1, 2, 3]), contentType: 'application/octet-stream' }],
    ['pdf type, not a PDF', { payload: Buffer.from('hello'), contentType: 'application/pdf' }],
    ['xlsx type, not a zip', { payload: Buffer.from('PK\u0003\u0004garbage'), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }],
    ['JSON with bad charset', { payload: baseText ?? '{}', contentType: 'application/json; charset=latin1' }],
  ];
  for (const [label, body] of wholeBodies) probes.push({ url: plain.url, label, ...body });
  return probes;
}

/** A role that may call a route (office when anyone signed in may). */
function roleFor(access: Access | undefined): Role | null {
  if (access === undefined || access === 'public' || access === 'authenticated') return 'office';
  const needed = [access].flat() as Permission[];
  return roleOrder.find((each) => needed.some((permission) => rolePermissions[each].includes(permission))) ?? null;
}

async function send(role: Role, method: string, probe: Probe) {
  const headers: Record<string, string> = { 'idempotency-key': randomUUID(), ...probe.headers };
  if (headers['idempotency-key'] === '') delete headers['idempotency-key'];
  if (probe.contentType) headers['content-type'] = probe.contentType;
  const response = await agents.get(role)!.request(method.toUpperCase() as 'GET', probe.url, probe.payload, { headers });
  // a probe that signed the agent out (logout) ended its session: sign in again
  if (!agents.get(role)!.cookie) agents.set(role, await t.login(role));
  return response;
}

describe('fuzz of every route in the OpenAPI document', () => {
  it('answers every hostile input with a 4xx (or a success), never a 5xx', async () => {
    const components = ((document as { components?: { schemas?: Record<string, JsonSchema> } }).components?.schemas ?? {}) as Record<string, JsonSchema>;
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    /** Probes refused for want of a session or a permission: they would test nothing past the door. */
    const locked: string[] = [];
    let operations = 0;
    for (const [openApiPath, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const fastifyPath = openApiPath.replace(/\{(\w+)\}/g, ':$1');
        const route = t.routes.find((each) => each.url === fastifyPath && each.method === method.toUpperCase());
        const role = roleFor(route?.config.access as Access | undefined);
        if (!role) continue;
        operations += 1;
        for (const probe of probesOf(openApiPath, method, operation, components)) {
          sent += 1;
          const response = await send(role, method, probe);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const code = response.statusCode === 401 || response.statusCode === 403 ? (JSON.parse(response.body) as { error?: { code?: string } }).error?.code : undefined;
          if ((code === 'unauthenticated' || code === 'forbidden') && !openApiPath.startsWith('/api/auth/')) locked.push(`${method.toUpperCase()} ${openApiPath} [${probe.label}] → ${response.statusCode}`);
          if (response.statusCode >= 500) failures.push(`${method.toUpperCase()} ${openApiPath} [${probe.label}] → ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
      }
    }
    console.info(`fuzz: ${operations} operations, ${sent} requests, ${failures.length} 5xx; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(failures).toEqual([]);
    expect(locked).toEqual([]);
    // every operation of the document was called by a role that may call it
    expect(operations).toBe(Object.values(document.paths).flatMap((methods) => Object.keys(methods)).length);
  }, 600_000);
});
