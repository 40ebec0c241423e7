import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ruleDocsUrl } from '../formatters/package-info.js';
import type { LintRun } from '../linter/linter.js';
import type { Finding } from '../types.js';

/** What the server keeps per open buffer: the last run, to answer code actions and hovers without linting again. */
export interface BufferState {
  uri: string;
  path: string;
  run?: LintRun;
  /** The buffer's objects at the last lint: tells whether a change can matter to the other buffers. */
  objects?: unknown[];
}

/** A finding as a diagnostic: 0-based range, severity, rule id as code with its docs link. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: {
      start: { line: finding.line - 1, character: finding.column - 1 },
      end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
    },
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'stslint',
    message: finding.message,
    code: finding.ruleId,
  };
  if (finding.ruleId !== 'internal-error') diagnostic.codeDescription = { href: ruleDocsUrl(finding.ruleId) };
  return diagnostic;
}

