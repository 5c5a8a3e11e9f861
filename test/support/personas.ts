// The sandbox personas of fixtures/default.json that the tests drive, with their secrets.

export const SL1001 = {
  id: 7001,
  username: 'SL1001',
  apiKey: '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899',
};
export const BOB = {
  id: 7003,
  username: 'bob',
  email: 'bob@example.com',
  totpSecret: 'JBSWY3DPEHPK3PXP',
};
export const CAROL = {
  id: 7004,
  username: 'carol',
  email: 'carol@example.com',
  verisignSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
};
export const DAVE = { id: 7005, username: 'dave', email: 'dave@example.com' };
export const ERIN = { id: 7006, username: 'erin', email: 'erin@example.com' };
export const SL1002 = { id: 7010, username: 'SL1002', email: 'sl1002@example.com' };
export const SL1003 = { id: 7011, username: 'SL1003', email: 'sl1003@example.com' };
export const BRAND_AGENT = {
  id: 7020,
  username: 'brandagent',
  apiKey: 'b7a2d000000000000000000000000000000000000000000000000000000b7a2d',
};
export const BRAND_CLERK = {
  id: 7021,
  username: 'brandclerk',
  apiKey: 'c1e2c000000000000000000000000000000000000000000000000000000c1e2c',
};
export const SL2002 = { id: 7022, username: 'SL2002', email: 'sl2002@example.com' };
