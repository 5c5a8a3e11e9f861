import { startLiveServer, type LiveServer } from '../support/live-server';
import { runPythonScript } from '../support/python';

// Fault injection as the real softlayer-python SDK sees it. Over XML-RPC the SDK reports the
// exception name as faultCode; over REST it reports the HTTP status.

const SL1001 = [
  'SL1001',
  '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899',
  '7002',
];

describe('fault injection through softlayer-python', () => {
  let server: LiveServer;

  beforeEach(async () => {
    server = await startLiveServer();
  });
  afterEach(async () => {
    await server.app.close();
  });

  it.each(['xmlrpc', 'rest'])(
    'over %s: the exception reaches the SDK, the latency shows',
    async (wire) => {
      const out = await runPythonScript('fault_injection.py', [server.baseUrl, wire, ...SL1001]);

      expect(out.injected).toEqual({
        faultCode: wire === 'xmlrpc' ? 'SoftLayer_Exception_Network_Timeout' : 500,
        faultString: 'Injected: try again later',
      });
      expect(out.afterwards).toBe('alice');
      // A lower bound only: a loaded machine may add time, never take it away.
      expect(out.slowSeconds).toBeGreaterThanOrEqual(1.5);
    },
  );
});
