/**
 * Schemas of custom resources: from the CustomResourceDefinitions among the inputs (the `openAPIV3Schema` of the
 * served version), else from the `--schema-dir` directories. Validators are compiled with ajv at run time, once
 * per CRD version or file, and only when a custom resource of that kind is checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePattern, newAjv, RE2_ENGINE } from './ajv.js';
import type { ResourceIndex } from '../k8s/resource-index.js';
import { hasSchema } from './builtin.js';
import { violationsOf, type JsonSchema, type SchemaViolation, type Validator } from './describe.js';
import { isRecord } from '../util/guards.js';
import type { ObjectPath, Resource } from '../types.js';

export type SchemaSource = 'built-in' | 'crd' | 'schema-dir';

interface CustomSchema {
  source: 'crd' | 'schema-dir';
  /** The converted JSON Schema (draft-07), kept to suggest field names. */
  schema: JsonSchema;
  validate?: Validator;
}

/** A keyword of a CRD schema that the API server refuses: its path (in the schema, or in the CRD) and why, in words. */
export interface RefusedKeyword {
  path: ObjectPath;
  problem: string;
}

interface ConvertedSchema extends CustomSchema {
  refused: RefusedKeyword[];
}

interface Lookup {
  index: ResourceIndex;
  kubernetesVersion: string;
  schemaDirs: readonly string[];
}

/** Converted schema by CRD version (the entry of `spec.versions`) or by file. */
const fromCrds = new WeakMap<object, ConvertedSchema | null>();
const fromFiles = new Map<string, CustomSchema | null>();

/** Where the schema of a resource comes from; undefined when stslint has none. */
export function schemaSource(resource: Resource, lookup: Lookup): SchemaSource | undefined {
  if (hasSchema(resource.apiVersion, resource.kind, lookup.kubernetesVersion)) return 'built-in';
  return customSchema(resource, lookup)?.source;
}

/**
 * Schema problems of a custom resource; undefined when no CRD of the run nor schema directory describes it.
 * A CRD schema with keywords the API server refuses is applied without them (see refusedSchemaKeywords).
 */
export function validateCustomResource(resource: Resource, lookup: Lookup & { strict: boolean }): SchemaViolation[] | undefined {
  const custom = customSchema(resource, lookup);
  if (!custom) return undefined;
  custom.validate ??= compile(custom.schema);
  const root = `${resource.kind}`;
  return violationsOf(custom.validate, resource, lookup.strict, { definitions: () => ({ [root]: custom.schema }), root });
}

/**
 * The keywords of a CustomResourceDefinition's schemas (every version, served or not) that the API server refuses,
 * each at its path inside the CRD: `$ref`, `id`, `definitions`, `dependencies`, `patternProperties` and
 * `additionalItems` (not supported), a `type` other than array, boolean, integer, number, object and string,
 * `uniqueItems: true`, `items` given as a list, `additionalProperties` beside `properties`, and a `pattern` that is
 * not an RE2 regular expression (apiextensions-apiserver: pkg/apis/apiextensions/validation/validation.go,
 * specStandardValidatorV3.validate and ValidateCustomResourceDefinitionOpenAPISchema; pkg/apiserver/schema/
 * validation.go for patterns). Values of the wrong type (`maxLength: "x"`, `required: 5`) are reported by the
 * built-in schema of CustomResourceDefinition; keys that are no schema keyword (`if`, `const`) by --strict.
 * Empty for any other object.
 */
export function refusedSchemaKeywords(crd: Resource): RefusedKeyword[] {
  const versions: unknown = crd.object.spec?.versions;
  if (crd.apiVersion !== 'apiextensions.k8s.io/v1' || crd.kind !== 'CustomResourceDefinition' || !Array.isArray(versions)) return [];
  return versions.flatMap((entry, i) =>
    (convertedVersion(entry)?.refused ?? []).map(({ path, problem }) => ({ path: ['spec', 'versions', i, 'schema', 'openAPIV3Schema', ...path], problem })),
  );
}

function customSchema(resource: Resource, lookup: Lookup): CustomSchema | undefined {
  const slash = resource.apiVersion.indexOf('/');
  if (slash < 0) return undefined;
  const group = resource.apiVersion.slice(0, slash);
  const version = resource.apiVersion.slice(slash + 1);
  return fromCrd(lookup.index, group, version, resource.kind) ?? fromSchemaDirs(lookup.schemaDirs, group, version, resource.kind);
}

/** The schema of the served version of the run's first apiextensions.k8s.io/v1 CRD of that group and kind. */
function fromCrd(index: ResourceIndex, group: string, version: string, kind: string): CustomSchema | undefined {
  const crd = index.groupedBy('CustomResourceDefinition', 'defined kind', definedKind, `${group}/${kind}`)[0];
  const versions: unknown = crd?.object.spec.versions;
  if (!Array.isArray(versions)) return undefined;
  const served = versions.find((entry) => isRecord(entry) && entry.name === version && entry.served === true);
  return convertedVersion(served);
}

