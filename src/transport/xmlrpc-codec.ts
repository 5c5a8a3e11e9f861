import { decodeXmlBody } from './body-text';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml-tree';
import { errors } from '../dispatch/errors';
import { escapeXmlText } from './xml-text';

// The XML-RPC codec: request bodies to values, values to response bodies. Everything that knows
// XML-RPC's value tags lives here, so the parser underneath is a local choice.

export interface MethodCall {
  methodName: string;
  params: unknown[];
}

export function decodeMethodCall(body: Buffer): MethodCall {
  const text = decodeXmlBody(body);
  if (text === undefined) throw errors.xmlNotWellFormed('the body is neither UTF-8 nor Latin-1');

  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw errors.xmlNotWellFormed(error.message);
    throw error;
  }

  if (root.name !== 'methodCall')
    throw errors.xmlNotMethodCall('the root element is not methodCall');
  const methodName = child(root, 'methodName')?.text.trim();
  if (!methodName) throw errors.xmlNotMethodCall('methodName is missing');

  const params = (child(root, 'params')?.children ?? [])
    .filter((element) => element.name === 'param')
    .map((param) => {
      const value = child(param, 'value');
      return value ? decodeValue(value, true) : null;
    });
  return { methodName, params };
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.name === name);
}

// softlayer-go sends a nil argument as an empty <value/>; in parameter position that is null,
// not the empty string the XML-RPC spec would make of it.
function decodeValue(value: XmlElement, isParameter = false): unknown {
  const typed = value.children[0];
  if (!typed) return isParameter && value.text.trim() === '' ? null : value.text;

  switch (typed.name) {
    case 'string':
      return typed.text;
    case 'int':
    case 'i4':
    case 'i8':
      return decodeInteger(typed.text);
    case 'boolean':
      return decodeBoolean(typed.text);
    case 'double':
      return decodeDouble(typed.text);
    case 'base64':
      return typed.text.replace(/\s+/g, '');
    case 'dateTime.iso8601':
      return typed.text.trim();
    case 'nil':
      return null;
    case 'struct':
      return decodeStruct(typed);
    case 'array':
      return (child(typed, 'data')?.children ?? [])
        .filter((element) => element.name === 'value')
        .map((element) => decodeValue(element));
    default:
      throw errors.xmlNotMethodCall(`unknown value type <${typed.name}>`);
  }
}

function decodeStruct(struct: XmlElement): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const member of struct.children) {
    if (member.name !== 'member') continue;
    const name = child(member, 'name')?.text;
    const value = child(member, 'value');
    if (name === undefined) throw errors.xmlNotMethodCall('a struct member has no name');

    // defineProperty makes "__proto__" an ordinary member instead of a prototype change.
    Object.defineProperty(result, name, {
      value: value ? decodeValue(value) : null,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

function decodeInteger(text: string): number {
  const trimmed = text.trim();
  const number = Number(trimmed);
  if (!/^[+-]?\d+$/.test(trimmed) || !Number.isSafeInteger(number)) {
    throw errors.xmlNotMethodCall(`"${trimmed.slice(0, 40)}" is not an integer`);
  }
  return number;
}

function decodeBoolean(text: string): boolean {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '1' || trimmed === 'true') return true;
  if (trimmed === '0' || trimmed === 'false') return false;
  throw errors.xmlNotMethodCall(`"${trimmed.slice(0, 40)}" is not a boolean`);
}

function decodeDouble(text: string): number {
  const number = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(number)) {
    throw errors.xmlNotMethodCall(`"${text.trim().slice(0, 40)}" is not a double`);
  }
  return number;
}

// softlayer-go decodes a top-level array only when the body starts with exactly this prolog
// followed by <params> with nothing but whitespace between (wire.md §6.2, §11), so list results
// go without <methodResponse>, as the real API sends them. Scalars and structs decode in every
// shape in Go and Python, so they carry the standard wrapper, which strict XML-RPC parsers
// (the npm xmlrpc package among them) insist on.
const SUCCESS_PROLOG = '<?xml version="1.0" encoding="utf-8"?>\n';

export function encodeSuccess(value: unknown): string {
  const params = `<params>\n<param>\n${encodeValue(value)}\n</param>\n</params>\n`;
  if (Array.isArray(value)) return `${SUCCESS_PROLOG}${params}`;
  return `${SUCCESS_PROLOG}<methodResponse>\n${params}</methodResponse>\n`;
}

export function encodeFault(faultCode: string, faultString: string): string {
  const fault = encodeValue({ faultCode, faultString });
  return `${SUCCESS_PROLOG}<methodResponse>\n<fault>\n${fault}\n</fault>\n</methodResponse>\n`;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return '<value><nil/></value>';

  switch (typeof value) {
    case 'string':
      return `<value><string>${escapeXmlText(value)}</string></value>`;
    case 'boolean':
      return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
    case 'number':
      return encodeNumber(value);
    case 'bigint':
      return `<value><i8>${value}</i8></value>`;
    case 'object':
      return Array.isArray(value)
        ? encodeArray(value)
        : encodeStruct(value as Record<string, unknown>);
    default:
      throw new TypeError(`cannot encode a ${typeof value} as XML-RPC`);
  }
}

function encodeNumber(value: number): string {
  if (!Number.isInteger(value)) return `<value><double>${value}</double></value>`;
  const tag = value >= INT32_MIN && value <= INT32_MAX ? 'int' : 'i8';
  return `<value><${tag}>${value}</${tag}></value>`;
}

function encodeArray(values: unknown[]): string {
  return `<value><array><data>\n${values.map(encodeValue).join('\n')}\n</data></array></value>`;
}

// Null members are left out, as the real API and both SDKs expect of optional properties.
function encodeStruct(struct: Record<string, unknown>): string {
  const members = Object.entries(struct)
    .filter(([, member]) => member !== null && member !== undefined)
    .map(
      ([name, member]) =>
        `<member><name>${escapeXmlText(name)}</name>${encodeValue(member)}</member>`,
    );
  return `<value><struct>\n${members.join('\n')}\n</struct></value>`;
}
