#!/usr/bin/env node
// Generates schemas/<major.minor>/definitions.json and kinds.json from the installed `kubernetes-types`
// package with ts-json-schema-generator, then applies the fidelity fixes listed in schemas/README.md.
// Run with `npm run generate:schemas [-- <package>]`: the package is `kubernetes-types` (default) or an npm alias
// of an older release such as `kubernetes-types-1.25` (about a minute: each .d.ts takes ~2 s).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createGenerator } from 'ts-json-schema-generator';
import { applyIntegers, reportIntegers } from './integers.mjs';
import { applyFixes, mapRefs, relaxStatus, sortKeys } from './fixes.mjs';
import { writeVersion } from './store.mjs';

const require = createRequire(import.meta.url);
const typesPackage = process.argv[2] ?? 'kubernetes-types';
const typesRoot = dirname(require.resolve(`${typesPackage}/package.json`));
const typesVersion = JSON.parse(readFileSync(join(typesRoot, 'package.json'), 'utf8')).version;
const kubernetesVersion = typesVersion.split('.').slice(0, 2).join('.');

/** Modules holding shared types only: their own kinds (meta/v1 discovery types) are not manifests. */
const SUPPORT_MODULES = new Set(['meta/v1', 'runtime', 'api/resource']);

/** OpenAPI-style definition name prefixes, so names stay unique across group/versions. */
const PREFIXES = {
  'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1',
  runtime: 'io.k8s.apimachinery.pkg.runtime',
  'api/resource': 'io.k8s.apimachinery.pkg.api.resource',
  'apiextensions/v1': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1',
};
const prefixOf = (module) => PREFIXES[module] ?? `io.k8s.api.${module.replace('/', '.')}`;

async function main() {
  const modules = listModules();
  const raw = new Map(modules.map((module) => [module.id, generate(module)]));
  const byId = new Map(modules.map((module) => [module.id, module]));
  const definitions = {};
  for (const module of modules) {
    for (const [name, schema] of Object.entries(raw.get(module.id).definitions)) {
      const owner = ownerOf(module, name, byId);
      if (owner !== module.id) {
        assertSameDefinition(module.id, owner, name, schema, raw);
        continue;
      }
      definitions[`${prefixOf(owner)}.${name}`] = renameRefs(schema, module, byId);
    }
  }
  const skipped = applyFixes(definitions);
  if (skipped.length > 0) console.log(`  fixes with nothing to fix in ${kubernetesVersion}: ${skipped.join(', ')}`);
  reportIntegers(await applyIntegers(definitions));
  relaxStatus(definitions);
  writeVersion(kubernetesVersion, `kubernetes-types ${typesVersion}`, definitions, kindsOf(modules, definitions));
}

/** Every .d.ts of kubernetes-types: id 'apps/v1', its declared names and its imports (name → module id). */
function listModules() {
  const files = walk(typesRoot).filter((file) => file.endsWith('.d.ts') && !file.endsWith('version.d.ts'));
  return files.map((file) => {
    const id = relative(typesRoot, file).replace(/\\/g, '/').replace(/\.d\.ts$/, '');
    const text = readFileSync(file, 'utf8');
    const declared = new Set([...text.matchAll(/^export (?:declare )?(?:interface|type) (\w+)/gm)].map((match) => match[1]));
    const imports = new Map();
    for (const match of text.matchAll(/^import \{([^}]+)\} from "([^"]+)";/gm)) {
      const from = join(dirname(id), match[2]).replace(/\\/g, '/');
      for (const name of match[1].split(',').map((part) => part.trim())) imports.set(name, from);
    }
    return { id, file, declared, imports };
  });
}

function walk(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules') return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function generate(module) {
  const started = Date.now();
  const schema = createGenerator({
    path: module.file,
    type: '*',
    expose: 'export',
    topRef: true,
    jsDoc: 'none',
    skipTypeCheck: true,
  }).createSchema('*');
  console.log(`  ${module.id}: ${Object.keys(schema.definitions).length} definitions (${Date.now() - started} ms)`);
  return schema;
}

/** The module declaring `name` as seen from `module`: itself, or the nearest module through its imports. */
function ownerOf(module, name, byId) {
  const seen = new Set();
  const queue = [module.id];
  while (queue.length > 0) {
    const current = byId.get(queue.shift());
    if (seen.has(current.id)) continue;
    seen.add(current.id);
    if (current.declared.has(name)) return current.id;
    const direct = current.imports.get(name);
    if (direct) return direct;
    queue.push(...new Set(current.imports.values()));
  }
  throw new Error(`${module.id}: cannot tell which module declares ${name}`);
}

/** A definition copied into another module's output must be the owner's own (no name clash hid another type). */
function assertSameDefinition(moduleId, owner, name, schema, raw) {
  if (!isDeepStrictEqual(schema, raw.get(owner).definitions[name])) {
    throw new Error(`${moduleId}: ${name} differs from ${owner}'s ${name}; names clash`);
  }
}

function renameRefs(schema, module, byId) {
  return mapRefs(schema, (encoded) => {
    const name = decodeURIComponent(encoded);
    return `${prefixOf(ownerOf(module, name, byId))}.${name}`;
  });
}

/** apiVersion → kind → definition, for the interfaces with literal apiVersion and kind. */
function kindsOf(modules, definitions) {
  const kinds = {};
  for (const module of modules) {
    if (SUPPORT_MODULES.has(module.id)) continue;
    for (const name of module.declared) {
      const definitionName = `${prefixOf(module.id)}.${name}`;
      const properties = definitions[definitionName]?.properties;
      const apiVersion = properties?.apiVersion?.const;
      const kind = properties?.kind?.const;
      if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
      kinds[apiVersion] ??= {};
      if (kinds[apiVersion][kind]) throw new Error(`${apiVersion} ${kind} declared twice`);
      kinds[apiVersion][kind] = definitionName;
    }
  }
  return sortKeys(Object.fromEntries(Object.entries(kinds).map(([apiVersion, group]) => [apiVersion, sortKeys(group)])));
}

await main();
