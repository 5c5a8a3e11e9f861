import Ajv, { type ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors } from './errors';
import type { MethodSignature, ParameterSignature } from './registry';

const PRIMITIVES: Record<string, object> = {
  string: { type: 'string' },
  int: { type: 'integer' },
  boolean: { type: 'boolean' },
};

type ArgumentChecker = (args: readonly unknown[]) => unknown[];

/**
 * Validates and coerces positional arguments against the method signatures in schema/, once per
 * call, before any handler runs. Clients send ids as strings (slcli) or doubles (Go filters) and
 * booleans as "1"; ajv's coercion turns those into what the signature says.
 */
export class ArgumentValidator {
  private readonly ajv: Ajv;
  private readonly checkers = new Map<MethodSignature, ArgumentChecker>();

  constructor(datatypeDir: string) {
    // Unknown container members are dropped, as the real API ignores them.
    this.ajv = new Ajv({
      coerceTypes: true,
      removeAdditional: true,
      allErrors: false,
      // The schemas are ours and tested; checking them against the draft-07 meta-schema at every
      // start cost about a tenth of start-up. Strict mode still refuses unknown keywords.
      validateSchema: false,
    });
    for (const file of readdirSync(datatypeDir).filter((name) => name.endsWith('.json'))) {
      this.ajv.addSchema(JSON.parse(readFileSync(join(datatypeDir, file), 'utf8')) as object);
    }
  }

  check(signature: MethodSignature, args: readonly unknown[]): unknown[] {
    let checker = this.checkers.get(signature);
    if (!checker) {
      checker = this.compile(signature.parameters);
      this.checkers.set(signature, checker);
    }
    return checker(args);
  }

  private compile(parameters: ParameterSignature[]): ArgumentChecker {
    const validators = parameters.map((parameter) => ({
      parameter,
      validate: this.ajv.compile({
        type: 'object',
        properties: { value: PRIMITIVES[parameter.type] ?? { $ref: parameter.type } },
      }),
    }));

    return (args) =>
      validators.map(({ parameter, validate }, index) => {
        const value = args[index];
        // null, nil and an empty <value/> all mean "not given" (decisions.md).
        if (value === null || value === undefined) return undefined;

        const holder = { value: structuredCloneIfObject(asBooleanText(parameter, value)) };
        if (!validate(holder)) throw errors.invalidValue(fieldLabel(parameter, validate));
        return holder.value;
      });
  }
}

// slcli sends every positional argument as text, booleans as "1" and "0", which ajv's coercion
// does not take for a boolean (it takes "true" and "false").
function asBooleanText(parameter: ParameterSignature, value: unknown): unknown {
  if (parameter.type !== 'boolean' || typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '1') return true;
  if (text === '0') return false;
  return value;
}

function structuredCloneIfObject(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

// "Invalid value provided for Password" names the innermost field, capitalised as SLDN does.
function fieldLabel(parameter: ParameterSignature, validate: ValidateFunction): string {
  const path = validate.errors?.[0]?.instancePath ?? '';
  const inner = path
    .split('/')
    .filter((part) => part !== '' && part !== 'value' && !/^\d+$/.test(part));
  const name = inner.at(-1) ?? parameter.name;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
