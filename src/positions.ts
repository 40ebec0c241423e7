import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { LineCounter } from 'yaml';
import type { ObjectPath, Range, Resource } from './types.js';

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
  const span =
    path.length === 0
      ? rootSpan(nodeAt(resource.doc.contents, resource.basePath))
      : spanOf(resource.doc.contents, [...resource.basePath, ...path]);
  return toRange(resource.source.lineCounter, span ?? documentSpan(resource));
}

function nodeAt(root: unknown, path: ObjectPath): Node | null {
  let node = root as Node | null;
  for (const segment of path) {
    if (isMap(node)) node = (node.items.find((item) => keyMatches(item, segment))?.value ?? null) as Node | null;
    else if (isSeq(node) && typeof segment === 'number') node = (node.items[segment] ?? null) as Node | null;
    else return null;
  }
  return node;
}

export function toRange(lineCounter: LineCounter, [start, end]: Span): Range {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(end, start));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

function spanOf(root: unknown, path: ObjectPath): Span | undefined {
  let node = root as Node | null;
  let best: Span | undefined = rootSpan(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => keyMatches(item, segment));
      if (!pair) return best;
      best = pairSpan(pair) ?? best;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return best;
      best = itemSpan(item) ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

function keyMatches(pair: Pair, segment: string | number): boolean {
  const key = pair.key;
  if (isScalar(key)) return String(key.value) === String(segment);
  return key === segment;
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

function rootSpan(node: Node | null): Span | undefined {
  if (!node || !node.range) return undefined;
  if (isMap(node)) {
    const kind = node.items.find((item) => keyMatches(item, 'kind'));
    if (kind) return pairSpan(kind);
  }
  return itemSpan(node);
}

function documentSpan(resource: Resource): Span {
  const range = resource.doc.range;
  return [range[0], range[0]];
}
