import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserRecord } from '../../db/store';
import { accountUsers, addListUsers } from '../support/extra-users';
import { startLiveServer, type LiveServer } from '../support/live-server';
import { run } from '../support/python';

// slcli call-api's --mask, --limit/--offset, -f and --orderBy, as a user would type them.

const SL1001_KEY = '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899';

describe.each(['xmlrpc', 'rest'])('slcli lists over %s', (wire) => {
  let server: LiveServer;
  let configFile: string;
  let users: UserRecord[];

  beforeAll(async () => {
    server = await startLiveServer();
    addListUsers(server.app);
    users = accountUsers(server.app);
    configFile = join(mkdtempSync(join(tmpdir(), 'slemu-slcli-')), 'softlayer.conf');
    const lines = ['[softlayer]', 'username = SL1001', `api_key = ${SL1001_KEY}`];
    writeFileSync(
      configFile,
      [...lines, `endpoint_url = ${server.baseUrl}/${wire}/v3.1/`, ''].join('\n'),
    );
  });
  afterAll(async () => {
    await server.app.close();
  });

  async function slcli(...args: string[]) {
    const result = await run('/usr/bin/slcli', [
      '-C',
      configFile,
      '--format',
      'json',
      'call-api',
      ...args,
    ]);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as unknown;
  }

  it('masks and pages getUsers', async () => {
    const page = await slcli(
      'SoftLayer_Account',
      'getUsers',
      '--mask',
      'id,username',
      '--limit',
      '2',
      '--offset',
      '1',
    );
    expect(page).toEqual(
      users.slice(1, 3).map((user) => ({ id: user.id, username: user.username })),
    );
  });

  it('filters with -f and orders with --orderBy', async () => {
    const named = await slcli(
      'SoftLayer_Account',
      'getUsers',
      '--mask',
      'id',
      '-f',
      'users.username=peggy.paging',
    );
    expect(named).toEqual([{ id: 7903 }]);

    const ordered = await slcli(
      'SoftLayer_Account',
      'getUsers',
      '--mask',
      'id',
      '--orderBy',
      'users.id=DESC',
    );
    expect(ordered).toEqual(users.map((user) => ({ id: user.id })).reverse());
  });
});
