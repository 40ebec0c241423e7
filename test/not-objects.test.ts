/**
 * Files that are not Kubernetes objects, as `stslint .`, the Action's `paths: .` and the pre-commit hook meet them
 * in a repository (src/load/not-objects.ts): skipped and counted, while a document that looks like an object but
 * lacks a part stays a resource-shape error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/lint.js';
import { stslint, where, writeTree } from './reliability/helpers.js';

/** What a repository holds beside its manifests, as those tools write them. */
const NOT_OBJECTS: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'deploy', version: '1.0.0', scripts: { lint: 'stslint .' } }, null, 2),
  'package-lock.json': JSON.stringify({ name: 'deploy', lockfileVersion: 3, requires: true, packages: { '': { name: 'deploy' } } }, null, 2),
  '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/stslint/stslint\n    rev: v0.1.0\n    hooks:\n      - id: stslint\n',
  '.github/workflows/ci.yaml': 'name: ci\non: [pull_request]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
  'charts/db/Chart.yaml': 'apiVersion: v2\nname: db\ndescription: A database\ntype: application\nversion: 0.1.0\n',
  'charts/db/values.yaml': 'replicaCount: 3\nimage:\n  repository: postgres\n  tag: "16"\nservice:\n  port: 5432\n',
  'charts/db/values.schema.json': JSON.stringify({ $schema: 'https://json-schema.org/draft-07/schema#', type: 'object', properties: { replicaCount: { type: 'integer' } } }),
  // A value in a key, a whole line of template, a template at the start of the file, and an include in a mapping.
  'charts/db/templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "db.fullname" . }}\n  labels:\n    {{- include "db.labels" . | nindent 4 }}\nspec:\n  ports:\n    - port: {{ .Values.service.port }}\n',
  'charts/db/templates/statefulset.yaml': '{{- if .Values.enabled }}\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: {{ .Values.replicaCount }}\n{{- end }}\n',
  'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\nnamespace: prod\n',
  'overlays/dev/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\n',
  'components/extra/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches: []\n',
  'nodes/kubelet.yaml': 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmaxPods: 110\n',
  'clusters/kubeconfig.yaml': 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n',
};

/** Real objects that look like the above in one way or another: they are linted. */
const OBJECTS: Record<string, string> = {
  'base/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: info\n',
  // Flux's Kustomization is a custom resource served by the API server, unlike kustomize's.
  'clusters/flux.yaml': 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 10m\n  path: ./apps\n  prune: true\n  sourceRef: {kind: GitRepository, name: repo}\n',
  // {{ }} inside strings and block scalars: Prometheus and Alertmanager templates.
  'monitoring/alerts.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  rules.yaml: |\n    {{ define "slack.title" }}{{ .Status }}{{ end }}\n    summary: {{ $labels.instance }} is down\n  description: "{{ $labels.instance }} has been down for 5 minutes"\n',
  // Named like chart metadata, but a manifest: it has a kind.
  'manifests/Chart.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chart\n',
};

/** Documents that look like objects but lack a part: still resource-shape errors, with their positions. */
const BROKEN: Record<string, string> = {
  'broken/no-kind.yaml': 'apiVersion: v1\nmetadata:\n  name: a\n',
  'broken/no-api-version.yaml': 'kind: ConfigMap\nmetadata:\n  name: a\n',
  'broken/only-metadata.yaml': 'metadata:\n  name: a\ndata: {}\n',
  'broken/list-of-objects.yaml': '- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n',
  'broken/scalar.yaml': 'apiVersion v1 kind ConfigMap\n',
};