/**
 * Why the CRD of the run that defines a custom resource's group and kind gives no schema for its version: the
 * version is listed with `served: false` (the API server then refuses the object), or not listed at all.
 * Undefined when no CRD of the run defines the kind, or when the version is served.
 */
export function unservedVersion(resource: Resource, index: ResourceIndex): { crd: string; listed: boolean } | undefined {
  const slash = resource.apiVersion.indexOf('/');
  const crd = index.groupedBy('CustomResourceDefinition', 'defined kind', definedKind, `${resource.group}/${resource.kind}`)[0];
  if (slash < 0 || !crd) return undefined;
  const version = resource.apiVersion.slice(slash + 1);
  const versions: unknown[] = Array.isArray(crd.object.spec.versions) ? crd.object.spec.versions : [];
  const entry = versions.find((item) => isRecord(item) && item.name === version);
  if (isRecord(entry) && entry.served === true) return undefined;
  return { crd: crd.name, listed: entry !== undefined };
}

/** `<spec.group>/<spec.names.kind>` of an apiextensions.k8s.io/v1 CRD. */
function definedKind(crd: Resource): string | undefined {
  const spec = crd.object.spec;
  if (crd.apiVersion !== 'apiextensions.k8s.io/v1' || !isRecord(spec) || !isRecord(spec.names)) return undefined;
  return `${String(spec.group)}/${String(spec.names.kind)}`;
}

/** The converted schema of an entry of a CRD's `spec.versions`, cached; undefined without an openAPIV3Schema. */
function convertedVersion(entry: unknown): ConvertedSchema | undefined {
  if (!isRecord(entry)) return undefined;
  if (!fromCrds.has(entry)) {
    const schema = isRecord(entry.schema) ? entry.schema.openAPIV3Schema : undefined;
    fromCrds.set(entry, isRecord(schema) ? { source: 'crd', ...toJsonSchema(schema, true) } : null);
  }
  return fromCrds.get(entry) ?? undefined;
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
  return { source: 'schema-dir', schema: toJsonSchema(parsed, true).schema };
}


/**
 * Compiles a converted schema. Patterns are matched by RE2 (compilePattern); `ownProperties` makes `required`
 * and `properties` look at the object's own keys only (a field named `constructor` is not inherited).
 */
function compile(schema: JsonSchema): Validator {
  const ajv = newAjv({
    allErrors: true,
    strict: false,
    validateFormats: false,
    validateSchema: false,
    messages: false,
    ownProperties: true,
    code: { regExp: RE2_ENGINE },
  });
  return ajv.compile(schema) as unknown as Validator;
}

const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
/** Keywords of JSONSchemaProps that the API server refuses in a CRD schema (specStandardValidatorV3.validate). */
const UNSUPPORTED = ['$ref', 'id', 'definitions', 'dependencies', 'patternProperties', 'additionalItems'];
const COUNTS = ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'];
const NUMBERS = ['maximum', 'minimum', 'multipleOf'];
const UNIONS = ['allOf', 'anyOf', 'oneOf'];

/**
 * A CRD structural schema (OpenAPI v3, Kubernetes' JSONSchemaProps) as draft-07 JSON Schema, and the keywords the
 * API server refuses (see refusedSchemaKeywords), with their paths inside the schema. Only the validation keywords
 * of JSONSchemaProps are kept, each only when its value has the type the API server decodes it into: a keyword it
 * refuses or cannot decode is left out, so that custom resources are still checked against the rest; keys that are
 * no JSONSchemaProps field (`if`, `const`, `$defs`) are left out as the API server drops them.
 * - `x-kubernetes-int-or-string` → an integer or a string;
 * - objects with `properties` get `additionalProperties: false` unless `x-kubernetes-preserve-unknown-fields`
 *   (the API server prunes unknown fields; the schema rule reports them with --strict only, as for built-ins);
 * - `x-kubernetes-embedded-resource` and the root imply `apiVersion`, `kind` and `metadata`;
 * - OpenAPI's boolean `exclusiveMinimum`/`exclusiveMaximum` become draft-07 numbers;
 * - a property named `__proto__` becomes the pattern property `^__proto__$` (ajv skips that name in `properties`);
 * - `nullable` is kept for list items; null-valued keys are removed before validation, as for built-ins.
 */
export function toJsonSchema(schema: Record<string, unknown>, isRoot = false): { schema: JsonSchema; refused: RefusedKeyword[] } {
  const refused: RefusedKeyword[] = [];
  return { schema: convertNode(schema, [], refused, isRoot) as JsonSchema, refused };
}

