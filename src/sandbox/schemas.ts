// JSON schemas of the control API's request bodies; fastify validates them before the handler.

// XML-RPC carries ids as <int>, a signed 32-bit number; a larger id could not reach clients
// (and past 2^63 SQLite refuses it as a key).
const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 };

const securityAnswer = {
  type: 'object',
  required: ['questionId', 'answer'],
  properties: { questionId: id, answer: { type: 'string', minLength: 1 } },
  additionalProperties: false,
};

const userProperties = {
  id,
  accountId: id,
  parentId: { ...id, type: ['integer', 'null'] },
  username: { type: 'string', minLength: 1, maxLength: 100 },
  email: { type: 'string', minLength: 3 },
  firstName: { type: 'string' },
  lastName: { type: 'string' },
  companyName: { type: 'string' },
  status: {
    type: 'string',
    enum: ['ACTIVE', 'DISABLED', 'INACTIVE', 'CANCEL_PENDING', 'VPN_ONLY', 'PENDING'],
  },
  password: { type: 'string', minLength: 1 },
  apiKey: { type: 'string', minLength: 1 },
  hasLoggedIn: { type: 'boolean' },
  loginQuestionRequired: { type: 'boolean' },
  securityAnswers: { type: 'array', items: securityAnswer },
  secondFactor: {
    type: 'object',
    required: ['type'],
    properties: {
      type: { type: 'string', enum: ['totp', 'verisign', 'phone'] },
      secret: { type: 'string', pattern: '^[A-Z2-7]+=*$' },
    },
  },
};

export const newUserSchema = {
  type: 'object',
  required: ['username', 'email'],
  properties: userProperties,
};

export const fixturesSchema = {
  type: 'object',
  required: ['securityQuestions', 'accounts', 'users'],
  properties: {
    securityQuestions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'question', 'displayOrder'],
        properties: {
          id,
          question: { type: 'string' },
          displayOrder: { type: 'integer' },
          viewable: { type: 'integer' },
        },
      },
    },
    accounts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'companyName', 'email'],
        properties: {
          id,
          companyName: { type: 'string' },
          email: { type: 'string' },
        },
      },
    },
    users: {
      type: 'array',
      items: { ...newUserSchema, required: ['id', 'accountId', 'username', 'email'] },
    },
  },
};

export const faultSchema = {
  type: 'object',
  required: ['service', 'method'],
  properties: {
    service: { type: 'string', minLength: 1 },
    method: { type: 'string', minLength: 1 },
    exception: { type: 'string', pattern: '^SoftLayer_Exception' },
    message: { type: 'string' },
    restStatus: { type: 'integer', minimum: 400, maximum: 599 },
    latencyMs: { type: 'integer', minimum: 0, maximum: 600000 },
    calls: { type: 'integer', minimum: 1 },
    seconds: { type: 'number', exclusiveMinimum: 0 },
  },
  additionalProperties: false,
};