describe('documents that are not Kubernetes objects', () => {
  it('are skipped and counted per file and reason; objects beside them are linted, broken ones reported', () => {
    const sources = Object.entries({ ...NOT_OBJECTS, ...OBJECTS, ...BROKEN }).map(([path, text]) => ({ path, text }));
    const run = lintSources(sources);
    expect(run.stats.notObjects).toEqual([
      { file: 'package.json', reason: 'no apiVersion, kind or metadata', documents: 1 },
      { file: 'package-lock.json', reason: 'no apiVersion, kind or metadata', documents: 1 },
      { file: '.pre-commit-config.yaml', reason: 'no apiVersion, kind or metadata', documents: 1 },
      { file: '.github/workflows/ci.yaml', reason: 'no apiVersion, kind or metadata', documents: 1 },
      { file: 'charts/db/Chart.yaml', reason: 'Helm chart metadata', documents: 1 },
      { file: 'charts/db/values.yaml', reason: 'no apiVersion, kind or metadata', documents: 1 },
      { file: 'charts/db/values.schema.json', reason: 'no apiVersion, kind or metadata', documents: 1 },
      { file: 'charts/db/templates/service.yaml', reason: 'unrendered Helm template', documents: 1 },
      { file: 'charts/db/templates/statefulset.yaml', reason: 'unrendered Helm template', documents: 1 },
      { file: 'overlays/prod/kustomization.yaml', reason: 'no apiVersion, kind or metadata', documents: 1 },
      { file: 'overlays/dev/kustomization.yaml', reason: 'configuration of a tool, not an API object', documents: 1 },
      { file: 'components/extra/kustomization.yaml', reason: 'configuration of a tool, not an API object', documents: 1 },
      { file: 'nodes/kubelet.yaml', reason: 'configuration of a tool, not an API object', documents: 1 },
      { file: 'clusters/kubeconfig.yaml', reason: 'configuration of a tool, not an API object', documents: 1 },
    ]);
    expect(run.index.linted.map((resource) => `${resource.kind}/${resource.name}`)).toEqual(['ConfigMap/settings', 'Kustomization/apps', 'ConfigMap/alerts', 'ConfigMap/chart']);
    const shape = run.results.flatMap((result) => where(result.messages, 'resource-shape').map((position) => `${result.filePath} ${position}`));
    expect(shape).toEqual([
      'broken/list-of-objects.yaml 1:3-1:17 resource-shape',
      'broken/no-api-version.yaml 1:1-1:16 resource-shape',
      'broken/no-kind.yaml 1:1-1:15 resource-shape',
      'broken/only-metadata.yaml 1:1-1:9 resource-shape',
      'broken/only-metadata.yaml 1:1-1:9 resource-shape',
      'broken/scalar.yaml 1:1-1:29 resource-shape',
    ]);
    // Nothing from the skipped files reaches the report.
    const reported = new Set(run.results.filter((result) => result.messages.length > 0).map((result) => result.filePath));
    expect(Object.keys(NOT_OBJECTS).filter((path) => reported.has(path))).toEqual([]);
  });

  it('are told on standard error in one line by the CLI, and reports of earlier runs are among them', () => {
    const dir = writeTree({ ...NOT_OBJECTS, ...OBJECTS });
    // Earlier reports of this very tool, as CI keeps them beside the manifests.
    const json = stslint(['base', '-f', 'json'], { cwd: dir }).stdout;
    const sarif = stslint(['base', '-f', 'sarif'], { cwd: dir }).stdout;
    writeFileSync(join(dir, 'stslint-report.json'), json);
    writeFileSync(join(dir, 'stslint.sarif.json'), sarif);
    const { code, stdout, stderr } = stslint(['.', 'charts', '.github', '.pre-commit-config.yaml', '-f', 'json'], { cwd: dir });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).flatMap((result: { messages: unknown[] }) => result.messages)).toEqual([]);
    expect(stderr).toBe(
      'stslint: 16 documents were skipped, not Kubernetes objects: .github/workflows/ci.yaml (no apiVersion, kind or metadata), ' +
        '.pre-commit-config.yaml (no apiVersion, kind or metadata), charts/db/Chart.yaml (Helm chart metadata), ' +
        'charts/db/templates/service.yaml (unrendered Helm template), charts/db/templates/statefulset.yaml (unrendered Helm template), 11 more\n' +
        'stslint: 1 object was not schema-validated, no schema for their kind: kustomize.toolkit.fluxcd.io/v1/Kustomization (1) (--schema-dir adds schemas, --strict-kinds reports them)\n',
    );
  });

  it('are skipped in every document of a stream, and counted per file', () => {
    const run = lintSources([{ path: 'mixed.yaml', text: `name: x\n---\n${OBJECTS['base/configmap.yaml']}---\n[1, 2]\n---\nfoo: bar\n` }]);
    expect(run.stats.notObjects).toEqual([
      { file: 'mixed.yaml', reason: 'no apiVersion, kind or metadata', documents: 2 },
      { file: 'mixed.yaml', reason: 'a list, not an object', documents: 1 },
    ]);
    expect(run.results[0].messages).toEqual([]);
  });
});

