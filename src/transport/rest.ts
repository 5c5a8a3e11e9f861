import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiCall, ResultLimit } from '../dispatch/call';
import type { Dispatcher } from '../dispatch/dispatcher';
import { errors } from '../dispatch/errors';
import { credentialsFromAuthorization } from './http-auth';
import { parseJsonBody, readJsonText } from './json-text';
import { encodeRestXml, encodeRestXmlError } from './rest-xml';
import { asApiError } from './wire-errors';
import { isApiVersion } from './xmlrpc';

const JSON_TYPE = 'application/json; charset=utf-8';
const XML_TYPE = 'application/xml; charset=utf-8';

// With no method segment the verb names the method (SLDN rest.md).
const DEFAULT_METHODS: Record<string, string> = {
  GET: 'getObject',
  POST: 'createObject',
  PUT: 'editObject',
  DELETE: 'deleteObject',
};

interface RestPath {
  service: string;
  id?: string;
  method: string;
  format: 'json' | 'xml';
  pathArgs: string[];
}

/** REST at /rest/v3[.1]/<Service>[/<id>][/<method>][.json]; the method segment wins over the verb. */
export function restTransport(dispatcher: Dispatcher) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.setErrorHandler(async (error, request, reply) => sendError(error, request, reply));

    app.route<{ Params: { version: string; '*': string } }>({
      method: ['GET', 'POST', 'PUT', 'DELETE'],
      url: '/rest/:version/*',
      handler: async (request, reply) => {
        request.callSummary = { protocol: 'rest' };
        if (!isApiVersion(request.params.version)) return reply.callNotFound();

        const path = parsePath(request.params['*'], request.method);
        const call = toApiCall(path, request);
        const result = await dispatcher.dispatch(call, request.callSummary, request.log);

        if (result.totalItems !== undefined)
          reply.header('SoftLayer-Total-Items', result.totalItems);
        if (path.format === 'xml') return reply.type(XML_TYPE).send(encodeRestXml(result.value));
        // softlayer-go parses boolean and number bodies raw: no trailing newline, ever.
        return reply.type(JSON_TYPE).send(JSON.stringify(result.value ?? null));
      },
    });
  };
}

async function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const apiError = asApiError(error, request.log);
  request.callSummary ??= { protocol: 'rest' };
  request.callSummary.faultCode = apiError.exception;

  reply.code(apiError.restStatus);
  if (asksForXml(request.url)) {
    return reply.type(XML_TYPE).send(encodeRestXmlError(apiError.message, apiError.exception));
  }
  const body = { error: apiError.message, code: apiError.exception };
  return reply.type(JSON_TYPE).send(JSON.stringify(body));
}

function asksForXml(url: string): boolean {
  return /\.xml$/i.test(url.split('?')[0] ?? '');
}

function parsePath(rawPath: string, verb: string): RestPath {
  const segments = rawPath.split('/').filter((segment) => segment !== '');
  let format: RestPath['format'] = 'json';

  const last = segments.at(-1);
  const extension = last === undefined ? undefined : /\.(json|xml|txt)$/i.exec(last);
  if (last !== undefined && extension) {
    segments[segments.length - 1] = last.slice(0, extension.index);
    format = extension[1]?.toLowerCase() === 'xml' ? 'xml' : 'json';
  }

  // The router has already percent-decoded the path; decoding again would turn data into errors.
  const [service, ...rest] = segments;
  if (!service) throw errors.serviceNotFound();

  const id = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? rest.shift() : undefined;
  const method = rest.shift() ?? DEFAULT_METHODS[verb] ?? 'getObject';
  const path: RestPath = { service, method, format, pathArgs: rest };
  if (id !== undefined) path.id = id;
  return path;
}

function toApiCall(path: RestPath, request: FastifyRequest): ApiCall {
  const query = request.query as Record<string, string | string[] | undefined>;
  // The real API ignores a body sent with GET (SLDN rest.md).
  const body = request.method === 'GET' ? undefined : (request.body as Buffer | undefined);
  const call: ApiCall = {
    protocol: 'rest',
    service: path.service,
    method: path.method,
    args: argsFromBody(body) ?? path.pathArgs,
  };

  if (path.id !== undefined) call.initId = path.id;

  const credentials = credentialsFromAuthorization(request.headers.authorization);
  if (credentials) call.credentials = credentials;

  const mask = single(query.objectMask);
  if (mask !== undefined) call.mask = mask;

  // A filter that is not JSON is ignored, as the real API ignores malformed filters.
  const filter = single(query.objectFilter);
  if (filter !== undefined) call.filter = parseJsonOrUndefined(filter);

  const limit = single(query.resultLimit);
  if (limit !== undefined) call.resultLimit = parseResultLimit(limit);
  return call;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function argsFromBody(body: Buffer | undefined): unknown[] | undefined {
  if (!body || body.length === 0) return undefined;

  const parsed = parseJsonBody(body, 'the body');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw errors.badRequest('the body must be an object such as {"parameters": [...]}');
  }
  const parameters = (parsed as { parameters?: unknown }).parameters;
  if (parameters === undefined || parameters === null) return [];
  if (!Array.isArray(parameters)) throw errors.badRequest('"parameters" must be an array');
  return parameters;
}

// Bounded like a body, but a filter that is not JSON (or too deep) is only ignored.
function parseJsonOrUndefined(text: string): unknown {
  const reading = readJsonText(text, 'objectFilter');
  return reading.ok ? reading.value : undefined;
}

// resultLimit=<offset>,<limit> (offset first), or resultLimit=<limit> alone.
function parseResultLimit(text: string): ResultLimit {
  const parts = text.split(',').map((part) => part.trim());
  const numbers = parts.map(Number);
  if (parts.length > 2 || numbers.some((n) => !Number.isSafeInteger(n) || n < 0)) {
    throw errors.badRequest('resultLimit must be "<offset>,<limit>" or "<limit>"');
  }
  const [first = 0, second] = numbers;
  return second === undefined ? { offset: 0, limit: first } : { offset: first, limit: second };
}
