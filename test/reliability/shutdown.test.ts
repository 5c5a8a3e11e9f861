import Database from 'better-sqlite3';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { killCli, startCli, tempDir, type CliServer } from '../support/cli-server';

// SIGTERM stops slemu gracefully: a request already being received is answered in full, then
// the process exits 0. "Expect: 100-continue" tells the test when slemu has the request in
// hand, with no timing guess.

describe('graceful shutdown on SIGTERM', () => {
  const temp = tempDir();
  let server: CliServer | undefined;

  afterAll(async () => {
    await killCli(server);
    temp.remove();
  });

  it('finishes the request in flight, then exits 0', async () => {
    const file = join(temp.dir, 'shutdown.db');
    server = await startCli(file);
    const { port } = new URL(server.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    const received = collect(socket);

    const body = JSON.stringify({ parameters: ['alice'] });
    socket.write(
      'POST /rest/v3.1/SoftLayer_User_Customer/initiatePortalPasswordChange.json HTTP/1.1\r\n' +
        `Host: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    await received.until(/HTTP\/1\.1 100 Continue/);

    server.child.kill('SIGTERM');
    await waitFor(() => /"stopping"/.test(server!.output()));
    socket.end(body);

    const response = await received.until(/\r\n\r\ntrue$/);
    expect(response).toMatch(/HTTP\/1\.1 200 OK/);
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/"statusCode":200[^\n]*"msg":"api call"/);

    // The store closed after the answer, not under it: the email is there.
    const db = new Database(file, { readonly: true });
    expect(
      db.prepare("SELECT count(*) FROM outbox WHERE recipient = 'alice@example.com'").pluck().get(),
    ).toBe(1);
    db.close();
  });
});

function collect(socket: Socket) {
  let text = '';
  const waiters: (() => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    waiters.splice(0).forEach((wake) => wake());
  });
  socket.on('error', () => undefined);

  return {
    until: async (pattern: RegExp): Promise<string> => {
      while (!pattern.test(text)) await new Promise<void>((wake) => waiters.push(wake));
      return text;
    },
  };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
