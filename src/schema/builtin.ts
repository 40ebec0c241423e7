/**
 * Offline JSON Schema validation of built-in Kubernetes kinds.
 *
 * The schemas (schemas/<version>/, generated from kubernetes-types) are compiled at build time into ajv
 * standalone modules, one per apiVersion (dist/schemas/, see schemas/compile.mjs). A module is loaded the
 * first time a resource of its apiVersion is validated, so a run over StatefulSets loads apps/v1 only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isRecord } from '../k8s/selectors.js';
import { packagePath } from '../util/package.js';
import type { Resource } from '../types.js';

export interface SchemaProblem {
  /** Path of the offending key or value (of the parent object for a missing field). */
  path: (string | number)[];
  message: string;
}

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

interface GroupEntry {
  /** The compiled module, relative to dist/schemas/. */
  module: string;
  /** kind → definition name in definitions.json. */
  kinds: Record<string, string>;
}

type SchemaIndex = Record<string, Record<string, GroupEntry>>;

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

const require = createRequire(import.meta.url);
/** The compiled schemas (schemas/compile.mjs writes them at build time). */
const SCHEMA_DIR = packagePath('dist/schemas/');

let schemaDir: string | undefined;
let index: SchemaIndex | undefined;
const modules = new Map<string, Record<string, Validator>>();
const definitionsByVersion = new Map<string, Record<string, JsonSchema>>();
const bundledFor = new Map<string, string>();

/** True when stslint has a schema for this kind (built-in kinds; not CRDs or custom resources). */
export function hasSchema(apiVersion: string, kind: string, kubernetesVersion: string): boolean {
  return entryFor(apiVersion, kind, kubernetesVersion) !== undefined;
}

/** Schema problems of a resource; undefined when its kind has no schema. */
export function validateResource(
  resource: Resource,
  options: { strict: boolean; kubernetesVersion: string },
): SchemaProblem[] | undefined {
  const entry = entryFor(resource.apiVersion, resource.kind, options.kubernetesVersion);
  if (!entry) return undefined;
  const validate = loadModule(entry.module)[resource.kind];
  const where = { definitions: () => loadDefinitions(bundledVersion(options.kubernetesVersion)), root: entry.kinds[resource.kind] };
  return problemsOf(validate, resource, options.strict, where);
}

/** The problems `validate` finds in a resource (null-valued keys removed first), described for people. */
export function problemsOf(validate: Validator, resource: Resource, strict: boolean, where: Where): SchemaProblem[] {
  const data = withoutNulls(resource.object);
  if (validate(data)) return [];
  const errors = mergeMissing(relevantErrors(validate.errors ?? [], strict));
  return errors.map((error) => describeError(error, resource, data, where));
}

/** The compiled modules loaded so far (relative to dist/schemas/), for tests. */
export function loadedSchemaModules(): string[] {
  return [...modules.keys()];
}

/** The Kubernetes versions whose schemas are bundled, oldest first. */
export function bundledVersions(): string[] {
  return Object.keys(loadIndex()).sort(compareVersions);
}

/**
 * Why stslint cannot target this Kubernetes version (`--kubernetes-version`, `kubernetesVersion`), or undefined
 * when it can: any 1.x from the oldest to the newest bundled version, written `1.29`, `v1.29` or `1.29.3`.
 */
export function unsupportedVersion(kubernetesVersion: string): string | undefined {
  const versions = bundledVersions();
  const minor = /^v?(\d+\.\d+)(?:\.\d+)?$/.exec(kubernetesVersion.trim())?.[1];
  const supported = minor && compareVersions(minor, versions[0]) >= 0 && compareVersions(minor, versions.at(-1)!) <= 0;
  if (supported) return undefined;
  return `Unsupported Kubernetes version '${kubernetesVersion}': stslint supports ${versions[0]} to ${versions.at(-1)} (bundled schemas: ${versions.join(', ')}; a version in between uses the nearest older one)`;
}

/** The bundled schema version for a target Kubernetes version: the same, else the nearest older, else the oldest. */
export function bundledVersion(kubernetesVersion: string): string {
  let bundled = bundledFor.get(kubernetesVersion);
  if (!bundled) {
    const versions = bundledVersions();
    const minor = kubernetesVersion.trim().replace(/^v/, '');
    const older = versions.filter((version) => compareVersions(version, minor) <= 0);
    bundled = older.at(-1) ?? versions[0];
    bundledFor.set(kubernetesVersion, bundled);
  }
  return bundled;
}

function entryFor(apiVersion: string, kind: string, kubernetesVersion: string): GroupEntry | undefined {
  const groups = loadIndex()[bundledVersion(kubernetesVersion)] ?? {};
  const entry = Object.hasOwn(groups, apiVersion) ? groups[apiVersion] : undefined;
  return entry && Object.hasOwn(entry.kinds, kind) ? entry : undefined;
}

