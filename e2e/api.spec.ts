import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import type { BrowserServer } from '../electron/browser/server';
import { permissions, rolesFor, type Role } from '../electron/api/permissions';
import type { MethodName } from '../electron/api/methods';
import { demoUser } from './sign-in';

interface Listed {
  method: string;
  description: string;
  input: JsonSchema;
}

interface ErrorBody {
  ok: false;
  error: {
    code: string;
    message: string;
    details?: { issues?: { path: unknown[]; message: string }[] };
  };
}

const tokenHeader = 'x-standalone-token';

function callApi(
  request: APIRequestContext,
  harness: BrowserServer,
  body: unknown,
  /** null: send no token header at all. */
  token: string | null = harness.token,
) {
  return request.post(`${harness.url}api/call`, {
    data: body,
    headers: token === null ? {} : { [tokenHeader]: token },
  });
}

interface JsonSchema {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
}

function jsonTypesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number')
    return Number.isInteger(value) ? ['number', 'integer'] : ['number'];
  return [typeof value];
}

/** The JSON types a schema accepts; empty when it does not say (then anything may pass). */
function acceptedTypes(schema: JsonSchema, root: JsonSchema): Set<string> {
  const types = new Set<string>();
  if (schema.$ref) {
    const target = root.$defs?.[schema.$ref.replace('#/$defs/', '')];
    return target ? acceptedTypes(target, root) : types;
  }
  for (const t of [schema.type ?? []].flat()) types.add(t);
  for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    for (const t of acceptedTypes(part, root)) types.add(t);
  }
  for (const value of [...(schema.enum ?? []), ...('const' in schema ? [schema.const] : [])]) {
    for (const t of jsonTypesOf(value)) types.add(t);
  }
  if (types.has('integer')) types.add('number');
  return types;
}

/** A value of a JSON type the property does not accept, or undefined if it accepts any. */
function wrongValueFor(schema: JsonSchema, root: JsonSchema): unknown {
  const accepted = acceptedTypes(schema, root);
  if (accepted.size === 0) return undefined;
  const candidates: unknown[] = [12345, 'not-the-right-type', true, [], null];
  return candidates.find((value) => jsonTypesOf(value).every((t) => !accepted.has(t)));
}

