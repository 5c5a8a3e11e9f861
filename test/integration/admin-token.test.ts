import type { FastifyInstance } from 'fastify';
import { startServer } from '../../src/server';
import { defaultConfig } from '../../src/config';
import { startTestApp } from '../support/test-app';
import { callXmlRpc, expectValue } from '../support/transports';

const TOKEN = 'sandbox-admin-secret';

describe('the admin token', () => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = await startTestApp({ adminToken: TOKEN });
  });
  afterEach(async () => {
    await app.close();
  });

  it.each([
    '/_slemu/users',
    '/_slemu/outbox',
    '/',
    '/outbox',
    '/login',
    '/password/set?key=x',
    '/assets/api.js',
  ])('guards %s', async (url) => {
    expect((await app.inject(url)).statusCode).toBe(401);
    expect((await app.inject({ url, headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(
      401,
    );
    expect(
      (await app.inject({ url, headers: { authorization: `Bearer ${TOKEN}` } })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ url, headers: { cookie: `slemu_admin=${TOKEN}` } })).statusCode,
    ).toBe(200);
  });

  it('turns ?token= on a page into a cookie and drops it from the address', async () => {
    const response = await app.inject(`/password/set?key=abc&token=${TOKEN}`);

    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/password/set?key=abc');
    expect(response.headers['set-cookie']).toContain(`slemu_admin=${TOKEN}`);
    expect(response.headers['set-cookie']).toContain('HttpOnly');
  });

  it('guards a page asked for with a percent-encoded path', async () => {
    expect((await app.inject('/%6Futbox')).statusCode).toBe(401);
    expect((await app.inject('/_slemu/%75sers')).statusCode).toBe(401);
  });

  it('leaves the SoftLayer API and the health check open', async () => {
    expect((await app.inject('/_slemu/health')).statusCode).toBe(200);
    expect((await app.inject('/metadata/v3.1')).statusCode).toBe(200);
    const outcome = await callXmlRpc(app, {
      service: 'SoftLayer_User_Customer',
      method: 'initiatePortalPasswordChange',
      args: ['alice'],
    });
    expect(expectValue(outcome)).toBe(true);
  });

  it('is required to listen anywhere but loopback', async () => {
    const config = defaultConfig({ host: '0.0.0.0', port: 0, db: ':memory:', logLevel: 'silent' });
    await expect(startServer(config)).rejects.toThrow(/--admin-token/);
  });
});
