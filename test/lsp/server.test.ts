import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint.js';
import { startClient, type TestClient } from './client.js';
import { SERVICE, STATEFULSET } from './manifests.js';

describe('the language server, driven by a real LSP client over stdio', () => {
  let root: string;
  let client: TestClient;
  const uri = () => pathToFileURL(join(root, 'web.yaml')).href;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'stslint-lsp-'));
    writeFileSync(join(root, 'service.yaml'), SERVICE);
    writeFileSync(join(root, 'web.yaml'), STATEFULSET);
    writeFileSync(join(root, '.stslint.yaml'), 'rules:\n  pdb-missing: off\n');
    client = await startClient(root);
  });
  afterAll(() => client.close());

  it('publishes the CLI\'s findings for the buffer, with the workspace as context, ranges, codes and docs links', async () => {
    const diagnostics = await client.diagnostics(uri(), () =>
      client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'yaml', version: 1, text: STATEFULSET } }),
    );
    const cli = await lintFiles([join(root, 'web.yaml')], { cwd: root, contextPaths: [root], rules: { 'pdb-missing': 'off' } });
    // The CLI also reports what the StatefulSet breaks in service.yaml (context); an editor shows the buffer's own.
    const expected = cli.results.find((result) => result.filePath === join(root, 'web.yaml'))!.messages.map((message) => ({
      code: message.ruleId,
      severity: message.severity === 2 ? 1 : 2,
      range: { start: { line: message.line - 1, character: message.column - 1 }, end: { line: message.endLine - 1, character: message.endColumn - 1 } },
      message: message.message,
    }));
    // The Service comes from the workspace (context): the StatefulSet's serviceName is found, so no service-missing.
    expect(expected.map((diagnostic) => diagnostic.code)).toEqual(['statefulset-anti-affinity']);
    expect(diagnostics.map(({ code, severity, range, message }) => ({ code, severity, range, message }))).toEqual(expected);
    expect(diagnostics.every((diagnostic) => diagnostic.source === 'stslint' && diagnostic.codeDescription?.href.endsWith(`/rules/${diagnostic.code}/README.md`))).toBe(true);
  });

  it('lints the buffer as it changes, not the file on disk', async () => {
    const changed = STATEFULSET.replace('replicas: 3', 'replicas: "3"');
    const diagnostics = await client.diagnostics(uri(), () =>
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 2 }, contentChanges: [{ text: changed }] }),
    );
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toContainEqual(['schema', 6]);
    await client.diagnostics(uri(), () =>
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 3 }, contentChanges: [{ text: STATEFULSET }] }),
    );
  });

  it('offers a suppression comment above the finding, indented as the line', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: { start: { line: 14, character: 6 }, end: { line: 14, character: 6 } },
      context: { diagnostics: [] },
    })) as { title: string; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[];
    const disable = actions.find((action) => action.title === 'Disable statefulset-anti-affinity for this line');
    expect(disable?.edit.changes[uri()]).toEqual([
      { range: { start: { line: 14, character: 0 }, end: { line: 14, character: 0 } }, newText: '    # stslint-disable-next-line statefulset-anti-affinity -- \n' },
    ]);
  });

  it('shows the plan of a StatefulSet when hovering over its name', async () => {
    const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 3, character: 9 } })) as {
      contents: { value: string };
    };
    expect(result.contents.value).toContain('**StatefulSet web**');
    expect(result.contents.value).toContain('`web-0`, `web-1`, `web-2`');
    expect(result.contents.value).toContain('`web-0.nginx.default.svc.cluster.local`');
    expect(result.contents.value).toContain('`www-web-<ordinal>` (1Gi, ReadWriteOnce)');
    const elsewhere = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 6, character: 4 } });
    expect(elsewhere).toBeNull();
  });

  it('plans the hover for the target Kubernetes version of the workspace config', async () => {
    const config = join(root, '.stslint.yaml');
    const hoverText = async (kubernetesVersion: string, version: number) => {
      writeFileSync(config, `kubernetesVersion: "${kubernetesVersion}"\nrules:\n  pdb-missing: off\n`);
      await client.diagnostics(uri(), () =>
        client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] }),
      );
      await client.diagnostics(uri(), () =>
        client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: uri(), version },
          contentChanges: [{ text: STATEFULSET.replace('  replicas: 3', '  replicas: 3\n  ordinals:\n    start: 5') }],
        }),
      );
      const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 3, character: 9 } })) as {
        contents: { value: string };
      };
      return result.contents.value;
    };
    // ordinals.start needs the StatefulSetStartOrdinal gate, off on 1.26: that API server drops the field.
    expect(await hoverText('1.26', 4)).toContain('`web-0`, `web-1`, `web-2`');
    expect(await hoverText('1.36', 5)).toContain('`web-5`, `web-6`, `web-7`');
    writeFileSync(config, 'rules:\n  pdb-missing: off\n');
    await client.diagnostics(uri(), () =>
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 6 }, contentChanges: [{ text: STATEFULSET }] }),
    );
  });

  it('reloads the workspace config file when it changes', async () => {
    writeFileSync(join(root, '.stslint.yaml'), 'rules:\n  pdb-missing: off\n  statefulset-anti-affinity: off\n');
    const diagnostics = await client.diagnostics(uri(), () =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, '.stslint.yaml')).href, type: 2 }] }),
    );
    expect(diagnostics).toEqual([]);
  });

  it('takes a Service changed on disk into account (file watcher), and skips buffers that are Helm templates', async () => {
    writeFileSync(join(root, 'service.yaml'), SERVICE.replace('name: nginx', 'name: other'));
    const diagnostics = await client.diagnostics(uri(), () =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, 'service.yaml')).href, type: 2 }] }),
    );
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['statefulset-service-missing']);
    const helm = pathToFileURL(join(root, 'templates-sts.yaml')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: helm, languageId: 'helm', version: 1, text: 'kind: [' } });
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: helm }, position: { line: 0, character: 1 } });
    expect(hover).toBeNull();
  });

  it('offers the change a rule suggests, as text edits at the YAML positions, when the changed object still validates', async () => {
    const serviceUri = pathToFileURL(join(root, 'service.yaml')).href;
    writeFileSync(join(root, '.stslint.yaml'), 'rules:\n  pdb-missing: off\n');
    await client.diagnostics(uri(), () =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, '.stslint.yaml')).href, type: 2 }] }),
    );
    const diagnostics = await client.diagnostics(serviceUri, () =>
      client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: serviceUri, languageId: 'yaml', version: 1, text: SERVICE } }),
    );
    const notHeadless = diagnostics.find((diagnostic) => diagnostic.code === 'statefulset-service-not-headless')!;
    expect(notHeadless.range.start.line).toBe(4);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: serviceUri },
      range: notHeadless.range,
      context: { diagnostics: [notHeadless] },
    })) as { title: string; isPreferred?: boolean; edit: { changes: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> } }[];
    const fix = actions.find((action) => action.title.startsWith('Set clusterIP: None'))!;
    expect(fix.isPreferred).toBe(true);
    expect(fix.edit.changes[serviceUri]).toEqual([{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: '  clusterIP: None\n' }]);
  });
});
