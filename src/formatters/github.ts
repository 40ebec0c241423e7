import { keepingLineBreaks } from '../util/sanitize.js';
import type { LintMessage, LintResult } from '../types.js';
import type { FormatterContext } from './context.js';
import { pathFromCwd } from './paths.js';

/**
 * GitHub Actions workflow commands, one line per finding:
 * `::error file=manifests/db.yaml,line=8,col=7,endLine=8,endColumn=15,title=rule-id::message`.
 * The runner turns them into annotations on the changed files. Paths are relative to cwd: run
 * stslint from the repository root (GITHUB_WORKSPACE) so that they are relative to the repository.
 */
export function formatGithub(results: readonly LintResult[], { cwd }: Pick<FormatterContext, 'cwd'>): string {
  let output = '';
  for (const result of results) {
    const file = keepingLineBreaks(pathFromCwd(result.filePath, cwd));
    for (const message of result.messages) output += `${command(file, message)}\n`;
  }
  return output;
}

function command(file: string, message: LintMessage): string {
  const name = message.fatal || message.severity === 2 ? 'error' : 'warning';
  // The runner drops col and endColumn when line and endLine differ (actions/runner,
  // src/Test/L0/Worker/ActionCommandManagerL0.cs, IssueCommandInvalidColumns), so they are sent for one-line ranges only.
  const oneLine = message.line === message.endLine;
  const properties: [string, string | number | null][] = [
    ['file', file],
    ['line', message.line],
    ['col', oneLine ? message.column : null],
    ['endLine', message.endLine],
    ['endColumn', oneLine ? message.endColumn : null],
    ['title', message.ruleId],
  ];
  const props = properties
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(keepingLineBreaks(message.message))}`;
}

// Control characters other than line breaks are made visible (file names included) so that the output is
// also safe on a terminal. Escaping as GitHub's own toolkit does (actions/toolkit, packages/core/src/command.ts: escapeData and
// escapeProperty), undone by the runner (actions/runner, src/Runner.Common/ActionCommand.cs: UnescapeData,
// UnescapeProperty). With line breaks encoded, nothing in a message can start a line, so nothing in it
// can be read as a command: the runner only reads commands at the start of a line (ActionCommand.TryParseV2).
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties also encode `:` and `,`, which end the property list and separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
