import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSource, type LoadedSource } from '../../src/load/source.js';
import { loadDocuments, type Pieces } from '../../src/lsp/documents.js';

const CORPUS = resolve('../shared/corpus/statefulsets');

/** Everything a LoadedSource holds, its objects' source left out (compared through `text` and `lines`). */
function view(loaded: LoadedSource) {
  const { source } = loaded;
  return {
    text: source.text,
    lines: source.lineCounter.lineStarts,
    contextOnly: source.contextOnly,
    comments: source.comments,
    findings: loaded.findings,
    documentCount: loaded.documentCount,
    skipped: loaded.skipped,
    resources: loaded.resources.map(({ source: _, ...resource }) => resource),
  };
}

/** Loads `text` document by document after `previous`, checks it equals loadSource's, returns the pieces. */
function expectSameLoad(text: string, previous: Pieces = new Map(), path = '/w/a.yaml'): Pieces {
  const { loaded, pieces } = loadDocuments(path, text, { namespace: 'team' }, previous);
  expect(view(loaded), JSON.stringify(text)).toEqual(view(loadSource(path, text, { namespace: 'team' })));
  return pieces;
}

const THREE = `# leading comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: a
data:
  script: |
    echo one
    --- not a marker: indented
# between
---
apiVersion: v1
kind: Service
metadata:
  name: b  # trailing
  annotations: {x: "y"}
spec:
  selector: {app: b}
--- # a comment on the marker
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: c
  labels: &labels
    app: c
spec:
  serviceName: b
  template:
    metadata:
      labels: *labels
`;

/** A seeded generator (a linear congruential one): the same edits on every run. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

/** What typing inserts, the YAML indicators first, and markers that move document boundaries. */
const TYPED = ['"', "'", '[', ']', '{', '}', ':', '-', ' ', '\n', '#', '|', '>', '&x', '*x', '---\n', '\n---', '\n...\n', '\t', '%', '\r', '{{', 'k: v', 'x'];

/** Three edits in a row on `text`, each loaded after the previous one's pieces and compared with loadSource. */
function editAndCompare(text: string, next: (below: number) => number): void {
  let edited = text;
  let pieces = expectSameLoad(edited);
  for (let edit = 0; edit < 3; edit++) {
    const at = next(edited.length + 1);
    edited = next(2) ? edited.slice(0, at) + TYPED[next(TYPED.length)] + edited.slice(at) : edited.slice(0, at) + edited.slice(at + 1 + next(3));
    pieces = expectSameLoad(edited, pieces);
  }
}

describe('loading a buffer document by document (src/lsp/documents.ts)', () => {
  it('gives what loadSource gives, with positions, comments and findings moved to the whole text', () => {
    expectSameLoad(THREE);
    expectSameLoad(`---\n${THREE}`);
    expectSameLoad(THREE.replace('name: b', 'name: b\n  name: b2')); // duplicate key in the second document
    expectSameLoad(THREE.replace('apiVersion: apps/v1', 'apiVersion: 3')); // resource-shape finding
    expectSameLoad(THREE.replaceAll('\n', '\r\n'));
    expectSameLoad('---\n---\n\n---\n# only comments\n');
    expectSameLoad('');
  });

  it('loads the whole text where the documents cannot be told apart alone', () => {
    for (const text of [
      THREE.replace('annotations: {x: "y"}', 'annotations: {x: "y'), // unclosed quote before a marker
      THREE.replace('selector: {app: b}', 'selector: [app'), // unclosed flow collection
      `%YAML 1.2\n${THREE}`,
      THREE.replace('# between', '...'),
      THREE.replace('# between', '# lone\rCR'),
      THREE.replace('name: c', 'name: {{ .Values.name }}'), // an unrendered template: the whole file is skipped
      THREE.replace('echo one', 'echo \u0007'),
    ]) {
      const pieces = expectSameLoad(text);
      expect(pieces.size, JSON.stringify(text)).toBe(0);
    }
  });

  it('parses again only the documents whose text changed', () => {
    const first = loadDocuments('/w/a.yaml', THREE, {}, new Map());
    expect(first.pieces.size).toBe(3);
    // Lines added to the first document move the others: they are reused, moved.
    const changed = THREE.replace('name: a', 'name: a\n  namespace: x');
    const second = loadDocuments('/w/a.yaml', changed, {}, first.pieces);
    const [a, b, c] = second.loaded.resources;
    expect(a.object).not.toBe(first.loaded.resources[0].object);
    expect(b.object).toBe(first.loaded.resources[1].object);
    expect(c.object).toBe(first.loaded.resources[2].object);
    expect(view(second.loaded)).toEqual(view(loadSource('/w/a.yaml', changed)));
  });

  it('gives documents of the same text objects of their own', () => {
    const twice = `${THREE}---\n${THREE}---\n${THREE}`.replaceAll('# leading comment\n', '');
    const pieces = expectSameLoad(twice);
    const { loaded } = loadDocuments('/w/a.yaml', twice, {}, pieces);
    expect(loaded.resources).toHaveLength(9);
    expect(new Set(loaded.resources.map((resource) => resource.object)).size).toBe(9);
  });

  it('gives what loadSource gives after random edits (seeded)', () => {
    const next = random(17);
    for (let run = 0; run < 100; run++) editAndCompare(THREE, next);
  });

  describe.skipIf(!existsSync(CORPUS))('on the corpus (../shared/corpus/statefulsets)', () => {
    const files = existsSync(CORPUS)
      ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((file) => /\.ya?ml$/.test(file)).map((file) => join(CORPUS, file))
      : [];

    it('gives what loadSource gives on every file, and after random edits of the multi-document ones (seeded)', () => {
      for (const file of files) expectSameLoad(readFileSync(file, 'utf8'), new Map(), file);
      const multi = files.map((file) => readFileSync(file, 'utf8')).filter((text) => text.includes('\n---') && text.length < 40_000);
      expect(multi.length).toBeGreaterThan(10);
      const next = random(5);
      for (let run = 0; run < 60; run++) editAndCompare(multi[next(multi.length)], next);
    });
  });
});
