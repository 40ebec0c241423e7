import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { Finding } from '../types.js';
import { textEdits, type OffsetEdit } from './edits.js';
import { toDiagnostic, type BufferState } from './diagnostics.js';
import type { Workspace } from './workspace.js';

/**
 * The code actions for the findings of a buffer that touch `range`: a `# stslint-disable-next-line <rule> -- `
 * comment above the finding's line (the cursor at the reason where the client takes snippets), and each change the
 * rule suggests, offered only when the changed text lints without the finding and without any new error.
 */
export function codeActions(state: BufferState, range: Range, workspace: Workspace, snippets: boolean): CodeAction[] {
  const text = workspace.text(state.path);
  if (!state.run || text === undefined) return [];
  const findings = state.run.findings.filter((finding) => finding.file === state.path && touches(finding, range));
  return findings.flatMap((finding) => [
    ...suggestionActions(state, finding, text, workspace),
    ...(finding.fatal ? [] : [suppressionAction(state, finding, text, snippets)]),
  ]);
}

function touches(finding: Finding, range: Range): boolean {
  const startsBefore = finding.line - 1 < range.end.line || (finding.line - 1 === range.end.line && finding.column - 1 <= range.end.character);
  const endsAfter = finding.endLine - 1 > range.start.line || (finding.endLine - 1 === range.start.line && finding.endColumn - 1 >= range.start.character);
  return startsBefore && endsAfter;
}

function suppressionAction(state: BufferState, finding: Finding, text: string, snippets: boolean): CodeAction {
  const lineText = text.split('\n')[finding.line - 1] ?? '';
  const indent = /^[ \t]*(?:- )*/.exec(lineText)![0].replace(/-/g, ' ');
  const comment = `${indent}# stslint-disable-next-line ${finding.ruleId} -- `;
  const at = { line: finding.line - 1, character: 0 };
  const edit: TextEdit & { insertTextFormat?: number } = { range: { start: at, end: at }, newText: `${comment}${snippets ? '$0' : ''}\n` };
  const workspaceEdit = snippets
    ? { documentChanges: [{ textDocument: { uri: state.uri, version: null }, edits: [{ range: edit.range, snippet: { kind: 'snippet', value: edit.newText } }] }] }
    : { changes: { [state.uri]: [edit] } };
  return {
    title: `Disable ${finding.ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(finding)],
    edit: workspaceEdit as CodeAction['edit'],
  };
}

function suggestionActions(state: BufferState, finding: Finding, text: string, workspace: Workspace): CodeAction[] {
  if (!finding.resource || !finding.suggestions) return [];
  return finding.suggestions.flatMap((suggestion) => {
    const edits = textEdits(text, finding.resource!, suggestion.edits);
    if (!edits || edits.length === 0) return [];
    const changed = apply(text, edits);
    if (!resolves(finding, state, workspace.lintText(state.path, changed))) return [];
    return [
      {
        title: suggestion.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(finding)],
        isPreferred: true,
        edit: { changes: { [state.uri]: edits.map((edit) => toTextEdit(text, edit)) } },
      },
    ];
  });
}

/** The change resolves the finding: it is gone, and no error is there that was not there before. */
function resolves(finding: Finding, state: BufferState, after: ReturnType<Workspace['lintText']>): boolean {
  const key = (other: Finding) => `${other.ruleId}\u0000${other.kind}\u0000${other.name}\u0000${other.message}`;
  const mine = after.findings.filter((other) => other.file === state.path);
  if (mine.some((other) => key(other) === key(finding))) return false;
  const before = new Set(state.run!.findings.map(key));
  return !mine.some((other) => other.severity === 'error' && !before.has(key(other)));
}

function apply(text: string, edits: readonly OffsetEdit[]): string {
  // Edits come sorted from the end of the text, so earlier offsets stay valid.
  return edits.reduce((changed, edit) => changed.slice(0, edit.start) + edit.text + changed.slice(edit.end), text);
}

function toTextEdit(text: string, edit: OffsetEdit): TextEdit {
  return { range: { start: position(text, edit.start), end: position(text, edit.end) }, newText: edit.text };
}

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
