/**
 * The schemas compiled at build time (schemas/compile.mjs): dist/schemas/index.json lists, per bundled Kubernetes
 * version, each apiVersion's ajv standalone module and the definition name of each kind. A module is loaded the
 * first time an object of its apiVersion is validated, so a run over StatefulSets loads apps/v1 only.
 */
import { loadPackageFile } from '../util/package.js';
import type { JsonSchema, Validator } from './describe.js';

export interface GroupEntry {
  /** The compiled module, relative to dist/schemas/. */
  module: string;
  /** kind → definition name in definitions.json. */
  kinds: Record<string, string>;
}

/** { <version>: { <apiVersion>: GroupEntry } } */
export type SchemaIndex = Record<string, Record<string, GroupEntry>>;

let index: SchemaIndex | undefined;
const modules = new Map<string, Record<string, Validator>>();
const definitionsByVersion = new Map<string, Record<string, JsonSchema>>();

/** dist/schemas/index.json. Throws when the build has not made it. */
export function loadIndex(): SchemaIndex {
  if (index) return index;
  try {
    index = loadPackageFile('dist/schemas/index.json') as SchemaIndex;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error('Compiled schemas not found in dist/schemas/; run `npm run build`');
  }
  return index;
}

/** The validators of one compiled module (by kind), loaded once. */
export function loadModule(module: string): Record<string, Validator> {
  let loaded = modules.get(module);
  if (!loaded) {
    loaded = loadPackageFile(`dist/schemas/${module}`) as Record<string, Validator>;
    modules.set(module, loaded);
  }
  return loaded;
}

/** A version's definitions: the shared pool overlaid with the version's own (see schemas/store.mjs). */
export function loadDefinitions(version: string): Record<string, JsonSchema> {
  let definitions = definitionsByVersion.get(version);
  if (!definitions) {
    const read = (file: string) => (loadPackageFile(`dist/schemas/${file}`) as { definitions: Record<string, JsonSchema> }).definitions;
    definitions = { ...read('definitions.json'), ...read(`${version}/definitions.json`) };
    definitionsByVersion.set(version, definitions);
  }
  return definitions;
}

/** The compiled modules loaded so far (relative to dist/schemas/), for tests. */
export function loadedSchemaModules(): string[] {
  return [...modules.keys()];
}
