import type { FastifyInstance, LightMyRequestResponse as InjectResponse } from 'fastify';

/** What a wire answered, reduced to what every hostile-input test checks. */
export type WireAnswer =
  | { kind: 'success' }
  | { kind: 'fault'; code: unknown; message: unknown; status: number }
  | { kind: 'unreadable'; reason: string };

/**
 * A transport as raw bytes see it: where a call to Service::method goes and how its answer is
 * read. The fuzz and hostile-input suites post garbage to every entry; adding a transport to
 * them is one line in `rawWires`.
 */
export interface RawWire {
  name: string;
  url: (service: string, method: string) => string;
  contentType: string;
  read: (response: InjectResponse) => WireAnswer;
}

const FAULT_CODE = /<name>faultCode<\/name>\s*<value>\s*<string>([^<]*)<\/string>/;
const FAULT_STRING = /<name>faultString<\/name>\s*<value>\s*<string>([^<]*)<\/string>/;

/** XML-RPC: HTTP 200 always, a <fault> whose faultCode is a string (wire.md §6.2). */
export function readXmlRpc(response: InjectResponse): WireAnswer {
  const body = response.body;
  if (response.statusCode !== 200)
    return { kind: 'unreadable', reason: `HTTP ${response.statusCode}` };
  if (!body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')) {
    return { kind: 'unreadable', reason: 'no XML prolog' };
  }
  if (!body.includes('<fault>')) return { kind: 'success' };

  const code = FAULT_CODE.exec(body)?.[1];
  const message = FAULT_STRING.exec(body)?.[1];
  if (code === undefined) return { kind: 'unreadable', reason: 'fault without a string faultCode' };
  return { kind: 'fault', code, message, status: response.statusCode };
}

/** REST: 2xx with a JSON body, or {error, code} with a 4xx/5xx status. */
export function readRest(response: InjectResponse): WireAnswer {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return { kind: 'unreadable', reason: `not JSON: ${response.body.slice(0, 80)}` };
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return { kind: 'success' };

  const error = body as { error?: unknown; code?: unknown };
  const keys = Object.keys(body ?? {})
    .sort()
    .join(',');
  if (keys !== 'code,error') return { kind: 'unreadable', reason: `error body has keys ${keys}` };
  return { kind: 'fault', code: error.code, message: error.error, status: response.statusCode };
}

/** JSON-RPC: HTTP 200 with one response or a batch of them, or 204 for notifications only. */
export function readJsonRpc(response: InjectResponse): WireAnswer {
  if (response.statusCode === 204 && response.body === '') return { kind: 'success' };
  if (response.statusCode !== 200)
    return { kind: 'unreadable', reason: `HTTP ${response.statusCode}` };

  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return { kind: 'unreadable', reason: `not JSON: ${response.body.slice(0, 80)}` };
  }
  const replies = (Array.isArray(body) ? body : [body]) as {
    jsonrpc?: unknown;
    error?: { message?: unknown; data?: { exception?: unknown } };
  }[];
  for (const reply of replies) {
    if (reply.jsonrpc !== '2.0') return { kind: 'unreadable', reason: 'no "jsonrpc": "2.0"' };
    if (!reply.error) continue;
    const code = reply.error.data?.exception;
    if (typeof code !== 'string')
      return { kind: 'unreadable', reason: 'error without data.exception' };
    return { kind: 'fault', code, message: reply.error.message, status: response.statusCode };
  }
  return { kind: 'success' };
}

export const rawWires: RawWire[] = [
  { name: 'xmlrpc', url: (s) => `/xmlrpc/v3.1/${s}`, contentType: 'text/xml', read: readXmlRpc },
  {
    name: 'rest',
    url: (s, m) => `/rest/v3.1/${s}/${m}.json`,
    contentType: 'application/json',
    read: readRest,
  },
  {
    name: 'jsonrpc',
    url: (s) => `/jsonrpc/v3.1/${s}`,
    contentType: 'application/json',
    read: readJsonRpc,
  },
];

/**
 * Posts a raw body and checks the promise every wire keeps: a readable SoftLayer-shaped answer,
 * never the generic internal error (an exception slemu did not expect) and never a stack trace.
 */
export async function postRaw(
  app: FastifyInstance,
  wire: RawWire,
  body: string | Buffer,
  target: { service?: string; method?: string; contentType?: string } = {},
): Promise<WireAnswer> {
  const response = await app.inject({
    method: 'POST',
    url: wire.url(target.service ?? 'SoftLayer_User_Customer', target.method ?? 'getObject'),
    headers: { 'content-type': target.contentType ?? wire.contentType },
    payload: body,
  });
  const answer = wire.read(response);
  if (answer.kind === 'unreadable')
    throw new Error(`${wire.name}: unreadable answer, ${answer.reason}`);
  if (/\n\s+at .+:\d+:\d+/.test(response.body))
    throw new Error(`${wire.name}: a stack trace on the wire`);
  if (answer.kind === 'fault' && answer.message === 'Internal Error') {
    throw new Error(`${wire.name}: internal error for ${String(body).slice(0, 120)}`);
  }
  return answer;
}
