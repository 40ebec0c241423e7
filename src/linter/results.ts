import { byCodeUnits } from '../util/compare.js';
import type { SuppressedFinding } from './suppressions.js';
import type { Finding, LintMessage, LintResult } from '../types.js';

/**
 * Group findings into ESLint's LintResult[]: one result per file (files without findings too),
 * sorted by file, messages by line and column; identical findings are kept once.
 */
export function toResults(
  findings: readonly Finding[],
  suppressed: readonly SuppressedFinding[],
  files: readonly string[],
): LintResult[] {
  const byFile = new Map<string, { findings: Finding[]; suppressed: SuppressedFinding[] }>();
  const entry = (file: string) => {
    let found = byFile.get(file);
    if (!found) byFile.set(file, (found = { findings: [], suppressed: [] }));
    return found;
  };
  for (const file of files) entry(file);
  for (const finding of findings) entry(finding.file).findings.push(finding);
  for (const finding of suppressed) entry(finding.file).suppressed.push(finding);
  return [...byFile.keys()].sort().map((file) => toResult(file, byFile.get(file)!));
}

function toResult(filePath: string, { findings, suppressed }: { findings: Finding[]; suppressed: SuppressedFinding[] }): LintResult {
  const messages = toMessages(findings);
  const errors = messages.filter((message) => message.severity === 2);
  return {
    filePath,
    messages,
    suppressedMessages: toMessages(suppressed),
    errorCount: errors.length,
    fatalErrorCount: errors.filter((message) => message.fatal).length,
    warningCount: messages.length - errors.length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

/** Sorted by position; identical findings (same rule, range and message) kept once. */
function toMessages(findings: readonly (Finding & { suppressions?: SuppressedFinding['suppressions'] })[]): LintMessage[] {
  const seen = new Set<string>();
  const messages: LintMessage[] = [];
  for (const finding of [...findings].sort(compareFindings)) {
    const key = [finding.ruleId, finding.line, finding.column, finding.endLine, finding.endColumn, finding.message].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(toMessage(finding));
  }
  return messages;
}

function toMessage(finding: Finding & { suppressions?: SuppressedFinding['suppressions'] }): LintMessage {
  const message: LintMessage = {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
  if (finding.fatal) message.fatal = true;
  if (finding.path) message.path = finding.path;
  if (finding.kind) message.kind = finding.kind;
  if (finding.namespace) message.namespace = finding.namespace;
  if (finding.name) message.name = finding.name;
  if (finding.suppressions) message.suppressions = finding.suppressions;
  return message;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || byCodeUnits(a.ruleId, b.ruleId) || byCodeUnits(a.message, b.message);
}
