import { Composer, isMap, isPair, isScalar, isSeq, Parser, type Document, type Node, type Pair } from 'yaml';
import type { LineCounter } from 'yaml';
import type { DocumentOutline, ObjectPath, Outline, Range, Resource } from '../types.js';
import { eventOutline } from './event-outline.js';
import { PARSE_OPTIONS } from './yaml.js';

export type { DocumentOutline, Outline };

type Span = [start: number, end: number];

/**
 * The source range of the key or value at `path` inside a resource.
 *
 * - A key whose value is a scalar: the whole `key: value` pair (one line).
 * - A key whose value is a mapping or a list: the key only.
 * - A list item: the item if it is a scalar, else its first key.
 * - A path that does not exist: the deepest part of it that does.
 */
export function rangeOf(resource: Resource, path: ObjectPath): Range {
  const outline = builtOutline(resource);
  const span =
    path.length === 0
      ? rootSpan(outline.root, resource.basePath)
      : spanOf(outline.root, [...resource.basePath, ...path]);
  return toRange(resource.source.lineCounter, span ?? [outline.start, outline.start]);
}

export function toRange(lineCounter: LineCounter, [start, end]: Span): Range {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(end, start));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/**
 * Build the outline of a parsed document (recursive: the loader refuses documents nested too deeply first). `shift`
 * is added to every offset: the document was parsed from the source's text starting at that offset.
 */
export function outlineDocument(doc: Document.Parsed, shift = 0): DocumentOutline {
  const contents = doc.contents as Node | null;
  return { root: contents?.range ? outlineNode(contents, shift) : undefined, start: doc.range[0] + shift };
}

/**
 * The outline of a resource, built first if the fast loader left it for later: from js-yaml's events of the
 * document's own text (event-outline.ts), else, where that is not sure of a range, by parsing that text with the
 * yaml package as the reference loader parses it. The fast loader takes only documents whose text parses the same
 * on its own as in its file (no directives, no aliases).
 */
export function builtOutline(resource: Pick<Resource, 'outline' | 'source'>): DocumentOutline {
  const { outline } = resource;
  if (!outline.lazy) return outline;
  const { text } = resource.source;
  const { start, end = text.length } = outline;
  outline.root = eventOutline(text, start, end) ?? referenceOutline(text, start, end);
  delete outline.lazy;
  delete outline.end;
  return outline;
}

function referenceOutline(text: string, start: number, end: number): Outline | undefined {
  const composer = new Composer({ ...PARSE_OPTIONS, uniqueKeys: false });
  for (const token of new Parser().parse(text.slice(start, end))) {
    if (token.type !== 'document') continue;
    void [...composer.next(token)];
    const [doc] = composer.end();
    return outlineDocument(doc as Document.Parsed, start).root;
  }
  return undefined;
}

// Arrays are built at their final length: grown by push, each would reserve room for 17 entries.
function outlineNode(node: Node, shift: number): Outline {
  const outline: Outline = { start: node.range![0] + shift, spans: [] };
  if (!(isMap(node) || isSeq(node)) || node.items.length === 0) outline.end = node.range![1] + shift;
  if (isMap(node)) {
    outline.keys = node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined));
    outline.spans = flatSpans(node.items.map(pairSpan), shift);
    addChildren(outline, node.items.map((pair) => pair.value as Node | null), shift);
  } else if (isSeq(node)) {
    const items = node.items as (Node | null)[];
    outline.spans = flatSpans(items.map((item) => (item ? itemSpan(item) : undefined)), shift);
    addChildren(outline, items, shift);
  }
  return outline;
}

function flatSpans(spans: (Span | undefined)[], shift: number): number[] {
  const flat = new Array<number>(2 * spans.length);
  spans.forEach((span, i) => {
    flat[2 * i] = span ? span[0] + shift : -1;
    flat[2 * i + 1] = span ? span[1] + shift : -1;
  });
  return flat;
}

function addChildren(outline: Outline, values: (Node | null)[], shift: number): void {
  if (!values.some(isCollectionNode)) return;
  outline.children = values.map((value) => (isCollectionNode(value) ? outlineNode(value, shift) : undefined));
}

function isCollectionNode(value: Node | null): value is Node {
  return (isMap(value) || isSeq(value)) && value.range !== undefined;
}

function entryCount(outline: Outline): number {
  return outline.spans.length / 2;
}

function entrySpan(outline: Outline, index: number): Span | undefined {
  const start = outline.spans[2 * index];
  return start === undefined || start < 0 ? undefined : [start, outline.spans[2 * index + 1]];
}

/** The entry a path segment names: a key of a mapping, an index of a list; -1 if there is none. */
function entryIndex(outline: Outline, segment: string | number): number {
  if (outline.keys) return outline.keys.indexOf(String(segment));
  if (typeof segment !== 'number' || !Number.isInteger(segment)) return -1;
  return segment >= 0 && segment < entryCount(outline) ? segment : -1;
}

function spanOf(root: Outline | undefined, path: ObjectPath): Span | undefined {
  let outline = root;
  let best = rootSpanOf(root);
  for (const segment of path) {
    const index = outline ? entryIndex(outline, segment) : -1;
    if (!outline || index < 0) return best;
    best = entrySpan(outline, index) ?? best;
    outline = outline.children?.[index];
  }
  return best;
}

/** The span of a whole object: its `kind` pair, else its first entry; for a list item (basePath) that is not a collection, the item. */
function rootSpan(root: Outline | undefined, basePath: ObjectPath): Span | undefined {
  let outline = root;
  for (const [n, segment] of basePath.entries()) {
    const index = outline ? entryIndex(outline, segment) : -1;
    if (!outline || index < 0) return undefined;
    const child = outline.children?.[index];
    if (!child) return n === basePath.length - 1 ? entrySpan(outline, index) : undefined;
    outline = child;
  }
  return rootSpanOf(outline);
}

function rootSpanOf(outline: Outline | undefined): Span | undefined {
  if (!outline) return undefined;
  const kind = outline.keys?.indexOf('kind') ?? -1;
  if (kind >= 0) return entrySpan(outline, kind);
  return itemSpanOf(outline);
}

function itemSpanOf(outline: Outline): Span | undefined {
  return entryCount(outline) > 0 ? entrySpan(outline, 0) : [outline.start, outline.end ?? outline.start];
}

function pairSpan(pair: Pair): Span | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  const keyRange = key && 'range' in key ? key.range : undefined;
  const valueRange = value && 'range' in value ? value.range : undefined;
  if (!keyRange) return valueRange ? [valueRange[0], valueRange[1]] : undefined;
  if (valueRange && isScalar(value)) return [keyRange[0], valueRange[1]];
  return [keyRange[0], keyRange[1]];
}

function itemSpan(item: Node): Span | undefined {
  if (isMap(item) && item.items.length > 0) {
    const first = item.items[0];
    if (isPair(first)) return pairSpan(first);
  }
  if (isSeq(item) && item.items.length > 0) return itemSpan(item.items[0] as Node);
  return item.range ? [item.range[0], item.range[1]] : undefined;
}
