import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readJsonText } from '../transport/json-text';
import { SandboxError } from './sandbox-state';

// What every /_slemu/ plugin shares: a JSON body whatever Content-Type says (curl -d sends
// form-urlencoded), and one error shape, `{"error": "<sentence>"}`, with the status that fits.

interface SchemaProblem {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Call first in each control-plane plugin; the settings stay inside that plugin. */
export function controlPlaneConventions(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    if ((body as string).trim() === '') return done(null, undefined);

    // The API transports' reader: the same depth bound and the same plain sentences.
    const reading = readJsonText(body as string, 'the request body');
    if (reading.ok) return done(null, reading.value);
    return done(new SandboxError(400, reading.problem), undefined);
  });
  app.setErrorHandler(sendControlError);
}

export async function sendControlError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof SandboxError) {
    return reply.code(error.statusCode).send({ error: error.message });
  }

  const validation = (error as { validation?: SchemaProblem[] }).validation;
  if (validation?.[0]) return reply.code(400).send({ error: describeProblem(validation[0]) });

  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return reply.code(status).send({ error: (error as Error).message });
  }
  request.log.error({ err: error }, 'sandbox control request failed');
  return reply.code(500).send({ error: 'internal error' });
}

/** ajv's first complaint about a body, as a sentence naming the field. */
export function describeProblem({ instancePath, keyword, params, message }: SchemaProblem): string {
  const field = instancePath.replace(/^\//, '').replaceAll('/', '.') || 'the body';
  switch (keyword) {
    case 'required':
      return `${String(params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${String(params.additionalProperty)} is not a field this endpoint takes`;
    case 'type':
      return `${field} must be ${article(String(params.type))}`;
    case 'enum':
      return `${field} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'minimum':
      return `${field} must be ${String(params.limit)} or more`;
    case 'maximum':
      return `${field} must be ${String(params.limit)} or less`;
    case 'exclusiveMinimum':
      return `${field} must be more than ${String(params.limit)}`;
    case 'minLength':
      return `${field} must not be empty`;
    case 'maxLength':
      return `${field} must be at most ${String(params.limit)} characters`;
    case 'pattern':
      return `${field} must match ${String(params.pattern)}`;
    default:
      return `${field} ${message ?? 'is not valid'}`;
  }
}

function article(type: string): string {
  if (type === 'object') return 'a JSON object';
  if (type === 'array') return 'a list';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
