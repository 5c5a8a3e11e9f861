import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../dispatch/api-error';
import { errors } from '../dispatch/errors';
import { jsonrpcErrorBody } from './jsonrpc';
import { asApiError } from './wire-errors';
import { encodeFault } from './xmlrpc-codec';

// Requests no transport route took: unknown paths, wrong verbs, and URLs the router cannot read
// (bad percent-encoding). They still get a SoftLayer-shaped error in the wire format the path
// asks for, never fastify's own error object.

const JSON_TYPE = 'application/json; charset=utf-8';

// XML-RPC and JSON-RPC carry every error with HTTP 200 (wire.md §6.2); anything else is REST.
const RPC_WIRES = [
  {
    prefix: '/xmlrpc/',
    send: (reply: FastifyReply, error: ApiError) =>
      reply
        .code(200)
        .type('text/xml; charset=utf-8')
        .send(encodeFault(error.exception, error.message)),
  },
  {
    prefix: '/jsonrpc/',
    send: (reply: FastifyReply, error: ApiError) =>
      reply.code(200).type(JSON_TYPE).send(jsonrpcErrorBody(error)),
  },
];

// Paths outside these belong to slemu itself (control API, pages): they get its own error shape.
const API_PATH = /^\/(rest|xmlrpc|jsonrpc|metadata)(\/|$)/;

export async function answerNotFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? '';
  if (!API_PATH.test(path)) {
    return reply.code(404).send({ error: `no such sandbox endpoint: ${path}` });
  }
  return sendError(request, reply, errors.serviceNotFound());
}

export function answerFrameworkError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  void sendError(request, reply, asApiError(error, request.log));
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: ApiError) {
  const wire = RPC_WIRES.find(({ prefix }) => request.url.startsWith(prefix));
  if (wire) return wire.send(reply, error);

  const body = JSON.stringify({ error: error.message, code: error.exception });
  return reply.code(error.restStatus).type(JSON_TYPE).send(body);
}
