/**
 * Parse one source (a file's text) into objects, turning every syntax or shape problem into a finding.
 * Documents are composed one at a time and their syntax trees dropped once loaded: only the objects, an outline
 * of positions and the comments stay, so memory grows with the objects, not with the trees.
 */
import { Composer, isScalar, LineCounter, Parser, visit, type Document, type Range as NodeRange } from 'yaml';
import duplicateKey from '../../rules/duplicate-key/index.js';
import yamlSyntax from '../../rules/yaml-syntax/index.js';
import { ruleFinding } from '../linter/findings.js';
import type { Finding, MessageData, SourceFile } from '../types.js';
import type { MessageIdOf } from '../linter/rule.js';
import { outlineDocument, toRange, type DocumentOutline } from './positions.js';
import { templateFinder, NOT_AN_OBJECT } from './not-objects.js';
import { loadFast } from './fast.js';
import { addDocument, makeResource, type LoadedSource, type LoadOptions, type NamespaceOption, type ResourceData, type SkippedDocument } from './resource.js';
import { commentsOutsideDocuments, inspectTokens, MAX_ALIAS_COUNT, MAX_DEPTH, type Comment, type TokenFacts } from './tokens.js';
import { PARSE_OPTIONS, syntaxErrors } from './yaml.js';
import { append } from '../util/arrays.js';

/** Longest excerpt of the source quoted in a message (characters). */
const MAX_QUOTE = 80;

/**
 * Load one source: its objects, the findings of its syntax and shape, its comments (for suppression directives).
 * The fast path (fast.ts) when it can prove its result equal, else the reference path (the yaml package).
 */
export function loadSource(path: string, original: string, options: LoadOptions = {}): LoadedSource {
  const text = normalizeLineBreaks(original);
  const source: SourceFile = { path, text, lineCounter: countLines(text), contextOnly: options.contextOnly ?? false, comments: [] };
  const unprintable = findUnprintable(text);
  const reference = unprintable !== undefined || (options.loader ?? process.env.STSLINT_LOADER) === 'reference';
  return (!reference && loadFast(source, options)) || loadReference(source, unprintable, options);
}

function loadReference(source: SourceFile, unprintable: Unprintable | undefined, options: LoadOptions): LoadedSource {
  const { text } = source;
  const loaded: LoadedSource = { source, resources: [], findings: [], documentCount: 0, skipped: [], loader: 'reference' };
  // Duplicate keys are found by duplicateKeys, in linear time: the yaml package's own check compares each key with
  // every earlier key of its mapping (80,000 keys: 52 s).
  const composer = new Composer({ ...PARSE_OPTIONS, uniqueKeys: false });
  const pending: TokenFacts[] = [];
  const findTemplate = templateFinder(text);
  let templateAt: number | undefined;
  const take = (doc: Document.Parsed) => {
    const facts = pending.shift() ?? { hasAlias: false, comments: [] };
    append(source.comments, facts.comments);
    if (isEmptyDocument(doc)) return;
    loaded.documentCount++;
    templateAt ??= findTemplate(doc);
    if (templateAt === undefined) loadDocument(doc, facts, loaded, options);
  };
  for (let token of new Parser().parse(text)) {
    if (token.type === 'document') {
      const facts = inspectTokens(token);
      if (facts.tooDeepAt !== undefined) {
        loaded.findings.push(syntaxFinding(source, [facts.tooDeepAt, facts.tooDeepAt + 1], 'tooDeep', { limit: MAX_DEPTH }));
        token = { ...token, value: undefined };
      }
      pending.push(facts);
    } else {
      append(source.comments, commentsOutsideDocuments(token));
    }
    for (const doc of composer.next(token)) take(doc as Document.Parsed);
  }
  // forceDoc: a stream without any document still reports its errors (e.g. a stray `...`).
  for (const doc of composer.end(true, text.length)) take(doc as Document.Parsed);
  source.comments.sort((a, b) => a.offset - b.offset);
  // A template is not YAML yet: the whole file is skipped, whatever its other documents held.
  if (templateAt !== undefined) return { ...loaded, resources: [], findings: [], skipped: [{ reason: NOT_AN_OBJECT.template, line: source.lineCounter.linePos(templateAt).line }] };
  if (unprintable) loaded.findings.push(unprintableFinding(source, unprintable));
  return loaded;
}

