import type { FastifyInstance } from 'fastify';
import type { SandboxStore } from '../../db/sandbox-store';
import type { Store } from '../../db/store';
import type { AppConfig } from '../config';
import type { SandboxState } from '../sandbox/sandbox-state';
import { outboxPageData } from './outbox-view';
import { PageRenderer, readAssets } from './page-renderer';

export interface PageDeps {
  config: AppConfig;
  store: Store;
  sandbox: SandboxStore;
  state: SandboxState;
  version: string;
  startedAt: Date;
}

const HTML = 'text/html; charset=utf-8';

/** The portal developer's pages: what runs, the outbox, the reset landing page, a login. */
export function pageRoutes(deps: PageDeps) {
  const renderer = new PageRenderer(deps.version);
  const assets = readAssets();

  return async function routes(app: FastifyInstance): Promise<void> {
    app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
      const asset = assets.get(request.params.name);
      if (!asset) return reply.callNotFound();
      return reply.type(asset.type).header('cache-control', 'no-cache').send(asset.body);
    });

    app.get('/', async (_request, reply) => {
      const personas = deps.state.users();
      const html = renderer.render('home', {
        title: 'Home',
        scripts: ['home.js'],
        data: {
          publicUrl: deps.config.publicUrl,
          db: deps.config.db,
          smtpUrl: deps.config.smtpUrl && redactUrl(deps.config.smtpUrl),
          startedAt: deps.startedAt.toISOString(),
          personas,
          firstPersona: personas[0] ?? { username: 'SL1001', apiKey: '<api key>' },
        },
      });
      return reply.type(HTML).send(html);
    });

    app.get('/outbox', async (_request, reply) => {
      const data = outboxPageData(deps.sandbox.outbox());
      return reply
        .type(HTML)
        .send(renderer.render('outbox', { title: 'Outbox', scripts: ['outbox.js'], data }));
    });

    app.get('/password/set', async (_request, reply) => {
      const page = { title: 'Choose a new password', scripts: ['password-set.js'], data: {} };
      return reply
        .type(HTML)
        .header('referrer-policy', 'no-referrer')
        .send(renderer.render('password-set', page));
    });

    app.get<{ Querystring: { username?: string } }>('/login', async (request, reply) => {
      const data = {
        username: request.query.username ?? '',
        questions: deps.store.securityQuestions(),
      };
      return reply
        .type(HTML)
        .send(renderer.render('login', { title: 'Log in', scripts: ['login.js'], data }));
    });
  };
}

// An SMTP URL may carry a password; the home page shows where mail goes, not how to log in.
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'configured';
  }
}
