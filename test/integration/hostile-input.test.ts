import type { FastifyInstance } from 'fastify';
import { postRaw, rawWires } from '../support/raw-wires';
import { startTestApp } from '../support/test-app';
import { expectFault, expectValue, transports } from '../support/transports';

// Hostile and broken requests: each gets a SoftLayer-shaped error, never a crash, a stack trace
// or an entity expansion. The raw cases run over every wire in raw-wires.ts.

const ALICE_KEY = 'a11ce0000000000000000000000000000000000000000000000000000000a11c';
const ALICE = { username: 'alice', apiKey: ALICE_KEY };
const ALICE_BASIC = `Basic ${Buffer.from(`alice:${ALICE_KEY}`).toString('base64')}`;

const methodCall = (params: string, prolog = '<?xml version="1.0"?>') =>
  `${prolog}<methodCall><methodName>initiatePortalPasswordChange</methodName>` +
  `<params>${params}</params></methodCall>`;

describe('hostile XML over XML-RPC', () => {
  let app: FastifyInstance;
  const xmlrpc = rawWires.find((wire) => wire.name === 'xmlrpc')!;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['an unclosed element', '<methodCall><methodName>getObject</methodName>', '-32700'],
    ['text that is not XML', 'hello', '-32700'],
    ['an empty body', '', '-32700'],
    ['another root element', '<methodResponse><params/></methodResponse>', '-32600'],
    ['no methodName', '<methodCall><params/></methodCall>', '-32600'],
    ['an unknown value type', methodCall('<param><value><blob>x</blob></value></param>'), '-32600'],
    [
      'an integer that is not one',
      methodCall('<param><value><int>1e999</int></value></param>'),
      '-32600',
    ],
    ['an undeclared entity', methodCall('<param><value>&xxe;</value></param>'), '-32700'],
  ])('refuses %s', async (_name, body, code) => {
    expect(await postRaw(app, xmlrpc, body)).toMatchObject({ kind: 'fault', code });
  });

  it('refuses a billion-laughs DOCTYPE without expanding it', async () => {
    const laughs = [
      '<!DOCTYPE lolz [<!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
      ),
      ']>',
    ].join('');
    const body = methodCall('<param><value><string>&lol9;</string></value></param>', laughs);

    const response = await app.inject({
      method: 'POST',
      url: xmlrpc.url('SoftLayer_User_Customer', ''),
      payload: body,
    });
    expect(xmlrpc.read(response)).toMatchObject({ kind: 'fault', code: '-32700' });
    expect(response.body).not.toContain('lollol');
    expect(response.body.length).toBeLessThan(2000);
  });

  it('never reads an external entity', async () => {
    const body = methodCall(
      '<param><value><string>&xxe;</string></value></param>',
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    const response = await app.inject({
      method: 'POST',
      url: xmlrpc.url('SoftLayer_User_Customer', ''),
      payload: body,
    });
    expect(xmlrpc.read(response)).toMatchObject({ kind: 'fault', code: '-32700' });
    expect(response.body).not.toMatch(/root:|daemon:/);
  });

  it('refuses elements nested thousands deep', async () => {
    const deep = '<value><array><data>'.repeat(5000) + '</data></array></value>'.repeat(5000);
    expect(await postRaw(app, xmlrpc, methodCall(`<param>${deep}</param>`))).toMatchObject({
      kind: 'fault',
      code: '-32700',
    });
  });

  it('keeps a __proto__ struct member from reaching Object.prototype', async () => {
    const member = (name: string) =>
      `<member><name>${name}</name><value><struct>` +
      '<member><name>polluted</name><value><string>yes</string></value></member></struct></value></member>';
    const body = methodCall(
      `<param><value><struct>${member('__proto__')}${member('constructor')}</struct></value></param>`,
    );

    await postRaw(app, xmlrpc, body);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers bytes that are neither UTF-8 nor declared Latin-1 with a parse fault', async () => {
    const [head, tail] = methodCall('<param><value>HOLE</value></param>').split('HOLE');
    const body = Buffer.concat([Buffer.from(head!), Buffer.from([0xff, 0xfe]), Buffer.from(tail!)]);
    expect(await postRaw(app, xmlrpc, body)).toMatchObject({ kind: 'fault', code: '-32700' });
  });

  it('ignores headers it does not know', async () => {
    const body = methodCall(
      '<param><value><struct><member><name>headers</name><value><struct>' +
        '<member><name>X-Unknown</name><value><struct><member><name>a</name><value><int>1</int></value></member></struct></value></member>' +
        '</struct></value></member></struct></value></param>' +
        '<param><value><string>nobody-here</string></value></param>',
    );
    const response = await app.inject({
      method: 'POST',
      url: xmlrpc.url('SoftLayer_User_Customer', ''),
      headers: { 'content-type': 'text/xml', 'x-strange-header': 'x', soapaction: 'evil' },
      payload: body,
    });
    expect(xmlrpc.read(response)).toEqual({ kind: 'success' });
    expect(response.body).toContain('<boolean>1</boolean>');
  });
});

