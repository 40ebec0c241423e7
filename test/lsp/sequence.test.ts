import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint.js';
import { resolveOptions } from '../../src/options.js';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { startClient, type TestClient } from './client.js';
import { SERVICE, STATEFULSET } from './manifests.js';

/** Two documents: the StatefulSet `web` (governed by `nginx`) and a ConfigMap. */
const WEB = `${STATEFULSET}---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  key: value
`;

/** The governing Service, headless. */
const HEADLESS = SERVICE.replace('spec:\n', 'spec:\n  clusterIP: None\n');

const PDB = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: nginx
`;

/** web.yaml with its StatefulSet governed by `serviceName` and a third document, a headless Service named `own`. */
function withOwnService(serviceName: string, own: string): string {
  return `${WEB.replace('serviceName: nginx', `serviceName: ${serviceName}`)}---\n${HEADLESS.replace('name: nginx', `name: ${own}`)}`;
}

type Step =
  | { name: string; buffer: 'web.yaml' | 'service.yaml'; text: string; republished: string[] }
  | { name: string; disk: string; text: string | undefined };

/** Each step changes the workspace as a user would; after it, every open buffer must show what a fresh lintFiles shows. */
const STEPS: Step[] = [
  { name: 'scale the StatefulSet', buffer: 'web.yaml', text: WEB.replace('replicas: 3', 'replicas: 5'), republished: ['web.yaml', 'service.yaml'] },
  { name: 'rename the governing Service', buffer: 'service.yaml', text: HEADLESS.replace('name: nginx', 'name: nginx-headless'), republished: ['service.yaml', 'web.yaml'] },
  { name: 'follow the rename in the StatefulSet', buffer: 'web.yaml', text: WEB.replace('replicas: 3', 'replicas: 5').replace('serviceName: nginx', 'serviceName: nginx-headless'), republished: ['web.yaml', 'service.yaml'] },
  { name: 'add a PodDisruptionBudget in another file', disk: 'pdb.yaml', text: PDB },
  { name: 'edit a comment only (the other buffer keeps its diagnostics)', buffer: 'web.yaml', text: `# scaled\n${WEB.replace('replicas: 3', 'replicas: 5').replace('serviceName: nginx', 'serviceName: nginx-headless')}`, republished: ['web.yaml'] },
  { name: 'break the second document', buffer: 'web.yaml', text: WEB.replace('serviceName: nginx', 'serviceName: nginx-headless').replace('  key: value', '  key: [value'), republished: ['web.yaml', 'service.yaml'] },
  { name: 'mend it and add a third document', buffer: 'web.yaml', text: withOwnService('nginx-headless', 'web-own'), republished: ['web.yaml', 'service.yaml'] },
  { name: 'govern by the Service of the same file', buffer: 'web.yaml', text: withOwnService('web-own', 'web-own'), republished: ['web.yaml', 'service.yaml'] },
  { name: 'rename the Service of the same file', buffer: 'web.yaml', text: withOwnService('web-own', 'web-own-2'), republished: ['web.yaml', 'service.yaml'] },
  { name: 'change the config file', disk: '.stslint.yaml', text: 'rules:\n  statefulset-anti-affinity: off\n  pdb-overlap: warning\n' },
  { name: 'delete the PodDisruptionBudget file', disk: 'pdb.yaml', text: undefined },
  { name: 'create a file declaring the Service again', disk: 'other.yaml', text: HEADLESS.replace('name: nginx', 'name: nginx-headless') },
];

describe('the language server after a sequence of edits, against a fresh lintFiles of the same files', () => {
  let root: string;
  let client: TestClient;
  const uri = (file: string) => pathToFileURL(join(root, file)).href;
  const open = ['web.yaml', 'service.yaml'];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'stslint-lsp-sequence-'));
    writeFileSync(join(root, 'web.yaml'), WEB);
    writeFileSync(join(root, 'service.yaml'), HEADLESS);
    writeFileSync(join(root, '.stslint.yaml'), 'rules:\n  statefulset-anti-affinity: off\n');
    client = await startClient(root);
  });
  afterAll(() => client.close());

  /** What `stslint <file> --context <root>` reports on the file (context findings off, as in the editor). */
  async function expected(file: string) {
    const options = resolveOptions({}, root, (setting) => setting).lint;
    const run = await lintFiles([join(root, file)], { ...options, contextPaths: [root], contextFindings: false });
    return run.findings.filter((finding) => finding.file === join(root, file)).map((finding) => ({
      code: finding.ruleId,
      severity: finding.severity === 'error' ? 1 : 2,
      range: { start: { line: finding.line - 1, character: finding.column - 1 }, end: { line: finding.endLine - 1, character: finding.endColumn - 1 } },
      message: finding.message,
    }));
  }

  const shown = (diagnostics: Diagnostic[]) => diagnostics.map(({ code, severity, range, message }) => ({ code, severity, range, message }));

  it('publishes after every step what lintFiles reports for each open buffer', async () => {
    const last = new Map<string, Diagnostic[]>();
    const waitFor = async (files: string[], action: () => Promise<void>) => {
      const published = files.map((file) => client.diagnostics(uri(file)));
      await action();
      (await Promise.all(published)).forEach((diagnostics, n) => last.set(files[n], diagnostics));
    };
    await waitFor(open, async () => {
      for (const file of open) await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'yaml', version: 1, text: file === 'web.yaml' ? WEB : HEADLESS } });
    });
    const codes: Record<string, (string | number | undefined)[]> = {};
    let version = 1;
    for (const step of STEPS) {
      if ('buffer' in step) {
        writeFileSync(join(root, step.buffer), step.text);
        const change = { textDocument: { uri: uri(step.buffer), version: ++version }, contentChanges: [{ text: step.text }] };
        await waitFor(step.republished, () => client.connection.sendNotification('textDocument/didChange', change));
      } else {
        if (step.text === undefined) rmSync(join(root, step.disk));
        else writeFileSync(join(root, step.disk), step.text);
        const type = step.text === undefined ? 3 : step.disk === 'pdb.yaml' || step.disk === 'other.yaml' ? 1 : 2;
        await waitFor(open, () => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(step.disk), type }] }));
      }
      for (const file of open) expect(shown(last.get(file)!), `${step.name}: ${file}`).toEqual(await expected(file));
      codes[step.name] = last.get('web.yaml')!.map((diagnostic) => diagnostic.code);
    }
    // The steps change what is shown: the rename and the budget come and go in the StatefulSet's diagnostics.
    expect(codes['rename the governing Service']).toContain('statefulset-service-missing');
    expect(codes['follow the rename in the StatefulSet']).not.toContain('statefulset-service-missing');
    expect(codes['follow the rename in the StatefulSet']).toContain('pdb-missing');
    expect(codes['add a PodDisruptionBudget in another file']).not.toContain('pdb-missing');
    expect(codes['break the second document']).toContain('yaml-syntax');
    expect(codes['govern by the Service of the same file']).not.toContain('statefulset-service-missing');
    expect(codes['rename the Service of the same file']).toContain('statefulset-service-missing');
    expect(codes['delete the PodDisruptionBudget file']).toContain('pdb-missing');
  });
});
