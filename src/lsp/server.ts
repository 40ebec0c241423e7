/**
 * `stslint-lsp`: a Language Server Protocol server over stdio (vscode-languageserver). It lints the text of open
 * YAML and JSON buffers with the rest of the workspace's manifests as context, publishes diagnostics with exact
 * ranges, offers suppression comments and the rules' suggestions as code actions, and shows the plan of a
 * StatefulSet when hovering over its name.
 */
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { CONFIG_NAMES } from '../config.js';
import { PACKAGE } from '../util/package.js';
import { codeActions } from './actions.js';
import { toDiagnostic, type BufferState } from './diagnostics.js';
import { hover } from './hover.js';
import { Workspace } from './workspace.js';

/** How long typing must pause before a buffer is linted again (milliseconds). */
export const DEBOUNCE_MS = 150;

/** Start the server, reading LSP messages from `input` and writing to `output` (the process's stdin and stdout). */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const connection = createConnection(ProposedFeatures.all, input, output);
  let workspace = new Workspace(undefined);
  const buffers = new Map<string, BufferState>();
  const timers = new Map<string, NodeJS.Timeout>();
  let snippets = false;
  // Diagnostics wait for the first read of the workspace, so that cross-file findings are right from the start.
  let scanned: () => void = () => {};
  const ready = new Promise<void>((resolve) => (scanned = resolve));

  /** Lint a buffer and publish its diagnostics; returns whether its objects differ from the last lint's. */
  const publish = (uri: string): boolean => {
    const state = buffers.get(uri);
    if (!state) return false;
    state.run = workspace.lint(state.path);
    const findings = (state.run?.findings ?? []).filter((finding) => finding.file === state.path);
    void connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
    const objects = state.run?.index.linted.map((resource) => resource.object) ?? [];
    const changed = !isDeepStrictEqual(objects, state.objects);
    state.objects = objects;
    return changed;
  };
  const schedule = (uri: string) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        // Cross-file rules: a change to this buffer's objects can change the findings of the other open buffers
        // (not a change to its comments or layout alone), so they are linted again, after this one.
        if (publish(uri)) for (const other of buffers.keys()) if (other !== uri) publish(other);
      }, DEBOUNCE_MS),
    );
  };

  connection.onInitialize((params: InitializeParams) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspace = new Workspace(folder?.startsWith('file:') ? fileURLToPath(folder) : undefined);
    snippets = Boolean((params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport);
    return {
      serverInfo: { name: 'stslint', version: PACKAGE.version },
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
      },
    };
  });
  connection.onInitialized(async () => {
    if (workspace.configProblem) connection.window.showWarningMessage(`stslint: ${workspace.configProblem}`);
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{yaml,yml,json}' }, ...CONFIG_NAMES.map((name) => ({ globPattern: `**/${name}` }))],
    });
    await workspace.scan();
    scanned();
  });
  connection.onDidOpenTextDocument(({ textDocument }) => {
    if (!isManifest(textDocument.uri, textDocument.languageId)) return;
    const path = pathOf(textDocument.uri);
    buffers.set(textDocument.uri, { uri: textDocument.uri, path });
    workspace.open(path, textDocument.text);
    void ready.then(() => publish(textDocument.uri));
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const state = buffers.get(textDocument.uri);
    const last = contentChanges.at(-1);
    if (!state || !last) return;
    workspace.change(state.path, last.text);
    void ready.then(() => schedule(textDocument.uri));
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    const state = buffers.get(textDocument.uri);
    if (!state) return;
    buffers.delete(textDocument.uri);
    workspace.close(state.path);
    clearTimeout(timers.get(textDocument.uri));
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      const path = pathOf(change.uri);
      if (CONFIG_NAMES.some((name) => path.endsWith(`/${name}`))) {
        const problem = await workspace.reloadConfig();
        if (problem) connection.window.showWarningMessage(`stslint: ${problem}`);
      } else {
        await workspace.fileChanged(path, change.type === FileChangeType.Deleted);
      }
    }
    for (const uri of buffers.keys()) publish(uri);
  });
  connection.onCodeAction(({ textDocument, range }) => {
    const state = buffers.get(textDocument.uri);
    return state ? codeActions(state, range, workspace, snippets) : ([] as CodeAction[]);
  });
  connection.onHover(({ textDocument, position }) => {
    const state = buffers.get(textDocument.uri);
    return state ? hover(state, position) : null;
  });
  connection.listen();
  return connection;
}

/** YAML and JSON buffers, by language or by file name; Helm templates (languageId `helm`) are not manifests. */
function isManifest(uri: string, languageId: string): boolean {
  if (['yaml', 'json', 'jsonc'].includes(languageId)) return true;
  return languageId !== 'helm' && /\.(ya?ml|json)$/.test(uri);
}

function pathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