async function listMethods(request: APIRequestContext, harness: BrowserServer): Promise<Listed[]> {
  // The listing needs the token like a call: only the page served at this start may read it.
  const refused = await request.get(`${harness.url}api`);
  expect(refused.status()).toBe(401);
  const response = await request.get(`${harness.url}api`, {
    headers: { [tokenHeader]: harness.token },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as Listed[];
}

test('an unknown method is answered with unknown_method (HTTP 200)', async ({
  request,
  harness,
}) => {
  const response = await callApi(request, harness, { method: 'no.such.method', input: {} });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as ErrorBody;
  expect(body.ok).toBe(false);
  expect(body.error.code).toBe('unknown_method');
});

test('GET /api lists every method with a JSON Schema of its input', async ({
  request,
  harness,
}) => {
  const methods = await listMethods(request, harness);
  const names = methods.map((m) => m.method);
  for (const known of [
    'app.info',
    'db.check',
    'audit.verify',
    'audit.list',
    'demo.load',
    'devices.list',
    'devices.get',
  ]) {
    expect(names).toContain(known);
  }
  for (const m of methods) {
    expect(m.input.type, m.method).toBe('object');
    expect(m.description.length, m.method).toBeGreaterThan(0);
  }
});

/**
 * Who may call a method is checked before its input is parsed, so each method is called by a
 * demo user holding a role it admits (signed in over the API, as the station's user).
 */
async function signInFor(
  request: APIRequestContext,
  harness: BrowserServer,
  method: string,
  current: Role | undefined,
): Promise<Role | undefined> {
  const access = permissions[method as MethodName];
  if (access.who === 'anyone') return current;
  const needed = rolesFor(access);
  if (current && (needed === null || needed.includes(current))) return current;
  const role = needed?.[0] ?? 'biomed';
  const user = demoUser(role);
  await callApi(request, harness, { method: 'session.signOut', input: {} });
  const signedIn = await callApi(request, harness, {
    method: 'session.signIn',
    input: { staffId: user.staffId, secret: user.pin, role },
  });
  expect(((await signedIn.json()) as { ok: boolean }).ok, `sign in as ${role}`).toBe(true);
  return role;
}

test('every method rejects malformed input with invalid_input and the issue paths', async ({
  request,
  harness,
}) => {
  const methods = await listMethods(request, harness);
  expect(methods.length).toBeGreaterThan(0);
  // First run: anyone may load the demo, which brings one demo user per role.
  const demo = await callApi(request, harness, { method: 'demo.load', input: {} });
  expect(((await demo.json()) as { ok: boolean }).ok).toBe(true);
  let role: Role | undefined;
  for (const { method, input } of methods) {
    role = await signInFor(request, harness, method, role);
    // An unexpected key: every input is a strict object.
    const extra = await callApi(request, harness, { method, input: { unexpected: 1 } });
    expect(extra.status(), method).toBe(200);
    const extraBody = (await extra.json()) as ErrorBody;
    expect(extraBody.ok, method).toBe(false);
    expect(extraBody.error.code, method).toBe('invalid_input');
    const extraIssues = extraBody.error.details?.issues ?? [];
    expect(extraIssues.length, method).toBeGreaterThan(0);
    for (const issue of extraIssues) expect(Array.isArray(issue.path), method).toBe(true);
    // Zod reports an unknown key at the object that holds it (here the root), naming the key.
    expect(
      extraIssues.some((issue) => issue.path.length === 0 && issue.message.includes('unexpected')),
      method,
    ).toBe(true);

    // Not an object at all: the issue is at the root.
    const scalar = await callApi(request, harness, { method, input: 'not an object' });
    const scalarBody = (await scalar.json()) as ErrorBody;
    expect(scalarBody.error.code, method).toBe('invalid_input');
    expect(
      scalarBody.error.details?.issues?.map((i) => i.path),
      method,
    ).toContainEqual([]);

    // Each property with a value of the wrong type: the issue names that property.
    for (const [property, schema] of Object.entries(input.properties ?? {})) {
      const value = wrongValueFor(schema, input);
      // A property that accepts any JSON value cannot be given a wrong type.
      if (value === undefined) continue;
      const wrong = await callApi(request, harness, { method, input: { [property]: value } });
      const wrongBody = (await wrong.json()) as ErrorBody;
      expect(wrongBody.error.code, `${method}.${property}`).toBe('invalid_input');
      expect(
        wrongBody.error.details?.issues?.map((i) => i.path),
        `${method}.${property}`,
      ).toContainEqual([property]);
    }
  }
});

test('calls need the per-start token', async ({ request, harness }) => {
  const missing = await callApi(request, harness, { method: 'app.info', input: {} }, null);
  expect(missing.status()).toBe(401);
  expect(((await missing.json()) as ErrorBody).error.code).toBe('unauthenticated');

  const wrong = await callApi(request, harness, { method: 'app.info', input: {} }, 'f'.repeat(64));
  expect(wrong.status()).toBe(401);

  const right = await callApi(request, harness, { method: 'app.info', input: {} });
  expect(right.status()).toBe(200);
  expect(((await right.json()) as { ok: boolean }).ok).toBe(true);
});

test('malformed JSON is a 400 with a clear message; a body over 10 MB is a 413', async ({
  request,
  harness,
}) => {
  const headers = { [tokenHeader]: harness.token, 'content-type': 'application/json' };
  const malformed = await request.post(`${harness.url}api/call`, {
    headers,
    // A Buffer is sent as is (a string would be JSON-encoded into a valid JSON string).
    data: Buffer.from('{"method": '),
  });
  expect(malformed.status()).toBe(400);
  const body = (await malformed.json()) as ErrorBody;
  expect(body.error.message).toContain('not valid JSON');

  const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
  const tooLarge = await request.post(`${harness.url}api/call`, { headers, data: huge });
  expect(tooLarge.status()).toBe(413);
});

test('static files: only with the token, the same CSP header, the bridge injected, no path traversal', async ({
  request,
  harness,
}) => {
  // Without this start's token the page (and the bridge holding the token) is not served.
  expect((await request.get(harness.url)).status()).toBe(401);
  expect((await request.get(`${harness.url}__standalone/bridge.js`)).status()).toBe(401);
  expect((await request.get(`${harness.url}?token=${'0'.repeat(64)}`)).status()).toBe(401);

  const index = await request.get(harness.openUrl);
  expect(index.status()).toBe(200);
  expect(index.url()).toBe(harness.url);
  expect(index.headers()['content-type']).toContain('text/html');
  expect(index.headers()['content-security-policy']).toContain("default-src 'none'");
  const html = await index.text();
  expect(html.indexOf('/__standalone/bridge.js')).toBeGreaterThan(-1);
  expect(html.indexOf('/__standalone/bridge.js')).toBeLessThan(html.indexOf('type="module"'));

  const bridge = await request.get(`${harness.url}__standalone/bridge.js`);
  expect(bridge.headers()['content-type']).toContain('text/javascript');

  const traversal = await request.get(`${harness.url}assets/..%2f..%2f..%2fpackage.json`);
  expect(traversal.status()).toBe(404);
  expect(await traversal.text()).not.toContain('better-sqlite3');
});