/** Characters YAML does not allow in a stream (outside its printable set), which the yaml package lets through. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Unprintable {
  index: number;
  code: number;
}

function findUnprintable(text: string): Unprintable | undefined {
  const matches = [UNPRINTABLE.exec(text), /[\uD800-\uDFFF]/.test(text) ? LONE_SURROGATE.exec(text) : null];
  const [first] = matches.filter((match) => match !== null).sort((a, b) => a.index - b.index);
  return first ? { index: first.index, code: first[0].charCodeAt(0) } : undefined;
}

function unprintableFinding(source: SourceFile, { index, code }: Unprintable): Finding {
  const character = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return syntaxFinding(source, [index, index + 1], 'unprintable', { character });
}

/**
 * The text with each lone carriage return (one not followed by a line feed) turned into a line feed, character for
 * character (offsets are kept). A lone CR is a line break for YAML (1.2's b-break) and for go-yaml, which kubectl
 * reads manifests with, but not for the yaml package's lexer: a comment would run on past it over what kubectl
 * reads as the next line, and a directive in it would name the wrong line. After this the parser, the line counter
 * (positions) and the comments (suppression directives) all see the same lines.
 */
function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Line starts counted in the text itself: the parser misses the line breaks inside some error tokens. */
function countLines(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) counter.addNewLine(newline + 1);
  return counter;
}

function syntaxFinding(source: SourceFile, span: [number, number], messageId: MessageIdOf<typeof yamlSyntax>, data: MessageData): Finding {
  return ruleFinding(yamlSyntax, messageId, data, { file: source.path, range: toRange(source.lineCounter, span), fatal: true });
}

function loadDocument(doc: Document.Parsed, facts: TokenFacts, loaded: LoadedSource, options: LoadOptions): void {
  for (const error of syntaxErrors(doc.errors)) loaded.findings.push(syntaxFinding(loaded.source, error.pos, 'parseError', { reason: error.message }));
  for (const [start, end] of duplicateKeys(doc)) {
    const range = toRange(loaded.source.lineCounter, [start, end]);
    loaded.findings.push(ruleFinding(duplicateKey, 'duplicate', { key: quote(loaded.source.text.slice(start, end)) }, { file: loaded.source.path, range }));
  }
  if (doc.errors.length > 0) return;
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
  addDocument(loaded, value, outline, doc.contents?.range?.[0] ?? outline.start, options);
}

function notLoadedFinding(source: SourceFile, doc: Document.Parsed, reason: string): Finding {
  return syntaxFinding(source, [doc.range[0], doc.range[0]], 'notLoaded', { reason });
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

/** A loaded source as plain data (structured-clonable, for parsing threads), and back. */
export interface LoadedSourceData {
  path: string;
  text: string;
  contextOnly: boolean;
  comments: Comment[];
  findings: Finding[];
  documentCount: number;
  skipped: SkippedDocument[];
  loader?: LoadedSource['loader'];
  resources: ResourceData[];
  namespace?: string;
}

export function toData(loaded: LoadedSource, options: NamespaceOption = {}): LoadedSourceData {
  const { path, text, contextOnly = false, comments } = loaded.source;
  const resources = loaded.resources.map(({ object, basePath, outline }) => ({ object, basePath, outline }));
  return { path, text, contextOnly, comments, findings: loaded.findings, documentCount: loaded.documentCount, skipped: loaded.skipped, loader: loaded.loader, resources, namespace: options.namespace };
}

export function fromData(data: LoadedSourceData): LoadedSource {
  const source: SourceFile = { path: data.path, text: data.text, lineCounter: countLines(data.text), contextOnly: data.contextOnly, comments: data.comments };
  const resources = data.resources.map((resource) => makeResource(source, resource, { namespace: data.namespace }));
  return { source, resources, findings: data.findings, documentCount: data.documentCount, skipped: data.skipped, loader: data.loader };
}

function isEmptyDocument(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  return doc.errors.length === 0 && (contents === null || (isScalar(contents) && contents.value === null));
}

/**
 * The spans of the keys that repeat an earlier key of their mapping, in document order. Keys are the same as for
 * the yaml package's own check: scalars of equal value (`1` and `0x1` are the same number, `"1"` and `1` are not);
 * other keys (collections, aliases) are never the same. One set per mapping: linear in the number of keys.
 */
function duplicateKeys(doc: Document.Parsed): NodeRange[] {
  const spans: NodeRange[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || !key.range || Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) spans.push(key.range);
        else seen.add(key.value);
      }
    },
  });
  return spans;
}

function quote(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
}

export type { DocumentOutline, LoadedSource, LoadOptions, SkippedDocument };
