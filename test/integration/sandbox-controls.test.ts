import type { FastifyInstance } from 'fastify';
import { startTestApp } from '../support/test-app';

// slemu's own control endpoints for the clock and the simulated phone.
describe('sandbox clock and phone endpoints', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const readClock = async () => {
    const response = await app.inject({ method: 'GET', url: '/_slemu/clock' });
    expect(response.statusCode).toBe(200);
    return Date.parse((response.json() as { now: string }).now);
  };

  it('reads the clock as ISO 8601 and moves it forward', async () => {
    const before = await readClock();
    const response = await app.inject({
      method: 'POST',
      url: '/_slemu/clock',
      payload: { advanceSeconds: 90_000 },
    });
    expect(response.statusCode).toBe(200);

    const after = Date.parse((response.json() as { now: string }).now);
    expect(after - before).toBeGreaterThanOrEqual(90_000_000);
    expect(after - before).toBeLessThan(90_000_000 + 5_000);
    expect(await readClock()).toBeGreaterThanOrEqual(after);
  });

  it.each([{ advanceSeconds: -5 }, { advanceSeconds: 'soon' }, {}])(
    'refuses %j',
    async (payload) => {
      const response = await app.inject({ method: 'POST', url: '/_slemu/clock', payload });
      expect(response.statusCode).toBe(400);
    },
  );

  it("sets and reads dave's phone answer", async () => {
    const set = await app.inject({
      method: 'POST',
      url: '/_slemu/phone/dave',
      payload: { answer: 'deny' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ username: 'dave', answer: 'deny' });

    const read = await app.inject({ method: 'GET', url: '/_slemu/phone/dave' });
    expect(read.json()).toEqual({ username: 'dave', answer: 'deny' });
  });

  it('refuses an unknown answer and users without a phone factor', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/_slemu/phone/dave',
      payload: { answer: 'maybe' },
    });
    expect(bad.statusCode).toBe(400);

    const bob = await app.inject({
      method: 'POST',
      url: '/_slemu/phone/bob',
      payload: { answer: 'approve' },
    });
    expect(bob.statusCode).toBe(404);
  });
});
