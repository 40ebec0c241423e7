/**
 * Schemas of custom resources: from the CustomResourceDefinitions among the inputs (the `openAPIV3Schema` of the
 * served version), else from the `--schema-dir` directories. Validators are compiled with ajv at run time, once
 * per CRD version or file, and only when a custom resource of that kind is checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newAjv } from './ajv.js';
import type { ResourceIndex } from '../k8s/resource-index.js';
import { hasSchema } from './builtin.js';
import { violationsOf, type JsonSchema, type SchemaViolation, type Validator } from './describe.js';
import { isRecord } from '../util/guards.js';
import type { Resource } from '../types.js';

export type SchemaSource = 'built-in' | 'crd' | 'schema-dir';

interface CustomSchema {
  source: 'crd' | 'schema-dir';
  /** The converted JSON Schema (draft-07), kept to suggest field names. */
  schema: JsonSchema;
  validate?: Validator;
}

interface Lookup {
  index: ResourceIndex;
  kubernetesVersion: string;
  schemaDirs: readonly string[];
}

/** CRD by `<group>/<kind>`, per run (per index). */
const crdsByIndex = new WeakMap<ResourceIndex, Map<string, Resource>>();
/** Converted schema by CRD version (the CRD object) or by file. */
const fromCrds = new WeakMap<object, Map<string, CustomSchema | null>>();
const fromFiles = new Map<string, CustomSchema | null>();

/** Where the schema of a resource comes from; undefined when stslint has none. */
export function schemaSource(resource: Resource, lookup: Lookup): SchemaSource | undefined {
  if (hasSchema(resource.apiVersion, resource.kind, lookup.kubernetesVersion)) return 'built-in';
  return customSchema(resource, lookup)?.source;
}

/** Schema problems of a custom resource; undefined when no CRD of the run nor schema directory describes it. */
export function validateCustomResource(resource: Resource, lookup: Lookup & { strict: boolean }): SchemaViolation[] | undefined {
  const custom = customSchema(resource, lookup);
  if (!custom) return undefined;
  custom.validate ??= compile(custom.schema);
  const root = `${resource.kind}`;
  return violationsOf(custom.validate, resource, lookup.strict, { definitions: () => ({ [root]: custom.schema }), root });
}

function customSchema(resource: Resource, lookup: Lookup): CustomSchema | undefined {
  const slash = resource.apiVersion.indexOf('/');
  if (slash < 0) return undefined;
  const group = resource.apiVersion.slice(0, slash);
  const version = resource.apiVersion.slice(slash + 1);
  return fromCrd(lookup.index, group, version, resource.kind) ?? fromSchemaDirs(lookup.schemaDirs, group, version, resource.kind);
}

function fromCrd(index: ResourceIndex, group: string, version: string, kind: string): CustomSchema | undefined {
  const crd = crdsOf(index).get(`${group}/${kind}`);
  if (!crd) return undefined;
  let byVersion = fromCrds.get(crd.object);
  if (!byVersion) fromCrds.set(crd.object, (byVersion = new Map()));
  if (!byVersion.has(version)) {
    const versions: unknown[] = Array.isArray(crd.object.spec.versions) ? crd.object.spec.versions : [];
    const served = versions.find((entry) => isRecord(entry) && entry.name === version && entry.served === true);
    const schema = isRecord(served) && isRecord(served.schema) ? served.schema.openAPIV3Schema : undefined;
    byVersion.set(version, isRecord(schema) ? { source: 'crd', schema: toJsonSchema(schema, true) } : null);
  }
  return byVersion.get(version) ?? undefined;
}

/**
 * Why the CRD of the run that defines a custom resource's group and kind gives no schema for its version: the
 * version is listed with `served: false` (the API server then refuses the object), or not listed at all.
 * Undefined when no CRD of the run defines the kind, or when the version is served.
 */
export function unservedVersion(resource: Resource, index: ResourceIndex): { crd: string; listed: boolean } | undefined {
  const slash = resource.apiVersion.indexOf('/');
  const crd = crdsOf(index).get(`${resource.group}/${resource.kind}`);
  if (slash < 0 || !crd) return undefined;
  const version = resource.apiVersion.slice(slash + 1);
  const versions: unknown[] = Array.isArray(crd.object.spec.versions) ? crd.object.spec.versions : [];
  const entry = versions.find((item) => isRecord(item) && item.name === version);
  if (isRecord(entry) && entry.served === true) return undefined;
  return { crd: crd.name, listed: entry !== undefined };
}

