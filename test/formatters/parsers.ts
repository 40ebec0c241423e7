import { SaxesParser } from 'saxes';

/**
 * How the Actions runner reads a line of step output (actions/runner, src/Runner.Common/ActionCommand.cs):
 * TryParseV2 trims leading space, needs `::` at the start, ends the command part at the next `::`, splits
 * the name at the first space and the properties at `,` and `=`; UnescapeProperty / UnescapeData undo
 * the escaping. Registered commands include error and warning.
 */
export function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } | null {
  const message = line.trimStart();
  if (!message.startsWith('::')) return null;
  const end = message.indexOf('::', 2);
  if (end < 0) return null;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const property of info.slice(space + 1).trim().split(',').filter(Boolean)) {
      const equals = property.indexOf('=');
      if (equals > 0 && equals < property.length - 1) properties[property.slice(0, equals)] = unescape(property.slice(equals + 1), true);
    }
  }
  return { command, properties, data: unescape(message.slice(end + 2), false) };
}

function unescape(text: string, property: boolean): string {
  let result = text.replaceAll('%0D', '\r').replaceAll('%0A', '\n');
  if (property) result = result.replaceAll('%3A', ':').replaceAll('%2C', ',');
  return result.replaceAll('%25', '%');
}

export interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** Parse with saxes, a conformant XML 1.0 parser: any well-formedness error (bad character, entity, nesting) throws. */
export function parseXml(xml: string): Element {
  const parser = new SaxesParser();
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: Element = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => {
    stack[stack.length - 1].text += text;
  });
  parser.write(xml).close();
  return root.children[0];
}
