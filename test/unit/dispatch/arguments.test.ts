import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentValidator } from '../../../src/dispatch/arguments';
import type { MethodSignature } from '../../../src/dispatch/registry';
import { dataPath } from '../../../src/paths';

// Values as clients send them: slcli sends every argument as text, softlayer-go sends ids as
// doubles, and null, nil and an empty <value/> all mean "not given".

const signature: MethodSignature = {
  static: true,
  noauth: true,
  returns: 'boolean',
  parameters: [
    { name: 'count', type: 'int' },
    { name: 'flag', type: 'boolean' },
    { name: 'name', type: 'string' },
  ],
};

describe('ArgumentValidator', () => {
  const validator = new ArgumentValidator(dataPath('schema', 'datatypes'));

  it.each([
    [
      ['7002', '1', 'x'],
      [7002, true, 'x'],
    ],
    [
      [7002, '0', 'x'],
      [7002, false, 'x'],
    ],
    [
      [7002.0, 'true', 'x'],
      [7002, true, 'x'],
    ],
    [
      [7002, 1, 'x'],
      [7002, true, 'x'],
    ],
    [
      [7002, false, 'x'],
      [7002, false, 'x'],
    ],
    [
      [null, null, undefined],
      [undefined, undefined, undefined],
    ],
  ])('coerces %j to %j', (args, expected) => {
    expect(validator.check(signature, args)).toEqual(expected);
  });

  it.each([[['seven']], [[1, 'yes']]])('refuses %j with InvalidValue', (args) => {
    expect(() => validator.check(signature, args)).toThrow(/^Invalid value provided for /);
  });
});

// slemu skips the meta-schema check at start-up; this is where a broken schema file is caught.
describe('the datatype schemas in schema/datatypes', () => {
  const dir = dataPath('schema', 'datatypes');
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

  it.each(files)('%s is a valid JSON Schema', (file) => {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as object;
    const ajv = new Ajv({ strict: true });

    expect(ajv.validateSchema(schema)).toBe(true);
    expect(ajv.errors ?? null).toBeNull();
  });
});