describe('hostile JSON over REST', () => {
  let app: FastifyInstance;
  const rest = rawWires.find((wire) => wire.name === 'rest')!;
  const initiate = { method: 'initiatePortalPasswordChange' };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['malformed JSON', '{"parameters": [', 400],
    ['a bare array', '["alice"]', 400],
    ['parameters that are not an array', '{"parameters": "alice"}', 400],
    ['nesting ten thousand deep', `{"parameters":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 400],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), 400],
  ])('refuses %s with a bad request', async (_name, body, status) => {
    expect(await postRaw(app, rest, body, initiate)).toMatchObject({
      kind: 'fault',
      code: 'SoftLayer_Exception_WebService_BadRequest',
      status,
    });
  });

  it('treats __proto__ and constructor keys as plain data', async () => {
    const body =
      '{"parameters":[{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},' +
      '"key":"nope","password":"Aa1!aaaaaa"},{"__proto__":{"polluted":3}}],"__proto__":{"polluted":4}}';
    const answer = await postRaw(app, rest, body, { method: 'processPasswordSetRequest' });

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(answer).toMatchObject({ kind: 'fault' });
  });

  it('ignores a filter nested too deep, as it ignores a malformed one', async () => {
    const deepFilter = encodeURIComponent(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`);
    const deep = await app.inject({
      url: `/rest/v3.1/SoftLayer_User_Customer/7002/getObject.json?objectFilter=${deepFilter}`,
      headers: { authorization: ALICE_BASIC },
    });
    expect(deep.statusCode).toBe(200);
    expect(JSON.parse(deep.body)).toMatchObject({ id: 7002 });
  });

  it('answers an absurd mask with a SoftLayer error', async () => {
    const mask = encodeURIComponent(`mask[${'id,'.repeat(3000)}${'parent['.repeat(200)}]`);
    const answer = rest.read(
      await app.inject({
        url: `/rest/v3.1/SoftLayer_User_Customer/7002/getObject.json?objectMask=${mask}`,
        headers: { authorization: ALICE_BASIC },
      }),
    );
    expect(answer.kind).not.toBe('unreadable');
    if (answer.kind === 'fault') expect(answer.message).not.toBe('Internal Error');
  });
});

