import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeAt } from '../../src/security/one-time-code';
import { hashSecret } from '../../src/security/secret-token';
import { BOB } from '../support/personas';
import { killCli, startCli, tempDir, type CliServer } from '../support/cli-server';
import { overHttp } from '../support/http-inject';
import { expectFault, expectValue, transports, type Caller } from '../support/transports';

// The whole journey, over every transport, against the CLI at debug level; then no secret used
// along the way may appear in any log line, nor in plain text anywhere in the database files.

const USER = 'SoftLayer_User_Customer';
const SL1001_KEY = '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899';
const TOTP = 'SoftLayer_Container_User_Customer_External_Binding_Totp';
const ALICE_KEY = 'a11ce0000000000000000000000000000000000000000000000000000000a11c';

describe('secrets stay out of logs and out of the database', () => {
  const temp = tempDir();
  let server: CliServer | undefined;
  // The fixtures' published secrets (the README's persona table): never logged, but kept in
  // plain in sandbox_secrets so the control API and the home page can show them.
  const published = [SL1001_KEY, ALICE_KEY, 'Sandbox#1001', 'Alice#Start1', 'Rex', BOB.totpSecret];
  const secrets = new Set<string>(published);
  const resetKeys = new Set<string>();
  const codes = new Set<string>();
  // Checking a TOTP code needs the shared secret itself, so the database holds it by design.
  const notInDatabaseCheck = new Set<string>(published);

  afterAll(async () => {
    await killCli(server);
    temp.remove();
  });

  async function journey(call: Caller, n: number, baseUrl: string) {
    const http = overHttp(baseUrl);
    const keyFor = async (email: string) => {
      const response = await fetch(`${baseUrl}/_slemu/outbox?to=${email}`);
      const { messages } = (await response.json()) as { messages: { text: string }[] };
      const key = decodeURIComponent(/key=([A-Za-z0-9_%-]+)/.exec(messages[0]!.text)![1]!);
      secrets.add(key);
      resetKeys.add(key);
      return key;
    };

    expectValue(
      await call(http, { service: USER, method: 'initiatePortalPasswordChange', args: ['alice'] }),
    );
    const key = await keyFor('alice@example.com');
    expectValue(
      await call(http, { service: USER, method: 'getUserIdForPasswordSet', args: [key] }),
    );
    expectValue(
      await call(http, {
        service: USER,
        method: 'getRequirementsForPasswordSet',
        id: 7002,
        args: [{ key }],
      }),
    );

    const weak = `weakpass${n}`;
    const strong = `Secret#Walk${n}x`;
    secrets.add(weak).add(strong);
    const set = (password: string) =>
      call(http, {
        service: USER,
        method: 'processPasswordSetRequest',
        id: 7002,
        args: [{ key, password }, {}],
      });
    expectFault(await set(weak), 'SoftLayer_Exception_Public');
    expectValue(await set(strong));

    const login = (password: string) =>
      call(http, {
        service: USER,
        method: 'getPortalLoginToken',
        args: ['alice', password, null, null],
      });
    expectFault(await login(`Wrong#Guess${n}`), 'SoftLayer_Exception_Public');
    secrets.add(`Wrong#Guess${n}`);
    const token = expectValue(await login(strong)) as { userId: number; hash: string };
    secrets.add(token.hash);

    const auth = { userId: token.userId, authToken: token.hash };
    expectValue(await call(http, { service: USER, method: 'getObject', id: 7002, auth }));
    expectValue(
      await call(http, {
        service: USER,
        method: 'getObject',
        id: 7001,
        auth: { username: 'SL1001', apiKey: SL1001_KEY },
      }),
    );

    // The master user proves himself with his security answer.
    expectValue(
      await call(http, { service: USER, method: 'initiatePortalPasswordChange', args: ['SL1001'] }),
    );
    const masterKey = await keyFor('sl1001@example.com');
    const masterPassword = `Master#Walk${n}x`;
    secrets.add(masterPassword).add(`Wrong answer ${n}`);
    const answer = (securityAnswer: string) =>
      call(http, {
        service: USER,
        method: 'processPasswordSetRequest',
        id: 7001,
        args: [
          {
            key: masterKey,
            password: masterPassword,
            answeredSecurityQuestionId: 1,
            securityAnswer,
          },
          {},
        ],
      });
    expectFault(
      await answer(`Wrong answer ${n}`),
      'SoftLayer_Exception_User_Customer_InvalidSecurityQuestionAnswer',
    );
    expectValue(await answer('Rex'));
  }

  // Bob proves himself with his answer and a TOTP code (once: a code works only once).
  async function totpJourney(call: Caller, baseUrl: string) {
    const http = overHttp(baseUrl);
    expectValue(
      await call(http, { service: USER, method: 'initiatePortalPasswordChange', args: ['bob'] }),
    );
    const response = await fetch(`${baseUrl}/_slemu/outbox?to=${BOB.email}`);
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    const key = decodeURIComponent(/key=([A-Za-z0-9_%-]+)/.exec(messages[0]!.text)![1]!);
    const password = 'Bob#Totp2walk';
    secrets.add(key).add(password).add(BOB.totpSecret).add('austin');
    resetKeys.add(key);

    const code = codeAt(BOB.totpSecret, Date.now());
    codes.add(code);
    const set = {
      key,
      password,
      answeredSecurityQuestionId: 2,
      securityAnswer: 'austin',
    };
    const binding = { complexType: TOTP, securityCode: code };
    expectValue(
      await call(http, {
        service: USER,
        method: 'processPasswordSetRequest',
        id: BOB.id,
        args: [set, binding],
      }),
    );
  }

  it('writes none of the passwords, keys, tokens, API keys or answers it saw', async () => {
    server = await startCli(join(temp.dir, 'secrets.db'), ['--log-level', 'debug']);
    for (const [n, [, call]] of transports.entries()) await journey(call, n, server.baseUrl);
    await totpJourney(transports[0]![1], server.baseUrl);

    const output = server.output();
    const calls = output
      .split('\n')
      .filter((line) => line.includes('"msg":"api call"'))
      .map((line) => JSON.parse(line) as { reqId?: string; service?: string; method?: string });
    expect(calls.length).toBeGreaterThan(20);
    // One structured line per call, each with its own request id.
    expect(new Set(calls.map((line) => line.reqId)).size).toBe(calls.length);
    for (const line of calls) expect(line).toMatchObject({ reqId: expect.any(String) });
    for (const secret of secrets)
      expect({ secret, inLogs: output.includes(secret) }).toEqual({ secret, inLogs: false });
    // Six digits also occur inside timestamps; a logged code would be a quoted string.
    for (const code of codes) expect(output).not.toContain(`"${code}"`);

    // The SQLite file and its WAL hold hashes only. Reset keys are the exception by design: the
    // email in the outbox carries its link (the sandbox's delivery), the key table only a hash.
    await killCli(server);
    const files = readdirSync(temp.dir).map((name) =>
      readFileSync(join(temp.dir, name)).toString('latin1'),
    );
    const db = new Database(join(temp.dir, 'secrets.db'), { readonly: true });
    const keyRows = db.prepare('SELECT count(*) FROM password_keys WHERE key_hash = ?').pluck();
    for (const key of resetKeys)
      expect([keyRows.get(key), keyRows.get(hashSecret(key))]).toEqual([0, 1]);
    db.close();

    for (const secret of [...secrets].filter(
      (s) => !resetKeys.has(s) && !notInDatabaseCheck.has(s),
    )) {
      expect({ secret, inDatabase: files.some((bytes) => bytes.includes(secret)) }).toEqual({
        secret,
        inDatabase: false,
      });
    }
  });
});
