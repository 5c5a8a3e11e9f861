import {
  maskFromStruct,
  MaskSyntaxError,
  parseMaskString,
  type MaskNode,
} from '../../../src/object-graph/object-mask';

// A mask tree as plain nested objects, for readable expectations: {name: {...children}}.
function shape(node: MaskNode): Record<string, unknown> {
  return Object.fromEntries([...node.properties].map(([name, child]) => [name, shape(child)]));
}

describe('parseMaskString', () => {
  it.each([
    ['mask[id,username]', { id: {}, username: {} }],
    [
      'mask[ id ,\n parent[ id, userStatus[name] ] ]',
      { id: {}, parent: { id: {}, userStatus: { name: {} } } },
    ],
    ['[id]', { id: {} }],
    ['mask.parent.username,mask.id', { parent: { username: {} }, id: {} }],
    ['mask.parent', { parent: {} }],
    ['userStatus;parent.id', { userStatus: {}, parent: { id: {} } }],
    ['id', { id: {} }],
    ['mask[a[b],a[c]]', { a: { b: {}, c: {} } }],
    ['mask[id,]', { id: {} }],
    ['mask[]', {}],
    ['mask', {}],
  ])('reads %j', (text, expected) => {
    expect(shape(parseMaskString(text)?.root ?? { properties: new Map() })).toEqual(expected);
  });

  it('keeps the named types and the filteredMask flag', () => {
    const mask = parseMaskString(
      'filteredMask(SoftLayer_User_Customer)[parent(SoftLayer_User_Customer)[id]]',
    );
    expect(mask?.filtered).toBe(true);
    expect(mask?.root.type).toBe('SoftLayer_User_Customer');
    expect(mask?.root.properties.get('parent')?.type).toBe('SoftLayer_User_Customer');
    expect(parseMaskString('mask[id]')?.filtered).toBe(false);
  });

  it('reads nothing from an empty or blank string', () => {
    expect(parseMaskString('')).toBeUndefined();
    expect(parseMaskString('  \n ')).toBeUndefined();
  });

  it.each([
    'mask[id',
    'mask[id]]',
    'mask[id,,x]',
    'mask[id username]',
    'mask[(x)]',
    'mask[id]$',
    'mask[1id]',
  ])('refuses %j', (text) => {
    expect(() => parseMaskString(text)).toThrow(MaskSyntaxError);
  });

  it('bounds nesting', () => {
    const deep = `mask[${'a['.repeat(100)}id${']'.repeat(100)}]`;
    expect(() => parseMaskString(deep)).toThrow('nested too deeply');
  });
});

describe('maskFromStruct', () => {
  it('reads nil, empty arrays and empty structs as leaves, and nested structs as sub-masks', () => {
    const mask = maskFromStruct({ id: null, email: [], account: {}, parent: { username: null } });
    expect(shape(mask.root)).toEqual({ id: {}, email: {}, account: {}, parent: { username: {} } });
  });

  it('refuses a member that is not a property name', () => {
    expect(() => maskFromStruct({ 'id]': null })).toThrow(MaskSyntaxError);
  });
});
