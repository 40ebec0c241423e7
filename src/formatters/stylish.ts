import { oneLine, singleSpaced } from '../util/sanitize.js';
import type { LintResult } from '../types.js';
import type { MaxWarningsExceeded } from './context.js';
import { maxOf } from '../util/arrays.js';

export interface StylishOptions {
  color: boolean;
  maxWarningsExceeded?: MaxWarningsExceeded;
}

const STYLES = { red: 31, yellow: 33, dim: 2, bold: 1, underline: 4 } as const;

/**
 * ESLint's stylish layout: the absolute file path, one row per finding
 * (`  line:col  severity  message  rule-id`), then a summary line, which says when there are more warnings than
 * `--max-warnings` allows.
 * VS Code's `$eslint-stylish` problem matcher reads it unchanged: its row pattern ends the message
 * at the first two spaces, so messages are single-spaced (test/formatters/vscode-matchers.test.ts).
 */
export function formatStylish(results: readonly LintResult[], { color, maxWarningsExceeded }: StylishOptions): string {
  const paint = (style: keyof typeof STYLES, text: string) =>
    color ? `\u001b[${STYLES[style]}m${text}\u001b[${style === 'dim' || style === 'bold' ? 22 : style === 'underline' ? 24 : 39}m` : text;
  let output = '';
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    const rows = result.messages.map((message) => ({
      line: String(message.line),
      column: String(message.column),
      severity: message.severity === 2 ? 'error' : 'warning',
      text: singleSpaced(message.message).replace(/([^ ])\.$/u, '$1'),
      ruleId: message.ruleId ?? '',
    }));
    const width = (pick: (row: (typeof rows)[number]) => string) => maxOf(rows.map((row) => pick(row).length));
    const [lineWidth, columnWidth, severityWidth, textWidth] = [
      width((row) => row.line),
      width((row) => row.column),
      width((row) => row.severity),
      width((row) => row.text),
    ];
    output += `\n${paint('underline', oneLine(result.filePath))}\n`;
    for (const row of rows) {
      const position = `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`;
      const severity = paint(row.severity === 'error' ? 'red' : 'yellow', row.severity.padEnd(severityWidth));
      output += `  ${paint('dim', position)}  ${severity}  ${row.text.padEnd(textWidth)}  ${paint('dim', row.ruleId)}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0) return '';
  let summary = `\u2716 ${total} ${plural(total, 'problem')} (${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')})`;
  if (maxWarningsExceeded) summary += `: too many warnings, at most ${maxWarningsExceeded.maxWarnings} allowed (--max-warnings)`;
  output += `\n${paint('bold', paint(errors > 0 || maxWarningsExceeded ? 'red' : 'yellow', summary))}\n`;
  return output;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
