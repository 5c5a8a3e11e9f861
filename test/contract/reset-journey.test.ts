import { startLiveServer, type LiveServer } from '../support/live-server';
import { runPythonScript } from '../support/python';

// The real softlayer-python SDK (Debian's python3-softlayer), unmodified, against a listening
// slemu. Over XML-RPC it reports SoftLayer exception names; over REST, HTTP statuses.

const NEW_PASSWORD = 'Contract#Pass7';

const personas = [
  { username: 'alice', email: 'alice@example.com', id: 7002, answer: undefined },
  { username: 'SL1001', email: 'sl1001@example.com', id: 7001, answer: 'Rex' },
];

const journeys = ['xmlrpc', 'rest'].flatMap((wire) =>
  ['SoftLayer_User_Customer', 'SoftLayer_User_Customer_OpenIdConnect'].flatMap((service) =>
    personas.map((persona) => ({ wire, service, ...persona })),
  ),
);

describe('the password-reset journey through softlayer-python', () => {
  let server: LiveServer;

  beforeEach(async () => {
    server = await startLiveServer();
  });
  afterEach(async () => {
    await server.app.close();
  });

  it.each(journeys)('$username over $wire via $service', async (journey) => {
    const args = [
      server.baseUrl,
      journey.wire,
      journey.service,
      journey.username,
      journey.email,
      NEW_PASSWORD,
    ];
    const out = await runPythonScript(
      'reset_journey.py',
      journey.answer ? [...args, journey.answer] : args,
    );
    const xmlrpc = journey.wire === 'xmlrpc';

    expect(out.transport).toBe(xmlrpc ? 'XmlRpcTransport' : 'RestTransport');
    expect(out.initiate).toBe(true);
    expect(out.userId).toBe(journey.id);
    expect(out.requirements).toMatchObject({
      userId: journey.id,
      minimumPasswordLengthRequirement: 8,
    });
    expect(out.process).toBe(true);
    expect(out.loginUserId).toBe(journey.id);
    expect(out.getObject).toMatchObject({ id: journey.id, username: journey.username });

    expect(out.weakPassword).toEqual({
      faultCode: xmlrpc ? 'SoftLayer_Exception_Public' : 500,
      faultString: expect.stringMatching(/^Your portal password must /),
    });
    for (const refusal of ['reusedKey', 'unknownKey']) {
      expect(out[refusal]).toEqual({
        faultCode: xmlrpc ? 'SoftLayer_Exception_Public' : 500,
        faultString: 'Invalid password recovery key',
      });
    }
    if (journey.answer) {
      expect(out.wrongAnswer).toEqual({
        faultCode: xmlrpc ? 'SoftLayer_Exception_User_Customer_InvalidSecurityQuestionAnswer' : 500,
        faultString: 'Invalid answer provided for security question',
      });
    }
    if (!xmlrpc) {
      expect(out.tokenOverRest).toEqual({
        faultCode: 401,
        faultString: 'No valid authentication headers found.',
      });
    }
  });
});
