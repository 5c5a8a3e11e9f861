import type { FastifyInstance } from 'fastify';
import { startTestApp } from '../support/test-app';

// JSON-RPC 2.0 envelope rules; the SoftLayer behaviour itself runs over JSON-RPC in every other
// integration test through test/support/transports.ts.

const AUTH = {
  authenticate: {
    username: 'SL1001',
    apiKey: '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899',
  },
};
const BASIC = `Basic ${Buffer.from(`SL1001:${AUTH.authenticate.apiKey}`).toString('base64')}`;

describe('JSON-RPC 2.0', () => {
  let app: FastifyInstance;

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('takes the service from the URL when the method is bare', async () => {
    const response = await post('/jsonrpc/v3.1/SoftLayer_User_Customer', {
      jsonrpc: '2.0',
      method: 'getObject',
      headers: {
        ...AUTH,
        SoftLayer_User_CustomerInitParameters: { id: 7002 },
        SoftLayer_ObjectMask: { mask: 'mask[id,username]' },
      },
      id: 'a',
    });
    expect(response.json()).toEqual({
      jsonrpc: '2.0',
      result: { id: 7002, username: 'alice' },
      id: 'a',
    });
  });

  it('authenticates with HTTP Basic and sends SoftLayer-Total-Items for a list', async () => {
    const response = await post(
      '/jsonrpc/v3',
      {
        jsonrpc: '2.0',
        method: 'SoftLayer_Account.getUsers',
        headers: { resultLimit: { limit: 1, offset: 0 } },
        id: 3,
      },
      { authorization: BASIC },
    );
    const body = response.json();
    expect(body.result).toHaveLength(1);
    expect(body.result[0]).toMatchObject({ id: 7001, username: 'SL1001' });
    expect(Number(response.headers['softlayer-total-items'])).toBeGreaterThanOrEqual(2);
  });

  it('answers a batch in order, leaving notifications out', async () => {
    const response = await post('/jsonrpc/v3.1', [
      {
        jsonrpc: '2.0',
        method: 'SoftLayer_User_Customer.getObject',
        headers: { ...AUTH, SoftLayer_User_CustomerInitParameters: { id: 7001 } },
        id: 1,
      },
      {
        jsonrpc: '2.0',
        method: 'SoftLayer_User_Customer.initiatePortalPasswordChange',
        params: ['nobody'],
      },
      {
        jsonrpc: '2.0',
        method: 'SoftLayer_User_Customer.getObject',
        headers: { ...AUTH, SoftLayer_User_CustomerInitParameters: { id: 999 } },
        id: 2,
      },
      {
        jsonrpc: '2.0',
        method: 'SoftLayer_User_Customer.initiatePortalPasswordChange',
        params: ['nobody'],
        id: 3,
      },
    ]);
    const body = response.json();
    expect(body).toHaveLength(3);
    expect(body[0]).toMatchObject({ id: 1, result: { id: 7001, username: 'SL1001' } });
    expect(body[1]).toEqual({
      jsonrpc: '2.0',
      id: 2,
      error: {
        code: -32000,
        message: "Unable to find object with id of '999'.",
        data: { exception: 'SoftLayer_Exception_ObjectNotFound' },
      },
    });
    expect(body[2]).toEqual({ jsonrpc: '2.0', result: true, id: 3 });
  });

  it('shares one related-object quota among the calls of a batch', async () => {
    // Three levels of account[users[…]] load a few thousand objects: under the bound alone.
    const mask = `mask[id,${'account[users['.repeat(3)}id${']]'.repeat(3)}]`;
    const entry = (id: number) => ({
      jsonrpc: '2.0',
      method: 'SoftLayer_Account.getUsers',
      headers: { ...AUTH, SoftLayer_ObjectMask: { mask } },
      id,
    });
    const alone = (await post('/jsonrpc/v3.1', entry(0))).json() as { result?: unknown[] };
    expect(alone.result?.length).toBeGreaterThan(1);

    const batch = (
      await post(
        '/jsonrpc/v3.1',
        Array.from({ length: 20 }, (_, i) => entry(i)),
      )
    ).json() as Array<{ result?: unknown; error?: { message: string } }>;
    expect(batch[0]?.result).toBeDefined();
    expect(batch.at(-1)?.error?.message).toMatch(/reach more than 25000 related objects/);
  });

  it('refuses a batch of more than 50 calls', async () => {
    const call = { jsonrpc: '2.0', method: 'SoftLayer_User_Security_Question.getAllObjects' };
    const batch = Array.from({ length: 51 }, (_, id) => ({ ...call, id }));

    const response = await post('/jsonrpc/v3.1', batch);
    expect(response.json()).toMatchObject({
      id: null,
      error: { code: -32600, message: 'A batch holds at most 50 calls; this one has 51' },
    });
    expect((await post('/jsonrpc/v3.1', batch.slice(0, 50))).json()).toHaveLength(50);
  });

  it('answers a lone notification with 204 and no body', async () => {
    const response = await post('/jsonrpc/v3.1', {
      jsonrpc: '2.0',
      method: 'SoftLayer_User_Customer.initiatePortalPasswordChange',
      params: ['x'],
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
  });

  it.each([
    ['a body that is not JSON', '{"jsonrpc":', -32700, null],
    ['an empty batch', [], -32600, null],
    [
      'a request without jsonrpc 2.0',
      { method: 'SoftLayer_User_Customer.getObject', id: 5 },
      -32600,
      5,
    ],
    ['a method without a service', { jsonrpc: '2.0', method: 'getObject', id: 6 }, -32600, 6],
    ['an object that is no request, without an id', { x: 1 }, -32600, null],
    ['a number where a request belongs', 42, -32600, null],
    [
      'params given by name',
      { jsonrpc: '2.0', method: 'SoftLayer_User_Customer.getObject', params: { id: 1 }, id: 7 },
      -32602,
      7,
    ],
  ])('refuses %s with the JSON-RPC code', async (_what, payload, code, id) => {
    const response = await post('/jsonrpc/v3.1', payload);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      jsonrpc: '2.0',
      id,
      error: { code, data: { exception: 'SoftLayer_Exception_WebService_BadRequest' } },
    });
  });

  it('refuses a body larger than slemu accepts as an invalid request', async () => {
    const response = await post('/jsonrpc/v3.1', `"${'x'.repeat(2 * 1024 * 1024)}"`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: null,
      error: { code: -32600, data: { exception: 'SoftLayer_Exception_WebService_BadRequest' } },
    });
  });

  it('names an unknown method with the SoftLayer exception', async () => {
    const response = await post('/jsonrpc/v3.1', {
      jsonrpc: '2.0',
      method: 'SoftLayer_User_Customer.fooBar',
      id: 9,
    });
    expect(response.json().error).toEqual({
      code: -32000,
      message: 'Function ("fooBar") is not a valid method for this service.',
      data: { exception: 'SoftLayer_Exception_Public' },
    });
  });
});
