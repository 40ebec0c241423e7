import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { rules as registry } from '../rules/index.js';
import { formatResults } from './formatters/index.js';
import { PACKAGE } from './formatters/package-info.js';
import { baseStdin } from './base/load.js';
import { parseCommandLine } from './command-line.js';
import { lintFiles, type LintRun, type RawInput } from './lint.js';
import { severityLabel } from './linter/rule.js';
import { DEFAULT_MAX_FILE_BYTES } from './load/read.js';
import { parseCount, parseRuleFlags, resolveOptions, type Settings } from './options.js';
import { planCommand } from './plan/command.js';
import type { Io } from './io.js';
import { exitCode, reportNotes, tooManyWarnings } from './notes.js';
import { writeReportFile } from './report-file.js';
import { readStandardInput } from './stdio.js';
import type { LintResult } from './types.js';
import { UsageError } from './util/errors.js';
import { append, maxOf } from './util/arrays.js';
import { bounded, oneLine } from './util/sanitize.js';

const LINT_OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o', multiple: true },
  'stdin-filename': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean', default: false },
  rule: { type: 'string', multiple: true },
  context: { type: 'string', multiple: true },
  base: { type: 'string' },
  'base-files': { type: 'string', multiple: true },
  'no-inline-config': { type: 'boolean', default: false },
  'kubernetes-version': { type: 'string' },
  strict: { type: 'boolean' },
  'no-strict': { type: 'boolean' },
  'strict-kinds': { type: 'boolean' },
  'schema-dir': { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  'max-file-size': { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  quiet: { type: 'boolean', default: false },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const satisfies ParseArgsConfig['options'];

const HELP = `Usage: stslint [lint] [options] PATH...
       stslint rules [--format stylish|json]
       stslint plan [options] PATH...   (see stslint plan --help)

Lint Kubernetes manifests: files, directories (walked for .yaml, .yml, .json),
glob patterns, or - for standard input (read until it closes: end of file, Ctrl-D
on a terminal; at most --max-file-size bytes).

Options:
  -f, --format NAME        stylish (default), compact, json, sarif, github, junit,
                           or an ESLint formatter (eslint-formatter-NAME or a path);
                           repeat with --output-file to write several reports
  -o, --output-file FILE   write the report of the matching --format to FILE
      --stdin-filename N   name to report standard input under (default <stdin>)
  -c, --config FILE        use this config file (default: .stslint.yaml, .stslint.yml
                           or .stslint.json in the working directory or a parent)
      --no-config          ignore config files
      --rule ID=SEVERITY   set a rule to off, warn or error (repeatable; wins over the config)
      --context PATH       read PATH for cross-resource lookups only, never report on it
                           (repeatable; for pre-commit, which passes only changed files)
      --base REF           compare with what the same paths held at git revision REF:
                           report changes the API server refuses, and data left behind
      --base-files PATH    compare with previous manifests or live objects (kubectl get
                           -o yaml) in PATH (file, directory or -; repeatable)
      --no-inline-config   ignore suppression comments and stslint.io/ignore annotations
      --kubernetes-version X.Y  target Kubernetes version
      --no-strict          do not report unknown fields (reported by default, as by kubectl apply)
      --strict-kinds       report objects whose kind has no schema (default: skip them)
      --schema-dir DIR     extra JSON Schemas for custom resources (repeatable)
      --max-warnings N     exit 1 when there are more than N warnings
      --max-file-size N    refuse files larger than N bytes (default ${DEFAULT_MAX_FILE_BYTES})
  -n, --namespace NS       namespace of objects that set none (default: default), as kubectl -n
      --quiet              report errors only
      --color, --no-color  force colors on or off (default: on for a terminal)
      --debug              print stack traces of internal errors
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors; 1 errors found, or more warnings than --max-warnings;
2 usage or configuration problem, a report that could not be written, or an
internal error. A non-zero exit always says why on standard error or in the report.
`;

export type { Io };

// For bin/stslint.js, which hands the process's streams to main: output that cannot be written is exit 2 with one
// line, a reader that has gone (`stslint rules | head -1`) ends it quietly, standard input is read as a stream.
export { finishOutput, output, readStream } from './stdio.js';

/** Run the command line; returns the exit code. Only this module touches argv, output and exit codes. */
export async function main(io: Io): Promise<number> {
  const debug = io.argv.includes('--debug');
  try {
    const [command, ...rest] = io.argv;
    if (command === 'rules') return listRules(rest, io);
    if (command === 'plan') return await planCommand(rest, io);
    return await lint(command === 'lint' ? rest : io.argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`stslint: ${bounded(oneLine(error.message), 1000)}\n`);
    } else {
      io.stderr(`stslint: internal error: ${bounded(oneLine((error as Error)?.message ?? String(error)), 1000)}\n`);
      if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    }
    return 2;
  }
}

async function lint(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(args, LINT_OPTIONS, 'stslint lint');
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${PACKAGE.version}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('No paths given (use - to read standard input); see --help');
  refuseConflicts(values, positionals);
  const reports = pairReports(values.format ?? [], values['output-file'] ?? [], io.cwd);
  const resolved = resolveOptions(cliSettings(values), io.cwd, (setting) => FLAG_NAMES[setting] ?? setting);
  const { config, maxWarnings } = resolved;

  const stdin: RawInput[] = [];
  if (positionals.includes('-')) stdin.push(await readStandardInput(io, values['stdin-filename'], resolved.lint.maxFileBytes));
  append(stdin, await baseStdin(values['base-files'], positionals, io.readStdin, resolved.lint.maxFileBytes));
  const progress = progressLine(io);
  const run = await lintFiles(positionals.filter((path) => path !== '-'), { ...resolved.lint, onProgress: progress.update }, stdin);
  progress.clear();
  reportNotes(run, config?.path, values.quiet, io);
  const results = values.quiet ? errorsOnly(run.results) : run.results;
  const exceeded = tooManyWarnings(run.results, maxWarnings);

  // Only a report on standard output is colored: io.isTTY is read for it alone (reading it sets up the stream).
  const color = () => (values['no-color'] ? false : (values.color ?? (io.isTTY && !io.env.NO_COLOR)));
  refuseOverwritingInputs(reports, run, [...positionals, ...(values.context ?? []), ...(values['base-files'] ?? [])], config?.path, io.cwd);
  for (const { format, outputFile } of reports) {
    const text = await formatResults(format, results, { cwd: io.cwd, color: !outputFile && color(), maxWarningsExceeded: exceeded });
    if (outputFile) await writeReportFile(resolve(io.cwd, outputFile), text);
    else io.stdout(text);
  }
  return exitCode(run, exceeded, { allToFiles: reports.every((report) => report.outputFile), quiet: values.quiet }, io);
}

/**
 * Files parsed so far, on one rewritten line of standard error: only on a terminal, outside CI, past 200 files.
 * io.stderrIsTTY is read only past 200 files (reading it sets up the stream).
 */
function progressLine(io: Io): { update: (done: number, total: number) => void; clear: () => void } {
  let shown = false;
  if (io.env.CI) return { update: () => {}, clear: () => {} };
  return {
    update(done, total) {
      if (total <= PROGRESS_MIN_FILES || (done % 50 !== 0 && done !== total) || !io.stderrIsTTY) return;
      io.stderr(`\rstslint: ${done}/${total} files`);
      shown = true;
    },
    clear() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}

const PROGRESS_MIN_FILES = 200;
/**
 * Pair each --format with the --output-file at the same position; at most one report goes to standard output, and
 * no two reports to one file (compared as real paths, through symbolic links).
 */
function pairReports(formats: string[], outputFiles: string[], cwd: string): { format: string; outputFile?: string }[] {
  if (outputFiles.length > Math.max(formats.length, 1)) throw new UsageError('More --output-file than --format options');
  const reports = (formats.length > 0 ? formats : ['stylish']).map((format, i) => ({ format, outputFile: outputFiles[i] }));
  if (reports.filter((report) => !report.outputFile).length > 1) {
    throw new UsageError('Several --format options need an --output-file each (all but one)');
  }
  const files = outputFiles.map((file) => realPath(resolve(cwd, file)));
  const twice = files.findIndex((file, i) => files.indexOf(file) !== i);
  if (twice >= 0) throw new UsageError(`--output-file '${bounded(outputFiles[twice])}' is given to two reports; give each --format its own file`);
  return reports;
}

/**
 * Refuse a report file that is one of the run's inputs: a path named on the command line (manifests, --context,
 * --base-files), the config file, or a file the run found objects or problems in. An earlier report met in a walked
 * directory holds no object (it is skipped), so writing it again is allowed.
 */
function refuseOverwritingInputs(reports: { outputFile?: string }[], run: LintRun, named: string[], configPath: string | undefined, cwd: string): void {
  // A report file that does not exist was not read; one that does is compared by identity (device and inode), which
  // also catches a hard link or a symbolic link to an input, with one stat per input.
  const existing = reports.flatMap(({ outputFile }) => {
    const identity = outputFile ? fileIdentity(resolve(cwd, outputFile)) : undefined;
    return identity ? [{ outputFile: outputFile!, identity }] : [];
  });
  if (existing.length === 0) return;
  const read = new Set([
    ...named.filter((path) => path !== '-').map((path) => resolve(cwd, path)),
    ...(configPath ? [configPath] : []),
    ...run.results.filter((result) => result.messages.length > 0).map((result) => result.filePath),
    ...run.index.linted.map((resource) => resource.source.path),
  ]);
  const identities = new Set([...read].map(fileIdentity));
  for (const { outputFile, identity } of existing) {
    if (identities.has(identity)) {
      throw new UsageError(`--output-file '${bounded(outputFile)}' is one of the files being read; the report would overwrite it`);
    }
  }
}

/**
 * A file's device and inode as `dev:ino`; undefined when it cannot be read as one (absent, or a path through a file:
 * writing the report says why).
 */
function fileIdentity(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

/** The path with symbolic links resolved, for a file that may not exist yet (its directory's real path then). */
function realPath(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : resolve(realPath(parent), basename(path));
}

/** Flags that contradict each other or are ignored in this run: usage errors, never a silent choice. */
function refuseConflicts(values: LintValues, positionals: string[]): void {
  const pairs = [
    ['config', 'no-config'],
    ['color', 'no-color'],
    ['strict', 'no-strict'],
  ] as const;
  for (const [on, off] of pairs) {
    if (values[on] !== undefined && values[off]) throw new UsageError(`--${on} and --${off} contradict each other; give one`);
  }
  if (values['stdin-filename'] !== undefined && !positionals.includes('-')) {
    throw new UsageError('--stdin-filename names standard input, which is read only for the path - (none given)');
  }
}

/** The flag of each setting, for error messages. */
const FLAG_NAMES: Partial<Record<keyof Settings, string>> = {
  config: '--config',
  kubernetesVersion: '--kubernetes-version',
  schemaDirs: '--schema-dir',
  namespace: '--namespace',
  contextPaths: '--context',
  rules: '--rule',
  base: '--base',
  baseFiles: '--base-files',
};

type LintValues = ReturnType<typeof parseCommandLine<typeof LINT_OPTIONS>>['values'];

/** The command line's settings; throws UsageError for a malformed value. */
function cliSettings(values: LintValues): Settings {
  const count = (name: 'max-warnings' | 'max-file-size') => (values[name] === undefined ? undefined : parseCount(values[name], `--${name}`, name === 'max-warnings'));
  return {
    config: values['no-config'] ? false : values.config,
    rules: parseRuleFlags(values.rule ?? []),
    kubernetesVersion: values['kubernetes-version'],
    strict: values['no-strict'] ? false : values.strict,
    strictKinds: values['strict-kinds'],
    schemaDirs: values['schema-dir'],
    namespace: values.namespace,
    contextPaths: values.context,
    inlineConfig: !values['no-inline-config'],
    maxFileBytes: count('max-file-size'),
    maxWarnings: count('max-warnings'),
    base: values.base,
    baseFiles: values['base-files'],
  };
}

function errorsOnly(results: LintResult[]): LintResult[] {
  return results.map((result) => ({
    ...result,
    messages: result.messages.filter((message) => message.severity === 2),
    warningCount: 0,
  }));
}

function listRules(args: string[], io: Io): number {
  const { values } = parseCommandLine(args, { format: { type: 'string', short: 'f', default: 'stylish' }, help: LINT_OPTIONS.help }, 'stslint rules', false);
  const rows = registry.map(({ meta }) => ({
    id: meta.id,
    severity: meta.severity,
    ...(meta.severities ? { severities: meta.severities } : {}),
    ...(meta.fatal ? { fatal: true } : {}),
    description: meta.description,
  }));
  if (values.help) io.stdout(RULES_HELP);
  else if (values.format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else if (values.format === 'stylish') {
    const labels = registry.map(({ meta }) => severityLabel(meta));
    const idWidth = maxOf(rows.map((row) => row.id.length));
    const labelWidth = maxOf(labels.map((label) => label.length));
    rows.forEach((row, i) => io.stdout(`${row.id.padEnd(idWidth)}  ${labels[i].padEnd(labelWidth)}  ${row.description}\n`));
  } else throw new UsageError(`Unknown format '${bounded(values.format ?? '')}' (use stylish or json)`);
  return 0;
}

const RULES_HELP = `Usage: stslint rules [--format stylish|json]

Every rule with its default severity and description. error/warning: the rule
reports at either level, the first being its default (its README says when);
error (fatal): files that cannot be read or parsed, always an error, never
turned off or downgraded.
`;
