import Database from 'better-sqlite3';
import { join } from 'node:path';
import { killCli, startCli, tempDir, type CliServer } from '../support/cli-server';
import { overHttp } from '../support/http-inject';
import { expectValue, transports, type TestCall } from '../support/transports';

// Two slemu processes on one SQLite file, each client on its own connection: the key is still
// consumed exactly once, one live key survives a burst of initiates, and no SQLITE_BUSY (which
// would come back as the generic internal error) reaches a client.

const USER = 'SoftLayer_User_Customer';
const ALICE_ID = 7002;
const CLIENTS = 24;
const RESETS_PER_HOUR = 30;
const LIMITS = ['--reset-requests-per-hour', String(RESETS_PER_HOUR)];

describe('two processes sharing one database file', () => {
  const temp = tempDir();
  const db = join(temp.dir, 'shared.db');
  let servers: CliServer[] = [];

  beforeAll(async () => {
    // One after the other: the first seeds the new file, the second finds it seeded.
    servers.push(await startCli(db, LIMITS));
    servers.push(await startCli(db, LIMITS));
  });
  afterAll(async () => {
    await Promise.all(servers.map(killCli));
    servers = [];
    temp.remove();
  });

  // Client i talks to process i mod 2 over transport i mod (number of transports).
  const call = (i: number, request: TestCall) => {
    const [, caller] = transports[i % transports.length]!;
    return caller(
      overHttp(servers[Math.floor(i / transports.length) % servers.length]!.baseUrl),
      request,
    );
  };

  // The keys of every email to alice, newest first, read through the second process.
  const allKeys = async (): Promise<string[]> => {
    const response = await fetch(`${servers[1]!.baseUrl}/_slemu/outbox?to=alice@example.com`);
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    return messages.map((message) => {
      const key = /key=([A-Za-z0-9_%-]+)/.exec(message.text)?.[1];
      if (!key) throw new Error('an email without a reset link');
      return decodeURIComponent(key);
    });
  };

  it('consumes one key exactly once across both processes', async () => {
    expectValue(
      await call(0, { service: USER, method: 'initiatePortalPasswordChange', args: ['alice'] }),
    );
    const [key] = await allKeys();

    const outcomes = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        call(i, {
          service: USER,
          method: 'processPasswordSetRequest',
          id: ALICE_ID,
          args: [{ key: key!, password: `Shared#${i}pass` }, {}],
        }),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    for (const outcome of outcomes) {
      if (!outcome.ok) expect(outcome.message).toBe('Invalid password recovery key');
    }
  });

  it('leaves one live key after initiates through both processes at once', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        call(i, { service: USER, method: 'initiatePortalPasswordChange', args: ['alice'] }),
      ),
    );
    expect(outcomes.map(expectValue)).toEqual(Array(CLIENTS).fill(true));

    const reader = new Database(db, { readonly: true });
    const live = reader
      .prepare(
        'SELECT count(*) FROM password_keys WHERE user_id = ? AND used_at IS NULL AND superseded_at IS NULL',
      )
      .pluck()
      .get(ALICE_ID);
    reader.close();
    expect(live).toBe(1);

    // Each process stores the key and then the email; across processes those two steps can
    // interleave, so the working key is in one of the emails, not always the newest.
    const keys = await allKeys();
    const checks = await Promise.all(
      keys.map((key, i) =>
        call(i, { service: USER, method: 'getUserIdForPasswordSet', args: [key] }),
      ),
    );
    expect(checks.filter((outcome) => outcome.ok)).toHaveLength(1);
  });

  it('holds the reset rate limit across both processes', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: RESETS_PER_HOUR + 10 }, (_, i) =>
        call(i, { service: USER, method: 'initiatePortalPasswordChange', args: ['nobody-shared'] }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(RESETS_PER_HOUR);
    for (const outcome of outcomes) {
      if (!outcome.ok) expect(outcome.message).toMatch(/^Too many password reset requests/);
    }
  });

  it('locks a user after wrong passwords spread over both processes', async () => {
    const login = (i: number, password: string) =>
      call(i, {
        service: USER,
        method: 'getPortalLoginToken',
        args: ['SL1001', password, null, null],
      });

    const wrong = await Promise.all(Array.from({ length: 14 }, (_, i) => login(i, `Wrong#${i}x`)));
    expect(wrong.every((outcome) => !outcome.ok)).toBe(true);

    const right = await login(1, 'Sandbox#1001');
    expect(right).toMatchObject({ ok: false, code: 'SoftLayer_Exception_Public' });
    expect((right as { message: string }).message).toMatch(/^Account has been locked/);
  });

  it('logged no database error in either process', () => {
    for (const server of servers) expect(server.output()).not.toMatch(/SQLITE_|unexpected error/);
  });
});
