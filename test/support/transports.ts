import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
// The npm xmlrpc package is an independent encoder and parser, so these tests do not check
// slemu's codec against itself.
import Deserializer from 'xmlrpc/lib/deserializer';
import { serializeMethodCall } from 'xmlrpc/lib/serializer';

export type TestAuth = { username: string; apiKey: string } | { userId: number; authToken: string };

export interface TestCall {
  service: string;
  method: string;
  args?: unknown[];
  id?: number | string;
  auth?: TestAuth;
  /** A mask string, or (XML-RPC and JSON-RPC only) the legacy struct under <Service>ObjectMask. */
  mask?: string | Record<string, unknown>;
  filter?: unknown;
  resultLimit?: { limit: number; offset: number };
}

export type TestOutcome =
  | { ok: true; value: unknown; status: number; headers: Record<string, unknown> }
  | { ok: false; code: string; message: string; status: number };

export type Caller = (app: FastifyInstance, call: TestCall) => Promise<TestOutcome>;

/** The SoftLayer headers struct, as XML-RPC and JSON-RPC carry it. */
function softlayerHeaders(call: TestCall): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  if (call.auth && 'apiKey' in call.auth) headers.authenticate = call.auth;
  if (call.auth && 'authToken' in call.auth) {
    headers.authenticate = { ...call.auth, complexType: 'PortalLoginToken' };
  }
  if (call.id !== undefined) headers[`${call.service}InitParameters`] = { id: call.id };
  if (typeof call.mask === 'string') headers.SoftLayer_ObjectMask = { mask: call.mask };
  if (typeof call.mask === 'object') headers[`${call.service}ObjectMask`] = { mask: call.mask };
  if (call.filter !== undefined) headers[`${call.service}ObjectFilter`] = call.filter;
  if (call.resultLimit) headers.resultLimit = call.resultLimit;
  return headers;
}

export const callXmlRpc: Caller = async (app, call) => {
  const headers = softlayerHeaders(call);
  const body = serializeMethodCall(call.method, [{ headers }, ...(call.args ?? [])]);
  const response = await app.inject({
    method: 'POST',
    url: `/xmlrpc/v3.1/${call.service}`,
    headers: { 'content-type': 'text/xml' },
    payload: body,
  });

  try {
    const value = await parseResponse(response.body);
    return { ok: true, value, status: response.statusCode, headers: response.headers };
  } catch (error) {
    const fault = error as { faultCode?: string; faultString?: string };
    if (fault.faultCode === undefined) throw error;
    return {
      ok: false,
      code: fault.faultCode,
      message: fault.faultString ?? '',
      status: response.statusCode,
    };
  }
};

// slemu sends list results without <methodResponse> (softlayer-go needs that); the npm parser
// insists on the wrapper, so the test adds it back there. Other results arrive wrapped.
function parseResponse(body: string): Promise<unknown> {
  const wrapped = body.includes('<methodResponse>')
    ? body
    : body
        .replace(/<params>/, '<methodResponse><params>')
        .replace(/<\/params>\s*$/, '</params></methodResponse>');
  return new Promise((resolve, reject) => {
    new Deserializer().deserializeMethodResponse(
      Readable.from([wrapped]),
      (error: unknown, value: unknown) => (error ? reject(error) : resolve(value)),
    );
  });
}

export const callRest: Caller = async (app, call) => {
  const path = [call.service, call.id, `${call.method}.json`]
    .filter((p) => p !== undefined)
    .join('/');
  const query = new URLSearchParams();
  if (typeof call.mask === 'object') throw new Error('REST has no structured mask');
  if (call.mask !== undefined) query.set('objectMask', call.mask);
  if (call.filter !== undefined) query.set('objectFilter', JSON.stringify(call.filter));
  if (call.resultLimit)
    query.set('resultLimit', `${call.resultLimit.offset},${call.resultLimit.limit}`);

  const headers: Record<string, string> = {};
  if (call.auth) {
    const [user, secret] =
      'apiKey' in call.auth
        ? [call.auth.username, call.auth.apiKey]
        : [String(call.auth.userId), call.auth.authToken];
    headers.authorization = `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
  }

  const hasArgs = (call.args ?? []).length > 0;
  const response = await app.inject({
    method: hasArgs ? 'POST' : 'GET',
    url: `/rest/v3.1/${path}${query.size > 0 ? `?${query}` : ''}`,
    headers: hasArgs ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(hasArgs ? { payload: JSON.stringify({ parameters: call.args }) } : {}),
  });

  const body = JSON.parse(response.body) as unknown;
  if (response.statusCode >= 200 && response.statusCode < 300) {
    return { ok: true, value: body, status: response.statusCode, headers: response.headers };
  }
  const error = body as { error: string; code: string };
  return { ok: false, code: error.code, message: error.error, status: response.statusCode };
};

export const callJsonRpc: Caller = async (app, call) => {
  const request = {
    jsonrpc: '2.0',
    method: `${call.service}.${call.method}`,
    params: call.args ?? [],
    headers: softlayerHeaders(call),
    id: 1,
  };
  const response = await app.inject({
    method: 'POST',
    url: '/jsonrpc/v3.1',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(request),
  });

  const body = JSON.parse(response.body) as {
    result?: unknown;
    error?: { code: number; message: string; data: { exception: string } };
  };
  if (!body.error) {
    return { ok: true, value: body.result, status: response.statusCode, headers: response.headers };
  }
  return {
    ok: false,
    code: body.error.data.exception,
    message: body.error.message,
    status: response.statusCode,
  };
};

/** Every transport, for `describe.each` so each case runs over each wire. */
export const transports: [string, Caller][] = [
  ['xmlrpc', callXmlRpc],
  ['rest', callRest],
  ['jsonrpc', callJsonRpc],
];

export function expectFault(
  outcome: TestOutcome,
  code: string,
): asserts outcome is Extract<TestOutcome, { ok: false }> {
  if (outcome.ok) throw new Error(`expected fault ${code}, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.code).toBe(code);
}

export function expectValue(outcome: TestOutcome): unknown {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.code}: ${outcome.message}`);
  return outcome.value;
}
