import type { FastifyInstance } from 'fastify';
import { accountUsers, addListUsers } from '../support/extra-users';
import { startTestApp } from '../support/test-app';

// The URL, verb and body shapes of the REST transport (wire.md §1.2), asserted on values.

const BASIC = `Basic ${Buffer.from(
  'SL1001:0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899',
).toString('base64')}`;

describe('REST shapes', () => {
  let app: FastifyInstance;

  const get = (url: string, headers: Record<string, string> = { authorization: BASIC }) =>
    app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    app = await startTestApp();
    addListUsers(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    '/rest/v3.1/SoftLayer_User_Customer/7002.json',
    '/rest/v3.1/SoftLayer_User_Customer/7002',
    '/rest/v3.1/SoftLayer_User_Customer/7002/getObject',
    '/rest/v3/SoftLayer_User_Customer/7002/getObject.json',
  ])('GET %s is getObject on the numeric id, in JSON', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ id: 7002, username: 'alice' });
  });

  it('answers .xml inside <root>', async () => {
    const response = await get(
      '/rest/v3.1/SoftLayer_User_Customer/7002/getObject.xml?objectMask=mask[id,username,userStatus[name]]',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(response.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<root><id>7002</id><username>alice</username>' +
        '<userStatus><name>Active</name></userStatus></root>\n',
    );
  });

  it('answers a list in .xml as <item> elements, with SoftLayer-Total-Items', async () => {
    const users = accountUsers(app);
    const response = await get(
      '/rest/v3.1/SoftLayer_Account/getUsers.xml?objectMask=mask[id]&resultLimit=0,2',
    );
    expect(response.headers['softlayer-total-items']).toBe(String(users.length));
    const items = users
      .slice(0, 2)
      .map((user) => `<item><id>${user.id}</id></item>`)
      .join('');
    expect(response.body).toContain(`<root>${items}</root>`);
  });

  it('answers errors in .xml as <root><error/><code/></root> with the REST status', async () => {
    const response = await get('/rest/v3.1/SoftLayer_User_Customer/999/getObject.xml');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain(
      "<root><error>Unable to find object with id of '999'.</error><code>SoftLayer_Exception_ObjectNotFound</code></root>",
    );
  });

  it.each([
    ['POST', 'createObject'],
    ['PUT', 'editObject'],
    ['DELETE', 'deleteObject'],
  ])('maps %s without a method segment to %s', async (method, named) => {
    const response = await app.inject({
      method: method as 'POST',
      url: '/rest/v3.1/SoftLayer_User_Customer/7002.json',
      headers: { authorization: BASIC },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: `Function ("${named}") is not a valid method for this service.`,
      code: 'SoftLayer_Exception_Public',
    });
  });

  it.each(['POST', 'PUT', 'DELETE'])(
    'lets an explicit method segment win over %s',
    async (method) => {
      const response = await app.inject({
        method: method as 'POST',
        url: '/rest/v3.1/SoftLayer_User_Customer/7002/getObject.json',
        headers: { authorization: BASIC },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: 7002 });
    },
  );

  it.each([
    ['application/json', '{"parameters":["alice"]}'],
    ['text/plain', '{"parameters":["alice"]}'],
    ['application/x-www-form-urlencoded', '{"parameters":["alice"]}'],
    [undefined, '{"parameters":["alice"]}'],
  ])('reads a JSON body sent as %s', async (contentType, payload) => {
    const before = app.slemu.store.outbox('alice@example.com').length;
    const response = await app.inject({
      method: 'POST',
      url: '/rest/v3.1/SoftLayer_User_Customer/initiatePortalPasswordChange.json',
      headers: contentType ? { 'content-type': contentType } : {},
      payload,
    });
    expect(response.body).toBe('true');
    expect(app.slemu.store.outbox('alice@example.com')).toHaveLength(before + 1);
  });

  it('accepts POST with an empty body, and ignores a body sent with GET', async () => {
    const empty = await app.inject({
      method: 'POST',
      url: '/rest/v3.1/SoftLayer_User_Customer/7002/getObject.json',
      headers: { authorization: BASIC },
    });
    expect(empty.json()).toMatchObject({ id: 7002 });

    const withBody = await app.inject({
      method: 'GET',
      url: '/rest/v3.1/SoftLayer_User_Customer/7002/getObject.json',
      headers: { authorization: BASIC, 'content-type': 'application/json' },
      payload: 'not json at all',
    });
    expect(withBody.json()).toMatchObject({ id: 7002 });
  });

  it('takes JSON null arguments as not given', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/rest/v3.1/SoftLayer_User_Customer/getPortalLoginToken.json',
      payload: '{"parameters":["alice","Alice#Start1",null,null]}',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      userId: 7002,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('reads resultLimit=<limit> alone and <offset>,<limit>', async () => {
    const users = accountUsers(app);
    const alone = await get(
      '/rest/v3.1/SoftLayer_Account/getUsers.json?objectMask=id&resultLimit=2',
    );
    expect(alone.json()).toEqual(users.slice(0, 2).map((user) => ({ id: user.id })));
    const both = await get(
      '/rest/v3.1/SoftLayer_Account/getUsers.json?objectMask=id&resultLimit=3,2',
    );
    expect(both.json()).toEqual(users.slice(3, 5).map((user) => ({ id: user.id })));
    expect(both.headers['softlayer-total-items']).toBe(String(users.length));
  });

  it('ignores an objectFilter that is not JSON', async () => {
    const response = await get(
      '/rest/v3.1/SoftLayer_Account/getUsers.json?objectMask=id&objectFilter=%7Bnope',
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toHaveLength(accountUsers(app).length);
  });

  it('reads a form-encoded mask and filter as softlayer-python sends them', async () => {
    const query =
      'objectMask=mask%5Bid%2Cusername%5D&resultLimit=0%2C10' +
      '&objectFilter=%7B%22users%22%3A+%7B%22username%22%3A+%7B%22operation%22%3A+%22_%3D+PEGGY.PAGING%22%7D%7D%7D';
    const response = await get(`/rest/v3.1/SoftLayer_Account/getUsers.json?${query}`);
    expect(response.json()).toEqual([{ id: 7903, username: 'peggy.paging' }]);
  });

  it('sends Content-Length in bytes for non-ASCII values', async () => {
    app.slemu.store.db.prepare("UPDATE users SET first_name = 'Zoë €' WHERE id = 7901").run();
    const response = await get(
      '/rest/v3.1/SoftLayer_User_Customer/7901/getObject.json?objectMask=firstName',
    );
    expect(response.json()).toEqual({ firstName: 'Zoë €' });
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    expect(Buffer.byteLength(response.body)).toBeGreaterThan(response.body.length);
  });
});
