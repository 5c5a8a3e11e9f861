import type { FastifyInstance } from 'fastify';
import {
  BRAND_AGENT,
  BRAND_CLERK,
  ERIN,
  SL1001,
  SL1002,
  SL1003,
  SL2002,
} from '../support/personas';
import { latestResetKey, startTestApp } from '../support/test-app';
import { expectFault, expectValue, transports, type Caller } from '../support/transports';

const USER = 'SoftLayer_User_Customer';
const NEW_PASSWORD = 'Persona#Pass42';

describe.each(transports)(
  'master users, inactive users and brand agents over %s',
  (_wire, call: Caller) => {
    let app: FastifyInstance;

    beforeEach(async () => {
      app = await startTestApp();
    });
    afterEach(async () => {
      await app.close();
    });

    const initiate = (username: string) =>
      call(app, { service: USER, method: 'initiatePortalPasswordChange', args: [username] });

    async function finishReset(id: number, email: string): Promise<void> {
      const key = latestResetKey(app, email);
      const needs = expectValue(
        await call(app, {
          service: USER,
          method: 'getRequirementsForPasswordSet',
          id,
          args: [{ key }],
        }),
      ) as { authenticationMethods: number[] };
      expect(needs.authenticationMethods).toEqual([]);

      const set = await call(app, {
        service: USER,
        method: 'processPasswordSetRequest',
        id,
        args: [{ key, password: NEW_PASSWORD }, {}],
      });
      expect(expectValue(set)).toBe(true);
    }

    const login = (username: string, password = NEW_PASSWORD) =>
      call(app, {
        service: USER,
        method: 'getPortalLoginToken',
        args: [username, password, null, null],
      });

    it('lets SL1002, a master user who never logged in, reset without questions', async () => {
      expect(expectValue(await initiate(SL1002.username))).toBe(true);
      await finishReset(SL1002.id, SL1002.email);
      expect(expectValue(await login(SL1002.username))).toMatchObject({ userId: SL1002.id });
    });

    it('refuses SL1003, a master user who logged in without security questions', async () => {
      const refused = await initiate(SL1003.username);
      expectFault(refused, 'SoftLayer_Exception_Public');
      expect(refused.message).toBe(
        'You must have security questions set on your account before changing your password',
      );
      expect(app.slemu.store.outbox(SL1003.email)).toHaveLength(0);
    });

    it('refuses erin, whose status is not Active, at reset and at login', async () => {
      const refused = await initiate(ERIN.username);
      expectFault(refused, 'SoftLayer_Exception_Public');
      expect(refused.message).toBe('Your request cannot be processed. Please contact support');

      const loginRefused = await login(ERIN.username, 'Erin#Start12');
      expectFault(loginRefused, 'SoftLayer_Exception_Public');
      expect(loginRefused.message).toBe('User account is currently Disabled');
    });

    describe('initiatePortalPasswordChangeByBrandAgent', () => {
      const byAgent = (auth: { username: string; apiKey: string }, id: number, username: unknown) =>
        call(app, {
          service: USER,
          method: 'initiatePortalPasswordChangeByBrandAgent',
          id,
          auth,
          args: [username],
        });

      it("lets the brand agent reset the master user of its brand's customer account", async () => {
        expect(expectValue(await byAgent(BRAND_AGENT, BRAND_AGENT.id, SL2002.username))).toBe(true);
        await finishReset(SL2002.id, SL2002.email);
        expect(expectValue(await login(SL2002.username))).toMatchObject({ userId: SL2002.id });
      });

      it.each([
        [
          'an agent without the permission',
          BRAND_CLERK,
          BRAND_CLERK.id,
          SL2002.username,
          'You do not have permission to request password reset for another user',
        ],
        [
          'an account that is not a brand',
          SL1001,
          SL1001.id,
          SL2002.username,
          'Your account is not a Brand Master Account',
        ],
        [
          "a user outside the brand's customers",
          BRAND_AGENT,
          BRAND_AGENT.id,
          'alice',
          'You do not have permission to request password reset for this user',
        ],
        [
          'an unknown username',
          BRAND_AGENT,
          BRAND_AGENT.id,
          'nobody-at-all',
          'Username does not exist',
        ],
      ])('refuses %s', async (_case, auth, id, username, message) => {
        const refused = await byAgent(auth, id, username);
        expectFault(refused, 'SoftLayer_Exception_Public');
        expect(refused.message).toBe(message);
        expect(app.slemu.store.outbox()).toHaveLength(0);
      });

      it('refuses an empty username, an agent id the caller cannot see, and no credentials', async () => {
        const empty = await byAgent(BRAND_AGENT, BRAND_AGENT.id, '');
        expectFault(empty, 'SoftLayer_Exception_InvalidValue');
        expect(empty.message).toBe('Invalid value provided for Username');

        expectFault(
          await byAgent(BRAND_AGENT, SL1001.id, SL2002.username),
          'SoftLayer_Exception_ObjectNotFound',
        );

        const anonymous = await call(app, {
          service: USER,
          method: 'initiatePortalPasswordChangeByBrandAgent',
          id: BRAND_AGENT.id,
          args: [SL2002.username],
        });
        expectFault(anonymous, 'SoftLayer_Exception_Public');
        expect(anonymous.message).toBe('No valid authentication headers found.');
      });
    });
  },
);
