import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isApiError } from '../../../src/dispatch/api-error';
import { Registry } from '../../../src/dispatch/registry';

function signatureDir(specs: object[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'slemu-registry-'));
  specs.forEach((spec, index) => writeFileSync(join(dir, `${index}.json`), JSON.stringify(spec)));
  return dir;
}

const method = { static: true, noauth: true, parameters: [], returns: 'boolean' };
const parent = { service: 'Parent', methods: { ping: method } };
const child = { service: 'Child', extends: 'Parent', methods: { pong: method } };
const ping = () => true;
const pong = () => false;

function faultMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (isApiError(error)) return error.message;
    throw error;
  }
  throw new Error('no fault');
}

describe('Registry', () => {
  const registry = Registry.load(signatureDir([parent, child]), {
    Parent: { ping },
    Child: { pong },
  });

  it('answers a parent method through the child service', () => {
    expect(registry.resolve('Child', 'ping').handler).toBe(ping);
    expect(registry.resolve('Child', 'ping').definedBy).toBe('Parent');
  });

  it('does not give the parent the child methods', () => {
    expect(faultMessage(() => registry.resolve('Parent', 'pong'))).toBe(
      'Function ("pong") is not a valid method for this service.',
    );
  });

  it('refuses an unknown service', () => {
    expect(faultMessage(() => registry.resolve('Nobody', 'ping'))).toBe('Service does not exist');
  });

  it('lists inherited methods in describe()', () => {
    const childEntry = registry.describe().find((entry) => entry.service === 'Child');
    expect(childEntry?.methods.map((m) => m.name)).toEqual(['ping', 'pong']);
  });

  it('will not start with a signature that has no handler', () => {
    expect(() => Registry.load(signatureDir([parent]), { Parent: {} })).toThrow(/no handler/);
  });

  it('will not start with a handler that has no signature', () => {
    expect(() => Registry.load(signatureDir([parent]), { Parent: { ping, pong } })).toThrow(
      /no signature/,
    );
  });
});
