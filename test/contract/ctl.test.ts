import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath } from '../../src/paths';
import { startLiveServer, type LiveServer } from '../support/live-server';
import { run } from '../support/python';

// `slemu ctl` (the built CLI) against a listening slemu that requires an admin token.

const TOKEN = 'ctl-test-token';
const CLI = dataPath('dist', 'src', 'cli.js');

describe('slemu ctl', () => {
  let server: LiveServer;

  beforeAll(async () => {
    server = await startLiveServer({ adminToken: TOKEN });
  });
  afterAll(async () => {
    await server.app.close();
  });

  const ctl = async (...args: string[]) => {
    const result = await run(process.execPath, [CLI, 'ctl', ...args], {
      SLEMU_URL: server.baseUrl,
      SLEMU_ADMIN_TOKEN: TOKEN,
    });
    if (result.code !== 0)
      throw new Error(`ctl ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  it('reads users, injects and clears faults, reads and clears the outbox, resets', async () => {
    expect(await ctl('users', 'show', 'alice')).toMatchObject({
      id: 7002,
      password: 'Alice#Start1',
    });

    const fault = await ctl(
      'faults',
      'add',
      'SoftLayer_User_Customer',
      'getObject',
      '--exception',
      'SoftLayer_Exception_Public',
      '--calls',
      '2',
    );
    expect(fault).toMatchObject({ method: 'getObject', remainingCalls: 2 });
    expect((await ctl('faults')).faults).toHaveLength(1);
    await ctl('faults', 'clear');
    expect((await ctl('faults')).faults).toEqual([]);

    const initiate = await fetch(
      `${server.baseUrl}/rest/v3.1/SoftLayer_User_Customer/initiatePortalPasswordChange.json`,
      {
        method: 'POST',
        body: JSON.stringify({ parameters: ['alice'] }),
      },
    );
    expect(initiate.status).toBe(200);
    const [summary] = (await ctl('outbox', 'list', '--to', 'alice@example.com')).messages as [
      Record<string, unknown>,
    ];
    expect(Object.keys(summary).sort()).toEqual(
      ['createdAt', 'delivery', 'id', 'link', 'subject', 'to'].sort(),
    );
    expect(summary).toMatchObject({ to: 'alice@example.com', delivery: 'none' });
    expect(summary.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/password\/set\?key=\S+$/);
    expect((await ctl('outbox', '--html')).messages).toEqual([
      expect.objectContaining({ html: expect.stringContaining('<html lang="en"') }),
    ]);
    expect(await ctl('outbox', 'clear', '--to', 'nobody@example.com')).toEqual({ deleted: 0 });
    expect(await ctl('outbox', 'clear')).toEqual({ deleted: 1 });

    expect(await ctl('reset')).toEqual({ reset: true });
  });

  it('creates and deletes users, loads fixtures, moves the clock and sets the phone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slemu-ctl-'));
    try {
      const userFile = join(dir, 'frank.json');
      writeFileSync(userFile, JSON.stringify({ username: 'frank', email: 'frank@example.com' }));
      const created = await ctl('users', 'create', userFile);
      expect(created).toMatchObject({ username: 'frank', accountId: 1001, parentId: 7001 });
      expect(await ctl('users', 'show', 'frank')).toMatchObject({ id: created.id });
      await ctl('users', 'delete', 'frank');
      expect(await failure('users', 'show', 'frank')).toContain('HTTP 404');

      const before = Date.parse(String((await ctl('clock', 'show')).now));
      const moved = Date.parse(String((await ctl('clock', 'advance', '3600')).now));
      expect(moved - before).toBeGreaterThanOrEqual(3_600_000);
      expect(moved - before).toBeLessThan(3_660_000);

      expect(await ctl('phone', 'dave', 'deny')).toMatchObject({ answer: 'deny' });

      const fixtures = JSON.parse(readFileSync(dataPath('fixtures', 'default.json'), 'utf8'));
      const onlyMasters = {
        ...fixtures,
        users: fixtures.users.filter((user: { parentId?: number }) => user.parentId == null),
      };
      const fixturesFile = join(dir, 'fixtures.json');
      writeFileSync(fixturesFile, JSON.stringify(onlyMasters));
      await ctl('load', fixturesFile);
      const usernames = ((await ctl('users')).users as Array<{ username: string }>).map(
        (user) => user.username,
      );
      expect(usernames).toContain('SL1001');
      expect(usernames).not.toContain('alice');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await ctl('reset');
    }
  });

  const failure = async (...args: string[]) => {
    const result = await run(process.execPath, [CLI, 'ctl', ...args], {
      SLEMU_URL: server.baseUrl,
      SLEMU_ADMIN_TOKEN: TOKEN,
    });
    expect(result.code).not.toBe(0);
    return result.stderr.trim();
  };

  it('names the flag, not the body field, when a fault is wrong', async () => {
    const add = ['faults', 'add', 'SoftLayer_Account', 'getObject'];
    expect(await failure(...add)).toContain('give --exception, --latency, or both');
    expect(await failure(...add, '--exception', 'Oops')).toContain('--exception');
    expect(await failure(...add, '--latency', '-5')).toContain("'--latency <ms>'");
    expect(await failure(...add, '--latency', '1', '--calls', '0')).toContain("'--calls <n>'");
    expect(await failure(...add, '--latency', '1', '--seconds', 'soon')).toContain('--seconds');
    expect(
      await failure('faults', 'add', 'SoftLayer_Account', 'getNope', '--latency', '1'),
    ).toMatch(/HTTP 400: slemu does not answer SoftLayer_Account::getNope$/);
    expect(await failure('phone', 'dave', 'maybe')).toMatch(
      /HTTP 400: answer must be one of approve, deny, none$/,
    );
  });

  it('says serve answers over all three wires', async () => {
    const help = await run(process.execPath, [CLI, '--help'], {});
    expect(help.stdout).toMatch(/serve .* over XML-RPC, REST and JSON-RPC/);
  });

  it('fails with the HTTP status when the token is wrong', async () => {
    const result = await run(process.execPath, [CLI, 'ctl', '--token', 'wrong', 'users'], {
      SLEMU_URL: server.baseUrl,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HTTP 401');
  });
});
