import type { FastifyInstance } from 'fastify';
import type { Registry } from '../dispatch/registry';
import type { TypeCatalog } from '../object-graph/type-catalog';
import { isApiVersion } from '../transport/xmlrpc';
import { describeApi } from './describe-api';

/** GET /metadata/v3.1 (also v3, with or without .json): the API slemu implements. */
export function metadataRoutes(registry: Registry, catalog: TypeCatalog) {
  const body = JSON.stringify(describeApi(registry, catalog));

  return async function routes(app: FastifyInstance): Promise<void> {
    app.get<{ Params: { version: string } }>('/metadata/:version', async (request, reply) => {
      const version = request.params.version.replace(/\.json$/, '');
      if (!isApiVersion(version)) return reply.callNotFound();
      return reply.type('application/json; charset=utf-8').send(body);
    });
  };
}