describe.each(rawWires.map((wire) => [wire.name, wire] as const))(
  'requests no route expected over %s',
  (_name, wire) => {
    let app: FastifyInstance;

    beforeAll(async () => {
      app = await startTestApp({ bodyLimitBytes: 64 * 1024 });
    });
    afterAll(async () => {
      await app.close();
    });

    it('refuses a body over the limit with a clear SoftLayer error', async () => {
      const response = await app.inject({
        method: 'POST',
        url: wire.url('SoftLayer_User_Customer', 'initiatePortalPasswordChange'),
        headers: { 'content-type': wire.contentType },
        payload: 'x'.repeat(65 * 1024),
      });
      const answer = wire.read(response);
      expect(answer).toMatchObject({
        kind: 'fault',
        code: 'SoftLayer_Exception_WebService_BadRequest',
      });
      expect(answer.kind === 'fault' && String(answer.message)).toMatch(
        /larger than slemu accepts/,
      );
      // REST says 413; XML-RPC keeps 200 so softlayer-python shows the fault (README, wire.md §6.2).
      expect(response.statusCode).toBe(wire.name === 'rest' ? 413 : 200);
    });

    it('answers a URL the router cannot decode in the wire format', async () => {
      const url = `${wire.url('SoftLayer_User_Customer', 'getObject')}%ZZ`;
      const response = await app.inject({ method: 'POST', url, payload: '{}' });
      expect(wire.read(response)).toMatchObject({
        kind: 'fault',
        code: 'SoftLayer_Exception_WebService_BadRequest',
      });
    });

    it('keeps an encoded percent sign in the path as data', async () => {
      const answer = await postRaw(app, wire, '', { service: 'A%25ZZ', method: 'x%25E0' });
      expect(answer).toMatchObject({ kind: 'fault' });
    });

    it('answers an unknown path under the wire with a SoftLayer error', async () => {
      const url = wire.url('SoftLayer_User_Customer', 'getObject').replace('v3.1', 'v9');
      const response = await app.inject({ method: 'POST', url, payload: '' });
      expect(wire.read(response)).toMatchObject({
        kind: 'fault',
        code: 'SoftLayer_Exception_Public',
      });
    });

    it.each([
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'image/png',
      '',
    ])('reads the body whatever Content-Type "%s" says', async (contentType) => {
      await postRaw(app, wire, '{"parameters":["nobody"]}', {
        method: 'initiatePortalPasswordChange',
        contentType,
      });
    });
  },
);

describe.each(transports)('wrong arguments over %s', (_wire, call) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('ignores arguments beyond the signature', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'initiatePortalPasswordChange',
      args: ['nobody-here', 'extra', 3, { a: 1 }],
    });
    expect(expectValue(outcome)).toBe(true);
  });

  it.each([
    ['a struct for a string', [{ username: 'alice' }], 'SoftLayer_Exception_InvalidValue'],
    ['a list for a string', [['alice']], 'SoftLayer_Exception_InvalidValue'],
    ['nothing for a required string', [], 'SoftLayer_Exception_InvalidValue'],
  ])('refuses %s', async (_name, args, code) => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'initiatePortalPasswordChange',
      args,
    });
    expectFault(outcome, code);
  });

  it('refuses a string where a container is expected', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'processPasswordSetRequest',
      id: 7002,
      args: ['just a string', 12],
    });
    expectFault(outcome, 'SoftLayer_Exception_InvalidValue');
  });

  it('answers an authenticated call with an absurd mask', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_User_Customer',
      method: 'getObject',
      id: 7002,
      auth: ALICE,
      mask: `mask[${'x['.repeat(300)}${']'.repeat(300)}]`,
    });
    expectFault(outcome, 'SoftLayer_Exception_WebService_BadRequest');
    expect(outcome.ok ? '' : outcome.message).toMatch(/^Unable to parse object mask: /);
  });

  // account.users lists the caller again, so each level multiplies the answer by six.
  const cycle = (levels: number, inner: string) =>
    `${'account[users['.repeat(levels)}${inner}${']]'.repeat(levels)}`;
  const TOO_MANY = /^The object mask and filter reach more than 25000 related objects/;

  it('refuses a mask that circles through relations, quickly', async () => {
    const started = Date.now();
    const outcome = await call(app, {
      service: 'SoftLayer_Account',
      method: 'getUsers',
      auth: ALICE,
      mask: `mask[id,${cycle(16, 'id')}]`,
    });

    expectFault(outcome, 'SoftLayer_Exception_WebService_BadRequest');
    expect(outcome.ok ? '' : outcome.message).toMatch(TOO_MANY);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a filter that circles through relations', async () => {
    let filter: object = { id: { operation: -1 } };
    for (let level = 0; level < 8; level += 1) filter = { account: { users: filter } };

    const outcome = await call(app, {
      service: 'SoftLayer_Account',
      method: 'getUsers',
      auth: ALICE,
      filter: { users: filter },
    });
    expectFault(outcome, 'SoftLayer_Exception_WebService_BadRequest');
    expect(outcome.ok ? '' : outcome.message).toMatch(TOO_MANY);
  });

  it('still answers a mask that circles a few times', async () => {
    const outcome = await call(app, {
      service: 'SoftLayer_Account',
      method: 'getUsers',
      auth: ALICE,
      mask: `mask[id,${cycle(2, 'id')}]`,
    });
    const users = expectValue(outcome) as Array<{ account: { users: unknown[] } }>;
    expect(users.length).toBeGreaterThan(1);
    expect(users[0]?.account.users).toHaveLength(users.length);
  });

  // {"toString": …} is valid data on every wire; String() on it throws.
  const ODD = { toString: 'x' };

  it.each([
    ['an operation', { id: { operation: ODD } }, 'all'],
    ['an in value', { id: { operation: 'in', options: [{ name: 'data', value: [ODD] }] } }, 'none'],
    ['a sort', { id: { operation: 'orderBy', options: [{ name: 'sort', value: [ODD] }] } }, 'all'],
    [
      'a date',
      { createDate: { operation: 'isDate', options: [{ name: 'date', value: [ODD] }] } },
      'all',
    ],
  ])('reads a struct named toString in a filter as data: %s', async (_where, users, kept) => {
    const outcome = await call(app, {
      service: 'SoftLayer_Account',
      method: 'getUsers',
      auth: ALICE,
      mask: 'mask[id]',
      filter: { users },
    });
    const listed = expectValue(outcome) as unknown[];
    if (kept === 'none') expect(listed).toEqual([]);
    else expect(listed.length).toBeGreaterThan(1);
  });
});

