// Integer types for the generated schemas. kubernetes-types and the declaration files of kubernetes-models print
// every OpenAPI `integer` (int32, int64) and `number` (double) as TypeScript `number`, so the generated schemas
// accept `replicas: 3.5`, which the API server refuses (a JSON number with a fraction does not decode into a Go
// int32). kubernetes-models also ships ajv validators compiled from the same OpenAPI documents, which keep
// `type: integer` and `format: int32 | int64`. Each `number` field of a definition is probed there with the value
// 0.5: a `type: integer` error there makes it an integer here, and a `format: int32` error gives it the int32
// range. Fields of definitions kubernetes-models does not have stay `number` (listed when generating).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { schemasRoot } from './store.mjs';

const VALIDATOR_DIRS = ['kubernetes-models/_schemas', '@kubernetes-models/apimachinery/_schemas'].map((dir) =>
  join(schemasRoot, '..', 'node_modules', dir),
);

/** The range of a Go int32, which the API server's JSON decoder enforces for int32 fields. */
export const INT32 = { minimum: -2147483648, maximum: 2147483647 };

/** The probe value: not an integer, so an integer field's validator fails on `type` and on its `format`. */
const PROBE = 0.5;

/**
 * Turns `number` fields into `integer` (with the int32 range for int32 fields) in place, where kubernetes-models'
 * validator of the same definition says integer. Returns what it did: counts and the definitions with number
 * fields it had no validator for.
 */
export async function applyIntegers(definitions) {
  const report = { int32: 0, int64: 0, number: 0, unprobed: [] };
  for (const [name, schema] of Object.entries(definitions)) {
    const leaves = numberLeaves(schema, []);
    if (leaves.length === 0) continue;
    const validate = await validatorOf(name);
    if (!validate) {
      report.unprobed.push(name);
      continue;
    }
    let probe = PROBE;
    for (const { path } of leaves) probe = withValue(probe, path);
    validate(leaves.some(({ path }) => path.length === 0) ? PROBE : probe);
    const errors = validate.errors ?? [];
    for (const leaf of leaves) {
      const at = errors.filter((error) => error.instancePath === pointer(leaf.path));
      const integer = at.some((error) => error.keyword === 'type' && error.params.type === 'integer');
      const format = at.find((error) => error.keyword === 'format')?.params.format;
      if (!integer) report.number++;
      else report[format === 'int32' ? 'int32' : 'int64']++;
      if (integer) makeInteger(leaf.schema, format === 'int32');
    }
  }
  return report;
}

/** The schemas typed `number` inside a definition, with the data path of each ('*' for any key or index). */
function numberLeaves(schema, path) {
  if (!schema || typeof schema !== 'object' || schema.$ref) return [];
  const types = [schema.type].flat();
  if (types.includes('number')) return [{ schema, path }];
  const leaves = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) leaves.push(...numberLeaves(property, [...path, key]));
  if (schema.items) leaves.push(...numberLeaves(schema.items, [...path, 0]));
  if (typeof schema.additionalProperties === 'object') leaves.push(...numberLeaves(schema.additionalProperties, [...path, 'x']));
  for (const branch of schema.anyOf ?? []) leaves.push(...numberLeaves(branch, path));
  return leaves;
}

/** `probe` (an object, or the probe value when empty) with the probe value set at `path`, objects and lists made on the way. */
function withValue(probe, path) {
  if (path.length === 0) return probe;
  const root = typeof probe === 'object' ? probe : {};
  let node = root;
  path.forEach((segment, i) => {
    if (i === path.length - 1) node[segment] = PROBE;
    else node = node[segment] ??= typeof path[i + 1] === 'number' ? [] : {};
  });
  return root;
}

const pointer = (path) => path.map((segment) => `/${segment}`).join('');

function makeInteger(schema, int32) {
  schema.type = Array.isArray(schema.type) ? schema.type.map((type) => (type === 'number' ? 'integer' : type)) : 'integer';
  if (int32) Object.assign(schema, INT32);
}

/** io.k8s.api.apps.v1.StatefulSetSpec → the compiled validator IoK8sApiAppsV1StatefulSetSpec of kubernetes-models. */
async function validatorOf(name) {
  const file = `${name.replace(/\.status$/, '').split(/[.-]/).map((part) => part[0].toUpperCase() + part.slice(1)).join('')}.js`;
  const dir = VALIDATOR_DIRS.find((each) => existsSync(join(each, file)));
  return dir ? (await import(pathToFileURL(join(dir, file)).href)).validate : undefined;
}

export function reportIntegers({ int32, int64, number, unprobed }) {
  console.log(`  integers: ${int32} int32 and ${int64} int64 fields; ${number} number fields stay numbers`);
  if (unprobed.length > 0) console.log(`  not in kubernetes-models, number fields left as they are: ${unprobed.join(', ')}`);
}
