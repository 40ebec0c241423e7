import type { Finding, LintMessage, LintResult } from './types.js';

/**
 * Group findings into ESLint's LintResult[]: one result per file (files without findings too),
 * sorted by file, messages by line and column; identical findings are kept once.
 */
export function toResults(findings: readonly Finding[], files: readonly string[]): LintResult[] {
  const byFile = new Map<string, Finding[]>();
  for (const file of files) byFile.set(file, []);
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  return [...byFile.keys()].sort().map((file) => toResult(file, byFile.get(file)!));
}

function toResult(filePath: string, findings: Finding[]): LintResult {
  const seen = new Set<string>();
  const messages: LintMessage[] = [];
  for (const finding of [...findings].sort(compareFindings)) {
    const key = [finding.ruleId, finding.line, finding.column, finding.endLine, finding.endColumn, finding.message].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(toMessage(finding));
  }
  const errors = messages.filter((message) => message.severity === 2);
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: errors.length,
    fatalErrorCount: errors.filter((message) => message.fatal).length,
    warningCount: messages.length - errors.length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

function toMessage(finding: Finding): LintMessage {
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
  return message;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