describe('SoftLayer headers with a struct named toString', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const jsonrpc = async (method: string, headers: Record<string, unknown>) => {
    const response = await app.inject({
      method: 'POST',
      url: '/jsonrpc/v3.1/SoftLayer_User_Customer',
      payload: { jsonrpc: '2.0', method, params: [], headers, id: 1 },
    });
    return response.json() as { result?: unknown; error?: { message: string } };
  };

  it.each([
    ['the username', { authenticate: { username: { toString: 1 }, apiKey: 'x' } }],
    ['the portal token', { authenticate: { userId: 7002, authToken: { toString: 1 } } }],
  ])('answers %s as no credentials', async (_what, headers) => {
    const answer = await jsonrpc('getObject', {
      ...headers,
      SoftLayer_User_CustomerInitParameters: { id: 7002 },
    });
    expect(answer.error?.message).toBe('No valid authentication headers found.');
  });

  it('answers an init id that is a struct as an object not found', async () => {
    const answer = await jsonrpc('getObject', {
      authenticate: ALICE,
      SoftLayer_User_CustomerInitParameters: { id: { toString: 1 } },
    });
    expect(answer.error?.message).toBe(`Unable to find object with id of '{"toString":1}'.`);
  });

  it.each(['0x1b5a', '7e3', '7002.5'])(
    'answers the init id %s as an object not found',
    async (id) => {
      const answer = await jsonrpc('getObject', {
        authenticate: ALICE,
        SoftLayer_User_CustomerInitParameters: { id },
      });
      expect(answer.error?.message).toBe(`Unable to find object with id of '${id}'.`);
    },
  );

  it('ignores a result limit that is a struct', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/jsonrpc/v3.1/SoftLayer_Account',
      payload: {
        jsonrpc: '2.0',
        method: 'getUsers',
        headers: { authenticate: ALICE, resultLimit: { limit: { toString: 1 }, offset: 0 } },
        id: 1,
      },
    });
    expect((response.json() as { result: unknown[] }).result.length).toBeGreaterThan(1);
  });
});
