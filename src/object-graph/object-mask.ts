/** One level of an object mask: the properties named there, each with its own sub-mask. */
export interface MaskNode {
  /** A type named in the mask, as in `mask(SoftLayer_Hardware)[…]` or `resource(Type)[…]`. */
  type?: string;
  /** Empty means "nothing named here": the defaults of that level (all local properties). */
  properties: Map<string, MaskNode>;
}

export interface ObjectMask {
  root: MaskNode;
  /** `filteredMask[…]`: the object filter also restricts relations below the first level. */
  filtered: boolean;
}

export class MaskSyntaxError extends Error {}

export const emptyNode = (): MaskNode => ({ properties: new Map() });

// Bounds that keep a hostile mask from costing unbounded time or stack.
const MAX_TOKENS = 20_000;
const MAX_DEPTH = 32;

const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|([[\]().,;]))/y;

interface Token {
  text: string;
  isName: boolean;
  at: number;
}

/**
 * Parses every string form clients send: `mask[a,b[c]]`, `mask(Type)[…]`, `filteredMask[…]`,
 * `[…]`, the dotted legacy form `mask.a.b,mask.c`, the REST legacy form `a;b.c` and a bare
 * `id` (softlayer-go sends one property unwrapped over REST).
 */
export function parseMaskString(text: string): ObjectMask | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0) return undefined;

  const parser = new MaskParser(tokens);
  return parser.parseRoot();
}

/**
 * The legacy structured form under `<Service>ObjectMask`: `{a: nil, b: [], c: {d: nil}}`.
 * A member whose value is a non-empty struct names sub-properties; anything else is a leaf.
 */
export function maskFromStruct(struct: Record<string, unknown>): ObjectMask {
  return { root: nodeFromStruct(struct), filtered: false };
}

function nodeFromStruct(struct: Record<string, unknown>, depth = 0): MaskNode {
  if (depth > MAX_DEPTH) throw new MaskSyntaxError('the mask is nested too deeply');
  const node = emptyNode();
  for (const [name, value] of Object.entries(struct)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new MaskSyntaxError(`"${name.slice(0, 40)}" is not a property name`);
    }
    const isStruct = typeof value === 'object' && value !== null && !Array.isArray(value);
    const child = isStruct ? nodeFromStruct(value as Record<string, unknown>, depth + 1) : null;
    node.properties.set(name, child ?? emptyNode());
  }
  return node;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;

  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      if (text.slice(at).trim() === '') break;
      throw new MaskSyntaxError(`unexpected "${text.slice(at).trim().charAt(0)}" at ${at}`);
    }
    const name = match[1];
    tokens.push({ text: name ?? (match[2] as string), isName: name !== undefined, at });
    if (tokens.length > MAX_TOKENS) throw new MaskSyntaxError('the mask is too long');
  }
  return tokens;
}

class MaskParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parseRoot(): ObjectMask {
    const root = emptyNode();
    const first = this.peek();
    const keyword = first?.isName && (first.text === 'mask' || first.text === 'filteredMask');
    const filtered = keyword && first.text === 'filteredMask';

    if (keyword && this.peek(1)?.text !== '.') {
      this.position += 1;
      if (this.peek()?.text === '(') this.parseType(root);
      if (this.peek()?.text === '[') this.parseList(root);
    } else if (first?.text === '[') {
      this.parseList(root);
    } else {
      this.parseItems(root);
    }

    const rest = this.peek();
    if (rest) throw new MaskSyntaxError(`unexpected "${rest.text}" at ${rest.at}`);
    return { root, filtered: Boolean(filtered) };
  }

  // Legacy items separated by commas or semicolons, each possibly prefixed with "mask.".
  private parseItems(node: MaskNode): void {
    this.parseItem(node);
    while (this.peek()?.text === ',' || this.peek()?.text === ';') {
      this.position += 1;
      this.parseItem(node);
    }
  }

  private parseList(node: MaskNode, depth = 0): void {
    this.expect('[');
    if (this.peek()?.text === ']') {
      this.position += 1;
      return;
    }
    for (;;) {
      this.parseItem(node, depth);
      const separator = this.next();
      if (separator?.text === ']') return;
      if (separator?.text !== ',' && separator?.text !== ';') throw this.unexpected(separator, ']');
      // Tolerate a trailing separator, as in "mask[id,]".
      if (this.peek()?.text === ']') {
        this.position += 1;
        return;
      }
    }
  }

  private parseItem(parent: MaskNode, depth = 0): void {
    if (depth > MAX_DEPTH) throw new MaskSyntaxError('the mask is nested too deeply');
    const name = this.next();
    if (!name?.isName) throw this.unexpected(name, 'a property name');
    if (name.text === 'mask' && this.peek()?.text === '.') {
      this.position += 1;
      this.parseItem(parent, depth);
      return;
    }

    let child = parent.properties.get(name.text);
    if (!child) {
      child = emptyNode();
      parent.properties.set(name.text, child);
    }
    if (this.peek()?.text === '(') this.parseType(child);
    if (this.peek()?.text === '[') this.parseList(child, depth + 1);
    else if (this.peek()?.text === '.') {
      this.position += 1;
      this.parseItem(child, depth + 1);
    }
  }

  private parseType(node: MaskNode): void {
    this.expect('(');
    const type = this.next();
    if (!type?.isName) throw this.unexpected(type, 'a type name');
    node.type = type.text;
    this.expect(')');
  }

  private expect(text: string): void {
    const token = this.next();
    if (token?.text !== text) throw this.unexpected(token, `"${text}"`);
  }

  private peek(ahead = 0): Token | undefined {
    return this.tokens[this.position + ahead];
  }

  private next(): Token | undefined {
    const token = this.tokens[this.position];
    this.position += 1;
    return token;
  }

  private unexpected(token: Token | undefined, wanted: string): MaskSyntaxError {
    if (!token) return new MaskSyntaxError(`the mask ends where ${wanted} was expected`);
    return new MaskSyntaxError(`expected ${wanted} but found "${token.text}" at ${token.at}`);
  }
}
