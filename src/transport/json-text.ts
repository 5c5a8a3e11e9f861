import { errors } from '../dispatch/errors';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// The same bound the XML reader keeps: deeper nesting is no SoftLayer call, and recursive code
// further on (argument cloning, validation) must never meet an unbounded depth.
export const MAX_JSON_DEPTH = 100;

/** A JSON request body, refused as a bad request when it is not UTF-8, not JSON or too deep. */
export function parseJsonBody(body: Buffer, what: string): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw errors.badRequest(`${what} is not valid UTF-8`);
  }
  return parseJsonText(text, what);
}

export function parseJsonText(text: string, what: string): unknown {
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw errors.badRequest(`${what} is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.badRequest(`${what} is not valid JSON`);
  }
}

// One pass over the text before JSON.parse builds anything; brackets inside strings don't count.
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;

  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return deepest;
}
