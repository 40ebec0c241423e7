import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The threaded path needs the worker module, which only the build has: test the built modules (npm test builds first).
const dist = resolve('dist/src');
const corpus = resolve('../shared/corpus/statefulsets');

type Outcome = { loaded?: { source: { path: string }; findings: unknown[]; documentCount: number; resources: never[] }; finding?: unknown };

/** What a caller sees of each outcome: findings, objects and two positions per object. */
async function summary(outcomes: Outcome[]) {
  const { rangeOf } = await import(join(dist, 'load/positions.js'));
  return outcomes.map((outcome) =>
    outcome.loaded
      ? {
          path: outcome.loaded.source.path,
          findings: outcome.loaded.findings,
          documents: outcome.loaded.documentCount,
          resources: outcome.loaded.resources.map((resource: { kind: string; name: string; object: unknown; source: { contextOnly: boolean } }) => ({
            kind: resource.kind,
            name: resource.name,
            object: resource.object,
            contextOnly: resource.source.contextOnly,
            name_at: rangeOf(resource, ['metadata', 'name']),
            container_at: rangeOf(resource, ['spec', 'template', 'spec', 'containers', 0, 'image']),
          })),
        }
      : outcome,
  );
}

/** Files that cannot be read or are not text, each with its own finding from read.ts. */
const oddDirectory = mkdtempSync(join(tmpdir(), 'stslint-parse-files-'));
afterAll(() => rmSync(oddDirectory, { recursive: true, force: true }));
mkdirSync(join(oddDirectory, 'a-directory.yaml'));
writeFileSync(join(oddDirectory, 'empty.yaml'), '');
writeFileSync(join(oddDirectory, 'latin1.yaml'), Buffer.from('kind: Service\nmetadata: {name: caf\xe9}\n', 'latin1'));
writeFileSync(join(oddDirectory, 'binary.yaml'), Buffer.from([0x6b, 0x3a, 0x00, 0x01]));
writeFileSync(join(oddDirectory, 'utf16.yaml'), Buffer.from('\ufeffkind: Service\n', 'utf16le'));
writeFileSync(join(oddDirectory, 'large.yaml'), `kind: ConfigMap\ndata: {a: "${'x'.repeat(200_000)}"}\n`);
const odd = ['a-directory.yaml', 'empty.yaml', 'latin1.yaml', 'binary.yaml', 'utf16.yaml', 'large.yaml', 'missing.yaml'].map((name) => ({
  path: join(oddDirectory, name),
  contextOnly: false,
}));

describe.skipIf(!existsSync(corpus))('loading files in worker threads', () => {
  it('gives exactly what loading them on the main thread gives, in the order given', async () => {
    const { loadFiles } = await import(join(dist, 'load/parse-files.js'));
    const files = [
      ...readdirSync(corpus).map((name) => ({ path: join(corpus, name), contextOnly: false })),
      { path: resolve('fixtures/e2e/bad.yaml'), contextOnly: true },
      { path: resolve('fixtures/does-not-exist.yaml'), contextOnly: false },
      ...odd,
    ];
    const progress: number[] = [];
    const serial = await summary(await loadFiles(files, { workers: 0, maxBytes: 150_000 }));
    const threaded = await summary(await loadFiles(files, { workers: 2, bytesPerWorker: 0, maxBytes: 150_000 }, (done: number) => progress.push(done)));
    expect(threaded).toEqual(serial);
    expect(serial.map((outcome) => ('path' in outcome ? outcome.path : (outcome.finding as { file: string }).file))).toEqual(files.map(({ path }) => path));
    expect(progress).toEqual(files.map((_, i) => i + 1));
    // Every kind of unreadable file keeps its own message.
    const messages = serial.slice(-odd.length - 1).map((outcome) => ('finding' in outcome ? (outcome.finding as { messageId: string }).messageId : 'loaded'));
    expect(messages).toEqual(['removed', 'isDirectory', 'loaded', 'notUtf8', 'binary', 'utf16', 'tooLarge', 'removed']);
  });
});
