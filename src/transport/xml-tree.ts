import { SaxesParser } from 'saxes';

/** A parsed element: its local name (prefix dropped, so `ex:nil` is `nil`), children and text. */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

export class XmlSyntaxError extends Error {}

// Bounds that keep a hostile body from costing unbounded time or memory.
const MAX_DEPTH = 100;
const MAX_ELEMENTS = 200_000;

/**
 * Parses a document into a small element tree. saxes is non-validating and never expands
 * entities beyond the five predefined ones and character references; a DOCTYPE is refused
 * outright so no internal or external entity can ever be declared.
 */
export function parseXml(document: string): XmlElement {
  const parser = new SaxesParser({ position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let elements = 0;

  parser.on('doctype', () => {
    throw new XmlSyntaxError('DOCTYPE declarations are not accepted');
  });
  parser.on('opentag', (tag) => {
    elements += 1;
    if (elements > MAX_ELEMENTS) throw new XmlSyntaxError('too many elements');
    if (stack.length >= MAX_DEPTH) throw new XmlSyntaxError('elements nested too deeply');

    const element: XmlElement = { name: localName(tag.name), children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('cdata', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('error', (error) => {
    throw new XmlSyntaxError(error.message);
  });

  parser.write(document).close();
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
