import type { FastifyInstance } from 'fastify';
import { BOB, SL1001, SL1002 } from '../support/personas';
import { latestResetKey, startTestApp } from '../support/test-app';
import { expectFault, expectValue, transports, type Caller } from '../support/transports';

const USER = 'SoftLayer_User_Customer';
const QUESTION = 'SoftLayer_User_Security_Question';

describe.each(transports)('methods around the password set over %s', (_wire, call: Caller) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  describe('getPasswordRequirements', () => {
    it.each([true, false])(
      'answers the rules for isVpn %s to an authenticated caller',
      async (isVpn) => {
        const rules = expectValue(
          await call(app, {
            service: USER,
            method: 'getPasswordRequirements',
            auth: SL1001,
            args: [isVpn],
          }),
        );
        expect(rules).toEqual({
          minimumPasswordLengthRequirement: 8,
          maximumPasswordLengthRequirement: 20,
          uppercaseCountRequirement: 1,
          lowercaseCountRequirement: 1,
          digitCountRequirement: 1,
          specialCharacterCountRequirement: 1,
          specialCharactersAllowed: '_-|@.,?/!~#$%^&*(){}[]\\+=',
        });
      },
    );

    it('refuses an anonymous caller and a bad key', async () => {
      const anonymous = await call(app, {
        service: USER,
        method: 'getPasswordRequirements',
        args: [false],
      });
      expectFault(anonymous, 'SoftLayer_Exception_Public');
      expect(anonymous.message).toBe('No valid authentication headers found.');

      const badKey = { username: 'SL1001', apiKey: '0'.repeat(64) };
      const refused = await call(app, {
        service: USER,
        method: 'getPasswordRequirements',
        auth: badKey,
        args: [false],
      });
      expectFault(refused, 'SoftLayer_Exception_Public');
      expect(refused.message).toMatch(/invalid api token/i);
    });

    it('names isVpn when it is not a boolean', async () => {
      const outcome = await call(app, {
        service: USER,
        method: 'getPasswordRequirements',
        auth: SL1001,
        args: ['maybe'],
      });
      expectFault(outcome, 'SoftLayer_Exception_InvalidValue');
      expect(outcome.message).toBe('Invalid value provided for IsVpn');
    });
  });

  describe('isValidPortalPassword', () => {
    const check = (id: number, password: string) =>
      call(app, {
        service: USER,
        method: 'isValidPortalPassword',
        id,
        auth: SL1001,
        args: [password],
      });

    it("tells whether a password is the user's, for users on the caller's account", async () => {
      expect(expectValue(await check(BOB.id, 'Bob#Start123'))).toBe(true);
      expect(expectValue(await check(BOB.id, 'Bob#Start124'))).toBe(false);
    });

    it('does not reach users on another account', async () => {
      expectFault(await check(SL1002.id, 'Sandbox#1002'), 'SoftLayer_Exception_ObjectNotFound');
    });
  });

  describe('SoftLayer_User_Security_Question', () => {
    it('lists every viewable question to anyone', async () => {
      const questions = expectValue(
        await call(app, { service: QUESTION, method: 'getAllObjects' }),
      ) as {
        id: number;
        question: string;
        viewable: number;
      }[];
      expect(questions.map((q) => q.id)).toEqual([1, 2, 3, 4, 5]);
      expect(questions[0]).toEqual({
        id: 1,
        question: 'What was the name of your first pet?',
        displayOrder: 1,
        viewable: 1,
      });
    });

    it('reads one question for an authenticated caller', async () => {
      const question = expectValue(
        await call(app, { service: QUESTION, method: 'getObject', id: 2, auth: SL1001 }),
      );
      expect(question).toMatchObject({ id: 2, question: 'In what city were you born?' });

      expectFault(
        await call(app, { service: QUESTION, method: 'getObject', id: 99, auth: SL1001 }),
        'SoftLayer_Exception_ObjectNotFound',
      );
      const anonymous = await call(app, { service: QUESTION, method: 'getObject', id: 2 });
      expectFault(anonymous, 'SoftLayer_Exception_Public');
      expect(anonymous.message).toBe('No valid authentication headers found.');
    });
  });

  describe('argument validation', () => {
    it('names a security code of the wrong type', async () => {
      await call(app, {
        service: USER,
        method: 'initiatePortalPasswordChange',
        args: [BOB.username],
      });
      const key = latestResetKey(app, BOB.email);
      const outcome = await call(app, {
        service: USER,
        method: 'processPasswordSetRequest',
        id: BOB.id,
        args: [{ key, password: 'Valid#Pass42' }, { securityCode: { nested: true } }],
      });
      expectFault(outcome, 'SoftLayer_Exception_InvalidValue');
      expect(outcome.message).toBe('Invalid value provided for SecurityCode');
    });

    it('names a complexType outside the External_Binding family', async () => {
      const outcome = await call(app, {
        service: USER,
        method: 'processPasswordSetRequest',
        id: BOB.id,
        args: [{ key: 'k' }, { complexType: 'SoftLayer_Container_Something_Else' }],
      });
      expectFault(outcome, 'SoftLayer_Exception_InvalidValue');
      expect(outcome.message).toBe('Invalid value provided for ComplexType');
    });

    it('names a password set that is not a structure', async () => {
      const outcome = await call(app, {
        service: USER,
        method: 'checkPhoneFactorAuthenticationForPasswordSet',
        id: BOB.id,
        args: ['not a container', {}],
      });
      expectFault(outcome, 'SoftLayer_Exception_InvalidValue');
      expect(outcome.message).toBe('Invalid value provided for PasswordSet');
    });
  });
});
