import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { Clock } from '../../src/clock';
import { defaultConfig, type AppConfig } from '../../src/config';

export const TEST_PUBLIC_URL = 'http://slemu.test';

/** A fresh slemu on an in-memory store, seeded from the default fixtures. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<FastifyInstance> {
  const config = defaultConfig({
    db: ':memory:',
    logLevel: 'silent',
    publicUrl: TEST_PUBLIC_URL,
    ...overrides,
  });
  return buildApp(config, { clock: new Clock() });
}

/** The reset key from the newest email sent to an address. */
export function latestResetKey(app: FastifyInstance, to: string): string {
  const [message] = app.slemu.store.outbox(to);
  if (!message) throw new Error(`no email to ${to}`);
  const key = /\/password\/set\?key=([A-Za-z0-9_%-]+)/.exec(message.text)?.[1];
  if (!key) throw new Error(`no reset link in the email to ${to}`);
  return decodeURIComponent(key);
}
