import type { FastifyInstance } from 'fastify';
import { startTestApp } from '../support/test-app';
import { expectFault, expectValue, transports } from '../support/transports';

const USER = 'SoftLayer_User_Customer';
const OIDC = 'SoftLayer_User_Customer_OpenIdConnect';
const EXCEPTION = 'SoftLayer_Exception_WebService_RateLimitExceeded';

describe.each(transports)('fault injection over %s', (_wire, call) => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  const addFault = (spec: object) =>
    app.inject({ method: 'POST', url: '/_slemu/faults', payload: spec });
  const initiate = (service = USER) =>
    call(app, { service, method: 'initiatePortalPasswordChange', args: ['alice'] });

  it('answers the chosen exception for the next N calls, then the real answer', async () => {
    const added = await addFault({
      service: USER,
      method: 'initiatePortalPasswordChange',
      exception: EXCEPTION,
      message: 'Slow down',
      calls: 2,
    });
    expect(added.statusCode).toBe(201);

    for (let i = 0; i < 2; i++) {
      const outcome = await initiate();
      expectFault(outcome, EXCEPTION);
      expect(outcome.message).toBe('Slow down');
    }
    expect(expectValue(await initiate())).toBe(true);
    // The handler never ran for the faulted calls: one email only.
    expect(app.slemu.store.outbox('alice@example.com')).toHaveLength(1);
  });

  it('matches the service the client called, and * for every method', async () => {
    await addFault({ service: OIDC, method: '*', exception: EXCEPTION });

    expectFault(await initiate(OIDC), EXCEPTION);
    expect(expectValue(await initiate(USER))).toBe(true);
  });

  it('reaches a method called through the service that inherits it', async () => {
    await addFault({ service: USER, method: 'initiatePortalPasswordChange', exception: EXCEPTION });

    expectFault(await initiate(OIDC), EXCEPTION);
    expectFault(await initiate(USER), EXCEPTION);
  });

  it('lasts for a window of the sandbox clock', async () => {
    await addFault({
      service: USER,
      method: 'initiatePortalPasswordChange',
      exception: EXCEPTION,
      seconds: 60,
    });

    expectFault(await initiate(), EXCEPTION);
    expectFault(await initiate(), EXCEPTION);
    app.slemu.clock.advance(61);
    expect(expectValue(await initiate())).toBe(true);
  });

  it('adds latency without failing the call', async () => {
    await addFault({
      service: USER,
      method: 'initiatePortalPasswordChange',
      latencyMs: 300,
      calls: 1,
    });

    const started = performance.now();
    expect(expectValue(await initiate())).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('the faults endpoint', () => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('lists, deletes and refuses faults that do nothing', async () => {
    const spec = { service: USER, method: 'getObject', exception: EXCEPTION };
    const { id } = (
      await app.inject({ method: 'POST', url: '/_slemu/faults', payload: spec })
    ).json<{ id: number }>();

    const listed = (await app.inject('/_slemu/faults')).json<{ faults: unknown[] }>();
    expect(listed.faults).toEqual([expect.objectContaining({ id, ...spec, restStatus: 500 })]);

    expect((await app.inject({ method: 'DELETE', url: `/_slemu/faults/${id}` })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ method: 'DELETE', url: `/_slemu/faults/${id}` })).statusCode).toBe(
      404,
    );

    const empty = await app.inject({
      method: 'POST',
      url: '/_slemu/faults',
      payload: { service: USER, method: 'getObject' },
    });
    expect(empty.statusCode).toBe(400);
  });
});
