import resourceShape from '../../rules/resource-shape/index.js';
import { CLUSTER_SCOPED_KINDS } from '../k8s/kinds.js';
import { ruleFinding } from '../linter/findings.js';
import type { Finding, MessageData, ObjectPath, Resource, SourceFile } from '../types.js';
import type { MessageIdOf } from '../linter/rule.js';
import { isRecord } from '../util/guards.js';
import { append } from '../util/arrays.js';
import { notAnObject, type NotAnObjectReason } from './not-objects.js';
import { rangeOf, type DocumentOutline } from './positions.js';

/** What an object is made of, as plain data: it crosses the boundary of a parsing worker (parse-files.ts). */
export interface ResourceData {
  object: Record<string, unknown>;
  /** Where the object sits inside its document: [] or ['items', i] for `kind: List`. */
  basePath: ObjectPath;
  outline: DocumentOutline;
}

/** Where objects without `metadata.namespace` are: `--namespace`, else 'default'. */
export interface NamespaceOption {
  namespace?: string;
}

/** A source as loaded (source.ts): its objects, the findings of its syntax and shape, what it skipped. */
export interface LoadedSource {
  source: SourceFile;
  resources: Resource[];
  findings: Finding[];
  documentCount: number;
  /** Documents that are not Kubernetes objects (src/load/not-objects.ts), with the line each starts on. */
  skipped: SkippedDocument[];
  /** Which path loaded it: 'fast' (js-yaml, fast.ts) or 'reference' (the yaml package); absent when neither did. */
  loader?: 'fast' | 'reference';
}

export interface SkippedDocument {
  reason: NotAnObjectReason;
  line: number;
}

export interface LoadOptions extends NamespaceOption {
  /** Read for cross-object lookups only: no finding is reported on it. */
  contextOnly?: boolean;
  /**
   * 'reference' loads with the yaml package only (the path the fast one is proven equal to; for measurements and
   * tests); default 'fast' (fast.ts), which falls back to the reference by itself. The environment variable
   * STSLINT_LOADER=reference does the same for a whole run (bench/compare-paths.mjs), threads included.
   */
  loader?: 'fast' | 'reference';
}

/**
 * Add the top-level value of a loaded document (not empty) to `loaded`: a skipped document when it is not a
 * Kubernetes object (its line from `contentStart`, an offset of the source), the items of a `kind: *List`, else the
 * object, each a Resource or the resource-shape findings saying why it is not one.
 */
export function addDocument(loaded: LoadedSource, value: unknown, outline: DocumentOutline, contentStart: number, options: NamespaceOption): void {
  const add = (object: unknown, basePath: ObjectPath) => {
    const resource = toResource(loaded.source, { object: object as Record<string, unknown>, basePath, outline }, options);
    if (Array.isArray(resource)) append(loaded.findings, resource);
    else loaded.resources.push(resource);
  };
  const reason = notAnObject(value, loaded.source.path);
  if (reason) loaded.skipped.push({ reason, line: loaded.source.lineCounter.linePos(contentStart).line });
  else if (isRecord(value) && isListKind(value)) value.items.forEach((item: unknown, index: number) => add(item, ['items', index]));
  else add(value, []);
}

function isListKind(value: Record<string, unknown>): value is { items: unknown[] } {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

/**
 * The Resource of an object of a source, or the resource-shape findings saying why the value is not one
 * (not a mapping; no apiVersion, kind or metadata.name). Cluster-scoped kinds get the namespace ''.
 */
export function toResource(source: SourceFile, data: ResourceData, options: NamespaceOption): Resource | Finding[] {
  const resource = makeResource(source, data, options);
  const findings = shapeProblems(data.object, resource).map(({ path, messageId, data: messageData }) => ({
    ...ruleFinding(resourceShape, messageId, messageData, { file: source.path, range: rangeOf(resource, path) }),
    path: path.join('.'),
    kind: resource.kind || undefined,
  }));
  return findings.length > 0 ? findings : resource;
}

/** A Resource from its data, without checking its shape (for data already checked in a worker). */
export function makeResource(source: SourceFile, data: ResourceData, { namespace: defaultNamespace = 'default' }: NamespaceOption): Resource {
  const object = isRecord(data.object) ? data.object : {};
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = [metadata.name, metadata.generateName].find((n) => typeof n === 'string' && n !== '') as string | undefined;
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : defaultNamespace;
  return {
    source,
    outline: data.outline,
    basePath: data.basePath,
    apiVersion,
    group: apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '',
    kind,
    namespace: CLUSTER_SCOPED_KINDS.has(kind) ? '' : namespace,
    name: name ?? '',
    object: data.object,
  };
}

interface ShapeProblem {
  path: ObjectPath;
  messageId: MessageIdOf<typeof resourceShape>;
  data: MessageData;
}

function shapeProblems(value: unknown, resource: Resource): ShapeProblem[] {
  if (!isRecord(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    return [{ path: [], messageId: 'notObject', data: { what } }];
  }
  const problems: ShapeProblem[] = [];
  if (!resource.apiVersion) problems.push(missing(['apiVersion'], value.apiVersion));
  if (!resource.kind) problems.push(missing(['kind'], value.kind));
  if (!resource.name) {
    const given = isRecord(value.metadata) ? value.metadata.name : undefined;
    problems.push(given === undefined ? { path: ['metadata', 'name'], messageId: 'noName', data: {} } : missing(['metadata', 'name'], given));
  }
  return problems;
}

function missing(path: string[], value: unknown): ShapeProblem {
  const field = path.join('.');
  if (value === undefined) return { path, messageId: 'missing', data: { field } };
  return { path, messageId: 'notString', data: { field, value: describeValue(value) } };
}

function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `${typeof value} ${String(value)}: quote it so that YAML reads a string`;
  }
  if (value === null) return 'null';
  if (value === '') return 'an empty string';
  return Array.isArray(value) ? 'a list' : 'a mapping';
}
