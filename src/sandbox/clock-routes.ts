import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';
import { controlPlaneConventions } from './control-plane';

// GET /_slemu/clock reads slemu's clock; POST moves it forward, so a test can watch a reset key
// expire or a lockout end without waiting. slemu's own endpoints, not SoftLayer's.

interface AdvanceBody {
  advanceSeconds: number;
}

const advanceSchema = {
  body: {
    type: 'object',
    required: ['advanceSeconds'],
    additionalProperties: false,
    properties: { advanceSeconds: { type: 'number', minimum: 0, maximum: 315_576_000 } },
  },
};

export function clockRoutes(clock: Clock) {
  return async function routes(app: FastifyInstance): Promise<void> {
    controlPlaneConventions(app);
    const reading = () => ({ now: new Date(clock.now()).toISOString() });

    app.get('/_slemu/clock', async () => reading());

    app.post<{ Body: AdvanceBody }>('/_slemu/clock', { schema: advanceSchema }, async (request) => {
      clock.advance(request.body.advanceSeconds);
      request.log.info({ advanceSeconds: request.body.advanceSeconds }, 'sandbox clock moved');
      return reading();
    });
  };
}
