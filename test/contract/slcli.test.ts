import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLiveServer, type LiveServer } from '../support/live-server';
import { run } from '../support/python';

// slcli (from python3-softlayer) has no endpoint flag; it reads endpoint_url from a config file.

const SL1001_KEY = '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899';

describe.each(['xmlrpc', 'rest'])('slcli call-api over %s', (wire) => {
  let server: LiveServer;
  let configFile: string;

  beforeAll(async () => {
    server = await startLiveServer();
    configFile = join(mkdtempSync(join(tmpdir(), 'slemu-slcli-')), 'softlayer.conf');
    writeFileSync(
      configFile,
      [
        '[softlayer]',
        'username = SL1001',
        `api_key = ${SL1001_KEY}`,
        `endpoint_url = ${server.baseUrl}/${wire}/v3.1/`,
        'timeout = 20',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await server.app.close();
  });

  const slcli = (...args: string[]) =>
    run('/usr/bin/slcli', ['-C', configFile, '--format', 'json', 'call-api', ...args]);

  it('initiates a reset', async () => {
    const result = await slcli(
      'SoftLayer_User_Customer_OpenIdConnect',
      'initiatePortalPasswordChange',
      'alice',
    );
    expect(result.stdout.trim()).toBe('true');
    expect(result.code).toBe(0);
    expect(server.app.slemu.store.outbox('alice@example.com')).toHaveLength(1);
  });

  it('reads a user with getObject', async () => {
    const result = await slcli('SoftLayer_User_Customer', 'getObject', '--id', '7002');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 7002, username: 'alice' });
  });

  it('reports a missing user with the SDK error and exit code 1', async () => {
    const result = await slcli('SoftLayer_User_Customer', 'getObject', '--id', '424242');
    expect(result.code).toBe(1);
    const code = wire === 'xmlrpc' ? 'SoftLayer_Exception_ObjectNotFound' : '404';
    expect(result.stdout).toContain(
      `SoftLayerAPIError(${code}): Unable to find object with id of '424242'.`,
    );
  });
});
