import { startLiveServer, type LiveServer } from '../support/live-server';
import { runPythonScript } from '../support/python';

// Every branch of the password set, one persona each, through the real softlayer-python SDK.
// Over XML-RPC the SDK reports the SoftLayer exception name; over REST only the HTTP status,
// so there the message tells the branches apart.

type Fault = { faultCode: string | number; faultString: string };

const EXTERNAL = 'SoftLayer_Exception_User_Customer_External_Binding_';
const PUBLIC = 'SoftLayer_Exception_Public';

describe.each(['xmlrpc', 'rest'])(
  'password-set branches through softlayer-python over %s',
  (wire) => {
    let server: LiveServer;

    beforeEach(async () => {
      server = await startLiveServer();
    });
    afterEach(async () => {
      await server.app.close();
    });

    const branch = (name: string) =>
      runPythonScript('password_branches.py', [server.baseUrl, wire, name]);

    // The fault as the SDK shows it on this wire.
    const fault = (code: string, message: string | RegExp): Fault => ({
      faultCode:
        wire === 'xmlrpc' ? code : code === 'SoftLayer_Exception_ObjectNotFound' ? 404 : 500,
      faultString: message instanceof RegExp ? (expect.stringMatching(message) as string) : message,
    });

    it('SL1002, a master user who never logged in, resets without questions', async () => {
      const out = await branch('sl1002');
      expect(out).toEqual({ methods: [], process: true, login: 7010 });
    });

    it('SL1003, a master user without security questions, is refused', async () => {
      const out = await branch('sl1003');
      expect(out.initiate).toEqual(
        fault(
          PUBLIC,
          'You must have security questions set on your account before changing your password',
        ),
      );
    });

    it('bob answers his question, then gives his TOTP code, which cannot be replayed', async () => {
      const out = await branch('bob');
      expect(out.methods).toEqual([1, 3]);
      expect(out.noAnswer).toEqual(
        fault(
          'SoftLayer_Exception_User_Customer_InvalidSecurityQuestionAnswer',
          'Invalid answer provided for security question',
        ),
      );
      expect(out.noCode).toEqual(
        fault(
          `${EXTERNAL}TotpAuthenticationRequired`,
          /^Time-based One Time Password authentication is required/,
        ),
      );
      expect(out.wrongCode).toEqual(
        fault(`${EXTERNAL}AuthenticationFailed`, 'External authentication failed'),
      );
      expect(out.process).toBe(true);
      expect(out.replayedCode).toEqual(
        fault(`${EXTERNAL}AuthenticationFailed`, 'External authentication failed'),
      );
      expect(out.login).toBe(7003);
    });

    it('carol gives her Verisign code', async () => {
      const out = await branch('carol');
      expect(out.methods).toEqual([2]);
      expect(out.noCode).toEqual(
        fault(
          `${EXTERNAL}SecurityCodeRequired`,
          'You must supply external authentication credentials to log in with this user',
        ),
      );
      expect(out.wrongCode).toEqual(
        fault(`${EXTERNAL}AuthenticationFailed`, 'External authentication failed'),
      );
      expect(out.process).toBe(true);
      expect(out.login).toBe(7004);
    });

    it('dave waits for his phone, is denied, then approved', async () => {
      const out = await branch('dave');
      expect(out.methods).toEqual([4]);
      expect(out.placed).toEqual(
        fault(
          `${EXTERNAL}PhoneAuthenticationRequired`,
          'Phone-based authentication is required to log in with this user',
        ),
      );
      expect(out.awaiting).toEqual(
        fault(`${EXTERNAL}AwaitingResponse`, 'Waiting on the external authentication response'),
      );
      expect(out.denied).toEqual(
        fault(`${EXTERNAL}AuthenticationFailed`, 'External authentication failed'),
      );
      expect(out.approved).toBe(true);
      expect(out.login).toBe(7005);
    });

    it('erin, who is not active, can neither reset nor log in', async () => {
      const out = await branch('erin');
      expect(out.initiate).toEqual(
        fault(PUBLIC, 'Your request cannot be processed. Please contact support'),
      );
      expect(out.login).toEqual(fault(PUBLIC, 'User account is currently Disabled'));
    });

    it("alice's key expires after 25 hours of sandbox clock", async () => {
      const out = await branch('expired');
      expect(out.userId).toEqual(fault(PUBLIC, 'Invalid password recovery key'));
      expect(out.process).toEqual(fault(PUBLIC, 'Invalid password recovery key'));
    });

    it("alice's older key is superseded by a newer initiate", async () => {
      const out = await branch('superseded');
      expect(out.older).toEqual(fault(PUBLIC, 'Invalid password recovery key'));
      expect(out.newer).toBe(true);
    });

    it('the sixth initiate within an hour is refused, and allowed an hour later', async () => {
      const out = await branch('rate_limit');
      expect(out.firstFive).toEqual([true, true, true, true, true]);
      expect(out.sixth).toEqual(fault(PUBLIC, /try again later/i));
      expect(out.anHourLater).toBe(true);
    });

    it('ten wrong answers lock SL1001 out of reset and login for 30 minutes', async () => {
      const out = await branch('lockout');
      const wrongAnswer =
        wire === 'xmlrpc' ? 'SoftLayer_Exception_User_Customer_InvalidSecurityQuestionAnswer' : 500;
      expect(out.wrongAnswers).toEqual(Array(10).fill(wrongAnswer));
      expect(out.locked).toEqual(
        fault(
          'SoftLayer_Exception_User_Customer_AccountLocked',
          'Account has been locked for 30 minutes',
        ),
      );
      expect(out.loginLocked).toEqual(fault(PUBLIC, 'Account has been locked for 30 minutes.'));
      expect(out.afterThirtyMinutes).toBe(true);
      expect(out.login).toBe(7001);
    });

    it("the brand agent resets its customer's master user; an unauthorised agent cannot", async () => {
      const out = await branch('brand');
      expect(out).toMatchObject({ initiate: true, process: true, login: 7022 });
      expect(out.unauthorised).toEqual(
        fault(PUBLIC, 'You do not have permission to request password reset for another user'),
      );
      expect(out.notOwned).toEqual(
        fault(PUBLIC, 'You do not have permission to request password reset for this user'),
      );
    });

    it('reads the password rules, checks a password and lists the security questions', async () => {
      const out = await branch('neighbourhood');
      expect(out.requirements).toMatchObject({
        minimumPasswordLengthRequirement: 8,
        specialCharacterCountRequirement: 1,
      });
      expect(out.validPassword).toBe(true);
      expect(out.invalidPassword).toBe(false);
      expect(out.otherAccount).toEqual(
        fault('SoftLayer_Exception_ObjectNotFound', "Unable to find object with id of '7010'."),
      );
      expect((out.questions as unknown[]).length).toBe(5);
      expect(out.question).toMatchObject({
        id: 3,
        question: 'What was the make of your first car?',
      });
    });
  },
);
