import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiCall, Credentials, ResultLimit } from '../dispatch/call';
import type { Dispatcher } from '../dispatch/dispatcher';
import { credentialsFromAuthorization } from './http-auth';
import { asApiError } from './wire-errors';
import { decodeMethodCall, encodeFault, encodeSuccess } from './xmlrpc-codec';

const CONTENT_TYPE = 'text/xml; charset=utf-8';

/** XML-RPC at POST /xmlrpc/v3/<Service> and /xmlrpc/v3.1/<Service>. */
export function xmlrpcTransport(dispatcher: Dispatcher) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.setErrorHandler(async (error, request, reply) => sendFault(error, request, reply));

    app.post<{ Params: { version: string; service: string } }>(
      '/xmlrpc/:version/:service',
      async (request, reply) => {
        request.callSummary = { protocol: 'xmlrpc' };
        if (!isApiVersion(request.params.version)) return reply.callNotFound();

        const { methodName, params } = decodeMethodCall(request.body as Buffer);
        const call = toApiCall(request.params.service, methodName, params, request);
        const result = await dispatcher.dispatch(call, request.callSummary, request.log);

        if (result.totalItems !== undefined) reply.header('SoftLayer-Total-Items', result.totalItems);
        return reply.type(CONTENT_TYPE).send(encodeSuccess(result.value));
      },
    );
  };
}

export const isApiVersion = (version: string) => version === 'v3' || version === 'v3.1';

// XML-RPC faults travel with HTTP 200: softlayer-python raises a bare TransportError on any other
// status and the SoftLayer exception name would never reach the caller.
async function sendFault(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const apiError = asApiError(error, request.log);
  request.callSummary ??= { protocol: 'xmlrpc' };
  request.callSummary.faultCode = apiError.exception;
  return reply.code(200).type(CONTENT_TYPE).send(encodeFault(apiError.exception, apiError.message));
}

function toApiCall(service: string, method: string, params: unknown[], request: FastifyRequest) {
  const [first, ...rest] = params;
  const hasHeaders = isStruct(first) && isStruct(first.headers);
  const headers = hasHeaders ? (first.headers as Record<string, unknown>) : {};
  const args = hasHeaders ? rest : params;

  const call: ApiCall = { protocol: 'xmlrpc', service, method, args };
  const credentials =
    credentialsFromHeaders(headers.authenticate) ??
    credentialsFromAuthorization(request.headers.authorization);
  if (credentials) call.credentials = credentials;

  const init = headerEndingWith(headers, service, 'InitParameters');
  if (isStruct(init)) call.initId = init.id;

  const mask = maskFrom(headers, service);
  if (mask !== undefined) call.mask = mask;

  const filter = headerEndingWith(headers, service, 'ObjectFilter');
  if (filter !== undefined) call.filter = filter;

  const limit = resultLimitFrom(headers.resultLimit);
  if (limit) call.resultLimit = limit;
  return call;
}

function isStruct(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Header names embed the called service (SoftLayer_User_CustomerInitParameters); the Python SDK's
// own test server matches them by suffix, which also covers a client naming the parent service.
function headerEndingWith(headers: Record<string, unknown>, service: string, suffix: string) {
  const exact = headers[`${service}${suffix}`];
  if (exact !== undefined) return exact;
  const name = Object.keys(headers).find((key) => key.endsWith(suffix));
  return name === undefined ? undefined : headers[name];
}

function maskFrom(headers: Record<string, unknown>, service: string): unknown {
  const stringMask = headers.SoftLayer_ObjectMask;
  if (isStruct(stringMask)) return stringMask.mask;
  const legacy = headerEndingWith(headers, service, 'ObjectMask');
  return isStruct(legacy) ? legacy.mask : undefined;
}

function credentialsFromHeaders(authenticate: unknown): Credentials | undefined {
  if (!isStruct(authenticate)) return undefined;

  if (authenticate.authToken !== undefined && authenticate.authToken !== null) {
    return {
      kind: 'portalToken',
      userId: authenticate.userId,
      authToken: String(authenticate.authToken),
    };
  }
  if (authenticate.username !== undefined && authenticate.apiKey !== undefined) {
    return {
      kind: 'apiKey',
      username: String(authenticate.username),
      apiKey: String(authenticate.apiKey),
    };
  }
  return undefined;
}

function resultLimitFrom(value: unknown): ResultLimit | undefined {
  if (!isStruct(value)) return undefined;
  const limit = Number(value.limit ?? 0);
  const offset = Number(value.offset ?? 0);
  if (!Number.isSafeInteger(limit) || !Number.isSafeInteger(offset) || limit < 0 || offset < 0) {
    return undefined;
  }
  return { limit, offset };
}
