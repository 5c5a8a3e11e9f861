import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { serializeMethodCall } from 'xmlrpc/lib/serializer';
import { postRaw, rawWires } from '../support/raw-wires';
import { startTestApp } from '../support/test-app';
import { transports, type TestCall } from '../support/transports';

// Property-based fuzzing of every transport. Two properties: structured calls (any service,
// method, arguments, id, mask, credentials) through each client in transports.ts, and raw bodies
// (text, bytes, damaged real calls) through each wire in raw-wires.ts. Either way the answer is
// a readable SoftLayer success or fault, never the generic internal error or a stack trace.

const RUNS = 150;
const METHODS = [
  'getObject',
  'initiatePortalPasswordChange',
  'getUserIdForPasswordSet',
  'getRequirementsForPasswordSet',
  'processPasswordSetRequest',
  'getPortalLoginToken',
];
const SERVICES = ['SoftLayer_User_Customer', 'SoftLayer_User_Customer_OpenIdConnect'];

// Keys that have bitten JavaScript servers before, mixed into generated objects.
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'key',
  'id',
);

const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string()), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const name = (known: string[]) => fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 30 }));
const auth = fc.oneof(
  fc.record({ username: fc.constantFrom('alice', 'SL1001', 'apikey', ''), apiKey: fc.string() }),
  fc.record({
    userId: fc.integer(),
    authToken: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 64 }),
  }),
);

const testCall: fc.Arbitrary<TestCall> = fc.record(
  {
    service: name(SERVICES),
    method: name(METHODS),
    args: fc.array(jsonish, { maxLength: 4 }),
    id: fc.oneof(fc.integer(), fc.constantFrom(7001, 7002), fc.string({ maxLength: 12 })),
    auth,
    mask: fc.string({ maxLength: 200 }),
  },
  { requiredKeys: ['service', 'method'] },
);

// Path segments the REST client puts in a URL must stay printable, or inject() itself refuses.
const sendable = (call: TestCall) =>
  /^[\w.~-]+$/.test(call.service) &&
  /^[\w.~-]+$/.test(call.method) &&
  !/[/?#%]/.test(String(call.id ?? ''));

describe.each(transports)('fuzzed calls over %s', (_wire, call) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers any call with a success or a SoftLayer fault', async () => {
    await fc.assert(
      fc.asyncProperty(testCall.filter(sendable), async (generated) => {
        const outcome = await call(app, generated);
        if (!outcome.ok) {
          expect(typeof outcome.code).toBe('string');
          expect(outcome.message).not.toBe('Internal Error');
        }
      }),
      { numRuns: RUNS },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// A real call damaged at one place: cut short, a byte flipped, or junk spliced in.
const damaged = (valid: string) =>
  fc
    .tuple(
      fc.nat({ max: valid.length }),
      fc.oneof(fc.string(), fc.constantFrom('<', '>', '&', '"', '\u0000', ']]>')),
    )
    .map(([at, junk]) => valid.slice(0, at) + junk + valid.slice(at + junk.length));

const validXml = serializeMethodCall('initiatePortalPasswordChange', [{ headers: {} }, 'nobody']);
const validJson = JSON.stringify({ parameters: ['nobody', { __proto__: 1, a: [1, { b: 2 }] }] });

// Any text in a path segment, percent-encoded as a client would send it.
const pathName = (known: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    fc.string().map(encodeURIComponent),
  );

const rawBody = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  damaged(validXml),
  damaged(validJson),
  jsonish.map((value) => JSON.stringify({ parameters: [value] })),
  jsonish.map((value) => serializeMethodCall('getObject', [value])),
);

describe.each(rawWires.map((wire) => [wire.name, wire] as const))(
  'fuzzed bodies over %s',
  (_name, wire) => {
    let app: FastifyInstance;

    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(async () => {
      await app.close();
    });

    it('answers any body with a readable SoftLayer answer', async () => {
      await fc.assert(
        fc.asyncProperty(
          rawBody,
          pathName(SERVICES),
          pathName(METHODS),
          async (body, service, method) => {
            await postRaw(app, wire, body, { service, method });
          },
        ),
        { numRuns: RUNS },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  },
);
