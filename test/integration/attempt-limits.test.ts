import type { FastifyInstance } from 'fastify';
import { SL1001 } from '../support/personas';
import { latestResetKey, startTestApp } from '../support/test-app';
import { expectFault, expectValue, transports, type Caller } from '../support/transports';

const USER = 'SoftLayer_User_Customer';
const NEW_PASSWORD = 'Limits#Pass42';
const ALICE_ID = 7002;

describe.each(transports)('time, rate limits and lockouts over %s', (_wire, call: Caller) => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  const initiate = (username: string) =>
    call(app, { service: USER, method: 'initiatePortalPasswordChange', args: [username] });

  const advance = async (seconds: number) => {
    const response = await app.inject({
      method: 'POST',
      url: '/_slemu/clock',
      payload: { advanceSeconds: seconds },
    });
    expect(response.statusCode).toBe(200);
  };

  const processFor = (id: number, set: object) =>
    call(app, {
      service: USER,
      method: 'processPasswordSetRequest',
      id,
      args: [{ password: NEW_PASSWORD, ...set }, {}],
    });

  it('expires a key after 24 hours of sandbox clock', async () => {
    await initiate('alice');
    const key = latestResetKey(app, 'alice@example.com');
    await advance(23 * 3600);
    expect(
      expectValue(
        await call(app, { service: USER, method: 'getUserIdForPasswordSet', args: [key] }),
      ),
    ).toBe(ALICE_ID);

    await advance(2 * 3600);
    const expired = await processFor(ALICE_ID, { key });
    expectFault(expired, 'SoftLayer_Exception_Public');
    expect(expired.message).toBe('Invalid password recovery key');
  });

  it('refuses a key that a newer initiate superseded, and takes the newer one', async () => {
    await initiate('alice');
    const older = latestResetKey(app, 'alice@example.com');
    await initiate('alice');
    const newer = latestResetKey(app, 'alice@example.com');

    const superseded = await processFor(ALICE_ID, { key: older });
    expectFault(superseded, 'SoftLayer_Exception_Public');
    expect(superseded.message).toBe('Invalid password recovery key');
    expect(expectValue(await processFor(ALICE_ID, { key: newer }))).toBe(true);
  });

  it('refuses the sixth initiate for one username within an hour, known or not', async () => {
    for (const username of ['alice', 'nobody-at-all']) {
      for (let i = 0; i < 5; i += 1) expect(expectValue(await initiate(username))).toBe(true);
      const sixth = await initiate(username);
      expectFault(sixth, 'SoftLayer_Exception_Public');
      expect(sixth.message).toMatch(/try again later/i);
    }
    expect(app.slemu.store.outbox('alice@example.com')).toHaveLength(5);
    expect(expectValue(await initiate('bob'))).toBe(true);

    await advance(3601);
    expect(expectValue(await initiate('alice'))).toBe(true);
  });

  it('takes the limit and its window from the configuration', async () => {
    await app.close();
    app = await startTestApp({ resetRequestLimit: { max: 2, windowMinutes: 10 } });

    expect(expectValue(await initiate('alice'))).toBe(true);
    expect(expectValue(await initiate('alice'))).toBe(true);
    expectFault(await initiate('alice'), 'SoftLayer_Exception_Public');
    await advance(601);
    expect(expectValue(await initiate('alice'))).toBe(true);
  });

  it('locks the password set after ten wrong answers, and unlocks it 30 minutes later', async () => {
    await initiate('SL1001');
    const key = latestResetKey(app, 'sl1001@example.com');
    const answer = (securityAnswer: string) =>
      processFor(SL1001.id, { key, answeredSecurityQuestionId: 1, securityAnswer });

    for (let i = 0; i < 10; i += 1) {
      expectFault(
        await answer('Fido'),
        'SoftLayer_Exception_User_Customer_InvalidSecurityQuestionAnswer',
      );
    }
    const locked = await answer('Rex');
    expectFault(locked, 'SoftLayer_Exception_User_Customer_AccountLocked');
    expect(locked.message).toBe('Account has been locked for 30 minutes');

    const login = await call(app, {
      service: USER,
      method: 'getPortalLoginToken',
      args: ['SL1001', 'Sandbox#1001', null, null],
    });
    expectFault(login, 'SoftLayer_Exception_Public');
    expect(login.message).toBe('Account has been locked for 30 minutes.');

    await advance(29 * 60);
    expectFault(await answer('Rex'), 'SoftLayer_Exception_User_Customer_AccountLocked');
    await advance(61);
    expect(expectValue(await answer('Rex'))).toBe(true);
  });

  it('locks login after ten wrong passwords within 30 minutes, not ten spread wider', async () => {
    const login = (password: string) =>
      call(app, {
        service: USER,
        method: 'getPortalLoginToken',
        args: ['alice', password, null, null],
      });

    for (let i = 0; i < 9; i += 1)
      expectFault(await login('Wrong#Pass1'), 'SoftLayer_Exception_Public');
    await advance(31 * 60);
    expectFault(await login('Wrong#Pass1'), 'SoftLayer_Exception_Public');
    expect(expectValue(await login('Alice#Start1'))).toMatchObject({ userId: ALICE_ID });

    for (let i = 0; i < 9; i += 1)
      expectFault(await login('Wrong#Pass1'), 'SoftLayer_Exception_Public');
    const locked = await login('Alice#Start1');
    expectFault(locked, 'SoftLayer_Exception_Public');
    expect(locked.message).toBe('Account has been locked for 30 minutes.');
  });
});
