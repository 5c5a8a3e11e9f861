import { isApiError } from '../../../src/dispatch/api-error';
import { decodeMethodCall, encodeFault, encodeSuccess } from '../../../src/transport/xmlrpc-codec';

const call = (params: string, prolog = "<?xml version='1.0' encoding='iso-8859-1'?>") =>
  Buffer.from(
    `${prolog}\n<methodCall>\n<methodName>m</methodName>\n<params>\n${params}\n</params>\n</methodCall>\n`,
  );

const param = (value: string) => `<param>\n<value>${value}</value>\n</param>`;

function faultOf(body: Buffer): string {
  try {
    decodeMethodCall(body);
  } catch (error) {
    if (isApiError(error)) return error.exception;
    throw error;
  }
  throw new Error('decoded without a fault');
}

describe('decodeMethodCall', () => {
  it('reads UTF-8 bytes under the iso-8859-1 declaration softlayer-python sends', () => {
    const { params } = decodeMethodCall(call(param('<string>Pässwörd€</string>')));
    expect(params).toEqual(['Pässwörd€']);
  });

  it('falls back to the declared Latin-1 when the bytes are not UTF-8', () => {
    const latin1 = Buffer.from(
      "<?xml version='1.0' encoding='iso-8859-1'?><methodCall><methodName>m</methodName><params>" +
        '<param><value><string>P\xe4ss</string></value></param></params></methodCall>',
      'latin1',
    );
    expect(decodeMethodCall(latin1).params).toEqual(['Päss']);
  });

  it.each([
    ['<nil/>', null],
    ['<ex:nil xmlns:ex="http://ws.apache.org/xmlrpc/namespaces/extensions"/>', null],
    ['', null],
    ['plain', 'plain'],
    ['<int>7</int>', 7],
    ['<i4>-3</i4>', -3],
    ['<i8>2666148982056</i8>', 2666148982056],
    ['<boolean>1</boolean>', true],
    ['<double>-2.5</double>', -2.5],
    ['<string></string>', ''],
    [
      '<array><data>\n<value><int>1</int></value>\n<value><string>two</string></value>\n</data></array>',
      [1, 'two'],
    ],
  ])('reads %s as a parameter', (xml, expected) => {
    expect(decodeMethodCall(call(param(xml))).params).toEqual([expected]);
  });

  it('treats a bare <param></param> from softlayer-go as null', () => {
    expect(decodeMethodCall(call('<param></param>')).params).toEqual([null]);
  });

  it('keeps "__proto__" an ordinary struct member', () => {
    const struct =
      '<struct><member><name>__proto__</name><value><struct><member><name>polluted</name>' +
      '<value><boolean>1</boolean></value></member></struct></value></member></struct>';
    const [value] = decodeMethodCall(call(param(struct))).params as [Record<string, unknown>];
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it('refuses a DOCTYPE, so no entity can be declared', () => {
    const body = Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><methodCall><methodName>&a;</methodName></methodCall>',
    );
    expect(faultOf(body)).toBe('-32700');
  });

  it.each([
    ['not XML at all', Buffer.from('this is not xml'), '-32700'],
    ['another document', Buffer.from('<html><body/></html>'), '-32600'],
    ['a call without methodName', Buffer.from('<methodCall><params/></methodCall>'), '-32600'],
    ['an integer that is not one', call(param('<int>seven</int>')), '-32600'],
    [
      'nesting beyond the bound',
      Buffer.from(`<methodCall>${'<a>'.repeat(500)}${'</a>'.repeat(500)}</methodCall>`),
      '-32700',
    ],
  ])('faults on %s', (_what, body, code) => {
    expect(faultOf(body)).toBe(code);
  });
});

describe('encodeSuccess', () => {
  it('starts with the exact prolog softlayer-go needs to decode arrays', () => {
    expect(encodeSuccess([1])).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\s*<params>\s*<param>\s*<value>\s*<array>/,
    );
  });

  it('wraps scalars and structs in <methodResponse>, which strict parsers need', () => {
    expect(encodeSuccess(true)).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<methodResponse>\n<params>\n<param>\n' +
        '<value><boolean>1</boolean></value>\n</param>\n</params>\n</methodResponse>\n',
    );
    expect(encodeSuccess({ id: 1 })).toContain('<methodResponse>');
    expect(encodeSuccess([{ id: 1 }])).not.toContain('methodResponse');
  });

  it('leaves null members out and escapes text', () => {
    const body = encodeSuccess({ a: null, b: 'x & <y>', big: 2666148982056 });
    expect(body).not.toContain('<name>a</name>');
    expect(body).toContain('<string>x &amp; &lt;y&gt;</string>');
    expect(body).toContain('<i8>2666148982056</i8>');
  });

  it('sends the fault code as a string, which softlayer-go requires', () => {
    expect(encodeFault('SoftLayer_Exception_Public', 'no')).toContain(
      '<name>faultCode</name><value><string>SoftLayer_Exception_Public</string></value>',
    );
  });
});
