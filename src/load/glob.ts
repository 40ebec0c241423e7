/**
 * Glob patterns from users (`ignorePatterns`, command-line globs), matched in time proportional to the length of
 * the path times the length of the pattern. picomatch compiles a pattern to a backtracking regular expression,
 * where each further `*` multiplies the cost of a path that does not match: `*a*a*a*a*b` against a 124-character
 * name takes seconds, `**∕a∕**∕a∕**∕a∕**∕b` against a deep path minutes.
 *
 * Syntax (picomatch's and ESLint's, with `dot: true`): `*` any characters but `/` (hidden names included), `?` one
 * such character, `[abc]` and `[a-z]` one character of a set, `[!a]` or `[^a]` one not of it (as POSIX and
 * gitignore read `[!a]`; picomatch reads a set of `!` and `a`), `**` as a whole path segment any number of
 * segments, `{a,b}` and `{1..3}` alternatives, `\` quotes the next character, a leading `./` is dropped, a trailing
 * `/` means everything below, a leading `!` takes back what earlier patterns matched. Extended globs (`@(a|b)`,
 * `!(a)`, `+(a)`, `*(a)`, `?(a)`) and POSIX classes (`[[:alpha:]]`) are not supported (a UsageError).
 *
 * How it stays linear: between two stars, a run of one-character tests (or, for `**`, of whole-segment tests) has
 * a fixed length, and taking each run at its leftmost place is always right; only the last run is tied to the end.
 * That is the classic greedy wildcard match, applied to characters and to segments.
 */
import { UsageError } from '../util/errors.js';
import { bounded } from '../util/sanitize.js';

/** Most alternatives one pattern's braces may expand to. */
export const MAX_BRACE_EXPANSION = 256;

type Test<T> = (item: T) => boolean;
/** Runs of fixed-length tests, with a star between each two: [[a], [b, ?]] is `a*b?`. */
type Pieces<T> = Test<T>[][];

/**
 * A matcher of relative `/`-separated paths for a list of patterns, as an ignore list reads them: a path is
 * matched when the last pattern deciding on it is not negated (`!pattern` takes a path back). Throws UsageError,
 * naming `setting`, for a pattern that is not supported or expands to more than MAX_BRACE_EXPANSION alternatives.
 */
export function globMatcher(patterns: readonly string[], setting: string): (path: string) => boolean {
  const compiled = patterns.map((pattern) => {
    const negated = pattern.startsWith('!');
    const alternatives = expandBraces(negated ? pattern.slice(1) : pattern, pattern, setting).map((alternative) => compile(alternative, pattern, setting));
    return { negated, matches: (segments: string[]) => alternatives.some((pieces) => matchPieces(pieces, segments)) };
  });
  return (path) => {
    const segments = path.split('/');
    let matched = false;
    for (const { negated, matches } of compiled) if (matched === negated && matches(segments)) matched = !negated;
    return matched;
  };
}

/** The pieces of one brace-free pattern, over path segments. */
function compile(pattern: string, original: string, setting: string): Pieces<string> {
  const segments = pattern.replace(/^(\.\/)+/, '').split('/');
  // `dir/` is everything below dir.
  if (segments.length > 1 && segments.at(-1) === '') segments[segments.length - 1] = '**';
  const pieces: Pieces<string> = [[]];
  for (const [index, segment] of segments.entries()) {
    if (segment === '**') {
      if (pieces.at(-1)!.length > 0 || index === 0) pieces.push([]);
      continue;
    }
    const chars = segmentPieces(segment, original, setting);
    pieces.at(-1)!.push((name) => name !== '' && matchPieces(chars, [...name]));
  }
  return pieces;
}

/** The pieces of one path segment of a pattern, over characters (code points). */
function segmentPieces(segment: string, original: string, setting: string): Pieces<string> {
  const pieces: Pieces<string> = [[]];
  const chars = [...segment];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if ('@!+*?'.includes(char) && chars[i + 1] === '(') throw unsupported(original, setting, 'extended globs such as @(a|b)');
    if (char === '*') {
      if (pieces.at(-1)!.length > 0 || pieces.length === 1) pieces.push([]);
      continue;
    }
    if (char === '?') pieces.at(-1)!.push(() => true);
    else if (char === '\\' && i + 1 < chars.length) pieces.at(-1)!.push(equals(chars[++i]));
    else if (char === '[' && chars.indexOf(']', i + 2) > 0) {
      const end = chars.indexOf(']', i + 2);
      pieces.at(-1)!.push(characterClass(chars.slice(i + 1, end).join(''), original, setting));
      i = end;
    } else pieces.at(-1)!.push(equals(char));
  }
  return pieces;
}

