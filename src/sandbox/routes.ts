import type { FastifyInstance } from 'fastify';
import type { OutboxEntry, SandboxStore } from '../../db/sandbox-store';
import type { Fixtures } from '../../db/seed';
import type { Registry } from '../dispatch/registry';
import { controlPlaneConventions } from './control-plane';
import { checkFaultTarget, faultView, type FaultInjector, type FaultSpec } from './faults';
import { faultSchema, fixturesSchema, newUserSchema } from './schemas';
import { SandboxError, type NewSandboxUser, type SandboxState } from './sandbox-state';

export interface SandboxRouteDeps {
  sandbox: SandboxStore;
  state: SandboxState;
  faults: FaultInjector;
  registry: Registry;
}

/** slemu's own JSON endpoints for the sandbox, under /_slemu/. Not part of SoftLayer's API. */
export function sandboxRoutes({ sandbox, state, faults, registry }: SandboxRouteDeps) {
  return async function routes(app: FastifyInstance): Promise<void> {
    controlPlaneConventions(app);

    app.get('/_slemu/health', async () => ({ status: 'ok' }));

    app.get<{ Querystring: { to?: string } }>('/_slemu/outbox', async (request) => ({
      messages: sandbox.outbox(request.query.to).map(outboxView),
    }));
    app.get<{ Params: { id: string } }>('/_slemu/outbox/:id', async (request) => {
      const message = sandbox.findMessage(Number(request.params.id));
      if (!message) throw new SandboxError(404, `no message ${request.params.id}`);
      return outboxView(message);
    });
    app.delete<{ Querystring: { to?: string } }>('/_slemu/outbox', async (request) => ({
      deleted: sandbox.clearOutbox(request.query.to),
    }));

    app.post('/_slemu/reset', async (request) => {
      await state.reset();
      request.log.info('sandbox reset to the default fixtures');
      return { reset: true };
    });
    app.post<{ Body: Fixtures }>(
      '/_slemu/fixtures',
      { schema: { body: fixturesSchema } },
      async (request) => {
        await state.reset(request.body);
        request.log.info({ users: request.body.users.length }, 'sandbox fixtures loaded');
        return { loaded: true, users: request.body.users.length };
      },
    );

    app.get('/_slemu/users', async () => ({ users: state.users() }));
    app.get<{ Params: { user: string } }>('/_slemu/users/:user', async (request) => {
      const user = state.findUser(request.params.user);
      if (!user) throw new SandboxError(404, `no user ${request.params.user}`);
      return user;
    });
    app.post<{ Body: NewSandboxUser }>(
      '/_slemu/users',
      { schema: { body: newUserSchema } },
      async (request, reply) => {
        const user = await state.createUser(request.body);
        request.log.info({ userId: user.id, username: user.username }, 'sandbox user created');
        return reply.code(201).send(user);
      },
    );
    app.delete<{ Params: { user: string } }>('/_slemu/users/:user', async (request) => {
      state.deleteUser(request.params.user);
      request.log.info({ user: request.params.user }, 'sandbox user deleted');
      return { deleted: request.params.user };
    });

    app.get('/_slemu/faults', async () => ({ faults: faults.list().map(faultView) }));
    app.post<{ Body: FaultSpec }>(
      '/_slemu/faults',
      { schema: { body: faultSchema } },
      async (request, reply) => {
        checkFaultTarget(registry, request.body);
        const fault = faults.add(request.body);
        request.log.info({ fault }, 'fault injected');
        return reply.code(201).send(faultView(fault));
      },
    );
    app.delete('/_slemu/faults', async () => {
      faults.clear();
      return { cleared: true };
    });
    app.delete<{ Params: { id: string } }>('/_slemu/faults/:id', async (request) => {
      if (!faults.remove(Number(request.params.id))) {
        throw new SandboxError(404, `no fault ${request.params.id}`);
      }
      return { deleted: Number(request.params.id) };
    });
  };
}

function outboxView(message: OutboxEntry) {
  const { deliveryStatus, deliveryError, deliveredAt, ...rest } = message;
  return {
    ...rest,
    createdAt: new Date(message.createdAt).toISOString(),
    delivery: {
      status: deliveryStatus,
      error: deliveryError,
      at: deliveredAt === null ? null : new Date(deliveredAt).toISOString(),
    },
  };
}
