/**
 * ajv's errors turned into schema violations people can act on: one per cause, with the path of the offending
 * key and a message id of the `schema` rule (rules/schema) with its data.
 */
import { isRecord } from '../util/guards.js';
import { closestName } from '../util/names.js';
import type { MessageData, ObjectPath, Resource } from '../types.js';

/** One violation: the path of the offending key or value (of the parent object for a missing field), a message id of the `schema` rule and its data. */
export interface SchemaViolation {
  path: ObjectPath;
  messageId: SchemaMessageId;
  data: MessageData;
}

/** The message ids the `schema` rule declares for violations. */
export type SchemaMessageId = 'wrongType' | 'missingFields' | 'notAllowed' | 'unknownField' | 'noAllowedForm' | 'outOfBounds';

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

/** The violations `validate` finds in an object (null-valued keys removed first, as Go's decoder ignores them). */
export function violationsOf(validate: Validator, resource: Resource, strict: boolean, where: Where): SchemaViolation[] {
  const data = withoutNulls(resource.object);
  if (validate(data)) return [];
  const errors = mergeMissing(relevantErrors(validate.errors ?? [], strict));
  return errors.map((error) => describeError(error, resource, data, where));
}

/** The value without null-valued keys (Go's decoder treats `field: null` as absent); copies only what changes. */
function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const cleaned = withoutNulls(value[i]);
      if (cleaned !== value[i]) (copy ??= value.slice())[i] = cleaned;
    }
    return copy ?? value;
  }
  // Plain loops, no entries arrays: this walks every object of every run.
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const cleaned = item === null ? undefined : withoutNulls(item);
    if (cleaned === item) continue;
    copy ??= { ...record };
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

function describeError(error: SchemaError, resource: Resource, data: unknown, where: Where): SchemaViolation {
  const path = toPath(error.instancePath, data);
  const value = valueAt(data, path);
  const shown = showPath(path);
  // ajv takes Infinity for an integer, and then finds it out of bounds; kubectl cannot convert it at all.
  if (typeof value === 'number' && !Number.isFinite(value) && error.keyword !== 'type') {
    return { path, messageId: 'wrongType', data: { path: shown, expected: 'a finite number', actual: describeValue(value), hint: typeHint('number', value) } };
  }
  switch (error.keyword) {
    case 'type':
      return { path, messageId: 'wrongType', data: { path: shown, expected: expectedTypes(error.params.type), actual: describeValue(value), hint: typeHint(error.params.type, value) } };
    case 'required':
      return { path, messageId: 'missingFields', data: missingFields(resource, path, error.params.missing as string[]) };
    case 'enum':
      return { path, messageId: 'notAllowed', data: notAllowed(shown, value, error.params.allowedValues as unknown[]) };
    case 'additionalProperties':
      return unknownField(path, String(error.params.additionalProperty), where);
    case 'anyOf': {
      const types = error.params.types as string[];
      const expected = types.length > 0 ? `must be ${expectedTypes(types)}` : 'matches none of its allowed forms';
      return { path, messageId: 'noAllowedForm', data: { path: shown, expected, actual: describeValue(value) } };
    }
    default: {
      const bound = LIMITS[error.keyword]?.(error.params.limit ?? error.params.pattern) ?? `is invalid (${error.keyword})`;
      return { path, messageId: 'outOfBounds', data: { path: shown, bound, actual: describeValue(value) } };
    }
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

/** The value at `path` inside `data` (undefined where a segment is missing). */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
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

/** The usual YAML slips: a quoted number, an unquoted number or boolean where a string is expected, `.inf` or `.nan`. */
function typeHint(type: unknown, value: unknown): string {
  const types = [type].flat();
  const numeric = types.includes('number') || types.includes('integer');
  if (numeric && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number.isInteger(Number(value)) || types.includes('number') ? '; remove the quotes' : '';
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return '; kubectl cannot even convert .inf or .nan to JSON';
  }
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return '; quote the value so YAML reads a string';
  }
  return '';
}

function missingFields(resource: Resource, path: readonly (string | number)[], fields: string[]): MessageData {
  const parent = path.length === 0 ? `${resource.kind} '${resource.name}'` : showPath(path);
  const parentObject = valueAt(resource.object, path);
  const isNull = fields.some((field) => isRecord(parentObject) && parentObject[field] === null);
  const names = fields.map((field) => `'${field}'`);
  const list = names.length === 1 ? `field ${names[0]}` : `fields ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return { parent, fields: list, note: isNull ? ' (null counts as missing)' : '' };
}

function notAllowed(shown: string, value: unknown, allowed: unknown[]): MessageData {
  const values = allowed.filter((item) => item !== '').map(String);
  const closest = typeof value === 'string' ? closestName(value, values) : undefined;
  const suggestion = closest ? `; did you mean '${closest}'?` : '';
  return { path: shown, allowed: values.join(', '), actual: describeValue(value), suggestion };
}

function unknownField(parentPath: (string | number)[], field: string, where: Where): SchemaViolation {
  const path = [...parentPath, field];
  const parent = schemaAt(where, parentPath);
  const known = Object.keys(parent?.schema.properties ?? {});
  const closest = closestName(field, known);
  const owner = parent?.definition ? ` of ${shortName(parent.definition)}` : '';
  const suggestion = closest ? `; did you mean '${closest}'?` : '';
  return { path, messageId: 'unknownField', data: { path: showPath(path), owner, suggestion } };
}

/** The object schema at `path` inside the kind's schema, with the definition it comes from. */
interface Located {
  schema: JsonSchema;
  /** The definition the schema belongs to. */
  definition?: string;
}

/** True when the object schema at `parentPath` of the kind's schema declares `field`. */
export function declaresField(where: Where, parentPath: readonly (string | number)[], field: string): boolean {
  const properties = schemaAt(where, parentPath)?.schema.properties;
  return properties !== undefined && Object.hasOwn(properties, field);
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

