import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Dispatcher } from '../dispatch/dispatcher';
import { credentialsFromAuthorization } from './http-auth';
import { applyHeaders, isStruct } from './softlayer-headers';
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

        if (result.totalItems !== undefined)
          reply.header('SoftLayer-Total-Items', result.totalItems);
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

  const call = applyHeaders({ protocol: 'xmlrpc', service, method, args }, headers);
  const basic = credentialsFromAuthorization(request.headers.authorization);
  if (!call.credentials && basic) call.credentials = basic;
  return call;
}
