import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../dispatch/errors';
import type { ApiError } from '../dispatch/api-error';
import { asApiError } from './wire-errors';
import { encodeFault } from './xmlrpc-codec';

// Requests no transport route took: unknown paths, wrong verbs, and URLs the router cannot read
// (bad percent-encoding). They still get a SoftLayer-shaped error in the wire format the path
// asks for, never fastify's own error object.

export async function answerNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendError(request, reply, errors.serviceNotFound());
}

export function answerFrameworkError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  void sendError(request, reply, asApiError(error, request.log));
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: ApiError) {
  if (request.url.startsWith('/xmlrpc/')) {
    // XML-RPC faults always travel with HTTP 200 (wire.md §6.2).
    return reply
      .code(200)
      .type('text/xml; charset=utf-8')
      .send(encodeFault(error.exception, error.message));
  }
  const body = JSON.stringify({ error: error.message, code: error.exception });
  return reply.code(error.restStatus).type('application/json; charset=utf-8').send(body);
}
