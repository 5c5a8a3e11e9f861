import type { FastifyInstance } from 'fastify';
import type { Store } from '../../db/store';

/** slemu's own JSON endpoints for the sandbox, under /_slemu/. Not part of SoftLayer's API. */
export function sandboxRoutes(store: Store) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.get('/_slemu/health', async () => ({ status: 'ok' }));

    app.get<{ Querystring: { to?: string } }>('/_slemu/outbox', async (request) => {
      const messages = store.outbox(request.query.to).map((message) => ({
        ...message,
        createdAt: new Date(message.createdAt).toISOString(),
      }));
      return { messages };
    });
  };
}
