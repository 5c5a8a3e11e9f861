import { matchesLeaf } from '../../../src/object-graph/filter-operation';

describe('matchesLeaf', () => {
  it.each([
    [{ operation: 'alice' }, 'alice', true],
    [{ operation: 'alice' }, 'Alice', false],
    [{ operation: 7002 }, 7002, true],
    [{ operation: '7002' }, 7002, true],
    [{ operation: 1 }, true, true],
    [{ operation: 0 }, true, false],
    [{ operation: '_= ALICE' }, 'alice', true],
    [{ operation: '*= LIC' }, 'alice', true],
    [{ operation: '!*= lic' }, 'alice', false],
    [{ operation: '^= al' }, 'alice', true],
    [{ operation: '!^= al' }, 'alice', false],
    [{ operation: '$= ice' }, 'alice', true],
    [{ operation: '!$= ice' }, 'alice', false],
    [{ operation: '!= alice' }, 'bob', true],
    [{ operation: '!=alice' }, 'alice', false],
    [{ operation: '> 5' }, 10, true],
    [{ operation: '> 5' }, 5, false],
    [{ operation: '>= 5' }, 5, true],
    [{ operation: '< 5' }, 4, true],
    [{ operation: '<= 5' }, 6, false],
    [{ operation: '~ ^a.+e$' }, 'alice', true],
    [{ operation: '!~ ^a' }, 'alice', false],
    [{ operation: 'is null' }, undefined, true],
    [{ operation: 'isNull' }, 'x', false],
    [{ operation: 'not null' }, 'x', true],
    [{ operation: 'notNull' }, null, false],
    [{ operation: 'in', options: [{ name: 'data', value: [1, 2] }] }, 2, true],
    [{ operation: 'in', options: [{ name: 'data', value: ['a', 'b'] }] }, 'c', false],
    [{ operation: 'orderBy', options: [{ name: 'sort', value: ['ASC'] }] }, 'anything', true],
    [
      { operation: 'isDate', options: [{ name: 'date', value: ['12/3/2026'] }] },
      '2026-12-03T09:15:00-06:00',
      true,
    ],
    [
      { operation: 'lessThanDate', options: [{ name: 'date', value: ['12/03/2026'] }] },
      '2026-12-02T09:15:00-06:00',
      true,
    ],
    [
      { operation: 'greaterThanDate', options: [{ name: 'date', value: ['12/03/2026'] }] },
      '2026-12-03T09:15:00-06:00',
      false,
    ],
    [
      {
        operation: 'betweenDate',
        options: [
          { name: 'startDate', value: ['12/01/2026'] },
          { name: 'endDate', value: ['12/31/2026'] },
        ],
      },
      '2026-12-03T09:15:00-06:00',
      true,
    ],
  ])('%j against %j is %s', (leaf, actual, expected) => {
    expect(matchesLeaf(leaf, actual)).toBe(expected);
  });

  it.each([
    [{ operation: { odd: 1 } }],
    [{ operation: 'in' }],
    [{ operation: '~ (' }],
    [{ operation: `~ ${'a'.repeat(300)}` }],
    [{ operation: '~ ^(a+)+$' }],
    [{ operation: 'isDate', options: [{ name: 'date', value: ['yesterday'] }] }],
  ])('ignores the malformed leaf %j', (leaf) => {
    expect(matchesLeaf(leaf, 'value')).toBe(true);
  });

  it('ignores date arithmetic in both directions rather than comparing it as text', () => {
    const created = '2026-12-03T09:15:00-06:00';
    for (const operation of ['> sysdate - 30', '<sysdate-30', '>= SYSDATE']) {
      expect(matchesLeaf({ operation }, created)).toBe(true);
    }
  });
});
