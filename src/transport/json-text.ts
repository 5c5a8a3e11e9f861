import { errors } from '../dispatch/errors';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// The same bound the XML reader keeps: deeper nesting is no SoftLayer call, and recursive code
// further on (argument cloning, validation, masks) must never meet an unbounded depth.
export const MAX_JSON_DEPTH = 100;

export type JsonReading = { ok: true; value: unknown } | { ok: false; problem: string };

/** Reads a JSON body that must be UTF-8, well formed and at most MAX_JSON_DEPTH deep. */
export function readJsonBody(body: Buffer, what: string): JsonReading {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { ok: false, problem: `${what} is not valid UTF-8` };
  }
  return readJsonText(text, what);
}

export function readJsonText(text: string, what: string): JsonReading {
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    return { ok: false, problem: `${what} is nested deeper than ${MAX_JSON_DEPTH} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: `${what} is not valid JSON` };
  }
}

/** readJsonBody, with a problem thrown as SoftLayer's bad request. */
export function parseJsonBody(body: Buffer, what: string): unknown {
  const reading = readJsonBody(body, what);
  if (!reading.ok) throw errors.badRequest(reading.problem);
  return reading.value;
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
