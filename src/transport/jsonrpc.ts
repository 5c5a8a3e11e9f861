import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../dispatch/api-error';
import type { ApiCall, ApiResult, CallSummary } from '../dispatch/call';
import type { Dispatcher } from '../dispatch/dispatcher';
import { newRequestQuota, type RequestQuota } from '../dispatch/request-quota';
import { credentialsFromAuthorization } from './http-auth';
import { readJsonBody } from './json-text';
import { applyHeaders, isStruct } from './softlayer-headers';
import { asApiError } from './wire-errors';
import { isApiVersion } from './xmlrpc';

// JSON-RPC 2.0 is slemu's own addition; SoftLayer has no JSON-RPC endpoint. A request names
// "<Service>.<method>" (or "<method>" when the URL names the service), params are the positional
// arguments and `headers` holds the same SoftLayer headers XML-RPC sends. Errors carry the
// SoftLayer exception name in data.exception (README, "JSON-RPC").

const JSON_TYPE = 'application/json; charset=utf-8';

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const INVALID_PARAMS = -32602;
// Calls run one after another on one event loop: a batch's size bounds how long it holds it.
const MAX_BATCH = 50;
/** Every SoftLayer exception; data.exception says which. */
const SOFTLAYER_EXCEPTION = -32000;

type Id = string | number | null;

interface RpcError {
  code: number;
  message: string;
  data: { exception: string };
}

type RpcResponse =
  { jsonrpc: '2.0'; result: unknown; id: Id } | { jsonrpc: '2.0'; error: RpcError; id: Id };

interface Outcome {
  response?: RpcResponse;
  totalItems?: number;
}

class EnvelopeError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** JSON-RPC 2.0 at POST /jsonrpc/v3[.1][/<Service>], single calls and batches. */
export function jsonrpcTransport(dispatcher: Dispatcher) {
  return async function routes(app: FastifyInstance): Promise<void> {
    // Failures before any call is read: an oversized or unreadable body, or slemu's own bug.
    app.setErrorHandler(async (error, request, reply) => {
      const apiError = asApiError(error, request.log);
      request.callSummary ??= { protocol: 'jsonrpc' };
      request.callSummary.faultCode = apiError.exception;
      const code = apiError.restStatus < 500 ? INVALID_REQUEST : SOFTLAYER_EXCEPTION;
      return send(reply, errorResponse(null, code, apiError.message, apiError.exception));
    });

    const handler = async (
      request: FastifyRequest<{ Params: { version: string; service?: string } }>,
      reply: FastifyReply,
    ) => {
      request.callSummary = { protocol: 'jsonrpc' };
      if (!isApiVersion(request.params.version)) return reply.callNotFound();

      const parsed = parseBody(request.body as Buffer | undefined);
      if (parsed instanceof EnvelopeError) {
        return send(reply, errorResponse(null, parsed.code, parsed.message));
      }
      const quota = newRequestQuota();
      const run = (entry: unknown) => answer(entry, request, dispatcher, quota);

      if (!Array.isArray(parsed)) {
        const outcome = await run(parsed);
        if (outcome.totalItems !== undefined) {
          reply.header('SoftLayer-Total-Items', outcome.totalItems);
        }
        return outcome.response ? send(reply, outcome.response) : reply.code(204).send();
      }
      if (parsed.length === 0) {
        return send(reply, errorResponse(null, INVALID_REQUEST, 'A batch must not be empty'));
      }
      if (parsed.length > MAX_BATCH) {
        const tooMany = `A batch holds at most ${MAX_BATCH} calls; this one has ${parsed.length}`;
        return send(reply, errorResponse(null, INVALID_REQUEST, tooMany));
      }
      // One batch is answered in order, one call after the other, like separate requests.
      const responses: RpcResponse[] = [];
      for (const entry of parsed) {
        const { response } = await run(entry);
        if (response) responses.push(response);
      }
      return responses.length > 0 ? send(reply, responses) : reply.code(204).send();
    };

    app.post('/jsonrpc/:version', handler);
    app.post('/jsonrpc/:version/:service', handler);
  };
}

function send(reply: FastifyReply, body: unknown) {
  return reply.code(200).type(JSON_TYPE).send(JSON.stringify(body));
}

