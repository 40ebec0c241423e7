import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatResults } from './formatters/index.js';
import { pathFromCwd } from './formatters/paths.js';
import { lintFiles } from './lint.js';
import { exitCode, reportNotes, tooManyWarnings } from './notes.js';
import { parseBoolean, parseCount, resolveOptions, type Settings } from './options.js';
import { writeReportFile } from './report-file.js';
import type { LintResult } from './types.js';
import { UsageError } from './util/errors.js';
import { bounded, oneLine } from './util/sanitize.js';

/** The Action input of each setting, for error messages. */
const INPUT_NAMES: Partial<Record<keyof Settings, string>> = {
  config: 'config',
  kubernetesVersion: 'kubernetes-version',
  strict: 'strict',
  strictKinds: 'strict-kinds',
  schemaDirs: 'schema-dir',
  namespace: 'namespace',
  contextPaths: 'context',
  maxWarnings: 'max-warnings',
  base: 'base',
  baseFiles: 'base-files',
};

/**
 * The GitHub Action's entry point (action.yml runs bin/stslint-action.js). Inputs arrive as INPUT_* environment
 * variables, set by action.yml from `inputs.*` without going through a shell; an empty input means "not given",
 * so the config file's setting applies. It prints the stylish report for the log and workflow commands for
 * annotations, writes an optional SARIF file, the step outputs and a job summary.
 */
export async function runAction(env: NodeJS.ProcessEnv, stdout: (text: string) => void): Promise<number> {
  const input = (name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  try {
    const resolved = resolveOptions(actionSettings(input), workspace, (setting) => `input '${INPUT_NAMES[setting] ?? setting}'`);
    const paths = list(input('paths'));
    const run = await lintFiles(paths.length > 0 ? paths : ['.'], resolved.lint);
    const log = { stderr: stdout, cwd: workspace };
    reportNotes(run, resolved.config?.path, false, log);
    const exceeded = tooManyWarnings(run.results, resolved.maxWarnings);
    const context = { cwd: workspace, color: false, maxWarningsExceeded: exceeded };
    stdout(await formatResults('stylish', run.results, context));
    stdout(await formatResults(input('format') || 'github', run.results, context));
    if (input('sarif-file')) await writeReportFile(resolve(workspace, input('sarif-file')), await formatResults('sarif', run.results, context));

    const errors = sum(run.results, 'errorCount');
    const warnings = sum(run.results, 'warningCount');
    if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `error-count=${errors}\nwarning-count=${warnings}\n`);
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summary(run.results, workspace, errors, warnings));
    return exitCode(run, exceeded, { allToFiles: false, quiet: false }, log);
  } catch (error) {
    const reason = error instanceof UsageError ? error.message : `internal error: ${(error as Error).message}`;
    stdout(`stslint: ${bounded(oneLine(reason), 1000)}\n`);
    return 2;
  }
}

// For bin/stslint-action.js: a log that cannot be written is exit 2 with one line.
export { finishOutput, output } from './stdio.js';

/** The Action's inputs as settings; an empty input is not given. Throws UsageError for a malformed value. */
function actionSettings(input: (name: string) => string): Settings {
  const given = (name: string) => input(name) || undefined;
  const flag = (name: string) => (given(name) === undefined ? undefined : parseBoolean(input(name), `input '${name}'`));
  return {
    config: given('config'),
    kubernetesVersion: given('kubernetes-version'),
    strict: flag('strict'),
    strictKinds: flag('strict-kinds'),
    schemaDirs: list(input('schema-dir')),
    namespace: given('namespace'),
    contextPaths: list(input('context')),
    maxWarnings: given('max-warnings') === undefined ? undefined : parseCount(input('max-warnings'), "input 'max-warnings'", true),
    base: given('base'),
    baseFiles: list(input('base-files')),
  };
}

/** Paths, separated by newlines or spaces (a multi-line YAML string in the workflow is the usual form). */
function list(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

function sum(results: LintResult[], key: 'errorCount' | 'warningCount'): number {
  return results.reduce((total, result) => total + result[key], 0);
}

const SUMMARY_ROWS = 50;

/** A short Markdown job summary: counts, then the first findings as a table. */
export function summary(results: LintResult[], workspace: string, errors: number, warnings: number): string {
  const rows = results.flatMap((result) =>
    result.messages.map((message) => {
      const file = pathFromCwd(result.filePath, workspace);
      const level = message.severity === 2 ? 'error' : 'warning';
      return `| ${cell(`${file}:${message.line}:${message.column}`)} | ${level} | ${cell(message.ruleId ?? '')} | ${cell(message.message)} |`;
    }),
  );
  const files = results.length;
  let text = `## stslint\n\n${errors} ${errors === 1 ? 'error' : 'errors'} and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} in ${files} ${files === 1 ? 'file' : 'files'}.\n`;
  if (rows.length > 0) {
    text += `\n| Location | Severity | Rule | Message |\n|---|---|---|---|\n${rows.slice(0, SUMMARY_ROWS).join('\n')}\n`;
    if (rows.length > SUMMARY_ROWS) text += `\n…and ${rows.length - SUMMARY_ROWS} more: see the annotations and the log.\n`;
  }
  return `${text}\n`;
}

/** Table cell text: one line, no Markdown or HTML that manifest contents could inject. */
function cell(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (char) => `\\${char}`);
}