function equals(expected: string): Test<string> {
  return (char) => char === expected;
}

/** `[…]`: a set of characters and ranges, negated by a leading `!` or `^`. */
function characterClass(body: string, original: string, setting: string): Test<string> {
  if (body.includes('[:')) throw unsupported(original, setting, 'POSIX classes such as [[:alpha:]]');
  const negated = body[0] === '!' || body[0] === '^';
  const set = [...(negated ? body.slice(1) : body)];
  const ranges: [string, string][] = [];
  for (let i = 0; i < set.length; i++) {
    if (set[i] === '\\' && i + 1 < set.length) i++;
    const low = set[i];
    if (set[i + 1] === '-' && i + 2 < set.length) {
      ranges.push([low, set[i + 2]]);
      i += 2;
    } else ranges.push([low, low]);
  }
  return (char) => ranges.some(([low, high]) => char >= low && char <= high) !== negated;
}

/**
 * Whether the tests match the items, with any number of items (none included) at each star between two pieces.
 * The first piece is tied to the start, the last to the end; each piece in between is taken at its leftmost place.
 */
function matchPieces<T>(pieces: Pieces<T>, items: readonly T[]): boolean {
  const fitsAt = (piece: Test<T>[], at: number) => piece.every((test, offset) => test(items[at + offset]));
  const first = pieces[0];
  if (pieces.length === 1) return first.length === items.length && fitsAt(first, 0);
  const last = pieces[pieces.length - 1];
  const end = items.length - last.length;
  if (end < first.length || !fitsAt(first, 0) || !fitsAt(last, end)) return false;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    while (at + piece.length <= end && !fitsAt(piece, at)) at++;
    if (at + piece.length > end) return false;
    at += piece.length;
  }
  return true;
}

/** The alternatives of a pattern's braces, innermost first: `a{b,c{d,e}}` → ab, acd, ace; `{1..3}` → 1, 2, 3. */
function expandBraces(pattern: string, original: string, setting: string): string[] {
  const open = innermostBrace(pattern);
  if (!open) return [pattern];
  const [start, end] = open;
  const body = pattern.slice(start + 1, end);
  const range = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
  const options = range ? numbers(Number(range[1]), Number(range[2]), original, setting) : splitOptions(body);
  if (options.length < 2 && !range) return expandBraces(`${pattern.slice(0, start)}\\{${body}\\}${pattern.slice(end + 1)}`, original, setting);
  const expanded: string[] = [];
  for (const option of options) {
    for (const alternative of expandBraces(pattern.slice(0, start) + option + pattern.slice(end + 1), original, setting)) {
      expanded.push(alternative);
      if (expanded.length > MAX_BRACE_EXPANSION) {
        throw new UsageError(`${setting}: '${bounded(original)}' expands to more than ${MAX_BRACE_EXPANSION} patterns`);
      }
    }
  }
  return expanded;
}

/** The first `{` whose `}` closes it with no `{` in between (unquoted), as [index of {, index of }]. */
function innermostBrace(pattern: string): [number, number] | undefined {
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '{') open = i;
    else if (pattern[i] === '}' && open >= 0) return [open, i];
  }
  return undefined;
}

function splitOptions(body: string): string[] {
  const options = [''];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') options[options.length - 1] += body.slice(i, ++i + 1);
    else if (body[i] === ',') options.push('');
    else options[options.length - 1] += body[i];
  }
  return options;
}

function numbers(from: number, to: number, original: string, setting: string): string[] {
  if (Math.abs(to - from) >= MAX_BRACE_EXPANSION) {
    throw new UsageError(`${setting}: '${bounded(original)}' expands to more than ${MAX_BRACE_EXPANSION} patterns`);
  }
  const step = from <= to ? 1 : -1;
  return Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => String(from + i * step));
}

function unsupported(pattern: string, setting: string, what: string): UsageError {
  return new UsageError(`${setting}: '${bounded(pattern)}' uses ${what}, which stslint does not support in patterns`);
}