function convertNode(node: Record<string, unknown>, path: ObjectPath, refused: RefusedKeyword[], isRoot = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const refuse = (keyword: string, problem: string) => refused.push({ path: [...path, keyword], problem });
  for (const keyword of UNSUPPORTED) if (Object.hasOwn(node, keyword)) refuse(keyword, 'is not supported in a CustomResourceDefinition schema');
  if (typeof node.type === 'string') {
    if (TYPES.includes(node.type)) out.type = node.type;
    else refuse('type', `must be one of ${TYPES.join(', ')}, got ${JSON.stringify(node.type)}${node.type === 'null' ? ' (use nullable: true)' : ''}`);
  }
  if (typeof node.pattern === 'string') convertPattern(node.pattern, out, refuse);
  for (const keyword of COUNTS) if (Number.isSafeInteger(node[keyword])) out[keyword] = node[keyword];
  for (const keyword of NUMBERS) if (typeof node[keyword] === 'number') out[keyword] = node[keyword];
  for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum']) if (typeof node[keyword] === 'boolean') out[keyword] = node[keyword];
  if (typeof node.nullable === 'boolean') out.nullable = node.nullable;
  if (Array.isArray(node.enum)) out.enum = node.enum;
  if (Array.isArray(node.required)) out.required = node.required.filter((name) => typeof name === 'string');
  if (node.uniqueItems === true) refuse('uniqueItems', 'must not be true (checking that items are unique takes quadratic time)');
  if (isRecord(node.properties)) convertProperties(node.properties, [...path, 'properties'], out, refused);
  if (isRecord(node.items)) out.items = convertNode(node.items, [...path, 'items'], refused);
  else if (Array.isArray(node.items)) refuse('items', 'must be a schema, not a list of schemas');
  convertAdditionalProperties(node, path, out, refused);
  for (const keyword of UNIONS) {
    const branches = node[keyword];
    if (!Array.isArray(branches)) continue;
    out[keyword] = branches.flatMap((branch, i) => (isRecord(branch) ? [convertNode(branch, [...path, keyword, i], refused)] : []));
  }
  if (isRecord(node.not)) out.not = convertNode(node.not, [...path, 'not'], refused);
  fixExclusive(out, 'exclusiveMinimum', 'minimum');
  fixExclusive(out, 'exclusiveMaximum', 'maximum');
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (isRoot || node['x-kubernetes-embedded-resource'] === true) {
    const properties = isRecord(out.properties) ? out.properties : {};
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...properties };
  }
  const closed = isRecord(out.properties) && out.additionalProperties === undefined && node['x-kubernetes-preserve-unknown-fields'] !== true;
  if (closed && (!isRoot || node.properties !== undefined)) out.additionalProperties = false;
  return out;
}

function convertPattern(pattern: string, out: Record<string, unknown>, refuse: (keyword: string, problem: string) => void): void {
  try {
    compilePattern(pattern);
    out.pattern = pattern;
  } catch (error) {
    refuse('pattern', `is not a regular expression the API server accepts (RE2 syntax: ${(error as Error).message})`);
  }
}

/** Properties keep every name: `__proto__` (which ajv skips in `properties`) becomes a pattern property. */
function convertProperties(properties: Record<string, unknown>, path: ObjectPath, out: Record<string, unknown>, refused: RefusedKeyword[]): void {
  const converted: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(properties)) {
    if (!isRecord(child)) continue;
    const schema = convertNode(child, [...path, name], refused);
    if (name === '__proto__') out.patternProperties = { '^__proto__$': schema };
    else converted[name] = schema;
  }
  out.properties = converted;
}

/** `additionalProperties` (a boolean or a schema); beside `properties`, only `true` is accepted by the API server. */
function convertAdditionalProperties(node: Record<string, unknown>, path: ObjectPath, out: Record<string, unknown>, refused: RefusedKeyword[]): void {
  const value = node.additionalProperties;
  if (typeof value !== 'boolean' && !isRecord(value)) return;
  if (isRecord(node.properties) && Object.keys(node.properties).length > 0 && value !== true) {
    refused.push({ path: [...path, 'additionalProperties'], problem: 'must not be set beside properties (only additionalProperties: true may be)' });
    return;
  }
  out.additionalProperties = typeof value === 'boolean' ? value : convertNode(value, [...path, 'additionalProperties'], refused);
}

function fixExclusive(schema: Record<string, unknown>, exclusive: string, inclusive: string): void {
  if (typeof schema[exclusive] !== 'boolean') return;
  if (schema[exclusive] === true && typeof schema[inclusive] === 'number') {
    schema[exclusive] = schema[inclusive];
    delete schema[inclusive];
  } else delete schema[exclusive];
}
