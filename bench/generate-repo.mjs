// The "large repository": the statefulsets corpus copied N times into separate files (bench/out/repo-x<N>/c<i>/...),
// every copy's objects renamed with the suffix -c<i>, together with the references rules follow, so that each copy
// is a self-consistent set of objects sharing the original namespaces.
// Usage: node bench/generate-repo.mjs N [CORPUS_DIR]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Scalar, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { manifestFiles } from './lib.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CORPUS = join(BENCH, '../../shared/corpus/statefulsets');

/** Keys whose string value names another object. */
const REFERENCE_KEYS = new Set(['serviceName', 'claimName', 'serviceAccountName', 'secretName']);
/** Parents whose `name` names another object (volume sources, env sources, HPA targets, Ingress/webhook services). */
const REFERENCE_PARENTS = new Set([
  'scaleTargetRef',
  'configMap',
  'configMapKeyRef',
  'configMapRef',
  'secretKeyRef',
  'secretRef',
  'service',
]);

/** Write the repository for N copies and return its directory. */
export function generateRepo(copies, corpus = DEFAULT_CORPUS, outRoot = join(BENCH, 'out')) {
  const target = join(outRoot, `repo-x${copies}`);
  rmSync(target, { recursive: true, force: true });
  for (const file of manifestFiles([corpus])) {
    const text = readFileSync(file, 'utf8');
    const offsets = renameOffsets(text);
    const name = relative(corpus, file);
    for (let copy = 1; copy <= copies; copy++) {
      const path = join(target, `c${copy}`, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, insertAt(text, offsets, `-c${copy}`));
    }
  }
  return target;
}

/** Offsets (ascending) right after each string value to rename, inside any closing quote. */
export function renameOffsets(text) {
  const offsets = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    const kind = doc.contents.get('kind');
    if (kind === 'CustomResourceDefinition') continue; // its schemas have keys named like labels and selectors
    walk(doc.contents, [], kind, offsets);
  }
  return offsets.sort((a, b) => a - b);
}

function walk(node, keys, kind, offsets) {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key)) walk(pair.value, [...keys, String(pair.key.value)], kind, offsets);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) walk(item, [...keys, '[]'], kind, offsets);
  } else if (isScalar(node) && typeof node.value === 'string' && node.value !== '' && isRenamed(keys, kind)) {
    offsets.push(endOfValue(node));
  }
}

function isRenamed(keys, kind) {
  const [last, parent, grandparent] = keys.slice(-3).reverse();
  const objectMetadata = keys.length === 2 || (keys.length === 4 && keys[0] === 'items');
  if (parent === 'metadata' && (last === 'name' || last === 'generateName')) return objectMetadata;
  if (REFERENCE_KEYS.has(last)) return true;
  if (last === 'name' && REFERENCE_PARENTS.has(parent)) return true;
  if (parent === 'labels' && grandparent === 'metadata') return true;
  if (parent === 'matchLabels') return true;
  if (last === '[]' && parent === 'values' && keys.at(-4) === 'matchExpressions') return true;
  const plainSelector = kind === 'Service' || kind === 'ReplicationController';
  return plainSelector && keys.length === 3 && keys[0] === 'spec' && parent === 'selector';
}

function endOfValue(scalar) {
  const quoted = scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE;
  return quoted ? scalar.range[1] - 1 : scalar.range[1];
}

function insertAt(text, offsets, suffix) {
  let result = '';
  let from = 0;
  for (const offset of offsets) {
    result += text.slice(from, offset) + suffix;
    from = offset;
  }
  return result + text.slice(from);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const copies = Number(process.argv[2]);
  if (!Number.isInteger(copies) || copies < 1) throw new Error('Usage: node bench/generate-repo.mjs N [CORPUS_DIR]');
  console.log(generateRepo(copies, process.argv[3]));
}
