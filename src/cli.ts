import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { rules as registry } from '../rules/index.js';
import { formatJson } from './formatters/json.js';
import { formatStylish } from './formatters/stylish.js';
import { UsageError } from './inputs.js';
import { lintPaths, type LintRun, type RawInput } from './lint.js';
import type { LintResult } from './types.js';

export interface Io {
  argv: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Uint8Array;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const LINT_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  'output-file': { type: 'string', short: 'o' },
  'stdin-filename': { type: 'string' },
  strict: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const satisfies ParseArgsConfig['options'];

const HELP = `Usage: stslint [lint] [options] PATH...
       stslint rules [--format stylish|json]

Lint Kubernetes manifests: files, directories (walked for .yaml, .yml, .json),
glob patterns, or - for standard input.

Options:
  -f, --format NAME        stylish (default) or json
  -o, --output-file FILE   write the report to FILE instead of standard output
      --stdin-filename N   name to report standard input under (default <stdin>)
      --strict             also report unknown fields in schema validation
      --max-warnings N     exit 1 when there are more than N warnings
      --quiet              report errors only
      --color, --no-color  force colors on or off (default: on for a terminal)
      --debug              print stack traces of internal errors
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors; 1 errors found, or more warnings than --max-warnings;
2 usage or configuration problem, or an internal error.
`;

/** Run the command line; returns the exit code. Only this module touches argv, output and exit codes. */
export async function main(io: Io): Promise<number> {
  const debug = io.argv.includes('--debug');
  try {
    const [command, ...rest] = io.argv;
    if (command === 'rules') return listRules(rest, io);
    return await lint(command === 'lint' ? rest : io.argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`stslint: ${error.message}\n`);
    } else {
      io.stderr(`stslint: internal error: ${(error as Error)?.message ?? String(error)}\n`);
      if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    }
    return 2;
  }
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

async function lint(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, LINT_OPTIONS);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('No paths given (use - to read standard input); see --help');
  const maxWarnings = values['max-warnings'] === undefined ? -1 : toCount(values['max-warnings'], '--max-warnings');
  const format = values.format;
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`Unknown format '${format}' (use stylish or json)`);

  const stdin: RawInput[] = [];
  if (positionals.includes('-')) {
    const name = values['stdin-filename'] ? resolve(io.cwd, values['stdin-filename']) : '<stdin>';
    stdin.push({ path: name, bytes: io.readStdin() });
  }
  const paths = positionals.filter((path) => path !== '-');
  const run = await lintPaths(paths, { strict: values.strict, cwd: io.cwd }, stdin);
  const results = values.quiet ? errorsOnly(run.results) : run.results;

  const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !values['output-file'] && !io.env.NO_COLOR));
  const report = format === 'json' ? `${formatJson(results)}\n` : formatStylish(results, { color });
  if (values['output-file']) writeFileSync(resolve(io.cwd, values['output-file']), report);
  else io.stdout(report);
  return exitCode(run, maxWarnings);
}

function exitCode(run: LintRun, maxWarnings: number): number {
  if (run.internalError) return 2;
  const errors = run.results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = run.results.reduce((sum, result) => sum + result.warningCount, 0);
  if (errors > 0) return 1;
  return maxWarnings >= 0 && warnings > maxWarnings ? 1 : 0;
}

function errorsOnly(results: LintResult[]): LintResult[] {
  return results.map((result) => ({
    ...result,
    messages: result.messages.filter((message) => message.severity === 2),
    warningCount: 0,
  }));
}

function listRules(args: string[], io: Io): number {
  const { values } = parse(args, { format: LINT_OPTIONS.format, help: LINT_OPTIONS.help });
  const rows = registry.map(({ meta }) => ({ id: meta.id, severity: meta.severity, description: meta.description }));
  if (values.help) io.stdout('Usage: stslint rules [--format stylish|json]\n');
  else if (values.format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else if (values.format === 'stylish') {
    const idWidth = Math.max(...rows.map((row) => row.id.length));
    for (const row of rows) io.stdout(`${row.id.padEnd(idWidth)}  ${row.severity.padEnd(7)}  ${row.description}\n`);
  } else throw new UsageError(`Unknown format '${values.format}' (use stylish or json)`);
  return 0;
}

function toCount(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} expects a whole number, got '${value}'`);
  return Number(value);
}
