import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint.js';
import { expandPaths } from '../../src/load/files.js';
import { expectSameLoad, outlinesBuilt } from './loader-equality.js';

/**
 * The whole corpus (../shared/corpus: statefulsets/ and bulk/, 17 MB) on the fast loader and on the reference loader
 * (src/load/fast.ts, source.ts): every file loads the same, and the lint results (every finding with its range) are
 * the same JSON. Skipped, saying so, where the corpus is absent.
 */
const CORPUS_ROOT = resolve('../shared/corpus');
const present = existsSync(CORPUS_ROOT);

describe.skipIf(!present)(`the corpus (${present ? CORPUS_ROOT : 'skipped: ../shared/corpus is absent'}) on both loaders`, () => {
  it('loads every file the same, most of them on the fast path', async () => {
    const { files } = await expandPaths([CORPUS_ROOT]);
    const taken = files.map((file) => expectSameLoad(file, readFileSync(file, 'utf8')));
    expect(files.length).toBeGreaterThan(80);
    // Every corpus file takes the fast path today; a screen that grows too wide shows here.
    expect(taken.filter((loader) => loader === 'fast').length / files.length).toBeGreaterThan(0.9);
    // Every outline the fast path left for later was built from js-yaml's events (src/load/event-outline.ts).
    expect(outlinesBuilt.events).toBeGreaterThan(500);
    expect(outlinesBuilt.reference).toBe(0);
  }, 300_000);

  it('gives the same lint results, finding by finding with their ranges', async () => {
    const fast = await lintFiles([CORPUS_ROOT]);
    process.env.STSLINT_LOADER = 'reference';
    let reference;
    try {
      reference = await lintFiles([CORPUS_ROOT]);
    } finally {
      delete process.env.STSLINT_LOADER;
    }
    expect(fast.results.reduce((sum, result) => sum + result.messages.length, 0)).toBeGreaterThan(50);
    expect(JSON.stringify(fast.results)).toBe(JSON.stringify(reference.results));
  }, 300_000);
});
