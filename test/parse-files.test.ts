import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The threaded path needs the worker module, which only the build has: test the built modules (npm test builds first).
const dist = resolve('dist/src');
const corpus = resolve('../shared/corpus/statefulsets');

describe.skipIf(!existsSync(corpus))('loading files in worker threads', () => {
  it('gives exactly what loading them on the main thread gives', async () => {
    const { loadFiles } = await import(join(dist, 'load/parse-files.js'));
    const { rangeOf } = await import(join(dist, 'load/positions.js'));
    const files = [
      ...readdirSync(corpus).map((name) => ({ path: join(corpus, name), contextOnly: false })),
      { path: resolve('fixtures/e2e/bad.yaml'), contextOnly: true },
      { path: resolve('fixtures/does-not-exist.yaml'), contextOnly: false },
    ];
    type Outcome = { loaded?: { source: { path: string }; findings: unknown[]; documentCount: number; resources: never[] }; finding?: unknown };
    const summary = (outcomes: Outcome[]) =>
      outcomes.map((outcome) =>
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
    const serial = summary(await loadFiles(files, { parallelMinBytes: Infinity }));
    const threaded = summary(await loadFiles(files, { parallelMinBytes: 0 }));
    expect(threaded).toEqual(serial);
    expect(serial.length).toBe(files.length);
  });
});
