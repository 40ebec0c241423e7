import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

/** A real LSP client over stdio, driving the built server (bin/stslint-lsp.js) as an editor does. */
export interface TestClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (after `action`, if given). */
  diagnostics(uri: string, action?: () => void): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

export async function startClient(root: string, capabilities: Record<string, unknown> = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [resolve('bin/stslint-lsp.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
    const resolvers = waiting.get(uri) ?? [];
    waiting.delete(uri);
    for (const resolveDiagnostics of resolvers) resolveDiagnostics(diagnostics);
  });
  // The server registers file watchers with the client: accept.
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/showMessage', () => {});
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'test' }],
    capabilities,
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    diagnostics(uri, action) {
      const promise = new Promise<Diagnostic[]>((resolveDiagnostics) => waiting.set(uri, [...(waiting.get(uri) ?? []), resolveDiagnostics]));
      action?.();
      return promise;
    },
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise((done) => child.once('exit', done));
      connection.dispose();
    },
  };
}
