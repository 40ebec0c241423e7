// One change to js-yaml's parser in stslint's bundles (scripts/bundle.mjs, scripts/standalone.mjs, scripts/sea.mjs)
// and in the unbundled copy that `npm run bench` profiles (bench/run.mjs): its parser and constructor make their
// state per call with an object literal that opens with spreads,
//   { ...DEFAULT_PARSER_OPTIONS, ...options, input: ..., position: 0, ... }
// and on Node 20 (V8 11.3) such a literal gets a new hidden class almost every time it runs (42 of 50 objects in a
// row; one that opens with a named property gets one). Every property access of the parser then sees a new hidden
// class at each file, so it deoptimizes and ends up megamorphic: `parseEvents` over 790 files of 5 KB took 514 ms
// instead of 283 ms, the whole run 1.37 s instead of 1.05 s (BENCHMARKS.md, reading of 2026-11-30); one text of the
// same bytes did not show it. The change puts first a named property that the literal sets again later
// (`position: 0`), so every key, value and precedence stays as it was: the state is the same object, with one hidden
// class. Tested in test/dist/js-yaml-state.test.ts (the patched module gives the same events, values and errors as
// js-yaml's own, and one hidden class). The build fails when a literal is not found exactly once, when it no longer
// sets `position: 0` itself, and when a bundle imports js-yaml but no module of it was patched (a renamed file).

/** Each state literal of js-yaml 5's ES module build, as it opens, and the named property put first. */
const LITERALS = [
  { opening: '\tconst state = {\n\t\t...DEFAULT_PARSER_OPTIONS,\n\t\t...options,\n', first: 'position: 0,' },
  { opening: '\tconst state = {\n\t\t...DEFAULT_CONSTRUCTOR_OPTIONS,\n\t\t...options,\n', first: 'position: 0,' },
];

/**
 * js-yaml's ES module text with each state literal opening with a named property. Throws when a literal is not
 * found exactly once, or does not set that property itself later on (another js-yaml version: check that the
 * issue is still there before adapting this).
 */
export function patchJsYamlState(text) {
  let patched = text;
  for (const { opening, first } of LITERALS) {
    const name = opening.split('\n')[1].trim();
    const count = patched.split(opening).length - 1;
    if (count !== 1) throw new Error(`js-yaml-state: expected one "${name}" state literal in js-yaml, found ${count}`);
    const at = patched.indexOf(opening);
    const end = patched.indexOf('\n\t};', at);
    const literal = end < 0 ? '' : patched.slice(at, end);
    if (!literal.includes(`\n\t\t${first}\n`)) throw new Error(`js-yaml-state: the "${name}" state literal no longer sets ${first} itself`);
    patched = patched.replace(opening, opening.replace('{\n', `{\n\t\t${first}\n`));
  }
  return patched;
}

/** js-yaml's module files: the ES module build is patched; the CommonJS build is refused by patchJsYamlState. */
const JS_YAML_MODULE = /[\\/]js-yaml[\\/]dist[\\/]js-yaml\.(?:mjs|cjs\.js)$/;

/**
 * The esbuild plugin: js-yaml's module loaded patched. A build that imports js-yaml and loads none of its modules
 * through this plugin fails (js-yaml moved its file).
 */
export const jsYamlState = {
  name: 'js-yaml-state',
  setup(build) {
    let imported = false;
    let patched = false;
    build.onResolve({ filter: /^js-yaml$/ }, () => {
      imported = true;
      return undefined; // resolved as usual
    });
    build.onLoad({ filter: JS_YAML_MODULE }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises');
      const contents = patchJsYamlState(await readFile(path, 'utf8'));
      patched = true;
      return { contents, loader: 'js' };
    });
    build.onEnd(() => (imported && !patched ? { errors: [{ text: 'js-yaml-state: js-yaml was bundled but no module of it was patched (has its file moved?)' }] } : undefined));
  },
};
