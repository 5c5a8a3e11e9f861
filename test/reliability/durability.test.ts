import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase, Store } from '../../db/store';
import { readFixtures, seedStore } from '../../db/seed';
import { dataPath } from '../../src/paths';
import { killCli, startCli, tempDir, type CliServer } from '../support/cli-server';
import { overHttp } from '../support/http-inject';
import { transports } from '../support/transports';

// slemu killed with SIGKILL in the middle of a steady reset load, then started again on the same
// file: every initiate that was answered true still has its email and a working key, and the
// database passes SQLite's integrity check. (WAL with synchronous=NORMAL: a commit is in the
// WAL before the answer leaves, and a process kill cannot take it back.)

const USER = 'SoftLayer_User_Customer';
const LOAD_USERS = 400;
const KILL_AFTER = 120;
const WORKERS = 6;

interface LoadUser {
  id: number;
  username: string;
  email: string;
}

const loadUsers: LoadUser[] = Array.from({ length: LOAD_USERS }, (_, i) => ({
  id: 8000 + i,
  username: `load${i}`,
  email: `load${i}@example.com`,
}));

async function seedWithLoadUsers(file: string): Promise<void> {
  const fixtures = readFixtures(dataPath('fixtures', 'default.json'));
  const extra = loadUsers.map((user) => ({ ...user, accountId: 1001, parentId: 7001 }));
  const store = new Store(openDatabase(file));
  await seedStore(store, { ...fixtures, users: [...fixtures.users, ...extra] }, Date.now());
  store.close();
}

describe('a process kill in the middle of a reset load', () => {
  const temp = tempDir();
  const db = join(temp.dir, 'durable.db');
  let server: CliServer | undefined;

  afterAll(async () => {
    await killCli(server);
    temp.remove();
  });

  it('loses no answered initiate and leaves a sound database', async () => {
    await seedWithLoadUsers(db);
    server = await startCli(db);
    const http = overHttp(server.baseUrl);

    // Each worker initiates one user after another, until the answered count triggers the kill.
    const answered: LoadUser[] = [];
    let next = 0;
    let killed = false;
    const worker = async (w: number) => {
      while (!killed && next < LOAD_USERS) {
        const user = loadUsers[next++]!;
        const [, caller] = transports[w % transports.length]!;
        try {
          const outcome = await caller(http, {
            service: USER,
            method: 'initiatePortalPasswordChange',
            args: [user.username],
          });
          if (outcome.ok && outcome.value === true) answered.push(user);
        } catch {
          return; // the connection died with the process
        }
        if (answered.length >= KILL_AFTER && !killed) {
          killed = true;
          server!.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    expect(killed).toBe(true);
    expect(await server.exited).toBe('SIGKILL');

    const check = new Database(db);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    server = await startCli(db);
    const restarted = overHttp(server.baseUrl);
    for (const user of answered) {
      const response = await fetch(`${server.baseUrl}/_slemu/outbox?to=${user.email}`);
      const { messages } = (await response.json()) as { messages: { text: string }[] };
      expect(messages).toHaveLength(1);

      const key = decodeURIComponent(/key=([A-Za-z0-9_%-]+)/.exec(messages[0]!.text)![1]!);
      const [, caller] = transports[user.id % transports.length]!;
      const outcome = await caller(restarted, {
        service: USER,
        method: 'getUserIdForPasswordSet',
        args: [key],
      });
      expect(outcome).toMatchObject({ ok: true, value: user.id });
    }
  });
});