function parseBody(body: Buffer | undefined): unknown {
  if (!body || body.length === 0) return new EnvelopeError(INVALID_REQUEST, 'The body is empty');
  const reading = readJsonBody(body, 'the body');
  return reading.ok
    ? reading.value
    : new EnvelopeError(PARSE_ERROR, `Parse error: ${reading.problem}`);
}

/** A failure outside any call (unknown path, unreadable URL) in JSON-RPC's shape. */
export function jsonrpcErrorBody(apiError: ApiError): string {
  const code = apiError.restStatus < 500 ? INVALID_REQUEST : SOFTLAYER_EXCEPTION;
  return JSON.stringify(errorResponse(null, code, apiError.message, apiError.exception));
}

async function answer(
  entry: unknown,
  request: FastifyRequest,
  dispatcher: Dispatcher,
  quota: RequestQuota,
) {
  const id = idOf(entry);
  // JSON-RPC 2.0 §4.1: only a valid Request without an id is a notification; anything else
  // without one is an Invalid Request, answered with a null id.
  const notification = isRequestShaped(entry) && !('id' in entry);
  const summary: CallSummary = { protocol: 'jsonrpc' };
  // A batch logs as one request; its summary describes the last call in it.
  request.callSummary = summary;

  let outcome: Outcome;
  try {
    const call = { ...toApiCall(entry, request), quota };
    const result: ApiResult = await dispatcher.dispatch(call, summary, request.log);
    outcome = { response: { jsonrpc: '2.0', result: result.value ?? null, id } };
    if (result.totalItems !== undefined) outcome.totalItems = result.totalItems;
  } catch (error) {
    outcome = { response: failure(error, id, summary, request) };
  }
  return notification ? {} : outcome;
}

function failure(error: unknown, id: Id, summary: CallSummary, request: FastifyRequest) {
  if (error instanceof EnvelopeError) {
    summary.faultCode = String(error.code);
    return errorResponse(id, error.code, error.message);
  }
  const apiError: ApiError = asApiError(error, request.log);
  summary.faultCode = apiError.exception;
  return errorResponse(id, SOFTLAYER_EXCEPTION, apiError.message, apiError.exception);
}

function errorResponse(id: Id, code: number, message: string, exception?: string): RpcResponse {
  const data = { exception: exception ?? 'SoftLayer_Exception_WebService_BadRequest' };
  return { jsonrpc: '2.0', error: { code, message, data }, id };
}

function idOf(entry: unknown): Id {
  const id = isStruct(entry) ? entry.id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

function isRequestShaped(entry: unknown): entry is Record<string, unknown> & { method: string } {
  return isStruct(entry) && entry.jsonrpc === '2.0' && typeof entry.method === 'string';
}

function toApiCall(entry: unknown, request: FastifyRequest): ApiCall {
  if (!isRequestShaped(entry)) {
    throw new EnvelopeError(
      INVALID_REQUEST,
      'Invalid Request: expected {"jsonrpc": "2.0", "method": "<Service>.<method>", ...}',
    );
  }
  const { service, method } = splitMethod(entry.method, pathService(request));

  const params = entry.params ?? [];
  if (!Array.isArray(params)) {
    throw new EnvelopeError(INVALID_PARAMS, 'Invalid params: params must be a positional array');
  }
  const headers = entry.headers ?? {};
  if (!isStruct(headers)) {
    throw new EnvelopeError(INVALID_PARAMS, 'Invalid params: headers must be an object');
  }

  const call = applyHeaders({ protocol: 'jsonrpc', service, method, args: params }, headers);
  const basic = credentialsFromAuthorization(request.headers.authorization);
  if (!call.credentials && basic) call.credentials = basic;
  return call;
}

function pathService(request: FastifyRequest): string | undefined {
  return (request.params as { service?: string }).service;
}

// "SoftLayer_Account.getUsers" names both; "getUsers" takes the service from the URL.
function splitMethod(name: string, fromPath: string | undefined) {
  const dot = name.lastIndexOf('.');
  const service = dot === -1 ? fromPath : name.slice(0, dot);
  const method = dot === -1 ? name : name.slice(dot + 1);
  if (!service || !method) {
    throw new EnvelopeError(
      INVALID_REQUEST,
      'Invalid Request: name the service in the URL or as "<Service>.<method>"',
    );
  }
  return { service, method };
}
