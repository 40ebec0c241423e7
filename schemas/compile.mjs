#!/usr/bin/env node
// Compiles schemas/<version>/ into ajv standalone validators under dist/schemas/ (run by `npm run build`):
//   dist/schemas/<version>/<group>_<version>.cjs   one CommonJS module per apiVersion, exporting a validator per kind
//   dist/schemas/<version>/definitions.json        a copy, read only to suggest field names for unknown fields
//   dist/schemas/index.json                        { <version>: { <apiVersion>: { module, kinds: { <kind>: <definition> } } } }
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outRoot = join(here, '..', 'dist', 'schemas');
const indexFile = join(outRoot, 'index.json');
const DEFINITIONS_ID = 'definitions.json';

function main() {
  const versions = readdirSync(here).filter((entry) => /^\d+\.\d+$/.test(entry)).sort();
  if (!process.argv.includes('--force') && upToDate(versions)) {
    console.log('dist/schemas is up to date');
    return;
  }
  const index = {};
  for (const version of versions) index[version] = compileVersion(version);
  writeFileSync(indexFile, `${JSON.stringify(index)}\n`);
}

/** True when dist/schemas/index.json is newer than every input (the schemas, this script, ajv). */
function upToDate(versions) {
  if (!existsSync(indexFile)) return false;
  const inputs = [
    fileURLToPath(import.meta.url),
    createRequire(import.meta.url).resolve('ajv/package.json'),
    ...versions.flatMap((version) => ['definitions.json', 'kinds.json'].map((file) => join(here, version, file))),
  ];
  const built = statSync(indexFile).mtimeMs;
  return inputs.every((input) => statSync(input).mtimeMs < built);
}

function compileVersion(version) {
  const source = join(here, version);
  const definitions = JSON.parse(readFileSync(join(source, 'definitions.json'), 'utf8'));
  const kinds = JSON.parse(readFileSync(join(source, 'kinds.json'), 'utf8'));
  const outDir = join(outRoot, version);
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(source, 'definitions.json'), join(outDir, 'definitions.json'));
  const entries = {};
  for (const [apiVersion, kindDefinitions] of Object.entries(kinds)) {
    const module = `${version}/${apiVersion.replace('/', '_')}.cjs`;
    writeFileSync(join(outRoot, module), compileGroup(definitions, kindDefinitions));
    entries[apiVersion] = { module, kinds: kindDefinitions };
  }
  return entries;
}

/** One standalone module whose exports are the kinds of one apiVersion; shared definitions become shared functions. */
function compileGroup(definitions, kindDefinitions) {
  const ajv = new Ajv.default({
    allErrors: true,
    inlineRefs: false,
    messages: false,
    strict: false,
    code: { source: true, lines: false },
  });
  ajv.addSchema({ ...definitions, $id: DEFINITIONS_ID });
  const exports = Object.fromEntries(
    Object.entries(kindDefinitions).map(([kind, name]) => [kind, `${DEFINITIONS_ID}#/definitions/${name}`]),
  );
  return standaloneCode.default(ajv, exports);
}

main();
