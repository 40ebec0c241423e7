import { Composer, isNode, isScalar, LineCounter, Parser, visit, type CST, type Document, type DocumentOptions, type ScalarTag, type SchemaOptions, type YAMLError } from 'yaml';
import { CLUSTER_SCOPED_KINDS } from '../k8s/kinds.js';
import { outlineDocument, rangeOf, setOutline, toRange, type DocumentOutline } from './positions.js';
import { isRecord } from '../k8s/selectors.js';
import type { Finding, ObjectPath, Resource, SourceFile } from '../types.js';

/** Aliases a document may expand before it is refused (defends against "billion laughs"). */
export const MAX_ALIAS_COUNT = 1000;
/**
 * Collections nested deeper than this are refused before they are composed (no stack overflow in the
 * parser, in the rules or in the position walk). The deepest real manifest in the corpus, a CRD schema, nests 38.
 */
export const MAX_DEPTH = 128;
/** Longest excerpt of the source quoted in a message. */
const MAX_QUOTE = 80;

/** `logLevel: 'error'` keeps the yaml package from printing warnings (e.g. collection keys) to stderr. */
/**
 * kubectl and the API server read YAML with go-yaml v2 (through sigs.k8s.io/yaml), where the plain scalars
 * y, yes, on, n, no, off (in their spellings below) are booleans, as in YAML 1.1. Reading them the same way lets
 * the schema rule report `value: no` in an env var as kubectl would ("cannot unmarshal bool into ... string").
 */
const GO_YAML_BOOLEAN: ScalarTag = {
  identify: (value) => typeof value === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:y|Y|yes|Yes|YES|on|On|ON|n|N|no|No|NO|off|Off|OFF)$/,
  resolve: (text) => /^(?:y|Y|yes|Yes|YES|on|On|ON)$/.test(text),
};

const PARSE_OPTIONS: DocumentOptions & SchemaOptions = { merge: true, logLevel: 'error', customTags: [GO_YAML_BOOLEAN] };

export interface LoadedSource {
  source: SourceFile;
  resources: Resource[];
  findings: Finding[];
  documentCount: number;
}

/** What the loader learns from a document's syntax tokens before composing it. */
interface TokenFacts {
  /** Offset of the first collection nested deeper than MAX_DEPTH. */
  tooDeepAt?: number;
  hasAlias: boolean;
}

/**
 * Parse one source into resources, turning every syntax or shape problem into a finding.
 * Documents are composed one at a time and their syntax trees dropped once loaded: only the
 * objects and an outline of positions stay, so memory grows with the objects, not with the trees.
 */
export function loadSource(path: string, text: string, contextOnly = false): LoadedSource {
  const source: SourceFile = { path, text, lineCounter: countLines(text), contextOnly };
  const loaded: LoadedSource = { source, resources: [], findings: [], documentCount: 0 };
  const unprintable = findUnprintable(text);
  const composer = new Composer(PARSE_OPTIONS);
  const pending: TokenFacts[] = [];
  const take = (doc: Document.Parsed) => {
    const facts = pending.shift() ?? { hasAlias: false };
    if (isEmptyDocument(doc)) return;
    loaded.documentCount++;
    loadDocument(doc, facts, loaded);
  };
  for (let token of new Parser().parse(text)) {
    if (token.type === 'document') {
      const facts = inspectTokens(token);
      if (facts.tooDeepAt !== undefined) {
        const message = `Document not loaded: collections nested more than ${MAX_DEPTH} levels deep`;
        loaded.findings.push(syntaxFinding(source, [facts.tooDeepAt, facts.tooDeepAt + 1], message));
        token = { ...token, value: undefined };
      }
      pending.push(facts);
    }
    for (const doc of composer.next(token)) take(doc as Document.Parsed);
  }
  // forceDoc: a stream without any document still reports its errors (e.g. a stray `...`).
  for (const doc of composer.end(true, text.length)) take(doc as Document.Parsed);
  if (unprintable) loaded.findings.push(unprintableFinding(source, unprintable));
  return loaded;
}

