import type { FastifyInstance } from 'fastify';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { latestResetKey, startTestApp, TEST_PUBLIC_URL } from '../support/test-app';
import { callRest, expectValue } from '../support/transports';

// A real SMTP server (smtp-server, from the nodemailer project) on loopback receives what
// slemu sends with --smtp-url.

interface Received {
  from: string;
  to: string[];
  mail: ParsedMail;
}

async function startSmtpServer(
  refuse: string | undefined,
  received: Received[],
): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === refuse) {
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            mail,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('email delivery through SMTP', () => {
  let smtp: SMTPServer;
  let app: FastifyInstance;
  const received: Received[] = [];

  beforeEach(async () => {
    received.length = 0;
    smtp = await startSmtpServer('sl1001@example.com', received);
    const { port } = smtp.server.address() as AddressInfo;
    app = await startTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
  });
  afterEach(async () => {
    await app.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const initiate = (username: string) =>
    callRest(app, {
      service: 'SoftLayer_User_Customer',
      method: 'initiatePortalPasswordChange',
      args: [username],
    });
  const outboxEntry = async () => {
    await app.slemu.mailer.idle();
    const response = await app.inject('/_slemu/outbox');
    return response.json<{ messages: { delivery: Record<string, unknown> }[] }>().messages[0];
  };

  it('sends the reset email to the SMTP server and records it as sent', async () => {
    expect(expectValue(await initiate('alice'))).toBe(true);

    expect(await outboxEntry()).toMatchObject({ delivery: { status: 'sent', error: null } });
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.to).toEqual(['alice@example.com']);
    expect(message?.from).toBe('no-reply@slemu.invalid');
    expect(message?.mail.subject).toBe('Reset your IBM Cloud infrastructure password');

    const key = latestResetKey(app, 'alice@example.com');
    const link = `${TEST_PUBLIC_URL}/password/set?key=${encodeURIComponent(key)}`;
    expect(message?.mail.text).toContain(link);
    // Handlebars writes "=" in attribute values as &#x3D;, which a mail reader reads back as "=".
    expect(String(message?.mail.html).replace(/&#x3D;/g, '=')).toContain(link);
  });

  it('records a refused delivery with the server error; the API call still succeeds', async () => {
    expect(expectValue(await initiate('SL1001'))).toBe(true);

    const entry = await outboxEntry();
    expect(entry?.delivery.status).toBe('failed');
    expect(entry?.delivery.error).toMatch(/550/);
    expect(received).toHaveLength(0);
  });
});
