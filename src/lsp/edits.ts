import { isMap, isScalar, isSeq, parseAllDocuments, stringify, type Document, type Node, type Pair } from 'yaml';
import type { ObjectEdit, Resource } from '../types.js';

/** A text edit in character offsets of the source: replace [start, end) by `text`. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The text edits that make the changes of a rule's suggestion to an object of `text` (its source), computed from
 * the YAML positions: a scalar value is replaced, a missing key is added under the deepest block mapping that
 * exists (with the indentation of its keys), a removed key takes its whole lines with it. Undefined when the edit
 * cannot be made without rewriting the document (flow collections, lists on the way, a non-scalar to replace).
 */
export function textEdits(text: string, resource: Resource, edits: readonly ObjectEdit[]): OffsetEdit[] | undefined {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return undefined;
  // Documents touch (one ends where the next starts): the object's document is the one starting where its outline does.
  const doc = documents.find((candidate) => candidate.range[0] === resource.outline.start);
  if (!doc) return undefined;
  const result: OffsetEdit[] = [];
  for (const edit of edits) {
    const made = edit.value === undefined ? removal(text, doc, [...resource.basePath, ...edit.path]) : setting(text, doc, [...resource.basePath, ...edit.path], edit.value);
    if (made === null) continue; // nothing to remove
    if (!made) return undefined;
    result.push(made);
  }
  return result.sort((a, b) => b.start - a.start);
}

/** The pairs along a path: the deepest existing mapping, and the path segments below it. */
function walk(doc: Document.Parsed, path: readonly (string | number)[]): { node: Node | null; pair?: Pair; rest: (string | number)[] } {
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    let next: Node | null | undefined;
    if (isMap(node)) {
      pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      next = pair ? (pair.value as Node | null) : undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as Node | undefined;
      pair = undefined;
    }
    if (next === undefined) return { node, rest: path.slice(i) };
    node = next;
  }
  return { node, pair, rest: [] };
}

function setting(text: string, doc: Document.Parsed, path: readonly (string | number)[], value: string | number | boolean): OffsetEdit | undefined {
  const { node, rest } = walk(doc, path);
  // As YAML 1.1, the way kubectl reads it: `yes`, `on`, `010` are quoted to stay strings.
  const scalar = stringify(value, { version: '1.1' }).trimEnd();
  if (rest.length === 0) {
    if (!isScalar(node) || !node.range) return undefined;
    return { start: node.range[0], end: node.range[1], text: scalar };
  }
  if (!isMap(node) || node.flow || node.items.length === 0 || !node.range || rest.some((segment) => typeof segment !== 'string')) return undefined;
  const firstKey = node.items[0].key as Node;
  const indent = column(text, firstKey.range![0]);
  const lines = rest.map((segment, depth) => `${' '.repeat(indent + 2 * depth)}${segment}:${depth === rest.length - 1 ? ` ${scalar}` : ''}`);
  const end = lineEnd(text, node.range[1] - 1);
  const newline = end === text.length && !text.endsWith('\n') ? '\n' : '';
  return { start: end, end, text: `${newline}${lines.join('\n')}\n` };
}

function removal(text: string, doc: Document.Parsed, path: readonly (string | number)[]): OffsetEdit | null | undefined {
  const { pair, rest, node } = walk(doc, path);
  if (rest.length > 0) return null;
  const key = pair?.key as Node | undefined;
  if (!pair || !key?.range || !node?.range) return undefined;
  const start = lineStart(text, key.range[0]);
  if (text.slice(start, key.range[0]).trim() !== '') return undefined; // a flow mapping, or a key after `- `
  return { start, end: lineEnd(text, node.range[1] - 1), text: '' };
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line break ending the line of `offset` (the text's length on the last line). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(offset, 0));
  return newline < 0 ? text.length : newline + 1;
}
