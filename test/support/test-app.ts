import type { FastifyInstance } from 'fastify';
import { readFixtures, seedStore } from '../../db/seed';
import { openDatabase, Store } from '../../db/store';
import { buildApp } from '../../src/app';
import { Clock } from '../../src/clock';
import { defaultConfig, type AppConfig } from '../../src/config';
import { dataPath } from '../../src/paths';

export const TEST_PUBLIC_URL = 'http://slemu.test';

// Seeding hashes every fixture password with scrypt, about a second of work; each test file
// seeds once and every app starts from a copy of that database.
let seededImage: Promise<Buffer> | undefined;

async function seedImage(fixtures: string): Promise<Buffer> {
  const store = new Store(openDatabase(':memory:'));
  await seedStore(store, readFixtures(dataPath(fixtures)), Date.now());
  const image = store.db.serialize();
  store.close();
  return image;
}

/** A fresh slemu on an in-memory store, seeded from the default fixtures. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<FastifyInstance> {
  const config = defaultConfig({
    db: ':memory:',
    logLevel: 'silent',
    publicUrl: TEST_PUBLIC_URL,
    ...overrides,
  });
  if (overrides.fixtures !== undefined) return buildApp(config, { clock: new Clock() });

  seededImage ??= seedImage(config.fixtures);
  return buildApp(config, { clock: new Clock(), databaseImage: await seededImage });
}

/** The reset key from the newest email sent to an address. */
export function latestResetKey(app: FastifyInstance, to: string): string {
  const [message] = app.slemu.store.outbox(to);
  if (!message) throw new Error(`no email to ${to}`);
  const key = /\/password\/set\?key=([A-Za-z0-9_%-]+)/.exec(message.text)?.[1];
  if (!key) throw new Error(`no reset link in the email to ${to}`);
  return decodeURIComponent(key);
}
