#!/usr/bin/env node
// Compiles schemas/<version>/ into ajv standalone validators under dist/schemas/ (run by `npm run build`):
//   dist/schemas/<version>/<group>_<version>.cjs   one CommonJS module per apiVersion, exporting a validator per kind;
//                                                  a later version whose apiVersion has the very same schemas uses the
//                                                  earlier version's module instead of a copy
//   dist/schemas/definitions.json, dist/schemas/<version>/definitions.json
//                                                  copies of the stored pool and overlays (see store.mjs), read only to
//                                                  suggest field names for unknown fields
//   dist/schemas/index.json                        { <version>: { <apiVersion>: { module, kinds: { <kind>: <definition> } } } }
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { transformSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKinds, readVersion, storedVersions } from './store.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outRoot = join(here, '..', 'dist', 'schemas');
const indexFile = join(outRoot, 'index.json');
const DEFINITIONS_ID = 'definitions.json';
/** Module file by hash of the schemas it compiles, to share identical modules between versions. */
const compiled = new Map();

function main() {
  const versions = storedVersions();
  if (!process.argv.includes('--force') && upToDate(versions)) {
    console.log('dist/schemas is up to date');
    return;
  }
  rmSync(outRoot, { recursive: true, force: true });
  mkdirSync(outRoot, { recursive: true });
  copyFileSync(join(here, 'definitions.json'), join(outRoot, 'definitions.json'));
  const index = {};
  for (const version of versions) index[version] = compileVersion(version);
  const count = new Set(Object.values(index).flatMap((groups) => Object.values(groups).map((entry) => entry.module))).size;
  console.log(`dist/schemas: ${versions.join(', ')}; ${count} modules`);
  writeFileSync(indexFile, `${JSON.stringify(index)}\n`);
}

/** True when dist/schemas/index.json is newer than every input (the schemas, this script, ajv). */
function upToDate(versions) {
  if (!existsSync(indexFile)) return false;
  const inputs = [
    fileURLToPath(import.meta.url),
    createRequire(import.meta.url).resolve('ajv/package.json'),
    createRequire(import.meta.url).resolve('esbuild/package.json'),
    join(here, 'store.mjs'),
    join(here, 'definitions.json'),
    ...versions.flatMap((version) => ['definitions.json', 'kinds.json'].map((file) => join(here, version, file))),
  ];
  const built = statSync(indexFile).mtimeMs;
  return inputs.every((input) => statSync(input).mtimeMs < built);
}

function compileVersion(version) {
  const definitions = readVersion(version);
  const kinds = readKinds(version);
  const outDir = join(outRoot, version);
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(here, version, 'definitions.json'), join(outDir, 'definitions.json'));
  const entries = {};
  for (const [apiVersion, kindDefinitions] of Object.entries(kinds)) {
    const used = reachable(definitions, Object.values(kindDefinitions));
    const hash = createHash('sha256').update(JSON.stringify([kindDefinitions, used])).digest('hex');
    let module = compiled.get(hash);
    if (!module) {
      module = `${version}/${apiVersion.replace('/', '_')}.cjs`;
      writeFileSync(join(outRoot, module), compileGroup(used, kindDefinitions));
      compiled.set(hash, module);
    }
    entries[apiVersion] = { module, kinds: kindDefinitions };
  }
  return entries;
}

/** The definitions reachable from `names`, in a stable order. */
function reachable(definitions, names) {
  const used = {};
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.shift();
    if (used[name]) continue;
    used[name] = definitions[name];
    JSON.stringify(used[name], (key, value) => {
      if (key === '$ref' && typeof value === 'string') queue.push(value.replace('#/definitions/', ''));
      return value;
    });
  }
  return Object.fromEntries(Object.entries(used).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * One standalone module whose exports are the kinds of one apiVersion; shared definitions become shared functions.
 * Minified: ajv leaves a copy of most schemas in the module that no validator reads, and long local names; without
 * them a module is a third smaller, which a run pays for in reading and compiling it (apps/v1: 0.49 to 0.34 MB).
 */
function compileGroup(definitions, kindDefinitions) {
  const ajv = new Ajv.default({
    allErrors: true,
    inlineRefs: false,
    messages: false,
    strict: false,
    code: { source: true, lines: false },
  });
  ajv.addSchema({ definitions, $id: DEFINITIONS_ID });
  const exports = Object.fromEntries(
    Object.entries(kindDefinitions).map(([kind, name]) => [kind, `${DEFINITIONS_ID}#/definitions/${name}`]),
  );
  return transformSync(standaloneCode.default(ajv, exports), { minify: true, treeShaking: true, platform: 'node', target: 'node20' }).code;
}

main();