function compareVersions(a: string, b: string): number {
  const [aMajor, aMinor] = a.split('.').map(Number);
  const [bMajor, bMinor] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

function loadIndex(): SchemaIndex {
  if (index) return index;
  schemaDir = existsSync(`${SCHEMA_DIR}index.json`) ? SCHEMA_DIR : undefined;
  if (!schemaDir) throw new Error('Compiled schemas not found in dist/schemas/; run `npm run build`');
  index = JSON.parse(readFileSync(`${schemaDir}index.json`, 'utf8')) as SchemaIndex;
  return index;
}

function loadModule(module: string): Record<string, Validator> {
  let loaded = modules.get(module);
  if (!loaded) {
    loaded = require(`${schemaDir}${module}`) as Record<string, Validator>;
    modules.set(module, loaded);
  }
  return loaded;
}

/** A version's definitions: the shared pool overlaid with the version's own (see schemas/store.mjs). */
function loadDefinitions(version: string): Record<string, JsonSchema> {
  let definitions = definitionsByVersion.get(version);
  if (!definitions) {
    const read = (file: string) => JSON.parse(readFileSync(`${schemaDir}${file}`, 'utf8')).definitions as Record<string, JsonSchema>;
    definitions = { ...read('definitions.json'), ...read(`${version}/definitions.json`) };
    definitionsByVersion.set(version, definitions);
  }
  return definitions;
}

/** The value without null-valued keys (Go's decoder treats `field: null` as absent); copies only what changes. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const cleaned = withoutNulls(item);
      if (cleaned !== item) (copy ??= [...value])[i] = cleaned;
    });
    return copy ?? value;
  }
  if (!isRecord(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const cleaned = item === null ? undefined : withoutNulls(item);
    if (cleaned === item) continue;
    copy ??= { ...value };
    if (cleaned === undefined) delete copy[key];
    else copy[key] = cleaned;
  }
  return copy ?? value;
}

/**
 * One error per cause: unknown fields only when strict; a value of the wrong type is not also reported as
 * outside its enum; for `anyOf` (CRD schema unions), the errors inside the value are kept when there are some
 * (a branch failing on unknown fields only passes without --strict), else one error for the value.
 */
function relevantErrors(errors: SchemaError[], strict: boolean): SchemaError[] {
  const typeErrorAt = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  const anyOfAt = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath));
  const relevant = errors.filter((error) => {
    if (error.keyword === 'additionalProperties') return strict;
    if (error.keyword === 'enum' || error.keyword === 'const') return !typeErrorAt.has(error.instancePath);
    if (error.keyword === 'type') return !anyOfAt.has(error.instancePath);
    return true;
  });
  return relevant.flatMap((error) => {
    if (error.keyword !== 'anyOf') return [error];
    // Errors inside the value: reported themselves, or unknown fields only, which do not count without --strict.
    if (errors.some((other) => other.instancePath.startsWith(`${error.instancePath}/`))) return [];
    const types = errors.filter((other) => other.keyword === 'type' && other.instancePath === error.instancePath);
    return [{ ...error, params: { types: types.flatMap((other) => other.params.type) } }];
  });
}

/** The missing-field errors of one object as one error listing the fields. */
function mergeMissing(errors: SchemaError[]): SchemaError[] {
  const merged: SchemaError[] = [];
  const missingAt = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'required') {
      merged.push(error);
      continue;
    }
    const field = String(error.params.missingProperty);
    const fields = missingAt.get(error.instancePath);
    if (fields) {
      fields.push(field);
      continue;
    }
    missingAt.set(error.instancePath, [field]);
    merged.push({ ...error, params: { missing: missingAt.get(error.instancePath) } });
  }
  return merged;
}

/** Where to find the schema of a resource, to suggest field names: a definition among definitions. */
export interface Where {
  definitions: () => Record<string, JsonSchema>;
  /** Definition name of the resource's kind. */
  root: string;
}

function describeError(error: SchemaError, resource: Resource, data: unknown, where: Where): SchemaProblem {
  const path = toPath(error.instancePath, data);
  const value = valueAt(data, path);
  const shown = showPath(path);
  switch (error.keyword) {
    case 'type':
      return { path, message: wrongType(shown, error.params.type, value) };
    case 'required':
      return { path, message: missingFields(resource, path, error.params.missing as string[]) };
    case 'enum':
      return { path, message: notAllowed(shown, value, error.params.allowedValues as unknown[]) };
    case 'additionalProperties':
      return unknownField(path, String(error.params.additionalProperty), where);
    case 'anyOf': {
      const types = error.params.types as string[];
      const expected = types.length > 0 ? `must be ${expectedTypes(types)}` : 'matches none of its allowed forms';
      return { path, message: `${shown} ${expected}, got ${describeValue(value)}` };
    }
    default:
      return { path, message: `${shown} ${LIMITS[error.keyword]?.(error.params.limit ?? error.params.pattern) ?? `is invalid (${error.keyword})`}, got ${describeValue(value)}` };
  }
}