/**
 * Each row of README.md's table of skipped documents, through the built CLI: the files it names are skipped, said
 * so on standard error, and nothing of them is reported. Keyed by the start of the row's first cell.
 */
const README_ROWS: Record<string, { files: Record<string, string>; reason: string }> = {
  'a mapping with none of': {
    files: {
      'package.json': NOT_OBJECTS['package.json'],
      'values.yaml': NOT_OBJECTS['charts/db/values.yaml'],
      'ci.yaml': NOT_OBJECTS['.github/workflows/ci.yaml'],
      'kustomization.yaml': 'resources:\n  - ../../base\nnamespace: prod\n',
      'log.sarif.json': JSON.stringify({ version: '2.1.0', runs: [] }),
    },
    reason: 'no apiVersion, kind or metadata',
  },
  'a list none of whose items': { files: { 'report.json': JSON.stringify([{ filePath: '/a.yaml', messages: [], errorCount: 0 }]) }, reason: 'a list, not an object' },
  '`apiVersion` of `kustomize.config.k8s.io`': {
    files: {
      'kustomization.yaml': NOT_OBJECTS['overlays/dev/kustomization.yaml'],
      'component.yaml': NOT_OBJECTS['components/extra/kustomization.yaml'],
      'kubelet.yaml': NOT_OBJECTS['nodes/kubelet.yaml'],
      'kubeadm.yaml': 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nkubernetesVersion: v1.30.0\n',
      'kubeconfig.yaml': NOT_OBJECTS['clusters/kubeconfig.yaml'],
      // kustomize fills in a missing apiVersion: in any file, and named otherwise too.
      'overlay.yaml': 'kind: Kustomization\nresources: [../base]\n',
      'extra.yaml': 'kind: Component\npatches: []\n',
    },
    reason: 'configuration of a tool, not an API object',
  },
  'a file with a Go template action': {
    files: { 'service.yaml': NOT_OBJECTS['charts/db/templates/service.yaml'], 'statefulset.yaml': NOT_OBJECTS['charts/db/templates/statefulset.yaml'] },
    reason: 'unrendered Helm template',
  },
  'by name, where content is ambiguous': {
    files: {
      'Chart.yaml': NOT_OBJECTS['charts/db/Chart.yaml'],
      'a/kustomization.yaml': 'metadata:\n  name: prod\nresources: [../base]\n',
      'b/kustomization.yml': 'kind: Kustomization\nmetadata: {name: dev}\n',
    },
    reason: '',
  },
};

describe("README.md's table of skipped documents, row by row through the CLI", () => {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.slice(readme.indexOf('| Skipped | Because |'));
  const lines = table.split('\n').slice(2);
  const rows = lines.slice(0, lines.findIndex((line) => !line.startsWith('| '))).map((line) => line.slice(2, line.indexOf(' | ')));

  it('has a case for every row', () => {
    expect(rows.map((row) => Object.keys(README_ROWS).find((key) => row.startsWith(key)) ?? row)).toEqual(Object.keys(README_ROWS));
  });

  it.each(Object.entries(README_ROWS))('%s', (_, { files, reason }) => {
    const dir = writeTree({ ...files, 'base/configmap.yaml': OBJECTS['base/configmap.yaml'] });
    const { code, stdout, stderr } = stslint([...Object.keys(files), 'base', '-f', 'json'], { cwd: dir });
    expect({ code, messages: JSON.parse(stdout).flatMap((result: { messages: unknown[] }) => result.messages) }).toEqual({ code: 0, messages: [] });
    const count = Object.keys(files).length;
    expect(stderr).toMatch(new RegExp(`^stslint: ${count} documents? (was|were) skipped, not Kubernetes objects: `));
    // Standard error names the first five files, in order.
    for (const file of Object.keys(files).sort().slice(0, 5)) expect(stderr).toContain(`${file} (${reason || (file.endsWith('Chart.yaml') ? 'Helm chart metadata' : 'configuration of a tool, not an API object')})`);
  });

  it('a document that looks like an object but lacks a part is still a resource-shape error', () => {
    const dir = writeTree(BROKEN);
    const { code, stdout } = stslint(['broken', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const ids = JSON.parse(stdout).map((result: { messages: { ruleId: string }[] }) => result.messages.map((message) => message.ruleId));
    expect(ids.every((messages: string[]) => messages.includes('resource-shape'))).toBe(true);
    expect(ids).toHaveLength(Object.keys(BROKEN).length);
  });
});
