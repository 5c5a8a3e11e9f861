/**
 * A value a client sent, as text when it is a scalar; undefined for structs, lists and null.
 * `String()` would call a struct's own `toString` member, and a member of that name holding
 * data (`{"toString": "x"}` is valid JSON and XML-RPC) makes it throw.
 */
export function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return undefined;
  }
}
