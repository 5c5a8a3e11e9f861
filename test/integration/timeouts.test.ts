import type { FastifyInstance } from 'fastify';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startTestApp } from '../support/test-app';

// A client that starts a request and never finishes it (slowloris) loses its connection after
// the request timeout instead of holding it open for ever. Node's request timeout answers 408;
// the socket idle timeout, whichever fires first, just closes.

describe('request timeout', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await startTestApp({ requestTimeoutMs: 1000 });
    await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    [
      'headers that never end',
      'POST /rest/v3.1/SoftLayer_User_Customer/getObject.json HTTP/1.1\r\nHost: x\r\n',
    ],
    [
      'a body shorter than announced',
      'POST /xmlrpc/v3.1/SoftLayer_User_Customer HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n<methodCall>',
    ],
  ])('closes a connection that sends %s', async (_name, partial) => {
    const { port } = app.server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.write(partial);

    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(received).toMatch(/^(HTTP\/1\.1 408 [^]*)?$/);
  });
});