/** Characters YAML does not allow in a stream (outside its printable set), which the yaml package lets through. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findUnprintable(text: string): { index: number; code: number } | undefined {
  const matches = [UNPRINTABLE.exec(text), /[\uD800-\uDFFF]/.test(text) ? LONE_SURROGATE.exec(text) : null];
  const [first] = matches.filter((match) => match !== null).sort((a, b) => a.index - b.index);
  return first ? { index: first.index, code: first[0].charCodeAt(0) } : undefined;
}

function unprintableFinding(source: SourceFile, { index, code }: { index: number; code: number }): Finding {
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const message =
    `Character ${name} is not allowed in YAML (kubectl refuses the file: "control characters are not allowed"); ` +
    'write it as an escape in a double-quoted string';
  return syntaxFinding(source, [index, index + 1], message);
}

/** Line starts counted in the text itself: the parser misses the line breaks inside some error tokens. */
function countLines(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) counter.addNewLine(newline + 1);
  return counter;
}

/** A finding for the whole file, at its first character (unreadable, not text, too large...). */
export function fileFinding(path: string, ruleId: string, message: string): Finding {
  return { ruleId, severity: 'error', message, file: path, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
}

/** Walk a document's tokens without recursion: how deep its collections nest, and whether it has aliases. */
function inspectTokens(document: CST.Document): TokenFacts {
  const facts: TokenFacts = { hasAlias: false };
  const stack: [token: CST.Token | null | undefined, parentLevel: number][] = [[document.value, 0]];
  while (stack.length > 0) {
    const [token, parentLevel] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'alias') facts.hasAlias = true;
    if (!('items' in token)) continue;
    const level = parentLevel + 1;
    if (level > MAX_DEPTH) return { ...facts, tooDeepAt: token.offset };
    // Pushed in reverse so that the walk goes in document order and finds the first offender.
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i];
      stack.push([item.value, level], [item.key, level]);
    }
  }
  return facts;
}

function syntaxFinding(source: SourceFile, span: [number, number], message: string): Finding {
  return {
    ruleId: 'yaml-syntax',
    severity: 'error',
    message,
    file: source.path,
    ...toRange(source.lineCounter, span),
    fatal: true,
  };
}

function loadDocument(doc: Document.Parsed, facts: TokenFacts, loaded: LoadedSource): void {
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
    // toJS throws only for aliases: too many, to an unknown anchor, or merged (<<) values that are not mappings.
    loaded.findings.push(notLoadedFinding(loaded.source, doc, (error as Error).message));
    return;
  }
  if (facts.hasAlias) {
    const problem = aliasProblem(value);
    if (problem) {
      loaded.findings.push(notLoadedFinding(loaded.source, doc, problem));
      return;
    }
  }
  const outline = outlineDocument(doc);
  const origin: DocumentOrigin = { start: doc.range[0], end: doc.range[2], version: doc.directives.yaml.version };
  if (isRecord(value) && isListKind(value)) {
    value.items.forEach((item: unknown, index: number) => addResource(loaded, outline, origin, item, ['items', index]));
  } else {
    addResource(loaded, outline, origin, value, []);
  }
}

function notLoadedFinding(source: SourceFile, doc: Document.Parsed, reason: string): Finding {
  return syntaxFinding(source, [doc.range[0], doc.range[0]], `Document not loaded: ${reason}`);
}

/**
 * Aliases can make an object contain itself (`a: &a {b: *a}`), or nest deeper than any document
 * when expanded; rules walking such an object would never finish. Returns why it is refused.
 */
function aliasProblem(value: unknown): string | undefined {
  const depth = nestingDepth(value);
  if (depth === Infinity) return 'an alias refers to a collection that contains it (a cycle)';
  if (depth > MAX_DEPTH) return `collections nest more than ${MAX_DEPTH} levels deep once aliases are expanded`;
  return undefined;
}

interface Frame {
  node: object;
  children: unknown[];
  next: number;
  deepest: number;
}

/** How many collections nest on the deepest path (shared parts counted once); Infinity for a cycle. Stops past MAX_DEPTH. */
function nestingDepth(root: unknown): number {
  if (!isCollection(root)) return 0;
  const finished = new Map<object, number>();
  const onPath = new Set<object>([root]);
  const stack: Frame[] = [frameOf(root)];
  for (;;) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (!isCollection(child)) continue;
      if (onPath.has(child)) return Infinity;
      const known = finished.get(child);
      if (known !== undefined) top.deepest = Math.max(top.deepest, known);
      else if (stack.length >= MAX_DEPTH) return MAX_DEPTH + 1;
      else {
        onPath.add(child);
        stack.push(frameOf(child));
      }
      continue;
    }
    stack.pop();
    onPath.delete(top.node);
    const depth = top.deepest + 1;
    finished.set(top.node, depth);
    if (stack.length === 0) return depth;
    const parent = stack[stack.length - 1];
    parent.deepest = Math.max(parent.deepest, depth);
  }
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function frameOf(node: object): Frame {
  return { node, children: Array.isArray(node) ? node : Object.values(node), next: 0, deepest: 0 };
}

