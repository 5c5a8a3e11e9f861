import type { FastifyInstance } from 'fastify';
import { startTestApp } from '../support/test-app';

// Raw XML-RPC bodies as the SDKs write them (wire.md §2, §6), and the bytes slemu answers with.

const AUTH =
  '<member><name>authenticate</name><value><struct>' +
  '<member><name>username</name><value><string>SL1001</string></value></member>' +
  '<member><name>apiKey</name><value>0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899</value></member>' +
  '</struct></value></member>';

function body(method: string, headers: string, params = '', prolog = '<?xml version="1.0"?>') {
  return (
    `${prolog}<methodCall><methodName>${method}</methodName><params>` +
    `<param><value><struct><member><name>headers</name><value><struct>${headers}</struct></value></member></struct></value></param>` +
    `${params}</params></methodCall>`
  );
}

const init = (id: string) =>
  `<member><name>SoftLayer_User_CustomerInitParameters</name><value><struct><member><name>id</name><value>${id}</value></member></struct></value></member>`;

describe('the XML-RPC wire', () => {
  let app: FastifyInstance;

  const post = (service: string, payload: string | Buffer) =>
    app.inject({
      method: 'POST',
      url: `/xmlrpc/v3.1/${service}`,
      headers: { 'content-type': 'application/xml' },
      payload,
    });

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['an <int>', '<int>7002</int>'],
    ['a <string> (slcli --id)', '<string>7002</string>'],
    ['an untyped value', '7002'],
    ['an <i8>', '<i8>7002</i8>'],
    ['a <double> (softlayer-go filters)', '<double>7002</double>'],
  ])('takes the init id as %s', async (_what, id) => {
    const response = await post('SoftLayer_User_Customer', body('getObject', AUTH + init(id)));
    expect(response.body).toContain(
      '<member><name>username</name><value><string>alice</string></value></member>',
    );
  });

  it('wraps a struct result in <methodResponse> and sends dates as offset strings', async () => {
    const response = await post(
      'SoftLayer_User_Customer',
      body('getObject', AUTH + init('<int>7002</int>')),
    );
    expect(
      response.body.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<methodResponse>\n<params>',
      ),
    ).toBe(true);
    expect(response.body).toMatch(
      /<name>createDate<\/name><value><string>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[56]:00<\/string><\/value>/,
    );
    expect(response.body).not.toContain('dateTime.iso8601');
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
  });

  it('sends list results unwrapped, in the one shape softlayer-go decodes, with the total', async () => {
    const mask =
      '<member><name>SoftLayer_ObjectMask</name><value><struct><member><name>mask</name>' +
      '<value><string>mask[id]</string></value></member></struct></value></member>';
    const response = await post('SoftLayer_Account', body('getUsers', AUTH + mask));
    expect(response.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\s*<params>\s*<param>\s*<value>\s*<array>/,
    );
    expect(response.body).toContain(
      '<member><name>id</name><value><int>7001</int></value></member>',
    );
    expect(Number(response.headers['softlayer-total-items'])).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['<nil/>', '<value><nil/></value>'],
    [
      '<ex:nil/>',
      '<value><ex:nil xmlns:ex="http://ws.apache.org/xmlrpc/namespaces/extensions"/></value>',
    ],
    ['an empty <value/>', '<value/>'],
  ])('reads %s as a missing argument', async (_what, nil) => {
    const params =
      '<param><value><string>alice</string></value></param><param><value><string>Alice#Start1</string></value></param>' +
      `<param>${nil}</param><param>${nil}</param>`;
    const response = await post('SoftLayer_User_Customer', body('getPortalLoginToken', '', params));
    expect(response.body).toContain(
      '<member><name>userId</name><value><int>7002</int></value></member>',
    );
  });

  it('reads UTF-8 bytes under the iso-8859-1 declaration softlayer-python writes, and counts bytes', async () => {
    const params = '<param><value><string>Zoë€</string></value></param>';
    const payload = Buffer.from(
      body(
        'initiatePortalPasswordChange',
        '',
        params,
        "<?xml version='1.0' encoding='iso-8859-1'?>",
      ),
      'utf8',
    );
    const response = await post('SoftLayer_User_Customer', payload);
    expect(response.body).toContain('<boolean>1</boolean>');

    const named = await post('SoftLayer_User_Customer', body('fooBär', ''));
    expect(named.body).toContain('Function ("fooBär") is not a valid method for this service.');
    expect(Number(named.headers['content-length'])).toBe(Buffer.byteLength(named.body));
    expect(Buffer.byteLength(named.body)).toBeGreaterThan(named.body.length);
  });

  it('filters a boolean property with <boolean>', async () => {
    const filter =
      '<member><name>SoftLayer_AccountObjectFilter</name><value><struct><member><name>users</name><value><struct>' +
      '<member><name>isMasterUserFlag</name><value><struct><member><name>operation</name>' +
      '<value><boolean>1</boolean></value></member></struct></value></member></struct></value></member></struct></value></member>';
    const mask =
      '<member><name>SoftLayer_ObjectMask</name><value><struct><member><name>mask</name>' +
      '<value><string>mask[username]</string></value></member></struct></value></member>';
    const response = await post('SoftLayer_Account', body('getUsers', AUTH + mask + filter));
    expect(response.body).toContain('<string>SL1001</string>');
    expect(response.body).not.toContain('<string>alice</string>');
  });
});
