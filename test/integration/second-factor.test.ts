import type { FastifyInstance } from 'fastify';
import { codeAt } from '../../src/security/one-time-code';
import { BOB, CAROL, DAVE } from '../support/personas';
import { latestResetKey, startTestApp } from '../support/test-app';
import { expectFault, expectValue, transports, type Caller } from '../support/transports';

const USER = 'SoftLayer_User_Customer';
const NEW_PASSWORD = 'Second#Factor9';
const TOTP = 'SoftLayer_Container_User_Customer_External_Binding_Totp';
const VERISIGN = 'SoftLayer_Container_User_Customer_External_Binding_Verisign';
const EXCEPTION = 'SoftLayer_Exception_User_Customer_External_Binding_';

// A six-digit code that is not the one at `now` (nor, but for a one-in-a-million chance, its
// neighbours).
const wrongCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

describe.each(transports)('second factors in the password set over %s', (_wire, call: Caller) => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  async function resetKey(username: string, email: string): Promise<string> {
    expectValue(
      await call(app, { service: USER, method: 'initiatePortalPasswordChange', args: [username] }),
    );
    return latestResetKey(app, email);
  }

  const requirements = async (id: number, key: string) =>
    expectValue(
      await call(app, {
        service: USER,
        method: 'getRequirementsForPasswordSet',
        id,
        args: [{ key }],
      }),
    ) as { authenticationMethods: number[]; securityQuestions: { id: number }[] };

  const passwordSet = (id: number, method: string, set: object, binding: object | null = {}) =>
    call(app, { service: USER, method, id, args: [{ password: NEW_PASSWORD, ...set }, binding] });

  const login = (username: string) =>
    call(app, {
      service: USER,
      method: 'getPortalLoginToken',
      args: [username, NEW_PASSWORD, null, null],
    });

  describe('bob, with Google Authenticator', () => {
    const now = () => app.slemu.clock.now();
    const answered = { answeredSecurityQuestionId: 2, securityAnswer: 'austin' };

    it('lists the security question and TOTP, and asks for the answer before the code', async () => {
      const key = await resetKey(BOB.username, BOB.email);
      const needs = await requirements(BOB.id, key);
      expect(needs.authenticationMethods).toEqual([1, 3]);
      expect(needs.securityQuestions.map((q) => q.id)).toEqual([2]);

      const code = codeAt(BOB.totpSecret, now());
      const noAnswer = await passwordSet(
        BOB.id,
        'processPasswordSetRequest',
        { key },
        { securityCode: code },
      );
      expectFault(noAnswer, 'SoftLayer_Exception_User_Customer_InvalidSecurityQuestionAnswer');

      const noCode = await passwordSet(BOB.id, 'processPasswordSetRequest', { key, ...answered });
      expectFault(noCode, `${EXCEPTION}TotpAuthenticationRequired`);
      expect(noCode.message).toBe(
        'Time-based One Time Password authentication is required to log in with this user',
      );
    });

    it('refuses a wrong code, accepts the right one, and the new password logs in', async () => {
      const key = await resetKey(BOB.username, BOB.email);
      const code = codeAt(BOB.totpSecret, now());

      const wrong = { complexType: TOTP, securityCode: wrongCode(code) };
      const refused = await passwordSet(
        BOB.id,
        'processPasswordSetRequest',
        { key, ...answered },
        wrong,
      );
      expectFault(refused, `${EXCEPTION}AuthenticationFailed`);

      const right = { complexType: TOTP, securityCode: code };
      expect(
        expectValue(
          await passwordSet(BOB.id, 'processPasswordSetRequest', { key, ...answered }, right),
        ),
      ).toBe(true);
      expect(expectValue(await login(BOB.username))).toMatchObject({ userId: BOB.id });
    });

    it('accepts a code one step old but not two, and never the same code twice', async () => {
      const first = await resetKey(BOB.username, BOB.email);
      const twoStepsOld = codeAt(BOB.totpSecret, now() - 60_000);
      const stale = await passwordSet(
        BOB.id,
        'processPasswordSetRequest',
        { key: first, ...answered },
        {
          securityCode: twoStepsOld,
        },
      );
      if (twoStepsOld !== codeAt(BOB.totpSecret, now()))
        expectFault(stale, `${EXCEPTION}AuthenticationFailed`);

      const oneStepOld = codeAt(BOB.totpSecret, now() - 30_000);
      const drift = { securityCode: oneStepOld };
      expect(
        expectValue(
          await passwordSet(
            BOB.id,
            'processPasswordSetRequest',
            { key: first, ...answered },
            drift,
          ),
        ),
      ).toBe(true);

      const second = await resetKey(BOB.username, BOB.email);
      const replay = await passwordSet(
        BOB.id,
        'processPasswordSetRequest',
        { key: second, ...answered },
        drift,
      );
      expectFault(replay, `${EXCEPTION}AuthenticationFailed`);
    });
  });

  describe('carol, with a Verisign credential', () => {
    it('asks for a security code, refuses another seed, accepts hers', async () => {
      const key = await resetKey(CAROL.username, CAROL.email);
      expect((await requirements(CAROL.id, key)).authenticationMethods).toEqual([2]);

      const missing = await passwordSet(
        CAROL.id,
        'processPasswordSetRequest',
        { key },
        { complexType: VERISIGN },
      );
      expectFault(missing, `${EXCEPTION}SecurityCodeRequired`);

      const bobsCode = {
        complexType: VERISIGN,
        securityCode: codeAt(BOB.totpSecret, app.slemu.clock.now()),
      };
      const refused = await passwordSet(CAROL.id, 'processPasswordSetRequest', { key }, bobsCode);
      expectFault(refused, `${EXCEPTION}AuthenticationFailed`);

      const hers = {
        complexType: VERISIGN,
        securityCode: codeAt(CAROL.verisignSecret, app.slemu.clock.now()),
      };
      expect(
        expectValue(await passwordSet(CAROL.id, 'processPasswordSetRequest', { key }, hers)),
      ).toBe(true);
      expect(expectValue(await login(CAROL.username))).toMatchObject({ userId: CAROL.id });
    });
  });

  describe('dave, with phone factor', () => {
    const setPhone = async (answer: string) => {
      const response = await app.inject({
        method: 'POST',
        url: `/_slemu/phone/${DAVE.username}`,
        payload: { answer },
      });
      expect(response.statusCode).toBe(200);
    };
    const poll = (key: string) =>
      passwordSet(DAVE.id, 'checkPhoneFactorAuthenticationForPasswordSet', { key }, null);

    it('calls the phone, waits for it, fails on a denial and sets the password on approval', async () => {
      const key = await resetKey(DAVE.username, DAVE.email);
      expect((await requirements(DAVE.id, key)).authenticationMethods).toEqual([4]);

      const placed = await passwordSet(DAVE.id, 'processPasswordSetRequest', { key });
      expectFault(placed, `${EXCEPTION}PhoneAuthenticationRequired`);
      expectFault(await poll(key), `${EXCEPTION}AwaitingResponse`);

      await setPhone('deny');
      const denied = await poll(key);
      expectFault(denied, `${EXCEPTION}AuthenticationFailed`);
      expect(denied.message).toBe('External authentication failed');
      // A denial answers one call; the next rings again.
      expectFault(await poll(key), `${EXCEPTION}AwaitingResponse`);

      await setPhone('approve');
      expect(expectValue(await poll(key))).toBe(true);
      expect(expectValue(await login(DAVE.username))).toMatchObject({ userId: DAVE.id });
      expectFault(await poll(key), 'SoftLayer_Exception_Public');
    });

    it('lets processPasswordSetRequest finish when the phone already approved, once', async () => {
      await setPhone('approve');
      const key = await resetKey(DAVE.username, DAVE.email);
      expect(expectValue(await passwordSet(DAVE.id, 'processPasswordSetRequest', { key }))).toBe(
        true,
      );

      const next = await resetKey(DAVE.username, DAVE.email);
      const again = await passwordSet(DAVE.id, 'processPasswordSetRequest', { key: next });
      expectFault(again, `${EXCEPTION}PhoneAuthenticationRequired`);
    });
  });
});
