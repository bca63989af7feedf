/**
 * Just enough XML for WordprocessingML parts: a streaming tokenizer over tags and character data with
 * the predefined and numeric entities. Document type declarations are refused outright, so no entity
 * expansion (billion laughs) or external entity (XXE) can ever be triggered by an upload.
 */

export type XmlToken =
  | {
      readonly kind: 'open';
      readonly name: string;
      readonly attributes: string;
      readonly selfClosing: boolean;
    }
  | { readonly kind: 'close'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string };

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (entity, body: string) => {
    if (body.startsWith('#')) {
      const codePoint =
        body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
    }
    const predefined = PREDEFINED_ENTITIES[body];
    if (predefined === undefined) throw new XmlSyntaxError(`undeclared entity ${entity}`);
    return predefined;
  });
}

/** The attributes of a start tag, by qualified name, with entities decoded. */
export function xmlAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1] ?? '', decodeXmlEntities(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

/** The local part of a qualified name: `w:p` → `p`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Tags and text of an XML document in order; comments, processing instructions and CDATA markers are skipped. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  let position = 0;
  while (position < xml.length) {
    const open = xml.indexOf('<', position);
    if (open === -1) {
      yield { kind: 'text', text: decodeXmlEntities(xml.slice(position)) };
      return;
    }
    if (open > position) yield { kind: 'text', text: decodeXmlEntities(xml.slice(position, open)) };
    if (xml.startsWith('<!--', open)) {
      position = skipPast(xml, '-->', open);
    } else if (xml.startsWith('<![CDATA[', open)) {
      const end = xml.indexOf(']]>', open);
      if (end === -1) throw new XmlSyntaxError('unterminated CDATA section');
      yield { kind: 'text', text: xml.slice(open + 9, end) };
      position = end + 3;
    } else if (xml.startsWith('<!', open)) {
      throw new XmlSyntaxError('document type declarations are not accepted');
    } else if (xml.startsWith('<?', open)) {
      position = skipPast(xml, '?>', open);
    } else {
      const close = xml.indexOf('>', open);
      if (close === -1) throw new XmlSyntaxError('unterminated tag');
      const body = xml.slice(open + 1, close);
      if (body.startsWith('/')) {
        yield { kind: 'close', name: body.slice(1).trim() };
      } else {
        const selfClosing = body.endsWith('/');
        const content = selfClosing ? body.slice(0, -1) : body;
        const nameEnd = content.search(/[\s/]|$/);
        yield {
          kind: 'open',
          name: content.slice(0, nameEnd),
          attributes: content.slice(nameEnd),
          selfClosing,
        };
      }
      position = close + 1;
    }
  }
}

function skipPast(xml: string, terminator: string, from: number): number {
  const end = xml.indexOf(terminator, from);
  if (end === -1) throw new XmlSyntaxError(`unterminated markup, ${terminator} expected`);
  return end + terminator.length;
}
