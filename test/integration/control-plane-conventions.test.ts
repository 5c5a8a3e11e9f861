import type { FastifyInstance } from 'fastify';
import { startTestApp, TEST_PUBLIC_URL } from '../support/test-app';
import { callRest, expectValue } from '../support/transports';

// What a fresh user of the control API runs into: who a new user's parent is, unknown paths,
// bodies sent without a JSON Content-Type, and one error shape for every refusal.

describe('control API conventions', () => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  const send = async (method: 'GET' | 'POST', url: string, payload?: string, type?: string) => {
    const headers = type === undefined ? {} : { 'content-type': type };
    const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  };
  const post = (url: string, body: object) =>
    send('POST', url, JSON.stringify(body), 'application/json');

  it("makes a user created without parentId a child of the account's master user", async () => {
    const created = await post('/_slemu/users', {
      username: 'zed',
      email: 'zed@example.com',
      apiKey: 'zed-key',
    });
    expect(created).toMatchObject({ status: 201, body: { parentId: 7001 } });

    const zed = { username: 'zed', apiKey: 'zed-key' };
    const self = await callRest(app, {
      service: 'SoftLayer_User_Customer',
      method: 'getObject',
      id: created.body.id as number,
      mask: 'mask[isMasterUserFlag]',
      auth: zed,
    });
    expect(expectValue(self)).toMatchObject({ isMasterUserFlag: false });
  });

  it('refuses a second master user on an account that has one', async () => {
    const second = await post('/_slemu/users', {
      username: 'boss2',
      email: 'boss2@example.com',
      parentId: null,
    });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      error: expect.stringMatching(/account 1001 already has a master user, SL1001/),
    });
  });

  it.each(['/_slemu/nonexistent', '/nonexistent'])('answers %s with a plain 404', async (url) => {
    expect(await send('GET', url)).toEqual({
      status: 404,
      body: { error: `no such sandbox endpoint: ${url}` },
    });
  });

  it('lists every endpoint URL on the home page', async () => {
    const home = (await app.inject('/')).body;
    for (const path of ['/xmlrpc/v3.1/', '/rest/v3.1/', '/jsonrpc/v3.1', '/metadata/v3.1']) {
      expect(home).toContain(`<code>${TEST_PUBLIC_URL}${path}</code>`);
    }
  });

  it('still answers unknown API paths with a SoftLayer error', async () => {
    const answer = await send('GET', '/rest/v3.1/SoftLayer_Nothing/getObject.json');
    expect(answer).toMatchObject({ status: 404, body: { code: 'SoftLayer_Exception_Public' } });
  });

  it.each([undefined, 'application/x-www-form-urlencoded', 'text/plain'])(
    'reads a JSON body sent with content-type %s',
    async (type) => {
      const moved = await send('POST', '/_slemu/clock', '{"advanceSeconds": 60}', type);
      expect(moved.status).toBe(200);

      const fault = await send(
        'POST',
        '/_slemu/faults',
        '{"service":"SoftLayer_Account","method":"getObject","latencyMs":1}',
        type,
      );
      expect(fault.status).toBe(201);
    },
  );

  it('refuses a body that is not JSON with a 400 that says so', async () => {
    expect(await send('POST', '/_slemu/clock', 'advanceSeconds=60', 'text/plain')).toEqual({
      status: 400,
      body: { error: 'the request body is not valid JSON' },
    });
  });

  it.each([
    ['/_slemu/clock', { advanceSeconds: -100 }, 'advanceSeconds must be 0 or more'],
    ['/_slemu/clock', {}, 'advanceSeconds is required'],
    ['/_slemu/phone/dave', { answer: 'maybe' }, 'answer must be one of approve, deny, none'],
    ['/_slemu/users', { username: 'x', email: 'x@example.com', status: 'GONE' }, /^status must/],
    [
      '/_slemu/users',
      { username: 'x', email: 'x@example.com', id: 1e20 },
      /^id must be 2147483647 or less$/,
    ],
    ['/_slemu/faults', { service: 'SoftLayer_Account', method: 'getObject' }, /an exception/],
  ])('refuses POST %s %j with one plain sentence', async (url, body, sentence) => {
    const answer = await post(url, body);
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body)).toEqual(['error']);
    expect(answer.body.error).toEqual(expect.stringMatching(sentence));
  });

  it('names a taken username instead of quoting SQL', async () => {
    const taken = await post('/_slemu/users', { username: 'alice', email: 'a2@example.com' });
    expect(taken).toEqual({ status: 409, body: { error: 'username alice is taken' } });
  });

  it('refuses a fault on a service or method slemu does not answer', async () => {
    const spec = { exception: 'SoftLayer_Exception_Public' };
    const noService = await post('/_slemu/faults', {
      ...spec,
      service: 'SoftLayer_Nope',
      method: '*',
    });
    expect(noService).toEqual({
      status: 400,
      body: { error: 'slemu does not answer the service SoftLayer_Nope' },
    });

    const noMethod = await post('/_slemu/faults', {
      ...spec,
      service: 'SoftLayer_Account',
      method: 'getNope',
    });
    expect(noMethod).toEqual({
      status: 400,
      body: { error: 'slemu does not answer SoftLayer_Account::getNope' },
    });
  });

  it('shows when a fault expires in ISO 8601', async () => {
    const fault = await post('/_slemu/faults', {
      ...{ service: 'SoftLayer_Account', method: 'getObject', latencyMs: 1, seconds: 60 },
    });
    const now = Date.parse((await send('GET', '/_slemu/clock')).body.now as string);
    const expiresAt = fault.body.expiresAt as string;
    expect(expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(expiresAt) - (now + 60_000))).toBeLessThan(5_000);
    expect((await send('GET', '/_slemu/faults')).body.faults).toEqual([
      expect.objectContaining({ expiresAt }),
    ]);
  });
});
