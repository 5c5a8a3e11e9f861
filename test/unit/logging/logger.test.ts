import pino from 'pino';
import { loggerOptions } from '../../../src/logger';

// Every line the logger writes, parsed back.
function capture(): { log: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = { write: (line: string) => lines.push(JSON.parse(line)) };
  return { log: pino(loggerOptions('debug'), sink), lines };
}

describe('the logger', () => {
  it('censors secrets logged flat', () => {
    const { log, lines } = capture();

    log.info({ apiKey: 'k1', password: 'p1', authToken: 't1', user: 'alice' }, 'call');

    expect(lines[0]).toMatchObject({
      apiKey: '[redacted]',
      password: '[redacted]',
      authToken: '[redacted]',
      user: 'alice',
    });
  });

  it('censors secrets one level down in the objects slemu logs by name', () => {
    const { log, lines } = capture();

    log.info(
      {
        headers: { authorization: 'Basic c2VjcmV0', 'x-request-id': 'r1' },
        body: { newPassword: 'Fresh!Pass1', securityAnswer: 'Rex' },
        err: { key: 'reset-key', message: 'boom' },
      },
      'nested',
    );

    const line = JSON.stringify(lines[0]);
    for (const secret of ['c2VjcmV0', 'Fresh!Pass1', 'Rex', 'reset-key']) {
      expect(line).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ headers: { 'x-request-id': 'r1' }, err: { message: 'boom' } });
  });
});