/** The apiextensions.k8s.io/v1 CRDs of the run by `<spec.group>/<spec.names.kind>`; the first one wins. */
function crdsOf(index: ResourceIndex): Map<string, Resource> {
  let crds = crdsByIndex.get(index);
  if (!crds) {
    crds = new Map();
    for (const crd of index.ofKind('CustomResourceDefinition')) {
      const spec = crd.object.spec;
      if (crd.apiVersion !== 'apiextensions.k8s.io/v1' || !isRecord(spec) || !isRecord(spec.names)) continue;
      const key = `${String(spec.group)}/${String(spec.names.kind)}`;
      if (!crds.has(key)) crds.set(key, crd);
    }
    crdsByIndex.set(index, crds);
  }
  return crds;
}

/**
 * `<dir>/<group>/<kind>_<version>.json` (the layout of the CRDs-catalog), else the flat kubeconform-style
 * `<dir>/<kind>-<first segment of group>-<version>.json`; kinds lowercased. The first directory with a file wins.
 */
export function schemaFileNames(group: string, version: string, kind: string): string[] {
  const lower = kind.toLowerCase();
  return [join(group, `${lower}_${version}.json`), `${lower}-${group.split('.')[0]}-${version}.json`];
}

function fromSchemaDirs(dirs: readonly string[], group: string, version: string, kind: string): CustomSchema | undefined {
  for (const dir of dirs) {
    for (const name of schemaFileNames(group, version, kind)) {
      const file = join(dir, name);
      if (!fromFiles.has(file)) fromFiles.set(file, readSchemaFile(file));
      const found = fromFiles.get(file);
      if (found) return found;
    }
  }
  return undefined;
}

function readSchemaFile(file: string): CustomSchema | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`--schema-dir: ${file} is not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(parsed)) throw new Error(`--schema-dir: ${file} is not a JSON Schema object`);
  return { source: 'schema-dir', schema: toJsonSchema(parsed, true) };
}

/** Compiles a schema; a `pattern` ajv cannot compile (Go's RE2 syntax differs from JavaScript's) is not checked. */
function compile(schema: JsonSchema): Validator {
  const ajv = () =>
    newAjv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false, messages: false, unicodeRegExp: false });
  try {
    return ajv().compile(schema) as unknown as Validator;
  } catch {
    return ajv().compile(JSON.parse(JSON.stringify(schema), (key, value) => (key === 'pattern' ? undefined : value))) as unknown as Validator;
  }
}

/**
 * A CRD structural schema (OpenAPI v3) as draft-07 JSON Schema:
 * - `x-kubernetes-int-or-string` → an integer or a string;
 * - objects with `properties` get `additionalProperties: false` unless `x-kubernetes-preserve-unknown-fields`
 *   (the API server prunes unknown fields; the schema rule reports them with --strict only, as for built-ins);
 * - `x-kubernetes-embedded-resource` and the root imply `apiVersion`, `kind` and `metadata`;
 * - OpenAPI's boolean `exclusiveMinimum`/`exclusiveMaximum` become draft-07 numbers;
 * - `nullable` needs nothing: null-valued keys are removed before validation, as for built-ins;
 * - `$schema` and `id`/`$id` are dropped (catalog files name draft-04, which ajv does not load).
 */
export function toJsonSchema(schema: Record<string, unknown>, isRoot = false): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === 'id' || key === '$id') continue;
    if (key === 'properties' && isRecord(value)) out.properties = mapValues(value, (child) => toJsonSchema(child));
    else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && isRecord(value)) out[key] = toJsonSchema(value);
    else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      out[key] = value.map((child) => (isRecord(child) ? toJsonSchema(child) : child));
    } else if (key === 'items' && Array.isArray(value)) out.items = value.map((child) => (isRecord(child) ? toJsonSchema(child) : child));
    else out[key] = value;
  }
  fixExclusive(out, 'exclusiveMinimum', 'minimum');
  fixExclusive(out, 'exclusiveMaximum', 'maximum');
  if (out['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (isRoot || out['x-kubernetes-embedded-resource'] === true) {
    const properties = isRecord(out.properties) ? out.properties : {};
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...properties };
  }
  const closed = isRecord(out.properties) && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true;
  if (closed && !isRoot) out.additionalProperties = false;
  if (closed && isRoot && schema.properties !== undefined) out.additionalProperties = false;
  return out as JsonSchema;
}

function fixExclusive(schema: Record<string, unknown>, exclusive: string, inclusive: string): void {
  if (typeof schema[exclusive] !== 'boolean') return;
  if (schema[exclusive] === true && typeof schema[inclusive] === 'number') {
    schema[exclusive] = schema[inclusive];
    delete schema[inclusive];
  } else delete schema[exclusive];
}

function mapValues(object: Record<string, unknown>, map: (value: Record<string, unknown>) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, isRecord(value) ? map(value) : value]));
}