/** Messages of the bounds and patterns CRD schemas use (ajv's `limit` or `pattern` parameter). */
const LIMITS: Record<string, (limit: unknown) => string> = {
  minimum: (limit) => `must be at least ${limit}`,
  maximum: (limit) => `must be at most ${limit}`,
  exclusiveMinimum: (limit) => `must be more than ${limit}`,
  exclusiveMaximum: (limit) => `must be less than ${limit}`,
  minLength: (limit) => `must be at least ${limit} characters long`,
  maxLength: (limit) => `must be at most ${limit} characters long`,
  minItems: (limit) => `must have at least ${limit} items`,
  maxItems: (limit) => `must have at most ${limit} items`,
  minProperties: (limit) => `must have at least ${limit} fields`,
  maxProperties: (limit) => `must have at most ${limit} fields`,
  pattern: (pattern) => `must match the pattern ${pattern}`,
};

/** JSON pointer → path; array indexes become numbers. */
function toPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(node) ? Number(key) : key;
    path.push(segment);
    node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[segment] : undefined;
  }
  return path;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of path) {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[segment] : undefined;
  }
  return node;
}

/** spec.template.spec.containers[0].name, metadata.labels["app.kubernetes.io/name"] */
export function showPath(path: readonly (string | number)[]): string {
  let shown = '';
  for (const segment of path) {
    if (typeof segment === 'number') shown += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) shown += shown === '' ? segment : `.${segment}`;
    else shown += `[${JSON.stringify(segment)}]`;
  }
  return shown;
}

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  boolean: 'a boolean',
  integer: 'an integer',
  number: 'a number',
  object: 'an object',
  string: 'a string',
};

function wrongType(shown: string, type: unknown, value: unknown): string {
  return `${shown} must be ${expectedTypes(type)}, got ${describeValue(value)}${typeHint(type, value)}`;
}

function expectedTypes(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((name) => TYPE_NAMES[String(name)] ?? String(name)).join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `string ${quote(value)}`;
  return `${typeof value} ${String(value)}`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/** The usual YAML slips: a quoted number, or an unquoted number or boolean where a string is expected. */
function typeHint(type: unknown, value: unknown): string {
  if (type === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return '; remove the quotes';
  }
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return '; quote the value so YAML reads a string';
  }
  return '';
}

function missingFields(resource: Resource, path: readonly (string | number)[], fields: string[]): string {
  const parent = path.length === 0 ? `${resource.kind} '${resource.name}'` : showPath(path);
  const parentObject = valueAt(resource.object, path);
  const isNull = fields.some((field) => isRecord(parentObject) && parentObject[field] === null);
  const names = fields.map((field) => `'${field}'`);
  const list = names.length === 1 ? `field ${names[0]}` : `fields ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${parent} is missing required ${list}${isNull ? ' (null counts as missing)' : ''}`;
}

function notAllowed(shown: string, value: unknown, allowed: unknown[]): string {
  const values = allowed.filter((item) => item !== '').map(String);
  const closest = typeof value === 'string' ? closestName(value, values) : undefined;
  const suggestion = closest ? `; did you mean '${closest}'?` : '';
  return `${shown} must be one of ${values.join(', ')}, got ${describeValue(value)}${suggestion}`;
}

function unknownField(parentPath: (string | number)[], field: string, where: Where): SchemaProblem {
  const path = [...parentPath, field];
  const parent = schemaAt(where, parentPath);
  const known = Object.keys(parent?.schema.properties ?? {});
  const closest = closestName(field, known);
  const owner = parent?.definition ? ` of ${shortName(parent.definition)}` : '';
  const suggestion = closest ? `; did you mean '${closest}'?` : '';
  return { path, message: `${showPath(path)} is not a known field${owner}${suggestion}` };
}

/** The object schema at `path` inside the kind's schema, with the definition it comes from. */
interface Located {
  schema: JsonSchema;
  /** The definition the schema belongs to. */
  definition?: string;
}

/** The object schema at `path` inside the kind's schema. */
function schemaAt(where: Where, path: readonly (string | number)[]): Located | undefined {
  const definitions = where.definitions();
  const resolve = (schema: JsonSchema | undefined, definition?: string): Located | undefined => {
    if (!schema) return undefined;
    if (schema.$ref) {
      const name = schema.$ref.replace('#/definitions/', '');
      return resolve(definitions[name], name);
    }
    const objectBranch = schema.anyOf?.find((branch) => branch.$ref || branch.properties);
    return objectBranch ? resolve(objectBranch, definition) : { schema, definition };
  };
  let current = resolve(definitions[where.root], where.root);
  for (const segment of path) {
    if (!current) return undefined;
    const { schema } = current;
    if (typeof segment === 'number') current = resolve(schema.items);
    else if (schema.properties && Object.hasOwn(schema.properties, segment)) current = resolve(schema.properties[segment]);
    else if (typeof schema.additionalProperties === 'object') current = resolve(schema.additionalProperties);
    else return undefined;
  }
  return current;
}

/** io.k8s.api.apps.v1.StatefulSetSpec(.status) → StatefulSetSpec */
function shortName(definition: string): string {
  return definition.replace(/\.status$/, '').split('.').at(-1) ?? definition;
}

/** The candidate closest to `name` (ignoring case), when it is close enough to be a likely typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}
