import { oneLine, singleSpaced } from '../util/sanitize.js';
import type { LintMessage, LintResult } from '../types.js';

/**
 * ESLint's compact layout, one line per finding:
 * `/abs/file.yaml: line 8, col 7, Error - message (rule-id)`, then `N problems`.
 * VS Code's `$eslint-compact` problem matcher reads it.
 */
export function formatCompact(results: readonly LintResult[]): string {
  let output = '';
  let total = 0;
  for (const result of results) {
    const file = oneLine(result.filePath);
    for (const message of result.messages) {
      total++;
      const type = message.fatal || message.severity === 2 ? 'Error' : 'Warning';
      const rule = message.ruleId ? ` (${message.ruleId})` : '';
      output += `${file}: line ${message.line}, col ${message.column}, ${type} - ${compactMessage(message)}${rule}\n`;
    }
  }
  return total > 0 ? `${output}\n${total} problem${total === 1 ? '' : 's'}\n` : '';
}

/**
 * The matcher's file group is greedy: it ends at the last `: line N, col N, Error - ` of the line.
 * A message that contains that sequence would swallow the real one, so its colon becomes a semicolon.
 */
function compactMessage(message: LintMessage): string {
  return singleSpaced(message.message).replace(/:(?= line \d+, col \d+, (?:Error|Warning|Info) - )/g, ';');
}
