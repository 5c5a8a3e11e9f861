const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const latin1 = new TextDecoder('latin1');

/**
 * Request bodies are UTF-8 whatever the XML declaration says: softlayer-python declares
 * iso-8859-1 but sends UTF-8. Only bytes that are not valid UTF-8 fall back to a declared
 * Latin-1. Returns undefined when neither reading works.
 */
export function decodeXmlBody(body: Buffer): string | undefined {
  try {
    return utf8.decode(body);
  } catch {
    const head = body.subarray(0, 200).toString('latin1');
    const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
    if (declared && /^(iso-8859-1|latin-?1|iso8859-1|us-ascii)$/i.test(declared)) {
      return latin1.decode(body);
    }
    return undefined;
  }
}
