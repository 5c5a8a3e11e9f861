import { defaultPasswordPolicy, passwordViolations } from '../../../src/security/password-policy';

const check = (password: string, username = 'alice') =>
  passwordViolations(password, username, defaultPasswordPolicy);

describe('passwordViolations', () => {
  it('accepts a password that meets every rule', () => {
    expect(check('Fresh#Pass42')).toEqual([]);
  });

  it.each([
    ['Ab1#', /between 8 and 20/],
    ['Abcdefgh1#abcdefgh1#X', /between 8 and 20/],
    ['abcdefg1#', /uppercase/],
    ['ABCDEFG1#', /lowercase/],
    ['Abcdefgh#', /digit/],
    ['Abcdefgh1', /special characters/],
    ['Fresh#Pass\u000042', /control characters/],
    ['Fresh#Pass\t42', /control characters/],
    ['Fresh#Pass\u007f42', /control characters/],
  ])('names what %s breaks', (password, rule) => {
    const violations = check(password);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(rule);
  });

  it('accepts both length bounds', () => {
    expect(check('Abcdef1#')).toEqual([]);
    expect(check('Abcdefgh1#abcdefgh1#')).toEqual([]);
  });

  it('refuses the username in any case', () => {
    expect(check('Alice#2026x', 'alice#2026X')).toEqual(['not match your username']);
  });
});
