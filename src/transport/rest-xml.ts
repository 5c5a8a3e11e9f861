// REST answers in XML when the URL ends in .xml (SLDN rest.md): the value inside <root>, an
// object as one element per property, a list as <item> elements, errors as <error> and <code>.

import { escapeXmlText } from './xml-text';

const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function encodeRestXml(value: unknown): string {
  return `${PROLOG}<root>${encodeContent(value)}</root>\n`;
}

export function encodeRestXmlError(message: string, code: string): string {
  return encodeRestXml({ error: message, code });
}

function encodeContent(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => element('item', item)).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== null && member !== undefined)
      .map(([name, member]) => element(safeName(name), member))
      .join('');
  }
  return escapeXmlText(String(value));
}

function element(name: string, value: unknown): string {
  return `<${name}>${encodeContent(value)}</${name}>`;
}

// Property names are SoftLayer's own and already valid; anything else is made into one.
function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
