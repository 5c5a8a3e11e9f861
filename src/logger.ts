import type { LoggerOptions } from 'pino';

// Secrets that can appear in a logged call, wherever they sit in the object being logged.
const SECRET_KEYS = [
  'authorization',
  'apiKey',
  'authToken',
  'password',
  'newPassword',
  'securityAnswer',
  'securityQuestionAnswer',
  'key',
  'hash',
  'securityCode',
  'secondSecurityCode',
  'totp',
];

// The objects slemu logs under a name rather than flat. A secret can hide one level down in
// these: a thrown error's own fields, a request's headers or body, a call's arguments.
const NESTING_KEYS = [
  'err',
  'error',
  'headers',
  'body',
  'params',
  'args',
  'credentials',
  'authenticate',
  'fault',
];

// Named paths rather than wildcards (`*.x`): with a wildcard pino walks every key of every
// logged object for each secret name, which measured about 20 µs a line against under 4 µs
// for these paths, a tenth of a cheap call's CPU.
const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...NESTING_KEYS.flatMap((parent) => SECRET_KEYS.map((name) => `${parent}.${name}`)),
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
}
