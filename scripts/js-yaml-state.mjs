// One change to js-yaml's parser in stslint's bundles (scripts/bundle.mjs, scripts/standalone.mjs, scripts/sea.mjs):
// its parser and constructor make their state per call with an object literal that opens with spreads,
//   { ...DEFAULT_PARSER_OPTIONS, ...options, input: ..., position: 0, ... }
// and on Node 20 (V8 11.3) such a literal gets a new hidden class almost every time it runs (42 of 50 objects in a
// row; one that opens with a named property gets one). Every property access of the parser then sees a new hidden
// class at each file, so it deoptimizes and ends up megamorphic: on 790 files of 5 KB, parsing took 584 ms instead
// of 334 ms, the whole run 1.37 s instead of 1.05 s (BENCHMARKS.md). One document of the same bytes did not show it.
// The change puts a named property first, one the literal sets again later (`position: 0`), so every key, value and
// precedence stays as it was: the state is the same object with one hidden class. Tested in
// test/dist/js-yaml-state.test.ts (the patched module gives the same events, values and errors as js-yaml's own);
// the build fails if js-yaml's text changes so that a literal is not found.

/** Each state literal of js-yaml 5's ES module build, as it opens, and the named property put first. */
const LITERALS = [
  { opening: 'const state = {\n\t\t...DEFAULT_PARSER_OPTIONS,\n\t\t...options,\n', first: 'position: 0,' },
  { opening: 'const state = {\n\t\t...DEFAULT_CONSTRUCTOR_OPTIONS,\n\t\t...options,\n', first: 'position: 0,' },
];

/**
 * js-yaml's ES module text with each state literal opening with a named property. Throws when a literal is not
 * found exactly once (another js-yaml version: check that the issue is still there before adapting this).
 */
export function patchJsYamlState(text) {
  let patched = text;
  for (const { opening, first } of LITERALS) {
    const count = patched.split(opening).length - 1;
    if (count !== 1) throw new Error(`js-yaml-state: expected one "${opening.split('\n')[1].trim()}" state literal in js-yaml, found ${count}`);
    patched = patched.replace(opening, opening.replace('{\n', `{\n\t\t${first}\n`));
  }
  return patched;
}

/** The esbuild plugin: js-yaml's module (dist/js-yaml.mjs; the CommonJS build is refused) loaded patched. */
export const jsYamlState = {
  name: 'js-yaml-state',
  setup(build) {
    build.onLoad({ filter: /[\\/]js-yaml[\\/]dist[\\/]js-yaml\.(?:mjs|cjs\.js)$/ }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: patchJsYamlState(await readFile(path, 'utf8')), loader: 'js' };
    });
  },
};
