import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { SandboxStore } from '../db/sandbox-store';
import { openDatabase, Store } from '../db/store';
import { readFixtures, seedStore } from '../db/seed';
import { handlerModules } from '../services';
import { relationLoaders } from '../services/relations';
import { Clock } from './clock';
import type { AppConfig } from './config';
import { ArgumentValidator } from './dispatch/arguments';
import type { CallSummary } from './dispatch/call';
import { Dispatcher } from './dispatch/dispatcher';
import { Registry } from './dispatch/registry';
import { Mailer } from './email/mailer';
import { EmailRenderer } from './email/renderer';
import { SmtpDelivery } from './email/smtp-delivery';
import { loggerOptions } from './logger';
import { pageRoutes } from './pages/routes';
import { dataPath, packageVersion } from './paths';
import { adminGuard } from './sandbox/admin-guard';
import { clockRoutes } from './sandbox/clock-routes';
import { FaultInjector } from './sandbox/faults';
import { phoneRoutes } from './sandbox/phone-routes';
import { metadataRoutes } from './metadata/routes';
import { ObjectGraph } from './object-graph/object-graph';
import { TypeCatalog } from './object-graph/type-catalog';
import { sandboxRoutes } from './sandbox/routes';
import { SandboxState } from './sandbox/sandbox-state';
import { jsonrpcTransport } from './transport/jsonrpc';
import { restTransport } from './transport/rest';
import { answerFrameworkError, answerNotFound } from './transport/unrouted';
import { xmlrpcTransport } from './transport/xmlrpc';

declare module 'fastify' {
  interface FastifyRequest {
    callSummary: CallSummary | null;
  }
  interface FastifyInstance {
    slemu: {
      store: Store;
      clock: Clock;
      config: AppConfig;
      mailer: Mailer;
      faults: FaultInjector;
      state: SandboxState;
    };
  }
}

export interface BuildOptions {
  clock?: Clock;
  /** A serialized, already seeded database to start from instead of config.db (tests). */
  databaseImage?: Buffer;
}

/** Builds the fastify app with its store, dispatcher and routes; tests use it without a socket. */
export async function buildApp(
  config: AppConfig,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const clock = options.clock ?? new Clock();
  const store = new Store(openDatabase(options.databaseImage ?? config.db));
  if (store.isEmpty()) await seedStore(store, readFixtures(dataPath(config.fixtures)), clock.now());

  const sandbox = new SandboxStore(store);
  const smtp = config.smtpUrl ? new SmtpDelivery(config.smtpUrl, config.smtpFrom) : undefined;
  const renderer = await EmailRenderer.create();
  const mailer = new Mailer(renderer, store, clock, smtp && { delivery: smtp, outbox: sandbox });
  const faults = new FaultInjector(clock);
  const state = new SandboxState(store, sandbox, clock, faults, dataPath(config.fixtures));

  const registry = Registry.load(dataPath('schema', 'methods'), handlerModules);
  const validator = new ArgumentValidator(dataPath('schema', 'datatypes'));
  const catalog = TypeCatalog.load(dataPath('schema', 'properties'));
  const graph = new ObjectGraph(catalog, relationLoaders);
  const services = { store, clock, mailer, config };
  const dispatcher = new Dispatcher(registry, validator, graph, services, faults);

  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    // One summary line per call (below) replaces fastify's two lines per request.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    // Node's requestTimeout stops watching once the headers are in; a body that stalls is caught
    // by the socket's idle timeout instead.
    connectionTimeout: config.requestTimeoutMs,
    // Node looks for overdue requests every 30 s by default; a shorter timeout needs a closer look.
    http: { connectionsCheckingInterval: Math.min(30_000, Math.ceil(config.requestTimeoutMs / 2)) },
    frameworkErrors: answerFrameworkError,
  });
  app.decorate('slemu', { store, clock, config, mailer, faults, state });
  app.decorateRequest('callSummary', null);
  app.addHook('onResponse', async (request, reply) => {
    if (!request.callSummary) return;
    const fields = { ...request.callSummary, statusCode: reply.statusCode };
    request.log.info(
      { ...fields, durationMs: Math.round(reply.elapsedTime * 10) / 10 },
      'api call',
    );
  });
  app.addHook('onClose', async () => {
    await mailer.idle();
    mailer.close();
    store.close();
  });
  if (config.adminToken) app.addHook('onRequest', adminGuard(config.adminToken));

  await app.register(async (api) => {
    // Transports read raw bytes and decode them themselves, whatever Content-Type says.
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    await api.register(xmlrpcTransport(dispatcher));
    await api.register(restTransport(dispatcher));
    await api.register(jsonrpcTransport(dispatcher));
  });
  await app.register(sandboxRoutes({ sandbox, state, faults, registry }));
  await app.register(clockRoutes(clock));
  await app.register(phoneRoutes(store, clock));
  await app.register(metadataRoutes(registry, catalog));
  const version = packageVersion();
  await app.register(pageRoutes({ config, store, sandbox, state, version, startedAt: new Date() }));
  app.setNotFoundHandler(answerNotFound);

  return app;
}
