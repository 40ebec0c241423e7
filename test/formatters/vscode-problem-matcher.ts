/**
 * A test-side model of VS Code's task problem matchers, enough to run the built-in `$eslint-stylish`
 * and `$eslint-compact` matchers over formatter output.
 *
 * Source (microsoft/vscode):
 * - src/vs/workbench/contrib/tasks/common/problemMatcher.ts — the patterns (ProblemPatternRegistry
 *   `eslint-compact`, `eslint-stylish`), the matchers (ProblemMatcherRegistry: owner eslint,
 *   fileLocation absolute), SingleLineMatcher/MultiLineMatcher (`handle`, `next`: only the last pattern
 *   loops, each looping line clones the data of the lines before it), fillProblemData (file, message,
 *   code and severity trimmed), createLocation (no end column: the end is the start), getSeverity.
 * - src/vs/workbench/contrib/tasks/common/problemCollectors.ts — AbstractProblemCollector.tryFindMarker:
 *   a looping matcher gets each next line first; when it fails, the buffer is cleared and the line goes
 *   into the buffer of matchLength lines, which is tried whenever it is full and cleared after a match.
 */

export interface ProblemPattern {
  regexp: RegExp;
  file?: number;
  line?: number;
  character?: number;
  severity?: number;
  message?: number;
  code?: number;
  loop?: boolean;
}

export interface ProblemMatcher {
  name: string;
  /** FileLocationKind.Absolute for both ESLint matchers. */
  fileLocation: 'absolute';
  patterns: ProblemPattern[];
}

/** `$eslint-compact` as VS Code defines it. */
export const ESLINT_COMPACT: ProblemMatcher = {
  name: 'eslint-compact',
  fileLocation: 'absolute',
  patterns: [
    {
      regexp: /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/,
      file: 1,
      line: 2,
      character: 3,
      severity: 4,
      message: 5,
      code: 6,
    },
  ],
};

/** `$eslint-stylish` as VS Code defines it: a file line, then looping message lines. */
export const ESLINT_STYLISH: ProblemMatcher = {
  name: 'eslint-stylish',
  fileLocation: 'absolute',
  patterns: [
    { regexp: /^((?:[a-zA-Z]:)*[./\\]+.*?)$/, file: 1 },
    { regexp: /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.+?)(?:\s\s+(.*))?$/, line: 1, character: 2, severity: 3, message: 4, code: 5, loop: true },
  ],
};

export interface Marker {
  /** The resource path VS Code opens (fileLocation absolute: normalized, `/`-separated, rooted). */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  code?: string;
}

type ProblemData = Partial<Record<'file' | 'line' | 'character' | 'severity' | 'message' | 'code', string>>;

const TRIMMED = new Set(['file', 'message', 'code', 'severity']);

function fill(data: ProblemData, pattern: ProblemPattern, match: RegExpExecArray): void {
  for (const property of ['file', 'message', 'code', 'severity', 'line', 'character'] as const) {
    const group = pattern[property];
    if (data[property] !== undefined || group === undefined || group >= match.length) continue;
    const value = match[group];
    if (value !== undefined) data[property] = TRIMMED.has(property) ? value.trim() : value;
  }
}

function severityOf(value: string | undefined): Marker['severity'] {
  const lower = value?.toLowerCase();
  if (lower === 'warning' || lower === 'warn' || lower === 'w') return 'warning';
  if (lower === 'info' || lower === 'i' || lower === 'hint' || lower === 'note') return 'info';
  return 'error'; // the matcher's default severity
}

function toMarker(data: ProblemData): Marker | null {
  if (!data.file || !data.line || !data.message) return null;
  const line = parseInt(data.line, 10);
  const column = data.character ? parseInt(data.character, 10) : 1;
  let file = data.file.replace(/\\/g, '/');
  if (!file.startsWith('/')) file = `/${file}`;
  const marker: Marker = { file, line, column, endLine: line, endColumn: column, severity: severityOf(data.severity), message: data.message };
  if (data.code !== undefined) marker.code = data.code;
  return marker;
}

/** Feed output line by line to one matcher, as a task's problem collector does; returns the markers found. */
export function matchOutput(matcher: ProblemMatcher, output: string): Marker[] {
  const { patterns } = matcher;
  const markers: Marker[] = [];
  let buffer: string[] = [];
  let loopData: ProblemData | undefined;
  for (const line of output.split('\n').map((text) => text.replace(/\r$/, ''))) {
    if (loopData) {
      const looping = patterns[patterns.length - 1];
      const match = looping.regexp.exec(line);
      if (match) {
        const data = { ...loopData };
        fill(data, looping, match);
        const marker = toMarker(data);
        if (marker) markers.push(marker);
        continue;
      }
      loopData = undefined;
      buffer = [];
    }
    buffer.push(line);
    if (buffer.length > patterns.length) buffer.shift();
    if (buffer.length < patterns.length) continue;
    const handled = handle(patterns, buffer);
    if (handled) {
      markers.push(handled.marker);
      loopData = handled.loopData;
      buffer = [];
    }
  }
  return markers;
}

function handle(patterns: ProblemPattern[], lines: string[]): { marker: Marker; loopData?: ProblemData } | null {
  let data: ProblemData = {};
  let loopData: ProblemData | undefined;
  for (const [index, pattern] of patterns.entries()) {
    const match = pattern.regexp.exec(lines[index]);
    if (!match) return null;
    if (pattern.loop && index === patterns.length - 1) {
      loopData = data;
      data = { ...data };
    }
    fill(data, pattern, match);
  }
  const marker = toMarker(data);
  return marker ? { marker, loopData } : null;
}