/** Where a document is in its source, to parse it again when something asks for its tree. */
interface DocumentOrigin {
  start: number;
  end: number;
  version: '1.1' | '1.2' | 'next';
}

/** The parsed document of a resource, parsed again from its text when something asks for it. */
function reloader(source: SourceFile, { start, end, version }: DocumentOrigin): () => Document.Parsed {
  let reloaded: Document.Parsed | undefined;
  return () => (reloaded ??= reparse(source.text, start, end, version));
}

function reparse(text: string, start: number, end: number, version: '1.1' | '1.2' | 'next'): Document.Parsed {
  const parser = new Parser();
  parser.offset = start;
  const [doc] = new Composer({ ...PARSE_OPTIONS, version }).compose(parser.parse(text.slice(start, end)));
  return doc as Document.Parsed;
}

function addResource(
  loaded: LoadedSource,
  outline: DocumentOutline,
  origin: DocumentOrigin,
  value: unknown,
  basePath: ObjectPath,
): void {
  const resource = makeResource(loaded.source, { object: isRecord(value) ? value : {}, basePath, outline, origin });
  const { apiVersion, kind } = resource;
  const problems = shapeProblems(value, apiVersion, kind, resource.name || undefined);
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

/** What a resource is made of, as plain data: it crosses the boundary of a parsing worker (src/parse-files.ts). */
interface ResourceData {
  object: Record<string, unknown>;
  basePath: ObjectPath;
  outline: DocumentOutline;
  origin: DocumentOrigin;
}

export interface LoadedSourceData {
  path: string;
  text: string;
  contextOnly: boolean;
  findings: Finding[];
  documentCount: number;
  resources: ResourceData[];
}

const resourceData = new WeakMap<Resource, ResourceData>();

function makeResource(source: SourceFile, data: ResourceData): Resource {
  const { object, basePath, outline, origin } = data;
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = [metadata.name, metadata.generateName].find((n) => typeof n === 'string' && n !== '') as string | undefined;
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
  const reload = reloader(source, origin);
  const resource: Resource = {
    source,
    get doc() {
      return reload();
    },
    basePath,
    apiVersion,
    group: apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '',
    kind,
    namespace: CLUSTER_SCOPED_KINDS.has(kind) ? '' : namespace,
    name: name ?? '',
    object,
  };
  setOutline(resource, outline);
  resourceData.set(resource, data);
  return resource;
}

/** A loaded source as plain data (structured-clonable), and back. */
export function toData(loaded: LoadedSource): LoadedSourceData {
  const { path, text, contextOnly = false } = loaded.source;
  const resources = loaded.resources.map((resource) => resourceData.get(resource)!);
  return { path, text, contextOnly, findings: loaded.findings, documentCount: loaded.documentCount, resources };
}

export function fromData(data: LoadedSourceData): LoadedSource {
  const source: SourceFile = { path: data.path, text: data.text, lineCounter: countLines(data.text), contextOnly: data.contextOnly };
  const resources = data.resources.map((resource) => makeResource(source, resource));
  return { source, resources, findings: data.findings, documentCount: data.documentCount };
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
    const given = isRecord(value.metadata) ? value.metadata.name : undefined;
    const message = given === undefined ? 'Object has no metadata.name (nor metadata.generateName)' : describeMissing('metadata.name', given);
    problems.push({ path: ['metadata', 'name'], message });
  }
  return problems;
}

function describeMissing(field: string, value: unknown): string {
  if (value === undefined) return `Object has no ${field}`;
  return `${field} must be a non-empty string, got ${describeValue(value)}`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `${typeof value} ${String(value)}: quote it so that YAML reads a string`;
  }
  if (value === null) return 'null';
  if (value === '') return 'an empty string';
  return Array.isArray(value) ? 'a list' : 'a mapping';
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
  if (!duplicate) return syntaxFinding(source, [start, end], error.message);
  return {
    ruleId: 'duplicate-key',
    severity: 'error',
    message: `Duplicate key '${quote(source.text.slice(start, end))}': the API server silently keeps only the last value`,
    file: source.path,
    ...toRange(source.lineCounter, [start, end]),
  };
}

function quote(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
}
