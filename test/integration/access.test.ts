import type { FastifyInstance } from 'fastify';
import { startTestApp } from '../support/test-app';
import { expectFault, expectValue, transports } from '../support/transports';

const SL1001 = {
  username: 'SL1001',
  apiKey: '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899',
};

describe.each(transports)('dispatch and access over %s', (_wire, call) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('reads a user of the same account with an API key', async () => {
    const user = expectValue(
      await call(app, {
        service: 'SoftLayer_User_Customer',
        method: 'getObject',
        id: 7002,
        auth: SL1001,
      }),
    );
    expect(user).toMatchObject({ id: 7002, username: 'alice', parentId: 7001, userStatusId: 1001 });
    expect(JSON.stringify(user)).not.toMatch(/passwordHash|apiKey|scrypt/i);
  });

  it('does not find a user id that is not on the account', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'getObject',
      id: 999,
      auth: SL1001,
    });
    expectFault(outcome, 'SoftLayer_Exception_ObjectNotFound');
    expect(outcome.message).toBe("Unable to find object with id of '999'.");
  });

  it('rejects a wrong API key', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'getObject',
      id: 7001,
      auth: { username: 'SL1001', apiKey: 'f'.repeat(64) },
    });
    expectFault(outcome, 'SoftLayer_Exception_Public');
    expect(outcome.message).toMatch(/invalid api token/i);
  });

  it('rejects a forged portal token', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'getObject',
      id: 7001,
      auth: { userId: 7001, authToken: 'a'.repeat(64) },
    });
    expectFault(outcome, 'SoftLayer_Exception_InvalidLegacyToken');
  });

  it('asks for credentials on an authenticated method', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'getObject',
      id: 7001,
    });
    expectFault(outcome, 'SoftLayer_Exception_Public');
    expect(outcome.message).toBe('No valid authentication headers found.');
  });

  it('names an unknown method as the real API does', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'fooBar',
      args: [1],
    });
    expectFault(outcome, 'SoftLayer_Exception_Public');
    expect(outcome.message).toBe('Function ("fooBar") is not a valid method for this service.');
  });

  it('refuses an unknown service', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_Nothing',
      method: 'getObject',
      id: 1,
      auth: SL1001,
    });
    expectFault(outcome, 'SoftLayer_Exception_Public');
    expect(outcome.message).toBe('Service does not exist');
  });

  it('needs an id for an instance method', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'getObject',
      auth: SL1001,
    });
    expectFault(outcome, 'SoftLayer_Exception');
  });

  it('names the argument whose type is wrong', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'getRequirementsForPasswordSet',
      id: 7002,
      args: [{ key: 'k', answeredSecurityQuestionId: 'not-a-number' }],
    });
    expectFault(outcome, 'SoftLayer_Exception_InvalidValue');
    expect(outcome.message).toBe('Invalid value provided for AnsweredSecurityQuestionId');
  });
});
