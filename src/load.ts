import { isNode, isScalar, LineCounter, parseAllDocuments, visit, type Document, type YAMLError } from 'yaml';
import { CLUSTER_SCOPED_KINDS } from './kinds.js';
import { rangeOf, toRange } from './positions.js';
import { isRecord } from './selectors.js';
import type { Finding, ObjectPath, Resource, SourceFile } from './types.js';

/** Aliases a document may expand before it is refused (defends against "billion laughs"). */
export const MAX_ALIAS_COUNT = 1000;

export interface LoadedSource {
  source: SourceFile;
  resources: Resource[];
  findings: Finding[];
  documentCount: number;
}

/** Parse one source into resources, turning every syntax or shape problem into a finding. */
export function loadSource(path: string, text: string, contextOnly = false): LoadedSource {
  const source: SourceFile = { path, text, lineCounter: new LineCounter(), contextOnly };
  const loaded: LoadedSource = { source, resources: [], findings: [], documentCount: 0 };
  const documents = parseAllDocuments(text, {
    lineCounter: source.lineCounter,
    prettyErrors: false,
    merge: true,
  });
  for (const doc of documents) {
    if (isEmptyDocument(doc)) continue;
    loaded.documentCount++;
    loadDocument(doc, loaded);
  }
  return loaded;
}

/** A finding for the whole file, at its first character (unreadable, not text, too large...). */
export function fileFinding(path: string, ruleId: string, message: string): Finding {
  return { ruleId, severity: 'error', message, file: path, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
}

function loadDocument(doc: Document.Parsed, loaded: LoadedSource): void {
  let syntaxError = false;
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    syntaxError ||= !duplicate;
    loaded.findings.push(yamlErrorFinding(loaded.source, duplicate ? keySpan(doc, error.pos) : error.pos, error, duplicate));
  }
  if (syntaxError) return;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // toJS throws only for alias expansion (too many aliases, or an alias to an unknown anchor).
    const range = toRange(loaded.source.lineCounter, [doc.range[0], doc.range[0]]);
    loaded.findings.push({
      ruleId: 'yaml-syntax',
      severity: 'error',
      message: `Document not loaded: ${(error as Error).message}`,
      file: loaded.source.path,
      ...range,
      fatal: true,
    });
    return;
  }
  if (isRecord(value) && isListKind(value)) {
    value.items.forEach((item: unknown, index: number) => addResource(loaded, doc, item, ['items', index]));
  } else {
    addResource(loaded, doc, value, []);
  }
}

function addResource(loaded: LoadedSource, doc: Document.Parsed, value: unknown, basePath: ObjectPath): void {
  const object = isRecord(value) ? value : {};
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = [metadata.name, metadata.generateName].find((n) => typeof n === 'string' && n !== '') as string | undefined;
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
  const resource: Resource = {
    source: loaded.source,
    doc,
    basePath,
    apiVersion,
    group: apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '',
    kind,
    namespace: CLUSTER_SCOPED_KINDS.has(kind) ? '' : namespace,
    name: name ?? '',
    object,
  };
  const problems = shapeProblems(value, apiVersion, kind, name);
  for (const { path, message } of problems) {
    loaded.findings.push({
      ruleId: 'resource-shape',
      severity: 'error',
      message,
      file: loaded.source.path,
      ...rangeOf(resource, path),
      path: path.join('.'),
      kind: kind || undefined,
    });
  }
  if (problems.length === 0) loaded.resources.push(resource);
}

function shapeProblems(value: unknown, apiVersion: string, kind: string, name: string | undefined) {
  if (!isRecord(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    return [{ path: [], message: `Document is ${what}, not a Kubernetes object (a mapping with apiVersion, kind and metadata)` }];
  }
  const problems: { path: ObjectPath; message: string }[] = [];
  if (!apiVersion) problems.push({ path: ['apiVersion'], message: describeMissing('apiVersion', value.apiVersion) });
  if (!kind) problems.push({ path: ['kind'], message: describeMissing('kind', value.kind) });
  if (name === undefined) {
    problems.push({ path: ['metadata', 'name'], message: 'Object has no metadata.name (nor metadata.generateName)' });
  }
  return problems;
}

function describeMissing(field: string, value: unknown): string {
  return value === undefined ? `Object has no ${field}` : `${field} must be a non-empty string`;
}

function isListKind(value: Record<string, unknown>): value is { items: unknown[] } {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

function isEmptyDocument(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  return doc.errors.length === 0 && (contents === null || (isScalar(contents) && contents.value === null));
}

/** The parser points at the first character of a duplicate key; widen that to the whole key. */
function keySpan(doc: Document.Parsed, pos: [number, number]): [number, number] {
  let span = pos;
  visit(doc, {
    Pair(_, pair) {
      const range = isNode(pair.key) ? pair.key.range : undefined;
      if (range?.[0] === pos[0]) {
        span = [range[0], range[1]];
        return visit.BREAK;
      }
    },
  });
  return span;
}

function yamlErrorFinding(source: SourceFile, [start, end]: [number, number], error: YAMLError, duplicate: boolean): Finding {
  const message = duplicate
    ? `Duplicate key '${source.text.slice(start, end)}': the API server silently keeps only the last value`
    : `${error.message}`;
  return {
    ruleId: duplicate ? 'duplicate-key' : 'yaml-syntax',
    severity: 'error',
    message,
    file: source.path,
    ...toRange(source.lineCounter, [start, end]),
    fatal: !duplicate,
  };
}
