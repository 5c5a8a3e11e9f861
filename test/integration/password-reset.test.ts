import type { FastifyInstance } from 'fastify';
import { latestResetKey, startTestApp, TEST_PUBLIC_URL } from '../support/test-app';
import { expectFault, expectValue, transports } from '../support/transports';

const USER = 'SoftLayer_User_Customer';
const OIDC = 'SoftLayer_User_Customer_OpenIdConnect';
const ALICE_ID = 7002;
const SL1001_ID = 7001;
const NEW_PASSWORD = 'Fresh#Pass42';

describe.each(transports)('password reset over %s', (_wire, call) => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  const initiate = (username: unknown, service = USER) =>
    call(app, { service, method: 'initiatePortalPasswordChange', args: [username] });

  it.each([USER, OIDC])('initiate through %s emails a one-time link', async (service) => {
    expect(expectValue(await initiate('alice', service))).toBe(true);

    const [email] = app.slemu.store.outbox('alice@example.com');
    expect(email?.subject).toMatch(/password/i);
    expect(email?.text).toContain(`${TEST_PUBLIC_URL}/password/set?key=`);
    // Handlebars writes "=" in attribute values as &#x3D;, which a browser reads back as "=".
    expect(email?.html.replace(/&#x3D;/g, '=')).toContain(`${TEST_PUBLIC_URL}/password/set?key=`);
  });

  it('walks alice from the email to a token-authenticated getObject', async () => {
    await initiate('alice');
    const key = latestResetKey(app, 'alice@example.com');

    const userId = expectValue(
      await call(app, { service: USER, method: 'getUserIdForPasswordSet', args: [key] }),
    );
    expect(userId).toBe(ALICE_ID);

    const requirements = expectValue(
      await call(app, {
        service: USER,
        method: 'getRequirementsForPasswordSet',
        id: ALICE_ID,
        args: [{ key }],
      }),
    ) as Record<string, unknown>;
    expect(requirements).toMatchObject({
      key,
      userId: ALICE_ID,
      authenticationMethods: [],
      minimumPasswordLengthRequirement: 8,
      maximumPasswordLengthRequirement: 20,
    });

    const set = await call(app, {
      service: USER,
      method: 'processPasswordSetRequest',
      id: ALICE_ID,
      args: [{ key, password: NEW_PASSWORD }, {}],
    });
    expect(expectValue(set)).toBe(true);

    const token = expectValue(
      await call(app, {
        service: USER,
        method: 'getPortalLoginToken',
        args: ['alice', NEW_PASSWORD, null, null],
      }),
    ) as { userId: number; hash: string };
    expect(token.userId).toBe(ALICE_ID);
    expect(token.hash).toMatch(/^[0-9a-f]{64}$/);

    const self = expectValue(
      await call(app, {
        service: OIDC,
        method: 'getObject',
        id: ALICE_ID,
        auth: { userId: token.userId, authToken: token.hash },
      }),
    );
    expect(self).toMatchObject({ id: ALICE_ID, username: 'alice', accountId: 1001 });
  });

  it('refuses a reused key', async () => {
    await initiate('alice');
    const key = latestResetKey(app, 'alice@example.com');
    const process = () =>
      call(app, {
        service: USER,
        method: 'processPasswordSetRequest',
        id: ALICE_ID,
        args: [{ key, password: NEW_PASSWORD }, null],
      });

    expectValue(await process());
    const again = await process();
    expectFault(again, 'SoftLayer_Exception_Public');
    expect(again.message).toBe('Invalid password recovery key');
  });

  it('refuses an unknown key', async () => {
    const outcome = await call(app, {
      service: USER,
      method: 'getUserIdForPasswordSet',
      args: ['nope'],
    });
    expectFault(outcome, 'SoftLayer_Exception_Public');
    expect(outcome.message).toBe('Invalid password recovery key');
  });

  it('refuses a key addressed to another user id', async () => {
    await initiate('alice');
    const key = latestResetKey(app, 'alice@example.com');
    const outcome = await call(app, {
      service: USER,
      method: 'processPasswordSetRequest',
      id: SL1001_ID,
      args: [{ key, password: NEW_PASSWORD }, {}],
    });
    expectFault(outcome, 'SoftLayer_Exception_Public');
  });

  it('lists every rule a weak password breaks, and keeps the key usable', async () => {
    await initiate('alice');
    const key = latestResetKey(app, 'alice@example.com');
    const attempt = (password: string) =>
      call(app, {
        service: USER,
        method: 'processPasswordSetRequest',
        id: ALICE_ID,
        args: [{ key, password }, {}],
      });

    const weak = await attempt('short');
    expectFault(weak, 'SoftLayer_Exception_Public');
    expect(weak.message).toMatch(/^Your portal password must /);
    expect(weak.message).toMatch(/between 8 and 20/);
    expect(weak.message).toMatch(/uppercase/);
    expect(weak.message).toMatch(/digit/);

    expect(expectValue(await attempt(NEW_PASSWORD))).toBe(true);
  });

  it('asks for a password when none is given', async () => {
    await initiate('alice');
    const key = latestResetKey(app, 'alice@example.com');
    const outcome = await call(app, {
      service: USER,
      method: 'processPasswordSetRequest',
      id: ALICE_ID,
      args: [{ key }, {}],
    });
    expectFault(outcome, 'SoftLayer_Exception_InvalidValue');
    expect(outcome.message).toBe('Invalid value provided for Password');
  });

  it('makes the master user SL1001 answer the security question', async () => {
    await initiate('SL1001');
    const key = latestResetKey(app, 'sl1001@example.com');

    const requirements = expectValue(
      await call(app, {
        service: USER,
        method: 'getRequirementsForPasswordSet',
        id: SL1001_ID,
        args: [{ key }],
      }),
    ) as { authenticationMethods: number[]; securityQuestions: { id: number }[] };
    expect(requirements.authenticationMethods).toEqual([1]);
    const questionId = requirements.securityQuestions[0]?.id;
    expect(questionId).toBe(1);

    const attempt = (securityAnswer: string) =>
      call(app, {
        service: USER,
        method: 'processPasswordSetRequest',
        id: SL1001_ID,
        args: [
          { key, password: NEW_PASSWORD, answeredSecurityQuestionId: questionId, securityAnswer },
          {},
        ],
      });

    expectFault(
      await attempt('Fido'),
      'SoftLayer_Exception_User_Customer_InvalidSecurityQuestionAnswer',
    );
    expect(expectValue(await attempt(' rex '))).toBe(true);
  });

  it('answers true for an unknown username and sends nothing', async () => {
    expect(expectValue(await initiate('nobody-here'))).toBe(true);
    expect(app.slemu.store.outbox()).toHaveLength(0);
  });

  it('refuses an empty username', async () => {
    const outcome = await initiate('');
    expectFault(outcome, 'SoftLayer_Exception_InvalidValue');
    expect(outcome.message).toBe('Invalid value provided for Username');
  });

  it('supersedes an earlier key with a newer one', async () => {
    await initiate('alice');
    const first = latestResetKey(app, 'alice@example.com');
    await initiate('alice');

    const outcome = await call(app, {
      service: USER,
      method: 'getUserIdForPasswordSet',
      args: [first],
    });
    expectFault(outcome, 'SoftLayer_Exception_Public');
  });

  it('refuses a wrong password at login', async () => {
    const outcome = await call(app, {
      service: USER,
      method: 'getPortalLoginToken',
      args: ['alice', 'Wrong#Pass1', null, null],
    });
    expectFault(outcome, 'SoftLayer_Exception_Public');
    expect(outcome.message).toBe('Invalid login credentials provided.');
  });
});
