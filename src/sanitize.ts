/**
 * Text from manifests ends up in messages. Before it reaches a terminal or a one-line format,
 * control characters (escape sequences, carriage returns, newlines) are made visible instead.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\t') return ' ';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
