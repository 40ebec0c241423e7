// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function visible(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Text from manifests ends up in messages. Before it reaches a terminal or a one-line format,
 * control characters (escape sequences, carriage returns, newlines) are made visible instead.
 */
export function oneLine(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\t') return ' ';
    return visible(char);
  });
}

/**
 * oneLine, with every run of whitespace (as JavaScript's \s counts it, no-break spaces included)
 * collapsed to one space and the ends trimmed: for column layouts whose readers split on two spaces.
 */
export function singleSpaced(text: string): string {
  return oneLine(text).replace(/\s+/g, ' ').trim();
}

/** Control characters made visible as oneLine does, except line breaks (\n, \r): for formats that encode those. */
export function keepingLineBreaks(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => {
    if (char === '\n' || char === '\r') return char;
    if (char === '\t') return ' ';
    return visible(char);
  });
}

/** Longest value quoted in a message (characters): message placeholders, paths and values in usage errors. */
export const MAX_QUOTED = 200;

/** `text`, cut to `max` characters (the last one an ellipsis) when longer: for values quoted in messages. */
export function bounded(text: string, max = MAX_QUOTED): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
