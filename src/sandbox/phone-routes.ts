import type { FastifyInstance } from 'fastify';
import { PHONE_FACTOR_METHOD, type PhoneAnswer } from '../../db/second-factors';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import { controlPlaneConventions } from './control-plane';

// POST /_slemu/phone/<username> sets how a phone-factor user's simulated phone answers the
// next call: approve, deny, or none (still ringing). GET reads it. slemu's own endpoints.

interface PhoneParams {
  username: string;
}

const answerSchema = {
  body: {
    type: 'object',
    required: ['answer'],
    additionalProperties: false,
    properties: { answer: { type: 'string', enum: ['approve', 'deny', 'none'] } },
  },
};

export function phoneRoutes(store: Store, clock: Clock) {
  return async function routes(app: FastifyInstance): Promise<void> {
    controlPlaneConventions(app);
    const phoneUser = (username: string) => {
      const user = store.findUserByUsername(username);
      const factor = user ? store.secondFactors.find(user.id) : undefined;
      return factor?.method === PHONE_FACTOR_METHOD ? user : undefined;
    };
    const notFound = { error: 'no user with a phone factor has that username' };

    app.get<{ Params: PhoneParams }>('/_slemu/phone/:username', async (request, reply) => {
      const user = phoneUser(request.params.username);
      if (!user) return reply.code(404).send(notFound);
      return { username: user.username, answer: store.secondFactors.phoneAnswer(user.id) };
    });

    app.post<{ Params: PhoneParams; Body: { answer: PhoneAnswer } }>(
      '/_slemu/phone/:username',
      { schema: answerSchema },
      async (request, reply) => {
        const user = phoneUser(request.params.username);
        if (!user) return reply.code(404).send(notFound);

        store.secondFactors.setPhoneAnswer(user.id, request.body.answer, clock.now());
        return { username: user.username, answer: request.body.answer };
      },
    );
  };
}
