/**
 * Documents that are not Kubernetes objects at all: `stslint .`, the Action's default `paths: .` and the pre-commit
 * hook meet package.json, workflows, Helm charts and earlier reports beside the manifests. Such documents are
 * skipped and counted (src/cli.ts says so on standard error), as objects without a schema are; a document that
 * looks like an object but lacks a part (a kind, an apiVersion, a name) is still a resource-shape error.
 *
 * Decided by content first: a mapping with none of apiVersion, kind and metadata (package.json, values.yaml,
 * .pre-commit-config.yaml, a GitHub workflow, a SARIF log); a list with no item that has an apiVersion or a kind (an
 * ESLint LintResult[] report); the configuration files of tools, which carry an apiVersion and a kind but are never
 * sent to the API server (kustomization.yaml and Components of kustomize.config.k8s.io, component configurations
 * of *.config.k8s.io such as KubeletConfiguration, kubeadm.k8s.io, a kubeconfig: v1 Config; kustomize's kinds
 * Kustomization and Component without an apiVersion, which kustomize fills in); an unrendered Helm
 * template (a Go template action `{{ … }}` where YAML expects a key or a value, or on a line YAML cannot read).
 * By file name only where content is ambiguous: Chart.yaml holds `apiVersion: v2` and a name but no kind, as a
 * manifest that forgot its kind would; a kustomization.yaml (kustomize's names: kustomization.yaml,
 * kustomization.yml, Kustomization) without an apiVersion is kustomize's, whatever else it holds (metadata).
 */
import { visit, type Document } from 'yaml';
import { basename } from 'node:path';
import { isRecord } from '../util/guards.js';

/** Why a document was skipped, as told on standard error. */
export const NOT_AN_OBJECT = {
  noObjectFields: 'no apiVersion, kind or metadata',
  list: 'a list, not an object',
  toolConfig: 'configuration of a tool, not an API object',
  chart: 'Helm chart metadata',
  template: 'unrendered Helm template',
} as const;

export type NotAnObjectReason = (typeof NOT_AN_OBJECT)[keyof typeof NOT_AN_OBJECT];

/** kustomize's kinds: with no apiVersion, kustomize assumes kustomize.config.k8s.io (no API group serves them). */
const KUSTOMIZE_KINDS = new Set(['Kustomization', 'Component']);
/** The file names kustomize reads in a directory. */
const KUSTOMIZATION_FILE = /^(?:kustomization\.ya?ml|Kustomization)$/;

/** API groups of configuration files read by tools and components, never served by the API server. */
const TOOL_CONFIG_GROUP = /^(?:[a-z0-9.-]+\.)?config\.k8s\.io$|^kubeadm\.k8s\.io$/;

/** Why the top-level value of a document of `path` is not a Kubernetes object, or undefined when it is meant as one. */
export function notAnObject(value: unknown, path: string): NotAnObjectReason | undefined {
  if (Array.isArray(value)) return value.some((item) => isRecord(item) && ('apiVersion' in item || 'kind' in item)) ? undefined : NOT_AN_OBJECT.list;
  if (!isRecord(value)) return undefined;
  if (!('apiVersion' in value) && !('kind' in value) && !('metadata' in value)) return NOT_AN_OBJECT.noObjectFields;
  if (!('kind' in value) && /^Chart\.ya?ml$/.test(basename(path))) return NOT_AN_OBJECT.chart;
  if (!('apiVersion' in value) && (KUSTOMIZE_KINDS.has(value.kind as string) || KUSTOMIZATION_FILE.test(basename(path)))) return NOT_AN_OBJECT.toolConfig;
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (TOOL_CONFIG_GROUP.test(group) || (apiVersion === 'v1' && value.kind === 'Config')) return NOT_AN_OBJECT.toolConfig;
  return undefined;
}

/** Syntax errors of a document looked at for `{{` on their line: templates show it in the first ones. */
const ERRORS_LOOKED_AT = 20;

/**
 * A finder, for the documents of one text in order, of where a document shows it is an unrendered Go template (an
 * offset of `text`): a flow mapping that opens with `{{` (YAML reads `{{ .Values.x }}` as a mapping inside a
 * mapping, which no Kubernetes field can hold), or a syntax error on a line holding `{{`. Undefined for documents
 * whose `{{ }}` sit inside strings (Prometheus rules, Alertmanager templates in a ConfigMap), which are linted as
 * they are. The text is searched for `{{` once, from document to document.
 */
export function templateFinder(text: string): (doc: Document.Parsed) => number | undefined {
  let next = text.indexOf('{{');
  return (doc) => {
    const [start, , end] = doc.range;
    if (next >= 0 && next < start) next = text.indexOf('{{', start);
    if (next < 0 || next >= end) return undefined;
    let at: number | undefined;
    visit(doc, {
      Map(_, node) {
        const from = node.range?.[0];
        if (node.flow && from !== undefined && text.startsWith('{{', from)) {
          at = from;
          return visit.BREAK;
        }
      },
    });
    if (at !== undefined) return at;
    return doc.errors.slice(0, ERRORS_LOOKED_AT).map((error) => error.pos[0]).find((offset) => lineAt(text, offset).includes('{{'));
  };
}

function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, end < 0 ? text.length : end);
}
