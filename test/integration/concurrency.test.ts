import type { FastifyInstance } from 'fastify';
import { overHttp } from '../support/http-inject';
import { startLiveServer, type LiveServer } from '../support/live-server';
import { latestResetKey } from '../support/test-app';
import { expectValue, transports, type Caller, type TestOutcome } from '../support/transports';

// Races over real sockets against a listening slemu: many clients at once, each on its own
// connection, over each transport and over all of them mixed.

const USER = 'SoftLayer_User_Customer';
const ALICE_ID = 7002;
const CLIENTS = 24;
// Enough for every initiate of a test to pass the reset rate limit, which has its own test.
const GENEROUS_LIMIT = { resetRequestLimit: { max: 1000, windowMinutes: 60 } };
const ALICE_PASSWORD = 'Alice#Start1';

const everyTransport: [string, Caller[]][] = [
  ...transports.map(([name, caller]): [string, Caller[]] => [name, [caller]]),
  ['every transport mixed', transports.map(([, caller]) => caller)],
];

describe.each(everyTransport)('parallel clients over %s', (_name, callers) => {
  let server: LiveServer;
  let http: FastifyInstance;
  const callerFor = (i: number) => callers[i % callers.length]!;

  beforeEach(async () => {
    server = await startLiveServer(GENEROUS_LIMIT);
    http = overHttp(server.baseUrl);
  });
  afterEach(async () => {
    await server.app.close();
  });

  const initiate = (i: number) =>
    callerFor(i)(http, { service: USER, method: 'initiatePortalPasswordChange', args: ['alice'] });

  it('lets exactly one of many submissions of the same key set the password', async () => {
    expectValue(await initiate(0));
    const key = latestResetKey(server.app, 'alice@example.com');

    const passwords = Array.from(
      { length: CLIENTS },
      (_, i) => `Racer#${String(i).padStart(3, '0')}x`,
    );
    const outcomes = await Promise.all(
      passwords.map((password, i) =>
        callerFor(i)(http, {
          service: USER,
          method: 'processPasswordSetRequest',
          id: ALICE_ID,
          args: [{ key, password }, {}],
        }),
      ),
    );

    const winners = outcomes.flatMap((outcome, i) => (outcome.ok ? [passwords[i]!] : []));
    expect(winners).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => !o.ok)) expectLoser(outcome);

    const login = await callerFor(0)(http, {
      service: USER,
      method: 'getPortalLoginToken',
      args: ['alice', winners[0], null, null],
    });
    expect(expectValue(login)).toMatchObject({ userId: ALICE_ID });
  });

  it('leaves exactly one live key after many initiates at once', async () => {
    const outcomes = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => initiate(i)));
    expect(outcomes.map(expectValue)).toEqual(Array(CLIENTS).fill(true));

    const live = server.app.slemu.store.db
      .prepare(
        'SELECT count(*) FROM password_keys WHERE user_id = ? AND used_at IS NULL AND superseded_at IS NULL',
      )
      .pluck()
      .get(ALICE_ID);
    expect(live).toBe(1);

    // Of all the emails sent, exactly the newest one carries a working key.
    const keys = server.app.slemu.store.outbox('alice@example.com').map((m) => keyIn(m.text));
    expect(keys).toHaveLength(CLIENTS);
    const checks = await Promise.all(
      keys.map((key, i) =>
        callerFor(i)(http, { service: USER, method: 'getUserIdForPasswordSet', args: [key] }),
      ),
    );
    expect(checks.map((outcome) => outcome.ok)).toEqual([true, ...Array(CLIENTS - 1).fill(false)]);
  });

  it('admits exactly the rate limit of parallel initiates for one username', async () => {
    server.app.slemu.config.resetRequestLimit = { max: 5, windowMinutes: 60 };
    const outcomes = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => initiate(i)));

    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(5);
    for (const outcome of outcomes.filter((o) => !o.ok)) {
      expect(outcome).toMatchObject({ code: 'SoftLayer_Exception_Public' });
      expect((outcome as { message: string }).message).toMatch(/^Too many password reset requests/);
    }
    expect(server.app.slemu.store.outbox('alice@example.com')).toHaveLength(5);
  });

  it('locks a user after a burst of parallel wrong passwords', async () => {
    const login = (i: number, password: string) =>
      callerFor(i)(http, {
        service: USER,
        method: 'getPortalLoginToken',
        args: ['alice', password, null, null],
      });
    const maxFailures = server.app.slemu.config.lockout.maxFailures;

    const outcomes = await Promise.all(
      Array.from({ length: maxFailures + 4 }, (_, i) => login(i, `Wrong#Guess${i}`)),
    );
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ ok: false, code: 'SoftLayer_Exception_Public' });
      expect((outcome as { message: string }).message).toMatch(
        /^(Invalid login|Account has been locked)/,
      );
    }

    const right = await login(0, ALICE_PASSWORD);
    expect(right).toMatchObject({ ok: false, code: 'SoftLayer_Exception_Public' });
    expect((right as { message: string }).message).toMatch(
      /^Account has been locked for \d+ minutes\.$/,
    );
  });
});

function expectLoser(outcome: TestOutcome) {
  if (outcome.ok) throw new Error('expected a refusal');
  expect(outcome.code).toBe('SoftLayer_Exception_Public');
  expect(outcome.message).toBe('Invalid password recovery key');
}

function keyIn(text: string): string {
  const key = /\/password\/set\?key=([A-Za-z0-9_%-]+)/.exec(text)?.[1];
  if (!key) throw new Error('no reset link');
  return decodeURIComponent(key);
}
